//! Stage 2: actor mentions and in-article coreference.
//!
//! Noun phrases that name actors are built from parts found through the knowledge's phrase
//! index: country names and adjectives ("French", "Turkey"), organisations ("NATO"), titles
//! ("President"), names (known office holders, or capitalised words after a title), and sector
//! nouns ("warplanes", "opposition fighters"). A person introduced once ("French President
//! François Hollande") is found again by surname ("Hollande"); pronouns ("he", "they", "its")
//! and "whose" resolve to the nearest fitting mention before them.

use std::collections::HashMap;

use crate::diag::Diagnostics;
use crate::doc::{ActorRef, Doc, Mention, MentionKind, TokenKind};
use crate::knowledge::{Knowledge, PhraseKind};
use crate::pipeline::Stage;
use crate::span::Span;

/// Finds actor mentions and resolves them to codes.
pub struct ActorTagger<'k> {
    knowledge: &'k Knowledge,
}

impl<'k> ActorTagger<'k> {
    /// Stable stage name.
    pub const NAME: &'static str = "actor-tagger";
    /// A tagger over this knowledge.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        ActorTagger { knowledge }
    }
}

/// Words that may open a noun phrase without changing who it names.
const NP_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "some",
    "several",
    "many",
    "two",
    "three",
    "four",
    "five",
    "dozens",
    "hundreds",
    "thousands",
    "senior",
    "top",
    "former",
    "acting",
    "local",
    "unnamed",
    "unidentified",
    "anonymous",
    "other",
    "both",
    "all",
    "its",
    "their",
    "his",
    "her",
    "our",
    "new",
    "outgoing",
    "incoming",
    "then",
    "then-",
    "fellow",
    "own",
    "armed",
];

/// Modifiers after a name that turn it into a mere modifier: "U.S.-backed", "Saudi-led".
const AGENT_MODIFIERS: &[&str] = &[
    "backed",
    "led",
    "allied",
    "supported",
    "based",
    "trained",
    "funded",
    "sponsored",
    "brokered",
    "made",
    "aligned",
    "controlled",
    "held",
    "run",
    "owned",
    "born",
    "linked",
    "affiliated",
    "friendly",
    "armed",
];

/// Generic person nouns: a sector earlier in the phrase wins over them ("military officials").
const GENERIC_HEADS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "leaders",
    "member",
    "members",
    "representative",
    "representatives",
    "source",
    "sources",
    "chief",
    "chiefs",
    "head",
    "heads",
    "commander",
    "commanders",
];

/// Name particles that may sit inside a person's name.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "le", "la", "abu", "ben", "du", "di", "bint", "abdul",
];

/// Words after a bare country adjective that show it names people, not a modifier.
const NOT_A_HEAD: &[&str] = &[
    "and",
    "or",
    "said",
    "say",
    "says",
    "have",
    "has",
    "had",
    "were",
    "are",
    "was",
    "is",
    "will",
    "would",
    "did",
    "do",
    "also",
    "who",
    "which",
    "that",
    "have",
    "themselves",
];

const PRONOUNS_SINGULAR_PERSON: &[&str] = &["he", "she", "him", "her", "his", "hers"];
const PRONOUNS_PLURAL: &[&str] = &["they", "them", "their", "theirs"];
const PRONOUNS_THING: &[&str] = &["its"];

/// Adjectives of a party's readiness or resolve ("it is willing to", "it was ready to").
const STANCE_ADJECTIVES: &[&str] = &[
    "willing",
    "unwilling",
    "ready",
    "prepared",
    "determined",
    "committed",
    "eager",
    "keen",
    "reluctant",
    "open",
    "poised",
    "opposed",
];

/// "it is time to", "it was clear that", "it seems": an "it" that stands for nothing. Only an
/// "it" that is the subject of a verb other than a bare "be"/"seem" ("it has deployed", "it
/// will restrict", "it said") or an object ("criticised it") refers to a party.
fn dummy_it(doc: &Doc, i: usize) -> bool {
    // "IT consulting": the acronym, not the pronoun.
    if doc.slice(doc.tokens[i].span) == "IT" {
        return true;
    }
    let after = |k: usize| doc.tokens.get(i + k);
    let next = after(1).map_or("", |t| t.norm.as_str());
    // "it was (formally) threatening to expel": a progressive, so a real subject.
    if matches!(next, "is" | "was" | "'s") {
        let adverb = after(2).is_some_and(|t| t.norm.ends_with("ly") || matches!(t.norm.as_str(), "now" | "also" | "still"));
        let verb = after(if adverb { 3 } else { 2 });
        if verb.is_some_and(|t| t.xpos == "VBG" && t.norm != "going") {
            return false;
        }
    }
    // "said it is willing to cooperate", "it was not prepared to", "it would be ready to": a
    // party's stance, so a real subject.
    let stance_at = |k: usize| {
        let k = if after(k).is_some_and(|t| matches!(t.norm.as_str(), "not" | "now" | "also" | "still")) {
            k + 1
        } else {
            k
        };
        after(k).is_some_and(|t| STANCE_ADJECTIVES.contains(&t.norm.as_str()))
    };
    if matches!(next, "is" | "was" | "'s" | "’s") && stance_at(2)
        || matches!(next, "would" | "will") && after(2).is_some_and(|t| t.norm == "be") && stance_at(3)
    {
        return false;
    }
    matches!(
        next,
        "is" | "was"
            | "'s"
            | "’s"
            | "seems"
            | "seemed"
            | "appears"
            | "appeared"
            | "remains"
            | "remained"
            | "takes"
            | "took"
            | ","
            | "."
            | "\""
            | "”"
    ) || after(1).is_some_and(|t| t.upos == "ADJ" || t.xpos == "JJR")
        // "make it easier to", "found it hard to"
        || matches!(next, "would" | "will") && after(2).is_some_and(|t| t.norm == "be")
}

#[derive(Default)]
struct Np {
    actor: ActorRef,
    kind: Option<MentionKind>,
    has_head: bool,
    plural: bool,
    possessive: bool,
    rules: Vec<&'static str>,
    person_from_table: bool,
    sector_head: Option<String>,
    sector_words: Vec<String>,
    /// "the Saudi-led coalition": the country that leads the group.
    led_by: Option<String>,
}

