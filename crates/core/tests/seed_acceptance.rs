//! The coder's acceptance examples on the real report in `../shared/seeds/` (read from there,
//! never copied): coded with report date 2015-11-24, the output must include these events.

mod common;

use dyad_core::record::EventRecord;
use dyad_core::{Article, Date, Pipeline};

fn seed_records() -> Option<Vec<EventRecord>> {
    let dir = common::shared_dir()?.join("seeds");
    let files = common::txt_files(&dir);
    let text = std::fs::read_to_string(&files[0]).expect("seed text");
    let p = Pipeline::new(common::knowledge());
    Some(p.run(Article::new("seed", Date::parse("2015-11-24"), text)).records)
}

fn code(list: &[dyad_core::record::Entity]) -> Vec<&str> {
    list.iter().map(|e| e.code.as_str()).collect()
}

#[track_caller]
fn find<'a>(records: &'a [EventRecord], what: &str, pred: impl Fn(&EventRecord) -> bool) -> &'a EventRecord {
    records.iter().find(|r| pred(r)).unwrap_or_else(|| {
        panic!(
            "missing: {what}\nhelp: coded were:\n{}",
            records
                .iter()
                .map(dyad_core::render::table_line)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn seed_report_acceptance_examples() {
    let Some(records) = seed_records() else {
        return;
    };
    let date = |r: &EventRecord| r.date.map(|d| d.to_string()).unwrap_or_default();

    let strike = find(&records, "French air strikes on the Islamic State in Raqqa", |r| {
        r.cameo == "195" && code(&r.actor) == ["FRA"] && code(&r.recipient) == ["IMG"]
    });
    assert_eq!(strike.actor[0].sector.as_deref(), Some("MIL"));
    assert_eq!(strike.recipient[0].identifier_text.as_deref(), Some("Islamic State"));
    assert_eq!(
        (strike.event.as_slice(), strike.mode.as_slice()),
        (&["ASSAULT".to_string()][..], &["aerial".to_string()][..])
    );
    assert_eq!(date(strike), "2015-11-23");
    assert_eq!(strike.date_text.as_deref(), Some("on Nov 23"));
    let loc = strike.event_loc.as_ref().expect("a place");
    assert_eq!(loc.extracted_place, "Raqqa");
    assert_eq!(loc.geonameid, Some(172955));
    assert!((loc.lat.expect("lat") - 35.95).abs() < 0.05 && (loc.lon.expect("lon") - 39.01).abs() < 0.05);
    assert_eq!(strike.event_text, ["carried out airstrikes"]);
    assert_eq!(strike.modality.as_str(), "asserted");

    let shoot = find(&records, "Turkey shooting down a Russian warplane", |r| {
        r.event == ["ASSAULT"] && code(&r.actor) == ["TUR"] && code(&r.recipient) == ["RUS"]
    });
    assert_eq!(date(shoot), "2015-11-24");
    assert!(shoot.event_text[0].contains("shot down"));

    let meeting = find(&records, "Cameron meeting Hollande in Paris", |r| {
        r.event == ["CONSULT"] && code(&r.actor) == ["GBR"] && code(&r.recipient) == ["FRA"]
    });
    assert_eq!(date(meeting), "2015-11-23");
    assert_eq!(meeting.event_loc.as_ref().map(|l| l.extracted_place.as_str()), Some("Paris"));
    assert_eq!(
        meeting.event_loc.as_ref().and_then(|l| l.country_code.as_deref()),
        Some("FRA")
    );
    assert_eq!(meeting.actor[0].identifier_text.as_deref(), Some("David Cameron"));

    let denial = find(&records, "Russia denying the charge", |r| {
        r.event == ["REJECT"] && code(&r.actor) == ["RUS"]
    });
    assert_eq!(date(denial), "2015-11-24");
    assert_eq!(code(&denial.recipient), ["TUR"]);

    let talks = find(&records, "Hollande's talks with Putin in Moscow on Thursday", |r| {
        r.event == ["CONSULT"] && code(&r.actor) == ["FRA"] && code(&r.recipient) == ["RUS"]
    });
    assert_eq!(date(talks), "2015-11-26");
    assert_eq!(talks.modality.as_str(), "intended");
    assert_eq!(talks.recipient[0].identifier_text.as_deref(), Some("Vladimir Putin"));
    assert_eq!(talks.event_loc.as_ref().map(|l| l.extracted_place.as_str()), Some("Moscow"));

    // Never a place from an actor's nationality; every record shows its evidence.
    for r in &records {
        assert!(
            r.evidence.iter().any(|e| e.field == "event" && !e.text.is_empty()),
            "no trigger evidence: {}",
            dyad_core::render::table_line(r)
        );
    }
}
