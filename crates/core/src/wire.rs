//! The JSON Lines wire format: one PLOVER event record per line, as the output contract
//! (`docs/event-record.md`) names the fields. These DTOs are separate from the domain types.
//!
//! ```text
//! {"id":"…","doc_id":"…","date":"2015-11-23","date_text":"on Nov 23","report_date":"2015-11-24",
//!  "actor":[{"code":"FRA","sector":"MIL","entity_text":"French warplanes",…,"start":10,"end":26}],
//!  "recipient":[…],"event":["ASSAULT"],"mode":["aerial"],"context":[],"cameo":"195",
//!  "event_text":["carried out airstrikes"],"event_loc":{…},"text":"…","text_info":{"sequence":4,"start":0,"end":96},
//!  "modality":"asserted","attribution":null,"coder":"dyad 0.1.0","rule":"verb:carry_out_*_airstrike"}
//! ```
//! With `explain`, an `evidence` list (ext) names, per field, the words and the rule.

use serde::Serialize;

use crate::record::{Entity, EventRecord, Location};

/// Entity object.
#[derive(Serialize, Debug)]
pub struct EntityJson<'a> {
    /// Code.
    pub code: &'a str,
    /// Sector.
    pub sector: Option<&'a str>,
    /// Words.
    pub entity_text: &'a str,
    /// Canonical name.
    pub identifier_text: Option<&'a str>,
    /// Office.
    pub office: Option<&'a str>,
    /// Start (chars).
    pub start: usize,
    /// End (chars).
    pub end: usize,
}

/// Location object.
#[derive(Serialize, Debug)]
pub struct LocationJson<'a> {
    /// Words.
    pub extracted_place: &'a str,
    /// Gazetteer name.
    pub resolved_place: Option<&'a str>,
    /// GeoNames id.
    pub geonameid: Option<u32>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Province.
    pub province: Option<&'a str>,
    /// Country name.
    pub country: Option<&'a str>,
    /// ISO alpha-3.
    pub country_code: Option<&'a str>,
    /// Feature class.
    pub feature_class: Option<&'a str>,
    /// Feature code.
    pub feature_code: Option<&'a str>,
    /// Resolution.
    pub resolution: Option<u8>,
}

/// `text_info`.
#[derive(Serialize, Debug)]
pub struct TextInfo {
    /// Sentence number.
    pub sequence: usize,
    /// Start (chars).
    pub start: usize,
    /// End (chars).
    pub end: usize,
}

/// Evidence item (ext).
#[derive(Serialize, Debug)]
pub struct EvidenceJson<'a> {
    /// Field.
    pub field: &'a str,
    /// Words.
    pub text: &'a str,
    /// Start (chars).
    pub start: Option<usize>,
    /// End (chars).
    pub end: Option<usize>,
    /// Rule.
    pub rule: &'a str,
}

/// One event record on the wire.
#[derive(Serialize, Debug)]
pub struct EventJson<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Article id.
    pub doc_id: &'a str,
    /// Event date.
    pub date: Option<String>,
    /// Date words.
    pub date_text: Option<&'a str>,
    /// Report date.
    pub report_date: Option<String>,
    /// Actors.
    pub actor: Vec<EntityJson<'a>>,
    /// Recipients.
    pub recipient: Vec<EntityJson<'a>>,
    /// PLOVER types.
    pub event: &'a [String],
    /// Modes.
    pub mode: &'a [String],
    /// Contexts.
    pub context: &'a [String],
    /// CAMEO.
    pub cameo: &'a str,
    /// Trigger words.
    pub event_text: &'a [String],
    /// Place.
    pub event_loc: Option<LocationJson<'a>>,
    /// Sentence.
    pub text: &'a str,
    /// Sentence position.
    pub text_info: TextInfo,
    /// Modality.
    pub modality: &'static str,
    /// Attribution.
    pub attribution: Option<EntityJson<'a>>,
    /// Coder name and version.
    pub coder: &'static str,
    /// Rule id.
    pub rule: &'a str,
    /// Evidence (only with explain).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<EvidenceJson<'a>>>,
}

fn entity(e: &Entity) -> EntityJson<'_> {
    EntityJson {
        code: &e.code,
        sector: e.sector.as_deref(),
        entity_text: &e.entity_text,
        identifier_text: e.identifier_text.as_deref(),
        office: e.office.as_deref(),
        start: e.start,
        end: e.end,
    }
}

fn location(l: &Location) -> LocationJson<'_> {
    LocationJson {
        extracted_place: &l.extracted_place,
        resolved_place: l.resolved_place.as_deref(),
        geonameid: l.geonameid,
        lat: l.lat,
        lon: l.lon,
        province: l.province.as_deref(),
        country: l.country.as_deref(),
        country_code: l.country_code.as_deref(),
        feature_class: l.feature_class.as_deref(),
        feature_code: l.feature_code.as_deref(),
        resolution: l.resolution,
    }
}

