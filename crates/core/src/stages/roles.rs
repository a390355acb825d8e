//! Stage 4: actor and recipient of each event, from the clause around its trigger.
//!
//! Verbal triggers take the clause subject as actor and the object (or the `_` slot) as
//! recipient; passives swap them ("was shot down by X"). Nominal triggers take a possessive or
//! adjective right before the noun ("French air strikes", "Cameron's talks"), else the clause
//! subject when the noun is the object of a verb or a purpose ("flies to Moscow for talks"),
//! and the recipient after a preposition ("on", "against", "with", "targeting"). Coordinated
//! actors ("France and Britain") give one record each, later in the record stage. Where these
//! rules over the token sequence find nothing, the dependency tree answers (rules named
//! `parse: ...`).

use crate::diag::Diagnostics;
use crate::doc::{Doc, Evidence, MentionKind};
use crate::knowledge::Knowledge;
use crate::pipeline::Stage;
use crate::stages::clause::{conjuncts, is_passive, object_of, reporting_clauses, subject_of, usable, PREPOSITIONS};
use crate::stages::pos::WINDOW;
use crate::stages::tree;

/// Assigns actors and recipients.
pub struct RoleFinder<'k> {
    knowledge: &'k Knowledge,
}

impl<'k> RoleFinder<'k> {
    /// Stable stage name.
    pub const NAME: &'static str = "role-finder";
    /// A finder over this knowledge.
    pub fn new(knowledge: &'k Knowledge) -> Self {
        RoleFinder { knowledge }
    }
}

/// Prepositions that introduce the target of a nominal trigger.
const TARGET_PREPS: &[&str] = &[
    "on",
    "against",
    "targeting",
    "with",
    "to",
    "at",
    "toward",
    "towards",
    "over",
    "upon",
    "for",
    "from",
    "between",
];

/// Prepositions that name the target of a thing done in the passive ("sanctions on Iran were
/// lifted", "the territory was ceded to France", "a truce was signed between A and B"); not
/// "with" ("launched in consultation with the government").
const PASSIVE_TARGET_PREPS: &[&str] = &[
    "on",
    "against",
    "targeting",
    "upon",
    "at",
    "to",
    "toward",
    "towards",
    "between",
];

/// The target prepositions of a cooperative noun ("talks with", "aid to", "an agreement
/// between"): not "on", "over" or "for", which give its topic ("cooperation on Syria").
const COOPERATIVE_TARGET_PREPS: &[&str] = &["with", "to", "toward", "towards", "between", "from", "against", "at"];

/// Prepositions that introduce the target of a verb in the tree's obliques ("met with X",
/// "fired on X"); "for", "from" and "over" there mostly give a reason or a source.
const VERB_TARGET_PREPS: &[&str] = &["against", "on", "upon", "with", "to", "at", "toward", "towards", "targeting"];

/// Objects of a denial that point back to an earlier claim.
const CLAIM_NOUNS: &[&str] = &[
    "charge",
    "charges",
    "claim",
    "claims",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "report",
    "reports",
    "assertion",
    "protest",
    "protests",
    "demand",
    "demands",
    "request",
    "requests",
    "proposal",
    "offer",
    "plan",
    "call",
    "calls",
    "ultimatum",
    "threat",
    "threats",
    "criticism",
    "complaint",
];

/// Words before a nominal trigger that may be skipped to find its possessive or adjective.
const NOUN_MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "new",
    "fresh",
    "renewed",
    "recent",
    "latest",
    "joint",
    "deadly",
    "massive",
    "heavy",
    "military",
    "similar",
    "further",
    "more",
    "possible",
    "planned",
    "first",
    "two",
    "several",
    "fierce",
    "intense",
    "direct",
    "official",
    "formal",
    "bilateral",
    "high-level",
    "emergency",
    "retaliatory",
    "daily",
    "repeated",
];

