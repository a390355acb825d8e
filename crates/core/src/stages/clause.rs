//! Clause helpers shared by the role, modality and time stages: subjects, objects,
//! prepositions, reporting verbs and coordination, read off the token sequence.

use crate::doc::{Doc, MentionKind, TokenKind};
use crate::knowledge::inflect::is_participle;

/// Prepositions: a mention right after one is not a clause subject.
pub const PREPOSITIONS: &[&str] = &[
    "of",
    "with",
    "to",
    "in",
    "by",
    "for",
    "from",
    "against",
    "on",
    "at",
    "about",
    "beside",
    "besides",
    "between",
    "among",
    "amid",
    "into",
    "toward",
    "towards",
    "over",
    "under",
    "near",
    "after",
    "before",
    "during",
    "since",
    "despite",
    "like",
    "than",
    "through",
    "across",
    "within",
    "without",
    "behind",
    "including",
    "unlike",
    "upon",
    "via",
    "per",
    "around",
    "outside",
    "inside",
    "alongside",
    "onto",
    "following",
    "excluding",
    "throughout",
];

/// Forms of "be" that mark a passive before a participle.
pub const BE_FORMS: &[&str] = &[
    "was", "were", "is", "are", "been", "be", "being", "am", "got", "get", "gets", "'s", "'re",
];

/// Verbs that report what a party says.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "alleged",
    "alleges",
    "allege",
    "insisted",
    "insists",
    "stated",
    "states",
    "told",
    "tells",
    "added",
    "adds",
    "asserted",
    "asserts",
    "contended",
    "contends",
    "argued",
    "argues",
    "maintained",
    "maintains",
    "announced",
    "announces",
    "reported",
    "reports",
    "according",
    "acknowledged",
    "confirmed",
    "confirms",
    "believes",
    "believed",
];

/// "eight U.S. states", "the Gulf states": the noun, which reports nothing. (Only this word:
/// the tagger reads too many a verb "reports" or "claims" as a noun.)
fn is_states_noun(doc: &Doc, t: usize) -> bool {
    doc.tokens[t].norm == "states" && doc.tokens[t].upos == "NOUN"
}

/// Words that open a new clause to the right of a verb: an object is not sought past them.
pub const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "while", "because", "but", "although", "though", "when", "whereas", "since",
    "unless", "if", "after", "before", "as", "saying", "said", "says", "where", "so", "until", "amid",
];

/// Adverbs and auxiliaries that may sit inside a verb group.
pub const VERB_GROUP: &[&str] = &[
    "not",
    "n't",
    "never",
    "also",
    "already",
    "still",
    "just",
    "reportedly",
    "allegedly",
    "repeatedly",
    "then",
    "later",
    "again",
    "recently",
    "now",
    "first",
    "finally",
    "reportedly",
    "apparently",
    "jointly",
    "quickly",
    "have",
    "has",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "did",
    "do",
    "does",
    "to",
    "be",
    "been",
    "being",
    "was",
    "were",
    "is",
    "are",
    "'ll",
    "'d",
    "'s",
    "'ve",
    "'re",
    "gradually",
    "newly",
    "formally",
    "publicly",
    "officially",
    "immediately",
    "previously",
    "once",
    "all",
    "both",
    "each",
];

/// Is the mention usable as a clause subject or object?
pub fn usable(doc: &Doc, m: usize) -> bool {
    let mention = &doc.mentions[m];
    !mention.locative && (!mention.modifier_only || mention.kind == MentionKind::Pronoun && !mention.possessive)
}

/// The token before the mention's phrase, skipping openers like "the".
pub fn token_before(doc: &Doc, m: usize) -> Option<usize> {
    let start = doc.mentions[m].tokens.start;
    (start > 0).then(|| start - 1)
}

