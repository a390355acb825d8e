//! PLOVER's "single category" rule: where an event type plus an auxiliary mode is itself an
//! event type, the coder returns that type (PLOVER manual, "Auxiliary modes" and the
//! categories' notes). Three cases are recast:
//!
//! * future cooperation (CONSULT, SUPPORT, COOPERATE, AID that will, or would if, happen) is
//!   AGREE ("Cooperative actions ... reported in future tense ... should be coded as AGREE";
//!   "references to future meetings ... should be coded as AGREE");
//! * a future retreat is CONCEDE ("Announcements of future retreats should be coded as
//!   CONCEDE": "announced ... would withdraw troops");
//! * a promised, planned, possible or conditional attack, coercion or sanction is THREATEN
//!   ("THREATEN could be ASSAULT + hypothetical"), its mode the content of the threat.
//!
//! CAMEO codes follow: the intention codes of root 03 (036 meet, 032 diplomatic, 031x
//! material cooperation, 033x aid, 035x yield) and the threat codes of root 13. The event's
//! modality stays as found (`intended`, `conditional`, `hypothetical`), so the record still
//! says that it has not happened.

use crate::doc::Modality;

/// A recast event: PLOVER type, mode, CAMEO code, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recast {
    /// PLOVER event type.
    pub event: &'static str,
    /// PLOVER mode, if the new type's content gives one.
    pub mode: Option<&'static str>,
    /// CAMEO code.
    pub cameo: String,
    /// The rule, for the evidence trail.
    pub rule: &'static str,
}

/// Intention verbs that announce a decision or a wish rather than an act of the speaker's own
/// will: an attack "decided", "agreed", "voted", "expected", "hoped for", "offered" or that someone is
/// "willing" or "eager" to make is no threat. Every other intention verb of the modality
/// tagger ("vowed to", "plans to", "ready to", "threatened to") is.
const NOT_THREATS: &[&str] = &[
    "decide",
    "decides",
    "decided",
    "deciding",
    "agree",
    "agrees",
    "agreed",
    "agreeing",
    "vote",
    "votes",
    "voted",
    "voting",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "expect",
    "expects",
    "expected",
    "expecting",
    "offer",
    "offers",
    "offered",
    "offering",
    "willing",
    "eager",
];

/// Whether `cue` announces a threat: a modal of the future, "going to", or an intention verb
/// that is not in `NOT_THREATS`.
pub(crate) fn threat_cue(cue: &str) -> bool {
    matches!(
        cue,
        "will" | "'ll" | "shall" | "would" | "wo" | "going" | "seeking" | "preparing"
    ) || crate::stages::modality::INTENT_VERBS.contains(&cue) && !NOT_THREATS.contains(&cue)
}

/// Modal auxiliaries among the cues.
const MODALS: &[&str] = &["will", "'ll", "shall", "would", "wo", "could", "might", "may"];

/// Possibility cues that make a hostile act a threat ("could strike"); not "should" (advice)
/// nor "would have" (what did not happen).
const POSSIBLE_CUES: &[&str] = &["could", "might", "may"];

/// How an event is put: its modality and the words that gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading<'a> {
    /// The event's modality.
    pub modality: Modality,
    /// The modality's cue word in lower case ("will", "vowed", "could", "if"); a cue followed
    /// by "have" comes with it ("may have"), since that is a past possibility, not a plan.
    pub cue: Option<&'a str>,
    /// A nominal trigger ("attacks") rather than a verb.
    pub nominal: bool,
    /// The trigger's own verb group holds a modal ("would expel ... if").
    pub modal_aux: bool,
    /// Someone acts: the trigger has an actor, or is a passive whose actor is left unsaid
    /// ("could be banned").
    pub acted: bool,
    /// The trigger sits in a "before" or "until" clause ("fled before they could be arrested").
    pub temporal: bool,
}