impl Stage for RoleFinder<'_> {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, _diag: &mut Diagnostics) {
        let _ = self.knowledge;
        // Trigger words do not change while roles are found.
        let is_trigger = doc.trigger_mask();
        for e in 0..doc.events.len() {
            let ev = doc.events[e].clone();
            let first = ev.trigger_tokens[0];
            let last = *ev.trigger_tokens.last().expect("trigger has tokens");
            let mut actor: Option<(usize, String)> = None;
            let mut recipient: Option<(usize, String)> = None;
            let mut passive = false;
            let mut carried = false;
            // "a woman accused of": a participle after its noun (read once, used twice below).
            let relative_to = if ev.nominal { None } else { reduced_relative(doc, first) };
            let relative = relative_to.is_some();
            if ev.nominal {
                // "granted Comoros debt relief", "offered Kyiv military aid": the first object of
                // a giving verb receives, the verb's subject gives.
                if let Some((m, giver)) = indirect_object(doc, first) {
                    recipient = Some((m, "nominal: first object of a giving verb".into()));
                    actor = giver.map(|g| (g, "nominal: subject of the giving verb".into()));
                }
                // Possessive or adjective right before the noun. A one-word sector noun that
                // names no country of its own ("provided military support") says what kind of
                // act it is; it acts only when the clause names no one else.
                let mut kind_word: Option<usize> = None;
                let mut i = first;
                let mut steps = 0;
                let sentence_start = doc.sentences[ev.sentence as usize].tokens.start;
                while actor.is_none() && recipient.is_none() && i > sentence_start && steps < 4 {
                    i -= 1;
                    steps += 1;
                    if let Some(m) = doc.mention_at[i] {
                        // A mention that runs into the trigger acts only when it names its own
                        // country ("Pakistani sniper fire"); "a drone" of "a drone strike" is the means.
                        let own_words = doc.mentions[m].tokens.end <= first
                            || !doc.mentions[m].actor.code.is_empty()
                                && !doc.mentions[m].rule.ends_with(crate::stages::mentions::ARTICLE_COUNTRY);
                        if !doc.mentions[m].locative && own_words && !tree_says_not_a_modifier(doc, m, first, last) {
                            let mention = &doc.mentions[m];
                            // (Its code, if any, came from the context: the article's or a
                            // neighbour's country, not "of Kenya" after it.)
                            let kind_of_act = mention.kind == MentionKind::Group
                                && mention.tokens.len() == 1
                                && mention.actor.name.is_none()
                                && !mention.rule.contains("of-")
                                && !mention.rule.contains("in-");
                            if kind_of_act {
                                kind_word = Some(m);
                            } else {
                                actor = Some((m, "nominal: modifier or possessive before the noun".into()));
                            }
                        }
                        break;
                    }
                    let n = doc.tokens[i].norm.as_str();
                    if !(NOUN_MODIFIERS.contains(&n)
                        || doc.tokens[i].kind == crate::doc::TokenKind::Number
                        || n == "-"
                        || n == "'s"
                        || n == "'"
                        || n == "air"
                        || n == "."
                        || is_month_abbrev(n))
                    {
                        break;
                    }
                }
                // "the withdrawal of U.S. troops", "a buildup of Russian forces": the force that
                // moves is the actor of a deployment or a pull-back named by a noun; where it
                // withdraws "from" is no agent.
                // (Not "the release of militants": those are freed. An uncoded force leaves the
                // act to whoever ordered it: "approved the deployment of a brigade".)
                let entry = &self.knowledge.lexicon.entries[ev.entry];
                let moving = entry.event.as_deref() == Some("MOBILIZE") || entry.cameo.starts_with("087");
                if actor.is_none() && moving && doc.norm(last + 1) == "of" {
                    if let Some(m) = object_of(doc, last, Some(&["of"]), 5).filter(|&m| {
                        let force = &doc.mentions[m].actor;
                        !force.code.is_empty() && matches!(force.sector.as_deref(), Some("MIL" | "COP" | "REB" | "UAF"))
                    }) {
                        actor = Some((m, "nominal: the force after `of`".into()));
                    }
                }
                // The agent after the noun: "attacks by the militants", "the threat from Iran".
                if actor.is_none() {
                    let withdrawing = moving || entry.event.as_deref() == Some("RETREAT");
                    let agent_preps: &[&str] = if withdrawing { &["by"] } else { &["by", "from"] };
                    if let Some(m) = object_of(doc, last, Some(agent_preps), 6).filter(|&m| is_agent_phrase(doc, last, m)) {
                        actor = Some((m, format!("nominal: agent after `{}`", prev_word(doc, m))));
                    }
                }
                // The clause subject, when the noun is the object of a support verb ("authorized
                // airstrikes", "held talks") or a purpose ("flies to Moscow for talks").
                if actor.is_none() {
                    let mut np_start = noun_phrase_start(doc, first);
                    // "floated the possibility of a ban", "raised the threat of sanctions": the
                    // verb of the possibility noun is the one that voices the act.
                    let voiced = np_start >= 2
                        && doc.tokens[np_start - 1].norm == "of"
                        && crate::stages::modality::POSSIBILITY_NOUNS.contains(&doc.tokens[np_start - 2].norm.as_str());
                    if voiced {
                        np_start = noun_phrase_start(doc, np_start - 2);
                    }
                    // "continue a campaign of attacks", "launched a wave of strikes": the verb of
                    // the container noun is the one that carries the act.
                    if np_start >= 2
                        && doc.tokens[np_start - 1].norm == "of"
                        && SERIES_NOUNS.contains(&doc.tokens[np_start - 2].norm.as_str())
                    {
                        np_start = noun_phrase_start(doc, np_start - 2);
                    }
                    let before = np_start.checked_sub(1).map(|b| doc.tokens[b].norm.as_str()).unwrap_or("");
                    // ... and "raised the threat" itself.
                    let possibility =
                        voiced || crate::stages::modality::POSSIBILITY_NOUNS.contains(&doc.tokens[first].norm.as_str());
                    let voicing = possibility && VOICING_VERBS.contains(&before);
                    let before2 = np_start.checked_sub(2).map(|b| doc.tokens[b].norm.as_str()).unwrap_or("");
                    // "for talks" is a purpose, unless "for" belongs to another trigger ("pressed for the sanctions").
                    let for_is_trigger = np_start.checked_sub(1).is_some_and(|b| is_trigger[b]);
                    // "enforcing a curfew" is the enforcer's act; "enforce the treaties" is not a signing.
                    let cooperative_entry = matches!(entry.event.as_deref(), Some("CONSULT" | "AGREE" | "SUPPORT" | "COOPERATE"));
                    // "responded to protests", "led to clashes": the subject reacts to the act or
                    // causes it; it does not do it.
                    // ("link the fire to the attacks": the verb may stand a few words back.)
                    let sent_start = doc.sentences[ev.sentence as usize].tokens.start;
                    let reacting = before == "to"
                        && (sent_start.max(np_start.saturating_sub(6))..np_start.saturating_sub(1))
                            .rev()
                            .take_while(|&t| !matches!(doc.norm(t), "," | ";" | ":"))
                            .any(|t| REACTING_BEFORE_TO.contains(&doc.norm(t)));
                    let supported = matches!(before, "for" | "to") && !for_is_trigger && !reacting
                        || is_support_verb(before)
                        || is_enforcing_verb(before) && !cooperative_entry
                        || is_stating_verb(before) && !DEFINITE.contains(&doc.tokens[np_start].norm.as_str())
                        || matches!(before, "out" | "up" | "off") && is_support_verb(before2)
                        || is_support_verb_particle(before2, before)
                        || voicing;
                    if supported && np_start > doc.sentences[ev.sentence as usize].tokens.start {
                        if let Some(m) = subject_of(doc, np_start) {
                            actor = Some((m, format!("nominal: subject of `{before}`")));
                            carried = is_support_verb(before);
                        }
                    }
                }
                if actor.is_none() {
                    actor = tree_nominal_actor(doc, first, last);
                }
                if actor.is_none() {
                    actor = kind_word.map(|m| (m, "nominal: modifier or possessive before the noun".into()));
                }
                // "cooperation on Syria", "talks over the dispute": for a cooperative noun these
                // name the topic, not a party.
                let cooperative = matches!(
                    self.knowledge.lexicon.entries[ev.entry].event.as_deref(),
                    Some("CONSULT" | "AGREE" | "SUPPORT" | "COOPERATE")
                );
                let preps: &[&str] = if cooperative { COOPERATIVE_TARGET_PREPS } else { TARGET_PREPS };
                // "support for Uganda": a trigger that ends in its preposition names what follows.
                let own_prep = [doc.tokens[last].norm.as_str()];
                let own_prep_object = (ev.trigger_tokens.len() > 1 && PREPOSITIONS.contains(&own_prep[0]))
                    .then(|| object_of(doc, last, Some(&own_prep), 10))
                    .flatten();
                if recipient.is_some() {
                    // The giving verb's first object, found above.
                } else if let Some(m) = actor.is_some().then(|| patient_after_of(doc, last)).flatten() {
                    // (Only where the text names the doer: "the arrest of X" alone is an act
                    // told elsewhere or known.)
                    recipient = Some((m, "nominal: the one it is done to, after `of`".into()));
                } else if let Some(m) = own_prep_object {
                    recipient = Some((m, format!("nominal: after `{}`", own_prep[0])));
                } else if let Some(m) = object_of(doc, last, Some(preps), 10) {
                    recipient = Some((m, format!("nominal: after `{}`", prev_word(doc, m))));
                } else {
                    recipient = tree_oblique(doc, first, last, &["nmod"], preps)
                        .or_else(|| struck_by(doc, first))
                        .or_else(|| strikes_object(doc, last));
                }
                // "talks between Russia and the Baltic states": the parties after "between" act
                // together, each towards the others.
                if actor.is_none() {
                    if let Some((m, _)) = recipient.take_if(|(m, _)| prev_word(doc, *m) == "between") {
                        actor = Some((m, crate::doc::BETWEEN_PARTIES.into()));
                    }
                }
            } else if is_passive(doc, first) || relative {
                passive = true;
                if let Some(m) = object_of(doc, last, Some(&["by"]), 8) {
                    actor = Some((m, "passive: agent after `by`".into()));
                } else if let Some(m) = dependent(doc, first, "obl:agent") {
                    actor = Some((m, "parse: the verb's obl:agent".into()));
                }
                if let Some(object) = ev.passive_object {
                    // A verb-object pattern in the passive. A party as its object is the subject
                    // ("troops were deployed"); a thing ("the ban on opposition rallies was
                    // lifted", "sanctions were eased on Iran") is none, and its target, after
                    // the object or after the verb, receives; the parties after "between" act
                    // together ("a ceasefire was signed between A and B").
                    let group = crate::stages::clause::verb_group_start(doc, first);
                    if let Some(m) = doc.mention_at[object].filter(|&m| !doc.mentions[m].locative) {
                        recipient = Some((m, "passive: subject".into()));
                    } else if let Some(m) = object_of(doc, object, Some(PASSIVE_TARGET_PREPS), group - object - 1) {
                        recipient = Some((m, "passive: the target of its subject".into()));
                    } else if let Some(m) = object_of(doc, last, Some(PASSIVE_TARGET_PREPS), 8) {
                        recipient = Some((m, format!("passive: after `{}`", prev_word(doc, m))));
                    }
                    if actor.is_none() {
                        if let Some((m, _)) = recipient.take_if(|(m, _)| prev_word(doc, *m) == "between") {
                            actor = Some((m, crate::doc::BETWEEN_PARTIES.into()));
                        }
                    }
                } else if let Some(m) = relative_to {
                    recipient = Some((m, "passive: the noun the participle follows".into()));
                } else if let Some(m) = subject_of(doc, first) {
                    recipient = Some((m, "passive: subject".into()));
                } else if let Some(m) = tree_dependent(doc, first, last, &["nsubj:pass"]) {
                    recipient = Some((m, "parse: the verb's nsubj:pass".into()));
                } else if let Some(m) = owner_of_subject(doc, first) {
                    recipient = Some((m, "passive: the owner of its subject".into()));
                }
                // "120 troops were deployed to ...": what is mobilised, with no one named as
                // doing it, is the force that moves: the actor, not a target.
                let mobilized = self.knowledge.lexicon.entries[ev.entry].event.as_deref() == Some("MOBILIZE");
                if mobilized && actor.is_none() {
                    if let Some((m, _)) = recipient.take() {
                        actor = Some((m, "passive: the force mobilised".into()));
                    }
                }
            } else {
                // "ambushed the convoy and shot dead a driver", ", accusing him of": a coordinated
                // verb or a participle clause shares the subject of the verb before it.
                let vg = crate::stages::clause::verb_group_start(doc, first);
                let joined = vg > 0
                    && (doc.tokens[vg - 1].norm == "and" && (vg < 2 || doc.tokens[vg - 2].norm != ",")
                        || doc.tokens[vg - 1].norm == "," && doc.tokens[first].norm.ends_with("ing"));
                let shared = joined
                    .then(|| {
                        doc.events[..e]
                            .iter()
                            .rev()
                            .take_while(|p| p.sentence == ev.sentence && p.trigger_tokens[0] + WINDOW >= first)
                            .find(|p| !p.nominal && !p.actors.is_empty())
                    })
                    .flatten()
                    .map(|p| p.actors[0]);
                if let Some(m) = shared {
                    actor = Some((
                        m,
                        format!("shares the subject of the verb before `{}`", doc.tokens[vg - 1].norm),
                    ));
                } else if let Some(m) = subject_of(doc, first) {
                    // "Afghan forces fighting the Taliban retook the town": the nearest name is
                    // another verb's object; the tree's subject is the one.
                    // Only the verb's own subject: in "urged Tbilisi to release" the object of
                    // "urged" is the one who releases.
                    let head = trigger_head(doc, first, last);
                    let why = if is_object_in_tree(doc, m) {
                        Some("parse: the verb's nsubj (the nearer name is another verb's object)")
                    } else if modifies_a_thing(doc, m) {
                        Some("parse: the verb's nsubj (the nearer name only modifies a noun)")
                    } else if in_relative_clause(doc, m, first, last) {
                        Some("parse: the verb's subject (the nearer name is inside a relative clause)")
                    } else if qualifies_a_party(doc, m) {
                        Some("parse: the verb's nsubj (the nearer name only says where or which the party is)")
                    } else {
                        None
                    };
                    let tree_subject = why
                        .and(head)
                        .and_then(|h| controlling_subject(doc, h))
                        .and_then(|d| tree::mention_at_node(doc, d))
                        .filter(|&t| t != m)
                        .zip(why);
                    actor = Some(match tree_subject {
                        Some((t, why)) => (t, why.into()),
                        None => (m, "subject left of the verb".into()),
                    });
                } else if let Some(m) = dependent(doc, first, "nsubj") {
                    actor = Some((m, "parse: the verb's nsubj".into()));
                } else if let Some(m) = trigger_head(doc, first, last).and_then(|h| intent_owner(doc, h)) {
                    actor = Some((m, "parse: the subject of the verb whose plan, bid or attempt it is".into()));
                }
                let slot_mention = ev.slot.clone().and_then(|r| r.clone().find_map(|t| doc.mention_at[t]));
                if let Some(m) = slot_mention {
                    recipient = Some((m, "the pattern's recipient slot".into()));
                } else if ev.slot.is_none() {
                    if let Some(m) = object_of(doc, last, None, 12) {
                        recipient = Some((
                            m,
                            format!(
                                "object after the verb{}",
                                match prev_word(doc, m) {
                                    p if PREPOSITIONS.contains(&p) => format!(" (`{p}`)"),
                                    _ => String::new(),
                                }
                            ),
                        ));
                    } else if let Some(m) = tree_dependent(doc, first, last, &["obj", "iobj"]) {
                        recipient = Some((m, "parse: the verb's obj".into()));
                    } else {
                        recipient = tree_oblique(doc, first, last, &["obl"], VERB_TARGET_PREPS);
                    }
                }
            }
            // "a move opposed by local politicians", "Kenya's decision, criticized by Uganda": a
            // participle with "by" right after it names its doer there, not its target; and
            // the party it follows ("civilians taken hostage by the Islamic State") is the one
            // it is done to.
            if !ev.nominal && !passive {
                // (A longer trigger only right after the party: "has rejected a proposal by"
                // is no passive.)
                let follows_party = actor.as_ref().is_some_and(|(a, _)| doc.mentions[*a].tokens.end == first);
                let by_agent = recipient.as_ref().map(|(m, _)| *m).filter(|&m| {
                    (doc.tokens[last].xpos == "VBN" || doc.tokens[first].xpos == "VBN" && follows_party)
                        && doc.tokens.get(last + 1).is_some_and(|t| t.norm == "by")
                        && doc.mentions[m].tokens.start <= last + 3
                        && prev_word(doc, m) == "by"
                });
                if let Some(m) = by_agent {
                    let followed = actor.take().filter(|_| follows_party);
                    recipient = followed.map(|(a, _)| (a, "passive participle: the party it follows".into()));
                    actor = Some((m, "passive participle: agent after `by`".into()));
                }
            }
            // "discussed the Syrian crisis": talks are with a party; a name that only
            // modifies what they talk about is the topic, not the other side, and a party
            // after "at" is the venue.
            if let Some((m, _)) = &recipient {
                let talks = self.knowledge.lexicon.entries[ev.entry].event.as_deref() == Some("CONSULT");
                let mention = &doc.mentions[*m];
                // "met at an IMF conference", "talks at the UN": a party after "at" is where
                // the talks are held, not the other side.
                let mut before = mention.tokens.start;
                while before > 0 && matches!(doc.norm(before - 1), "a" | "an" | "the") {
                    before -= 1;
                }
                let venue = before > 0 && doc.norm(before - 1) == "at";
                if talks && (venue || mention.modifier_only && !mention.possessive && prev_word(doc, *m) != "with") {
                    recipient = None;
                }
            }
            // A visit's host: "visit to Moscow", "trip to China".
            if recipient.is_none() && self.knowledge.lexicon.entries[ev.entry].mode.as_deref() == Some("visit") {
                let end = doc.sentences[ev.sentence as usize].tokens.end.min(last + 5);
                for t in last + 1..end {
                    if let Some(m) = doc.mention_at[t] {
                        let host = doc.mentions[m].locative
                            && t > 0
                            && matches!(doc.tokens[doc.mentions[m].tokens.start - 1].norm.as_str(), "to" | "in");
                        if host && !doc.mentions[m].actor.code.is_empty() {
                            recipient = Some((m, "the host of a visit (`to`/`in` a capital or country)".into()));
                        }
                        break;
                    }
                }
            }
            // "Similar attacks": the actors of the last event of the same type.
            if actor.is_none()
                && recipient.is_none()
                && first > 0
                && matches!(doc.tokens[first - 1].norm.as_str(), "similar" | "such")
            {
                let etype = &self.knowledge.lexicon.entries[ev.entry].event;
                if let Some((pi, prev)) = doc.events[..e]
                    .iter()
                    .enumerate()
                    .rev()
                    .take(RECENT_EVENTS)
                    .find(|(_, p)| &self.knowledge.lexicon.entries[p.entry].event == etype && !p.actors.is_empty())
                {
                    let (pa, pr) = (prev.actors.clone(), prev.recipients.clone());
                    let evm = &mut doc.events[e];
                    evm.antecedent = Some(pi);
                    evm.actors = pa;
                    evm.recipients = pr;
                    evm.evidence.push(Evidence {
                        field: "actor",
                        span: Some(doc.tokens[first - 1].span),
                        rule: "`similar`: actors of the previous event of this type".into(),
                    });
                    continue;
                }
            }
            // A denial of "the charge": the party whose claim is denied.
            let entry = &self.knowledge.lexicon.entries[ev.entry];
            if recipient.is_none() && entry.event.as_deref() == Some("REJECT") {
                let object_word = doc
                    .tokens
                    .get(last + 1..(last + 4).min(doc.tokens.len()))
                    .and_then(|ts| ts.iter().find(|t| CLAIM_NOUNS.contains(&t.norm.as_str())));
                if object_word.is_some() {
                    let _ = &actor;
                    let s = ev.sentence as usize;
                    // The author of an earlier event of the kind the noun names ("rejected the
                    // protest", "turned down the offer"); for a charge or claim, a party's report.
                    let noun = object_word.map(|t| t.norm.as_str()).unwrap_or("");
                    let kinds: &[&str] = match noun.trim_end_matches('s') {
                        "protest" | "complaint" | "criticism" => &["ACCUSE", "PROTEST"],
                        "demand" | "request" | "call" | "ultimatum" => &["REQUEST", "THREATEN"],
                        "offer" | "proposal" | "plan" => &["AGREE"],
                        "threat" => &["THREATEN"],
                        "accusation" | "allegation" | "charge" => &["ACCUSE"],
                        _ => &[],
                    };
                    for p in doc.events[..e]
                        .iter()
                        .rev()
                        .take(RECENT_EVENTS)
                        .take_while(|p| p.sentence + 3 >= ev.sentence)
                    {
                        let t = self.knowledge.lexicon.entries[p.entry].event.as_deref().unwrap_or("");
                        if !kinds.contains(&t) {
                            continue;
                        }
                        if let Some(&a) = p.actors.first() {
                            let me = actor.as_ref().map(|(m, _)| *m);
                            if !doc.mentions[a].actor.code.is_empty() && me.is_none_or(|me| !same_actor(doc, me, a)) {
                                recipient = Some((a, format!("the author of the earlier `{}`", doc.slice(p.trigger_span))));
                                break;
                            }
                        }
                    }
                    'find: for prev in (s.saturating_sub(2)..=s).rev() {
                        if recipient.is_some() {
                            break;
                        }
                        for (verb, subj) in reporting_clauses(doc, prev, first).into_iter().rev() {
                            if prev == s && verb >= first {
                                continue;
                            }
                            if let Some(m) = subj {
                                let me = actor.as_ref().map(|(a, _)| *a);
                                if !doc.mentions[m].actor.code.is_empty() && me.is_none_or(|me| !same_actor(doc, me, m)) {
                                    recipient = Some((
                                        m,
                                        format!("the party whose claim is denied (`{}`)", doc.slice(doc.tokens[verb].span)),
                                    ));
                                    break 'find;
                                }
                            }
                        }
                    }
                }
            }
            // "“We have not agreed to ...,” the minister said": the speaker's party.
            if actor.is_none() && !passive {
                actor = first_person_speaker(doc, ev.sentence as usize, first);
            }
            let actors = actor.as_ref().map(|(m, _)| conjuncts(doc, *m)).unwrap_or_default();
            let recipients: Vec<usize> = recipient
                .as_ref()
                .map(|(m, _)| {
                    conjuncts(doc, *m)
                        .into_iter()
                        .filter(|r| !actors.iter().any(|a| same_actor(doc, *a, *r)))
                        .collect()
                })
                .unwrap_or_default();
            let actor_ev = actor.map(|(m, rule)| Evidence {
                field: "actor",
                span: Some(doc.mentions[m].span),
                rule,
            });
            let recipient_ev = recipient.map(|(m, rule)| Evidence {
                field: "recipient",
                span: Some(doc.mentions[m].span),
                rule,
            });
            let evm = &mut doc.events[e];
            evm.passive = passive;
            evm.carried = carried;
            if let Some(ev) = actor_ev {
                evm.actors = actors;
                evm.evidence.push(ev);
            }
            if let (Some(ev), false) = (recipient_ev, recipients.is_empty()) {
                evm.recipients = recipients;
                evm.evidence.push(ev);
            }
            let _ = usable;
        }
        borrow_attack_actors(doc, &self.knowledge.lexicon);
        // Domestic institutions without a code ("Parliament") take the country of the event's
        // other party, else of the party reporting it, else of the nearest coded mention before.
        for e in 0..doc.events.len() {
            let ev = doc.events[e].clone();
            fn coded(doc: &Doc, m: usize) -> Option<String> {
                let c = &doc.mentions[m].actor.code;
                (c.len() == 3 && !matches!(c.as_str(), "IGO" | "NGO" | "IMG")).then(|| c.clone())
            }
            for (mine, other) in [(&ev.actors, &ev.recipients), (&ev.recipients, &ev.actors)] {
                for &r in mine {
                    let m = &doc.mentions[r];
                    let domestic = m.actor.code.is_empty()
                        && m.kind == MentionKind::Group
                        && matches!(
                            m.actor.sector.as_deref(),
                            Some("LEG" | "JUD" | "COP" | "OPP" | "CVL" | "GOV" | "MIL" | "PTY")
                        );
                    if !domestic {
                        continue;
                    }
                    let before = (0..r)
                        .rev()
                        .take_while(|&p| {
                            doc.mentions[p].sentence == m.sentence && doc.mentions[p].tokens.start + WINDOW >= m.tokens.start
                        })
                        .find_map(|p| coded(doc, p).filter(|_| !doc.mentions[p].locative));
                    // The other party's country only for domestic institutions ("asked Parliament"),
                    // never for a government or an army, which may be foreign.
                    let cooperative = matches!(
                        self.knowledge.lexicon.entries[ev.entry].event.as_deref(),
                        Some("REQUEST" | "CONSULT" | "AGREE" | "SUPPORT" | "COOPERATE" | "AID" | "CONCEDE" | "RETREAT")
                    );
                    let from_other =
                        cooperative && matches!(m.actor.sector.as_deref(), Some("LEG" | "JUD" | "COP" | "OPP" | "PTY"));
                    // "both governments", "civilians": several, not one domestic institution.
                    if m.plural && !matches!(m.actor.sector.as_deref(), Some("LEG" | "JUD" | "COP")) {
                        continue;
                    }
                    // A list member takes its list's country: "its soldiers and a woman".
                    let sibling = conjuncts(doc, r).into_iter().find_map(|o| coded(doc, o));
                    let code = sibling.or_else(|| {
                        other
                            .iter()
                            .find_map(|&o| coded(doc, o))
                            .filter(|_| from_other)
                            .or_else(|| ev.attribution.and_then(|a| coded(doc, a)))
                            .or(before)
                    });
                    if let Some(code) = code {
                        doc.mentions[r].actor.code = code;
                        doc.mentions[r].rule.push_str("+country-from-context");
                    }
                }
            }
        }
    }
}