/// The subject of the verb at token `t`: the nearest usable mention to the left that is not
/// the object of a preposition, within the sentence.
pub fn subject_of(doc: &Doc, t: usize) -> Option<usize> {
    let sent = &doc.sentences[doc.tokens[t].sentence as usize];
    // "Turkey, which is hosting ...": the relative pronoun's antecedent.
    let vg = verb_group_start(doc, t);
    if vg > sent.tokens.start && matches!(doc.tokens[vg - 1].norm.as_str(), "which" | "who" | "that") {
        let mut a = vg - 1;
        if a > sent.tokens.start && doc.tokens[a - 1].norm == "," {
            a -= 1;
        }
        // "the Irish Republican Army (IRA), who": the name before the parenthesis.
        if a > sent.tokens.start && doc.tokens[a - 1].norm == ")" {
            if let Some(open) = (a.saturating_sub(8).max(sent.tokens.start)..a - 1)
                .rev()
                .find(|&t| doc.tokens[t].norm == "(")
            {
                a = open;
            }
        }
        if a > sent.tokens.start {
            if let Some(m) = doc.mention_at[a - 1] {
                if usable(doc, m) || doc.mentions[m].locative {
                    return Some(m);
                }
            }
        }
        // "a war that has killed thousands": the pronoun stands for a thing, not for a party
        // further left.
        return None;
    }
    let mut i = t;
    let mut steps = 0;
    while i > sent.tokens.start && steps < 40 {
        i -= 1;
        steps += 1;
        let norm = doc.tokens[i].norm.as_str();
        if norm == ";" {
            break;
        }
        // The subject of a reported clause comes after the report: "X said [the mediators will meet]".
        if REPORTING_VERBS.contains(&norm) && norm != "according" && !is_states_noun(doc, i) && i + 1 < t {
            break;
        }
        // ", and two drivers were killed": a new clause with its own subject.
        if matches!(norm, "and" | "but") && i > sent.tokens.start && doc.tokens[i - 1].norm == "," {
            break;
        }
        // "Micronesia, where a US military base is located, welcomed": the subject is before a
        // relative clause set off by commas, not inside it.
        if norm == "," {
            let prev_comma = (i.saturating_sub(30).max(sent.tokens.start)..i)
                .rev()
                .find(|&k| doc.tokens[k].norm == ",");
            let relative = prev_comma.filter(|&o| {
                matches!(
                    doc.tokens[o + 1].norm.as_str(),
                    "where" | "which" | "who" | "whose" | "whom" | "when"
                )
            });
            if let Some(o) = relative {
                i = o;
                continue;
            }
        }
        if let Some(m) = doc.mention_at[i] {
            let mstart = doc.mentions[m].tokens.start;
            let prev = if mstart > sent.tokens.start {
                doc.tokens[mstart - 1].norm.as_str()
            } else {
                ""
            };
            // Skip the whole mention.
            i = mstart;
            // "after the European Union imposed ...": a subordinator, not a preposition, before a subject.
            let subordinator = matches!(
                prev,
                "after" | "before" | "since" | "until" | "while" | "because" | "when" | "as"
            );
            if (is_prepositional_object(doc, m) || PREPOSITIONS.contains(&prev)) && !subordinator && !of_container(doc, m)
                || !usable(doc, m)
            {
                continue;
            }
            return Some(m);
        }
    }
    None
}

/// Nouns that stand for the party named after their "of": "the tiny country of Suriname",
/// "representatives of Georgia", "members of the Georgian parliament", "hundreds of
/// demonstrators".
const OF_CONTAINERS: &[&str] = &[
    "country",
    "nation",
    "state",
    "kingdom",
    "republic",
    "island",
    "islands",
    "emirate",
    "people",
    "representatives",
    "members",
    "delegates",
    "leaders",
    "leadership",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "heads",
    "chief",
    // Quantities and collectives: "hundreds of demonstrators marched", "a group of rebels".
    "hundreds",
    "thousands",
    "dozens",
    "scores",
    "tens",
    "millions",
    "group",
    "groups",
    "number",
    "handful",
    "band",
    "contingent",
    "some",
    "many",
    "most",
    "several",
];

