//! Stage 7: the event's place, from a locative phrase attached to it ("in Raqqa, Syria",
//! "near Mosul", "to Moscow"), resolved through the gazetteer; never from an actor's nationality.

use crate::diag::Diagnostics;
use crate::doc::{Doc, EventPlace, Evidence, Mention, MentionKind, PlaceExpr, TokenKind};
use crate::knowledge::{Knowledge, PhraseKind};
use crate::pipeline::Stage;
use crate::stages::mentions::{not_from_here, ARTICLE_COUNTRY, LOCAL_SECTORS};
use crate::stages::time::{attach, month_number};

/// Finds place phrases and attaches them to events.
pub struct PlaceResolver<'k> {
    knowledge: &'k Knowledge,
}

impl<'k> PlaceResolver<'k> {
    /// Stable stage name.
    pub const NAME: &'static str = "place-resolver";
    /// A resolver over this knowledge.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        PlaceResolver { knowledge }
    }
}

const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "inside",
    "to",
    "into",
    "across",
    "around",
    "throughout",
    "toward",
    "towards",
    "nearby",
];
/// The compass directions ("the north of Mali", "north of the capital").
pub(crate) const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];
/// Words of an area before its name: "in northern Syria", "in central Havana".
pub(crate) const AREA_WORDS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "downtown",
    "rural",
    "coastal",
    "neighbouring",
    "neighboring",
    "nearby",
];

/// Nouns of a kind of place named after "of": "the northern city of Aleppo", "the province of Kunar".
pub(crate) const PLACE_KINDS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "state",
    "capital",
    "district",
    "port",
    "island",
    "islands",
    "county",
    "municipality",
    "governorate",
    "enclave",
    "territory",
    "area",
    "suburb",
    "outskirts",
    "archipelago",
    "commune",
    "prefecture",
];

/// Does a capitalised word other than a kind of place, a weekday or a month follow the name
/// ending at `end` ("Luc Doyer", "George Gorton")?
fn name_goes_on(doc: &Doc, end: usize, limit: usize) -> bool {
    end < limit && {
        let t = &doc.tokens[end];
        t.capitalized
            && t.kind == crate::doc::TokenKind::Word
            && !PLACE_KINDS.contains(&t.norm.as_str())
            && crate::stages::time::month_number(&t.norm).is_none()
            && !crate::stages::time::WEEKDAYS.contains(&t.norm.as_str())
    }
}

/// Where the name after a locative preposition starts: past an article, area words and a kind
/// of place with its "of" ("in the northern city of Aleppo" → "Aleppo", "at a Kabul hotel" →
/// "Kabul"); `i` when none of them are there.
pub(crate) fn place_name_start(doc: &Doc, i: usize, end: usize) -> usize {
    let mut j = i;
    if j < end && (doc.norm(j) == "the" || matches!(doc.norm(j), "a" | "an") && names_a_site(doc, j + 1, end)) {
        j += 1;
    }
    // "the eastern Indian city of": a country's adjective among the area words.
    let country_adjective = |j: usize| {
        doc.tokens[j].capitalized
            // (The actor tagger asks before it has filled the mentions in.)
            && doc
                .mention_at
                .get(j)
                .copied()
                .flatten()
                .and_then(|m| doc.mentions.get(m))
                // ("the Indian": the mention may hold the article.)
                .is_some_and(|m| {
                    m.kind == MentionKind::Country
                        && m.tokens.end == j + 1
                        && (m.tokens.len() == 1 || m.tokens.len() == 2 && doc.norm(m.tokens.start) == "the")
                })
            && j + 1 < end
            && (PLACE_KINDS.contains(&doc.norm(j + 1)) || AREA_WORDS.contains(&doc.norm(j + 1)))
    };
    while j < end && j < i + 4 && (!doc.tokens[j].capitalized && AREA_WORDS.contains(&doc.norm(j)) || country_adjective(j)) {
        j += 1;
    }
    if j + 1 < end && !doc.tokens[j].capitalized && PLACE_KINDS.contains(&doc.norm(j)) && doc.norm(j + 1) == "of" {
        j += 2;
    }
    j
}

/// The country whose adjective stands among the words `i..j` before a place name ("the
/// northern Egyptian city of": Egypt).
fn adjective_country(doc: &Doc, i: usize, j: usize) -> Option<String> {
    (i..j).find_map(|t| {
        let m = &doc.mentions[doc.mention_at.get(t).copied().flatten()?];
        (m.kind == MentionKind::Country && m.actor.code.len() == 3 && doc.tokens[t].capitalized).then(|| m.actor.code.clone())
    })
}

