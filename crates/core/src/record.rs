//! Event records: the pipeline's output, one per actor–recipient pair, with stable ids and
//! character offsets as the output contract defines them.

use crate::date::Date;
use crate::doc::{Doc, Mention, Modality};
use crate::knowledge::Knowledge;
use crate::span::{CharIndex, Span};

/// An actor or recipient (contract: entity object).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Country or CAMEO-style code ("" when unknown).
    pub code: String,
    /// Sector.
    pub sector: Option<String>,
    /// The words in the text.
    pub entity_text: String,
    /// Canonical name.
    pub identifier_text: Option<String>,
    /// Office.
    pub office: Option<String>,
    /// Character offsets of the mention.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Byte span (for rendering and highlighting).
    pub span: Span,
}

/// A resolved place (contract: location object).
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Words in the text.
    pub extracted_place: String,
    /// Gazetteer name.
    pub resolved_place: Option<String>,
    /// GeoNames id.
    pub geonameid: Option<u32>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Province (admin1 code).
    pub province: Option<String>,
    /// Country name, when known.
    pub country: Option<String>,
    /// ISO alpha-3.
    pub country_code: Option<String>,
    /// GeoNames feature class.
    pub feature_class: Option<String>,
    /// GeoNames feature code.
    pub feature_code: Option<String>,
    /// 4 city, 1 country.
    pub resolution: Option<u8>,
}

impl Location {
    /// Does it lie within `outer` (a town within its country or first-order division)? Only
    /// places the gazetteer resolved say so.
    pub fn within(&self, outer: &Location) -> bool {
        fn key(l: &Location) -> Option<crate::gazetteer::AreaKey<'_>> {
            Some(crate::gazetteer::AreaKey {
                id: l.geonameid?,
                country: l.country_code.as_deref()?,
                admin1: l.province.as_deref().unwrap_or(""),
                resolution: l.resolution?,
            })
        }
        matches!((key(outer), key(self)), (Some(o), Some(i)) if crate::gazetteer::holds(o, i))
    }
}

/// One piece of evidence in a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceItem {
    /// Field it supports.
    pub field: String,
    /// Words (empty when none).
    pub text: String,
    /// Character offsets, when words.
    pub start: Option<usize>,
    /// End, exclusive.
    pub end: Option<usize>,
    /// Byte span, when words.
    pub span: Option<Span>,
    /// The rule.
    pub rule: String,
}

/// One coded event record.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRecord {
    /// Stable id.
    pub id: String,
    /// Article id.
    pub doc_id: String,
    /// Event date.
    pub date: Option<Date>,
    /// Words the date came from.
    pub date_text: Option<String>,
    /// Report date.
    pub report_date: Option<Date>,
    /// Actors.
    pub actor: Vec<Entity>,
    /// Recipients.
    pub recipient: Vec<Entity>,
    /// PLOVER event types.
    pub event: Vec<String>,
    /// PLOVER modes.
    pub mode: Vec<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Trigger words.
    pub event_text: Vec<String>,
    /// Where.
    pub event_loc: Option<Location>,
    /// The sentence.
    pub text: String,
    /// Sentence number.
    pub sequence: usize,
    /// Sentence start (characters).
    pub start: usize,
    /// Sentence end (characters, exclusive).
    pub end: usize,
    /// Modality.
    pub modality: Modality,
    /// Who claims it.
    pub attribution: Option<Entity>,
    /// Lexicon rule id.
    pub rule: String,
    /// Lexicon entry source (`events.txt:123`).
    pub rule_source: String,
    /// Evidence trail.
    pub evidence: Vec<EvidenceItem>,
    /// Trigger byte span.
    pub trigger_span: Span,
    /// Sentence byte span.
    pub sentence_span: Span,
}

fn entity(doc: &Doc, chars: &CharIndex, m: &Mention) -> Entity {
    Entity {
        code: m.actor.code.clone(),
        sector: m.actor.sector.clone(),
        entity_text: doc.slice(m.span).to_string(),
        identifier_text: m.actor.name.clone(),
        office: m.actor.office.clone(),
        start: chars.char_offset(m.span.start()),
        end: chars.char_offset(m.span.end()),
        span: m.span,
    }
}

/// 64-bit FNV-1a, for stable ids.
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// A mobilisation's mode from who mobilises, where the lexicon gives troops or none: armed
/// groups mobilise militias, police forces police (PLOVER's MOBILIZE modes).
fn mode_from_actor(
    doc: &Doc,
    entry: &crate::knowledge::lexicon::LexEntry,
    actor: Option<&Mention>,
) -> Option<(&'static str, &'static str)> {
    if !mobilises_troops(entry) {
        return None;
    }
    let a = actor?;
    if is_militia(doc, a) {
        return Some(("militia", "mode: a militia mobilises (militia)"));
    }
    match a.actor.sector.as_deref()? {
        "REB" => Some(("militia", "mode: an armed group mobilises (militia)")),
        "COP" => Some(("police", "mode: a police force mobilises (police)")),
        _ => None,
    }
}

/// A mobilisation whose lexicon mode is troops or none.
fn mobilises_troops(entry: &crate::knowledge::lexicon::LexEntry) -> bool {
    entry.event.as_deref() == Some("MOBILIZE") && matches!(entry.mode.as_deref(), None | Some("troops"))
}

/// "Workers at the power company struck for 48 hours": "struck" by workers, teachers or
/// doctors with no one struck is a strike, not an attack.
fn workers_struck(entry: &crate::knowledge::lexicon::LexEntry, actor: Option<&Mention>, recipient: Option<&Mention>) -> bool {
    entry.pattern == "=struck"
        && recipient.is_none()
        && actor.is_some_and(|a| matches!(a.actor.sector.as_deref(), Some("LAB" | "EDU" | "HLH")))
}

/// "a pro-government militia", "paramilitary forces", "its militiamen": non-state armed forces,
/// whatever side they are on (PLOVER's MOBILIZE mode militia: "any non-state entity with
/// significant military capability").
fn is_militia(doc: &Doc, m: &Mention) -> bool {
    // (Not "a paramilitary police force": a police force.)
    m.actor.sector.as_deref() != Some("COP")
        && (m.tokens.start..m.tokens.end).any(|t| {
            matches!(
                doc.norm(t),
                "militia" | "militias" | "militiamen" | "paramilitary" | "paramilitaries"
            )
        })
}

/// An assault whose actor is a weapon of the air ("an Army drone downed a family's car",
/// "Israeli warplanes struck Gaza"): PLOVER's mode for it, drone or aerial, unless the
/// lexicon's own mode is one of them already. (Not "bomber": a suicide bomber is none.)
fn mode_from_weapon(doc: &Doc, entry: &crate::knowledge::lexicon::LexEntry, actor: Option<&Mention>) -> Option<&'static str> {
    if entry.event.as_deref() != Some("ASSAULT") || matches!(entry.mode.as_deref(), Some("aerial" | "drone")) {
        return None;
    }
    let a = actor?;
    match doc.norm(a.tokens.end.checked_sub(1)?) {
        "drone" | "drones" | "uav" | "uavs" => Some("drone"),
        "warplane" | "warplanes" | "jet" | "jets" | "gunship" | "gunships" | "helicopter" | "helicopters" | "aircraft" => {
            Some("aerial")
        }
        _ => None,
    }
}

/// The words for protesters: violence they do is a riot.
const PROTESTER_WORDS: &[&str] = &[
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "rioter",
    "rioters",
];

/// An assault by protesters ("rioters attacked a police station", "demonstrators set fire to
/// cars", "beat a policeman") is a violent protest: PLOVER PROTEST riot, CAMEO 145. Not a
/// clash, whose two sides both fight, nor a hostage-taking or a killing of a chosen victim.
fn riot_by_protesters(
    doc: &Doc,
    entry: &crate::knowledge::lexicon::LexEntry,
    ev: &crate::doc::Event,
    actor: Option<&Mention>,
) -> bool {
    entry.event.as_deref() == Some("ASSAULT")
        && matches!(entry.mode.as_deref(), None | Some("destroy" | "beat"))
        && !doc.norm(ev.trigger_tokens[0]).starts_with("clash")
        && actor.is_some_and(|a| a.tokens.end > 0 && PROTESTER_WORDS.contains(&doc.norm(a.tokens.end - 1)))
}

/// Words that make a party a diplomat: expelling one is CAMEO 161 (SANCTION expel), not the
/// deportation (174) that expelling anyone else is.
const DIPLOMAT_WORDS: &[&str] = &[
    "diplomat",
    "diplomats",
    "diplomatic",
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "consul",
    "consuls",
    "attache",
    "attaches",
    "chargé",
    "embassy",
];

/// An expulsion or order to leave (CAMEO 174) whose recipient is a diplomat ("expelled more
/// than a dozen American diplomats", "ordered the ambassador to leave"), or, with no recipient,
/// whose object names diplomats: the expulsion of a diplomat, PLOVER SANCTION expel, CAMEO 161.
fn expels_a_diplomat(
    doc: &Doc,
    entry: &crate::knowledge::lexicon::LexEntry,
    ev: &crate::doc::Event,
    recipient: Option<&Mention>,
) -> bool {
    // With no party expelled, the object's words right after the trigger ("expelled dozens of
    // foreign diplomatic staff").
    let object_words = || {
        let Some(&last) = ev.trigger_tokens.last() else {
            return false;
        };
        let end = doc.sentences[ev.sentence as usize].tokens.end;
        (last + 1..(last + 7).min(end))
            .take_while(|&t| !matches!(doc.tokens[t].upos, "PUNCT" | "VERB" | "AUX"))
            .any(|t| DIPLOMAT_WORDS.contains(&doc.norm(t)))
    };
    // ("expelled dozens of Hungarian diplomatic staff": the mention is "Hungarian", the noun
    // phrase goes on after it.)
    entry.cameo == "174"
        && recipient.map_or_else(object_words, |r| {
            let phrase_end = (r.tokens.end..(r.tokens.end + 2).min(doc.tokens.len()))
                .take_while(|&t| matches!(doc.tokens[t].upos, "NOUN" | "ADJ"))
                .last()
                .map_or(r.tokens.end, |t| t + 1);
            let words = r.tokens.start..phrase_end;
            words.clone().any(|t| DIPLOMAT_WORDS.contains(&doc.norm(t))) && !words.clone().any(|t| doc.norm(t) == "former")
        })
}