/// The tree head among the trigger's tokens from `first` to `last` (`tree::trigger_head` for
/// a range).
fn trigger_head(doc: &Doc, first: usize, last: usize) -> Option<usize> {
    tree::range_head(doc, first..last + 1)
}

/// "The new rules will help the administration", "programs that help small businesses", "a
/// political impasse threatens the talks": an active verb whose subject is a thing (one of
/// `EFFECT_NOUNS`, which no party mention covers) and that found no actor. Said of help,
/// support, threats and the like, such a clause describes an effect, not one party acting
/// towards another.
pub(crate) fn thing_as_subject(doc: &Doc, ev: &crate::doc::Event) -> bool {
    let (Some(&first), Some(&last)) = (ev.trigger_tokens.first(), ev.trigger_tokens.last()) else {
        return false;
    };
    if ev.nominal || ev.passive || !ev.actors.is_empty() {
        return false;
    }
    let Some(subject) = clause_subject(doc, first, last) else {
        return false;
    };
    static FORMS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| crate::knowledge::inflect::all_forms(EFFECT_NOUNS));
    doc.mention_at[subject].is_none() && FORMS.contains(&doc.tokens[subject].norm)
}

/// The subject of the trigger `first..=last` in the parse: its head's `nsubj`, the noun a
/// relative pronoun stands for ("programs that help"), or, for a participle of outcome after
/// its clause ("a typhoon struck the coast, killing 40"), the subject of the verb it hangs from.
fn clause_subject(doc: &Doc, first: usize, last: usize) -> Option<usize> {
    let head = trigger_head(doc, first, last)?;
    let subject = tree::child_with(doc, head, &["nsubj"]).or_else(|| {
        tree::head_of(doc, head)
            .filter(|&(g, rel)| rel == "advcl" && g < head && doc.tokens[head].norm.ends_with("ing"))
            .and_then(|(g, _)| tree::child_with(doc, g, &["nsubj"]))
    })?;
    if matches!(doc.tokens[subject].norm.as_str(), "that" | "which") && doc.tokens[head].deprel == "acl:relcl" {
        return tree::head_of(doc, head).map(|(noun, _)| noun);
    }
    Some(subject)
}