/// Whether a capitalised name starting at `i` (up to four words) is followed, within two
/// lower-case words, by a noun of a site (`SITE_NOUNS`): "a Baghdad market", "a New York City
/// subway station" — where a name after "a" is a place, not "a Gallup poll" or "a
/// U.S.-led coalition".
fn names_a_site(doc: &Doc, i: usize, end: usize) -> bool {
    let name = (i..end.min(i + 4)).take_while(|&t| doc.tokens[t].capitalized).count();
    if name == 0 {
        return false;
    }
    (i + name..end.min(i + name + 2))
        .take_while(|&t| !doc.tokens[t].capitalized && doc.tokens[t].kind == TokenKind::Word)
        .any(|t| SITE_NOUNS.contains(&doc.norm(t)))
}

/// Nouns of sites where events happen: "at a Kabul hotel", "in a Baghdad market".
const SITE_NOUNS: &[&str] = &[
    "market",
    "hotel",
    "hospital",
    "mosque",
    "church",
    "temple",
    "school",
    "university",
    "village",
    "suburb",
    "neighborhood",
    "neighbourhood",
    "district",
    "square",
    "street",
    "station",
    "airport",
    "prison",
    "jail",
    "camp",
    "base",
    "checkpoint",
    "restaurant",
    "cafe",
    "mall",
    "stadium",
    "port",
    "courthouse",
    "embassy",
    "consulate",
    "barracks",
    "office",
    "offices",
    "headquarters",
    "park",
    "highway",
    "road",
    "bridge",
];

/// Capitalised direction words that open longer place names ("North Waziristan").
const DIRECTION_NAMES: &[&str] = &[
    "north", "south", "east", "west", "central", "upper", "lower", "northern", "southern", "eastern", "western",
];

const WEEKDAY_NAMES: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The place of `name` in a country the article names (`named`, most named first) that should
/// replace `place`, the gazetteer's pick without a hint, in a country it never names: when only
/// an alternate name matched `place` ("Bethlehem" in an article about the Palestinians is not
/// Belém, Brazil; "Florida" in one about the United States is the state, not Floridablanca,
/// Colombia), or the other is at least as populous ("St Petersburg" in an article about Russia;
/// "Paris" does not become Paris, Texas).
pub fn prefer_named_country<'k>(
    k: &'k crate::knowledge::Knowledge,
    name: &str,
    place: &crate::gazetteer::Place,
    named: &[String],
) -> Option<&'k crate::gazetteer::Place> {
    if named.contains(&place.country_code) {
        return None;
    }
    let alias = matched_by_alias(name, place);
    named.iter().find_map(|code| {
        k.lookup_place(name, Some(code))
            .filter(|o| alias || o.population >= place.population)
    })
}

/// Did only an alternate name of `place` match `name` (not its primary name, diacritics and
/// case aside)?
fn matched_by_alias(name: &str, place: &crate::gazetteer::Place) -> bool {
    crate::gazetteer::normalize_place_name(name) != crate::gazetteer::normalize_place_name(&place.name)
}

/// Words after a name that make it a first-order division ("Borno State", "Idlib province").
const DIVISION_WORDS: &[&str] = &["state", "province", "region", "governorate", "oblast", "prefecture"];

