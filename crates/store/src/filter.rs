//! Event filters: one parser for the CLI's flags and the HTTP API's query parameters, and
//! their translation into SQL with bound parameters (never string-built values).

use rusqlite::types::Value;

use crate::error::{Error, Result};

/// PLOVER event types the contract names (the lexicon's list).
pub use dyad_core::knowledge::lexicon::PLOVER_EVENTS as EVENT_TYPES;

/// Modalities the contract names.
pub const MODALITIES: &[&str] = &[
    "asserted",
    "negated",
    "intended",
    "requested",
    "conditional",
    "hypothetical",
    "reported_claim",
];

/// The filter names [`EventFilter::set`] accepts, with what each means (for help texts and
/// the OpenAPI document).
pub const FILTERS: &[(&str, &str)] = &[
    ("from", "event date on or after this day (YYYY-MM-DD)"),
    ("to", "event date on or before this day (YYYY-MM-DD)"),
    (
        "actor",
        "actor code (TUR, IGO: 2-6 capitals or digits, exact) or words of its name or mention (e.g. Erdogan)",
    ),
    ("recipient", "recipient code or name, as for actor"),
    ("event", "PLOVER event type (ASSAULT, CONSULT, ...)"),
    (
        "cameo",
        "CAMEO code or root: a prefix of 2 to 4 digits (19 = all of root 19, 195, 1951)",
    ),
    (
        "modality",
        "asserted, negated, intended, requested, conditional, hypothetical or reported_claim",
    ),
    (
        "country",
        "ISO alpha-3 code: events placed in that country or with a party of it",
    ),
    ("near", "LAT,LON: events placed within `radius` km of this point"),
    ("radius", "kilometres around `near` (default 50)"),
    ("text", "words that must all occur in the event's sentence (full-text search)"),
    ("doc", "article id (doc_id)"),
];

/// A party filter: a code or words of a name.
#[derive(Clone, Debug, PartialEq)]
pub enum Party {
    /// Exact code.
    Code(String),
    /// Words in the canonical name or the mention, case-insensitive.
    Name(String),
}

/// Which events to read. Every field set narrows the result; the default matches all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// First day (inclusive), `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub to: Option<String>,
    /// The acting party.
    pub actor: Option<Party>,
    /// The party acted on.
    pub recipient: Option<Party>,
    /// PLOVER event type.
    pub event: Option<String>,
    /// CAMEO prefix.
    pub cameo: Option<String>,
    /// Modality.
    pub modality: Option<String>,
    /// Country code (place or party).
    pub country: Option<String>,
    /// Centre point (lat, lon).
    pub near: Option<(f64, f64)>,
    /// Radius in km around `near`.
    pub radius_km: Option<f64>,
    /// Full-text words.
    pub text: Option<String>,
    /// Article id.
    pub doc: Option<String>,
}

fn bad(field: &'static str, message: impl Into<String>) -> Error {
    Error::Filter {
        field,
        message: message.into(),
    }
}

fn date(field: &'static str, v: &str) -> Result<String> {
    dyad_core::Date::parse(v)
        .map(|d| d.to_string())
        .ok_or_else(|| bad(field, format!("`{v}` is not a date in YYYY-MM-DD form")))
}

fn party(v: &str) -> Party {
    let v = v.trim();
    let is_code = (2..=6).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if is_code {
        Party::Code(v.to_string())
    } else {
        Party::Name(v.to_string())
    }
}

