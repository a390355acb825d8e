//! Stage 5: modality (negated, intended, requested, conditional, hypothetical) and
//! attribution of claims to the party that makes them.

use crate::diag::Diagnostics;
use crate::doc::{Doc, Evidence, Modality};
use crate::pipeline::Stage;
use crate::stages::clause::{reporting_clauses, verb_group_start, REPORTING_VERBS};
use crate::stages::tree;

/// Decides each event's modality and attribution.
#[derive(Debug, Default)]
pub struct ModalityTagger;

impl ModalityTagger {
    /// Stable stage name.
    pub const NAME: &'static str = "modality-tagger";
}

/// Verbs that ask someone else to act: "urged X to", "called on X to".
pub(crate) const REQUEST_VERBS: &[&str] = &[
    "urge",
    "urged",
    "urges",
    "urging",
    "ask",
    "asked",
    "asks",
    "asking",
    "call",
    "called",
    "calls",
    "calling",
    "press",
    "pressed",
    "presses",
    "pressing",
    "appeal",
    "appealed",
    "appeals",
    "demand",
    "demanded",
    "demands",
    "request",
    "requested",
    "requests",
    "encourage",
    "encouraged",
    "encourages",
    "implore",
    "implored",
    "push",
    "pushed",
    "pushing",
    "want",
    "wants",
    "wanted",
    "invite",
    "invited",
    "invites",
    "told",
    "tell",
    "tells",
];

/// Words before a trigger that put it in the future or in a plan.
const INTENT_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "would",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "aims",
    "aim",
    "going",
    "expected",
    "scheduled",
    "set",
    "due",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "promising",
    "pledging",
    "vowing",
    "intending",
    "aiming",
    "hopes",
    "hope",
    "wants",
    "seeks",
    "seeking",
    "ready",
    "prepared",
    "preparing",
    "agreed",
    "decided",
    "offered",
];

/// Verbs (and their nouns) of a refusal: "refused to meet", "declined to comment", "its refusal
/// to negotiate". Their open complement did not happen, and the recast reads a refused meeting,
/// aid or concession as a rejection (`knowledge::recast`).
pub(crate) const REFUSING: &[&str] = &[
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "refusal",
    "decline",
    "declines",
    "declined",
    "declining",
    "unwilling",
    "reluctant",
];

/// Verbs (and their nouns) of a failure: "failed to reach", "the failure to strike a deal". The
/// open complement did not happen, but nobody turned it down.
const FAILING: &[&str] = &["fail", "fails", "failed", "failing", "failure"];

/// Whether `word` refuses or fails its open complement (`REFUSING`, `FAILING`).
fn refuses_or_fails(word: &str) -> bool {
    REFUSING.contains(&word) || FAILING.contains(&word)
}

/// Verbs that call a plan off: "scrapped plans to impose sanctions", "the plan to expel ... was
/// shelved".
const CALL_OFF_VERBS: &[&str] = &[
    "scrap",
    "scraps",
    "scrapped",
    "scrapping",
    "abandon",
    "abandons",
    "abandoned",
    "abandoning",
    "drop",
    "drops",
    "dropped",
    "dropping",
    "shelve",
    "shelves",
    "shelved",
    "shelving",
    "cancel",
    "cancels",
    "cancelled",
    "canceled",
    "cancelling",
    "canceling",
    "suspend",
    "suspends",
    "suspended",
    "suspending",
    "halt",
    "halts",
    "halted",
    "halting",
    "freeze",
    "freezes",
    "froze",
    "frozen",
    "freezing",
    "withdraw",
    "withdraws",
    "withdrew",
    "withdrawn",
    "withdrawing",
    "reverse",
    "reverses",
    "reversed",
    "reversing",
    "ditch",
    "ditches",
    "ditched",
    "ditching",
];

/// Nouns of a plan whose infinitive is the planned act: "plans to", "a proposal to".
const PLAN_NOUNS: &[&str] = &["plan", "plans", "proposal", "proposals", "decision", "bid", "move", "scheme"];