impl PlaceResolver<'_> {
    /// A capitalised name of up to four tokens starting at `i`, longest first, that resolves.
    fn resolve_at(
        &self,
        doc: &Doc,
        i: usize,
        limit: usize,
        hint: Option<&str>,
    ) -> Option<(usize, crate::gazetteer::Place, String)> {
        let t = doc.tokens.get(i)?;
        if !t.capitalized
            || t.kind != TokenKind::Word
            || month_number(&t.norm).is_some()
            || WEEKDAY_NAMES.contains(&t.norm.as_str())
        {
            return None;
        }
        // Names of organisations and people are not places.
        if let Some(m) = doc.mention_at[i] {
            if matches!(
                doc.mentions[m].kind,
                MentionKind::Organization | MentionKind::Person | MentionKind::Group | MentionKind::Pronoun
            ) {
                return None;
            }
        }
        // A country name ("in Syria").
        let text = doc.text();
        let sent_start = doc.sentences[t.sentence as usize].tokens.start;
        if let Some((p, end)) = self
            .knowledge
            .phrases
            .matches_at(&doc.tokens, text, i, limit, sent_start)
            .into_iter()
            .find(|(p, _)| matches!(p.kind, PhraseKind::CountryName(_)))
        {
            if let PhraseKind::CountryName(c) = p.kind {
                let code = &self.knowledge.countries[c].code;
                if let Some(place) = self.knowledge.country_place(code) {
                    return Some((end, place.clone(), "country name".into()));
                }
            }
        }
        let mut end = i;
        while end < limit && end - i < 6 {
            let tok = &doc.tokens[end];
            if tok.kind == TokenKind::Word
                && (tok.capitalized
                    || matches!(
                        tok.norm.as_str(),
                        "al" | "el" | "ar" | "as" | "de" | "es" | "da" | "do" | "dos" | "du" | "del" | "des" | "di" | "la" | "le"
                    ))
                || tok.norm == "-" && end > i
            {
                end += 1;
            } else {
                break;
            }
        }
        for e in (i + 1..=end).rev() {
            if doc.tokens[e - 1].norm == "-" {
                continue;
            }
            // "North Waziristan", "South Kordofan": a direction word is no place of its own
            // when the name goes on.
            if e == i + 1 && e < end && DIRECTION_NAMES.contains(&doc.tokens[i].norm.as_str()) {
                continue;
            }
            let name = doc.slice(doc.token_span(i, e));
            if let Some(place) = self.knowledge.lookup_place(name, hint) {
                let rule = match hint {
                    Some(h) => format!("gazetteer: `{name}` in {h}"),
                    None => format!("gazetteer: `{name}`, most populous match"),
                };
                return Some((e, place.clone(), rule));
            }
        }
        None
    }

    /// The name at `i` with no country hint, preferring a place in a country the article names
    /// (`named`, from `mentions::named_countries`; see `prefer_named_country`).
    fn resolve_in_a_named_country(
        &self,
        doc: &Doc,
        i: usize,
        limit: usize,
        named: &[String],
    ) -> Option<(usize, crate::gazetteer::Place, String)> {
        let (end, place, rule) = self.resolve_at(doc, i, limit, None)?;
        let name = doc.slice(doc.token_span(i, end));
        Some(match prefer_named_country(self.knowledge, name, &place, named) {
            Some(other) => {
                let why = format!(
                    "gazetteer: `{name}` in {}, a country the article names (not {})",
                    other.country_code, place.country_code
                );
                (end, other.clone(), why)
            }
            None => (end, place, rule),
        })
    }

    /// Is the name at `start..end`, followed by a division word ("State", "province"), matched
    /// (as `place`, the resolver's pick without a hint) only by an alternate name of a town in
    /// a country that neither a party nor an earlier place of the article names?
    fn foreign_alias_of_a_division(
        doc: &Doc,
        start: usize,
        end: usize,
        place: &crate::gazetteer::Place,
        sentence: &std::ops::Range<usize>,
        places: &[PlaceExpr],
    ) -> bool {
        let division = doc
            .tokens
            .get(end)
            .is_some_and(|t| end < sentence.end && DIVISION_WORDS.contains(&t.norm.as_str()));
        if !division {
            return false;
        }
        let alias = matched_by_alias(doc.slice(doc.token_span(start, end)), place);
        let code = place.country_code.as_str();
        let named = doc.mentions.iter().any(|m| m.actor.code == code) || places.iter().any(|p| p.place.country_code == code);
        alias && !named
    }

    /// Country code named by tokens at `i` (", Syria"), if any.
    fn country_at(&self, doc: &Doc, i: usize, limit: usize) -> Option<(usize, String)> {
        let sent_start = doc.sentences[doc.tokens.get(i)?.sentence as usize].tokens.start;
        self.knowledge
            .phrases
            .matches_at(&doc.tokens, doc.text(), i, limit, sent_start)
            .into_iter()
            .find_map(|(p, end)| match p.kind {
                PhraseKind::CountryName(c) => Some((end, self.knowledge.countries[c].code.clone())),
                _ => None,
            })
    }
}