impl EventFilter {
    /// Set one filter by name from its text form; an empty value leaves the filter unset.
    /// Unknown names and malformed values are errors that say what is wrong.
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        let v = value.trim();
        if v.is_empty() {
            return Ok(());
        }
        match name {
            "from" => self.from = Some(date("from", v)?),
            "to" => self.to = Some(date("to", v)?),
            "actor" => self.actor = Some(party(v)),
            "recipient" => self.recipient = Some(party(v)),
            "event" => {
                let up = v.to_ascii_uppercase();
                if !EVENT_TYPES.contains(&up.as_str()) {
                    return Err(bad(
                        "event",
                        format!("`{v}` is not a PLOVER event type ({})", EVENT_TYPES.join(", ")),
                    ));
                }
                self.event = Some(up);
            }
            "cameo" => {
                if !(2..=4).contains(&v.len()) || !v.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad("cameo", format!("`{v}` is not a CAMEO code or root (2 to 4 digits)")));
                }
                self.cameo = Some(v.to_string());
            }
            "modality" => {
                let low = v.to_ascii_lowercase();
                if !MODALITIES.contains(&low.as_str()) {
                    return Err(bad("modality", format!("`{v}` is not one of {}", MODALITIES.join(", "))));
                }
                self.modality = Some(low);
            }
            "country" => {
                if v.len() != 3 || !v.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(bad("country", format!("`{v}` is not a 3-letter country code")));
                }
                self.country = Some(v.to_ascii_uppercase());
            }
            "near" => {
                let parsed = v
                    .split_once(',')
                    .and_then(|(a, b)| Some((a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?)));
                match parsed {
                    Some((lat, lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {
                        self.near = Some((lat, lon))
                    }
                    _ => return Err(bad("near", format!("`{v}` is not LAT,LON (degrees)"))),
                }
            }
            "radius" => match v.parse::<f64>() {
                Ok(r) if r.is_finite() && r > 0.0 && r <= 20_100.0 => self.radius_km = Some(r),
                _ => {
                    return Err(bad(
                        "radius",
                        format!("`{v}` is not a distance in km (above 0, at most 20100)"),
                    ))
                }
            },
            "text" => {
                if words(v).is_empty() {
                    return Err(bad("text", format!("`{v}` has no words to search for")));
                }
                self.text = Some(v.to_string());
            }
            "doc" => self.doc = Some(v.to_string()),
            _ => {
                let known: Vec<&str> = FILTERS.iter().map(|f| f.0).collect();
                return Err(Error::Filter {
                    field: "filter",
                    message: format!("unknown filter `{name}` (known: {})", known.join(", ")),
                });
            }
        }
        if let (Some(f), Some(t)) = (&self.from, &self.to) {
            if f > t {
                return Err(bad("from", format!("{f} is after `to` {t}")));
            }
        }
        Ok(())
    }

    /// The WHERE clause (over `events e`, `places p`, `documents d`) and its parameters.
    pub(crate) fn to_sql(&self) -> Result<(String, Vec<Value>)> {
        let mut clauses: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        let mut push = |clause: &str, values: Vec<Value>| {
            clauses.push(clause.to_string());
            params.extend(values);
        };
        let text = |s: &str| Value::Text(s.to_string());
        if let Some(f) = &self.from {
            push("e.date >= ?", vec![text(f)]);
        }
        if let Some(t) = &self.to {
            push("e.date <= ?", vec![text(t)]);
        }
        for (role, p) in [("actor", &self.actor), ("recipient", &self.recipient)] {
            match p {
                Some(Party::Code(c)) => push(
                    // An `IN` over the (code, role) index: a correlated `EXISTS` here made
                    // SQLite scan every event and probe per row (seconds on a few thousand articles).
                    &format!("e.id IN (SELECT a.event_id FROM actors a WHERE a.code = ? AND a.role = '{role}')"),
                    vec![text(c)],
                ),
                Some(Party::Name(n)) => {
                    let like = format!("%{}%", n.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
                    push(
                        &format!(
                            "EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id AND a.role = '{role}' \
                             AND (a.identifier_text LIKE ? ESCAPE '\\' OR a.entity_text LIKE ? ESCAPE '\\'))"
                        ),
                        vec![text(&like), text(&like)],
                    )
                }
                None => {}
            }
        }
        if let Some(ev) = &self.event {
            push("instr(',' || e.event || ',', ',' || ? || ',') > 0", vec![text(ev)]);
        }
        if let Some(c) = &self.cameo {
            push("substr(e.cameo, 1, ?) = ?", vec![Value::Integer(c.len() as i64), text(c)]);
        }
        if let Some(m) = &self.modality {
            push("e.modality = ?", vec![text(m)]);
        }
        if let Some(c) = &self.country {
            push(
                "(p.country_code = ? OR EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id \
                 AND a.role IN ('actor', 'recipient') AND a.code = ?))",
                vec![text(c), text(c)],
            );
        }
        match (self.near, self.radius_km) {
            (Some((lat, lon)), r) => push(
                "p.lat IS NOT NULL AND dyad_distance_km(p.lat, p.lon, ?, ?) <= ?",
                vec![Value::Real(lat), Value::Real(lon), Value::Real(r.unwrap_or(50.0))],
            ),
            (None, Some(_)) => return Err(bad("radius", "needs `near` (LAT,LON)")),
            (None, None) => {}
        }
        if let Some(t) = &self.text {
            let q: Vec<String> = words(t).iter().map(|w| format!("\"{w}\"")).collect();
            push(
                "e.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)",
                vec![Value::Text(q.join(" "))],
            );
        }
        if let Some(d) = &self.doc {
            push("d.doc_id = ?", vec![text(d)]);
        }
        let sql = if clauses.is_empty() {
            "1".to_string()
        } else {
            clauses.join(" AND ")
        };
        Ok((sql, params))
    }
}

