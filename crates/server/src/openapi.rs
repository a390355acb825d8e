//! The OpenAPI 3.1 document describing the API, served at `/api/openapi.json`. The filter
//! parameters come from `dyad_store::filter::FILTERS`, the list the parser itself accepts.

use axum::Json;
use serde_json::{json, Value};

fn param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

fn filters() -> Vec<Value> {
    dyad_store::filter::FILTERS
        .iter()
        .map(|(name, description)| param(name, description, json!({ "type": "string" })))
        .collect()
}

fn with(mut base: Vec<Value>, more: &[Value]) -> Value {
    base.extend(more.iter().cloned());
    Value::Array(base)
}

fn ok(description: &str) -> Value {
    json!({
        "200": { "description": description, "content": { "application/json": { "schema": { "type": "object" } } } },
        "400": { "$ref": "#/components/responses/BadRequest" }
    })
}

/// The document.
pub(crate) fn spec() -> Value {
    let limit = param(
        "limit",
        &format!("events per page, 1 to {} (default 50)", crate::api::MAX_LIMIT),
        json!({ "type": "integer", "minimum": 1, "maximum": crate::api::MAX_LIMIT }),
    );
    let offset = param(
        "offset",
        "events to skip (default 0)",
        json!({ "type": "integer", "minimum": 0 }),
    );
    let explain = param("explain", "add each record's evidence", json!({ "type": "boolean" }));
    let bucket = param(
        "bucket",
        "period length",
        json!({ "type": "string", "enum": ["day", "month", "year"] }),
    );
    let article = json!({
        "type": "object",
        "required": ["text"],
        "additionalProperties": false,
        "properties": {
            "text": { "type": "string", "description": "the article body" },
            "id": { "type": "string" },
            "date": { "type": "string", "description": "report date, YYYY-MM-DD" },
            "title": { "type": "string" }, "url": { "type": "string" }, "source": { "type": "string" }
        }
    });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "dyad event API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Political events coded by dyad (PLOVER/CAMEO), read from its database. Events use the PLOVER JSONL record of `dyad code`. Errors are {\"error\": message} with status 400 (bad parameters), 403 (writing on a read-only server), 404, 413 (body too large), 503 (deadline passed)."
        },
        "paths": {
            "/api/stats": { "get": { "summary": "Totals of the database", "responses": ok("documents, sentences, events") } },
            "/api/events": { "get": {
                "summary": "Events matching the filters, in date order, paged",
                "parameters": with(filters(), &[limit.clone(), offset, explain]),
                "responses": ok("{total, limit, offset, events: [PLOVER record]}")
            } },
            "/api/events/{id}": { "get": {
                "summary": "One event with its sentence, evidence (character offsets into the article) and article",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": {
                    "200": { "description": "{event, document}" },
                    "400": { "$ref": "#/components/responses/BadRequest" },
                    "404": { "description": "no such event" }
                }
            } },
            "/api/actors": { "get": {
                "summary": "Parties of the matching events, most active first",
                "parameters": with(filters(), &[limit]),
                "responses": ok("{actors: [{code, name, as_actor, as_recipient}]}")
            } },
            "/api/dyads": { "get": {
                "summary": "Event counts per actor-recipient pair per period",
                "parameters": with(filters(), std::slice::from_ref(&bucket)),
                "responses": ok("{bucket, dyads: [{period, actor, recipient, count}]}")
            } },
            "/api/timeline": { "get": {
                "summary": "Event counts per PLOVER type per period",
                "parameters": with(filters(), &[bucket]),
                "responses": ok("{bucket, counts: [{period, event, count}]}")
            } },
            "/api/code": { "post": {
                "summary": "Code a text now; nothing is stored",
                "requestBody": { "required": true, "content": { "application/json": { "schema": article.clone() } } },
                "responses": ok("{sentences, events: [PLOVER record with evidence], diagnostics}")
            } },
            "/api/ingest": { "post": {
                "summary": "Code and store an article (only on a server started with --allow-ingest; else 403)",
                "requestBody": { "required": true, "content": { "application/json": { "schema": article } } },
                "responses": {
                    "201": { "description": "{doc_id, outcome: inserted, events}" },
                    "200": { "description": "{doc_id, outcome: replaced | unchanged, events}" },
                    "400": { "$ref": "#/components/responses/BadRequest" },
                    "403": { "description": "read-only server" }
                }
            } },
            "/api/openapi.json": { "get": { "summary": "This document", "responses": { "200": { "description": "OpenAPI 3.1" } } } }
        },
        "components": { "responses": { "BadRequest": {
            "description": "a parameter or body is malformed",
            "content": { "application/json": { "schema": {
                "type": "object", "properties": { "error": { "type": "string" } }, "required": ["error"]
            } } }
        } } }
    })
}

/// `GET /api/openapi.json`.
pub(crate) async fn document() -> Json<Value> {
    Json(spec())
}