impl Stage for PlaceResolver<'_> {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, _diag: &mut Diagnostics) {
        let mut places: Vec<PlaceExpr> = Vec::new();
        // Counted once: a long article has many names and many parties.
        let named = crate::stages::mentions::named_countries(&doc.mentions);
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let mut i = doc.sentences[s].dateline.as_ref().map_or(range.start, |d| d.end);
            while i < range.end {
                let n = doc.tokens[i].norm.as_str();
                let directional_of = n == "of" && i > range.start && DIRECTIONS.contains(&doc.tokens[i - 1].norm.as_str());
                if !(LOCATIVE.contains(&n) || directional_of) {
                    i += 1;
                    continue;
                }
                let j = place_name_start(doc, i + 1, range.end);
                // A list of names: "Ramadi and Mosul, Iraq".
                let mut names: Vec<(usize, usize)> = Vec::new();
                let mut k = j;
                while k < range.end {
                    let Some((end, place, _)) = self.resolve_at(doc, k, range.end, None) else {
                        break;
                    };
                    // "in Luxembourg, Luc Doyer": a later name that a capitalised word goes on
                    // from is a person's, not a place of the list.
                    if k > j && name_goes_on(doc, end, range.end) {
                        break;
                    }
                    // "in Douglas County": a county named after a town is not the town (nor
                    // the Douglas of another country).
                    if doc.tokens.get(end).is_some_and(|t| {
                        t.capitalized
                            && end < range.end
                            && matches!(t.norm.as_str(), "county" | "parish" | "township" | "borough")
                    }) {
                        break;
                    }
                    // "in Gwoza in Borno State": a division the built-in gazetteer lacks is no
                    // foreign town that an alternate name matches (Borna, Germany), unless the
                    // article names that town's country.
                    if Self::foreign_alias_of_a_division(doc, k, end, &place, &range, &places) {
                        break;
                    }
                    names.push((k, end));
                    if matches!(doc.norm(end), "and" | ",")
                        && doc.tokens.get(end + 1).is_some_and(|t| t.capitalized)
                        && self.country_at(doc, end + 1, range.end).is_none()
                    {
                        k = end + 1;
                    } else {
                        break;
                    }
                }
                // "in the Egyptian city of Mansoura": the country its adjective names.
                let adjective = adjective_country(doc, i + 1, j);
                if names.is_empty() {
                    // A name the gazetteer does not know, after a country's adjective and a
                    // kind of place, is placed in that country.
                    if let Some(place) = adjective
                        .as_deref()
                        .filter(|_| j > i + 1 && doc.norm(j - 1) == "of" && j < range.end)
                        .and_then(|code| self.knowledge.country_place(code))
                    {
                        let end = (j..range.end.min(j + 4))
                            .take_while(|&t| doc.tokens[t].capitalized && doc.tokens[t].kind == TokenKind::Word)
                            .last()
                            .map(|t| t + 1);
                        if let Some(end) = end.filter(|_| doc.mention_at[j].is_none()) {
                            places.push(PlaceExpr {
                                tokens: j..end,
                                span: doc.token_span(j, end),
                                place: place.clone(),
                                rule: format!(
                                    "not in the gazetteer: placed in the country its adjective names ({})",
                                    place.country_code
                                ),
                            });
                            i = end;
                            continue;
                        }
                    }
                    i += 1;
                    continue;
                }
                let after = names.last().map(|&(_, e)| e).unwrap_or(j);
                let hint = if doc.norm(after) == "," {
                    self.country_at(doc, after + 1, range.end)
                } else {
                    None
                }
                .or_else(|| adjective.map(|c| (after, c)));
                for &(a, _) in &names {
                    let hinted = hint
                        .as_ref()
                        .and_then(|h| self.resolve_at(doc, a, range.end, Some(h.1.as_str())));
                    if let Some((end, place, rule)) =
                        hinted.or_else(|| self.resolve_in_a_named_country(doc, a, range.end, &named))
                    {
                        places.push(PlaceExpr {
                            tokens: a..end,
                            span: doc.token_span(a, end),
                            place,
                            rule,
                        });
                    }
                }
                i = hint.map_or(after, |(e, _)| e).max(i + 1);
            }
        }
        doc.places = places;
        let ranges: Vec<std::ops::Range<usize>> = doc.places.iter().map(|p| p.tokens.clone()).collect();
        for e in 0..doc.events.len() {
            let ev = &doc.events[e];
            let Some((first, how)) = attach(doc, ev.sentence, &ranges, e) else {
                continue;
            };
            // Places listed together ("in Ramadi and Mosul") go together.
            let mut chosen = vec![first];
            let mut k = first;
            while k + 1 < doc.places.len()
                && doc.places[k + 1].tokens.start <= doc.places[k].tokens.end + 1
                && doc.places[k + 1].tokens.start > doc.places[k].tokens.end
            {
                k += 1;
                chosen.push(k);
            }
            // "in Ferguson, Missouri", "in Gwoza in Borno State": a place that holds another
            // of the list only says where that one is.
            let holds_another = |p: usize| {
                chosen
                    .iter()
                    .any(|&q| q != p && crate::gazetteer::holds(doc.places[p].place.area_key(), doc.places[q].place.area_key()))
            };
            let chosen: Vec<usize> = chosen.iter().copied().filter(|&p| !holds_another(p)).collect();
            let mut out = Vec::new();
            for p in chosen {
                let pe = &doc.places[p];
                out.push((
                    EventPlace {
                        extracted: doc.slice(pe.span).to_string(),
                        span: pe.span,
                        place: Some(pe.place.clone()),
                    },
                    format!("{}; {}", pe.rule, how.describe()),
                ));
            }
            let evm = &mut doc.events[e];
            for (p, rule) in out {
                evm.evidence.push(Evidence {
                    field: "event_loc",
                    span: Some(p.span),
                    rule,
                });
                evm.places.push(p);
            }
        }
        places_of_subject_attacks(doc);
        places_of_the_clause_followed(doc);
        local_parties_take_place_country(doc);
        self.protesters_of_the_place(doc);
        self.state_agents_of_the_place(doc);
        self.cyber_targets_of_the_place(doc);
    }
}

