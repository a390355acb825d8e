//! The JSON endpoints. Events go out in the wire format of `dyad code` (`dyad_core::wire`).

use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use dyad_core::wire::EventJson;
use dyad_core::{Article, Date};
use dyad_store::{Bucket, EventFilter, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::AppState;

type Params = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Most events one page may hold.
pub(crate) const MAX_LIMIT: u64 = 1000;

/// Query parameters that are not filters.
#[derive(Default)]
struct Extra {
    limit: Option<u64>,
    offset: Option<u64>,
    explain: bool,
    bucket: Option<Bucket>,
}

/// Split the query string into the filter and the other parameters `allowed` for this
/// endpoint; anything else, or a malformed value, is a 400.
fn parse(params: Params, allowed: &[&str]) -> Result<(EventFilter, Extra), ApiError> {
    let Query(pairs) = params?;
    let mut filter = EventFilter::default();
    let mut extra = Extra::default();
    for (k, v) in &pairs {
        let num = |name: &str, max: u64| -> Result<u64, ApiError> {
            match v.trim().parse::<u64>() {
                Ok(n) if n <= max => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "`{name}` must be a whole number from 0 to {max}, not `{v}`"
                ))),
            }
        };
        match k.as_str() {
            "limit" if allowed.contains(&"limit") => {
                let n = num("limit", MAX_LIMIT)?;
                if n == 0 {
                    return Err(ApiError::bad_request("`limit` must be at least 1"));
                }
                extra.limit = Some(n);
            }
            "offset" if allowed.contains(&"offset") => extra.offset = Some(num("offset", 1_000_000_000)?),
            "explain" if allowed.contains(&"explain") => {
                extra.explain = match v.as_str() {
                    "true" | "1" | "" => true,
                    "false" | "0" => false,
                    _ => return Err(ApiError::bad_request(format!("`explain` must be true or false, not `{v}`"))),
                }
            }
            "bucket" if allowed.contains(&"bucket") => {
                extra.bucket = Some(match v.as_str() {
                    "day" => Bucket::Day,
                    "month" => Bucket::Month,
                    "year" => Bucket::Year,
                    _ => {
                        return Err(ApiError::bad_request(format!(
                            "`bucket` must be day, month or year, not `{v}`"
                        )))
                    }
                })
            }
            _ => filter.set(k, v)?,
        }
    }
    Ok((filter, extra))
}

/// A page of events; a struct (not a JSON map) so each record keeps the wire format's field order.
#[derive(Serialize)]
struct EventsPage<'a> {
    total: u64,
    limit: u64,
    offset: u64,
    events: Vec<EventJson<'a>>,
}

#[derive(Serialize)]
struct EventOne<'a> {
    event: EventJson<'a>,
    document: Value,
}

#[derive(Serialize)]
struct CodedOut<'a> {
    sentences: usize,
    events: Vec<EventJson<'a>>,
    diagnostics: Vec<Value>,
}

fn to_value<T: Serialize>(v: &T) -> Result<Json<Box<RawValue>>, ApiError> {
    let text = serde_json::to_string(v).map_err(|e| ApiError::internal(format!("serializing: {e}")))?;
    RawValue::from_string(text)
        .map(Json)
        .map_err(|e| ApiError::internal(format!("serializing: {e}")))
}

fn bucket_name(b: Bucket) -> &'static str {
    match b {
        Bucket::Day => "day",
        Bucket::Month => "month",
        Bucket::Year => "year",
    }
}

/// `GET /api/stats`.
pub(crate) async fn stats(State(st): State<Arc<AppState>>) -> Result<Json<Value>, ApiError> {
    let allow = st.allow_ingest;
    st.read(move |s| {
        let t = s.stats()?;
        Ok(Json(json!({
            "documents": t.documents,
            "sentences": t.sentences,
            "events": t.events,
            "schema_version": s.schema_version()?,
            "coder": dyad_core::CODER,
            "read_only": !allow,
        })))
    })
    .await
}

/// `GET /api/events`: filtered, paged.
pub(crate) async fn events(State(st): State<Arc<AppState>>, params: Params) -> Result<Json<Box<RawValue>>, ApiError> {
    let (filter, extra) = parse(params, &["limit", "offset", "explain"])?;
    let limit = extra.limit.unwrap_or(50);
    let offset = extra.offset.unwrap_or(0);
    st.read(move |s| {
        let total = s.count(&filter)?;
        let records = s.events(&filter, limit, offset)?;
        to_value(&EventsPage {
            total,
            limit,
            offset,
            events: records.iter().map(|r| EventJson::from_record(r, extra.explain)).collect(),
        })
    })
    .await
}

/// `GET /api/events/{id}`: one event with its evidence and its article's metadata.
pub(crate) async fn event(State(st): State<Arc<AppState>>, Path(id): Path<String>) -> Result<Json<Box<RawValue>>, ApiError> {
    if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(ApiError::bad_request(format!("`{id}` is not an event id")));
    }
    st.read(move |s| {
        let Some(d) = s.event(&id)? else {
            return Err(ApiError::not_found(format!("no event with id `{id}`")));
        };
        to_value(&EventOne {
            event: EventJson::from_record(&d.record, true),
            document: json!({
                "doc_id": d.document.doc_id,
                "report_date": d.document.report_date,
                "title": d.document.title,
                "url": d.document.url,
                "source": d.document.source,
            }),
        })
    })
    .await
}

