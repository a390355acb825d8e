//! The store with real coded articles: round trip, idempotence, replacement, filters,
//! counts and schema version.

use std::sync::LazyLock;

use dyad_core::input::read_text;
use dyad_core::record::EventRecord;
use dyad_core::wire::to_json_line;
use dyad_core::{Article, Knowledge, Pipeline};
use dyad_store::{Bucket, EventFilter, Outcome, Store, SCHEMA_VERSION};

static KNOWLEDGE: LazyLock<Knowledge> = LazyLock::new(|| Knowledge::builtin().expect("knowledge"));

fn examples() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("read example");
            read_text(&p.file_stem().unwrap().to_string_lossy(), &text, None).0
        })
        .collect()
}

fn code(a: &Article) -> (usize, Vec<EventRecord>) {
    let coded = Pipeline::new(&KNOWLEDGE).run(a.clone());
    (coded.sentences, coded.records)
}

fn filled() -> (Store, Vec<EventRecord>) {
    let mut store = Store::in_memory().expect("store");
    let mut all = Vec::new();
    for a in examples() {
        let (n, records) = code(&a);
        assert_eq!(store.put_article(&a, n, &records).expect("put"), Outcome::Inserted);
        all.extend(records);
    }
    (store, all)
}

fn filter(pairs: &[(&str, &str)]) -> EventFilter {
    let mut f = EventFilter::default();
    for (k, v) in pairs {
        f.set(k, v).expect("valid filter");
    }
    f
}

fn ids(records: &[EventRecord]) -> Vec<String> {
    let mut v: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
    v.sort();
    v
}

#[test]
fn records_come_back_as_coded() {
    let (store, all) = filled();
    assert!(all.len() > 40, "examples give events: {}", all.len());
    let back = store.events(&EventFilter::default(), 100_000, 0).expect("read");
    assert_eq!(back.len(), all.len());
    let mut want: Vec<String> = all.iter().map(|r| to_json_line(r, true)).collect();
    let mut got: Vec<String> = back.iter().map(|r| to_json_line(r, true)).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want, "stored records serialize exactly as coded, evidence included");
    assert_eq!(store.count(&EventFilter::default()).unwrap(), all.len() as u64);
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 4);
    assert_eq!(stats.events, all.len() as u64);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn same_article_twice_changes_nothing_and_changed_text_replaces() {
    let (mut store, all) = filled();
    let a = &examples()[0];
    let (n, records) = code(a);
    assert!(store.is_current(&a.id, &dyad_store::content_hash(a)).unwrap());
    assert_eq!(store.put_article(a, n, &records).unwrap(), Outcome::Unchanged);
    assert_eq!(store.count(&EventFilter::default()).unwrap(), all.len() as u64);

    // The same id with other text: its old events go, the new ones come.
    let mut changed = a.clone();
    changed.text = "Turkish pilots shot down a Russian warplane on Tuesday. Russia denied the charge.".into();
    assert!(!store.is_current(&changed.id, &dyad_store::content_hash(&changed)).unwrap());
    let (n2, new_records) = code(&changed);
    assert_eq!(store.put_article(&changed, n2, &new_records).unwrap(), Outcome::Replaced);
    let doc = filter(&[("doc", &a.id)]);
    let now = store.events(&doc, 1000, 0).unwrap();
    assert_eq!(ids(&now), ids(&new_records));
    let others = all.iter().filter(|r| r.doc_id != a.id).count();
    assert_eq!(
        store.count(&EventFilter::default()).unwrap(),
        (others + new_records.len()) as u64
    );
    assert_eq!(store.stats().unwrap().documents, 4);
}

