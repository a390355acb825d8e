//! The web page: HTML, script, style and the world outline, all compiled into the binary
//! (no network needed). Sources in `web/` at the project root; vendored files in `web/vendor/`.

use std::sync::Arc;

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::AppState;

macro_rules! asset {
    ($path:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/", $path))
    };
}

const ASSETS: &[(&str, &str, &[u8])] = &[
    ("/", "text/html; charset=utf-8", asset!("index.html")),
    ("/static/app.js", "text/javascript; charset=utf-8", asset!("app.js")),
    ("/static/app.css", "text/css; charset=utf-8", asset!("app.css")),
    (
        "/static/topojson-client.min.js",
        "text/javascript; charset=utf-8",
        asset!("vendor/topojson-client.min.js"),
    ),
    (
        "/static/countries-110m.json",
        "application/json",
        asset!("vendor/countries-110m.json"),
    ),
];

/// Routes for the page and its assets.
pub(crate) fn routes() -> Router<Arc<AppState>> {
    let mut r = Router::new();
    for &(path, mime, body) in ASSETS {
        r =
            r.route(
                path,
                get(move || async move {
                    ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "no-cache")], body).into_response()
                }),
            );
    }
    r
}