/// "Human Rights Watch has withdrawn from Georgia", "the U.N. has withdrawn out of concern for
/// its staff": an organisation (a non-governmental or international one) that pulls out of a
/// country, not its troops, withdraws its presence: PLOVER SANCTION withdraw, CAMEO 166 (not
/// a military retreat, 0874).
fn organisation_withdraws(
    doc: &Doc,
    entry: &crate::knowledge::lexicon::LexEntry,
    ev: &crate::doc::Event,
    actor: Option<&Mention>,
) -> bool {
    let Some(&last) = ev.trigger_tokens.last() else {
        return false;
    };
    let sent_end = doc.sentences[ev.sentence as usize].tokens.end;
    let forces = (last + 1..(last + 4).min(sent_end)).any(|t| {
        matches!(
            doc.norm(t),
            "troops"
                | "forces"
                | "soldiers"
                | "peacekeepers"
                | "units"
                | "battalions"
                | "brigade"
                | "brigades"
                | "police"
                | "officers"
        )
    });
    entry.cameo == "0874"
        && ev.modality != crate::doc::Modality::Requested
        && !forces
        && actor.is_some_and(|a| {
            matches!(a.actor.code.as_str(), "NGO" | "IGO") && a.actor.sector.as_deref().is_none_or(|s| s != "MIL")
        })
}

/// A demonstration called violent ("violent mass demonstrations", "a sit-in which turned
/// violent") is a riot (PLOVER PROTEST riot, CAMEO 145): the token of "violent", when a
/// protest with no mode or `demo` has it within three words before its trigger or as
/// "turned/became violent" within eight after, with no comma between.
fn violent_protest(doc: &Doc, entry: &crate::knowledge::lexicon::LexEntry, ev: &crate::doc::Event) -> Option<usize> {
    if entry.event.as_deref() != Some("PROTEST") || !matches!(entry.mode.as_deref(), None | Some("demo")) {
        return None;
    }
    let sent = doc.sentences.get(ev.sentence as usize)?.tokens.clone();
    let (first, last) = (ev.trigger_tokens[0], *ev.trigger_tokens.last()?);
    let violent = |t: usize| matches!(doc.norm(t), "violent" | "violently");
    let before = (first.saturating_sub(3).max(sent.start)..first)
        .rev()
        .take_while(|&t| doc.norm(t) != ",")
        .find(|&t| violent(t));
    let after = || {
        (last + 1..(last + 9).min(sent.end))
            .take_while(|&t| doc.norm(t) != ",")
            .find(|&t| violent(t) && matches!(doc.norm(t - 1), "turned" | "became" | "turn" | "become" | "turning"))
    };
    before.or_else(after)
}

/// Words that make a threat one of force.
const FORCE_WORDS: &[&str] = &[
    "force",
    "army",
    "troops",
    "military",
    "war",
    "attack",
    "attacks",
    "airstrikes",
    "bomb",
];

/// The word that makes a threat with no mode of its own one of force, within ten words after
/// its trigger in the same clause ("threatened on Wednesday to end the protests with military
/// force", "warned it would send in the army"): PLOVER THREATEN violence.
fn threatened_force(doc: &Doc, ev: &crate::doc::Event) -> Option<usize> {
    let sent = doc.sentences.get(ev.sentence as usize)?.tokens.clone();
    let last = *ev.trigger_tokens.last()?;
    (last + 1..(last + 11).min(sent.end))
        .take_while(|&t| !matches!(doc.norm(t), "," | ";" | ":" | "\"" | "but"))
        // ("military force", singular, names a means even where read as a party.)
        .find(|&t| {
            FORCE_WORDS.contains(&doc.norm(t))
                && (doc.norm(t) == "force" || doc.mention_at[t].is_none_or(|m| doc.mentions[m].modifier_only))
        })
}

/// "warned that corrupt officials would be caught and prosecuted", "warned journalists that
/// they could be detained": the hostile act (an attack, coercion or sanction) that a general
/// warning or threat verb (CAMEO 130) governs in the parse, put as a future, possibility or
/// condition, gives the threat its content: CAMEO 13x and PLOVER mode, with the act's words.
fn warned_of(doc: &Doc, k: &Knowledge, ev: &crate::doc::Event) -> Option<(&'static str, &'static str, Span)> {
    // (A noun, "raised the threat of sanctions", leaves its content to the possibility's own
    // record.)
    if ev.nominal {
        return None;
    }
    let warning = crate::stages::tree::trigger_head(doc, &ev.trigger_tokens)?;
    doc.events.iter().find_map(|act| {
        let entry = &k.lexicon.entries[act.entry];
        let held_out = matches!(
            act.modality,
            crate::doc::Modality::Intended | crate::doc::Modality::Hypothetical | crate::doc::Modality::Conditional
        );
        // ("warned that the situation could deteriorate if the attacks do not cease": the
        // condition's act is no content of the warning.)
        if act.sentence != ev.sentence
            || !held_out
            || !matches!(entry.event.as_deref(), Some("ASSAULT" | "COERCE" | "SANCTION"))
            || in_the_condition(doc, act)
        {
            return None;
        }
        let head = crate::stages::tree::trigger_head(doc, &act.trigger_tokens)?;
        let governed = head > warning
            && crate::stages::tree::governors(doc, head, 4)
                .iter()
                .any(|&(g, _)| g == warning);
        let (code, mode) = crate::knowledge::recast::threat_code(&entry.cameo)?;
        governed.then_some((code, mode?, act.trigger_span))
    })
}

/// A meeting of two countries' parties (not organisations) held in a third country ("talks in
/// Dar es Salaam between Namibia and Pitcairn"): PLOVER CONSULT's third-party mode. Only where
/// the lexicon gives the meeting no mode of its own.
fn third_party_meeting<'a>(
    k: &Knowledge,
    entry: &crate::knowledge::lexicon::LexEntry,
    actor: Option<&'a Mention>,
    recipient: Option<&'a Mention>,
    place: Option<&crate::doc::EventPlace>,
) -> bool {
    let country = |m: Option<&'a Mention>| m.map(|m| m.actor.code.as_str()).filter(|c| k.country(c).is_some());
    let (Some(a), Some(r)) = (country(actor), country(recipient)) else {
        return false;
    };
    let Some(at) = place
        .and_then(|p| p.place.as_ref())
        .map(|p| p.country_code.as_str())
        .filter(|c| c.len() == 3)
    else {
        return false;
    };
    entry.event.as_deref() == Some("CONSULT") && entry.mode.is_none() && a != r && at != a && at != r
}

/// A state's "bombing" ("U.S. bombing near Kosovo", "the Russian bombing of Aleppo") is from the
/// air: an armed group plants bombs, an army or a government drops them (CAMEO 195, PLOVER
/// aerial, where the lexicon's noun gives explosives).
fn state_bombing(doc: &Doc, k: &Knowledge, ev: &crate::doc::Event, actor: Option<&Mention>) -> bool {
    ev.trigger_tokens.len() == 1
        && matches!(doc.norm(ev.trigger_tokens[0]), "bombing" | "bombings")
        && actor.is_some_and(|a| {
            k.country(&a.actor.code).is_some() && matches!(a.actor.sector.as_deref(), None | Some("MIL" | "GOV"))
        })
}

/// Sectors of people killed for who they are: officials, lawmakers, judges, journalists,
/// party, opposition, religious and rights figures.
const TARGETED_SECTORS: &[&str] = &["GOV", "LEG", "JUD", "MED", "PTY", "OPP", "REL", "HRI", "ELI"];

/// A killing or shooting of one named or titled person, or of one official, lawmaker, judge,
/// journalist or party figure ("a member of parliament was shot and killed", "gunmen killed a
/// journalist"), is a targeted killing (PLOVER ASSAULT targeted), whatever the weapon.
fn targeted_killing(
    doc: &Doc,
    entry: &crate::knowledge::lexicon::LexEntry,
    ev: &crate::doc::Event,
    target: Option<&Mention>,
) -> bool {
    let killing = ev.trigger_tokens.iter().any(|&t| {
        matches!(
            doc.norm(t),
            "kill" | "kills" | "killed" | "killing" | "shot" | "shoot" | "shoots" | "shooting" | "gunned" | "murdered" | "murder"
        )
    });
    let one_person = target.is_some_and(|m| {
        !m.plural
            && (m.kind == crate::doc::MentionKind::Person
                || m.actor.sector.as_deref().is_some_and(|s| TARGETED_SECTORS.contains(&s))
                    && m.kind == crate::doc::MentionKind::Group)
    });
    entry.event.as_deref() == Some("ASSAULT") && matches!(entry.mode.as_deref(), None | Some("firearms")) && killing && one_person
}