/// "An earthquake killed 300 people", "a typhoon struck, killing 40", "were killed in the
/// floods", "the disease has killed 1,868": a killing or destruction by nature, disease or
/// accident is no attack. The subject of the trigger (or, for a name, the noun before it:
/// "Hurricane Irma"), or the first noun within three words after an `in`, `by` or `from` in the
/// four words after a passive trigger, names such a cause.
pub(crate) fn natural_cause(doc: &Doc, ev: &crate::doc::Event) -> bool {
    let (Some(&first), Some(&last)) = (ev.trigger_tokens.first(), ev.trigger_tokens.last()) else {
        return false;
    };
    if ev.nominal {
        return false;
    }
    static FORMS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| crate::knowledge::inflect::all_forms(NATURAL_CAUSES));
    let natural = |t: usize| FORMS.contains(&doc.tokens[t].norm);
    let sent = doc.sentences[ev.sentence as usize].tokens.clone();
    if let Some(subject) = clause_subject(doc, first, last) {
        if natural(subject) || subject > sent.start && natural(subject - 1) && doc.tokens[subject].upos == "PROPN" {
            return true;
        }
    }
    // "were killed in the floods", "died from the disease".
    ev.passive && {
        let end = (last + 5).min(sent.end);
        (last + 1..end).any(|t| {
            matches!(doc.tokens[t].norm.as_str(), "in" | "by" | "from")
                && (t + 1..(t + 4).min(end))
                    .find(|&n| doc.tokens[n].upos == "NOUN" || doc.tokens[n].upos == "PROPN")
                    .is_some_and(natural)
        })
    }
}

/// Causes of death and ruin that are no party: weather, quakes, disease, accidents.
const NATURAL_CAUSES: &[&str] = &[
    "earthquake",
    "quake",
    "tsunami",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "tornado",
    "flood",
    "flooding",
    "landslide",
    "mudslide",
    "avalanche",
    "drought",
    "famine",
    "heatwave",
    "lightning",
    "disease",
    "epidemic",
    "outbreak",
    "virus",
    "ebola",
    "cholera",
    "malaria",
    "accident",
    "crash",
    "collapse",
    "blaze",
    "wildfire",
    "eruption",
];

/// Things that help, support or threaten by their effect: measures, texts, money, moves,
/// conditions ("the rules will help", "these funds would help", "the cuts threaten").
const EFFECT_NOUNS: &[&str] = &[
    "rule",
    "law",
    "legislation",
    "bill",
    "regulation",
    "measure",
    "policy",
    "plan",
    "program",
    "programme",
    "project",
    "initiative",
    "reform",
    "fund",
    "money",
    "funding",
    "budget",
    "cut",
    "document",
    "agreement",
    "deal",
    "accord",
    "treaty",
    "arrangement",
    "framework",
    "mechanism",
    "system",
    "resolution",
    "decision",
    "move",
    "step",
    "halt",
    "ban",
    "commitment",
    "shipment",
    "crisis",
    "impasse",
    "epidemic",
    "disease",
    "outbreak",
    "conflict",
    "violence",
    "situation",
    "change",
    "development",
    "summit",
    "visit",
    "talk",
    "investment",
    "aid",
    "loan",
    "grant",
    "scheme",
    "strategy",
    "proposal",
    "package",
    "effort",
];