/// Each filter gives exactly the records the same test computed over the coded records.
#[test]
fn filters_match_a_scan_of_the_records() {
    let (store, all) = filled();
    let scan = |pred: &dyn Fn(&EventRecord) -> bool| -> Vec<String> {
        let v: Vec<EventRecord> = all.iter().filter(|r| pred(r)).cloned().collect();
        ids(&v)
    };
    let query = |pairs: &[(&str, &str)]| ids(&store.events(&filter(pairs), 100_000, 0).unwrap());
    type Pred = Box<dyn Fn(&EventRecord) -> bool>;
    let cases: Vec<(Vec<(&str, &str)>, Pred)> = vec![
        (
            vec![("event", "ASSAULT")],
            Box::new(|r| r.event.iter().any(|e| e == "ASSAULT")),
        ),
        (vec![("cameo", "19")], Box::new(|r| r.cameo.starts_with("19"))),
        (
            vec![("modality", "intended")],
            Box::new(|r| r.modality.as_str() == "intended"),
        ),
        (vec![("actor", "PAK")], Box::new(|r| r.actor.iter().any(|a| a.code == "PAK"))),
        (
            vec![("recipient", "IND")],
            Box::new(|r| r.recipient.iter().any(|a| a.code == "IND")),
        ),
        (
            vec![("from", "2031-03-02"), ("to", "2031-03-03")],
            Box::new(|r| {
                r.date
                    .is_some_and(|d| d.to_string().as_str() >= "2031-03-02" && d.to_string().as_str() <= "2031-03-03")
            }),
        ),
        (
            vec![("country", "SDN")],
            Box::new(|r| {
                r.event_loc.as_ref().and_then(|l| l.country_code.as_deref()) == Some("SDN")
                    || r.actor.iter().chain(&r.recipient).any(|a| a.code == "SDN")
            }),
        ),
        (
            vec![("text", "ceasefire")],
            Box::new(|r| r.text.to_lowercase().contains("ceasefire")),
        ),
    ];
    for (pairs, pred) in cases {
        let want = scan(pred.as_ref());
        assert!(!want.is_empty(), "{pairs:?} selects something in the examples");
        assert_eq!(query(&pairs), want, "{pairs:?}");
    }
    // Names: words of the mention, case-insensitive.
    let some = all.iter().find(|r| !r.actor.is_empty()).unwrap();
    let word = some.actor[0].entity_text.split_whitespace().last().unwrap().to_lowercase();
    let want = scan(&|r: &EventRecord| {
        r.actor.iter().any(|a| {
            a.entity_text.to_lowercase().contains(&word)
                || a.identifier_text.as_deref().is_some_and(|n| n.to_lowercase().contains(&word))
        })
    });
    assert_eq!(query(&[("actor", &word)]), want, "actor name {word}");
    // Radius: around the first placed event, 1 km catches it; the far side of the Earth does not.
    let placed = all
        .iter()
        .find(|r| r.event_loc.as_ref().is_some_and(|l| l.lat.is_some()))
        .unwrap();
    let l = placed.event_loc.as_ref().unwrap();
    let (lat, lon) = (l.lat.unwrap(), l.lon.unwrap());
    let near = format!("{lat},{lon}");
    assert!(query(&[("near", &near), ("radius", "1")]).contains(&placed.id));
    let far = format!("{},{}", -lat, if lon > 0.0 { lon - 180.0 } else { lon + 180.0 });
    assert!(query(&[("near", &far), ("radius", "1000")]).is_empty());
}

#[test]
fn paging_and_counts() {
    let (store, all) = filled();
    let f = EventFilter::default();
    let first = store.events(&f, 10, 0).unwrap();
    let second = store.events(&f, 10, 10).unwrap();
    assert_eq!(first.len(), 10);
    assert_eq!(second.len(), 10);
    assert!(first.iter().all(|a| second.iter().all(|b| a.id != b.id)));
    let everything = store.events(&f, 1_000_000, 0).unwrap();
    assert_eq!(
        &everything[10..20].iter().map(|r| &r.id).collect::<Vec<_>>(),
        &second.iter().map(|r| &r.id).collect::<Vec<_>>()
    );
    let total: u64 = store.timeline(&f, Bucket::Month).unwrap().iter().map(|t| t.count).sum();
    assert_eq!(total, all.len() as u64);
    let dyads = store.dyads(&f, Bucket::Day).unwrap();
    let with_actor = all
        .iter()
        .filter(|r| r.actor.first().is_some_and(|a| !a.code.is_empty()))
        .count();
    assert_eq!(dyads.iter().map(|d| d.count).sum::<u64>(), with_actor as u64);
    let actors = store.actors(&f, 100).unwrap();
    let top = &actors[0];
    let as_actor = all.iter().flat_map(|r| &r.actor).filter(|a| a.code == top.code).count();
    assert_eq!(top.as_actor, as_actor as u64);
    let detail = store.event(&all[0].id).unwrap().expect("found");
    assert_eq!(detail.record.id, all[0].id);
    assert_eq!(detail.document.doc_id, all[0].doc_id);
    assert!(store.event("no-such-event").unwrap().is_none());
}

#[test]
fn schema_is_migrated_once_and_read_only_refuses_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    {
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    drop(s);
    assert!(Store::open_read_only(&path).is_ok());
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let err = Store::open_read_only(&empty).err().expect("refused");
    assert!(err.to_string().contains("schema version 0"), "{err}");
    assert!(Store::open_read_only(&dir.path().join("missing.db")).is_err());
}
