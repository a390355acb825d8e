//! Stage 3: event triggers from the lexicon.
//!
//! Every lexicon pattern is tried at every token whose form can start it; among overlapping
//! matches the most specific (most words) wins. A token that is both a verb and a noun entry
//! ("attacks") is read as a noun after a determiner, adjective or possessive, else as a verb.

use crate::diag::Diagnostics;
use crate::doc::{Doc, Event, Modality, TokenKind};
use crate::knowledge::{Element, Knowledge, LexEntry};
use crate::pipeline::Stage;

/// Finds event triggers.
pub struct TriggerFinder<'k> {
    knowledge: &'k Knowledge,
}

impl<'k> TriggerFinder<'k> {
    /// Stable stage name.
    pub const NAME: &'static str = "trigger-finder";
    /// A finder over this knowledge.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        TriggerFinder { knowledge }
    }
}

/// The most words a gap (`*`) may cover ("ended its long and costly embargo" has four); a
/// hyphenated compound counts once, figures and currency signs not at all ("its $20 billion
/// economic embargo": three).
pub const GAP_WORDS: usize = 4;

/// The most tokens a pattern match can span: words, gaps of `GAP_WORDS` words (a hyphenated
/// one counting once) and a six-token slot, with room to spare.
const MAX_SPAN: usize = 64;

/// A pattern match: matched word tokens and the slot range.
#[derive(Clone, Debug)]
pub struct PatternMatch {
    /// Tokens matched by word elements.
    pub words: Vec<usize>,
    /// Slot token range.
    pub slot: Option<std::ops::Range<usize>>,
    /// A verb-object pattern read in the passive ("the curfew was lifted" for `lift *
    /// curfew`): the object's token, which stands before the verb; `words` holds the verb.
    pub passive_object: Option<usize>,
}

impl PatternMatch {
    /// First and last token the match covers (a passive match runs from its object to its verb).
    fn span(&self) -> (usize, usize) {
        let first = self.words[0];
        let last = *self.words.last().expect("pattern has a word");
        (self.passive_object.map_or(first, |o| o.min(first)), last)
    }
}

/// The most tokens between a passive verb-object pattern's object and its verb group ("the
/// evening curfew imposed on the capital city, Libreville, has been lifted": nine).
const PASSIVE_OBJECT_REACH: usize = 12;

/// Pronouns that are a clause's subject.
const SUBJECT_PRONOUNS: &[&str] = &["it", "he", "she", "they", "we", "i", "you"];