impl Stage for ActorTagger<'_> {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, _diag: &mut Diagnostics) {
        let k = self.knowledge;
        let text = doc.article.text.clone();
        let report = doc.article.report_date;
        // In-article registries: surname/full name → person; sector head → code.
        let mut people: HashMap<String, (ActorRef, usize)> = HashMap::new();
        let mut heads: HashMap<String, String> = HashMap::new();
        let mut next_entity = 0usize;
        let mut entity_of_actor: HashMap<(String, Option<String>, Option<String>), usize> = HashMap::new();
        let mut mentions: Vec<Mention> = Vec::new();

        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let sentence_start = range.start;
            // A dateline names where the report was filed: no actor there.
            let mut i = doc.sentences[s].dateline.as_ref().map_or(range.start, |d| d.end);
            while i < range.end {
                let tok = &doc.tokens[i];
                if tok.kind != TokenKind::Word {
                    i += 1;
                    continue;
                }
                // "the two countries", "both governments": resolved to the last two countries
                // named once every mention is coded (`resolve_pairs`).
                if let Some(end) = pair_phrase_end(doc, i, s as u32) {
                    mentions.push(Mention {
                        tokens: i..end,
                        span: doc.token_span(i, end),
                        sentence: s as u32,
                        actor: ActorRef::default(),
                        kind: MentionKind::Pronoun,
                        modifier_only: false,
                        possessive: false,
                        plural: true,
                        locative: false,
                        entity: next_entity,
                        also: None,
                        rule: PAIR_ANAPHOR.into(),
                    });
                    next_entity += 1;
                    i = end;
                    continue;
                }
                // Pronouns and "whose".
                if let Some(m) = self.pronoun(doc, &mentions, i, s as u32) {
                    i = m.tokens.end.max(i + 1);
                    mentions.push(m);
                    continue;
                }
                let start = i;
                let mut np = Np::default();
                let mut j = i;
                // Openers, unless a name starts there ("New Zealand", "Other Backward Classes").
                let name_starts = |j: usize| {
                    doc.tokens[j].capitalized
                        && !k
                            .phrases
                            .matches_at(&doc.tokens, &text, j, range.end, sentence_start)
                            .is_empty()
                };
                while j < range.end
                    && (NP_OPENERS.contains(&doc.tokens[j].norm.as_str()) && !name_starts(j)
                        || doc.tokens[j].kind == TokenKind::Number
                            && j + 1 < range.end
                            && doc.tokens[j + 1].kind == TokenKind::Word)
                {
                    j += 1;
                }
                let mut parts = 0;
                let mut last_part_end = j;
                loop {
                    if j >= range.end {
                        break;
                    }
                    let matches = k.phrases.matches_at(&doc.tokens, &text, j, range.end, sentence_start);
                    let mut advanced = false;
                    'phrase: {
                        if let Some((phrase, end)) = matches.into_iter().next() {
                            let before = parts;
                            match &phrase.kind {
                                PhraseKind::CountryName(c) | PhraseKind::CountryAdj(c) | PhraseKind::Capital(c) => {
                                    if np.has_head
                                        || !np.actor.code.is_empty() && parts > 0 && np.kind != Some(MentionKind::Country)
                                    {
                                        break 'phrase;
                                    }
                                    // "U.S.-backed": a modifier, skip it. "Saudi-led": the
                                    // country leads the group that follows.
                                    if is_agent_modifier(doc, end, range.end) {
                                        if doc.tokens[end + 1].norm == "led" && np.actor.code.is_empty() {
                                            np.led_by = Some(k.countries[*c].code.clone());
                                        }
                                        j = end + 2;
                                        advanced = true;
                                        parts += 0;
                                        break 'phrase;
                                    }
                                    if !np.actor.code.is_empty() {
                                        break 'phrase; // "France and Britain" are two mentions; "U.S.-French" a modifier pair.
                                    }
                                    // "South American", "Latin American": a region, not the country.
                                    if matches!(phrase.kind, PhraseKind::CountryAdj(_))
                                        && j > sentence_start
                                        && matches!(
                                            doc.slice(doc.tokens[j - 1].span),
                                            "South" | "North" | "Central" | "Latin" | "East" | "West" | "Southeast" | "Northeast"
                                        )
                                    {
                                        break 'phrase;
                                    }
                                    np.actor.code = k.countries[*c].code.clone();
                                    np.kind = Some(match phrase.kind {
                                        PhraseKind::Capital(_) => MentionKind::Capital,
                                        _ => MentionKind::Country,
                                    });
                                    if matches!(phrase.kind, PhraseKind::Capital(_)) {
                                        np.actor.sector = Some("GOV".into());
                                        np.has_head = true;
                                        np.rules.push("capital");
                                    } else if matches!(phrase.kind, PhraseKind::CountryName(_)) {
                                        np.has_head = true;
                                        np.rules.push("country-name");
                                    } else {
                                        np.rules.push("country-adjective");
                                        let t = &doc.tokens[end - 1].norm;
                                        if t.ends_with('s') && !t.ends_with("ss") && end == j + 1 {
                                            np.plural = true;
                                        }
                                    }
                                    parts += 1;
                                }
                                PhraseKind::Org(o) => {
                                    // "the paramilitary Rapid Support Forces": a sector word may describe the organisation.
                                    if np.has_head && !matches!(np.kind, Some(MentionKind::Country) | Some(MentionKind::Group)) {
                                        break 'phrase;
                                    }
                                    if is_agent_modifier(doc, end, range.end) {
                                        j = end + 2;
                                        advanced = true;
                                        break 'phrase;
                                    }
                                    let org = &k.organizations[*o];
                                    // A one-word name without its article ("the Guardian"): not "the Sea Guardian
                                    // exercises", where a capitalised word makes another name.
                                    let article_dropped = org.name.strip_prefix("The ").is_some_and(|rest| phrase.raw == [rest]);
                                    if article_dropped
                                        && parts == 0
                                        && j > sentence_start
                                        && doc.tokens[j - 1].capitalized
                                        && doc.tokens[j - 1].kind == TokenKind::Word
                                        && doc.tokens[j - 1].norm != "the"
                                    {
                                        break 'phrase;
                                    }
                                    // "Peruvian Congress": the adjective's country wins over the institution's default.
                                    if np.actor.code.is_empty() {
                                        np.actor.code = org.code.clone();
                                    }
                                    np.actor.sector = org.sector.clone().or(np.actor.sector.take());
                                    np.actor.name = Some(org.name.clone());
                                    np.kind = Some(MentionKind::Organization);
                                    np.has_head = true;
                                    np.rules.push("organization");
                                    parts += 1;
                                }
                                PhraseKind::Title(t) => {
                                    let office = &k.offices[*t];
                                    np.actor.office = Some(office.office.clone());
                                    np.actor.sector = Some(office.sector.clone());
                                    if np.actor.code.is_empty() {
                                        if let Some(c) = &office.country {
                                            np.actor.code = c.clone();
                                            np.rules.push("country-of-title");
                                        }
                                    }
                                    np.kind = Some(MentionKind::Person);
                                    np.has_head = true;
                                    np.rules.push("title");
                                    parts += 1;
                                }
                                PhraseKind::Person(p) => {
                                    let (idx, person) = pick_person(k, *p, &phrase.tokens, report);
                                    let _ = idx;
                                    // "Morales" after "Guatemala's President Jimmy Morales" is the
                                    // article's Morales, not the table's Evo Morales.
                                    let introduced = match phrase.tokens.as_slice() {
                                        [surname] => people
                                            .get(&fold(surname))
                                            .filter(|(r, _)| r.name.as_deref() != Some(person.name.as_str()))
                                            .cloned(),
                                        _ => None,
                                    };
                                    if let Some((r, _)) = introduced {
                                        np.actor = r;
                                        np.rules.push("earlier-person");
                                    } else {
                                        if np.actor.code.is_empty() {
                                            np.actor.code = person.code.clone();
                                        }
                                        np.actor.name = Some(person.name.clone());
                                        if np.actor.office.is_none() && person.in_office(report) {
                                            np.actor.office = Some(person.office.clone());
                                        }
                                        if np.actor.sector.is_none() {
                                            np.actor.sector = person.sector.clone();
                                        }
                                        np.person_from_table = true;
                                        np.rules.push("known-person");
                                    }
                                    np.kind = Some(MentionKind::Person);
                                    np.has_head = true;
                                    parts += 1;
                                }
                                PhraseKind::Sector(sec) => {
                                    let head_word = doc.tokens[end - 1].norm.clone();
                                    let generic = GENERIC_HEADS.contains(&head_word.as_str());
                                    if np.kind == Some(MentionKind::Person) && np.actor.name.is_some() {
                                        // "Obama administration": the person is a modifier of a group.
                                        np.actor.name = None;
                                        np.actor.office = None;
                                    }
                                    if np.actor.sector.is_none() || !generic {
                                        np.actor.sector = Some(sec.clone());
                                    }
                                    np.plural = head_word.ends_with('s')
                                        || matches!(head_word.as_str(), "police" | "people" | "personnel" | "military");
                                    np.kind = Some(match np.kind {
                                        Some(MentionKind::Organization) => MentionKind::Organization,
                                        _ => MentionKind::Group,
                                    });
                                    np.sector_words.push(head_word.clone());
                                    np.sector_head = Some(head_word);
                                    np.has_head = true;
                                    np.rules.push("sector-noun");
                                    parts += 1;
                                }
                            }
                            if parts > before {
                                j = end;
                                last_part_end = end;
                                advanced = true;
                            }
                            break 'phrase;
                        }
                    }
                    if !advanced && np.kind == Some(MentionKind::Country) && np.actor.sector.is_none() {
                        // "U.S. Special Operations troops", "Singaporean far-right activists":
                        // capitalised words or adjectives, then a sector noun.
                        let describes = |g: usize| {
                            let t = &doc.tokens[g];
                            t.kind == TokenKind::Word
                                && (t.capitalized
                                    || t.upos == "ADJ"
                                    || doc.is_word_hyphen(g + 1)
                                    || g.checked_sub(1).is_some_and(|h| doc.is_word_hyphen(h)))
                                || doc.is_word_hyphen(g)
                        };
                        let mut g = j;
                        while g < range.end && g < j + 4 && describes(g) {
                            g += 1;
                        }
                        if g > j && g < range.end {
                            let sector_next = k
                                .phrases
                                .matches_at(&doc.tokens, &text, g, range.end, sentence_start)
                                .iter()
                                .any(|(p, _)| matches!(p.kind, PhraseKind::Sector(_)));
                            if sector_next {
                                j = g;
                                continue;
                            }
                        }
                    }
                    if !advanced {
                        // A name after a title: capitalised words.
                        if np.kind == Some(MentionKind::Person) && np.actor.name.is_none() {
                            let (name_end, name) = capitalised_name(doc, j, range.end);
                            if name_end > j {
                                if let Some((r, e)) = people.get(&fold(&name)).cloned() {
                                    if np.actor.code.is_empty() {
                                        np.actor.code = r.code.clone();
                                    }
                                    let _ = e;
                                }
                                np.actor.name = Some(name);
                                np.rules.push("name-after-title");
                                j = name_end;
                                last_part_end = j;
                                parts += 1;
                                continue;
                            }
                        }
                        break;
                    }
                    // Possessive ends the phrase: "Turkey's".
                    if last_part_end < range.end && doc.tokens[last_part_end].norm == "'s" {
                        let next_is_part = last_part_end + 1 < range.end
                            && k.phrases
                                .matches_at(&doc.tokens, &text, last_part_end + 1, range.end, sentence_start)
                                .iter()
                                .any(|(p, _)| matches!(p.kind, PhraseKind::Title(_) | PhraseKind::Sector(_)));
                        if next_is_part && np.kind != Some(MentionKind::Person) {
                            j = last_part_end + 1;
                            continue;
                        }
                        np.possessive = true;
                        break;
                    }
                }
                // Surnames of people introduced earlier in the article.
                if parts == 0 && doc.tokens[j.min(range.end - 1)].capitalized && j < range.end {
                    let (name_end, name) = capitalised_name(doc, j, range.end);
                    if name_end > j {
                        if let Some((r, _)) = people.get(&fold(&name)).cloned() {
                            np.actor = r;
                            np.kind = Some(MentionKind::Person);
                            np.has_head = true;
                            np.rules.push("earlier-person");
                            parts = 1;
                            last_part_end = name_end;
                        }
                    }
                }
                if parts == 0 {
                    i = start + 1;
                    continue;
                }
                let end = last_part_end;
                if end < range.end && doc.tokens[end].norm == "'s" {
                    np.possessive = true;
                }
                if let Some(code) = np.led_by.take() {
                    if np.actor.code.is_empty() && np.kind == Some(MentionKind::Group) {
                        np.actor.code = code;
                        np.rules.push("led-by-country");
                    }
                }
                // A bare adjective before another noun is a modifier ("Russian claims").
                let mut modifier_only = np.possessive;
                if !np.has_head {
                    let next = doc.tokens.get(end);
                    let heads_people = np.plural;
                    modifier_only = !heads_people
                        && next.is_some_and(|t| {
                            t.kind == TokenKind::Word
                                && t.sentence == s as u32
                                && !NOT_A_HEAD.contains(&t.norm.as_str())
                                && t.norm != "'s"
                        });
                }
                // Uncoded groups take the code an earlier coded group with the same head had
                // ("the administration" after "the Obama administration").
                if np.actor.code.is_empty() {
                    if let Some(code) = np.sector_words.iter().rev().find_map(|h| heads.get(h)) {
                        np.actor.code = code.clone();
                        np.rules.push("same-head-earlier");
                    }
                } else {
                    for h in &np.sector_words {
                        heads.insert(h.clone(), np.actor.code.clone());
                    }
                }
                // "the French leader", "the Russian president": the person of that country and
                // office named earlier in the article.
                let person_head = np.kind == Some(MentionKind::Person) && np.actor.name.is_none()
                    || np
                        .sector_head
                        .as_deref()
                        .is_some_and(|h| matches!(h, "leader" | "strongman" | "premier" | "monarch" | "ruler"));
                if person_head && !np.actor.code.is_empty() && !np.plural {
                    let earlier = mentions.iter().rev().find(|m| {
                        m.kind == MentionKind::Person
                            && m.actor.name.is_some()
                            && m.actor.code == np.actor.code
                            && (np.actor.office.is_none()
                                || np.actor.office.as_deref() == Some("Leader")
                                || m.actor.office == np.actor.office)
                            && m.actor.sector == np.actor.sector
                    });
                    if let Some(m) = earlier {
                        np.actor = m.actor.clone();
                        np.kind = Some(MentionKind::Person);
                        np.rules.push("same-office-earlier");
                    }
                }
                // "the president", "the prime minister" with no country: the one person of that
                // office the article has named so far, when it has named exactly one.
                let definite = doc.tokens[start].norm == "the";
                if person_head && definite && np.actor.code.is_empty() && !np.plural && np.actor.office.is_some() {
                    let mut holders = mentions.iter().filter(|m| {
                        m.kind == MentionKind::Person
                            && m.actor.name.is_some()
                            && !m.actor.code.is_empty()
                            && m.actor.office == np.actor.office
                    });
                    if let Some(first) = holders.next() {
                        if holders.all(|m| m.entity == first.entity) {
                            np.actor = first.actor.clone();
                            np.kind = Some(MentionKind::Person);
                            np.rules.push(ONLY_HOLDER);
                        }
                    }
                }
                // Register people for later surname mentions.
                let kind = np.kind.unwrap_or(MentionKind::Group);
                let key = (np.actor.code.clone(), np.actor.sector.clone(), np.actor.name.clone());
                let entity = if kind == MentionKind::Person && np.actor.name.is_some() {
                    let name = np.actor.name.clone().unwrap_or_default();
                    let folded = fold(&name);
                    let existing = people.get(&folded).map(|(_, e)| *e);
                    let e = existing.unwrap_or_else(|| {
                        *entity_of_actor.entry(key.clone()).or_insert_with(|| {
                            next_entity += 1;
                            next_entity - 1
                        })
                    });
                    let mut r = np.actor.clone();
                    if let Some((prev, _)) = people.get(&folded) {
                        if r.code.is_empty() {
                            r.code = prev.code.clone();
                        }
                        if r.office.is_none() {
                            r.office = prev.office.clone();
                        }
                        if r.sector.is_none() {
                            r.sector = prev.sector.clone();
                        }
                        np.actor = r.clone();
                    }
                    people.insert(folded.clone(), (r.clone(), e));
                    if let Some(last) = name.split_whitespace().last() {
                        people.insert(fold(last), (r.clone(), e));
                    }
                    // "Bashar al-Assad" → also "Assad".
                    if let Some(pos) = name.rfind(['-', ' ']) {
                        people.entry(fold(&name[pos + 1..])).or_insert((r, e));
                    }
                    e
                } else {
                    *entity_of_actor.entry(key).or_insert_with(|| {
                        next_entity += 1;
                        next_entity - 1
                    })
                };
                // "the Paris attacks": a capital after an article names a place, not a government.
                let mut locative = is_locative(doc, start, end, kind);
                if kind == MentionKind::Capital
                    && (start > range.start && matches!(doc.tokens[start - 1].norm.as_str(), "the" | "'s")
                        || doc.tokens[start].norm == "the")
                {
                    locative = true;
                    modifier_only = true;
                }
                let span = doc.token_span(start, end);
                mentions.push(Mention {
                    tokens: start..end,
                    span,
                    sentence: s as u32,
                    actor: np.actor,
                    kind,
                    modifier_only,
                    possessive: np.possessive,
                    plural: np.plural,
                    locative,
                    entity,
                    also: None,
                    rule: np.rules.join("+"),
                });
                i = end.max(start + 1);
            }
        }
        crowd_numbers(doc, &mut mentions);
        link_coordinated(doc, &mut mentions, k);
        possessive_country(doc, &mut mentions);
        group_in_country(doc, &mut mentions);
        group_in_city(doc, &mut mentions, k);
        crate::stages::place::place_modifiers_give_country(doc, &mut mentions, k);
        resolve_pairs(doc, &mut mentions, k);
        let leading = article_country(doc, &mut mentions, k);
        the_countrys(doc, &mut mentions, k);
        the_institution(doc, &mut mentions, k);
        the_country_itself(doc, &mut mentions, k, leading.as_deref());
        pronouns_take_late_codes(&mut mentions);
        let mut mention_at = vec![None; doc.tokens.len()];
        for (m_idx, m) in mentions.iter().enumerate() {
            for t in m.tokens.clone() {
                mention_at[t] = Some(m_idx);
            }
        }
        doc.mentions = mentions;
        doc.mention_at = mention_at;
        doc.article_country = leading;
    }
}