/// Is the mention the party a container noun stands for ("the country of Suriname ... has
/// requested"): right after "of" with the container noun before it, not itself a mention.
pub fn of_container(doc: &Doc, m: usize) -> bool {
    let start = doc.mentions[m].tokens.start;
    start >= 2
        && doc.tokens[start - 1].norm == "of"
        && doc.tokens[start - 2].sentence == doc.mentions[m].sentence
        && doc.mention_at[start - 2].is_none()
        && OF_CONTAINERS.contains(&doc.tokens[start - 2].norm.as_str())
}

/// Is the mention (or the first of its list) the object of a preposition ("with Rao and Humayun")?
pub fn is_prepositional_object(doc: &Doc, m: usize) -> bool {
    let first = conjuncts(doc, m)[0];
    let start = doc.mentions[first].tokens.start;
    start > 0
        && doc.tokens[start - 1].sentence == doc.mentions[m].sentence
        && PREPOSITIONS.contains(&doc.tokens[start - 1].norm.as_str())
}

/// The object of the verb or noun ending at token `t`: the first usable mention to the right
/// before a clause opener. `prepositions` restricts which prepositions may precede it (None: any).
pub fn object_of(doc: &Doc, t: usize, prepositions: Option<&[&str]>, limit_tokens: usize) -> Option<usize> {
    let sent = &doc.sentences[doc.tokens[t].sentence as usize];
    let mut i = t + 1;
    let end = sent.tokens.end.min(t + 1 + limit_tokens);
    while i < end {
        let norm = doc.tokens[i].norm.as_str();
        if matches!(norm, ";" | ":" | "." | "?" | "!" | "(") || CLAUSE_OPENERS.contains(&norm) && doc.mention_at[i].is_none() {
            return None;
        }
        if norm == "," {
            return None;
        }
        if let Some(m) = doc.mention_at[i] {
            let mstart = doc.mentions[m].tokens.start;
            let prev = if mstart > sent.tokens.start {
                doc.tokens[mstart - 1].norm.as_str()
            } else {
                ""
            };
            let prep_ok = match prepositions {
                None => true,
                Some(list) => list.contains(&prev) || prev.ends_with("ing") && !PREPOSITIONS.contains(&prev),
            };
            // Targets may be named by a modifier: "attacked Russian positions".
            if !doc.mentions[m].locative && prep_ok {
                return Some(m);
            }
            i = doc.mentions[m].tokens.end;
            continue;
        }
        i += 1;
    }
    None
}

/// Mentions coordinated with `m` ("France and Britain", "Obama and Hollande"), `m` included,
/// in text order. A list needs an "and"/"or": "France, whose president" is no list.
/// "The leaders of Tunisia and Egypt", "officials from Serbia and Guyana": a group that took its
/// code from the mention right after its "of" or "from" (through a chain of such, within the parser window) acts with the first list in
/// that chain.
pub fn conjuncts(doc: &Doc, m: usize) -> Vec<usize> {
    // "the two countries": the mention and the last mention of the second party.
    if let Some(second) = doc.mentions[m].also {
        let partner = doc.mentions[..m]
            .iter()
            .rposition(|x| x.entity == second && !x.actor.code.is_empty());
        return std::iter::once(m).chain(partner).collect();
    }
    if let Some(list) = coordinated_list(doc, m) {
        return list;
    }
    let mut out = vec![m];
    let limit = doc.mentions[m].tokens.end + crate::stages::pos::WINDOW;
    let mut cur = m;
    while let Some(n) = of_same_party(doc, cur).filter(|&n| doc.mentions[n].tokens.start < limit) {
        if let Some(list) = coordinated_list(doc, n) {
            out.extend(list.into_iter().filter(|&x| x != n));
            break;
        }
        cur = n;
    }
    out
}

/// How far a coordinated list is followed on each side of a mention: lists of news text are
/// short, and a list of thousands (a run-on sentence) must not make every event of it carry
/// thousands of parties (quadratic time and memory).
const MAX_LIST_REACH: usize = 16;