/// "scrapped plans to impose sanctions", "abandoned a plan to expel", "plans to ban the party
/// were dropped": the act that is the infinitive of a plan noun which is the object (or the
/// passive subject) of a verb that calls it off did not happen. The infinitive may hang from
/// the verb itself when words come between ("scrapped plans on Monday to impose"). The
/// calling-off verb's token.
fn called_off_plan(doc: &Doc, trigger: &[usize]) -> Option<usize> {
    let act = tree::trigger_head(doc, trigger)?;
    if tree::child_with(doc, act, &["mark"]).is_none_or(|m| doc.tokens[m].norm != "to") {
        return None;
    }
    let is_plan = |t: usize| PLAN_NOUNS.contains(&doc.tokens[t].norm.as_str());
    let calls_off = |v: usize| CALL_OFF_VERBS.contains(&doc.tokens[v].norm.as_str());
    match tree::head_of(doc, act)? {
        (plan, "acl") if is_plan(plan) => {
            let (verb, rel) = tree::head_of(doc, plan)?;
            (matches!(rel, "obj" | "nsubj:pass") && calls_off(verb)).then_some(verb)
        }
        (verb, "advcl" | "xcomp") if calls_off(verb) => tree::child_with(doc, verb, &["obj", "nsubj:pass"])
            .filter(|&p| is_plan(p))
            .map(|_| verb),
        _ => None,
    }
}

/// Words before "to" that make what follows an aim ("in a bid to recapture", "is preparing to
/// attack") and words before a gerund or noun that do ("aimed at recapturing", "considering a
/// loan").
const AIM_BEFORE_TO: &[&str] = &[
    "bid",
    "plan",
    "effort",
    "attempt",
    "preparing",
    "prepares",
    "plotting",
    "plots",
    "plotted",
    "scrambling",
    "looking",
    "aiming",
];
pub(crate) const AIM_BEFORE_ACT: &[&str] = &[
    "considering",
    "contemplating",
    "mulling",
    "weighing",
    "considers",
    "mulls",
    "consider",
    "contemplate",
    "mull",
];

/// The cue that makes the act whose verb group starts at `vg` an aim, if any.
fn aimed_at(doc: &Doc, vg: usize, sent_start: usize) -> Option<usize> {
    let word = |t: usize| doc.tokens[t].norm.as_str();
    let before = |k: usize| vg.checked_sub(k).filter(|&t| t >= sent_start);
    if word(vg) == "to" {
        return before(1).filter(|&t| AIM_BEFORE_TO.contains(&word(t)));
    }
    let prev = before(1)?;
    if word(prev) == "at" {
        return before(2).filter(|&t| matches!(word(t), "aimed" | "aiming" | "aims"));
    }
    // "considering a loan", "mulling new sanctions": up to two words of the object before it.
    (1..=3).filter_map(before).find(|&t| AIM_BEFORE_ACT.contains(&word(t)))
}

const HYPOTHETICAL_CUES: &[&str] = &["could", "might", "may", "possibly", "perhaps", "should"];