/// Does the tree make the mention the object of some verb?
fn is_object_in_tree(doc: &Doc, m: usize) -> bool {
    tree::range_head(doc, doc.mentions[m].tokens.clone()).is_some_and(|h| matches!(doc.tokens[h].deprel, "obj" | "iobj"))
}

/// "Haitian teachers in the public schools are out on strike": a name in a prepositional phrase
/// that modifies another party's name says where or which that party is; it is not the subject.
fn qualifies_a_party(doc: &Doc, m: usize) -> bool {
    tree::range_head(doc, doc.mentions[m].tokens.clone()).is_some_and(|h| {
        doc.tokens[h].deprel == "nmod"
            && tree::head_of(doc, h).is_some_and(|(g, _)| {
                doc.mention_at[g].is_some_and(|o| o != m && doc.mentions[o].tokens.end <= doc.mentions[m].tokens.start)
            })
    })
}

/// "demonstrators protesting police brutality ... marched": a name that is a compound modifier
/// of a noun outside every mention names no party of its own there.
fn modifies_a_thing(doc: &Doc, m: usize) -> bool {
    tree::range_head(doc, doc.mentions[m].tokens.clone()).is_some_and(|h| {
        doc.tokens[h].deprel == "compound"
            && tree::head_of(doc, h).is_some_and(|(g, _)| doc.mention_at[g].is_none() && doc.tokens[g].upos == "NOUN")
    })
}

/// "Four people were killed in a coalition air strike", "died in clashes between the army and
/// the rebels": a passive act with no agent of its own was done by whoever carried out the
/// attack it happened in or by (a nominal ASSAULT opened by `in`, `by` or `during` within two
/// words of the verb), when the parse found that attack's actors.
fn borrow_attack_actors(doc: &mut Doc, lexicon: &crate::knowledge::lexicon::Lexicon) {
    for e in 0..doc.events.len() {
        let ev = &doc.events[e];
        if !ev.passive || !ev.actors.is_empty() || ev.nominal {
            continue;
        }
        let last = *ev.trigger_tokens.last().expect("trigger has tokens");
        let opener =
            (last + 1..(last + 3).min(doc.tokens.len())).find(|&i| matches!(doc.tokens[i].norm.as_str(), "in" | "by" | "during"));
        // ... or of the clause that says how ("were killed when Israeli warplanes hit a beach").
        let clause = (last + 1..(last + 3).min(doc.tokens.len())).find(|&i| matches!(doc.tokens[i].norm.as_str(), "when" | "as"));
        let Some(opener) = opener.or(clause) else { continue };
        let attack = doc.events[e + 1..]
            .iter()
            .take_while(|a| a.sentence == ev.sentence && a.trigger_tokens[0] <= opener + 8)
            .find(|a| {
                let assault = !a.actors.is_empty() && lexicon.entries[a.entry].event.as_deref() == Some("ASSAULT");
                // ("were killed as they raided the camps": the victims' own act.)
                if Some(opener) == clause {
                    assault && !a.nominal && !a.passive && {
                        let subject = &doc.mentions[a.actors[0]];
                        subject.tokens.start == opener + 1 && subject.kind != MentionKind::Pronoun
                    }
                } else {
                    assault && a.nominal && noun_phrase_start(doc, a.trigger_tokens[0]) == opener + 1
                }
            });
        // "when Israeli warplanes hit a beach": the subject of an impact verb.
        let striker = clause.filter(|_| attack.is_none()).and_then(|c| {
            let m = doc.mention_at.get(c + 1).copied().flatten()?;
            let after = doc.mentions[m].tokens.end;
            (doc.mentions[m].tokens.start == c + 1
                && !doc.mentions[m].locative
                && doc.mentions[m].kind != MentionKind::Pronoun
                && STRIKING_VERBS.contains(&doc.norm(after))
                && !doc.mentions[m].actor.code.is_empty())
            .then_some((m, after))
        });
        let (actors, rule) = match (attack, striker) {
            (Some(attack), _) => (
                attack.actors.clone(),
                format!(
                    "the actor of the attack it happened {} (`{}`)",
                    doc.tokens[opener].norm,
                    doc.slice(attack.trigger_span)
                ),
            ),
            (None, Some((m, verb))) => (
                vec![m],
                format!(
                    "the subject of `{} ... {}` that says how",
                    doc.tokens[opener].norm, doc.tokens[verb].norm
                ),
            ),
            (None, None) => continue,
        };
        let span = Some(doc.mentions[actors[0]].span);
        let recipients = doc.events[e].recipients.clone();
        let evm = &mut doc.events[e];
        evm.actors = actors.into_iter().filter(|a| !recipients.contains(a)).collect();
        if !evm.actors.is_empty() {
            evm.evidence.push(Evidence {
                field: "actor",
                span,
                rule,
            });
        }
    }
}

/// The tree's subject of verb `h`; for an infinitive ("agreed to stop", "went to Geneva to
/// meet") the controlling verb's named object ("urged Tbilisi to release") or its subject.
fn controlling_subject(doc: &Doc, h: usize) -> Option<usize> {
    let infinitive = || tree::child_with(doc, h, &["mark"]).is_some_and(|m| doc.tokens[m].norm == "to");
    tree::child_with(doc, h, &["nsubj"]).or_else(|| match tree::head_of(doc, h) {
        Some((g, rel @ ("xcomp" | "advcl"))) if infinitive() => {
            // "urged Tbilisi to release": the object of a verb that asks or makes someone act;
            // "summoned the envoy to lodge a protest": the subject of any other.
            let verb = doc.tokens[g].norm.as_str();
            let object_controls =
                rel == "xcomp" || crate::stages::modality::REQUEST_VERBS.contains(&verb) || CAUSATIVE_VERBS.contains(&verb);
            object_controls
                .then(|| tree::child_with(doc, g, &["obj", "iobj"]).filter(|&o| tree::mention_at_node(doc, o).is_some()))
                .flatten()
                .or_else(|| tree::child_with(doc, g, &["nsubj"]))
        }
        _ => None,
    })
}

/// "announced a plan to suspend talks", "made an attempt to seize", "Kenya's refusal to
/// negotiate": the infinitive at `h` of a noun of intent (`INTENT_NOUNS`) is the act of the
/// noun's possessor, else of the subject of the verb whose object the noun is.
fn intent_owner(doc: &Doc, h: usize) -> Option<usize> {
    let (n, rel) = tree::head_of(doc, h)?;
    let infinitive = tree::child_with(doc, h, &["mark"]).is_some_and(|m| doc.tokens[m].norm == "to");
    if rel != "acl" || !infinitive || !INTENT_NOUNS.contains(&doc.tokens[n].norm.as_str()) {
        return None;
    }
    if let Some(owner) = tree::child_with(doc, n, &["nmod:poss"]).and_then(|d| tree::mention_at_node(doc, d)) {
        return Some(owner);
    }
    match tree::head_of(doc, n)? {
        (v, "obj" | "obl") => tree::child_with(doc, v, &["nsubj"]).and_then(|d| tree::mention_at_node(doc, d)),
        _ => None,
    }
}

/// Nouns whose infinitive is their owner's intended (or refused, or failed) act: "a plan to",
/// "a bid to", "its refusal to".
const INTENT_NOUNS: &[&str] = &[
    "plan",
    "plans",
    "bid",
    "attempt",
    "effort",
    "decision",
    "intention",
    "move",
    "refusal",
    "failure",
    "pledge",
    "promise",
    "offer",
    "willingness",
    "readiness",
];

/// Verbs that make their object do what their infinitive says ("ordered the troops to
/// withdraw"); the verbs that ask it (`modality::REQUEST_VERBS`: "urged Tbilisi to release")
/// count too.
const CAUSATIVE_VERBS: &[&str] = &[
    "order",
    "ordered",
    "orders",
    "force",
    "forced",
    "forces",
    "allow",
    "allowed",
    "allows",
    "persuade",
    "persuaded",
    "instruct",
    "instructed",
    "authorize",
    "authorized",
    "authorise",
    "authorised",
];

/// Verbs that voice a possibility: "floated the possibility of", "raised the threat of".
const VOICING_VERBS: &[&str] = &[
    "floated",
    "floats",
    "float",
    "raised",
    "raises",
    "raise",
    "raising",
    "discussed",
    "discusses",
    "discuss",
    "weighing",
    "weighed",
    "weighs",
    "considering",
    "considered",
    "considers",
    "mentioned",
    "mentions",
];