/// The single PLOVER category for an event of type `event` with CAMEO code `cameo`, read as
/// `how`. `None` when the event stays as it is.
pub fn single_category(event: &str, cameo: &str, how: Reading<'_>) -> Option<Recast> {
    // A noun ("talks", "attacks") takes its modality from words further away, often another
    // verb's ("a statement agreed at the talks", "would accept a resolution to condemn
    // attacks"); only a verb is recast. A condition makes a future of the main clause ("would
    // send aid if"), not of the clause it opens ("if Peru meets the conditions").
    // ... except after "the possibility of", "the threat of": a possible hostile act is a
    // threat, whoever voices it.
    let possible = how.modality == Modality::Hypothetical
        && how
            .cue
            .is_some_and(|c| crate::stages::modality::POSSIBILITY_NOUNS.contains(&c));
    // "is considering new sanctions", "mulling a boycott": a hostile act weighed in public is
    // held out to its target, the noun as much as the verb ("considering suspending ties").
    let weighed = how.modality == Modality::Intended
        && how.cue.is_some_and(|c| crate::stages::modality::AIM_BEFORE_ACT.contains(&c))
        && how.acted;
    if (possible || weighed) && matches!(event, "ASSAULT" | "COERCE" | "SANCTION") {
        return threat_of(
            cameo,
            if possible {
                "PLOVER: a possible hostile act (`the possibility of`, `the threat of`) is THREATEN"
            } else {
                "PLOVER: a hostile act a party says it is considering is held out as a threat (THREATEN)"
            },
        );
    }
    if weighed && event == "PROTEST" {
        return Some(protest_threat(cameo));
    }
    if how.nominal {
        return None;
    }
    if how.modality == Modality::Negated && how.cue.is_some_and(|c| crate::stages::modality::REFUSING.contains(&c)) {
        if let Some((code, mode)) = refusal_code(event, cameo) {
            return Some(Recast {
                event: "REJECT",
                mode,
                cameo: code.to_string(),
                rule: "PLOVER: refusing to meet, cooperate, help or yield is REJECT",
            });
        }
    }
    let future = how.modality == Modality::Intended || how.modality == Modality::Conditional && how.modal_aux;
    match event {
        "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" if future => Some(Recast {
            event: "AGREE",
            mode: None,
            cameo: intent_to_cooperate(cameo),
            rule: "PLOVER: future cooperation is AGREE",
        }),
        "RETREAT" if future => Some(Recast {
            event: "CONCEDE",
            mode: None,
            cameo: intent_to_yield(cameo),
            rule: "PLOVER: an announced future retreat is CONCEDE",
        }),
        // "would go on strike if", "threatened to boycott": a warning whose content is a protest.
        "PROTEST" if is_protest_threat(how) => Some(protest_threat(cameo)),
        "ASSAULT" | "COERCE" | "SANCTION" if is_threat(how) => {
            threat_of(cameo, "PLOVER: a promised, possible or conditional hostile act is THREATEN")
        }
        _ => None,
    }
}

/// A hostile act of CAMEO `cameo` held out as a threat, recast by `rule`; `None` where the act
/// has no threat code.
fn threat_of(cameo: &str, rule: &'static str) -> Option<Recast> {
    let (code, mode) = threat_code(cameo)?;
    Some(Recast {
        event: "THREATEN",
        mode,
        cameo: code.to_string(),
        rule,
    })
}

/// A protest of CAMEO `cameo` held out as a warning: CAMEO 133; strikes, boycotts and
/// blockades restrict (PLOVER's THREATEN `restrict`).
fn protest_threat(cameo: &str) -> Recast {
    Recast {
        event: "THREATEN",
        mode: matches!(cameo.get(..3), Some("143" | "144")).then_some("restrict"),
        cameo: "133".to_string(),
        rule: "PLOVER: a protest, strike or boycott held out as a warning (on a condition, threatened, vowed, considered) is THREATEN",
    }
}

/// Whether a hostile act so put is a threat: a party behind it, and a modal cue on the
/// trigger's own verb ("would allow us to arrest" enables, it does not threaten) or an
/// intention verb governing it ("vowed to crack down").
fn is_threat(how: Reading<'_>) -> bool {
    if !how.acted || how.temporal {
        return false;
    }
    let modal = |c: &str| MODALS.contains(&c);
    match how.modality {
        Modality::Conditional => how.modal_aux,
        Modality::Intended => how.cue.is_some_and(|c| threat_cue(c) && (how.modal_aux || !modal(c))),
        Modality::Hypothetical => how.cue.is_some_and(|c| POSSIBLE_CUES.contains(&c) && how.modal_aux),
        _ => false,
    }
}