/// Words that may stand between a reporting verb and the "they" it introduces ("said on
/// Tuesday that they").
const SPEAKER_GAP: &[&str] = &[
    "that",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
];

/// Words that may stand between a speaker and its reporting verb ("the group has also said").
const SPEAKER_VERB_GAP: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "now",
    "earlier",
    "previously",
    "recently",
    "later",
];

/// The party that speaks in "X said (that) they ...": the coded country, capital,
/// organisation or group right before the reporting verb that introduces the pronoun at `i`
/// (not "told": "told reporters they" speaks of the listener; not a person: "Putin said they"
/// means others).
fn reporting_speaker<'m>(doc: &Doc, mentions: &'m [Mention], i: usize) -> Option<&'m Mention> {
    reporting_subject(doc, mentions, i).filter(|m| {
        !m.actor.code.is_empty()
            && !m.locative
            && !m.modifier_only
            && matches!(
                m.kind,
                MentionKind::Country | MentionKind::Capital | MentionKind::Organization | MentionKind::Group
            )
    })
}

/// A group with a sector and no code yet, standing as a party (not a place, not a modifier):
/// a pronoun after its reporting verb may stand for it and take the code it gets later.
fn uncoded_group(m: &Mention) -> bool {
    m.actor.code.is_empty() && m.actor.sector.is_some() && !m.locative && !m.modifier_only
}

/// The mention that ends right before the reporting verb which `i` follows ("the union said
/// it": the union), coded or not.
fn reporting_subject<'m>(doc: &Doc, mentions: &'m [Mention], i: usize) -> Option<&'m Mention> {
    let sentence = doc.tokens[i].sentence;
    let start = doc.sentences[sentence as usize].tokens.start;
    let mut v = i;
    while v > start && i - v < 4 && SPEAKER_GAP.contains(&doc.tokens[v - 1].norm.as_str()) {
        v -= 1;
    }
    let verb = v.checked_sub(1).filter(|&v| v >= start)?;
    let vnorm = doc.tokens[verb].norm.as_str();
    if !crate::stages::clause::REPORTING_VERBS.contains(&vnorm) || matches!(vnorm, "told" | "tells") {
        return None;
    }
    let mut end = verb;
    while end > start && verb - end < 3 && SPEAKER_VERB_GAP.contains(&doc.tokens[end - 1].norm.as_str()) {
        end -= 1;
    }
    // Mentions are in text order: only those ending at or after `end` can end there.
    mentions
        .iter()
        .rev()
        .take_while(|m| m.tokens.end >= end)
        .find(|m| m.sentence == sentence && m.tokens.end == end)
}

/// The first of a pair of parties that the mention at `j` ends ("Greece and Chad": Greece for
/// Chad): two coded, distinct, non-locative countries, capitals or organisations joined by a
/// bare "and", with no third before them ("France, Greece and Chad" is no pair) and not after
/// "of".
fn pair_partner<'m>(doc: &Doc, mentions: &'m [Mention], j: usize) -> Option<&'m Mention> {
    let party = |m: &Mention| {
        !m.actor.code.is_empty()
            && !m.locative
            && !m.modifier_only
            && !m.possessive
            && matches!(
                m.kind,
                MentionKind::Country | MentionKind::Capital | MentionKind::Organization
            )
    };
    let b = &mentions[j];
    let a = mentions.get(j.checked_sub(1)?)?;
    let joined = a.sentence == b.sentence && a.tokens.end + 1 == b.tokens.start && doc.tokens[a.tokens.end].norm == "and";
    // ("the president of Chad and the Guineans": a list inside a noun phrase is no pair.)
    let third = a.tokens.start > 0 && matches!(doc.tokens[a.tokens.start - 1].norm.as_str(), "," | "and" | "of");
    (joined && !third && party(a) && party(b) && a.actor.code != b.actor.code && a.entity != b.entity).then_some(a)
}