/// A group named after a place within a country ("a Texas cop", "the Kano police", "Lagos
/// residents", "Lille's mayor") belongs to that country: the capitalised words right before
/// the group's head noun (or before its "'s") that the gazetteer knows as a state or province
/// or a town of 100,000 people or more. Only groups with no country of their own, or only the
/// article's leading one (rule `place-modifier`). Run by the actor tagger, before pronouns take
/// their antecedents' codes ("The Chicago teachers union said it would strike").
pub(crate) fn place_modifiers_give_country(doc: &Doc, mentions: &mut [Mention], k: &Knowledge) {
    for m in mentions.iter_mut() {
        let mention = &*m;
        // A group, or a title standing alone ("the mayor of Boston").
        let titled = mention.kind == MentionKind::Person && mention.actor.name.is_none();
        if mention.kind != MentionKind::Group && !titled || !country_guessed(mention) || mention.actor.sector.is_none() {
            continue;
        }
        let sent = doc.sentences[mention.sentence as usize].tokens.clone();
        let sent_start = sent.start;
        let head = mention.tokens.end - 1;
        // After the group: "the mayor of Boston", "residents of Kano State".
        let after = mention.tokens.end;
        if after + 1 < sent.end && doc.tokens[after].norm == "of" {
            let mut stop = after + 1;
            while stop < sent.end && stop < after + 5 && doc.tokens[stop].capitalized && doc.tokens[stop].kind == TokenKind::Word
            {
                stop += 1;
            }
            if let Some(code) = (after + 2..=stop)
                .rev()
                .find_map(|b| town_or_province_country(k, doc, after + 1, b))
            {
                recode(m, code, PLACE_MODIFIER);
                continue;
            }
        }
        // The modifier run ends right before the head, or before "'s" and the mention.
        let mut end = head;
        while end > mention.tokens.start && !doc.tokens[end - 1].capitalized {
            end -= 1;
        }
        // Before the mention only when it opens with no determiner ("Baltimore residents",
        // "Lille's mayor"; not "..., South Africa the parties").
        if end == mention.tokens.start {
            if DETERMINER_WORDS.contains(&doc.tokens[end].norm.as_str()) {
                continue;
            }
            end = if end >= sent_start + 2 && doc.tokens[end - 1].norm == "'s" {
                end - 1
            } else {
                end
            };
        }
        let mut start = end;
        while start > sent_start
            && doc.tokens[start - 1].capitalized
            && doc.tokens[start - 1].kind == TokenKind::Word
            && !DETERMINER_WORDS.contains(&doc.tokens[start - 1].norm.as_str())
            && end - start < 4
        {
            start -= 1;
        }
        if start == end || month_number(&doc.tokens[start].norm).is_some() {
            continue;
        }
        // Longest name first: "New York City" before "York City".
        let found = (start..end).find_map(|a| town_or_province_country(k, doc, a, end));
        if let Some(code) = found {
            recode(m, code, PLACE_MODIFIER);
        }
    }
}

/// The rule of a group's code taken from a place name that modifies it ("the Kano police").
pub(crate) const PLACE_MODIFIER: &str = "place-modifier";

/// The country of the words `a..b` as a state, province or town of 100,000 people or more.
fn town_or_province_country(k: &Knowledge, doc: &Doc, a: usize, b: usize) -> Option<String> {
    let name = doc.slice(doc.token_span(a, b));
    k.lookup_place(name, None)
        .filter(|p| p.country_code.len() == 3 && (p.feature_class == "A" || p.population >= 100_000))
        .map(|p| p.country_code.clone())
}