/// Intention cues that hold a protest out as a warning rather than announce a plan ("will
/// march on Saturday", "plans to rally" are plans).
const PROTEST_THREAT_CUES: &[&str] = &[
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "vow",
    "vows",
    "vowed",
    "ready",
    "prepared",
    "poised",
];

/// Whether a protest so put is a threat: a party behind it, and a condition on its own verb
/// ("would strike if") or a threatening intention cue ("threatened to strike").
fn is_protest_threat(how: Reading<'_>) -> bool {
    if !how.acted || how.temporal {
        return false;
    }
    match how.modality {
        Modality::Conditional => how.modal_aux,
        Modality::Intended => how.cue.is_some_and(|c| PROTEST_THREAT_CUES.contains(&c)),
        _ => false,
    }
}

/// CAMEO 12x and PLOVER REJECT mode for refusing the act `cameo` of type `event`: a meeting
/// (125 meet), cooperation (121x assist), aid (122x assist), a concession or retreat (123x
/// change for reforms, leaders, policies, rights; 124x yield for the rest), or an agreement
/// (120). `None` for acts whose refusal is no rejection (a refused attack stays negated).
fn refusal_code(event: &str, cameo: &str) -> Option<(&'static str, Option<&'static str>)> {
    let assist = Some("assist");
    let yield_ = Some("yield");
    let change = Some("change");
    Some(match event {
        "CONSULT" => ("125", Some("meet")),
        "AGREE" if cameo.starts_with("036") => ("125", Some("meet")),
        "AGREE" | "SUPPORT" => ("120", None),
        "COOPERATE" => (
            match cameo.get(..3) {
                Some("061") => "1211",
                Some("062") => "1212",
                Some("063") => "1213",
                Some("064") => "1214",
                _ => "121",
            },
            assist,
        ),
        "AID" => (
            match cameo.get(..3) {
                Some("071") => "1221",
                Some("072") => "1222",
                Some("073") => "1223",
                Some("074") => "1224",
                _ => "122",
            },
            assist,
        ),
        "RETREAT" | "CONCEDE" => match cameo {
            "0831" => ("1231", change),
            "0832" => ("1232", change),
            "0833" => ("1233", change),
            "0834" => ("1234", change),
            _ => match cameo.get(..3) {
                Some("081") => ("1241", yield_),
                Some("082") => ("1242", yield_),
                Some("083") => ("123", change),
                Some("084") => ("1243", yield_),
                Some("085") => ("1244", yield_),
                Some("086") => ("1245", yield_),
                Some("087") => ("1246", yield_),
                _ => ("124", change),
            },
        },
        _ => return None,
    })
}

/// CAMEO 03x for an intention to cooperate in the way `cameo` (04-07) does.
fn intent_to_cooperate(cameo: &str) -> String {
    let code = match cameo.get(..2) {
        Some("04") => "036",
        Some("05") => "032",
        Some("06") => match cameo.get(..3) {
            Some("061") => "0311",
            Some("062") => "0312",
            Some("063") => "0313",
            Some("064") => "0314",
            _ => "031",
        },
        Some("07") => match cameo.get(..3) {
            Some("071") => "0331",
            Some("072") => "0332",
            Some("073") => "0333",
            Some("074") => "0334",
            _ => "033",
        },
        _ => "030",
    };
    code.to_string()
}

/// CAMEO 035x for an intention to yield in the way `cameo` (08x) does.
fn intent_to_yield(cameo: &str) -> String {
    let code = match cameo.get(..3) {
        Some("081") => "0351",
        Some("082") => "0352",
        Some("084") => "0353",
        Some("085") => "0354",
        Some("086") => "0355",
        Some("087") => "0356",
        _ => "035",
    };
    code.to_string()
}