impl ActorTagger<'_> {
    /// A pronoun or "whose" resolved to an earlier mention.
    fn pronoun(&self, doc: &Doc, mentions: &[Mention], i: usize, sentence: u32) -> Option<Mention> {
        let norm = doc.tokens[i].norm.as_str();
        let usable = |m: &&Mention| !m.actor.code.is_empty() && !m.locative;
        // Subjects make better antecedents than objects of prepositions ("... with Hollande ..., he").
        let is_object = |m: &Mention| {
            let mut start = m.tokens.start;
            // The first conjunct of "with Merkel and Renzi".
            while let Some(prev) = mentions
                .iter()
                .rev()
                .take_while(|p| p.sentence + 4 >= sentence)
                .find(|p| p.tokens.end < start && p.tokens.end + 2 >= start && p.sentence == m.sentence)
            {
                let between: Vec<&str> = (prev.tokens.end..start).map(|t| doc.tokens[t].norm.as_str()).collect();
                if between.iter().all(|w| matches!(*w, "and" | "," | "or")) && !between.is_empty() {
                    start = prev.tokens.start;
                } else {
                    break;
                }
            }
            start > 0 && crate::stages::clause::PREPOSITIONS.contains(&doc.tokens[start - 1].norm.as_str())
        };
        let (antecedent, rule) = if PRONOUNS_SINGULAR_PERSON.contains(&norm) {
            let person = |m: &&Mention| {
                m.kind == MentionKind::Person && !m.plural && !m.modifier_only
                    || m.kind == MentionKind::Pronoun
                        && m.rule.starts_with("pronoun-person")
                        && m.actor.name.is_some()
                        && !m.plural
            };
            let window = || {
                mentions
                    .iter()
                    .rev()
                    .take_while(|m| m.sentence + 3 >= sentence)
                    .filter(usable)
                    .filter(person)
            };
            // Failing that, a titled person of the pronoun's own sentence whose country only the
            // fix-ups after this loop give ("a top leader of Puerto Rico's party announced that
            // he"): the pronoun takes that code then (`pronouns_take_late_codes`).
            let titled_here = || {
                mentions
                    .iter()
                    .rev()
                    .take_while(|m| m.sentence == sentence)
                    .filter(|m| m.actor.code.is_empty() && m.actor.sector.is_some() && !m.locative)
                    .find(person)
            };
            (
                window()
                    .find(|m| !is_object(m))
                    .or_else(|| window().next())
                    .or_else(titled_here),
                "pronoun-person",
            )
        } else if PRONOUNS_PLURAL.contains(&norm) {
            // "the rebel group said they would disarm": a "they" right after a reporting verb
            // stands for the verb's subject, a party whatever its grammatical number.
            // Failing a coded one, a group the fix-ups after this loop may code ("The Chicago
            // teachers said they would strike": `pronouns_take_late_codes`).
            let uncoded_speaker = (norm == "they")
                .then(|| reporting_subject(doc, mentions, i))
                .flatten()
                .filter(|m| m.kind == MentionKind::Group && uncoded_group(m));
            match (norm == "they").then(|| reporting_speaker(doc, mentions, i)).flatten() {
                Some(speaker) => (Some(speaker), "pronoun-they-speaker"),
                None if uncoded_speaker.is_some() => (uncoded_speaker, "pronoun-they-late"),
                None => {
                    let plural = mentions
                        .iter()
                        .rev()
                        .take_while(|m| m.sentence + 2 >= sentence)
                        .filter(usable)
                        .find(|m| m.plural && !m.modifier_only);
                    // "Greece and Chad met on Monday. They agreed ...": with no plural party
                    // before it, a "they" stands for the pair of parties before it.
                    let pair = || {
                        let j = (0..mentions.len())
                            .rev()
                            .take_while(|&j| mentions[j].sentence + 1 >= sentence)
                            .find(|&j| usable(&&mentions[j]) && !mentions[j].modifier_only)?;
                        pair_partner(doc, mentions, j).map(|_| &mentions[j])
                    };
                    match plural {
                        Some(m) => (Some(m), "pronoun-plural"),
                        None => (pair(), "pronoun-plural-pair"),
                    }
                }
            }
        } else if PRONOUNS_THING.contains(&norm) || norm == "whose" || norm == "it" && !dummy_it(doc, i) {
            // Failing a coded party, an "it" right after a reporting verb stands for the verb's
            // subject, a group whose country only the fix-ups after this loop give ("The Chicago
            // teachers union said it would strike"): the pronoun takes that code then
            // (`pronouns_take_late_codes`).
            let group_here =
                || reporting_subject(doc, mentions, i).filter(|m| m.kind == MentionKind::Group && uncoded_group(m) && !m.plural);
            (
                mentions
                    .iter()
                    .rev()
                    .take_while(|m| m.sentence + 1 >= sentence)
                    .filter(usable)
                    .find(|m| {
                        (matches!(
                            m.kind,
                            MentionKind::Country | MentionKind::Organization | MentionKind::Capital
                        ) || norm == "it" && m.kind == MentionKind::Group && !m.modifier_only)
                            && (!m.plural
                                // "the military said it": a collective noun is one party.
                                || norm == "it" && doc.tokens[m.tokens.end - 1].norm == "military")
                    })
                    .or_else(|| if norm == "it" { group_here() } else { None }),
                match norm {
                    "whose" => "whose",
                    "it" => "pronoun-it",
                    _ => "pronoun-its",
                },
            )
        } else {
            return None;
        };
        let a = antecedent?;
        let mut actor = a.actor.clone();
        let mut end = i + 1;
        let mut rules = vec![rule.to_string()];
        // "whose president": the title or sector noun belongs to the antecedent's country.
        if norm == "whose" || norm == "its" || norm == "their" {
            if let Some((p, e)) = self
                .knowledge
                .phrases
                .matches_at(
                    &doc.tokens,
                    &doc.article.text,
                    i + 1,
                    doc.sentences[sentence as usize].tokens.end,
                    doc.sentences[sentence as usize].tokens.start,
                )
                .into_iter()
                .find(|(p, _)| matches!(p.kind, PhraseKind::Title(_) | PhraseKind::Sector(_)))
            {
                match &p.kind {
                    PhraseKind::Title(t) => {
                        let o = &self.knowledge.offices[*t];
                        actor = ActorRef {
                            code: a.actor.code.clone(),
                            sector: Some(o.sector.clone()),
                            name: None,
                            office: Some(o.office.clone()),
                        };
                    }
                    PhraseKind::Sector(sec) => {
                        actor = ActorRef {
                            code: a.actor.code.clone(),
                            sector: Some(sec.clone()),
                            name: None,
                            office: None,
                        };
                    }
                    _ => {}
                }
                end = e;
                rules.push("title-of-antecedent".into());
            } else if norm == "whose" {
                return None;
            }
        }
        let possessive = matches!(norm, "his" | "her" | "its" | "their") && end == i + 1;
        // "Greece and Chad said they had reached a deal": "they" stands for both parties.
        let also = (norm == "they" || norm == "their" && end == i + 1)
            // (The antecedent is at most two sentences back: found from the end.)
            .then(|| mentions.iter().rposition(|m| std::ptr::eq(m, a)))
            .flatten()
            .and_then(|j| pair_partner(doc, mentions, j))
            .map(|p| p.entity);
        Some(Mention {
            tokens: i..end,
            span: doc.token_span(i, end),
            sentence,
            actor,
            kind: MentionKind::Pronoun,
            modifier_only: possessive,
            possessive,
            plural: a.plural,
            locative: false,
            entity: a.entity,
            also,
            rule: format!("{} → {}", rules.join("+"), doc.slice(a.span)),
        })
    }
}

/// Nouns that, after "the two" or "both", stand for two countries named before ("the two
/// countries agreed", "both governments").
const PAIR_COUNTRY_NOUNS: &[&str] = &[
    "countries",
    "nations",
    "states",
    "governments",
    "neighbours",
    "neighbors",
    "capitals",
    "allies",
];

/// Nouns that, after "the two" or "both", stand for two people named before ("the two leaders
/// agreed", "both presidents", "the two foreign ministers").
const PAIR_PERSON_NOUNS: &[&str] = &["leaders", "presidents", "ministers", "premiers"];

/// Modifiers allowed between "the two" and a pair's noun ("the two foreign ministers").
const PAIR_NOUN_MODIFIERS: &[&str] = &["foreign", "prime", "defence", "defense", "finance", "world", "rival"];

/// How many earlier mentions a pair phrase looks back over (a bound for very long sentences).
const PAIR_SEARCH_LIMIT: usize = 64;

/// The rule of a phrase that stands for two parties.
const PAIR_ANAPHOR: &str = "pair-anaphor";

/// Where a phrase that stands for two countries or two people ends: "the two countries",
/// "both nations", "the two foreign ministers" (`PAIR_COUNTRY_NOUNS` or `PAIR_PERSON_NOUNS`
/// after "the two" or "both", with at most one `PAIR_NOUN_MODIFIERS` word between). "Both
/// sides" is left alone: the two parties to a conflict are too often not the last two named
/// (the mediators are).
fn pair_phrase_end(doc: &Doc, i: usize, sentence: u32) -> Option<usize> {
    let end = doc.sentences[sentence as usize].tokens.end;
    let word = |t: usize| (t < end).then(|| doc.tokens[t].norm.as_str());
    let noun_at = match (word(i)?, word(i + 1)) {
        ("the", Some("two")) => i + 2,
        ("both", _) => i + 1,
        _ => return None,
    };
    let noun_at = if PAIR_NOUN_MODIFIERS.contains(&word(noun_at)?) {
        noun_at + 1
    } else {
        noun_at
    };
    let noun = word(noun_at)?;
    (PAIR_COUNTRY_NOUNS.contains(&noun) || PAIR_PERSON_NOUNS.contains(&noun)).then_some(noun_at + 1)
}