impl PlaceResolver<'_> {
    /// An arrest, a charge, a conviction, a deportation, a ban or an inquiry told in the passive
    /// or by a noun with no one named as doing it ("Kumar was arrested", "three journalists were
    /// jailed", "the party was banned", "the death is under investigation") was done by the
    /// state: the police (arrests, dispersals, inquiries into crime), the courts (charges,
    /// convictions, sentences) or the government (bans, deportations, other inquiries) of the
    /// country where it happened, else of the article's leading country, else (not for a
    /// deportation, which mostly befalls foreigners: there the country they are made to leave
    /// comes first; nor for an inquiry, which may look into foreigners) of the one country of
    /// those it was done to. The actor is a mention over the trigger's words (rule
    /// `state-agent`). Only acts done to someone named, or restrictions (curfews, censorship,
    /// shutdowns: CAMEO 172x) and inquiries (09x) in a place that lies in one country ("a curfew
    /// was imposed in Burkina Faso"); not an inquiry only asked for.
    fn state_agents_of_the_place(&self, doc: &mut Doc) {
        for e in 0..doc.events.len() {
            let ev = &doc.events[e];
            let cameo = self.knowledge.lexicon.entries[ev.entry].cameo.as_str();
            let on_a_place = || (cameo.starts_with("172") || cameo.starts_with("09")) && place_country(doc, ev).is_some();
            if !ev.actors.is_empty() || ev.recipients.is_empty() && !on_a_place() || !(ev.passive || ev.nominal) {
                continue;
            }
            let Some(&(_, sector)) = STATE_ACTS.iter().find(|(prefix, _)| cameo.starts_with(prefix)) else {
                continue;
            };
            let recipients_country = || {
                let mut codes = ev.recipients.iter().map(|&r| doc.mentions[r].actor.code.as_str());
                let first = codes.next().filter(|c| self.knowledge.country(c).is_some())?;
                codes.all(|c| c == first).then(|| first.to_string())
            };
            // Those deported are mostly not of the country that deports them: the country they
            // are made to leave ("ordered to leave Pakistan"), never theirs.
            let deport = cameo.starts_with("174");
            // An inquiry is the state's where it is held, not where those it looks into are
            // from ("an investigation into Japan's wartime record"), and one that is only asked
            // for names no one conducting it.
            let inquiry = cameo.starts_with("09");
            if inquiry && ev.modality == crate::doc::Modality::Requested {
                continue;
            }
            let left = || {
                let last = *ev.trigger_tokens.last()?;
                let m = doc.mention_at.get(last + 1).copied().flatten()?;
                let m = &doc.mentions[m];
                (m.kind == MentionKind::Country).then(|| m.actor.code.clone())
            };
            let Some(country) = deport
                .then(left)
                .flatten()
                .or_else(|| place_country(doc, ev))
                .or_else(|| doc.article_country.clone())
                .or_else(|| (!deport && !inquiry).then(recipients_country).flatten())
            else {
                continue;
            };
            let mention = implied_party(doc, e, country, Some(sector), STATE_AGENT);
            let why = format!(
                "the state ({sector}) of the place: an arrest, charge, conviction, deportation, ban or inquiry with no doer named"
            );
            give_party(doc, e, mention, "actor", why);
        }
    }

    /// A protest, strike or riot named by a noun with no one named as doing it ("rioting broke
    /// out in Kathmandu", "a two-day strike in Tallinn") was done by the public of the place where it
    /// happened, where every place of the event lies in one country and none is a destination,
    /// or, for the first protest of an article where no protest names a party or a place, of
    /// the article's country: the actor is that country's civilians, a mention over the
    /// trigger's words (rule `protest-place-public`).
    fn protesters_of_the_place(&self, doc: &mut Doc) {
        let is_protest = |ev: &crate::doc::Event| self.knowledge.lexicon.entries[ev.entry].event.as_deref() == Some("PROTEST");
        // The article's country stands in for a place only for the article's first protest, and
        // only where no protest has a party or a place of its own: later mentions ("the
        // protests") retell it.
        let mut article_public = !doc
            .events
            .iter()
            .any(|ev| is_protest(ev) && (!ev.actors.is_empty() || !ev.places.is_empty()));
        for e in 0..doc.events.len() {
            let ev = &doc.events[e];
            let protest = is_protest(ev);
            if !protest || !ev.nominal || !ev.actors.is_empty() {
                continue;
            }
            // With no place named, the article's country ("A massive riot broke out on
            // Wednesday" in an article about Monaco).
            let (country, rule) = match place_country(doc, ev) {
                Some(c) => (c, "protest-place-public"),
                None if article_public => match &doc.article_country {
                    Some(c) => {
                        article_public = false;
                        (c.clone(), "protest-place-public+article-country")
                    }
                    None => continue,
                },
                None => continue,
            };
            // The public: civilians, many of them.
            let mut mention = implied_party(doc, e, country, Some("CVL"), rule);
            mention.plural = true;
            let why = "the public of the place where the protest happened (no protester named)".to_string();
            give_party(doc, e, mention, "actor", why);
        }
    }
}

impl PlaceResolver<'_> {
    /// A cyber attack or a disinformation campaign with no party named ("communications systems
    /// in Nauru were knocked out by a network attack", "misinformation aimed at the election in
    /// Kosovo") was done to the country where the systems it hit or the public it aims at are:
    /// where every place of the event lies in one country and none is a destination, else (cyber
    /// attacks only) the article's leading country. The recipient is that country, a mention
    /// over the trigger's words (rule `cyber-place-target`); the doer stays unknown.
    fn cyber_targets_of_the_place(&self, doc: &mut Doc) {
        for e in 0..doc.events.len() {
            let ev = &doc.events[e];
            let entry = &self.knowledge.lexicon.entries[ev.entry];
            if !matches!(entry.mode.as_deref(), Some("cyber" | "misinformation"))
                || !ev.actors.is_empty()
                || !ev.recipients.is_empty()
            {
                continue;
            }
            // (Disinformation only where a place says whose public it aims at: the word alone
            // is often a charge or an opinion, "dismissed the report as propaganda".)
            let cyber = entry.mode.as_deref() == Some("cyber");
            let Some(country) = place_country(doc, ev).or_else(|| doc.article_country.clone().filter(|_| cyber)) else {
                continue;
            };
            let mention = implied_party(doc, e, country, None, CYBER_TARGET);
            let why =
                "the country of the place whose systems or public the cyber attack or disinformation aimed at (no party named)";
            give_party(doc, e, mention, "recipient", why.to_string());
        }
    }
}