/// "a young woman accused of spreading propaganda", "a captive beheaded by the group": a past
/// participle that modifies the noun right before it (the parse's `acl`, no "be") is a passive
/// whose subject is that noun; it is the one accused, not the accuser. After a comma, a past
/// participle with its "by" agent a few words on is one too ("her father, Jose Alcalado, shot
/// in the arm by armed men"). The noun's mention, if so.
fn reduced_relative(doc: &Doc, t: usize) -> Option<usize> {
    let tok = &doc.tokens[t];
    let sent_start = doc.sentences[tok.sentence as usize].tokens.start;
    if t <= sent_start + 1 || !crate::knowledge::inflect::is_participle(&tok.norm) {
        return None;
    }
    if doc.tokens[t - 1].norm == "," {
        let noun = doc.mention_at[t - 2]?;
        let agent_follows = (t + 1..(t + 9).min(doc.sentences[tok.sentence as usize].tokens.end))
            .take_while(|&i| !matches!(doc.tokens[i].norm.as_str(), "," | ";" | ":" | "."))
            .any(|i| doc.tokens[i].norm == "by");
        return agent_follows.then_some(noun);
    }
    let noun = doc.mention_at[t - 1]?;
    // The participle's own complement must follow. Right after a party, "kidnapped by" is a
    // passive whatever the tagger says; "accused of" only where the parse makes it the noun's
    // participle (`acl`): "Iran warned of" is active, and the tagger takes many a plain past
    // ("protesters rallied in", "battled for control", "fought with") for a participle.
    let passive = match doc.tokens.get(t + 1).map(|n| n.norm.as_str()) {
        Some("by") => true,
        Some("of") => {
            tok.xpos == "VBN"
                && tree::head_of(doc, t).is_some_and(|(gov, rel)| rel == "acl" && gov < t && doc.mention_at[gov].is_some())
        }
        _ => false,
    };
    passive.then_some(noun)
}

/// "The rebel group that demanded better military compensation agreed ...": the nearest
/// name left of the trigger sits inside a relative clause of another noun, below the
/// trigger's subject rather than being it.
fn in_relative_clause(doc: &Doc, m: usize, first: usize, last: usize) -> bool {
    let Some(h) = tree::range_head(doc, doc.mentions[m].tokens.clone()) else {
        return false;
    };
    let mut clause = h;
    for (g, rel) in tree::governors(doc, h, 12) {
        if (first..=last).contains(&g) {
            return false;
        }
        // A clause on a noun that opens with a relative pronoun ("that has long demanded").
        let relative = tree::children(doc, clause)
            .any(|c| c < clause && matches!(doc.tokens[c].norm.as_str(), "that" | "which" | "who" | "whom"));
        if matches!(rel, "acl:relcl" | "acl") && relative {
            return true;
        }
        clause = g;
    }
    false
}

/// Participles whose agent helped others to an act without being a party to it.
const GO_BETWEEN_PARTICIPLES: &[&str] = &["brokered", "mediated", "facilitated", "sponsored", "backed"];

/// "attacks by the militants", "threats from neighbouring Iran": the mention follows "by" or
/// "from" (an adjective like "neighbouring" between), and no verb stands between the noun and
/// it but a participle right after the noun ("fighting groups backed by the US" names who
/// backs the groups).
fn is_agent_phrase(doc: &Doc, last: usize, m: usize) -> bool {
    let start = doc.mentions[m].tokens.start;
    let mut p = start.saturating_sub(1);
    if p > last
        && matches!(
            doc.tokens[p].norm.as_str(),
            "neighboring" | "neighbouring" | "nearby" | "rival"
        )
    {
        p -= 1;
    }
    let prep = p > last && matches!(doc.tokens[p].norm.as_str(), "by" | "from");
    // A participle right after the noun phrase still speaks of it: "the bailout deal struck
    // last month by".
    let verbs: Vec<usize> = (last + 1..p)
        .filter(|&t| matches!(doc.tokens[t].upos, "VERB" | "AUX"))
        .collect();
    // ... but not one that names a go-between: "a peace deal brokered by the United Nations"
    // was not made by the UN.
    let participle = |v: usize| {
        doc.tokens[v].xpos == "VBN"
            && !GO_BETWEEN_PARTICIPLES.contains(&doc.tokens[v].norm.as_str())
            && doc.tokens[last + 1..v].iter().all(|t| matches!(t.upos, "NOUN" | "PROPN"))
    };
    prep && (verbs.is_empty() || verbs.len() == 1 && participle(verbs[0]))
}

/// "granted Guinea-Bissau concessions", "told Reuters a meeting": the parse shows the name
/// before the noun is the verb's other object, not the noun's modifier. True only when the
/// sentence is parsed, the mention's head hangs from neither the trigger nor the words between
/// them, and the tree makes it an argument of a verb.
fn tree_says_not_a_modifier(doc: &Doc, m: usize, first: usize, last: usize) -> bool {
    let tokens = doc.mentions[m].tokens.clone();
    let Some(head) = tree::range_head(doc, tokens.clone()) else {
        return false;
    };
    // "the Afghan forces fighting the insurgents": a participle right after the mention
    // modifies it, whatever the parse says.
    if tokens.end == first && doc.tokens[first].xpos == "VBG" {
        return false;
    }
    let Some((gov, _)) = tree::head_of(doc, head) else {
        return true;
    };
    // Up the noun phrase: "Israeli military airstrike" (Israeli → military → airstrike).
    let phrase = tokens.end..first;
    let modifies_trigger = (first..=last).contains(&gov)
        || phrase.contains(&gov) && tree::governors(doc, gov, 3).iter().any(|&(g, _)| (first..=last).contains(&g));
    // Only a clear sign that it belongs elsewhere counts: an argument of a verb.
    let argument = matches!(doc.tokens[gov].upos, "VERB" | "AUX")
        || matches!(doc.tokens[head].deprel, "obj" | "iobj" | "nsubj" | "nsubj:pass" | "obl");
    !modifies_trigger && argument
}

/// The mention at a dependent of the trigger with one of these relations.
fn tree_dependent(doc: &Doc, first: usize, last: usize, rels: &[&str]) -> Option<usize> {
    let head = trigger_head(doc, first, last)?;
    tree::children(doc, head)
        .filter(|&d| rels.contains(&doc.tokens[d].deprel) && !(first..=last).contains(&d))
        .find_map(|d| tree::mention_at_node(doc, d))
}

/// The target in an oblique or nominal modifier of the trigger opened by one of `preps`
/// ("airstrikes in the north against the rebels": the rebels), with its rule.
fn tree_oblique(doc: &Doc, first: usize, last: usize, rels: &[&str], preps: &[&str]) -> Option<(usize, String)> {
    let head = trigger_head(doc, first, last)?;
    tree::children(doc, head)
        .filter(|&d| rels.contains(&doc.tokens[d].deprel) && !(first..=last).contains(&d))
        .find_map(|d| {
            let prep = tree::case_word(doc, d).filter(|p| preps.contains(p))?;
            let m = tree::mention_at_node(doc, d)?;
            Some((m, format!("parse: `{prep}` {} of the trigger", doc.tokens[d].deprel)))
        })
}

/// The actor of a nominal trigger from the tree: its possessor ("the army's shelling"), or the
/// subject of the support verb whose object it is, directly or through "of" ("launched a wave
/// of air strikes").
fn tree_nominal_actor(doc: &Doc, first: usize, last: usize) -> Option<(usize, String)> {
    let head = trigger_head(doc, first, last)?;
    if let Some(m) = tree::child_with(doc, head, &["nmod:poss"]).and_then(|d| tree::mention_at_node(doc, d)) {
        return Some((m, "parse: the noun's possessor".into()));
    }
    // "The Israeli police are on high alert": the trigger is the predicate of "be on"; its
    // subject is in that state. ("The aircraft would be on offer" is no offer of the aircraft.)
    let on_offer = doc.tokens[head].norm == "offer";
    if !on_offer && tree::child_with(doc, head, &["cop"]).is_some() && tree::case_word(doc, head) == Some("on") {
        if let Some(m) = tree::child_with(doc, head, &["nsubj"]).and_then(|d| tree::mention_at_node(doc, d)) {
            return Some((m, "parse: subject of `be on` + the trigger".into()));
        }
    }
    let mut noun = head;
    for _ in 0..2 {
        let (gov, rel) = tree::head_of(doc, noun)?;
        match rel {
            "obj" if is_support_verb(&doc.tokens[gov].norm) => {
                let m = dependent(doc, gov, "nsubj")?;
                return Some((
                    m,
                    format!("parse: subject of `{}`, whose object is the trigger", doc.tokens[gov].norm),
                ));
            }
            // "the inquiries are being run by a Russian lawyer".
            "nsubj:pass" if is_support_verb(&doc.tokens[gov].norm) => {
                let m = tree::child_with(doc, gov, &["obl:agent"]).and_then(|d| tree::mention_at_node(doc, d))?;
                return Some((
                    m,
                    format!(
                        "parse: agent of `{}`, whose passive subject is the trigger",
                        doc.tokens[gov].norm
                    ),
                ));
            }
            "nmod" if tree::case_word(doc, noun) == Some("of") => noun = gov,
            // "massed near the border in a show of force", "resigned in protest": the phrase
            // names what the verb's subject does by it ("as a threat" is how someone sees a thing).
            // Only the trigger's own phrase, indefinite or bare ("in the aftermath of the protests",
            // "in the attack" name a known event the subject need not have done), and not for
            // what befalls the subject ("died in an air raid").
            "obl"
                if noun == head
                    && tree::case_word(doc, noun) == Some("in")
                    && doc.tokens[gov].upos == "VERB"
                    && !UNDERGOING_VERBS.contains(&doc.tokens[gov].norm.as_str())
                    && tree::child_with(doc, noun, &["det"])
                        .is_none_or(|d| matches!(doc.tokens[d].norm.as_str(), "a" | "an")) =>
            {
                let m = tree::child_with(doc, gov, &["nsubj"]).and_then(|d| tree::mention_at_node(doc, d))?;
                return Some((
                    m,
                    format!(
                        "parse: subject of `{}`, whose `in` phrase is the trigger",
                        doc.tokens[gov].norm
                    ),
                ));
            }
            _ => return None,
        }
    }
    None
}