/// "the two countries", "both governments": each such phrase stands for the last two countries
/// named in its sentence or the two before, by name, not by pronoun, and not the subject of
/// its own clause ("Okafor ... urged both governments"); an organisation is no country. The
/// mention acts as the first of them and names the second in `also` (rule `pair-anaphor`); it
/// stays uncoded when two such countries are not there. "The two leaders", "both presidents"
/// stand likewise for the last two people named by name (`PAIR_PERSON_NOUNS`).
fn resolve_pairs(doc: &Doc, mentions: &mut [Mention], k: &Knowledge) {
    for p in 0..mentions.len() {
        if mentions[p].rule != PAIR_ANAPHOR {
            continue;
        }
        let (sentence, noun_at) = (mentions[p].sentence, mentions[p].tokens.end - 1);
        fn country(m: &Mention) -> &str {
            m.actor.code.get(..3).unwrap_or(&m.actor.code)
        }
        let subjects = clause_subjects(doc, noun_at);
        // "The two leaders": two people named by name, each once.
        let people = PAIR_PERSON_NOUNS.contains(&doc.norm(noun_at));
        let mut found: Vec<usize> = Vec::new();
        'search: for (q, m) in mentions[..p]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| m.sentence + 2 >= sentence)
            .take(PAIR_SEARCH_LIMIT)
        {
            // Pair phrases are pronoun mentions, never one another's antecedents, except that
            // "the two presidents" resolved to two people names both their countries for a
            // later "the two countries".
            let resolved_people = !people && m.kind == MentionKind::Pronoun && m.also.is_some();
            let partner = m
                .also
                .filter(|_| resolved_people)
                .and_then(|e| mentions[..q].iter().rposition(|x| x.entity == e && !x.actor.code.is_empty()));
            for c in std::iter::once(q).chain(partner) {
                let m = &mentions[c];
                let usable = k.country(country(m)).is_some()
                    && !m.locative
                    && (m.kind != MentionKind::Pronoun || c == q && resolved_people)
                    && (!people || m.kind == MentionKind::Person && m.actor.name.is_some())
                    && !subjects.iter().any(|t| m.tokens.contains(t));
                let same = |f: &usize| {
                    if people {
                        mentions[*f].entity == m.entity
                    } else {
                        country(&mentions[*f]) == country(m)
                    }
                };
                if usable && !found.iter().any(same) {
                    found.push(c);
                    if found.len() == 2 {
                        break 'search;
                    }
                }
            }
        }
        let [second, first] = found[..] else {
            // Two leaders not named before are still leaders: a government group, which may
            // take the article's country.
            if people {
                mentions[p].kind = MentionKind::Group;
                mentions[p].actor.sector = Some("GOV".into());
            }
            continue;
        };
        let rule = format!(
            "{PAIR_ANAPHOR} → {} + {}",
            doc.slice(mentions[first].span),
            doc.slice(mentions[second].span)
        );
        let (actor, entity, also) = (mentions[first].actor.clone(), mentions[first].entity, mentions[second].entity);
        let m = &mut mentions[p];
        m.actor = actor;
        m.entity = entity;
        m.also = Some(also);
        m.rule = rule;
    }
}

/// The subjects of the clause whose object or oblique the noun at `t` is: its verb's `nsubj`,
/// or for a verb joined by "and" to an earlier one, that verb's ("spoke ... and urged both
/// governments": the speaker).
fn clause_subjects(doc: &Doc, t: usize) -> Vec<usize> {
    use crate::stages::tree;
    let Some((mut verb, rel)) = tree::head_of(doc, t) else {
        return Vec::new();
    };
    if !matches!(rel, "obj" | "iobj" | "obl" | "nmod") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for _ in 0..3 {
        out.extend(tree::children(doc, verb).filter(|&c| matches!(doc.tokens[c].deprel, "nsubj" | "nsubj:pass")));
        match tree::head_of(doc, verb) {
            Some((head, "conj")) if out.is_empty() => verb = head,
            _ => break,
        }
    }
    out
}

/// Add `rule` to a mention's rules, joined by "+".
fn add_rule(rules: &mut String, rule: &str) {
    if !rules.is_empty() {
        rules.push('+');
    }
    rules.push_str(rule);
}

/// The rule of "the president" taken as the one president the article has named.
const ONLY_HOLDER: &str = "only-holder-of-office";

/// Prepositions before a place: "in Kenya", "from Aleppo".
const PLACE_PREPOSITIONS: &[&str] = &[
    "to", "in", "into", "from", "at", "near", "across", "toward", "towards", "inside", "outside",
];

/// Head nouns of weapons the actor knowledge reads as a military ("drone", "warplane"): with
/// no country of their own they do not take the article's, since strikes from the air are so
/// often another country's.
const WEAPON_HEADS: &[&str] = &[
    "drone",
    "drones",
    "uav",
    "uavs",
    "warplane",
    "warplanes",
    "jet",
    "jets",
    "bomber",
    "bombers",
    "aircraft",
    "helicopter",
    "helicopters",
    "gunship",
    "gunships",
    "vehicle",
    "vehicles",
];

/// The rule of a code taken from the article's leading country.
pub(crate) const ARTICLE_COUNTRY: &str = "article-country";