/// The rule of a recipient implied by a cyber attack's place (`cyber_targets_of_the_place`).
pub(crate) const CYBER_TARGET: &str = "cyber-place-target";

/// The rule of an actor implied by a state's act (`PlaceResolver::state_agents_of_the_place`).
pub(crate) const STATE_AGENT: &str = "state-agent";

/// The acts only a state does, by CAMEO code prefix (the first that matches), with the sector
/// that does them: arrests, dispersals and inquiries into crime (police), charges, convictions
/// and sentences (courts), bans, deportations and other inquiries (government).
const STATE_ACTS: &[(&str, &str)] = &[
    ("091", "COP"),
    ("09", "GOV"),
    ("173", "COP"),
    ("175", "COP"),
    ("1121", "JUD"),
    ("116", "JUD"),
    ("172", "GOV"),
    ("174", "GOV"),
];

/// A mention over event `e`'s trigger words for a party the text implies but does not name:
/// one party of `country`, of `sector` (none: the country itself), under `rule`.
fn implied_party(doc: &Doc, e: usize, country: String, sector: Option<&str>, rule: &str) -> Mention {
    let ev = &doc.events[e];
    let (first, last) = (ev.trigger_tokens[0], *ev.trigger_tokens.last().expect("trigger has tokens"));
    let mut mention = Mention::civilians(
        first..last + 1,
        ev.trigger_span,
        ev.sentence,
        country,
        usize::MAX - doc.mentions.len(),
        rule,
    );
    mention.actor.sector = sector.map(str::to_string);
    mention.plural = false;
    mention
}

/// Make a mention the stage found the one party of event `e` on the side `field` ("actor" or
/// "recipient"), saying `why`.
fn give_party(doc: &mut Doc, e: usize, mention: Mention, field: &'static str, why: String) {
    doc.mentions.push(mention);
    let m = doc.mentions.len() - 1;
    let evm = &mut doc.events[e];
    if field == "actor" {
        evm.actors = vec![m];
    } else {
        evm.recipients = vec![m];
    }
    evm.evidence.push(crate::doc::Evidence {
        field,
        span: None,
        rule: why,
    });
}

/// The one country where every place of the event lies, when none of them is a destination
/// ("to", "into", "toward" before it): where the event happened.
fn place_country(doc: &Doc, ev: &crate::doc::Event) -> Option<String> {
    let destination = ev.places.iter().any(|p| {
        let t = doc.tokens.partition_point(|t| t.span.start() < p.span.start());
        (t.saturating_sub(2)..t).any(|b| matches!(doc.tokens[b].norm.as_str(), "to" | "into" | "toward" | "towards"))
    });
    let mut countries = ev
        .places
        .iter()
        .map(|p| p.place.as_ref().map_or("", |pl| pl.country_code.as_str()));
    let country = countries.next().filter(|c| c.len() == 3)?;
    (!destination && countries.all(|c| c == country)).then(|| country.to_string())
}

/// Whether a mention has no country of its own: none, or only the article's leading one.
fn country_guessed(m: &Mention) -> bool {
    m.actor.code.is_empty() || m.rule.ends_with(ARTICLE_COUNTRY)
}

/// Give a mention `code`, its rule `rule` in place of the article's leading country.
fn recode(m: &mut Mention, code: String, rule: &str) {
    let kept = m.rule.trim_end_matches(ARTICLE_COUNTRY).trim_end_matches('+');
    m.rule = format!("{kept}+{rule}");
    m.actor.code = code;
}

/// Determiners, never part of a place name before a group ("The Kano police").
const DETERMINER_WORDS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

/// An event with no place of its own whose subject is another event with one ("A car bomb in
/// the southern city of Zagreb killed 44 people") happened there too: the killing is where
/// the bomb was.
fn places_of_subject_attacks(doc: &mut Doc) {
    use crate::stages::tree;
    // The placed events of each sentence, so that an article of any length stays linear.
    let mut placed: std::collections::HashMap<u32, Vec<usize>> = std::collections::HashMap::new();
    for (f, ev) in doc.events.iter().enumerate() {
        if !ev.places.is_empty() {
            placed.entry(ev.sentence).or_default().push(f);
        }
    }
    for e in 0..doc.events.len() {
        let ev = &doc.events[e];
        if !ev.places.is_empty() || ev.nominal {
            continue;
        }
        let (first, last) = (ev.trigger_tokens[0], *ev.trigger_tokens.last().expect("trigger has tokens"));
        let Some(head) = tree::range_head(doc, first..last + 1) else {
            continue;
        };
        let subject = placed.get(&ev.sentence).into_iter().flatten().copied().find(|&f| {
            let f = &doc.events[f];
            f.trigger_tokens[0] < first
                && tree::governors(doc, f.trigger_tokens[0], 4)
                    .iter()
                    .any(|&(g, rel)| g == head && rel.starts_with("nsubj"))
        });
        let Some(f) = subject else {
            continue;
        };
        let places = doc.events[f].places.clone();
        add_places(doc, e, places, "the place of the event that is its subject");
    }
}