impl<'a> EventJson<'a> {
    /// The wire form of a record.
    pub fn from_record(r: &'a EventRecord, explain: bool) -> EventJson<'a> {
        EventJson {
            id: &r.id,
            doc_id: &r.doc_id,
            date: r.date.map(|d| d.to_string()),
            date_text: r.date_text.as_deref(),
            report_date: r.report_date.map(|d| d.to_string()),
            actor: r.actor.iter().map(entity).collect(),
            recipient: r.recipient.iter().map(entity).collect(),
            event: &r.event,
            mode: &r.mode,
            context: &r.context,
            cameo: &r.cameo,
            event_text: &r.event_text,
            event_loc: r.event_loc.as_ref().map(location),
            text: &r.text,
            text_info: TextInfo {
                sequence: r.sequence,
                start: r.start,
                end: r.end,
            },
            modality: r.modality.as_str(),
            attribution: r.attribution.as_ref().map(entity),
            coder: crate::CODER,
            rule: &r.rule,
            evidence: explain.then(|| {
                r.evidence
                    .iter()
                    .map(|e| EvidenceJson {
                        field: &e.field,
                        text: &e.text,
                        start: e.start,
                        end: e.end,
                        rule: &e.rule,
                    })
                    .collect()
            }),
        }
    }
}

/// One JSON line for a record.
pub fn to_json_line(r: &EventRecord, explain: bool) -> String {
    serde_json::to_string(&EventJson::from_record(r, explain)).expect("records serialize")
}

/// The CSV header, the contract's fields flattened.
pub const CSV_HEADER: &[&str] = &[
    "id",
    "doc_id",
    "date",
    "date_text",
    "report_date",
    "actor_code",
    "actor_sector",
    "actor_text",
    "actor_name",
    "actor_office",
    "recipient_code",
    "recipient_sector",
    "recipient_text",
    "recipient_name",
    "recipient_office",
    "event",
    "mode",
    "context",
    "cameo",
    "event_text",
    "place",
    "resolved_place",
    "geonameid",
    "lat",
    "lon",
    "country_code",
    "resolution",
    "text",
    "sequence",
    "start",
    "end",
    "modality",
    "attribution_code",
    "attribution_text",
    "coder",
    "rule",
];

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV row (no newline) for a record.
pub fn to_csv_row(r: &EventRecord) -> String {
    let a = r.actor.first();
    let t = r.recipient.first();
    let l = r.event_loc.as_ref();
    let opt = |o: Option<&str>| o.unwrap_or("").to_string();
    let fields: Vec<String> = vec![
        r.id.clone(),
        r.doc_id.clone(),
        r.date.map(|d| d.to_string()).unwrap_or_default(),
        opt(r.date_text.as_deref()),
        r.report_date.map(|d| d.to_string()).unwrap_or_default(),
        opt(a.map(|e| e.code.as_str())),
        opt(a.and_then(|e| e.sector.as_deref())),
        opt(a.map(|e| e.entity_text.as_str())),
        opt(a.and_then(|e| e.identifier_text.as_deref())),
        opt(a.and_then(|e| e.office.as_deref())),
        opt(t.map(|e| e.code.as_str())),
        opt(t.and_then(|e| e.sector.as_deref())),
        opt(t.map(|e| e.entity_text.as_str())),
        opt(t.and_then(|e| e.identifier_text.as_deref())),
        opt(t.and_then(|e| e.office.as_deref())),
        r.event.join(";"),
        r.mode.join(";"),
        r.context.join(";"),
        r.cameo.clone(),
        r.event_text.join(";"),
        opt(l.map(|l| l.extracted_place.as_str())),
        opt(l.and_then(|l| l.resolved_place.as_deref())),
        l.and_then(|l| l.geonameid).map(|g| g.to_string()).unwrap_or_default(),
        l.and_then(|l| l.lat).map(|g| g.to_string()).unwrap_or_default(),
        l.and_then(|l| l.lon).map(|g| g.to_string()).unwrap_or_default(),
        opt(l.and_then(|l| l.country_code.as_deref())),
        l.and_then(|l| l.resolution).map(|g| g.to_string()).unwrap_or_default(),
        r.text.clone(),
        r.sequence.to_string(),
        r.start.to_string(),
        r.end.to_string(),
        r.modality.as_str().to_string(),
        opt(r.attribution.as_ref().map(|e| e.code.as_str())),
        opt(r.attribution.as_ref().map(|e| e.entity_text.as_str())),
        crate::CODER.to_string(),
        r.rule.clone(),
    ];
    fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",")
}