/// Groups and office holders named without a country ("the government", "police", "the
/// mayor", "rebels") take the article's country: the one the article names most, when it leads
/// clearly (more than twice the weight of the next) and is named as a party at least once or as a
/// place twice; an actor mention weighs 2, a place ("to Kenya", "in Haiti") 1. In an article
/// that names no country, the gazetteer's cities named as places ("in Aleppo") stand for
/// theirs. Otherwise they stay uncoded. Gives the leading country, if one leads.
fn article_country(doc: &Doc, mentions: &mut [Mention], k: &Knowledge) -> Option<String> {
    // (code, weight, first token): an actor mention weighs 2, a place ("in Kenya") 1.
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for m in mentions.iter() {
        let c = &m.actor.code;
        // A group placed in a city says where it is, not what the article is about; "the two
        // countries" and "the president" (`ONLY_HOLDER`) repeat names already counted.
        if c.len() != 3
            || k.country(c).is_none()
            || m.rule.ends_with(IN_CITY)
            || m.rule.ends_with(crate::stages::place::PLACE_MODIFIER)
            || m.also.is_some()
            || m.rule.ends_with(ONLY_HOLDER)
        {
            continue;
        }
        let after_preposition = m.tokens.start > 0 && PLACE_PREPOSITIONS.contains(&doc.norm(m.tokens.start - 1));
        let w = if m.locative || after_preposition { 1 } else { 2 };
        match counts.iter_mut().find(|(x, _, _)| x == c) {
            Some(e) => e.1 += w,
            None => counts.push((c.clone(), w, m.tokens.start)),
        }
    }
    // With no country named, the cities of the gazetteer named as places ("in Aleppo", "near
    // St. Louis") stand for theirs, each weighing as a country named as a place.
    if counts.is_empty() {
        let named = named_countries(mentions);
        for t in (0..doc.tokens.len()).filter(|&t| PLACE_PREPOSITIONS.contains(&doc.norm(t))) {
            if let Some(city) = city_after(doc, mentions, k, t, &named) {
                match counts.iter_mut().find(|(x, _, _)| *x == city.country_code) {
                    Some(e) => e.1 += 1,
                    None => counts.push((city.country_code.clone(), 1, t)),
                }
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let (main, n, _) = counts.first().cloned()?;
    // One country must lead clearly: at least twice as many mentions as the next.
    if n < 2 || counts.get(1).is_some_and(|second| second.1 * 2 >= n) {
        return None;
    }
    for m in mentions.iter_mut() {
        // "A drone struck": a weapon named with no country is no party of the article's country.
        let weapon = m.tokens.end > 0 && WEAPON_HEADS.contains(&doc.norm(m.tokens.end - 1));
        if m.actor.code.is_empty() && m.actor.sector.is_some() && !m.locative && !weapon {
            m.actor.code = main.clone();
            add_rule(&mut m.rule, ARTICLE_COUNTRY);
        }
    }
    Some(main)
}

/// Sectors of people who belong where they are: "rebels in Uruguay" are Uruguayan rebels,
/// "police in Bosnia" Bosnian police, unnamed gunmen and criminals in Garissa Kenyan. Troops,
/// officials and refugees in a country are often another country's.
pub(crate) const LOCAL_SECTORS: &[&str] = &[
    "REB", "OPP", "CVL", "LAB", "EDU", "PTY", "MED", "BUS", "REL", "COP", "UAF", "CRM",
];

/// A group named without a country right before "in" or "from (across)" a country or its
/// capital ("rebels in Uruguay", "the opposition in Venezuela", "protesters in central
/// Jakarta", "taxi drivers from across Tunisia") takes that country, when its sector is a
/// local one or it is the country's own officials, government or ministry (`home_officials`).
fn group_in_country(doc: &Doc, mentions: &mut [Mention]) {
    for i in 0..mentions.len().saturating_sub(1) {
        let (m, next) = (&mentions[i], &mentions[i + 1]);
        let local = m.actor.sector.as_deref().is_some_and(|s| LOCAL_SECTORS.contains(&s)) || home_officials(doc, m);
        if m.kind != MentionKind::Group
            || !m.actor.code.is_empty()
            || !local
            || !matches!(next.kind, MentionKind::Country | MentionKind::Capital)
            || next.actor.code.len() != 3
        {
            continue;
        }
        let between: Vec<&str> = (m.tokens.end..next.tokens.start.max(m.tokens.end))
            .map(|t| doc.tokens[t].norm.as_str())
            .collect();
        let linked = match between.as_slice() {
            ["in" | "from", rest @ ..] => {
                rest.len() <= 2
                    && rest.iter().all(|w| {
                        matches!(
                            *w,
                            "the" | "across" | "central" | "northern" | "southern" | "eastern" | "western" | "downtown"
                        )
                    })
                    || part_of_country(rest)
            }
            _ => false,
        };
        if !linked {
            continue;
        }
        let code = next.actor.code.clone();
        // "rebels and police in Mali": the place belongs to every conjunct of the group.
        let mut j = i;
        while j > 0 {
            let (prev, cur) = (&mentions[j - 1], &mentions[j]);
            let joined = prev.sentence == cur.sentence
                && cur.tokens.start > prev.tokens.end
                && (prev.tokens.end..cur.tokens.start).all(|t| matches!(doc.tokens[t].norm.as_str(), "and" | "," | "or"));
            let local = prev.actor.sector.as_deref().is_some_and(|s| LOCAL_SECTORS.contains(&s));
            if !joined || prev.kind != MentionKind::Group || !prev.actor.code.is_empty() || !local {
                break;
            }
            j -= 1;
        }
        for m in &mut mentions[j..=i] {
            m.actor.code = code.clone();
            m.rule.push_str("+in-country");
        }
    }
}

/// Officials, authorities, leaders, a government or a ministry "in" a country are its own
/// ("officials in Nigeria", "the Ministry of Foreign Affairs in Slovakia"); diplomats, envoys
/// and troops there are often foreign, and stay uncoded.
fn home_officials(doc: &Doc, m: &Mention) -> bool {
    m.actor.sector.as_deref() == Some("GOV")
        && m.tokens.end > 0
        && (matches!(
            doc.tokens[m.tokens.end - 1].norm.as_str(),
            "officials" | "authorities" | "leaders" | "politicians" | "lawmakers" | "legislators" | "ministers" | "government"
        ) || m
            .tokens
            .clone()
            .any(|t| matches!(doc.tokens[t].norm.as_str(), "ministry" | "ministries")))
}

/// Nouns for a part of a country, beside the compass directions (`place::DIRECTIONS`): "in the
/// Alpine area of Luxembourg", "in the north of Mali".
const COUNTRY_PARTS: &[&str] = &["area", "region", "province", "part", "interior", "countryside", "capital"];

/// Whether the words after "in" name a part of the country that follows: "the (one or two
/// words) area/region/north ... of".
fn part_of_country(words: &[&str]) -> bool {
    let words = words.strip_prefix(&["the"]).unwrap_or(words);
    match words {
        [middle @ .., part, "of"] => {
            middle.len() <= 2 && (COUNTRY_PARTS.contains(part) || crate::stages::place::DIRECTIONS.contains(part))
        }
        _ => false,
    }
}

/// People often from elsewhere than where they are: hostages, tourists, migrants.
const NOT_FROM_HERE: &[&str] = &[
    "hostage",
    "captive",
    "tourist",
    "foreigner",
    "expatriate",
    "migrant",
    "pilgrim",
    "visitor",
    "passenger",
];

/// Whether a mention's head noun names people often from elsewhere (`NOT_FROM_HERE`).
pub(crate) fn not_from_here(doc: &Doc, m: &Mention) -> bool {
    let head = doc.tokens[m.tokens.end - 1].norm.as_str();
    NOT_FROM_HERE.iter().any(|w| head.starts_with(w))
}

/// The rule of a country taken from the city a group is in.
const IN_CITY: &str = "in-city";

/// The countries an article's parties name, most named first (ties by code), leaving out
/// those a group took from the city it is in (`in-city`).
pub(crate) fn named_countries(mentions: &[Mention]) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for m in mentions {
        if m.actor.code.len() == 3 && !m.rule.ends_with(IN_CITY) {
            *counts.entry(m.actor.code.as_str()).or_default() += 1;
        }
    }
    let mut codes: Vec<(&str, usize)> = counts.into_iter().collect();
    codes.sort_by_key(|&(code, n)| (std::cmp::Reverse(n), code));
    codes.into_iter().map(|(code, _)| code.to_string()).collect()
}

/// Cities smaller than this are too often namesakes of others to give a group its country.
const GROUP_CITY_MIN_POPULATION: u64 = 50_000;

/// A group named without a country right before "in" or "from" a city of the gazetteer
/// ("dockworkers in Los Angeles", "political leaders in the northern city of Kaduna") takes the
/// city's country, when its sector is a local one (rule `in-city`): the city-sized sibling of
/// `group_in_country`. Only cities of at least `GROUP_CITY_MIN_POPULATION` people, only a name
/// no mention covers (a person or organisation is no place), and not for hostages, tourists
/// or migrants (`NOT_FROM_HERE`).
fn group_in_city(doc: &Doc, mentions: &mut [Mention], k: &Knowledge) {
    // Counted once (the codes this loop gives are `in-city` ones, which do not count).
    let named = named_countries(mentions);
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let local = m.actor.sector.as_deref().is_some_and(|s| LOCAL_SECTORS.contains(&s));
        if m.kind != MentionKind::Group || !m.actor.code.is_empty() || !local || not_from_here(doc, m) {
            continue;
        }
        let prep = m.tokens.end;
        if prep >= doc.tokens.len() || !matches!(doc.norm(prep), "in" | "from") {
            continue;
        }
        if let Some(place) = city_after(doc, mentions, k, prep, &named) {
            let code = place.country_code.clone();
            mentions[i].actor.code = code;
            mentions[i].rule.push('+');
            mentions[i].rule.push_str(IN_CITY);
        }
    }
}

/// The gazetteer city of at least `GROUP_CITY_MIN_POPULATION` people, or first-order division
/// (a US state), named right after the preposition at `prep` ("in Los Angeles", "from the
/// northern city of Kaduna", "in California"): the longest run of up to three capitalised
/// words there that no mention covers (a person or organisation is no place). Mentions must be
/// in text order (`crowd_numbers` sorts them).
fn city_after<'k>(
    doc: &Doc,
    mentions: &[Mention],
    k: &'k Knowledge,
    prep: usize,
    named: &[String],
) -> Option<&'k crate::gazetteer::Place> {
    let end = doc.sentences[doc.tokens[prep].sentence as usize].tokens.end;
    if prep + 1 >= end {
        return None;
    }
    // The mention that could cover token `t` is the last to start at or before it.
    let covered = |t: usize| {
        let n = mentions.partition_point(|m| m.tokens.start <= t);
        n > 0 && mentions[n - 1].tokens.contains(&t)
    };
    let start = crate::stages::place::place_name_start(doc, prep + 1, end);
    let name_len = (start..end.min(start + 3))
        .take_while(|&t| {
            let tok = &doc.tokens[t];
            tok.capitalized && tok.kind == TokenKind::Word && !covered(t)
        })
        .count();
    (1..=name_len).rev().find_map(|n| {
        let span = Span::new(doc.tokens[start].span.start(), doc.tokens[start + n - 1].span.end());
        let name = doc.slice(span);
        let pick = k.lookup_place(name, None)?;
        // The place resolver's preference, so that the group and the place agree.
        let pick = crate::stages::place::prefer_named_country(k, name, pick, named).unwrap_or(pick);
        let city = pick.feature_class == "P" && pick.population >= GROUP_CITY_MIN_POPULATION;
        // A first-order division ("in California") stands for its country as a city does.
        ((city || pick.feature_code == "ADM1") && pick.country_code.len() == 3).then_some(pick)
    })
}

/// "Bermuda's long-time leader Prime Minister Bruce Golding", "Kenya's embattled police", "the
/// UN's top peacekeepers": an uncoded person or group right after a country's or an
/// organisation's possessive, with only adjectives between, belongs to it (rules
/// `possessive-country`, `possessive-organization`).
fn possessive_country(doc: &Doc, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        let organization = a.kind == MentionKind::Organization && !a.actor.code.is_empty();
        let owner = a.possessive && (a.kind == MentionKind::Country && a.actor.code.len() == 3 || organization);
        if !owner
            || a.sentence != b.sentence
            || !b.actor.code.is_empty()
            || !matches!(b.kind, MentionKind::Person | MentionKind::Group)
        {
            continue;
        }
        // Tokens between the owner's "'s" and the mention: modifiers only ("long-time", "new").
        let between = (a.tokens.end..b.tokens.start).filter(|&t| doc.tokens[t].norm != "'s");
        let modifier = |t: usize| {
            let tok = &doc.tokens[t];
            tok.norm == "-" || !tok.capitalized && matches!(tok.upos, "ADJ" | "NOUN")
        };
        if between.clone().count() > 3 || !between.into_iter().all(modifier) {
            continue;
        }
        let code = a.actor.code.clone();
        mentions[i].actor.code = code;
        mentions[i].rule.push_str(if organization {
            "+possessive-organization"
        } else {
            "+possessive-country"
        });
    }
}

/// Numbers that stand for a crowd when nothing is counted after them.
const CROWD_NUMBERS: &[&str] = &["hundreds", "thousands", "dozens", "millions"];