/// The list `m` belongs to, `m` included, in text order (at most `MAX_LIST_REACH` on each
/// side); `None` when no "and"/"or" links it.
fn coordinated_list(doc: &Doc, m: usize) -> Option<Vec<usize>> {
    let mut before = Vec::new();
    let mut has_and = false;
    let mut cur = m;
    while before.len() < MAX_LIST_REACH {
        let Some((prev, and)) = coordinated_neighbour(doc, cur, false) else {
            break;
        };
        before.push(prev);
        has_and |= and;
        cur = prev;
    }
    let mut out: Vec<usize> = before.into_iter().rev().collect();
    out.push(m);
    cur = m;
    for _ in 0..MAX_LIST_REACH {
        let Some((next, and)) = coordinated_neighbour(doc, cur, true) else {
            break;
        };
        out.push(next);
        has_and |= and;
        cur = next;
    }
    has_and.then_some(out)
}

/// The mention right after `m`'s "of" or "from" that carries `m`'s (non-empty) code ("the
/// leaders of Tunisia": Tunisia; "officials from Serbia": Serbia).
fn of_same_party(doc: &Doc, m: usize) -> Option<usize> {
    let mention = &doc.mentions[m];
    if mention.actor.code.is_empty()
        || doc
            .tokens
            .get(mention.tokens.end)
            .is_none_or(|t| !matches!(t.norm.as_str(), "of" | "from"))
    {
        return None;
    }
    doc.mention_at
        .get(mention.tokens.end + 1)
        .copied()
        .flatten()
        .filter(|&n| n != m && doc.mentions[n].actor.code == mention.actor.code)
}

/// The next mention in a list, and whether the link had "and"/"or".
fn coordinated_neighbour(doc: &Doc, m: usize, right: bool) -> Option<(usize, bool)> {
    let mention = &doc.mentions[m];
    if mention.kind == MentionKind::Pronoun {
        return None;
    }
    let s = mention.sentence as usize;
    let sent = &doc.sentences[s];
    // "the Kingdom of Saudi Arabia and the Kingdom of Jordan": a list member may stand after a
    // container noun and "of".
    let mut i = if right {
        mention.tokens.end
    } else if of_container(doc, m) {
        mention.tokens.start.checked_sub(3)?
    } else {
        mention.tokens.start.checked_sub(1)?
    };
    let mut saw_conj = false;
    let mut saw_and = false;
    let mut steps = 0;
    loop {
        if i < sent.tokens.start || i >= sent.tokens.end || steps > 3 {
            return None;
        }
        let norm = doc.tokens[i].norm.as_str();
        if let Some(other) = doc.mention_at[i] {
            if other == m {
                return None;
            }
            let o = &doc.mentions[other];
            let named = !o.actor.code.is_empty() || o.actor.name.is_some() || o.actor.sector.is_some();
            let ok =
                saw_conj && o.kind != MentionKind::Pronoun && !o.locative && !o.modifier_only && !mention.modifier_only && named;
            return ok.then_some((other, saw_and));
        }
        if right
            && saw_conj
            && OF_CONTAINERS.contains(&norm)
            && doc.tokens.get(i + 1).is_some_and(|t| t.norm == "of")
            && doc
                .mention_at
                .get(i + 2)
                .copied()
                .flatten()
                .is_some_and(|o| of_container(doc, o))
        {
            i += 2;
            steps += 1;
            continue;
        }
        if matches!(norm, "and" | "or" | "&") {
            saw_conj = true;
            saw_and = true;
        } else if norm == "," {
            saw_conj = true;
        } else if !(matches!(norm, "the" | "both" | "as" | "well")
            || right && matches!(norm, "also")
            || is_adjective_like(doc, i))
        {
            return None;
        }
        steps += 1;
        if right {
            i += 1;
        } else {
            if i == 0 {
                return None;
            }
            i -= 1;
        }
    }
}