/// A verb-object pattern (`lift * curfew`, `impose * =sanctions`) read in the passive at the
/// participle `verb` ("the curfew in Djibouti has been lifted", "sanctions were imposed"):
/// the object is the head noun of the passive's subject, read back from the verb group across
/// its modifiers ("in Djibouti", "imposed on the capital") but never across a finite verb or
/// a clause opener. Two-word patterns, with or without a gap between verb and object, and
/// patterns with a gap whose verb takes particles or whose object is two or three words.
/// `verb` must be a passive participle (`clause::is_passive`), which the caller checks once
/// for all the entries the token starts.
fn match_passive(doc: &Doc, elements: &[Element], verb: usize, sentence: std::ops::Range<usize>) -> Option<PatternMatch> {
    let (Some(Element::Word(verbs)), Some(Element::Word(objects))) = (elements.first(), elements.last()) else {
        return None;
    };
    // A verb, its particles and a gap before a longer object ("shut down * internet": "the
    // internet was shut down"; "suspend * social media": "social media was suspended"); the
    // particles follow the participle, the object's words stand together before its head.
    let (particles, modifiers): (&[Element], &[Element]) = match elements.iter().position(|e| matches!(e, Element::Gap)) {
        None if elements.len() == 2 => (&[], &[]),
        Some(g) if g + 1 < elements.len() => (&elements[1..g], &elements[g + 1..elements.len() - 1]),
        _ => return None,
    };
    if verbs.binary_search(&doc.tokens[verb].norm).is_err() || particles.len() > 2 || modifiers.len() > 2 {
        return None;
    }
    let word_at = |e: &Element, t: usize| matches!(e, Element::Word(forms) if t < sentence.end && forms.binary_search(&doc.tokens[t].norm).is_ok());
    if !particles.iter().enumerate().all(|(i, e)| word_at(e, verb + 1 + i)) {
        return None;
    }
    let mut words = vec![verb];
    words.extend((0..particles.len()).map(|i| verb + 1 + i));
    let group = crate::stages::clause::verb_group_start(doc, verb);
    let lowest = group.saturating_sub(PASSIVE_OBJECT_REACH).max(sentence.start);
    let mut j = group;
    while j > lowest {
        j -= 1;
        let t = &doc.tokens[j];
        if objects.binary_search(&t.norm).is_ok() && matches!(t.upos, "NOUN" | "PROPN") {
            // The head noun of the subject, not a modifier of the next noun ("the curfew
            // order was lifted": the order).
            let next_is_noun = j + 1 < group && matches!(doc.tokens[j + 1].upos, "NOUN" | "PROPN");
            let modified =
                j >= sentence.start + modifiers.len() && modifiers.iter().rev().enumerate().all(|(i, e)| word_at(e, j - 1 - i));
            return (!next_is_noun && modified).then_some(PatternMatch {
                words,
                slot: None,
                passive_object: Some(j),
            });
        }
        // Another verb ends the subject, unless it is a participle right after its noun
        // ("the curfew imposed on"); so does a subject pronoun ("said it would be sent").
        let reduced_relative = t.upos == "VERB"
            && crate::knowledge::inflect::is_participle(&t.norm)
            && j > sentence.start
            && matches!(doc.tokens[j - 1].upos, "NOUN" | "PROPN");
        let verb = matches!(t.upos, "AUX" | "VERB") && !reduced_relative;
        // A clause opener or a break ends it too.
        let opener = crate::stages::clause::CLAUSE_OPENERS.contains(&t.norm.as_str())
            || matches!(t.norm.as_str(), ";" | ":" | "\"" | "(" | ")");
        if verb || opener || SUBJECT_PRONOUNS.contains(&t.norm.as_str()) {
            return None;
        }
    }
    None
}

/// Tokens a gap or slot may not cross.
/// A barrier token; a hyphen inside a word ("seven-day") is none, a spaced dash is one.
fn is_barrier_at(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.norm == "-" {
        return !doc.is_word_hyphen(i);
    }
    is_barrier(&t.norm)
}

/// Punctuation, and the conjunctions that open a clause of their own ("prepared to strike on
/// Tuesday if no deal is reached" strikes no deal).
fn is_barrier(norm: &str) -> bool {
    matches!(
        norm,
        "," | ";"
            | ":"
            | "."
            | "!"
            | "?"
            | "\""
            | "("
            | ")"
            | "["
            | "]"
            | "-"
            | "'"
            | "if"
            | "unless"
            | "because"
            | "whether"
            | "although"
            | "though"
            | "until"
            | "whereas"
    )
}

/// The closed compound that tokens `i`, a joining hyphen and `i + 2` spell ("cease-fire":
/// "ceasefire"), when all three lie before `limit`.
fn hyphen_compound(doc: &Doc, i: usize, limit: usize) -> Option<String> {
    (i + 2 < limit && doc.tokens[i + 1].norm == "-" && !is_barrier_at(doc, i + 1))
        .then(|| format!("{}{}", doc.tokens[i].norm, doc.tokens[i + 2].norm))
}

