//! Stage 5: modality (negated, intended, requested, conditional, hypothetical) and
//! attribution of claims to the party that makes them.

use crate::diag::Diagnostics;
use crate::doc::{Doc, Evidence, Modality};
use crate::pipeline::Stage;
use crate::stages::clause::{reporting_clauses, verb_group_start};

/// Decides each event's modality and attribution.
#[derive(Debug, Default)]
pub struct ModalityTagger;

impl ModalityTagger {
    /// Stable stage name.
    pub const NAME: &'static str = "modality-tagger";
}

/// Verbs that ask someone else to act: "urged X to", "called on X to".
const REQUEST_VERBS: &[&str] = &[
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
            let vg = verb_group_start(doc, first);
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
            let if_token = sent
                .clone()
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
            let neg = cue(&["not", "n't", "never", "no", "neither", "nor"]);
            if let Some(t) = if_token {
                modality = Modality::Conditional;
                rule = format!("`{}` in the sentence", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            } else if let Some(t) = neg {
                modality = Modality::Negated;
                rule = format!("negation `{}` before the trigger", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            } else if let Some((t, verb)) = requested_by(doc, vg, sent.start) {
                modality = Modality::Requested;
                rule = format!("`{verb} ... to` before the trigger");
                span = Some(doc.tokens[t].span);
            } else if let Some(t) = cue(INTENT_CUES).filter(|_| words.last() != Some(&"have")) {
                modality = Modality::Intended;
                rule = format!("`{}` before the trigger", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            } else if let Some(t) = cue(HYPOTHETICAL_CUES) {
                modality = Modality::Hypothetical;
                rule = format!("`{}` before the trigger", doc.tokens[t].norm);
                span = Some(doc.tokens[t].span);
            }
            // Attribution: the event sits in what a party says.
            let mut attribution = None;
            for (verb, subj) in reporting_clauses(doc, s) {
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