/// A lower-case adjective between list members: "Sudan's army and the paramilitary Rapid Support Forces".
fn is_adjective_like(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Word
        && !t.capitalized
        && ["ary", "al", "ist", "ian", "ish", "ese", "ic", "ive"]
            .iter()
            .any(|suf| t.norm.ends_with(suf))
}

/// Is the verb at token `t` a passive participle ("was shot down", "was arrested and charged")?
pub fn is_passive(doc: &Doc, t: usize) -> bool {
    if !is_participle(&doc.tokens[t].norm) {
        return false;
    }
    let sent = &doc.sentences[doc.tokens[t].sentence as usize];
    // "was arrested and charged with": a participle joined to a passive one is passive too
    // (a chain of "participle and participle", followed back within the parser window).
    let mut p = t;
    while p >= sent.tokens.start + 2
        && t - p < crate::stages::pos::WINDOW
        && matches!(doc.tokens[p - 1].norm.as_str(), "and" | "or")
        && is_participle(&doc.tokens[p - 2].norm)
    {
        p -= 2;
        if be_before(doc, p, sent.tokens.start) {
            return true;
        }
    }
    be_before(doc, t, sent.tokens.start)
}

/// Does a form of "be" open the verb group that ends in the participle at `t` ("was shot")?
fn be_before(doc: &Doc, t: usize, sentence_start: usize) -> bool {
    let mut i = t;
    let mut steps = 0;
    while i > sentence_start && steps < 4 {
        i -= 1;
        steps += 1;
        let norm = doc.tokens[i].norm.as_str();
        if BE_FORMS.contains(&norm) {
            return norm != "'s" || steps == 1;
        }
        if !(VERB_GROUP.contains(&norm) || norm.ends_with("ly")) {
            return false;
        }
    }
    false
}

/// The first token of the verb group ending at `t` (auxiliaries, adverbs, negation).
pub fn verb_group_start(doc: &Doc, t: usize) -> usize {
    let sent = &doc.sentences[doc.tokens[t].sentence as usize];
    let mut i = t;
    while i > sent.tokens.start {
        let norm = doc.tokens[i - 1].norm.as_str();
        if VERB_GROUP.contains(&norm)
            || norm.ends_with("ly") && doc.tokens[i - 1].kind == TokenKind::Word && doc.mention_at[i - 1].is_none()
        {
            i -= 1;
        } else {
            break;
        }
    }
    i
}

/// Reporting verbs in a sentence with their subjects: (verb token, subject mention).
pub fn reporting_clauses(doc: &Doc, sentence: usize, near: usize) -> Vec<(usize, Option<usize>)> {
    let sent = &doc.sentences[sentence];
    let mut out = Vec::new();
    for t in crate::stages::tree::near(doc, sentence, near) {
        let norm = doc.tokens[t].norm.as_str();
        if !REPORTING_VERBS.contains(&norm) || is_states_noun(doc, t) {
            continue;
        }
        if norm == "according" {
            // "according to X"
            let obj = object_of(doc, t, Some(&["to"]), 8);
            out.push((t, obj));
            continue;
        }
        // "“...,” said Obama." — subject after the verb, then the end of the clause; "X said" — before.
        let after = doc.mention_at.get(t + 1).copied().flatten().filter(|&m| {
            let end = doc.mentions[m].tokens.end;
            end >= sent.tokens.end || matches!(doc.tokens[end].norm.as_str(), "," | "." | "\"" | ";" | ":")
        });
        // The subject right before the verb ("the group said"): not a mention further left.
        let before = subject_of(doc, t).filter(|&m| {
            let gap = doc
                .tokens
                .get(doc.mentions[m].tokens.end..t)
                .unwrap_or(&[])
                .iter()
                .filter(|x| !VERB_GROUP.contains(&x.norm.as_str()) && !x.norm.ends_with("ly"))
                .count();
            gap == 0
        });
        let inverted = t > sent.tokens.start && matches!(doc.tokens[t - 1].norm.as_str(), "," | "\"" | "'");
        out.push((t, if inverted { after.or(before) } else { before.or(after) }));
    }
    out
}