/// Try to match `elements` starting at token `i` (the first element must match `i`).
pub fn match_pattern(doc: &Doc, elements: &[Element], i: usize, limit: usize) -> Option<PatternMatch> {
    fn go(doc: &Doc, els: &[Element], pos: usize, limit: usize, acc: &mut PatternMatch) -> bool {
        let Some((first, rest)) = els.split_first() else {
            return true;
        };
        let mut pos = pos;
        // Hyphens in text are skipped between words.
        while pos < limit && doc.tokens[pos].norm == "-" && !acc.words.is_empty() {
            pos += 1;
        }
        match first {
            Element::Word(forms) => {
                if pos < limit && forms.binary_search(&doc.tokens[pos].norm).is_ok() {
                    acc.words.push(pos);
                    if go(doc, rest, pos + 1, limit, acc) {
                        return true;
                    }
                    acc.words.pop();
                }
                // A closed compound written with a hyphen: "cease-fire" is "ceasefire".
                if let Some(joined) = hyphen_compound(doc, pos, limit) {
                    if forms.binary_search(&joined).is_ok() {
                        acc.words.extend([pos, pos + 2]);
                        if go(doc, rest, pos + 3, limit, acc) {
                            return true;
                        }
                        acc.words.truncate(acc.words.len() - 2);
                    }
                }
                false
            }
            Element::Gap => {
                // Up to `GAP_WORDS` words; a hyphenated compound ("seven-day") counts as one.
                let mut end = pos;
                let mut words = 0;
                loop {
                    if go(doc, rest, end, limit, acc) {
                        return true;
                    }
                    if end >= limit || is_barrier_at(doc, end) || words == GAP_WORDS {
                        return false;
                    }
                    let joined = end + 1 < limit && doc.tokens[end + 1].norm == "-" && !is_barrier_at(doc, end + 1);
                    // A figure ("$20", "1.5") is part of the word after it ("billion", "tons").
                    // ("$" is punctuation to the tokenizer, "£" and "€" symbols.)
                    let figure =
                        matches!(doc.tokens[end].kind, TokenKind::Number | TokenKind::Symbol) || doc.tokens[end].norm == "$";
                    end += if joined { 2 } else { 1 };
                    if !joined && !figure {
                        words += 1;
                    }
                }
            }
            Element::Slot => {
                for len in 1..=6 {
                    if pos + len > limit || is_barrier_at(doc, pos + len - 1) {
                        break;
                    }
                    acc.slot = Some(pos..pos + len);
                    if go(doc, rest, pos + len, limit, acc) {
                        return true;
                    }
                }
                acc.slot = None;
                false
            }
        }
    }
    let mut acc = PatternMatch {
        words: Vec::new(),
        slot: None,
        passive_object: None,
    };
    go(doc, elements, i, limit, &mut acc).then_some(acc)
}

/// A mention that names someone ("Islamic State", "Hollande"), not a bare title or group noun
/// ("ambassador", "troops") that a pattern may contain.
fn names_someone(m: &crate::doc::Mention) -> bool {
    use crate::doc::MentionKind;
    match m.kind {
        MentionKind::Group | MentionKind::Pronoun => false,
        MentionKind::Person => m.actor.name.is_some(),
        _ => true,
    }
}

/// Compound nouns whose second word is a trigger word but that name no event: (first word,
/// trigger word).
const NOT_EVENTS: &[(&str, &str)] = &[("press", "release"), ("news", "release"), ("press", "releases")];

/// What is published rather than freed when it is "released".
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "report",
    "reports",
    "video",
    "videos",
    "footage",
    "list",
    "document",
    "documents",
    "details",
    "book",
    "figures",
    "survey",
    "film",
    "data",
    "study",
    "studies",
    "results",
    "findings",
    "images",
    "photos",
    "photographs",
    "audio",
    "recording",
    "transcript",
    "letter",
    "budget",
    "plan",
    "communique",
    "communiqué",
    "album",
    "song",
    "version",
    "update",
    "guidelines",
    "proposal",
    "text",
    "memo",
    "map",
    "poll",
    "estimate",
    "estimates",
];

/// Whether "release" at `t` publishes something: a document noun right before it ("a
/// statement released by") or as its object within four words ("released a new report").
fn releases_a_document(doc: &Doc, t: usize, sentence: std::ops::Range<usize>) -> bool {
    (t > sentence.start && DOCUMENT_NOUNS.contains(&doc.tokens[t - 1].norm.as_str()))
        || object_among(doc, t, sentence, DOCUMENT_NOUNS)
}

/// Whether one of `nouns` follows the verb at `t` within four words, inside its clause.
fn object_among(doc: &Doc, t: usize, sentence: std::ops::Range<usize>, nouns: &[&str]) -> bool {
    (t + 1..(t + 5).min(sentence.end))
        .take_while(|&i| !is_barrier_at(doc, i))
        .any(|i| nouns.contains(&doc.tokens[i].norm.as_str()))
}