/// CAMEO 13x and PLOVER THREATEN mode (the threat's content) for a threat of the act `cameo`
/// (16x-20x); `None` for codes outside those roots.
pub(crate) fn threat_code(cameo: &str) -> Option<(&'static str, Option<&'static str>)> {
    let relations = Some("relations");
    let restrict = Some("restrict");
    let violence = Some("violence");
    Some(match cameo.get(..3)? {
        "161" => ("1313", relations),
        "162" => ("1311", relations),
        "163" => ("1312", restrict),
        "164" => ("134", relations),
        "165" => ("135", relations),
        "166" => ("136", Some("expel")),
        "172" => match cameo {
            "1721" => ("1321", restrict),
            "1722" => ("1322", restrict),
            "1723" => ("1323", restrict),
            "1724" => ("1324", restrict),
            _ => ("132", restrict),
        },
        "173" => ("132", Some("arrest")),
        "175" => ("137", violence),
        "191" => ("1381", restrict),
        "192" => ("1382", Some("territory")),
        "193" | "194" | "195" => ("1384", violence),
        "204" => ("1385", violence),
        c if c.starts_with("16") => ("131", relations),
        c if c.starts_with("17") => ("130", None),
        c if c.starts_with("18") => ("1383", violence),
        c if c.starts_with("19") || c.starts_with("20") => ("138", violence),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One line per case: type cameo modality cue → type/mode cameo (or "stays"); verbal
    /// triggers without a modal in their verb group unless `how` says otherwise.
    fn show(event: &str, cameo: &str, modality: Modality, cue: Option<&str>) -> String {
        let modal_aux = cue.is_some_and(|c| MODALS.contains(&c));
        let how = Reading {
            modality,
            cue,
            nominal: false,
            modal_aux,
            acted: true,
            temporal: false,
        };
        show_read(event, cameo, how)
    }

    /// "would X if ...": a conditional with a modal on the trigger's own verb, by a party.
    fn would_if() -> Reading<'static> {
        Reading {
            modality: Modality::Conditional,
            cue: Some("if"),
            nominal: false,
            modal_aux: true,
            acted: true,
            temporal: false,
        }
    }

    fn show_read(event: &str, cameo: &str, how: Reading<'_>) -> String {
        match single_category(event, cameo, how) {
            Some(r) => format!("{}/{} {}", r.event, r.mode.unwrap_or("-"), r.cameo),
            None => "stays".into(),
        }
    }

    #[test]
    fn future_cooperation_is_agree() {
        assert_eq!(show("CONSULT", "040", Modality::Intended, Some("will")), "AGREE/- 036");
        assert_eq!(show("CONSULT", "042", Modality::Intended, Some("scheduled")), "AGREE/- 036");
        // "would send aid if ...": the main clause's future; "if Peru meets ...": a condition.
        let would_if = would_if();
        assert_eq!(show_read("AID", "0731", would_if), "AGREE/- 0333");
        assert_eq!(show("CONSULT", "040", Modality::Conditional, Some("if")), "stays");
        assert_eq!(
            show_read(
                "CONSULT",
                "040",
                Reading {
                    nominal: true,
                    ..would_if
                }
            ),
            "stays"
        );
        assert_eq!(show("COOPERATE", "062", Modality::Intended, Some("agreed")), "AGREE/- 0312");
        assert_eq!(show("CONSULT", "040", Modality::Asserted, None), "stays");
        assert_eq!(show("CONSULT", "040", Modality::Requested, Some("urged")), "stays");
        assert_eq!(show("SUPPORT", "051", Modality::Hypothetical, Some("could")), "stays");
    }

    #[test]
    fn future_retreat_is_concede() {
        assert_eq!(show("RETREAT", "0874", Modality::Intended, Some("would")), "CONCEDE/- 0356");
        assert_eq!(show("RETREAT", "0841", Modality::Intended, Some("agreed")), "CONCEDE/- 0353");
        assert_eq!(show("RETREAT", "0831", Modality::Intended, Some("will")), "CONCEDE/- 035");
        assert_eq!(show("RETREAT", "0874", Modality::Negated, Some("not")), "stays");
        assert_eq!(show("CONCEDE", "081", Modality::Intended, Some("will")), "stays");
    }

    #[test]
    fn promised_possible_or_conditional_hostility_is_threaten() {
        assert_eq!(
            show("ASSAULT", "195", Modality::Intended, Some("will")),
            "THREATEN/violence 1384"
        );
        assert_eq!(
            show("ASSAULT", "192", Modality::Hypothetical, Some("could")),
            "THREATEN/territory 1382"
        );
        assert_eq!(
            show("COERCE", "1722", Modality::Intended, Some("wants")),
            "THREATEN/restrict 1322"
        );
        let would_if = would_if();
        assert_eq!(show_read("COERCE", "173", would_if), "THREATEN/arrest 132");
        // A condition alone, or a noun, is no threat.
        assert_eq!(show("COERCE", "173", Modality::Conditional, Some("if")), "stays");
        assert_eq!(
            show_read(
                "ASSAULT",
                "190",
                Reading {
                    nominal: true,
                    ..would_if
                }
            ),
            "stays"
        );
        assert_eq!(show("ASSAULT", "202", Modality::Hypothetical, Some("may have")), "stays");
        // A modal on a governing verb, no party behind it, or a "before" clause: no threat.
        let would_allow = Reading {
            modality: Modality::Intended,
            cue: Some("would"),
            modal_aux: false,
            ..would_if
        };
        assert_eq!(show_read("COERCE", "173", would_allow), "stays");
        assert_eq!(
            show_read(
                "COERCE",
                "173",
                Reading {
                    cue: Some("vowed"),
                    ..would_allow
                }
            ),
            "THREATEN/arrest 132"
        );
        assert_eq!(
            show_read(
                "COERCE",
                "173",
                Reading {
                    acted: false,
                    ..would_if
                }
            ),
            "stays"
        );
        assert_eq!(
            show_read(
                "COERCE",
                "173",
                Reading {
                    temporal: true,
                    ..would_if
                }
            ),
            "stays"
        );
        assert_eq!(
            show("SANCTION", "163", Modality::Intended, Some("vowed")),
            "THREATEN/restrict 1312"
        );
        assert_eq!(
            show("SANCTION", "164", Modality::Intended, Some("plans")),
            "THREATEN/relations 134"
        );
        assert_eq!(
            show("ASSAULT", "183", Modality::Hypothetical, Some("might")),
            "THREATEN/violence 1383"
        );
        // Schedules, decisions, advice and counterfactuals are no threats.
        assert_eq!(show("ASSAULT", "190", Modality::Intended, Some("expected")), "stays");
        assert_eq!(show("COERCE", "1723", Modality::Intended, Some("decided")), "stays");
        assert_eq!(show("SANCTION", "163", Modality::Hypothetical, Some("should")), "stays");
        assert_eq!(show("ASSAULT", "190", Modality::Hypothetical, Some("would")), "stays");
        assert_eq!(show("ASSAULT", "190", Modality::Intended, None), "stays");
        assert_eq!(show("ASSAULT", "190", Modality::Negated, Some("not")), "stays");
        // An announced protest is a plan, not a threat; one held out as a warning is a threat
        // whose content, for strikes, boycotts and blockades, is `restrict`.
        assert_eq!(show("PROTEST", "143", Modality::Intended, Some("will")), "stays");
        assert_eq!(show("PROTEST", "141", Modality::Intended, Some("plans")), "stays");
        assert_eq!(show_read("PROTEST", "143", would_if), "THREATEN/restrict 133");
        assert_eq!(
            show("PROTEST", "143", Modality::Intended, Some("threatened")),
            "THREATEN/restrict 133"
        );
        assert_eq!(show("PROTEST", "141", Modality::Intended, Some("vowed")), "THREATEN/- 133");
        assert_eq!(show("PROTEST", "143", Modality::Conditional, Some("if")), "stays");
    }

    #[test]
    fn a_hostile_act_weighed_in_public_is_a_threat() {
        // "is considering suspending relations", "mulling new sanctions", "considering a strike".
        assert_eq!(
            show("SANCTION", "161", Modality::Intended, Some("considering")),
            "THREATEN/relations 1313"
        );
        let noun = |event, cameo, cue| {
            show_read(
                event,
                cameo,
                Reading {
                    modality: Modality::Intended,
                    cue: Some(cue),
                    nominal: true,
                    modal_aux: false,
                    acted: true,
                    temporal: false,
                },
            )
        };
        assert_eq!(noun("SANCTION", "163", "mulling"), "THREATEN/restrict 1312");
        assert_eq!(noun("PROTEST", "143", "considering"), "THREATEN/restrict 133");
        // Other plans of a noun stay plans; weighing aid is no threat.
        assert_eq!(noun("SANCTION", "163", "plans"), "stays");
        assert_eq!(show("AID", "070", Modality::Intended, Some("considering")), "AGREE/- 033");
    }
}