/// Words before "to" + a nominal trigger whose subject reacts to the act, brings it about, ties
/// something to it or suffers it, without doing it ("police responded to the protests", "the
/// ruling led to clashes", "police refused to link the fire to the attacks", "police are
/// subjected to attacks").
const REACTING_BEFORE_TO: &[&str] = &[
    "respond",
    "responds",
    "responded",
    "responding",
    "react",
    "reacts",
    "reacted",
    "reacting",
    "reply",
    "replied",
    "lead",
    "leads",
    "led",
    "leading",
    "contribute",
    "contributed",
    "contributing",
    "object",
    "objected",
    "objecting",
    "referred",
    "referring",
    "alluded",
    "alluding",
    "link",
    "linked",
    "linking",
    "tie",
    "tied",
    "connect",
    "connected",
    "attribute",
    "attributed",
    "compare",
    "compared",
    "subjected",
    "exposed",
];

/// Nouns of acts done to someone, whose "of" phrase names who it is done to ("ordered the arrest
/// of two journalists", "Hamas's release of the hostages"), not who does it.
const PATIENT_OF_NOUNS: &[&str] = &[
    "arrest",
    "arrests",
    "detention",
    "detentions",
    "release",
    "killing",
    "killings",
    "murder",
    "assassination",
    "execution",
    "executions",
    "beating",
    "abduction",
    "kidnapping",
    "torture",
    "massacre",
    "expulsion",
    "deportation",
    "deportations",
    "repatriation",
    "extradition",
    "imprisonment",
    "jailing",
    "capture",
    "harassment",
    "persecution",
    "pardon",
    "evacuation",
];

/// The mention a nominal trigger of `PATIENT_OF_NOUNS` ending at `last` is done to: right
/// after its "of", past an article or quantity ("the arrest of another opposition candidate").
fn patient_after_of(doc: &Doc, last: usize) -> Option<usize> {
    if !PATIENT_OF_NOUNS.contains(&doc.norm(last)) || doc.tokens.get(last + 1).is_none_or(|t| t.norm != "of") {
        return None;
    }
    let end = doc.sentences[doc.tokens[last].sentence as usize].tokens.end;
    (last + 2..(last + 6).min(end))
        .take_while(|&t| {
            doc.mention_at[t].is_some()
                || doc.tokens[t].kind == crate::doc::TokenKind::Word && !PREPOSITIONS.contains(&doc.norm(t))
        })
        .find_map(|t| doc.mention_at[t])
        .filter(|&m| !doc.mentions[m].locative)
}

/// Verbs of giving that take the receiver as their first object ("granted Comoros debt relief").
const GIVING_VERBS: &[&str] = &[
    "give", "grant", "offer", "send", "award", "lend", "promise", "pledge", "deny", "owe",
];

/// The receiver and giver of a noun that is a giving verb's second object: the mention right
/// before the noun's lowercase modifiers, itself right after a giving verb.
fn indirect_object(doc: &Doc, first: usize) -> Option<(usize, Option<usize>)> {
    let sent_start = doc.sentences[doc.tokens[first].sentence as usize].tokens.start;
    let mut k = first;
    while k > sent_start
        && doc.mention_at[k - 1].is_none()
        && !doc.tokens[k - 1].capitalized
        && matches!(doc.tokens[k - 1].upos, "NOUN" | "ADJ")
    {
        k -= 1;
    }
    if k <= sent_start {
        return None;
    }
    let m = doc.mention_at[k - 1]?;
    let start = doc.mentions[m].tokens.start;
    if doc.mentions[m].tokens.end != k || start <= sent_start || doc.mentions[m].locative {
        return None;
    }
    static FORMS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| crate::knowledge::inflect::all_forms(GIVING_VERBS));
    let verb = start - 1;
    if !FORMS.contains(doc.tokens[verb].norm.as_str()) || doc.tokens[verb].upos != "VERB" {
        return None;
    }
    Some((m, subject_of(doc, start)))
}

/// Verbs whose subject undergoes what the phrase after them names ("died in an air raid",
/// "were wounded in a clash").
const UNDERGOING_VERBS: &[&str] = &[
    "die",
    "died",
    "dies",
    "dying",
    "lost",
    "lose",
    "loses",
    "losing",
    "perished",
    "perish",
    "suffered",
    "suffer",
    "caught",
    "trapped",
    "injured",
    "wounded",
    "killed",
    "hurt",
    "hit",
    "displaced",
];

/// A quoted "we" as the subject of the trigger (a few verb-group words apart: "we have
/// also", "we will not") stands for the party whose words they are: the coded subject of
/// a reporting verb in the same sentence.
fn first_person_speaker(doc: &Doc, s: usize, first: usize) -> Option<(usize, String)> {
    let sent = doc.sentences[s].tokens.clone();
    let mut i = first;
    let mut we = None;
    while i > sent.start && first - i < 6 {
        i -= 1;
        let n = doc.tokens[i].norm.as_str();
        if n == "we" {
            we = Some(i);
            break;
        }
        if doc.mention_at[i].is_some() || doc.tokens[i].kind != crate::doc::TokenKind::Word {
            return None;
        }
    }
    let we = we?;
    let quoted = doc.tokens[tree::near(doc, s, we).start..we]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "\"" | "“" | "'" | "‘"));
    if !quoted {
        return None;
    }
    let (verb, m) = reporting_clauses(doc, s, first)
        .into_iter()
        .filter(|&(v, _)| v > first || v < we)
        .find_map(|(v, m)| {
            // "..., a man told AFP": who is told is not who speaks.
            let listener = m.is_some_and(|m| doc.mentions[m].tokens.start > v)
                && matches!(doc.tokens[v].norm.as_str(), "told" | "tell" | "tells" | "telling");
            m.filter(|&m| !doc.mentions[m].actor.code.is_empty() && !listener)
                .map(|m| (v, m))
        })?;
    Some((
        m,
        format!(
            "quoted `we`: the party of the speaker (`{} {}`)",
            doc.slice(doc.mentions[m].span),
            doc.tokens[verb].norm
        ),
    ))
}

/// How many earlier events a reading looks back over ("similar attacks", "rejected the
/// protest"): enough for any article, bounded for a runaway sentence.
const RECENT_EVENTS: usize = 64;

/// The mention at the dependent of token `t` with this relation, looking through an `xcomp` or
/// `conj` to the verb that governs it ("plans to send": the subject of "plans").
fn dependent(doc: &Doc, t: usize, rel: &str) -> Option<usize> {
    let mut verb = t;
    for _ in 0..3 {
        let found = tree::child_with(doc, verb, &[rel]);
        if let Some(m) = found.and_then(|d| doc.mention_at[d]).filter(|&m| !doc.mentions[m].locative) {
            return Some(m);
        }
        match (doc.tokens[verb].deprel, doc.tokens[verb].head) {
            ("xcomp" | "conj", Some(h)) => verb = h as usize,
            _ => return None,
        }
    }
    None
}