/// Words that name the means of an attack, by PLOVER ASSAULT mode.
const ASSAULT_MEANS: &[(&str, &[&str])] = &[
    ("suicide-attack", &["suicide"]),
    ("drone", &["drone", "drones", "uav", "uavs"]),
    ("unconventional", &["chemical", "sarin", "chlorine", "nerve", "biological"]),
    (
        "aerial",
        &[
            "airstrike",
            "airstrikes",
            "warplane",
            "warplanes",
            "jet",
            "jets",
            "helicopter",
            "helicopters",
            "gunship",
            "gunships",
            "bomber",
            "bombers",
            "aircraft",
            "plane",
            "planes",
            "pilot",
            "pilots",
        ],
    ),
    (
        "heavy-weapons",
        &[
            "artillery",
            "shell",
            "shells",
            "shelling",
            "mortar",
            "mortars",
            "rocket",
            "rockets",
            "missile",
            "missiles",
            "tank",
            "tanks",
        ],
    ),
    (
        "explosives",
        &[
            "bomb",
            "bombs",
            "bombing",
            "bombings",
            "explosive",
            "explosives",
            "explosion",
            "explosions",
            "blast",
            "blasts",
            "exploded",
            "detonated",
            "ied",
            "ieds",
            "grenade",
            "grenades",
        ],
    ),
    ("crowd-control", &["tear", "batons", "baton", "cannon"]),
    (
        "firearms",
        &[
            "gun", "guns", "gunfire", "gunman", "gunmen", "rifle", "rifles", "bullet", "bullets", "sniper", "snipers", "shooting",
        ],
    ),
    (
        "primitive",
        &[
            "knife",
            "knives",
            "machete",
            "machetes",
            "stabbed",
            "stabbing",
            "axe",
            "axes",
            "stones",
            "stone",
            "rocks",
            "sticks",
            "bat",
            "bats",
            "cudgel",
            "cudgels",
            "hammer",
            "hammers",
            "sword",
            "swords",
            "spear",
            "spears",
            "arrows",
            "molotov",
            "firebomb",
            "firebombs",
        ],
    ),
];

/// The most modes the means named around one assault add to it.
const MAX_MEANS_MODES: usize = 3;