/// Give event `e` the places `places`, each with `rule` as its evidence.
fn add_places(doc: &mut Doc, e: usize, places: Vec<EventPlace>, rule: &str) {
    let evm = &mut doc.events[e];
    for p in places {
        evm.evidence.push(Evidence {
            field: "event_loc",
            span: Some(p.span),
            rule: rule.into(),
        });
        evm.places.push(p);
    }
}

/// "A car bomb exploded in Beijing, killing 44 people": a participle after a comma that the
/// parse hangs from the clause's verb (`advcl`), with no place of its own, happened where that
/// verb's place phrase says, whether or not the verb is a trigger.
fn places_of_the_clause_followed(doc: &mut Doc) {
    use crate::stages::tree;
    for e in 0..doc.events.len() {
        let ev = &doc.events[e];
        let &[t] = ev.trigger_tokens.as_slice() else {
            continue;
        };
        // ("killing" may be the first word of a longer trigger: "killing at least".)
        if !ev.places.is_empty() || ev.nominal || doc.tokens[t].xpos != "VBG" || t == 0 || doc.tokens[t - 1].norm != "," {
            continue;
        }
        let Some((gov, "advcl")) = tree::head_of(doc, t) else {
            continue;
        };
        // The verb is a trigger with places: those ("attacked a market in Beijing, killing").
        // (Events are in (sentence, trigger) order; the verb may stand on either side.)
        let key = |f: &crate::doc::Event| (f.sentence, f.trigger_tokens[0]);
        let lo = doc.events.partition_point(|f| key(f) < (ev.sentence, gov.saturating_sub(8)));
        let hi = doc.events.partition_point(|f| key(f) <= (ev.sentence, gov));
        let governing = doc.events[lo..hi.max(lo)]
            .iter()
            .find(|f| f.sentence == ev.sentence && f.trigger_tokens.contains(&gov) && !f.places.is_empty());
        if let Some(f) = governing {
            let places = f.places.clone();
            add_places(doc, e, places, "the place of the event the participle follows");
            continue;
        }
        let sent = doc.sentences[ev.sentence as usize].tokens.clone();
        let from = doc.places.partition_point(|p| p.tokens.start < sent.start);
        let to = doc.places.partition_point(|p| p.tokens.start < t);
        let found: Vec<EventPlace> = doc.places[from..to]
            .iter()
            .filter(|p| {
                tree::range_head(doc, p.tokens.clone())
                    .and_then(|h| tree::head_of(doc, h))
                    .is_some_and(|(g, rel)| g == gov && rel == "obl")
            })
            .map(|p| EventPlace {
                extracted: doc.slice(p.span).to_string(),
                span: p.span,
                place: Some(p.place.clone()),
            })
            .collect();
        add_places(doc, e, found, "the place of the clause the participle follows");
    }
}

/// A local group named without a country ("protesters", "striking workers", "rebels",
/// "police") that acts or is acted on at a place takes the place's country: "Protesters
/// blocked the main road in Kisumu" codes the protesters KEN. Only where every place of the
/// event lies in one country, and only groups whose sector is local (`LOCAL_SECTORS`).
fn local_parties_take_place_country(doc: &mut Doc) {
    for e in 0..doc.events.len() {
        let ev = &doc.events[e];
        // A destination ("arrived in", "escaped to") is where the party went, not where it is from.
        let arrival = ev
            .trigger_tokens
            .iter()
            .any(|&w| matches!(doc.tokens[w].norm.as_str(), "arrived" | "arrive" | "arrives" | "arriving"));
        if arrival {
            continue;
        }
        let Some(country) = place_country(doc, ev) else {
            continue;
        };
        let parties: Vec<usize> = ev.actors.iter().chain(&ev.recipients).copied().collect();
        for m in parties {
            // Hostages, tourists and migrants are often from elsewhere.
            if not_from_here(doc, &doc.mentions[m]) {
                continue;
            }
            let mention = &mut doc.mentions[m];
            let local = mention.actor.sector.as_deref().is_some_and(|s| LOCAL_SECTORS.contains(&s));
            // The place of the act says more than the article's leading country.
            if mention.kind == MentionKind::Group && country_guessed(mention) && local && mention.actor.code != country {
                recode(mention, country.clone(), "event-place-country");
            }
        }
    }
}