/// "Hundreds took to the streets in Egypt", "Thousands marched in Cairo": a crowd number with
/// no "of" after it, subject of the verb right after it (an auxiliary or adverb between), is a
/// group of civilians (rule `crowd-number`; "thousands of troops" leaves the troops to speak).
fn crowd_numbers(doc: &Doc, mentions: &mut Vec<Mention>) {
    let mut next_entity = mentions.iter().map(|m| m.entity + 1).max().unwrap_or(0);
    let mut found: Vec<Mention> = Vec::new();
    for (t, tok) in doc.tokens.iter().enumerate() {
        if !CROWD_NUMBERS.contains(&tok.norm.as_str()) {
            continue;
        }
        let sentence = &doc.sentences[tok.sentence as usize];
        let opens = t == sentence.tokens.start
            || matches!(
                doc.tokens[t - 1].norm.as_str(),
                "," | "\"" | "and" | "while" | "as" | "when" | "after"
            )
            || doc.tokens[t - 1].kind == TokenKind::Number;
        let start = if t > sentence.tokens.start && doc.tokens[t - 1].kind == TokenKind::Number {
            t - 1
        } else {
            t
        };
        let verb = (t + 1..sentence.tokens.end.min(t + 4))
            .find(|&v| !matches!(doc.tokens[v].upos, "AUX" | "ADV" | "PART"))
            .is_some_and(|v| doc.tokens[v].upos == "VERB");
        let covered = mentions.iter().any(|m| m.tokens.contains(&t));
        if !opens || !verb || covered || doc.norm(t + 1) == "of" {
            continue;
        }
        found.push(Mention::civilians(
            start..t + 1,
            doc.token_span(start, t + 1),
            tok.sentence,
            String::new(),
            next_entity,
            "crowd-number",
        ));
        next_entity += 1;
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// A country's institutions named with "the" alone: "the government", "the army".
const THE_INSTITUTIONS: &[&str] = &[
    "government",
    "authorities",
    "regime",
    "administration",
    "cabinet",
    "parliament",
    "army",
    "military",
    "police",
    "opposition",
    "junta",
];

/// "Kenyan troops crossed into Somalia on Monday; the government said ...": an uncoded "the
/// government" (or "the army", "the authorities", ...) that the article's country did not code
/// belongs to the country of the last party or place named in its sentence or the one before,
/// when that sentence and the one before name only one country (rule `the-institution`).
fn the_institution(doc: &Doc, mentions: &mut [Mention], k: &Knowledge) {
    for i in 0..mentions.len() {
        let b = &mentions[i];
        let words: Vec<&str> = b.tokens.clone().map(|t| doc.tokens[t].norm.as_str()).collect();
        let institution = matches!(words.as_slice(), ["the", head] if THE_INSTITUTIONS.contains(head));
        // ("the parliament in Islamabad", "the army of Mali": the place after it says whose.)
        let placed = matches!(doc.norm(b.tokens.end), "in" | "of" | "from" | "at");
        if !institution || placed || !b.actor.code.is_empty() || b.kind == MentionKind::Pronoun {
            continue;
        }
        let countries: std::collections::BTreeSet<&str> = mentions[..i]
            .iter()
            .rev()
            .take_while(|m| m.sentence + 1 >= b.sentence)
            .map(|m| m.actor.code.as_str())
            .filter(|c| k.country(c).is_some())
            .collect();
        if countries.len() != 1 {
            continue;
        }
        let code = countries.into_iter().next().unwrap_or_default().to_string();
        let m = &mut mentions[i];
        m.actor.code = code;
        add_rule(&mut m.rule, "the-institution");
    }
}

/// "Greece said the country was increasing its military readiness", "sanctions on the
/// nation": a bare "the country" (or "the nation", "the island", ...) that is a subject or an
/// object (`subject_or_object`), not a place ("in the country") nor an owner ("the country's"), stands for the one
/// country named as a party or place in its sentence before it or the sentence before, else
/// for the article's leading country (rule `the-country`). It is a new country mention over
/// its words, of the antecedent's entity where there is one.
fn the_country_itself(doc: &Doc, mentions: &mut Vec<Mention>, k: &Knowledge, leading: Option<&str>) {
    let mut added: Vec<Mention> = Vec::new();
    let mut next_entity = mentions.iter().map(|m| m.entity + 1).max().unwrap_or(0);
    for t in 1..doc.tokens.len() {
        let head = &doc.tokens[t];
        if doc.tokens[t - 1].norm != "the"
            || !COUNTRY_NOUNS.contains(&head.norm.as_str())
            || head.sentence != doc.tokens[t - 1].sentence
            || !subject_or_object(doc, t - 1, t)
            || doc.tokens.get(t + 1).is_some_and(|n| matches!(n.norm.as_str(), "'s" | "of"))
            || is_locative(doc, t - 1, t + 1, MentionKind::Country)
        {
            continue;
        }
        // Mentions are in text order: those starting before `t` end the slice, and the one that
        // could cover a token is the last to start at or before it.
        let upto = mentions.partition_point(|m| m.tokens.start <= t);
        let covered = |x: usize| {
            let n = mentions[..upto].partition_point(|m| m.tokens.start <= x);
            n > 0 && mentions[n - 1].tokens.contains(&x)
        };
        if covered(t - 1) || covered(t) {
            continue;
        }
        let before: Vec<&Mention> = mentions[..upto]
            .iter()
            .rev()
            .take_while(|m| m.sentence + 1 >= head.sentence)
            .filter(|m| m.tokens.end < t && k.country(&m.actor.code).is_some())
            .collect();
        let mut codes: Vec<&str> = before.iter().map(|m| m.actor.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        let (code, entity) = match codes.as_slice() {
            [one] => {
                let entity = before.iter().find(|m| m.actor.code == *one).map(|m| m.entity);
                (one.to_string(), entity)
            }
            [] => match leading {
                Some(c) => (c.to_string(), None),
                None => continue,
            },
            _ => continue,
        };
        let entity = entity.unwrap_or_else(|| {
            next_entity += 1;
            next_entity - 1
        });
        added.push(Mention {
            tokens: t - 1..t + 1,
            span: doc.token_span(t - 1, t + 1),
            sentence: head.sentence,
            actor: crate::doc::ActorRef {
                code,
                sector: None,
                name: None,
                office: None,
            },
            kind: MentionKind::Country,
            modifier_only: false,
            possessive: false,
            plural: false,
            locative: false,
            entity,
            also: None,
            rule: "the-country".into(),
        });
    }
    if !added.is_empty() {
        mentions.extend(added);
        reorder_mentions(mentions, |_| true);
    }
}

/// Keep the mentions `keep` accepts, in text order, with the links between them (`Mention::also`,
/// an index) moved along; a link to a mention dropped is dropped.
fn reorder_mentions(mentions: &mut Vec<Mention>, keep: impl Fn(&Mention) -> bool) {
    let mut order: Vec<usize> = (0..mentions.len()).filter(|&i| keep(&mentions[i])).collect();
    order.sort_by_key(|&i| (mentions[i].tokens.start, mentions[i].tokens.end));
    let mut new_index = vec![None; mentions.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = Some(new);
    }
    let kept: Vec<Mention> = order
        .iter()
        .map(|&i| {
            let mut m = mentions[i].clone();
            m.also = m.also.and_then(|a| new_index[a]);
            m
        })
        .collect();
    *mentions = kept;
}

/// A pronoun resolved to a person or group whose code the fix-ups gave after the pronoun was
/// read ("a top leader of Puerto Rico's party announced that he would step down": the leader's
/// country comes from "Puerto Rico's"; "the Chicago teachers union said it": from "Chicago")
/// takes that code, sector and office; one whose antecedent got none is dropped.
fn pronouns_take_late_codes(mentions: &mut Vec<Mention>) {
    // Only a person pronoun, an "it" or a "they" after a reporting verb can be left uncoded by
    // its antecedent (the others resolve to coded mentions only; an unresolved pair anaphor has
    // an entity of its own).
    let late = |m: &Mention| {
        m.kind == MentionKind::Pronoun
            && m.actor.code.is_empty()
            && (m.rule.starts_with("pronoun-person")
                || m.rule.starts_with("pronoun-it")
                || m.rule.starts_with("pronoun-they-late"))
    };
    let mut dropped = false;
    for i in 0..mentions.len() {
        if !late(&mentions[i]) {
            continue;
        }
        let entity = mentions[i].entity;
        let source = mentions[..i]
            .iter()
            .rev()
            .find(|m| m.entity == entity && m.kind != MentionKind::Pronoun && !m.actor.code.is_empty())
            .map(|m| m.actor.clone());
        if let Some(actor) = source {
            let m = &mut mentions[i];
            m.actor.code = actor.code;
            m.actor.sector = m.actor.sector.take().or(actor.sector);
            m.actor.office = m.actor.office.take().or(actor.office);
            m.actor.name = m.actor.name.take().or(actor.name);
        } else {
            dropped = true;
        }
    }
    // A person pronoun whose antecedent never got a code is no mention: it would hide the
    // party the clause finds without it.
    if dropped {
        reorder_mentions(mentions, |m| !late(m));
    }
}

/// Whether the phrase `first..=last` reads, by its neighbours' tags (the parse comes later),
/// as a clause's subject ("the country was increasing", "the nation has") or a verb's or
/// preposition's object ("targeted the nation", "sanctions on the country").
fn subject_or_object(doc: &Doc, first: usize, last: usize) -> bool {
    let sentence = doc.tokens[first].sentence;
    let next = doc.tokens.get(last + 1).filter(|n| n.sentence == sentence);
    let prev = first
        .checked_sub(1)
        .map(|p| &doc.tokens[p])
        .filter(|p| p.sentence == sentence);
    next.is_some_and(|n| matches!(n.upos, "AUX" | "VERB"))
        || prev.is_some_and(|p| p.upos == "VERB" || matches!(p.norm.as_str(), "on" | "against" | "with" | "toward" | "towards"))
}

/// Nouns that stand for a country already named: "the country's police chief".
const COUNTRY_NOUNS: &[&str] = &["country", "nation", "island", "kingdom", "republic", "archipelago", "emirate"];

/// "Samoa's Supreme Court was told that the country's police chief ...": an uncoded person or
/// group after "the country's" (or "the nation's", "the island's"), with at most three
/// lowercase modifiers between, belongs to the country of the last party or place with one, in
/// its sentence or the two before (rule `the-country's`).
fn the_countrys(doc: &Doc, mentions: &mut [Mention], k: &Knowledge) {
    for i in 0..mentions.len() {
        let b = &mentions[i];
        // (After the article's country, which it overrides: it names the country it means.)
        let guessed = b.rule.ends_with(ARTICLE_COUNTRY);
        if !b.actor.code.is_empty() && !guessed
            || b.actor.sector.is_none()
            || !matches!(b.kind, MentionKind::Person | MentionKind::Group)
        {
            continue;
        }
        let sent_start = doc.sentences[b.sentence as usize].tokens.start;
        let mut t = b.tokens.start;
        while t > sent_start && b.tokens.start - t < 3 && {
            let tok = &doc.tokens[t - 1];
            !tok.capitalized && tok.norm != "'s" && matches!(tok.upos, "ADJ" | "NOUN")
        } {
            t -= 1;
        }
        let anaphor = t >= sent_start + 3
            && doc.tokens[t - 1].norm == "'s"
            && COUNTRY_NOUNS.contains(&doc.tokens[t - 2].norm.as_str())
            && doc.tokens[t - 3].norm == "the";
        if !anaphor {
            continue;
        }
        let antecedent = mentions[..i]
            .iter()
            .rev()
            .take_while(|m| m.sentence + 2 >= b.sentence)
            .find(|m| m.tokens.end <= t - 3 && k.country(&m.actor.code).is_some())
            .map(|m| m.actor.code.clone());
        if let Some(code) = antecedent {
            let m = &mut mentions[i];
            if guessed {
                m.rule.truncate(m.rule.len() - ARTICLE_COUNTRY.len());
                m.rule = m.rule.trim_end_matches('+').to_string();
            }
            m.actor.code = code;
            add_rule(&mut m.rule, "the-country's");
        }
    }
}

/// Fix-ups that look at neighbouring mentions:
/// * "Indian and Pakistani troops": a bare adjective coordinated with an adjective + noun shares the noun's sector;
/// * "in India and Pakistan": a conjunct of a place is a place;
/// * "Foreign Minister Tariq Humayun of Pakistan": an uncoded person takes the country after "of";
///   "members of Hamas", "workers at the Kenyan power company": a group takes the code of the
///   body it belongs to.
fn link_coordinated(doc: &Doc, mentions: &mut [Mention], k: &Knowledge) {
    for i in 0..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if a.sentence != b.sentence || b.tokens.start <= a.tokens.end {
            continue;
        }
        let between: Vec<&str> = (a.tokens.end..b.tokens.start).map(|t| doc.tokens[t].norm.as_str()).collect();
        let coordinated = !between.is_empty() && between.len() <= 2 && between.iter().all(|w| matches!(*w, "and" | "," | "or"));
        if !coordinated {
            continue;
        }
        if a.kind == MentionKind::Country
            && a.actor.sector.is_none()
            && a.rule == "country-adjective"
            && b.kind == MentionKind::Group
            && b.actor.sector.is_some()
        {
            let (sector, plural) = (b.actor.sector.clone(), b.plural);
            mentions[i].actor.sector = sector;
            mentions[i].plural = plural;
            mentions[i].modifier_only = false;
            mentions[i].rule.push_str("+shares-head-with-next");
        }
        if mentions[i].locative && matches!(mentions[i + 1].kind, MentionKind::Country | MentionKind::Capital) {
            mentions[i + 1].locative = true;
        }
    }
    for i in 0..mentions.len() {
        let m = &mentions[i];
        // "workers at the Kenyan power company", "students at Cairo University": people who
        // work or study at a coded body belong to its country.
        let staff_at = doc.tokens.get(m.tokens.end).is_some_and(|t| t.norm == "at")
            && m.kind == MentionKind::Group
            && m.actor
                .sector
                .as_deref()
                .is_some_and(|s| matches!(s, "LAB" | "EDU" | "HLH" | "MED" | "BUS"));
        if !matches!(m.kind, MentionKind::Person | MentionKind::Group)
            || !m.actor.code.is_empty()
            || m.tokens.end + 1 >= doc.tokens.len()
            || !(matches!(doc.tokens[m.tokens.end].norm.as_str(), "of" | "from") || staff_at)
        {
            continue;
        }
        let sent = &doc.sentences[m.sentence as usize].tokens;
        let hit = k
            .phrases
            .matches_at(&doc.tokens, doc.text(), m.tokens.end + 1, sent.end, sent.start)
            .into_iter()
            .find_map(|(p, _)| match p.kind {
                PhraseKind::CountryName(c) => Some(k.countries[c].code.clone()),
                _ => None,
            });
        // "fighters of Islamic State West Africa Province", "members of Hamas": a group of an organisation.
        if m.kind == MentionKind::Group {
            let next = mentions
                .get(i + 1)
                .filter(|n| n.tokens.start == m.tokens.end + 1 && !n.actor.code.is_empty() && !n.locative);
            if let Some(n) = next {
                let (code, name) = (n.actor.code.clone(), n.actor.name.clone());
                mentions[i].actor.code = code;
                if mentions[i].actor.name.is_none() {
                    mentions[i].actor.name = name;
                }
                mentions[i].rule.push_str("+of-organization");
                // "the leaders of Tunisia and Egypt": the countries listed with the first are
                // the same kind of group.
                let sector = mentions[i].actor.sector.clone();
                let mut j = i + 1;
                while j + 1 < mentions.len() && sector.is_some() {
                    let (a, b) = (&mentions[j], &mentions[j + 1]);
                    let joined = b.sentence == a.sentence
                        && b.tokens.start > a.tokens.end
                        && b.tokens.start - a.tokens.end <= 2
                        && (a.tokens.end..b.tokens.start).all(|t| matches!(doc.tokens[t].norm.as_str(), "and" | "," | "or"));
                    if !joined || b.kind != MentionKind::Country || b.actor.sector.is_some() || b.actor.code.len() != 3 {
                        break;
                    }
                    mentions[j + 1].actor.sector = sector.clone();
                    mentions[j + 1].rule.push_str("+listed-with-of-country");
                    j += 1;
                }
            }
            continue;
        }
        if let Some(code) = hit {
            let name = m.actor.name.clone();
            for other in mentions
                .iter_mut()
                .filter(|o| o.actor.name == name && o.actor.code.is_empty() && name.is_some())
            {
                other.actor.code = code.clone();
                other.rule.push_str("+of-country");
            }
        }
    }
}

/// Pick the best table entry for a person phrase: one in office on the report date.
fn pick_person<'k>(
    k: &'k Knowledge,
    hit: usize,
    tokens: &[String],
    report: Option<crate::date::Date>,
) -> (usize, &'k crate::knowledge::Person) {
    let name = &k.people[hit].name;
    let mut best = hit;
    for (i, p) in k.people.iter().enumerate() {
        if &p.name == name && p.in_office(report) {
            best = i;
            break;
        }
    }
    let _ = tokens;
    (best, &k.people[best])
}

fn is_agent_modifier(doc: &Doc, end: usize, limit: usize) -> bool {
    end + 1 < limit && doc.tokens[end].norm == "-" && AGENT_MODIFIERS.contains(&doc.tokens[end + 1].norm.as_str())
}

/// Capitalised name words from `j`: "François Hollande", "Bashar al-Assad".
fn capitalised_name(doc: &Doc, j: usize, limit: usize) -> (usize, String) {
    let mut k = j;
    let mut words: Vec<&str> = Vec::new();
    let mut last_cap = j;
    while k < limit && words.len() < 6 {
        let t = &doc.tokens[k];
        let raw = doc.slice(t.span);
        if t.kind == TokenKind::Word && t.capitalized && !raw.ends_with('.')
            || raw.len() == 2 && raw.ends_with('.') && t.capitalized
        {
            words.push(raw);
            k += 1;
            last_cap = k;
        } else if (NAME_PARTICLES.contains(&t.norm.as_str()) || t.norm == "-") && !words.is_empty() && k + 1 < limit {
            words.push(raw);
            k += 1;
        } else {
            break;
        }
    }
    if last_cap == j {
        return (j, String::new());
    }
    let span = doc.token_span(j, last_cap);
    (last_cap, doc.slice(span).split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Case- and accent-folded key.
pub fn fold(s: &str) -> String {
    crate::gazetteer::normalize_place_name(s)
}

/// Capitalised nouns of seas, gulfs and capes whose "of" phrase is a place name ("the Sea of
/// Japan", "the Gulf of Oman", "the Strait of Hormuz").
const WATER_AND_LAND_FEATURES: &[&str] = &["sea", "gulf", "bay", "strait", "straits", "cape", "isle"];

/// Things a country's name may modify after "at" that are shot at, not places: "fired at
/// Argentine ships".
const TARGET_THINGS: &[&str] = &[
    "ship",
    "ships",
    "vessel",
    "vessels",
    "boat",
    "boats",
    "warship",
    "warships",
    "tanker",
    "tankers",
    "plane",
    "planes",
    "aircraft",
    "jet",
    "jets",
    "drone",
    "drones",
    "helicopter",
    "helicopters",
    "convoy",
    "convoys",
    "position",
    "positions",
    "base",
    "bases",
    "target",
    "targets",
    "patrol",
    "patrols",
    "outpost",
    "outposts",
];

/// After a locative preposition ("in Paris", "to Moscow"), or inside the name of a sea or a
/// gulf ("the Sea of Japan"): a place, not an actor.
fn is_locative(doc: &Doc, start: usize, end: usize, kind: MentionKind) -> bool {
    // "at the India-Nepal border": the second name of a hyphened pair stands where the first does.
    if start >= 2 && doc.is_word_hyphen(start - 1) && doc.tokens[start - 2].capitalized {
        return is_locative(doc, start - 2, start - 1, kind);
    }
    let mut p = start;
    // "the Sea of Japan", "the Gulf of Mexico": the country names a sea or a gulf, wherever the
    // phrase stands.
    if p >= 2
        && doc.tokens[p - 1].norm == "of"
        && doc.tokens[p - 2].capitalized
        && WATER_AND_LAND_FEATURES.contains(&doc.tokens[p - 2].norm.as_str())
    {
        return true;
    }
    // "in the capital of Kenya", "in the northern city of Aleppo".
    if p >= 2 && doc.tokens[p - 1].norm == "of" && crate::stages::place::PLACE_KINDS.contains(&doc.tokens[p - 2].norm.as_str()) {
        p -= 2;
    }
    while p > 0 && {
        let n = doc.tokens[p - 1].norm.as_str();
        matches!(n, "the" | "north" | "south" | "east" | "west")
            || !doc.tokens[p - 1].capitalized && crate::stages::place::AREA_WORDS.contains(&n)
    } {
        p -= 1;
    }
    if p == 0 || doc.tokens[p - 1].sentence != doc.tokens[start].sentence {
        return false;
    }
    let prep = doc.tokens[p - 1].norm.as_str();
    match kind {
        // "fired rockets at Israel": a country after "at" is a target; places are "in" one, or
        // "at" a thing the country's name only modifies ("at U.S. border crossings", "at a
        // West Bank illegal settlement", "at the India-Nepal border"), unless the thing is one
        // shot at ("at Argentine ships").
        MentionKind::Country | MentionKind::Capital => {
            prep == "at"
                && (kind == MentionKind::Capital
                    || doc.tokens.get(end).is_some_and(|n| {
                        matches!(n.upos, "NOUN" | "PROPN" | "ADJ") && !TARGET_THINGS.contains(&n.norm.as_str())
                            // "at the India-Nepal border" (not "at the U.S.-flagged vessel")
                            || doc.is_word_hyphen(end) && doc.tokens[end + 1].capitalized
                    }))
                || matches!(
                    prep,
                    "in" | "near" | "inside" | "outside" | "across" | "within" | "throughout" | "around" | "over"
                )
                || kind == MentionKind::Capital && matches!(prep, "to" | "into" | "from" | "toward" | "towards")
        }
        _ => false,
    }
}