/// The means of an assault named around its trigger, within eight words in the same sentence
/// ("killed ... by gunmen", "attacked with machetes"), as PLOVER modes with the word's token,
/// nearest first, each mode once, a suicide attack ahead of the rest (a suicide car bomber's
/// attack is a suicide attack with explosives). An ASSAULT the lexicon gives no mode takes them
/// all (at most [`MAX_MEANS_MODES`]); a beating keeps its mode and adds a primitive weapon
/// ("beaten with a baseball bat": beat and primitive, as PLOVER codes blunt instruments), a
/// targeted killing adds the weapon ("assassinated with a car bomb"), a destruction any weapon
/// but crowd control ("a drone destroyed two houses"), a bombing that it was a suicide attack
/// ("a suicide truck bomb"). Words that are another event's trigger ("if the bombing
/// resumed") name that event's means, not this one's, unless that event is this one's subject
/// ("a drone strike killed", read whole however long) or where it happened ("killed in an air
/// strike"); words in the target ("shot down a warplane") name no means.
fn assault_means(
    doc: &Doc,
    entry: &crate::knowledge::lexicon::LexEntry,
    ev: &crate::doc::Event,
    is_trigger: &[bool],
) -> Vec<(&'static str, usize)> {
    let adds = |m: &str| match entry.mode.as_deref() {
        None => true,
        Some("beat") => m == "primitive",
        Some("targeted") => matches!(m, "primitive" | "firearms" | "explosives"),
        Some("destroy") => m != "crowd-control",
        // "a suicide truck bomb": a suicide attack with explosives.
        Some("explosives") => m == "suicide-attack",
        Some(_) => false,
    };
    if entry.event.as_deref() != Some("ASSAULT")
        || !matches!(
            entry.mode.as_deref(),
            None | Some("beat" | "targeted" | "destroy" | "explosives")
        )
    {
        return Vec::new();
    }
    let (Some(&trigger), Some(&last)) = (ev.trigger_tokens.first(), ev.trigger_tokens.last()) else {
        return Vec::new();
    };
    let Some(sent) = doc.sentences.get(ev.sentence as usize).map(|s| s.tokens.clone()) else {
        return Vec::new();
    };
    // Eight words either side, and the whole of an attack that is the subject ("A suicide car
    // bomb claimed by the Islamic State group killed ...").
    // A participle of outcome ("A missile hit Berlin on Monday, killing six") reads the
    // subject of the verb it hangs from.
    let subject = crate::stages::tree::child_with(doc, trigger, &["nsubj"]).or_else(|| {
        crate::stages::tree::head_of(doc, trigger)
            .filter(|&(g, rel)| rel == "advcl" && g < trigger && doc.tokens[trigger].norm.ends_with("ing"))
            .and_then(|(g, _)| crate::stages::tree::child_with(doc, g, &["nsubj"]))
    });
    let subject_start = subject.map(|c| {
        (sent.start..c)
            .find(|&t| crate::stages::tree::governors(doc, t, 6).iter().any(|&(g, _)| g == c))
            .unwrap_or(c)
    });
    let lo = trigger.saturating_sub(8).min(subject_start.unwrap_or(usize::MAX));
    let range = lo.max(sent.start)..(trigger + 9).min(sent.end);
    // "killed in a coalition air strike", "wounded by gunfire": the attack it happened in or by
    // names its means, though that attack is a trigger of its own.
    let attached = |t: usize| {
        t > last
            && (last + 1..(last + 3).min(t)).any(|i| matches!(doc.tokens[i].norm.as_str(), "in" | "by" | "during" | "from"))
            // "killed as a result of an air strike"
            || t > last + 3 && doc.tokens[last + 1..t].windows(2).any(|w| w[0].norm == "result" && w[1].norm == "of")
    };
    // "A drone strike ... killed two men": the attack that is the subject did the deed.
    let subject = |t: usize| {
        t < trigger
            && crate::stages::tree::governors(doc, t, 4)
                .iter()
                .any(|&(g, rel)| g == trigger && rel.starts_with("nsubj"))
    };
    let norm_at = |t: usize| doc.tokens.get(t).map_or("", |x| x.norm.as_str());
    let mut found: Vec<(usize, &'static str, usize)> = Vec::new();
    for t in range {
        let in_target = ev.recipients.iter().any(|&r| doc.mentions[r].tokens.contains(&t));
        if in_target || is_trigger[t] && !attached(t) && !subject(t) {
            continue;
        }
        let norm = norm_at(t);
        let before = if t > sent.start { norm_at(t - 1) } else { "" };
        // "anti-aircraft missiles", "anti-tank mines": the weapon is against these.
        if before == "anti" || before == "-" && t > sent.start + 1 && norm_at(t - 2) == "anti" {
            continue;
        }
        let mode = match norm {
            // "air strike", "air raids", "air force": from the air.
            "air"
                if matches!(
                    norm_at(t + 1),
                    "strike" | "strikes" | "raid" | "raids" | "attack" | "attacks" | "force" | "forces" | "power" | "bombardment"
                ) =>
            {
                Some("aerial")
            }
            // "unmanned aerial vehicle", "an unmanned aircraft".
            "unmanned" => Some("drone"),
            // "a targeted attack", "targeted killings".
            "targeted"
                if matches!(
                    norm_at(t + 1),
                    "attack" | "attacks" | "killing" | "killings" | "assassination" | "assassinations" | "shooting"
                ) =>
            {
                Some("targeted")
            }
            // A car or truck bomber drives a bomb, not a plane.
            "bomber" | "bombers" if matches!(before, "car" | "truck" | "lorry" | "suicide") => Some("explosives"),
            // A petrol bomb is fire.
            "bomb" | "bombs" if matches!(before, "petrol" | "gasoline" | "fire") => Some("primitive"),
            // "tear" only in "tear gas"; "cannon" only in "water cannon".
            "tear" if norm_at(t + 1) != "gas" => None,
            "cannon" if before != "water" => None,
            _ => ASSAULT_MEANS.iter().find(|(_, words)| words.contains(&norm)).map(|(m, _)| *m),
        };
        if let Some(m) = mode.filter(|m| adds(m)) {
            found.push((t.abs_diff(trigger), m, t));
        }
    }
    found.sort_by_key(|&(d, m, _)| (m != "suicide-attack", d));
    let mut out: Vec<(&'static str, usize)> = Vec::new();
    for (_, m, t) in found {
        if !out.iter().any(|(o, _)| *o == m) && out.len() < MAX_MEANS_MODES {
            out.push((m, t));
        }
    }
    out
}

/// An evidence item for the words at `span`.
fn evidence_at(doc: &Doc, chars: &CharIndex, field: &str, span: Span, rule: String) -> EvidenceItem {
    EvidenceItem {
        field: field.into(),
        text: doc.slice(span).to_string(),
        start: Some(chars.char_offset(span.start())),
        end: Some(chars.char_offset(span.end())),
        span: Some(span),
        rule,
    }
}

/// Whether CAMEO `cameo` is a mediation (045): an act between others.
fn is_mediation(cameo: &str) -> bool {
    cameo.starts_with("045")
}

/// What a request for an act of CAMEO `act` asks for: PLOVER's REQUEST mode and the digits
/// after CAMEO's 02 (appeal) or 10 (demand). A retreat or a concession asked for is a request
/// to yield (025x: eased sanctions 0251 and 0254, a release 0253, a ceasefire or a withdrawal
/// 0256) or for change (024x: a leader's going, a policy, rights, institutions); a meeting
/// asked for is one to meet (026, mediation 028); aid, material or diplomatic cooperation
/// asked for is one for assistance (023x, 021, 022). `None` for acts no request mode names.
fn requested_content(act: &str) -> Option<(&'static str, String)> {
    let sub = |d: &str| act.get(3..4).map_or(d.to_string(), |x| format!("{d}{x}"));
    Some(match act.get(..3)? {
        "083" => ("change", sub("4")),
        "084" => ("yield", "53".to_string()),
        // Easing administrative sanctions, dissent, economic sanctions; allowing international
        // involvement; de-escalating.
        "081" => ("yield", "51".to_string()),
        "082" => ("yield", "52".to_string()),
        "085" => ("yield", "54".to_string()),
        "086" => ("yield", "55".to_string()),
        "087" => ("yield", "56".to_string()),
        "080" => ("yield", "5".to_string()),
        "045" => ("meet", "8".to_string()),
        "040" | "041" | "042" | "043" | "044" | "046" => ("meet", "6".to_string()),
        "070" => ("assist", "3".to_string()),
        "071" | "072" | "073" | "074" => ("assist", format!("3{}", &act[2..3])),
        "060" | "061" | "062" | "063" | "064" => ("assist", "1".to_string()),
        "050" | "051" | "052" | "053" | "054" | "055" | "056" | "057" => ("assist", "2".to_string()),
        _ => return None,
    })
}

/// Modals that put the trigger's own verb group in the future or the possible.
const MODAL_AUX: &[&str] = &["will", "'ll", "would", "shall", "could", "might", "may"];

/// The event recast to PLOVER's single category, if its modality makes it another type
/// (`knowledge::recast`).
fn recast(
    doc: &Doc,
    entry: &crate::knowledge::lexicon::LexEntry,
    ev: &crate::doc::Event,
) -> Option<crate::knowledge::recast::Recast> {
    let then_have = |t: usize| doc.tokens.get(t + 1).is_some_and(|n| n.norm == "have");
    // The cue word, with a following "have" ("may have": a past possibility).
    let cue = ev
        .evidence
        .iter()
        .find(|e| e.field == "modality")
        .and_then(|e| e.span)
        .map(|s| {
            let word = doc.slice(s).to_lowercase();
            // Tokens are in text order: find the cue's by binary search.
            let t = doc.tokens.partition_point(|t| t.span.start() < s.start());
            if doc.tokens.get(t).is_some_and(|tok| tok.span == s) && then_have(t) {
                format!("{word} have")
            } else {
                word
            }
        });
    let first = *ev.trigger_tokens.first()?;
    let vg = crate::stages::clause::verb_group_start(doc, first);
    let sent_start = doc.sentences[ev.sentence as usize].tokens.start;
    // "vowed to annex ... if", "would not hesitate to invade ... unless": a threat verb right
    // before the trigger's "to" puts it in the future as a modal would.
    let to = (vg..first)
        .find(|&t| doc.tokens[t].norm == "to")
        .or_else(|| (vg > sent_start && doc.tokens[vg - 1].norm == "to").then(|| vg - 1));
    let governed_by_threat = to
        .and_then(|t| t.checked_sub(1))
        .filter(|&g| g >= sent_start)
        .is_some_and(|g| {
            let w = doc.tokens[g].norm.as_str();
            crate::knowledge::recast::threat_cue(w)
                || w == "hesitate" && g > sent_start && matches!(doc.tokens[g - 1].norm.as_str(), "not" | "n't" | "never")
        });
    let modal_aux = governed_by_threat || (vg..first).any(|t| MODAL_AUX.contains(&doc.tokens[t].norm.as_str()) && !then_have(t));
    let temporal = (vg.saturating_sub(5).max(sent_start)..vg).any(|t| matches!(doc.tokens[t].norm.as_str(), "before" | "until"));
    let how = crate::knowledge::recast::Reading {
        modality: ev.modality,
        cue: cue.as_deref(),
        // A noun carried by its support verb ("will hold talks") is put as that verb is.
        nominal: ev.nominal && !ev.carried,
        modal_aux,
        acted: !ev.actors.is_empty() || ev.passive,
        temporal,
    };
    let mut r = crate::knowledge::recast::single_category(entry.event.as_deref()?, &entry.cameo, how)?;
    // An invasion held out is a threat to take territory (CAMEO 1382), though the lexicon codes
    // an invasion as generic force (190).
    if r.event == "THREATEN" && matches!(entry.pattern.as_str(), "invade" | "invasion") {
        r.mode = Some("territory");
        r.cameo = "1382".to_string();
    }
    // An expulsion or a deportation held out is a threat to expel (PLOVER), though CAMEO codes
    // a threat to expel diplomats as one against relations (1313).
    if r.event == "THREATEN" && (entry.mode.as_deref() == Some("expel") || entry.cameo.starts_with("174")) {
        r.mode = Some("expel");
    }
    Some(r)
}

/// Words of help, support, meeting, threat or striking that name no act of a party: "the new rules will
/// help the administration" (a thing as subject, `roles::thing_as_subject`), a killing by a
/// storm or a disease (`roles::natural_cause`), "a precaution to
/// protect residents", "aims to help" (an infinitive of help, support or meeting whose doer the
/// text never names: a purpose).
fn not_an_act(doc: &Doc, ev: &crate::doc::Event, entry: &crate::knowledge::lexicon::LexEntry, is_trigger: &[bool]) -> bool {
    let event = entry.event.as_deref();
    // "An earthquake struck", "was struck by lightning": "struck" is an attack only where a
    // party strikes.
    if ev.actors.is_empty() && matches!(ev.trigger_tokens.as_slice(), [t] if doc.norm(*t) == "struck") {
        return true;
    }
    // "Turkey is hosting 2 million Syrian refugees", "cannot host the migrants": giving refuge
    // is no visit.
    if event == Some("CONSULT") && hosts_refugees(doc, ev) {
        return true;
    }
    // "a peace deal struck by Britain and Argentina": a deal's striking is no attack.
    if matches!(ev.trigger_tokens.as_slice(), [t] if doc.norm(*t) == "struck" && *t > 0
        && matches!(doc.norm(t - 1), "deal" | "deals" | "agreement" | "accord" | "pact" | "compromise" | "bargain"))
    {
        return true;
    }
    if in_the_condition(doc, ev) {
        return true;
    }
    if event == Some("ASSAULT") && crate::stages::roles::natural_cause(doc, ev) {
        return true;
    }
    let cooperative = matches!(event, Some("AID" | "SUPPORT" | "COOPERATE" | "CONSULT" | "AGREE"));
    if (cooperative || event == Some("THREATEN")) && crate::stages::roles::thing_as_subject(doc, ev) {
        return true;
    }
    // "The incident appeared to discredit Russian claims", "actions that brought discredit on
    // the ministry": to discredit with no one named doing it is to undermine, no disinformation
    // campaign ("efforts to sow misinformation" may be one).
    if entry.pattern == "discredit" && entry.mode.as_deref() == Some("misinformation") && ev.actors.is_empty() {
        return true;
    }
    if event == Some("AID") && (helps_another_act(doc, ev) || protects_as_a_purpose(doc, ev)) {
        return true;
    }
    if cooperative && known_act_with_no_doer(doc, ev) {
        return true;
    }
    // (Only general help: "arrived to deliver food parcels" names the aid itself.)
    let general_help = event == Some("AID") && entry.cameo == "070";
    if (general_help || matches!(event, Some("SUPPORT" | "COOPERATE"))) && purpose_of_another_act(doc, ev, is_trigger) {
        return true;
    }
    if !cooperative || ev.nominal || ev.passive || !ev.actors.is_empty() {
        return false;
    }
    ev.trigger_tokens.first().is_some_and(|&t| {
        let vg = crate::stages::clause::verb_group_start(doc, t);
        (vg.saturating_sub(1)..t).any(|x| doc.tokens[x].norm == "to")
    })
}

/// "the nuclear agreement with Iran", "the talks with the FARC": a definite noun of agreement,
/// talks or cooperation whose doer the text does not name refers to an act told elsewhere or
/// known, not to one this sentence reports.
fn known_act_with_no_doer(doc: &Doc, ev: &crate::doc::Event) -> bool {
    if !ev.nominal || ev.carried || !ev.actors.is_empty() {
        return false;
    }
    let Some(head) = crate::stages::tree::trigger_head(doc, &ev.trigger_tokens) else {
        return false;
    };
    crate::stages::tree::child_with(doc, head, &["det"])
        .is_some_and(|d| matches!(doc.norm(d), "the" | "this" | "that" | "these" | "those"))
}

/// A "host" whose object is refugees, migrants or the displaced (by their sector or their words).
fn hosts_refugees(doc: &Doc, ev: &crate::doc::Event) -> bool {
    let [t] = ev.trigger_tokens.as_slice() else {
        return false;
    };
    if !doc.norm(*t).starts_with("host") {
        return false;
    }
    let refugee_party = ev
        .recipients
        .iter()
        .any(|&r| doc.mentions[r].actor.sector.as_deref() == Some("REF"));
    let end = doc.sentences[ev.sentence as usize].tokens.end;
    let refugee_words = (t + 1..(t + 8).min(end)).any(|x| {
        matches!(
            doc.norm(x),
            "refugee" | "refugees" | "migrant" | "migrants" | "asylum" | "displaced" | "evacuees" | "immigrants"
        )
    });
    refugee_party || refugee_words
}

/// "Help" right before another verb ("troops deployed to help restore order", "lights that
/// help reduce shortages", "to help stem the advance of al-Qaeda"): no one is named as helped
/// (a party after the verb is that verb's, not the helped one), and the act helped is the
/// event, if any, not an aid to anyone. Also "to protect" or "to help" with no one protected or
/// helped: a purpose.
fn helps_another_act(doc: &Doc, ev: &crate::doc::Event) -> bool {
    if ev.nominal || ev.trigger_tokens.len() != 1 {
        return false;
    }
    let t = ev.trigger_tokens[0];
    let word = doc.tokens[t].norm.as_str();
    let help = matches!(word, "help" | "helps" | "helped" | "helping");
    if !help && !matches!(word, "protect" | "protects" | "protected" | "protecting") {
        return false;
    }
    let next = doc.tokens.get(t + 1);
    let bare_verb_next = next.is_some_and(|n| n.upos == "VERB" && n.xpos == "VB")
        || next.is_some_and(|n| n.norm == "to") && doc.tokens.get(t + 2).is_some_and(|n| n.xpos == "VB");
    let purpose = t > 0 && doc.tokens[t - 1].norm == "to" && ev.recipients.is_empty();
    // "to help organize and coordinate aid to Syrian Arabs": the verb's object is aid to the
    // party, so the party is the one helped.
    let aid_between = ev
        .recipients
        .iter()
        .any(|&r| (t + 1..doc.mentions[r].tokens.start).any(|x| matches!(doc.norm(x), "aid" | "assistance" | "relief")));
    help && bare_verb_next && !aid_between || purpose
}

/// "The RSF warned it would respond if army aircraft struck its positions": an act in the
/// clause an "if" or "unless" opens (the "if" before the trigger, no comma or other clause
/// break between) is the condition of another, not an event of its own; the consequence
/// ("would respond") is the event, conditional.
fn in_the_condition(doc: &Doc, ev: &crate::doc::Event) -> bool {
    if ev.modality != crate::doc::Modality::Conditional {
        return false;
    }
    let Some(&first) = ev.trigger_tokens.first() else {
        return false;
    };
    let start = doc.sentences[ev.sentence as usize].tokens.start;
    (start..first)
        .rev()
        .take_while(|&t| !matches!(doc.norm(t), "," | ";" | ":" | "\"" | "and" | "but"))
        .any(|t| matches!(doc.norm(t), "if" | "unless"))
}

/// "offered billions in relief aid on Tuesday to help Syria's peace process", "visited Brasilia
/// to strengthen ties": help, support or cooperation in the purpose clause of another coded act
/// is what that act is for, not an event of its own (the tree: an infinitive `advcl` of a token
/// that is another event's trigger, `is_trigger`).
fn purpose_of_another_act(doc: &Doc, ev: &crate::doc::Event, is_trigger: &[bool]) -> bool {
    let Some(&t) = ev.trigger_tokens.first() else {
        return false;
    };
    // Help asked for or promised ("urged the nations to support") has its modality from the
    // asking and keeps its record.
    if ev.nominal
        || !matches!(
            ev.modality,
            crate::doc::Modality::Asserted | crate::doc::Modality::ReportedClaim
        )
    {
        return false;
    }
    let Some((g, "advcl")) = crate::stages::tree::head_of(doc, t) else {
        return false;
    };
    let infinitive = crate::stages::tree::child_with(doc, t, &["mark"]).is_some_and(|m| doc.tokens[m].norm == "to");
    infinitive && is_trigger.get(g).copied().unwrap_or(false) && !ev.trigger_tokens.contains(&g)
}

/// "Riot police were on hand to protect stores", "measures to protect civilians": protecting
/// told as the purpose of another act, whoever is protected, is no aid of its own. A
/// protection asked for or promised ("asked the UN to protect Serbia") has its modality from
/// the asking and keeps its record.
fn protects_as_a_purpose(doc: &Doc, ev: &crate::doc::Event) -> bool {
    let [t] = ev.trigger_tokens.as_slice() else {
        return false;
    };
    matches!(doc.norm(*t), "protect" | "protecting")
        && *t > 0
        && doc.norm(t - 1) == "to"
        && matches!(
            ev.modality,
            crate::doc::Modality::Asserted | crate::doc::Modality::ReportedClaim
        )
}

/// CAMEO 030, a promise or agreement that names no act of its own ("agree", "pledge").
const GENERAL_PROMISE: &str = "030";

/// The bare verb "threaten" (CAMEO 130), whose content, when a hostile act follows
/// ("threatened to deport the refugees"), is coded as the threat in a record of its own.
fn bare_threat(entry: &crate::knowledge::lexicon::LexEntry) -> bool {
    entry.cameo == "130" && entry.pattern == "threaten"
}

/// The bare "refuse" (CAMEO 120) whose infinitive is recast to its own REJECT record ("refused
/// Monday to hand over"): one record, the specific one.
fn bare_refusal(entry: &crate::knowledge::lexicon::LexEntry) -> bool {
    entry.cameo == "120" && entry.pattern == "refuse"
}

/// Turn the annotated doc into records.
pub fn build_records(doc: &Doc, k: &Knowledge) -> Vec<EventRecord> {
    let chars = CharIndex::new(doc.text());
    let mut out: Vec<EventRecord> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Which tokens are some event's trigger (the means of an assault is not another event).
    let is_trigger = doc.trigger_mask();
    let coded = |ms: &[usize]| ms.iter().any(|&m| !doc.mentions[m].actor.code.is_empty());
    let has_coded_party = |ev: &crate::doc::Event| coded(&ev.actors) || coded(&ev.recipients);
    // PLOVER's single category of each event with a coded party (the only ones that make
    // records), once: the announcing sets below and the records read it.
    let recasts: Vec<Option<crate::knowledge::recast::Recast>> = doc
        .events
        .iter()
        .map(|ev| {
            if has_coded_party(ev) {
                recast(doc, &k.lexicon.entries[ev.entry], ev)
            } else {
                None
            }
        })
        .collect();
    // "agreed to stop the fighting", "pledged to work with", "threatened to deport": the act a
    // general promise or threat announces is coded in its own record (with the promise as its
    // modality); the promise makes no second one. (Only a verb, or a noun that takes the
    // subject of another support verb, "promised to ensure a ceasefire", with a coded actor:
    // "promised cooperation with Ankara" keeps the promise, whose own object the noun is.) The cue words
    // of acts held out as threats are also `threatening`, those of acts refused `refusing`:
    // "threatened" or "refused" before them makes no record.
    let mut announcing: std::collections::HashSet<Span> = std::collections::HashSet::new();
    let mut threatening: std::collections::HashSet<Span> = std::collections::HashSet::new();
    let mut refusing: std::collections::HashSet<Span> = std::collections::HashSet::new();
    for (ev, recast_of) in doc.events.iter().zip(&recasts) {
        if ev.modality == crate::doc::Modality::Asserted || ev.nominal && !ev.carried || !coded(&ev.actors) {
            continue;
        }
        // A noun that is the promise's own object ("promised further concessions") keeps the
        // promise; one carried by another verb ("promised to ensure a ceasefire") does not.
        let first = ev.trigger_tokens.first().map_or(0, |&t| doc.tokens[t].span.start);
        let by_another_verb = |cue: Span| {
            !ev.nominal
                || doc.tokens[doc.sentences[ev.sentence as usize].tokens.clone()]
                    .iter()
                    .filter(|t| t.span.start >= cue.end && t.span.end <= first)
                    .any(|t| t.upos == "VERB")
        };
        let recast_to = recast_of.as_ref().map(|r| r.event);
        for cue in ev
            .evidence
            .iter()
            .filter(|x| x.field == "modality")
            .filter_map(|x| x.span)
            .filter(|&cue| by_another_verb(cue))
        {
            announcing.insert(cue);
            match recast_to {
                Some("THREATEN") => threatening.insert(cue),
                Some("REJECT") => refusing.insert(cue),
                _ => false,
            };
        }
    }
    // "asked the court to release a journalist", "urged Kony to meet the mediators": what a
    // general request asks for, by the cue that made the act requested.
    let asked_for: Vec<(Span, (&'static str, String), Span)> = doc
        .events
        .iter()
        .filter(|ev| ev.modality == crate::doc::Modality::Requested)
        .filter_map(|ev| {
            let content = requested_content(&k.lexicon.entries[ev.entry].cameo)?;
            let cue = ev.evidence.iter().find(|x| x.field == "modality").and_then(|x| x.span)?;
            Some((cue, content, ev.trigger_span))
        })
        .collect();
    for (ev, recast_of) in doc.events.iter().zip(&recasts) {
        let entry = &k.lexicon.entries[ev.entry];
        let announced = if bare_threat(entry) {
            &threatening
        } else if bare_refusal(entry) {
            &refusing
        } else {
            &announcing
        };
        if (entry.cameo == GENERAL_PROMISE || bare_threat(entry) || bare_refusal(entry))
            && !ev.nominal
            && entry.words() == 1
            && announced.contains(&ev.trigger_span)
        {
            continue;
        }
        let actors: Vec<&Mention> = ev.actors.iter().map(|&a| &doc.mentions[a]).collect();
        let recipients: Vec<&Mention> = ev.recipients.iter().map(|&r| &doc.mentions[r]).collect();
        if !has_coded_party(ev) {
            continue;
        }
        if not_an_act(doc, ev, entry, &is_trigger) {
            continue;
        }
        // Pairs: each actor with each recipient; reciprocal for meetings with no recipient.
        let mut pairs: Vec<(Option<&Mention>, Option<&Mention>)> = Vec::new();
        // "Obama and Hollande met": each met the other; not when they met "with" someone unnamed.
        let last = *ev.trigger_tokens.last().expect("trigger has tokens");
        // ("signed an agreement on Tuesday to strengthen trade": an infinitive's "to" is no direction.)
        let directed = (last + 1..(last + 4).min(doc.tokens.len())).any(|t| {
            doc.tokens[t].norm == "with" || doc.tokens[t].norm == "to" && doc.tokens.get(t + 1).is_none_or(|n| n.upos != "VERB")
        });
        let reciprocal = recipients.is_empty()
            && actors.len() > 1
            && !directed
            // (Go-betweens who "brokered" or "mediated" together do so between others.)
            && (matches!(entry.event.as_deref(), Some("CONSULT" | "AGREE" | "COOPERATE")) && !is_mediation(&entry.cameo)
                // "Costa Rica and Luxembourg signed a deal": each signs with the other; so do two
                // that "restored diplomatic ties".
                || entry.cameo == "057"
                || entry.cameo.starts_with("05") && ev.trigger_tokens.iter().any(|&t| matches!(doc.norm(t), "ties" | "relations"))
                || ev
                    .evidence
                    .iter()
                    .any(|e| e.field == "actor" && e.rule == crate::doc::BETWEEN_PARTIES)
                || ["trad", "exchang", "clash", "fought", "fight", "battl"]
                    .iter()
                    .any(|p| doc.tokens[ev.trigger_tokens[0]].norm.starts_with(p))
                || matches!(doc.tokens[ev.trigger_tokens[0]].norm.as_str(), "war" | "wars"));
        // "signed by the United States, Australia, Brunei, Canada, ...": more than three parties
        // acting together make one multilateral record that lists them all, not every ordered pair.
        let multilateral = reciprocal && actors.len() > MAX_RECIPROCAL_PARTIES;
        if multilateral {
            pairs.extend(actors.iter().map(|a| (Some(*a), None)));
        } else if reciprocal {
            for a in &actors {
                for b in &actors {
                    if a.span != b.span {
                        pairs.push((Some(a), Some(b)));
                    }
                }
            }
        } else {
            let acts: Vec<Option<&Mention>> = if actors.is_empty() {
                vec![None]
            } else {
                actors.iter().map(|m| Some(*m)).collect()
            };
            let recs: Vec<Option<&Mention>> = if recipients.is_empty() {
                vec![None]
            } else {
                recipients.iter().map(|m| Some(*m)).collect()
            };
            // One phrase taken as both parties ("a Czech youth club was bombed") names neither
            // side surely: no record for that pair.
            for a in &acts {
                for r in &recs {
                    if !matches!((a, r), (Some(a), Some(r)) if a.span == r.span) {
                        pairs.push((*a, *r));
                    }
                }
            }
        }
        let places: Vec<Option<&crate::doc::EventPlace>> = if ev.places.is_empty() {
            vec![None]
        } else {
            ev.places.iter().map(Some).collect()
        };
        let sent = &doc.sentences[ev.sentence as usize];
        let event_text: Vec<String> = vec![doc.slice(ev.trigger_span).to_string()];
        // PLOVER's single category depends on the event alone: once, not per pair.
        let recast_to = recast_of.clone().map(|r| {
            let rule = format!(
                "{} ({} {} → {} {}, modality {})",
                r.rule,
                entry.event.as_deref().unwrap_or("-"),
                entry.cameo,
                r.event,
                r.cameo,
                ev.modality.as_str()
            );
            (r, rule)
        });
        // A meeting whose parties carry three or more codes ("talks between Iran, Russia and
        // Turkey") is PLOVER's multilateral meeting, where the lexicon gives it no mode.
        let among_three_or_more = entry.event.as_deref() == Some("CONSULT") && entry.mode.is_none() && {
            let mut codes: Vec<&str> = ev
                .actors
                .iter()
                .chain(&ev.recipients)
                .map(|&m| doc.mentions[m].actor.code.as_str())
                .filter(|c| !c.is_empty())
                .collect();
            codes.sort_unstable();
            codes.dedup();
            codes.len() >= 3
        };
        // A refusal recast to REJECT is itself no negation: the refusal is asserted (or the
        // claim of the party that reports it).
        let modality = match &recast_to {
            Some((r, _)) if r.event == "REJECT" && ev.modality == crate::doc::Modality::Negated => {
                if ev.attribution.is_some() {
                    crate::doc::Modality::ReportedClaim
                } else {
                    crate::doc::Modality::Asserted
                }
            }
            _ => ev.modality,
        };
        let first_record = out.len();
        for (a, r) in &pairs {
            for p in &places {
                let a_code = a.map(|m| m.actor.code.as_str()).unwrap_or("");
                let r_code = r.map(|m| m.actor.code.as_str()).unwrap_or("");
                let key = (
                    ev.sentence,
                    entry.cameo.clone(),
                    a.map(|m| m.entity),
                    r.map(|m| m.entity),
                    p.map(|p| p.span),
                    ev.trigger_span,
                );
                if !seen.insert(key) {
                    continue;
                }
                // Nobody acts on themselves: "the official ... the administration" of one country.
                if let (Some(a), Some(r)) = (a, r) {
                    // (The state an arrest or a charge implies acts on its own officials too.)
                    let implied_state = a.rule == crate::stages::place::STATE_AGENT;
                    if !a.actor.code.is_empty() && !implied_state && a.same_actor_as(r) {
                        continue;
                    }
                    // Nor on its own kind in its own country: "he" urging "the Indian
                    // government", a government "meeting" an official. Where the coder reads
                    // that, one side's country is nearly always a wrong guess (a pronoun, an
                    // office word, a person placed by the article's country: 16 of 18 wrong in a
                    // sample of the story corpus). Two people named by name keep theirs ("London
                    // Mayor Sadiq Khan refused to meet British Prime Minister Theresa May"), and
                    // groups that share a code across countries (armed groups, organisations)
                    // are not countries.
                    let named = |m: &Mention| m.actor.name.is_some();
                    let two_people = named(a) && named(r) && a.actor.name != r.actor.name;
                    if !two_people
                        && !implied_state
                        && k.country(&a.actor.code).is_some()
                        && a.actor.code == r.actor.code
                        && a.actor.sector == r.actor.sector
                    {
                        continue;
                    }
                    // Nor visits their own country: "the president's visit to the Marshall
                    // Islands" by its own president is no diplomatic visit (CAMEO 042, 043).
                    let own_country = matches!(r.kind, crate::doc::MentionKind::Country | crate::doc::MentionKind::Capital)
                        && a.actor.code.len() == 3
                        && a.actor.code == r.actor.code;
                    if own_country && (entry.cameo.starts_with("042") || entry.cameo.starts_with("043")) {
                        continue;
                    }
                }
                let place_name = p.map(|p| p.extracted.as_str()).unwrap_or("");
                let id = format!(
                    "{:016x}",
                    fnv1a(&[
                        &doc.article.id,
                        &ev.trigger_span.start.to_string(),
                        &entry.cameo,
                        a_code,
                        &a.map(|m| m.span.start.to_string()).unwrap_or_default(),
                        r_code,
                        &r.map(|m| m.span.start.to_string()).unwrap_or_default(),
                        place_name
                    ])
                );
                let at_trigger = |rule: String| evidence_at(doc, &chars, "event", ev.trigger_span, rule);
                // A verb-object pattern read in the passive ("the curfew was lifted").
                let in_passive = ev.passive_object.is_some();
                let mut evidence: Vec<EvidenceItem> = vec![at_trigger(format!(
                    "lexicon {}:{} `{}`{} → CAMEO {}",
                    entry.file,
                    entry.line,
                    entry.pattern,
                    if in_passive { ", in the passive" } else { "" },
                    entry.cameo
                ))];
                let mut mode: Vec<String> = entry.mode.iter().cloned().collect();
                for (m, t) in assault_means(doc, entry, ev, &is_trigger) {
                    let rule = format!("mode: the means named in the sentence ({m})");
                    evidence.push(evidence_at(doc, &chars, "mode", doc.tokens[t].span, rule));
                    mode.push(m.to_string());
                }
                if let Some(m) = mode_from_weapon(doc, entry, *a).filter(|m| !mode.iter().any(|x| x == m)) {
                    let am = a.expect("a weapon's mode has an actor");
                    let rule = format!("mode: the attacker is a weapon of the air ({m})");
                    evidence.push(evidence_at(doc, &chars, "mode", am.span, rule));
                    mode.insert(0, m.to_string());
                }
                if targeted_killing(doc, entry, ev, *r) && !mode.iter().any(|m| m == "targeted") {
                    let rm = r.expect("a targeted killing has a target");
                    let rule = "mode: one person killed for who they are (targeted)".to_string();
                    evidence.push(evidence_at(doc, &chars, "mode", rm.span, rule));
                    mode.insert(0, "targeted".to_string());
                }
                if let Some((m, why)) = mode_from_actor(doc, entry, *a) {
                    let am = a.expect("a mode from the actor has an actor");
                    evidence.push(evidence_at(doc, &chars, "mode", am.span, why.into()));
                    mode = vec![m.to_string()];
                } else if let Some(rm) = r.filter(|rm| mobilises_troops(entry) && is_militia(doc, rm)) {
                    // "deployed members of its militia": the force mobilised is a militia.
                    let rule = "mode: a militia is mobilised (militia)".to_string();
                    evidence.push(evidence_at(doc, &chars, "mode", rm.span, rule));
                    mode = vec!["militia".to_string()];
                }
                if among_three_or_more {
                    let rule = "mode: a meeting of three or more parties (multilateral)".to_string();
                    evidence.push(at_trigger(rule));
                    mode = vec!["multilateral".to_string()];
                } else if third_party_meeting(k, entry, *a, *r, *p) {
                    let rule = "mode: a meeting in a third country (third-party)".to_string();
                    let pl = p.expect("a third-party meeting has a place");
                    evidence.push(evidence_at(doc, &chars, "mode", pl.span, rule));
                    mode = vec!["third-party".to_string()];
                }
                let mut event: Vec<String> = entry.event.iter().cloned().collect();
                let mut cameo = entry.cameo.clone();
                if entry.mode.as_deref() == Some("explosives") && state_bombing(doc, k, ev, *a) {
                    let am = a.expect("a state bombing has an actor");
                    let rule = "mode: a state's bombing is from the air (aerial, CAMEO 195)".to_string();
                    evidence.push(evidence_at(doc, &chars, "mode", am.span, rule));
                    mode = vec!["aerial".to_string()];
                    cameo = "195".to_string();
                }
                // Retyped by a party: an expelled diplomat, rioting protesters.
                let retyped = if recast_to.is_some() {
                    None
                } else if expels_a_diplomat(doc, entry, ev, *r) {
                    let rule = "expelling a diplomat is SANCTION expel (CAMEO 161), not a deportation";
                    Some((r.map_or(ev.trigger_span, |m| m.span), rule, ["SANCTION", "expel", "161"]))
                } else if organisation_withdraws(doc, entry, ev, *a) {
                    let rule = "an organisation pulling out of a country withdraws its presence (SANCTION withdraw, CAMEO 166)";
                    a.map(|m| (m.span, rule, ["SANCTION", "withdraw", "166"]))
                } else if workers_struck(entry, *a, *r) {
                    let rule = "workers who struck, with no one struck, went on strike (PROTEST strike, CAMEO 143)";
                    a.map(|m| (m.span, rule, ["PROTEST", "strike", "143"]))
                } else if riot_by_protesters(doc, entry, ev, *a) {
                    let rule = "protesters' violence is a riot (ASSAULT → PROTEST riot, CAMEO 145)";
                    a.map(|m| (m.span, rule, ["PROTEST", "riot", "145"]))
                } else {
                    None
                };
                if let Some((span, rule, [to_event, to_mode, to_cameo])) = retyped {
                    evidence.push(evidence_at(doc, &chars, "event", span, rule.to_string()));
                    event = vec![to_event.to_string()];
                    mode = vec![to_mode.to_string()];
                    cameo = to_cameo.to_string();
                }
                if let Some(t) = violent_protest(doc, entry, ev).filter(|_| recast_to.is_none()) {
                    let rule = "a violent demonstration is a riot (PROTEST riot, CAMEO 145)".to_string();
                    evidence.push(evidence_at(doc, &chars, "mode", doc.tokens[t].span, rule));
                    mode = vec!["riot".to_string()];
                    cameo = "145".to_string();
                }
                let general_request = entry.event.as_deref() == Some("REQUEST") && entry.mode.is_none();
                if let Some(((m, digits), act)) = asked_for
                    .iter()
                    .find(|(cue, _, _)| general_request && cue.start >= ev.trigger_span.start && cue.end <= ev.trigger_span.end)
                    .map(|(_, content, act)| (content, act))
                {
                    let rule = format!("mode: what is asked for ({m})");
                    evidence.push(evidence_at(doc, &chars, "mode", *act, rule));
                    mode = vec![m.to_string()];
                    // An appeal (02x) or a demand (10x), for the same content.
                    cameo = format!("{}{digits}", if entry.cameo.starts_with("10") { "10" } else { "02" });
                }
                if let Some((r, rule)) = &recast_to {
                    evidence.push(at_trigger(rule.clone()));
                    event = vec![r.event.to_string()];
                    mode = r.mode.iter().map(|m| m.to_string()).collect();
                    cameo = r.cameo.clone();
                }
                if recast_to.is_none() && entry.event.as_deref() == Some("THREATEN") && mode.is_empty() {
                    if let Some((code, m, act)) = warned_of(doc, k, ev) {
                        let rule = format!("mode: the hostile act the warning holds out ({m})");
                        evidence.push(evidence_at(doc, &chars, "mode", act, rule));
                        mode = vec![m.to_string()];
                        cameo = code.to_string();
                    }
                }
                if event.iter().any(|e| e == "THREATEN") && mode.is_empty() {
                    if let Some(t) = threatened_force(doc, ev) {
                        let rule = "mode: the threat names force (violence)".to_string();
                        evidence.push(evidence_at(doc, &chars, "mode", doc.tokens[t].span, rule));
                        mode = vec!["violence".to_string()];
                    }
                }
                for e in &ev.evidence {
                    evidence.push(EvidenceItem {
                        field: e.field.to_string(),
                        text: e.span.map(|s| doc.slice(s).to_string()).unwrap_or_default(),
                        start: e.span.map(|s| chars.char_offset(s.start())),
                        end: e.span.map(|s| chars.char_offset(s.end())),
                        span: e.span,
                        rule: e.rule.clone(),
                    });
                }
                for (field, m) in [("actor", a), ("recipient", r)] {
                    if let Some(m) = m {
                        let rule = format!("actor knowledge: {}", m.rule);
                        evidence.push(evidence_at(doc, &chars, &format!("{field}_code"), m.span, rule));
                    }
                }
                let event_loc = p.map(|p| {
                    let pl = p.place.as_ref();
                    Location {
                        extracted_place: p.extracted.clone(),
                        resolved_place: pl.map(|x| x.name.clone()),
                        geonameid: pl.map(|x| x.geonameid),
                        lat: pl.and_then(|x| x.lat),
                        lon: pl.and_then(|x| x.lon),
                        province: pl.and_then(|x| (!x.admin1.is_empty()).then(|| x.admin1.clone())),
                        country: pl
                            .and_then(|x| k.country(&x.country_code))
                            .and_then(|c| c.names.first().cloned()),
                        country_code: pl.and_then(|x| (!x.country_code.is_empty()).then(|| x.country_code.clone())),
                        feature_class: pl.map(|x| x.feature_class.clone()),
                        feature_code: pl.map(|x| x.feature_code.clone()),
                        resolution: pl.map(|x| x.resolution()),
                    }
                });
                out.push(EventRecord {
                    id,
                    doc_id: doc.article.id.clone(),
                    date: ev.date,
                    date_text: ev.date_span.map(|s| doc.slice(s).to_string()),
                    report_date: doc.article.report_date,
                    actor: a.map(|m| vec![entity(doc, &chars, m)]).unwrap_or_default(),
                    recipient: r.map(|m| vec![entity(doc, &chars, m)]).unwrap_or_default(),
                    event,
                    mode,
                    context: ev.contexts.clone(),
                    cameo,
                    event_text: event_text.clone(),
                    event_loc,
                    text: doc.slice(sent.span).to_string(),
                    sequence: ev.sentence as usize,
                    start: chars.char_offset(sent.span.start()),
                    end: chars.char_offset(sent.span.end()),
                    modality,
                    attribution: ev.attribution.map(|m| entity(doc, &chars, &doc.mentions[m])),
                    rule: entry.rule_id(),
                    rule_source: format!("{}:{}", entry.file, entry.line),
                    evidence,
                    trigger_span: ev.trigger_span,
                    sentence_span: sent.span,
                });
            }
        }
        if multilateral {
            merge_multilateral(&mut out, first_record, entry.event.as_deref() == Some("CONSULT"));
        } else {
            merge_same_coded_parties(&mut out, first_record);
        }
    }
    merge_one_act(&mut out);
    merge_retold(&mut out);
    out
}

/// The distinct (code, sector) pairs of a record's parties, sorted.
fn party_codes(es: &[Entity]) -> Vec<(&str, Option<&str>)> {
    let mut v: Vec<_> = es.iter().map(|e| (e.code.as_str(), e.sector.as_deref())).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Records of one sentence that tell one act in several words ("shot and killed", "met ... to
/// discuss", "arrived in ... to meet", "were killed in an air strike"): the same event type
/// and modality, dates that agree ([`dates_agree`]), parties whose codes agree (the same, or
/// named by one of them only) and modes that agree (one's among the other's, none included)
/// are one record, the one that says more (more modes, then the more specific CAMEO code),
/// with the parties of both; the other's words join its evidence.
fn merge_one_act(out: &mut Vec<EventRecord>) {
    // (The bucket holds records of one sentence, event type and modality.)
    fn one_act(a: &EventRecord, b: &EventRecord) -> bool {
        dates_agree(a, b)
            && modes_agree(a, b)
            && (a.event_loc.is_none() || b.event_loc.is_none() || a.event_loc == b.event_loc)
            && (party_codes(&a.actor) == party_codes(&b.actor) && party_codes(&a.recipient) == party_codes(&b.recipient)
                || linked(a, b)
                    && agree(party_codes(&a.actor), party_codes(&b.actor))
                    && agree(party_codes(&a.recipient), party_codes(&b.recipient))
                || same_doer(a, b))
    }
    // The same coded actors, one telling naming no recipient, the later one going on from the
    // first: right after it ("a drone strike killed"), as its purpose or next step ("met
    // Hernandez in London last week to discuss the crisis", "a convoy was attacked ..., and
    // two drivers were killed") or its outcome (", killing three"). Not "rebels fighting
    // militias backed by Iran shelled the town": two acts.
    fn same_doer(a: &EventRecord, b: &EventRecord) -> bool {
        let actors = party_codes(&a.actor);
        !actors.is_empty()
            && actors.iter().all(|(code, _)| !code.is_empty())
            && actors == party_codes(&b.actor)
            && (a.recipient.is_empty() || b.recipient.is_empty())
            && goes_on(a, b)
    }
    fn goes_on(a: &EventRecord, b: &EventRecord) -> bool {
        let Some((between, y)) = between_tellings(a, b) else {
            return false;
        };
        let words: Vec<&str> = between.split_whitespace().collect();
        let last = &words[words.len().saturating_sub(4)..];
        let gerund = y
            .event_text
            .first()
            .is_some_and(|t| t.split_whitespace().next().is_some_and(|w| w.ends_with("ing")));
        words.is_empty() || last.iter().any(|w| matches!(*w, "to" | "and")) || gerund && between.trim_end().ends_with(',')
    }
    // Tellings that leave a party out join only when their words are linked: at most four
    // words apart, the first of them "in", "by", "during" or "and" ("killed in a coalition
    // air strike", "shot and killed").
    fn linked(a: &EventRecord, b: &EventRecord) -> bool {
        between_tellings(a, b).is_some_and(|(w, _)| {
            let words: Vec<&str> = w.split_whitespace().collect();
            words.len() <= 4 && words.first().is_some_and(|w| matches!(*w, "in" | "by" | "during" | "and"))
        })
    }
    // The words between two tellings of one sentence, and the later telling.
    fn between_tellings<'r>(a: &'r EventRecord, b: &'r EventRecord) -> Option<(&'r str, &'r EventRecord)> {
        let (x, y) = if a.trigger_span.start <= b.trigger_span.start {
            (a, b)
        } else {
            (b, a)
        };
        let base = x.sentence_span.start();
        let between = x
            .text
            .get(x.trigger_span.end().saturating_sub(base)..y.trigger_span.start().saturating_sub(base))?;
        Some((between, y))
    }
    // One telling may name a party the other leaves out ("were killed in a coalition air
    // strike": the killing names the dead, the strike who struck).
    fn agree<T: PartialEq>(a: Vec<T>, b: Vec<T>) -> bool {
        a.is_empty() || b.is_empty() || a == b
    }
    fold_tellings(
        out,
        |r| (r.sequence, r.event.clone(), r.modality),
        one_act,
        |words| format!("one act: `{words}` in the same sentence tells it with the same parties"),
        Fold::Join,
    );
}

/// Two tellings' dates agree when they are the same or one of them names no time of its own
/// (its date is the report's): "met on Monday ... the talks in Libreville" is one meeting.
fn dates_agree(a: &EventRecord, b: &EventRecord) -> bool {
    a.date == b.date || a.date_text.is_none() || b.date_text.is_none()
}

/// Two tellings' modes agree when one's are among the other's ("shot": firearms; "killed":
/// targeted and firearms; "the attack": none).
fn modes_agree(a: &EventRecord, b: &EventRecord) -> bool {
    a.mode.iter().all(|m| b.mode.contains(m)) || b.mode.iter().all(|m| a.mode.contains(m))
}

/// The record kept for two tellings takes the date the other names when it names none itself.
fn adopt_date(kept: &mut EventRecord, other: &EventRecord) {
    if kept.date_text.is_none() && other.date_text.is_some() {
        kept.date = other.date;
        kept.date_text = other.date_text.clone();
        adopt_evidence(kept, other, "date");
    }
}

/// The kept record's evidence for `field` becomes the other telling's, whose value it took.
fn adopt_evidence(kept: &mut EventRecord, other: &EventRecord, field: &str) {
    kept.evidence.retain(|e| e.field != field);
    kept.evidence
        .extend(other.evidence.iter().filter(|e| e.field == field).cloned());
}

/// An act the article tells again in a later sentence ("Russia shelled Kharkiv on Monday. ...
/// The Russian shelling on Monday ...") is one record: same event type and CAMEO code, modes
/// and dates that agree ([`modes_agree`], [`dates_agree`]), the same modality (a party's
/// report of the act counting as the act), the same party codes on both sides (at least one
/// party coded), places that do not disagree. The later telling's words join the first
/// record as evidence (at most `MAX_RETELLINGS` of them), and its date or modes where it names
/// more; its parties, being the same codes, do not.
fn merge_retold(out: &mut Vec<EventRecord>) {
    fn owned(es: &[Entity]) -> Vec<(String, Option<String>)> {
        party_codes(es)
            .into_iter()
            .map(|(c, s)| (c.to_string(), s.map(str::to_string)))
            .collect()
    }
    // Told as fact or as a party's report of fact, it is one act ("Turkish jets bombed ...
    // Ankara said Turkish jets bombed ..."); the first telling keeps its modality.
    fn happened(m: Modality) -> Modality {
        if m == Modality::ReportedClaim {
            Modality::Asserted
        } else {
            m
        }
    }
    // The same place, or one within the other ("a rally in Bucharest" ... "the rally in Romania").
    fn places_agree(a: &EventRecord, b: &EventRecord) -> bool {
        match (&a.event_loc, &b.event_loc) {
            (Some(x), Some(y)) => x == y || x.within(y) || y.within(x),
            _ => true,
        }
    }
    fn retold(a: &EventRecord, b: &EventRecord) -> bool {
        a.sequence != b.sequence
            && a.actor.iter().chain(&a.recipient).any(|e| !e.code.is_empty())
            && places_agree(a, b)
            && dates_agree(a, b)
            && modes_agree(a, b)
    }
    fold_tellings(
        out,
        |r| {
            (
                r.event.clone(),
                r.cameo.clone(),
                happened(r.modality),
                owned(&r.actor),
                owned(&r.recipient),
            )
        },
        retold,
        |words| format!("told again: `{words}` in a later sentence, same parties, code, modality and date (or no time named)"),
        Fold::Retold,
    );
}

/// How a folded record joins the one it tells again.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// One act in one sentence: its parties, place and evidence join.
    Join,
    /// The same act in another sentence: only its trigger words join, as evidence.
    Retold,
}

/// The most later tellings a record lists as evidence (an article that repeats a sentence
/// thousands of times stays one record with a bounded evidence list).
const MAX_RETELLINGS: usize = 8;

/// Folds each record into an earlier one of its bucket for which `same` holds (the one that
/// says more, more modes, then a CAMEO code below the root of its group, "193" over "190", keeps
/// its fields; the other's parties, place and evidence join it, with an evidence item from
/// `rule(words)`). Each record is compared with at most `FOLD_WINDOW` earlier ones of its
/// bucket, so the cost stays linear in an article of any length.
fn fold_tellings<K: std::hash::Hash + Eq>(
    out: &mut Vec<EventRecord>,
    bucket: impl Fn(&EventRecord) -> K,
    same: impl Fn(&EventRecord, &EventRecord) -> bool,
    rule: impl Fn(&str) -> String,
    fold: Fold,
) {
    const FOLD_WINDOW: usize = 16;
    let weight = |r: &EventRecord| (r.mode.len(), r.cameo.len(), !r.cameo.ends_with('0'));
    let mut slots: Vec<Option<EventRecord>> = out.drain(..).map(Some).collect();
    let mut groups: std::collections::HashMap<K, Vec<usize>> = std::collections::HashMap::new();
    for j in 0..slots.len() {
        let Some(key) = slots[j].as_ref().map(&bucket) else {
            continue;
        };
        let kept = groups.entry(key).or_default();
        let target = kept
            .iter()
            .rev()
            .take(FOLD_WINDOW)
            .copied()
            .find(|&i| match (&slots[i], &slots[j]) {
                (Some(a), Some(b)) => same(a, b),
                _ => false,
            });
        let Some(i) = target else {
            kept.push(j);
            continue;
        };
        let (Some(b), Some(a)) = (slots[j].take(), slots[i].as_mut()) else {
            continue;
        };
        if fold == Fold::Retold {
            adopt_date(a, &b);
            // ... and the finer place a later one names ("in Romania" ... "in Bucharest").
            if let (Some(x), Some(y)) = (&a.event_loc, &b.event_loc) {
                if y.within(x) {
                    a.event_loc = b.event_loc.clone();
                    adopt_evidence(a, &b, "event_loc");
                }
            }
            // ... and the modes a later one names more of ("the attack" ... "shot dead").
            if b.mode.len() > a.mode.len() {
                a.mode = b.mode.clone();
                adopt_evidence(a, &b, "mode");
            }
            // The first telling stays the record; the later one's words are noted, boundedly.
            let noted = a.evidence.iter().filter(|e| e.field == "retold").count();
            if noted < MAX_RETELLINGS {
                let words = b.event_text.join(" ");
                let at = b.evidence.iter().find(|e| e.field == "event");
                a.evidence.push(EvidenceItem {
                    field: "retold".into(),
                    text: at.map(|e| e.text.clone()).unwrap_or_default(),
                    start: at.and_then(|e| e.start),
                    end: at.and_then(|e| e.end),
                    span: at.and_then(|e| e.span),
                    rule: rule(&words),
                });
            }
            continue;
        }
        let other = if weight(&b) > weight(a) { std::mem::replace(a, b) } else { b };
        adopt_date(a, &other);
        let words = other.event_text.join(" ");
        if a.event_loc.is_none() {
            a.event_loc = other.event_loc.clone();
        }
        absorb(a, other);
        a.evidence.push(EvidenceItem {
            field: "event".into(),
            text: String::new(),
            start: None,
            end: None,
            span: None,
            rule: rule(&words),
        });
    }
    out.extend(slots.into_iter().flatten());
}

/// The most parties acting together that are coded as ordered pairs (A → B and B → A); more
/// make one multilateral record.
const MAX_RECIPROCAL_PARTIES: usize = 3;

/// One event's records (from `from`) of a multilateral act, one per party, become one record
/// whose actors are all the parties; a meeting of them is CONSULT/multilateral.
fn merge_multilateral(out: &mut Vec<EventRecord>, from: usize, consult: bool) {
    if out.get(from).is_none() {
        return;
    }
    let n = out.len() - from;
    let rule = format!("multilateral: {n} parties act together; one record lists them all");
    let rest: Vec<EventRecord> = out.drain(from + 1..).collect();
    // Several places make several records of the same parties: keep one per place.
    let a = &mut out[from];
    let (same, other): (Vec<EventRecord>, Vec<EventRecord>) =
        rest.into_iter().partition(|r| r.event_loc == a.event_loc && r.date == a.date);
    for r in same {
        absorb(a, r);
    }
    if consult && a.mode.is_empty() {
        a.mode = vec!["multilateral".to_string()];
    }
    a.evidence.push(EvidenceItem {
        field: "actor".into(),
        text: String::new(),
        start: None,
        end: None,
        span: None,
        rule,
    });
    out.extend(other);
}

/// Record `b`'s parties and evidence, where `a` lacks them, join `a` (one event's records).
fn absorb(a: &mut EventRecord, b: EventRecord) {
    // "a Czech youth club ... was bombed ..., killing five": words the kept record has on one
    // side do not join it on the other (nor does their evidence).
    let mut crossed: Vec<&str> = Vec::new();
    for (side, from) in [("actor", b.actor), ("recipient", b.recipient)] {
        for e in from {
            let (same, other) = if side == "actor" {
                (&mut a.actor, &a.recipient)
            } else {
                (&mut a.recipient, &a.actor)
            };
            if other.iter().any(|x| x.span == e.span) {
                crossed.push(side);
            } else if !same.iter().any(|x| x.span == e.span) {
                same.push(e);
            }
        }
    }
    for e in b.evidence {
        let crossed_side = crossed
            .iter()
            .any(|d| e.field == *d || e.field.strip_suffix("_code") == Some(*d));
        if !crossed_side && !a.evidence.contains(&e) {
            a.evidence.push(e);
        }
    }
}

/// One event's records whose parties carry the same codes are one record with several
/// parties: "Kyrgyz police detained two men and a woman" is one arrest of KGZ CVL (two
/// recipients), not two. Records of the event start at `from`.
fn merge_same_coded_parties(out: &mut Vec<EventRecord>, from: usize) {
    fn codes(es: &[Entity]) -> Vec<(&str, Option<&str>)> {
        es.iter().map(|e| (e.code.as_str(), e.sector.as_deref())).collect()
    }
    let mut i = from;
    while i < out.len() {
        let mut j = i + 1;
        while j < out.len() {
            let (a, b) = (&out[i], &out[j]);
            let same = codes(&a.actor) == codes(&b.actor)
                && codes(&a.recipient) == codes(&b.recipient)
                && a.mode == b.mode
                && a.event == b.event
                && a.cameo == b.cameo
                && a.date == b.date
                && a.event_loc == b.event_loc;
            if !same {
                j += 1;
                continue;
            }
            let b = out.remove(j);
            absorb(&mut out[i], b);
        }
        i += 1;
    }
}