/// What a legislature or government approves when it makes law, not when it backs a party.
const LEGISLATION_NOUNS: &[&str] = &[
    "law",
    "laws",
    "bill",
    "bills",
    "measure",
    "measures",
    "legislation",
    "budget",
    "amendment",
    "amendments",
    "decree",
    "regulation",
    "regulations",
    "ordinance",
];

/// What one meets that is not a party: "meet its obligations", "met the deadline".
const MET_THINGS: &[&str] = &[
    "goal",
    "goals",
    "obligation",
    "obligations",
    "criteria",
    "criterion",
    "resistance",
    "need",
    "needs",
    "requirement",
    "requirements",
    "condition",
    "conditions",
    "deadline",
    "deadlines",
    "challenge",
    "challenges",
    "commitment",
    "commitments",
    "standard",
    "standards",
    "target",
    "targets",
    "expectations",
    "cost",
    "costs",
    "quota",
    "quotas",
];

/// Participles whose passive names no event: conditions or demands "are met", rights "are
/// protected".
const PASSIVE_NO_EVENT: &[&str] = &["met", "protected"];

/// Verbs that only carry out the act their object names ("launch an attack", "carry out a
/// raid").
const CARRIER_VERBS: &[&str] = &[
    "launch",
    "carry",
    "conduct",
    "stage",
    "mount",
    "perpetrate",
    "unleash",
    "commit",
];

/// What "a demonstration of" shows when it is no protest.
const DEMONSTRATED_QUALITIES: &[&str] = &[
    "commitment",
    "resolve",
    "strength",
    "power",
    "force",
    "unity",
    "goodwill",
    "good",
    "determination",
    "capability",
    "capabilities",
    "will",
    "intent",
    "confidence",
    "leadership",
    "friendship",
    "loyalty",
];

/// Verb triggers whose noun is a thing ("mobile phones", "a guided tour"), not an act.
const THING_NOUNS: &[&str] = &["phone", "phones", "tour", "tours"];

/// Determiners: a verb never follows one.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "every", "each",
];

/// Words before a token that make it a noun ("the attacks", "Russian claims").
const NOUN_CUES: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that", "such", "similar", "new", "more",
    "any", "no", "further", "fresh", "recent", "latest", "deadly", "'s", "of", "for", "after", "joint", "military", "possible",
    "renewed", "major", "planned", "massive", "first", "second", "last", "two", "several",
];

impl TriggerFinder<'_> {
    fn prefers_noun(&self, doc: &Doc, i: usize, sentence_start: usize) -> bool {
        // The tagger's reading first; the cues below when it has none.
        match doc.tokens[i].upos {
            "NOUN" | "PROPN" => return true,
            "VERB" => return false,
            _ => {}
        }
        if i == sentence_start {
            return false;
        }
        let prev = &doc.tokens[i - 1];
        // "after meeting with", "while visiting": a gerund, read as a verb.
        if doc.tokens[i].norm.ends_with("ing")
            && matches!(
                prev.norm.as_str(),
                "after" | "before" | "while" | "since" | "by" | "without" | "when" | "upon" | "on"
            )
        {
            return false;
        }
        NOUN_CUES.contains(&prev.norm.as_str())
            || prev.kind == TokenKind::Number
            || doc
                .mention_at
                .get(i - 1)
                .copied()
                .flatten()
                .is_some_and(|m| doc.mentions[m].modifier_only || doc.mentions[m].possessive)
            || prev.norm.ends_with("ist")
            || prev.norm.ends_with("ary")
    }
}