/// The words of a full-text query: letters and digits only, so the FTS5 syntax never sees
/// operators from the user.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub(crate) fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(pairs: &[(&str, &str)], expect: std::result::Result<(), &str>) {
        let mut f = EventFilter::default();
        let got = pairs
            .iter()
            .try_for_each(|(k, v)| f.set(k, v))
            .and_then(|()| f.to_sql().map(|_| ()));
        match (got, expect) {
            (Ok(()), Ok(())) => {}
            (Err(e), Err(want)) => assert!(e.to_string().contains(want), "{e} lacks {want}"),
            (got, want) => panic!("{pairs:?}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn values_are_checked() {
        check(&[("from", "2031-03-01"), ("to", "2031-03-31")], Ok(()));
        check(&[("from", "2031-02-30")], Err("not a date"));
        check(&[("from", "2031-04-01"), ("to", "2031-03-01")], Err("after"));
        check(&[("event", "assault")], Ok(()));
        check(&[("event", "BOMB")], Err("not a PLOVER event type"));
        check(&[("cameo", "19")], Ok(()));
        check(&[("cameo", "1a")], Err("CAMEO"));
        check(&[("modality", "Negated")], Ok(()));
        check(&[("modality", "maybe")], Err("not one of"));
        check(&[("country", "tur")], Ok(()));
        check(&[("country", "TURK")], Err("3-letter"));
        check(&[("near", "36.2,37.1"), ("radius", "20")], Ok(()));
        check(&[("near", "136.2,37.1")], Err("LAT,LON"));
        check(&[("radius", "20")], Err("needs `near`"));
        check(&[("radius", "-3")], Err("distance"));
        check(&[("text", "\"*)")], Err("no words"));
        check(&[("colour", "red")], Err("unknown filter `colour`"));
        check(&[("actor", "")], Ok(()));
    }

    #[test]
    fn codes_and_names() {
        assert_eq!(party("TUR"), Party::Code("TUR".into()));
        assert_eq!(party("Tur"), Party::Name("Tur".into()));
        assert_eq!(party("Erdogan"), Party::Name("Erdogan".into()));
    }

    #[test]
    fn distances() {
        // Paris to London is about 344 km.
        let d = distance_km(48.8566, 2.3522, 51.5074, -0.1278);
        assert!((d - 344.0).abs() < 3.0, "{d}");
        assert!(distance_km(10.0, 10.0, 10.0, 10.0) < 1e-9);
    }
}