impl Stage for ModalityTagger {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, _diag: &mut Diagnostics) {
        for e in 0..doc.events.len() {
            let ev = &doc.events[e];
            let first = ev.trigger_tokens[0];
            let s = ev.sentence as usize;
            let sent = doc.sentences[s].tokens.clone();
            let mut vg = verb_group_start(doc, first);
            // "vowed to not respect or support", "will meet and discuss": a bare verb joined to
            // the verb right before it shares that verb's group (its negation, modal or "to").
            if !ev.nominal
                && vg == first
                && first >= sent.start + 2
                && matches!(doc.tokens[first - 1].norm.as_str(), "or" | "and" | "nor")
                && doc.tokens[first - 2].upos == "VERB"
            {
                vg = verb_group_start(doc, first - 2);
            }
            // Look a little further left for "plans to", "urged X to".
            let window_start = vg.saturating_sub(if ev.nominal { 3 } else { 0 }).max(sent.start);
            let words: Vec<&str> = (window_start..first).map(|t| doc.tokens[t].norm.as_str()).collect();
            let mut modality = Modality::Asserted;
            let mut rule = String::from("no modal, negation or condition around the trigger");
            let mut span = None;
            let cue = |list: &[&str]| (window_start..first).find(|&t| list.contains(&doc.tokens[t].norm.as_str()));
            // A condition covers events after "if", and events before it in the same clause
            // ("would consider lifting sanctions if ..."), not a report or warning that frames it
            // ("warned that it would respond if ...").
            let if_token = crate::stages::tree::near(doc, s, first)
                .find(|&t| matches!(doc.tokens[t].norm.as_str(), "if" | "unless"))
                .filter(|&c| {
                    c < first
                        || !doc.tokens[first..c].iter().any(|t| {
                            t.norm == "that" || t.norm == ";" || crate::stages::clause::REPORTING_VERBS.contains(&t.norm.as_str())
                        }) && !doc.events[e].trigger_tokens.iter().any(|&t| {
                            matches!(
                                doc.tokens[t].norm.as_str(),
                                "warn" | "warned" | "warns" | "threatened" | "threatens" | "threaten"
                            )
                        })
                });
            // The word right before the trigger's infinitive "to", if it has one.
            let before_to = (doc.tokens.get(vg).map(|t| t.norm.as_str()) == Some("to") && vg > sent.start).then(|| vg - 1);
            // "refused to meet", "declined to hold talks": the act did not happen.
            let refused = before_to.filter(|&t| refuses_or_fails(&doc.tokens[t].norm));
            // "was not ready to meet", "is not prepared to withdraw": a negated stance before the "to".
            let negated_stance = before_to
                .filter(|&t| INTENT_CUES.contains(&doc.tokens[t].norm.as_str()))
                .and_then(|t| {
                    (t.saturating_sub(2).max(sent.start)..t)
                        .find(|&n| matches!(doc.tokens[n].norm.as_str(), "not" | "n't" | "never") && doc.norm(n + 1) != "only")
                });
            let neg = cue(&["not", "n't", "never", "no", "neither", "nor"])
                .or(refused)
                .or(negated_stance);
            let called_off = called_off_plan(doc, &doc.events[e].trigger_tokens);
            // "Kenya plans to expel": an intention word right before the infinitive's "to",
            // whatever the tagger made of it (it reads "plans" here as a noun).
            // "Kenya is to send troops", "Israel and the U.S. are to start negotiating": "be" before
            // the infinitive's "to" is a plan too (not "it is to be hoped").
            let be_to = |t: usize| {
                matches!(doc.tokens[t].norm.as_str(), "is" | "are" | "was" | "were")
                    && t > sent.start
                    && !matches!(doc.tokens[t - 1].norm.as_str(), "it" | "there" | "this" | "that" | "what")
            };
            let to_before_trigger = (sent.start + 2..=first)
                .rev()
                .take(2)
                .find(|&t| doc.tokens[t - 1].norm == "to")
                .filter(|&t| t == first || matches!(doc.tokens[t].norm.as_str(), "start" | "begin" | "resume"))
                .map(|t| t - 2)
                .filter(|&b| be_to(b));
            let intent_before_to = before_to
                .filter(|&t| INTENT_CUES.contains(&doc.tokens[t].norm.as_str()) || be_to(t))
                .or(to_before_trigger);
            if let Some(t) = if_token {
                modality = Modality::Conditional;
                rule = format!("`{}` in the sentence", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            } else if let Some(t) = neg {
                modality = Modality::Negated;
                rule = format!("negation `{}` before the trigger", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            } else if let Some(t) = called_off {
                modality = Modality::Negated;
                rule = format!("the plan it is the aim of was called off (`{}`)", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            } else if let Some((t, verb)) = requested_by(doc, vg, sent.start) {
                modality = Modality::Requested;
                rule = format!("`{verb} ... to` before the trigger");
                span = Some(doc.tokens[t].span);
            } else if let Some(t) = aimed_at(doc, vg, sent.start) {
                // "does not consider a ceasefire": the aim itself denied.
                let denied = (t.saturating_sub(2).max(sent.start)..t)
                    .find(|&n| matches!(doc.tokens[n].norm.as_str(), "not" | "n't" | "never"));
                if let Some(n) = denied {
                    modality = Modality::Negated;
                    rule = format!("negation `{}` of the aim `{}`", doc.tokens[n].norm, doc.tokens[t].norm);
                    span = Some(doc.tokens[n].span);
                } else {
                    modality = Modality::Intended;
                    rule = format!("`{}` before the trigger: an aim, not a deed", doc.tokens[t].norm);
                    span = Some(doc.tokens[t].span);
                }
            } else if let Some(t) = cue(INTENT_CUES)
                .filter(|_| words.last() != Some(&"have"))
                .or(intent_before_to)
            {
                modality = Modality::Intended;
                rule = format!("`{}` before the trigger", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            } else if let Some(t) = (ev.nominal || is_gerund_after_of(doc, first, sent.start))
                .then(|| possibility_of(doc, first, sent.start))
                .flatten()
            {
                modality = Modality::Hypothetical;
                rule = format!("`{} of` before the noun: a possibility, not a deed", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            } else if let Some(t) = cue(HYPOTHETICAL_CUES).filter(|&t| !is_month_may(doc, t, sent.start)) {
                modality = Modality::Hypothetical;
                rule = format!("`{}` before the trigger", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            }
            // The tree: cues on the verbs that carry the trigger ("decided not to approve a new
            // accord", "plans, officials say, to send troops").
            if modality == Modality::Asserted {
                if let Some((m, t, why)) = tree_modality(doc, &doc.events[e].trigger_tokens) {
                    modality = m;
                    rule = why;
                    span = Some(doc.tokens[t].span);
                }
            }
            // "denied that its troops attacked the village": what a party denies is told as not
            // having happened.
            if modality == Modality::Asserted {
                if let Some(t) = denied_by(doc, &doc.events[e].trigger_tokens) {
                    modality = Modality::Negated;
                    rule = format!("parse: denied (`{}` that ...)", doc.tokens[t].norm);
                    span = Some(doc.tokens[t].span);
                }
            }
            // Attribution: the event sits in what a party says.
            let mut attribution = None;
            for (verb, subj) in reporting_clauses(doc, s, first) {
                let Some(m) = subj else { continue };
                if doc.events[e].trigger_tokens.contains(&verb) {
                    continue;
                }
                let norm = doc.tokens[verb].norm.as_str();
                let after_verb = verb < first && !doc.mentions[m].tokens.contains(&first);
                // "..., Obama said." / "“...,” Hollande said," : the report closes right after verb and subject.
                let subj_end = doc.mentions[m].tokens.end;
                let close_at = if subj_end > verb { subj_end } else { verb + 1 };
                let closes = close_at >= sent.end
                    || matches!(doc.tokens[close_at].norm.as_str(), "," | "." | "\"" | ":" | ";" | "!" | "?");
                let postposed = verb > first && !norm.ends_with("ing") && closes;
                // The subject of the report must not be the event's own trigger clause subject in "X said" before it? It may: "Cameron said he would ask".
                if after_verb && (doc.mentions[m].tokens.end <= verb || norm == "according") || postposed {
                    attribution = Some((m, verb));
                    if after_verb {
                        // The nearest report before the trigger wins.
                        continue;
                    }
                    break;
                }
            }
            if attribution.is_none() {
                attribution = tree_attribution(doc, &doc.events[e].trigger_tokens);
            }
            let attribution = attribution.map(|(m, verb)| {
                (
                    m,
                    verb,
                    doc.tokens[verb].span,
                    format!("reported by `{}`", doc.slice(doc.mentions[m].span)),
                )
            });
            let evm = &mut doc.events[e];
            if let Some((m, _verb, verb_span, arule)) = attribution {
                let verb = verb_span;
                evm.attribution = Some(m);
                evm.evidence.push(Evidence {
                    field: "attribution",
                    span: Some(verb),
                    rule: arule,
                });
                if modality == Modality::Asserted {
                    modality = Modality::ReportedClaim;
                    rule = "asserted inside a party's report".into();
                    span = Some(verb);
                }
            }
            evm.modality = modality;
            evm.evidence.push(Evidence {
                field: "modality",
                span,
                rule,
            });
        }
    }
}

/// Nouns whose "of" puts the act after it in the realm of the possible: "the possibility of a
/// ban", "the prospect of sanctions", "the threat of an invasion".
pub const POSSIBILITY_NOUNS: &[&str] = &["possibility", "prospect", "threat", "threats", "spectre", "specter"];

/// The possibility noun before the noun phrase of the nominal trigger at `first`, if any
/// ("floated the possibility of a total ban": `possibility`).
fn possibility_of(doc: &Doc, first: usize, sentence_start: usize) -> Option<usize> {
    let mut i = first;
    while i > sentence_start && i + 4 > first && matches!(doc.tokens[i - 1].upos, "DET" | "ADJ") {
        i -= 1;
    }
    (i >= sentence_start + 2 && doc.tokens[i - 1].norm == "of")
        .then(|| i - 2)
        .filter(|&n| POSSIBILITY_NOUNS.contains(&doc.tokens[n].norm.as_str()))
}

/// "May" written with a capital inside a sentence, or before a number, is the month ("the May
/// 29 bombing"), not the modal.
fn is_month_may(doc: &Doc, t: usize, sentence_start: usize) -> bool {
    let capital = doc.slice(doc.tokens[t].span).starts_with('M');
    let number_next = doc.tokens.get(t + 1).is_some_and(|n| n.kind == crate::doc::TokenKind::Number);
    doc.tokens[t].norm == "may" && (capital && t > sentence_start || number_next)
}

/// "urged Turkey to [trigger]": the request verb's token and form, if the verb group opens with "to" after one.
fn requested_by(doc: &Doc, vg: usize, sentence_start: usize) -> Option<(usize, String)> {
    if doc.tokens.get(vg).map(|t| t.norm.as_str()) != Some("to") {
        return None;
    }
    let mut i = vg;
    let mut steps = 0;
    while i > sentence_start && steps < 8 {
        i -= 1;
        steps += 1;
        let n = doc.tokens[i].norm.as_str();
        if REQUEST_VERBS.contains(&n) {
            // "wants to do" without an object is intention, not request.
            return (i + 1 < vg).then(|| (i, n.to_string()));
        }
        if matches!(n, "," | ";" | "." | "that") {
            return None;
        }
    }
    None
}

/// A gerund trigger right after "of" ("the possibility of suspending relations"): it reads as
/// the noun phrase a nominal trigger would be.
fn is_gerund_after_of(doc: &Doc, first: usize, sentence_start: usize) -> bool {
    first > sentence_start && doc.tokens[first - 1].norm == "of" && doc.tokens[first].norm.ends_with("ing")
}

/// Verbs whose `xcomp` is a plan or a promise: "decided to send", "vowed to retaliate",
/// "ready to", "voted to disarm".
pub(crate) const INTENT_VERBS: &[&str] = &[
    "ready",
    "willing",
    "determined",
    "poised",
    "eager",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "aim",
    "aims",
    "aimed",
    "vow",
    "vows",
    "vowed",
    "pledge",
    "pledges",
    "pledged",
    "promise",
    "promises",
    "promised",
    "decide",
    "decides",
    "decided",
    "agree",
    "agrees",
    "agreed",
    "vote",
    "votes",
    "voted",
    "hope",
    "hopes",
    "hoped",
    "seek",
    "seeks",
    "sought",
    "want",
    "wants",
    "wanted",
    "prepare",
    "prepares",
    "prepared",
    "expect",
    "expects",
    "expected",
    "offer",
    "offers",
    "offered",
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "promising",
    "pledging",
    "vowing",
    "intending",
    "aiming",
    "hoping",
    "wanting",
    "deciding",
    "agreeing",
    "voting",
    "offering",
    "expecting",
];

/// The verbs that carry a trigger in the tree: its head, then up through objects ("approve a
/// new accord"), open complements ("decided to approve"), purpose clauses ("will meet ... to
/// discuss") and "of" modifiers ("a wave of strikes"), at most four steps; not into a reported
/// clause (`ccomp`), which is attribution.
fn carriers(doc: &Doc, trigger: &[usize]) -> Vec<(usize, &'static str)> {
    let Some(head) = tree::trigger_head(doc, trigger) else {
        return Vec::new();
    };
    let mut out = vec![(head, "")];
    for (gov, rel) in tree::governors(doc, head, 4) {
        let below = out.last().map(|&(t, _)| t).unwrap_or(head);
        let infinitive = || tree::children(doc, below).any(|d| doc.tokens[d].deprel == "mark" && doc.tokens[d].norm == "to");
        let step = match rel {
            "obj" | "xcomp" => true,
            // "promised to tighten ... and to ban": an infinitive joined to another shares
            // what governs it.
            "conj" => infinitive(),
            "nmod" => tree::case_word(doc, below) == Some("of"),
            // "called for the withdrawal", "pressed for talks": what is asked for.
            "obl" => tree::case_word(doc, below) == Some("for") && REQUEST_VERBS.contains(&doc.tokens[gov].norm.as_str()),
            // A purpose clause shares its verb's future: "will meet ... to discuss".
            "advcl" => infinitive(),
            _ => false,
        };
        if !step {
            break;
        }
        out.push((gov, rel));
    }
    out
}

/// Modality read off the tree: a negation, modal or plan/request verb on the verbs that carry
/// the trigger, with the cue token and the rule.
fn tree_modality(doc: &Doc, trigger: &[usize]) -> Option<(Modality, usize, String)> {
    if let Some(found) = subject_of_a_modal_happening(doc, trigger) {
        return Some(found);
    }
    let chain = carriers(doc, trigger);
    let mut found: Option<(Modality, usize, String)> = None;
    for (i, &(node, _)) in chain.iter().enumerate() {
        for d in tree::children(doc, node) {
            let (rel, norm) = (doc.tokens[d].deprel, doc.tokens[d].norm.as_str());
            if rel == "advmod" && matches!(norm, "not" | "n't" | "never") {
                return Some((
                    Modality::Negated,
                    d,
                    format!("parse: negation `{norm}` on `{}`", doc.tokens[node].norm),
                ));
            }
            if found.is_none() && rel == "aux" {
                // "would have freed": what did not happen, not a plan.
                let perfect = tree::children(doc, node).any(|x| doc.tokens[x].deprel == "aux" && doc.tokens[x].norm == "have");
                if perfect && matches!(norm, "would" | "could" | "might" | "should") {
                    found = Some((
                        Modality::Hypothetical,
                        d,
                        format!("parse: `{norm} have` on `{}`", doc.tokens[node].norm),
                    ));
                } else if matches!(norm, "will" | "'ll" | "shall" | "would") {
                    found = Some((
                        Modality::Intended,
                        d,
                        format!("parse: auxiliary `{norm}` of `{}`", doc.tokens[node].norm),
                    ));
                } else if HYPOTHETICAL_CUES.contains(&norm) {
                    found = Some((
                        Modality::Hypothetical,
                        d,
                        format!("parse: auxiliary `{norm}` of `{}`", doc.tokens[node].norm),
                    ));
                }
            }
        }
        // A governing verb reached through its open complement: "urged X to", "plans to".
        if i > 0 && matches!(chain[i].1, "xcomp" | "advcl") && refuses_or_fails(&doc.tokens[node].norm) {
            let norm = doc.tokens[node].norm.as_str();
            return Some((Modality::Negated, node, format!("parse: `{norm}` to")));
        }
        // "demanded sanctions against Ukraine", "called for the withdrawal of US troops": an act
        // named as the thing asked for is requested, not done.
        // ("called the arrests a tragedy", "called a ceasefire", "called off a visit": "call" with an
        // object names or declares; it asks only "for".)
        let names_or_declares = chain[i].1 == "obj" && doc.tokens[node].norm.starts_with("call");
        if i == 1
            && found.is_none()
            && matches!(chain[i].1, "obj" | "obl")
            && !names_or_declares
            && REQUEST_VERBS.contains(&doc.tokens[node].norm.as_str())
        {
            let nominal = !matches!(doc.tokens[chain[0].0].upos, "VERB" | "AUX");
            if nominal {
                let norm = doc.tokens[node].norm.as_str();
                found = Some((Modality::Requested, node, format!("parse: what `{norm}` asks for")));
            }
        }
        if i > 0 && found.is_none() && matches!(chain[i].1, "xcomp" | "advcl") {
            let norm = doc.tokens[node].norm.as_str();
            let has_object = tree::child_with(doc, node, &["obj", "iobj"]).is_some();
            if REQUEST_VERBS.contains(&norm) && has_object {
                found = Some((Modality::Requested, node, format!("parse: `{norm}` someone to")));
            } else if INTENT_VERBS.contains(&norm) {
                found = Some((Modality::Intended, node, format!("parse: `{norm}` to")));
            }
        }
    }
    found
}

/// "a naval raid could take place", "talks will begin next week": a noun that is the subject
/// of a verb of happening takes that verb's modal (a future or a possibility, not a deed).
fn subject_of_a_modal_happening(doc: &Doc, trigger: &[usize]) -> Option<(Modality, usize, String)> {
    let head = tree::trigger_head(doc, trigger)?;
    if !matches!(doc.tokens[head].upos, "NOUN" | "PROPN") {
        return None;
    }
    let (verb, rel) = tree::head_of(doc, head)?;
    const HAPPENING: &[&str] = &[
        "take", "begin", "start", "resume", "happen", "occur", "proceed", "go", "commence", "open", "convene", "continue",
    ];
    // (After a modal the verb is bare: "will take", "could begin".)
    if !rel.starts_with("nsubj") || !HAPPENING.contains(&doc.tokens[verb].norm.as_str()) {
        return None;
    }
    let aux = tree::children(doc, verb).find(|&d| doc.tokens[d].deprel == "aux")?;
    let norm = doc.tokens[aux].norm.as_str();
    let modality = match norm {
        "will" | "'ll" | "shall" | "would" => Modality::Intended,
        "could" | "might" | "may" => Modality::Hypothetical,
        _ => return None,
    };
    Some((
        modality,
        aux,
        format!("parse: the subject of `{norm} {}`", doc.tokens[verb].norm),
    ))
}

/// The verb of denial whose clausal complement holds the trigger ("denied that the ex-premier
/// made any threats"), up through open complements and objects; not the trigger itself.
fn denied_by(doc: &Doc, trigger: &[usize]) -> Option<usize> {
    let head = tree::trigger_head(doc, trigger)?;
    for (gov, rel) in tree::governors(doc, head, 4) {
        if trigger.contains(&gov) {
            return None;
        }
        if rel == "ccomp" {
            return matches!(doc.tokens[gov].norm.as_str(), "deny" | "denies" | "denied" | "denying").then_some(gov);
        }
        // (Not up through a conjunct: "denied that it had started the exchange and accused
        // India" is often parsed with the accusation inside the denial.)
        if !matches!(rel, "xcomp" | "obj") {
            return None;
        }
    }
    None
}

/// The party whose words the trigger sits in, from the tree: up from the trigger to a
/// reporting verb whose complement holds it, and that verb's subject.
fn tree_attribution(doc: &Doc, trigger: &[usize]) -> Option<(usize, usize)> {
    let (&first, &last) = (trigger.first()?, trigger.last()?);
    let head = tree::range_head(doc, first..last + 1)?;
    let mut below = head;
    for (gov, rel) in tree::governors(doc, head, 5) {
        let via_report = matches!(rel, "ccomp" | "parataxis");
        if via_report && REPORTING_VERBS.contains(&doc.tokens[gov].norm.as_str()) && !trigger.contains(&gov) {
            // A clause with a relative pronoun for subject is a misread relative clause ("X,
            // who hosted the talks, said"), not what X said.
            let relative = tree::children(doc, below).any(|d| {
                doc.tokens[d].deprel.starts_with("nsubj") && matches!(doc.tokens[d].norm.as_str(), "who" | "which" | "that")
            });
            // A report after its words closes them off with punctuation: "..., the army said".
            let closed = below < gov
                && doc.tokens[below..gov]
                    .iter()
                    .any(|t| matches!(t.norm.as_str(), "," | "\"" | ":"));
            if relative || below < gov && !closed {
                return None;
            }
            let subj = tree::child_with(doc, gov, &["nsubj"]).and_then(|d| tree::mention_at_node(doc, d))?;
            return (!doc.mentions[subj].tokens.contains(&first)).then_some((subj, gov));
        }
        if !matches!(rel, "ccomp" | "parataxis" | "xcomp" | "conj" | "advcl" | "obj" | "nmod") {
            return None;
        }
        below = gov;
    }
    None
}