impl Stage for TriggerFinder<'_> {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, _diag: &mut Diagnostics) {
        let lex = &self.knowledge.lexicon;
        let mut events = Vec::new();
        for s in 0..doc.sentences.len() {
            if doc.sentences[s].headline {
                continue;
            }
            let range = doc.sentences[s].tokens.clone();
            let mut found: Vec<(usize, PatternMatch)> = Vec::new();
            for i in range.clone() {
                // "cease-fire" also starts the patterns of "ceasefire".
                let joined = hyphen_compound(doc, i, range.end);
                let compound = joined.as_deref().map(|j| lex.candidates(j)).unwrap_or(&[]);
                for &e in lex.candidates(&doc.tokens[i].norm).iter().chain(compound) {
                    if let Some(m) = match_pattern(doc, &lex.entries[e].elements, i, range.end) {
                        found.push((e, m));
                    }
                }
            }
            // Verb-object patterns in the passive ("the ban was lifted"), unless the object
            // codes the same event alone ("an agreement was signed between A and B": the noun,
            // whose parties the nominal reading finds).
            let mut passives: Vec<(usize, PatternMatch)> = Vec::new();
            for k in range.clone() {
                if !crate::stages::clause::is_passive(doc, k) {
                    continue;
                }
                for &e in lex.candidates(&doc.tokens[k].norm) {
                    let entry = &lex.entries[e];
                    if entry.nominal {
                        continue;
                    }
                    let Some(m) = match_passive(doc, &entry.elements, k, range.clone()) else {
                        continue;
                    };
                    let object = m.passive_object.expect("a passive match has its object");
                    let alone = found
                        .iter()
                        .any(|(o, om)| om.words == [object] && lex.entries[*o].nominal && lex.entries[*o].event == entry.event);
                    if !alone {
                        passives.push((e, m));
                    }
                }
            }
            found.extend(passives);
            found.sort_by_key(|(_, m)| m.span().0);
            // A match that starts inside a longer one and ends with it is its object
            // ("suspend its anti-government protests", "declared a cease-fire"): the longer
            // one is tried first, and the object codes alone only where the longer one does
            // not ("urged Tbilisi to release": "urge _ to" beats "urge * release", and then
            // "release" codes). `found` is in order of first word and a pattern spans at
            // most `MAX_SPAN` tokens, so the search looks back that far. (Two matches from
            // the same word go by specificity.)
            let span = |m: &PatternMatch| m.span();
            let enclosed: Vec<bool> = (0..found.len())
                .map(|j| {
                    let (bs, be) = span(&found[j].1);
                    let from = found.partition_point(|(_, m)| span(m).0 + MAX_SPAN < bs);
                    found[from..]
                        .iter()
                        .take_while(|(_, m)| span(m).0 < bs)
                        .any(|(_, m)| span(m).1 >= be)
                })
                .collect();
            let mut found: Vec<(bool, usize, PatternMatch)> =
                found.into_iter().zip(enclosed).map(|((e, m), inner)| (inner, e, m)).collect();
            // Most specific first; verbs or nouns by context when the same words match both.
            found.sort_by(|(ia, a, ma), (ib, b, mb)| {
                let (ea, eb) = (&lex.entries[*a], &lex.entries[*b]);
                ia.cmp(ib)
                    .then(eb.words().cmp(&ea.words()))
                    .then(ma.words[0].cmp(&mb.words[0]))
                    .then_with(|| {
                        let noun = self.prefers_noun(doc, ma.words[0], range.start);
                        let pref = |e: &LexEntry| if e.nominal == noun { 0 } else { 1 };
                        pref(ea).cmp(&pref(eb))
                    })
                    .then(a.cmp(b))
            });
            // "launched a cyber attack", "carried out a drone attack": a verb that only carries
            // out its object, whose object is a more specific compound trigger, codes as that
            // compound with the verb's roles. (Verbs that act on their object, "suspend",
            // "declare", "sign", "hold", keep their own code.)
            let specific_object = |e: usize, m: &PatternMatch| -> Option<usize> {
                let carrier = match lex.entries[e].elements.first() {
                    Some(Element::Word(forms)) => forms.iter().any(|f| CARRIER_VERBS.contains(&f.as_str())),
                    _ => false,
                };
                // An entry that names its own mode ("carry out * suicide * attack") is specific already.
                if !carrier || lex.entries[e].mode.is_some() {
                    return None;
                }
                let (lo, hi) = span(m);
                found
                    .iter()
                    .filter(|(inner, o, om)| {
                        let (olo, ohi) = span(om);
                        *inner && *o != e && olo > lo && ohi == hi && lex.entries[*o].nominal && lex.entries[*o].words() >= 2
                    })
                    .max_by_key(|(_, o, _)| lex.entries[*o].words())
                    .map(|(_, o, _)| *o)
            };
            // A sentence whose words are mostly capitalised is a title.
            let words = range.clone().filter(|&t| doc.tokens[t].kind == TokenKind::Word);
            let (caps, all) = words.fold((0, 0), |(c, a), t| (c + usize::from(doc.tokens[t].capitalized), a + 1));
            let title_case = caps * 5 >= all * 3;
            let mut taken = vec![false; range.end - range.start];
            for (inner, e, m) in &found {
                let (inner, e) = (*inner, *e);
                let words = || m.words.iter().chain(&m.passive_object);
                if words().any(|&t| taken[t - range.start]) {
                    continue;
                }
                // A token covered by an actor name is not a trigger ("Islamic State" is not "state").
                if words().any(|&t| doc.mention_at[t].is_some_and(|mi| names_someone(&doc.mentions[mi]))) {
                    continue;
                }
                // "the press release": a compound noun, no event, whether the trigger is its last
                // word ("release") or spans it ("press * release" with nothing between).
                let first_word = m.words[0];
                let last_word = *m.words.last().expect("a match has words");
                let compound = |t: usize| NOT_EVENTS.contains(&(doc.tokens[t].norm.as_str(), doc.tokens[t + 1].norm.as_str()));
                if (first_word.max(range.start + 1) - 1..last_word).any(compound) {
                    continue;
                }
                // "the captured soldiers", "the shelled villages": a participle after a determiner is an adjective.
                let entry = &lex.entries[e];
                // "the Trans-Pacific Partnership", "the Free Trade Agreement": a capitalised noun
                // after a capitalised word inside a sentence is part of a name, not an event.
                // (Not in a headline written in title case; a named summit or round of talks
                // is still a meeting: "the G20 Summit".)
                if entry.nominal
                    && entry.event.as_deref() != Some("CONSULT")
                    && first_word > range.start + 1
                    && m.words.iter().all(|&t| doc.tokens[t].capitalized)
                    && doc.tokens[first_word - 1].capitalized
                    && doc.tokens[first_word - 1].kind == TokenKind::Word
                    && !title_case
                {
                    continue;
                }
                // "released a statement", "a report released on Monday": publishing, not freeing.
                if doc.tokens[first_word].norm.starts_with("releas") && releases_a_document(doc, first_word, range.clone()) {
                    continue;
                }
                // "lawmakers approved a measure", "parliament passed the budget": making a law is
                // no support of another party.
                if m.words.len() == 1
                    && doc.tokens[first_word].norm.starts_with("approv")
                    && object_among(doc, first_word, range.clone(), LEGISLATION_NOUNS)
                {
                    continue;
                }
                // "meet its obligations", "met stiff resistance": meeting a goal or a condition is
                // no meeting with a party.
                if m.words.len() == 1
                    && matches!(doc.tokens[first_word].norm.as_str(), "meet" | "meets" | "met" | "meeting")
                    && object_among(doc, first_word, range.clone(), MET_THINGS)
                {
                    continue;
                }
                // "a demonstration of its commitment", "a rare demonstration that the country is
                // willing": showing a quality, not a protest.
                if m.words.len() == 1 && matches!(doc.tokens[first_word].norm.as_str(), "demonstration" | "demonstrations") {
                    let next = |k: usize| {
                        doc.tokens
                            .get(first_word + k)
                            .filter(|_| first_word + k < range.end)
                            .map(|t| t.norm.as_str())
                    };
                    // ("demonstrations that drew thousands": a relative clause, the protest itself.)
                    let that_clause = next(1) == Some("that")
                        && doc
                            .tokens
                            .get(first_word + 2)
                            .is_some_and(|t| !matches!(t.upos, "VERB" | "AUX" | "ADV"));
                    let shown = that_clause
                        || next(1) == Some("of")
                            && (2..5)
                                .map_while(next)
                                .find(|n| !DETERMINERS.contains(n) && !matches!(*n, "new" | "continued" | "strong"))
                                .is_some_and(|n| DEMONSTRATED_QUALITIES.contains(&n));
                    if shown {
                        continue;
                    }
                }
                // "if the conditions are met", "as long as rights are protected": no event.
                if !entry.nominal
                    && m.words.len() == 1
                    && m.passive_object.is_none()
                    && PASSIVE_NO_EVENT.contains(&doc.tokens[first_word].norm.as_str())
                    && (range.start..first_word)
                        .rev()
                        .find(|&t| {
                            !matches!(
                                doc.tokens[t].norm.as_str(),
                                "not" | "n't" | "never" | "yet" | "fully" | "also"
                            )
                        })
                        .is_some_and(|t| {
                            matches!(
                                doc.tokens[t].norm.as_str(),
                                "is" | "are" | "was" | "were" | "be" | "been" | "being"
                            )
                        })
                {
                    continue;
                }
                let before = m.words[0]
                    .checked_sub(1)
                    .filter(|&b| b >= range.start)
                    .map(|b| &doc.tokens[b]);
                let adjectival = before.is_some_and(|b| {
                    DETERMINERS.contains(&b.norm.as_str())
                        || b.kind == TokenKind::Number && crate::knowledge::inflect::is_participle(&doc.tokens[m.words[0]].norm)
                });
                if !entry.nominal && adjectival {
                    continue;
                }
                // "to deal with the situation", "they must deal with": a noun entry's word used
                // as a verb, after "to", an auxiliary or a pronoun. (Not a gerund: "the army is
                // fighting an Islamist rebellion" is the fighting the noun entry names.)
                let word = &doc.tokens[first_word];
                if entry.nominal
                    && m.words.len() == 1
                    && word.upos == "VERB"
                    && before.is_some_and(|b| {
                        b.norm == "to" || matches!(b.upos, "AUX" | "PRON" | "PART") && !word.norm.ends_with("ing")
                    })
                {
                    continue;
                }
                // "mobile phones", "camera phones": verbs whose noun names a thing, not an act,
                // read as nouns by the tagger after an adjective or a noun.
                let noun_read = matches!(doc.tokens[m.words[0]].upos, "NOUN" | "PROPN")
                    && before.is_some_and(|b| matches!(b.upos, "ADJ" | "NOUN" | "NUM"));
                if !entry.nominal
                    && m.words.len() == 1
                    && noun_read
                    && THING_NOUNS.contains(&doc.tokens[first_word].norm.as_str())
                {
                    continue;
                }
                // The words inside a multi-word trigger ("signed a seven-day ceasefire agreement")
                // start no other trigger.
                let (lo, hi) = m.span();
                if (lo..=hi).any(|t| taken[t - range.start]) {
                    continue;
                }
                for t in lo..=hi {
                    taken[t - range.start] = true;
                }
                // "provided military support to", "in support of", "the Polish ambassador's
                // request": a one-word verb entry that the tagger reads as a noun after a
                // determiner, an adjective, a preposition or a possessive finds its parties as a
                // noun does (its agent after "from" or "by", its possessor, the subject of the
                // verb it is the object of), not as a verb's subject and object.
                // ("violence, including rape and sexual assault": an item of a list after
                // "including" is a noun whatever its tag.)
                let read_as_noun = m.words.len() == 1
                    && m.passive_object.is_none()
                    && (doc.tokens[first_word].upos == "NOUN"
                        && before.is_some_and(|b| matches!(b.upos, "DET" | "ADJ" | "ADP" | "PRON" | "PART"))
                        || before.is_some_and(|b| b.norm == "including"));
                let e = if inner || entry.nominal {
                    e
                } else {
                    specific_object(e, m).unwrap_or(e)
                };
                events.push(Event {
                    sentence: s as u32,
                    trigger_span: doc.tokens[lo].span.cover(doc.tokens[hi].span),
                    trigger_tokens: m.words.clone(),
                    entry: e,
                    slot: m.slot.clone(),
                    nominal: entry.nominal || read_as_noun,
                    passive: false,
                    passive_object: m.passive_object,
                    carried: false,
                    actors: Vec::new(),
                    recipients: Vec::new(),
                    modality: Modality::Asserted,
                    attribution: None,
                    date: None,
                    date_span: None,
                    places: Vec::new(),
                    evidence: Vec::new(),
                    antecedent: None,
                    contexts: Vec::new(),
                });
            }
        }
        events.sort_by_key(|e| (e.sentence, e.trigger_tokens[0]));
        doc.events = events;
    }
}