/// `GET /api/actors`: parties of the matching events, most active first.
pub(crate) async fn actors(State(st): State<Arc<AppState>>, params: Params) -> Result<Json<Value>, ApiError> {
    let (filter, extra) = parse(params, &["limit"])?;
    let limit = extra.limit.unwrap_or(100);
    st.read(move |s| {
        let list: Vec<Value> = s
            .actors(&filter, limit)?
            .into_iter()
            .map(|a| json!({ "code": a.code, "name": a.name, "as_actor": a.as_actor, "as_recipient": a.as_recipient }))
            .collect();
        Ok(Json(json!({ "actors": list })))
    })
    .await
}

/// `GET /api/dyads`: events per (actor, recipient) per period.
pub(crate) async fn dyads(State(st): State<Arc<AppState>>, params: Params) -> Result<Json<Value>, ApiError> {
    let (filter, extra) = parse(params, &["bucket"])?;
    let bucket = extra.bucket.unwrap_or(Bucket::Month);
    st.read(move |s| {
        let list: Vec<Value> = s
            .dyads(&filter, bucket)?
            .into_iter()
            .map(|d| json!({ "period": d.period, "actor": d.actor, "recipient": d.recipient, "count": d.count }))
            .collect();
        Ok(Json(json!({ "bucket": bucket_name(bucket), "dyads": list })))
    })
    .await
}

/// `GET /api/timeline`: events per PLOVER type per period.
pub(crate) async fn timeline(State(st): State<Arc<AppState>>, params: Params) -> Result<Json<Value>, ApiError> {
    let (filter, extra) = parse(params, &["bucket"])?;
    let bucket = extra.bucket.unwrap_or(Bucket::Day);
    st.read(move |s| {
        let list: Vec<Value> = s
            .timeline(&filter, bucket)?
            .into_iter()
            .map(|t| json!({ "period": t.period, "event": t.event, "count": t.count }))
            .collect();
        Ok(Json(json!({ "bucket": bucket_name(bucket), "counts": list })))
    })
    .await
}

/// Body of `POST /api/code` and `POST /api/ingest`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleIn {
    text: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

impl ArticleIn {
    fn into_article(self, default_id: &str) -> Result<Article, ApiError> {
        if self.text.trim().is_empty() {
            return Err(ApiError::bad_request("`text` is empty: nothing to code"));
        }
        let report_date = match self.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => Some(Date::parse(d).ok_or_else(|| ApiError::bad_request(format!("`date` `{d}` is not YYYY-MM-DD")))?),
            None => None,
        };
        let id = self
            .id
            .filter(|i| !i.trim().is_empty())
            .unwrap_or_else(|| default_id.to_string());
        Ok(Article {
            id,
            report_date,
            title: self.title,
            url: self.url,
            source: self.source,
            text: self.text,
        })
    }
}

/// `POST /api/code`: code a text now, store nothing.
pub(crate) async fn code(
    State(st): State<Arc<AppState>>,
    body: Result<Json<ArticleIn>, JsonRejection>,
) -> Result<Json<Box<RawValue>>, ApiError> {
    let Json(input) = body?;
    let article = input.into_article("pasted")?;
    let st2 = Arc::clone(&st);
    tokio::task::spawn_blocking(move || {
        let coded = st2.pipeline.run(article);
        let diagnostics: Vec<Value> = coded
            .diagnostics
            .iter()
            .map(|d| json!({ "severity": d.severity.as_str(), "stage": d.stage, "message": d.message }))
            .collect();
        to_value(&CodedOut {
            sentences: coded.sentences,
            events: coded.records.iter().map(|r| EventJson::from_record(r, true)).collect(),
            diagnostics,
        })
    })
    .await
    .map_err(|e| ApiError::internal(format!("coding failed: {e}")))?
}

/// `POST /api/ingest`: code and store an article (only when the server allows writing).
pub(crate) async fn ingest(
    State(st): State<Arc<AppState>>,
    body: Result<Json<ArticleIn>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    if !st.allow_ingest {
        return Err(ApiError {
            status: StatusCode::FORBIDDEN,
            message: "this server is read-only; start it with --allow-ingest to accept articles".into(),
        });
    }
    let Json(input) = body?;
    let default_id = format!("http-{:016x}", dyad_core::record::fnv1a(&[&input.text]));
    let article = input.into_article(&default_id)?;
    let st2 = Arc::clone(&st);
    tokio::task::spawn_blocking(move || {
        let coded = st2.pipeline.run(article.clone());
        let writer = st2.writer.as_ref().ok_or_else(|| ApiError::internal("no writer"))?;
        let mut store = writer.lock().map_err(|_| ApiError::internal("writer poisoned"))?;
        let outcome = store.put_article(&article, coded.sentences, &coded.records)?;
        let (status, name) = match outcome {
            Outcome::Inserted => (StatusCode::CREATED, "inserted"),
            Outcome::Replaced => (StatusCode::OK, "replaced"),
            Outcome::Unchanged => (StatusCode::OK, "unchanged"),
        };
        Ok((
            status,
            Json(json!({ "doc_id": article.id, "outcome": name, "events": coded.records.len() })),
        ))
    })
    .await
    .map_err(|e| ApiError::internal(format!("ingest failed: {e}")))?
}

/// Unknown API paths.
pub(crate) async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint; see /api/openapi.json")
}
