//! Stage behaviour through the whole pipeline: one `check(text, expect)` per case, where
//! `expect` is the rendered table line(s) without the trailing evidence quote.

mod common;

#[track_caller]
fn check(text: &str, expect: &[&str]) {
    let got = common::code_lines(text, "2015-11-24");
    let trimmed: Vec<String> = got
        .iter()
        .map(|l| l.rsplit_once("  \"").map_or(l.clone(), |(a, _)| a.to_string()))
        .collect();
    assert_eq!(trimmed, expect, "\ninput: {text}\nhelp: full lines were:\n{}", got.join("\n"));
}

#[test]
fn subject_object_and_adjectives() {
    check(
        "Turkish pilots shot down a Russian warplane.",
        &["2015-11-24  TUR MIL -> RUS MIL  ASSAULT 190  @-  asserted"],
    );
}

#[test]
fn nominal_trigger_with_target_and_place() {
    check(
        "French warplanes carried out airstrikes targeting the Islamic State in Raqqa, Syria, on Nov 23.",
        &["2015-11-23  FRA MIL -> IMG REB (Islamic State)  ASSAULT/aerial 195  @Raqqa  asserted"],
    );
}

#[test]
fn passive_with_agent() {
    check(
        "A Russian warplane was shot down by Turkish pilots on Tuesday.",
        &["2015-11-24  TUR MIL -> RUS MIL  ASSAULT 190  @-  asserted"],
    );
}

#[test]
fn titled_person_then_surname_then_pronoun() {
    check(
        "German Chancellor Ulla Brenner arrived on Monday. Brenner met with Russian officials. She will meet with NATO on Thursday.",
        &[
            "2015-11-24  DEU GOV (Ulla Brenner) -> RUS GOV  CONSULT 040  @-  asserted",
            "2015-11-26  DEU GOV (Ulla Brenner) -> IGO (NATO)  CONSULT 040  @-  intended",
        ],
    );
}

#[test]
fn compound_actors_and_reciprocal_meetings() {
    check(
        "France and Britain met in Paris on Monday.",
        &[
            "2015-11-23  FRA -> GBR  CONSULT 040  @Paris  asserted",
            "2015-11-23  GBR -> FRA  CONSULT 040  @Paris  asserted",
        ],
    );
}

#[test]
fn negation_condition_and_claims() {
    check(
        "Russia did not meet with Turkey.",
        &["2015-11-24  RUS -> TUR  CONSULT 040  @-  negated"],
    );
    check(
        "If Russia agrees, France will meet with Russia.",
        &[
            "2015-11-24  RUS -> -  AGREE 030  @-  conditional",
            "2015-11-24  FRA -> RUS  CONSULT 040  @-  conditional",
        ],
    );
    check(
        "Turkey said Russian pilots shot down a Syrian helicopter.",
        &["2015-11-24  RUS MIL -> SYR MIL  ASSAULT 190  @-  reported_claim by Turkey"],
    );
}

#[test]
fn denial_points_back_to_the_claimant() {
    check(
        "Turkish pilots shot down a Russian warplane they said had entered Turkish airspace. Russia denied the charge.",
        &[
            "2015-11-24  TUR MIL -> RUS MIL  ASSAULT 190  @-  asserted",
            "2015-11-24  RUS -> TUR MIL  REJECT 016  @-  asserted",
        ],
    );
}

#[test]
fn relative_dates() {
    check(
        "Russia and Iran agreed 10 days ago.",
        &[
            "2015-11-14  RUS -> IRN  AGREE 030  @-  asserted",
            "2015-11-14  IRN -> RUS  AGREE 030  @-  asserted",
        ],
    );
    check(
        "On Thursday, Hollande flies to Moscow for talks with Putin.",
        &["2015-11-26  FRA GOV (François Hollande) -> RUS GOV (Vladimir Putin)  CONSULT 040  @Moscow  intended"],
    );
}

#[test]
fn capital_as_government_but_not_as_place() {
    check(
        "Moscow denied the report.",
        &["2015-11-24  RUS GOV -> -  REJECT 016  @-  asserted"],
    );
    check(
        "Obama met with Cameron in London.",
        &["2015-11-24  USA GOV (Barack Obama) -> GBR GOV (David Cameron)  CONSULT 040  @London  asserted"],
    );
}

#[test]
fn the_french_leader_is_the_french_president_named_before() {
    check(
        "French President Marc Olivier spoke on Monday. The French leader met with Russian officials.",
        &["2015-11-24  FRA GOV (Marc Olivier) -> RUS GOV  CONSULT 040  @-  asserted"],
    );
}

#[test]
fn a_visit_to_a_capital_is_hosted_by_its_government() {
    check(
        "Iranian President Reza Tabrizi paid a visit to Moscow on Monday.",
        &["2015-11-23  IRN GOV (Reza Tabrizi) -> RUS GOV  CONSULT/visit 042  @Moscow  asserted"],
    );
}

#[test]
fn a_title_may_name_its_country() {
    check(
        "External Affairs Minister Meera Nair met with Russian officials.",
        &["2015-11-24  IND GOV (Meera Nair) -> RUS GOV  CONSULT 040  @-  asserted"],
    );
}
