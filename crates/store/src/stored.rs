//! The store's own on-disk form of an event record (JSON in `events.record`), separate from
//! the domain type and the wire DTOs. It keeps every field of [`EventRecord`], byte spans
//! included, so a record read back is the record that was coded.

use dyad_core::record::{Entity, EventRecord, EvidenceItem, Location};
use dyad_core::{Date, Modality, Span};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub(crate) struct StoredEntity {
    code: String,
    sector: Option<String>,
    entity_text: String,
    identifier_text: Option<String>,
    office: Option<String>,
    start: usize,
    end: usize,
    span: (u32, u32),
}

#[derive(Serialize, Deserialize)]
pub(crate) struct StoredLocation {
    extracted_place: String,
    resolved_place: Option<String>,
    geonameid: Option<u32>,
    lat: Option<f64>,
    lon: Option<f64>,
    province: Option<String>,
    country: Option<String>,
    country_code: Option<String>,
    feature_class: Option<String>,
    feature_code: Option<String>,
    resolution: Option<u8>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct StoredEvidence {
    field: String,
    text: String,
    start: Option<usize>,
    end: Option<usize>,
    span: Option<(u32, u32)>,
    rule: String,
}

/// Version 1 of the stored record.
#[derive(Serialize, Deserialize)]
pub(crate) struct StoredRecord {
    id: String,
    doc_id: String,
    date: Option<String>,
    date_text: Option<String>,
    report_date: Option<String>,
    actor: Vec<StoredEntity>,
    recipient: Vec<StoredEntity>,
    event: Vec<String>,
    mode: Vec<String>,
    context: Vec<String>,
    cameo: String,
    event_text: Vec<String>,
    event_loc: Option<StoredLocation>,
    text: String,
    sequence: usize,
    start: usize,
    end: usize,
    modality: String,
    attribution: Option<StoredEntity>,
    rule: String,
    rule_source: String,
    evidence: Vec<StoredEvidence>,
    trigger_span: (u32, u32),
    sentence_span: (u32, u32),
}

fn span_out(s: Span) -> (u32, u32) {
    (s.start, s.end)
}

fn span_in((start, end): (u32, u32)) -> Span {
    Span { start, end }
}

fn entity_out(e: &Entity) -> StoredEntity {
    StoredEntity {
        code: e.code.clone(),
        sector: e.sector.clone(),
        entity_text: e.entity_text.clone(),
        identifier_text: e.identifier_text.clone(),
        office: e.office.clone(),
        start: e.start,
        end: e.end,
        span: span_out(e.span),
    }
}

fn entity_in(e: StoredEntity) -> Entity {
    Entity {
        code: e.code,
        sector: e.sector,
        entity_text: e.entity_text,
        identifier_text: e.identifier_text,
        office: e.office,
        start: e.start,
        end: e.end,
        span: span_in(e.span),
    }
}

/// The contract's modality spelling back to the enum (unknown spellings read as asserted).
pub(crate) fn modality_in(s: &str) -> Option<Modality> {
    Some(match s {
        "asserted" => Modality::Asserted,
        "negated" => Modality::Negated,
        "intended" => Modality::Intended,
        "requested" => Modality::Requested,
        "conditional" => Modality::Conditional,
        "hypothetical" => Modality::Hypothetical,
        "reported_claim" => Modality::ReportedClaim,
        _ => return None,
    })
}

impl StoredRecord {
    pub(crate) fn from_record(r: &EventRecord) -> StoredRecord {
        StoredRecord {
            id: r.id.clone(),
            doc_id: r.doc_id.clone(),
            date: r.date.map(|d| d.to_string()),
            date_text: r.date_text.clone(),
            report_date: r.report_date.map(|d| d.to_string()),
            actor: r.actor.iter().map(entity_out).collect(),
            recipient: r.recipient.iter().map(entity_out).collect(),
            event: r.event.clone(),
            mode: r.mode.clone(),
            context: r.context.clone(),
            cameo: r.cameo.clone(),
            event_text: r.event_text.clone(),
            event_loc: r.event_loc.as_ref().map(|l| StoredLocation {
                extracted_place: l.extracted_place.clone(),
                resolved_place: l.resolved_place.clone(),
                geonameid: l.geonameid,
                lat: l.lat,
                lon: l.lon,
                province: l.province.clone(),
                country: l.country.clone(),
                country_code: l.country_code.clone(),
                feature_class: l.feature_class.clone(),
                feature_code: l.feature_code.clone(),
                resolution: l.resolution,
            }),
            text: r.text.clone(),
            sequence: r.sequence,
            start: r.start,
            end: r.end,
            modality: r.modality.as_str().to_string(),
            attribution: r.attribution.as_ref().map(entity_out),
            rule: r.rule.clone(),
            rule_source: r.rule_source.clone(),
            evidence: r
                .evidence
                .iter()
                .map(|e| StoredEvidence {
                    field: e.field.clone(),
                    text: e.text.clone(),
                    start: e.start,
                    end: e.end,
                    span: e.span.map(span_out),
                    rule: e.rule.clone(),
                })
                .collect(),
            trigger_span: span_out(r.trigger_span),
            sentence_span: span_out(r.sentence_span),
        }
    }

    pub(crate) fn into_record(self) -> EventRecord {
        EventRecord {
            id: self.id,
            doc_id: self.doc_id,
            date: self.date.as_deref().and_then(Date::parse),
            date_text: self.date_text,
            report_date: self.report_date.as_deref().and_then(Date::parse),
            actor: self.actor.into_iter().map(entity_in).collect(),
            recipient: self.recipient.into_iter().map(entity_in).collect(),
            event: self.event,
            mode: self.mode,
            context: self.context,
            cameo: self.cameo,
            event_text: self.event_text,
            event_loc: self.event_loc.map(|l| Location {
                extracted_place: l.extracted_place,
                resolved_place: l.resolved_place,
                geonameid: l.geonameid,
                lat: l.lat,
                lon: l.lon,
                province: l.province,
                country: l.country,
                country_code: l.country_code,
                feature_class: l.feature_class,
                feature_code: l.feature_code,
                resolution: l.resolution,
            }),
            text: self.text,
            sequence: self.sequence,
            start: self.start,
            end: self.end,
            modality: modality_in(&self.modality).unwrap_or(Modality::Asserted),
            attribution: self.attribution.map(entity_in),
            rule: self.rule,
            rule_source: self.rule_source,
            evidence: self
                .evidence
                .into_iter()
                .map(|e| EvidenceItem {
                    field: e.field,
                    text: e.text,
                    start: e.start,
                    end: e.end,
                    span: e.span.map(span_in),
                    rule: e.rule,
                })
                .collect(),
            trigger_span: span_in(self.trigger_span),
            sentence_span: span_in(self.sentence_span),
        }
    }
}