/// Verbs whose object noun names the subject's own action ("launched attacks", "held talks").
fn is_support_verb(form: &str) -> bool {
    const SUPPORT: &[&str] = &[
        "carry",
        "launch",
        "conduct",
        "stage",
        "hold",
        "make",
        "issue",
        "mount",
        "begin",
        "continue",
        "resume",
        "step",
        "escalate",
        "order",
        "authorize",
        "authorise",
        "intensify",
        "expand",
        "announce",
        "approve",
        "plan",
        "start",
        "undertake",
        "perform",
        "execute",
        "deliver",
        "send",
        "provide",
        "offer",
        "impose",
        "extend",
        "renew",
        "lift",
        "ease",
        "hold",
        "join",
        "lead",
        "organize",
        "organise",
        "host",
        "run",
        "sign",
        "transfer",
        "give",
        "donate",
        "ship",
        "grant",
        "supply",
        "dispatch",
        "allocate",
        "express",
        "voice",
        "pledge",
        "promise",
        "complete",
        "finalize",
        "finalise",
        "conclude",
        "seal",
        "clinch",
        "ratify",
        "forge",
        "implement",
        "adopt",
        "enact",
        "wage",
        "commit",
        "perpetrate",
        "unleash",
        "level",
        "file",
        "lodge",
        "open",
        "initiate",
        "agree",
        "strike",
        "tighten",
        "reimpose",
        "maintain",
        "rekindle",
        "revive",
        "ensure",
        "guarantee",
    ];
    static FORMS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| crate::knowledge::inflect::all_forms(SUPPORT));
    FORMS.contains(form)
}

/// Nouns that hold a run or a kind of acts ("a campaign of attacks", "a wave of strikes", "a
/// package of sanctions", "some types of concessions"): the verb that takes them carries the
/// acts.
const SERIES_NOUNS: &[&str] = &[
    "campaign",
    "campaigns",
    "wave",
    "waves",
    "series",
    "string",
    "spate",
    "round",
    "rounds",
    "barrage",
    "volley",
    "flurry",
    "salvo",
    "package",
    "packages",
    "raft",
    "set",
    "type",
    "types",
    "kind",
    "kinds",
];

/// Verbs that make their object noun the subject's act only when the noun is new to the text
/// ("declared a hunger strike", "showed support for", "is considering a boycott"; not
/// "declared the meeting historic", "a video appeared to show the murder", "considered the
/// attack a provocation").
fn is_stating_verb(form: &str) -> bool {
    static FORMS: std::sync::LazyLock<std::collections::HashSet<String>> = std::sync::LazyLock::new(|| {
        crate::knowledge::inflect::all_forms(&["declare", "show", "demonstrate", "consider", "contemplate", "mull", "weigh"])
    });
    FORMS.contains(form)
}

/// Words that open a noun phrase the text has already introduced.
const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "its", "his", "her", "their"];

/// "carry out", "step up", "call off", "take part in": a phrasal support verb.
/// Verbs whose subject does what a restrictive noun names: "police began enforcing a curfew".
fn is_enforcing_verb(form: &str) -> bool {
    static FORMS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| crate::knowledge::inflect::all_forms(&["enforce"]));
    FORMS.contains(form)
}
fn is_support_verb_particle(verb: &str, particle: &str) -> bool {
    static FORMS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| crate::knowledge::inflect::all_forms(&["carry", "step", "set", "ramp", "beef"]));
    // "participating in exercises with", "took part in the talks", "engaged in talks".
    static IN_FORMS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| crate::knowledge::inflect::all_forms(&["participate", "engage"]));
    matches!(particle, "out" | "up") && FORMS.contains(verb) || particle == "in" && (IN_FORMS.contains(verb) || verb == "part")
}

fn same_actor(doc: &Doc, a: usize, b: usize) -> bool {
    doc.mentions[a].same_actor_as(&doc.mentions[b])
}

fn prev_word(doc: &Doc, m: usize) -> &str {
    let s = doc.mentions[m].tokens.start;
    if s == 0 {
        ""
    } else {
        doc.tokens[s - 1].norm.as_str()
    }
}

fn is_month_abbrev(n: &str) -> bool {
    crate::stages::time::month_number(n).is_some()
}

/// The party whose possessive opens the subject of the passive verb at `verb`, when the
/// subject itself is no party: "Kenya's main airport was bombed", "Iran's nuclear facility at
/// Natanz was attacked" (Kenya, Iran). The subject is read back from the verb group over
/// nouns, adjectives, figures and at most one place phrase ("at Natanz").
fn owner_of_subject(doc: &Doc, verb: usize) -> Option<usize> {
    let sentence_start = doc.sentences[doc.tokens[verb].sentence as usize].tokens.start;
    let mut i = crate::stages::clause::verb_group_start(doc, verb);
    let mut places = 0;
    while i > sentence_start && verb - i < 12 {
        i -= 1;
        if let Some(m) = doc.mention_at[i] {
            let mention = &doc.mentions[m];
            // (Not a pronoun's: "his brother was pardoned" is no act upon him.)
            if mention.possessive && !mention.actor.code.is_empty() && mention.kind != crate::doc::MentionKind::Pronoun {
                return Some(m);
            }
            // A place after the subject's noun ("at Natanz") is part of it, once.
            let before = mention.tokens.start.checked_sub(1).map(|b| doc.norm(b));
            if mention.locative && places == 0 && matches!(before, Some("at" | "in" | "near")) {
                places += 1;
                i = mention.tokens.start - 1;
                continue;
            }
            return None;
        }
        let t = &doc.tokens[i];
        // A place phrase the gazetteer does not know ("at Natanz"), once.
        let place = matches!(t.norm.as_str(), "at" | "in" | "near") && doc.tokens.get(i + 1).is_some_and(|n| n.capitalized);
        if place && places == 0 {
            places += 1;
            continue;
        }
        if !(matches!(t.upos, "NOUN" | "ADJ" | "NUM" | "PROPN") || matches!(t.norm.as_str(), "-" | "'s" | "'")) {
            return None;
        }
    }
    None
}

/// Participles of a passive whose `by` phrase names what struck its subject ("the plant was
/// hit by a cyber attack", "was crippled by airstrikes").
const STRUCK_PARTICIPLES: &[&str] = &[
    "hit",
    "struck",
    "targeted",
    "disabled",
    "crippled",
    "paralysed",
    "paralyzed",
    "disrupted",
    "damaged",
    "breached",
    "compromised",
    "affected",
    "rocked",
    "shaken",
    "attacked",
];

/// The subject of a passive impact verb whose `by` phrase is the nominal trigger at `first`:
/// "A French nuclear plant was hit by a cyber attack" makes the plant the recipient.
fn struck_by(doc: &Doc, first: usize) -> Option<(usize, String)> {
    let np = noun_phrase_start(doc, first);
    let sent_start = doc.sentences[doc.tokens[first].sentence as usize].tokens.start;
    if np < sent_start + 2 || doc.tokens[np - 1].norm != "by" {
        return None;
    }
    let verb = np - 2;
    let word = doc.tokens[verb].norm.as_str();
    if !STRUCK_PARTICIPLES.contains(&word) || !is_passive(doc, verb) {
        return None;
    }
    subject_of(doc, verb).map(|m| (m, format!("nominal: subject of the passive `{word}` by it")))
}

/// Active impact verbs whose subject is the nominal trigger before them: "a cyberattack
/// crippled the network of ...", "the blast hit the police station".
const STRIKING_VERBS: &[&str] = &[
    "hit",
    "hits",
    "struck",
    "strikes",
    "targeted",
    "targets",
    "disabled",
    "disables",
    "crippled",
    "cripples",
    "paralysed",
    "paralyzed",
    "disrupted",
    "disrupts",
    "damaged",
    "damages",
    "breached",
    "compromised",
    "knocked",
    "shut",
    "rocked",
    "paralyses",
    "paralyzes",
];

/// The object of an active impact verb right after the nominal trigger ending at `last`
/// ("A cyberattack crippled the network of the Polish grid operator"), with at most an
/// auxiliary or adverb between ("has also hit").
fn strikes_object(doc: &Doc, last: usize) -> Option<(usize, String)> {
    let sent = &doc.sentences[doc.tokens[last].sentence as usize];
    let mut v = last + 1;
    while v < sent.tokens.end && v <= last + 3 && matches!(doc.tokens[v].upos, "AUX" | "ADV") {
        v += 1;
    }
    let word = doc.tokens.get(v).filter(|_| v < sent.tokens.end)?.norm.as_str();
    if !STRIKING_VERBS.contains(&word) || doc.tokens[v].upos != "VERB" || is_passive(doc, v) {
        return None;
    }
    object_of(doc, v, None, 8).map(|m| (m, format!("nominal: object of `{word}`, which it did")))
}

/// The first token of the noun phrase whose head is at `t` (determiners, adjectives, numbers, dates).
fn noun_phrase_start(doc: &Doc, t: usize) -> usize {
    let sent = &doc.sentences[doc.tokens[t].sentence as usize];
    let mut i = t;
    while i > sent.tokens.start {
        let tok = &doc.tokens[i - 1];
        let n = tok.norm.as_str();
        let modifier = NOUN_MODIFIERS.contains(&n)
            || tok.kind == crate::doc::TokenKind::Number
            || is_month_abbrev(n)
            || n == "-"
            || n.ends_with("ist")
            || n == "air"
            || matches!(tok.upos, "ADJ" | "DET") && doc.mention_at[i - 1].is_none()
            || doc.mention_at[i - 1].is_some_and(|m| doc.mentions[m].modifier_only);
        if !modifier {
            break;
        }
        i -= 1;
    }
    i
}
