//! dyad-server: the HTTP JSON API over the event store, and the web page that uses it, both
//! served by one axum router. Read-only by default; `allow_ingest` adds a writing endpoint.
//! Request bodies are bounded and every request has a deadline; bad parameters give 400
//! with a message (see `error.rs`, the one place where errors become statuses).
#![warn(missing_docs)]

mod api;
mod error;
mod openapi;
mod web;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use dyad_core::{Knowledge, Pipeline};
use dyad_store::Store;

pub use error::{ApiError, Error};

/// How to run the server.
pub struct Config {
    /// The database file.
    pub db: PathBuf,
    /// Address to listen on (`127.0.0.1:8080`; port 0 picks a free one).
    pub addr: String,
    /// Accept articles over HTTP (`POST /api/ingest`) and write them to the database.
    pub allow_ingest: bool,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Deadline for one request.
    pub timeout: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            db: PathBuf::from("dyad.db"),
            addr: "127.0.0.1:8080".into(),
            allow_ingest: false,
            max_body_bytes: 2 * 1024 * 1024,
            timeout: Duration::from_secs(30),
        }
    }
}

/// Shared by every request.
pub(crate) struct AppState {
    pub(crate) db: PathBuf,
    /// Read-only connections, reused.
    pub(crate) readers: Mutex<Vec<Store>>,
    /// The writing connection, only with `allow_ingest`.
    pub(crate) writer: Option<Mutex<Store>>,
    pub(crate) pipeline: Pipeline<'static>,
    pub(crate) allow_ingest: bool,
    pub(crate) timeout: Duration,
}

impl AppState {
    /// Run `f` on a read-only connection in a blocking thread.
    pub(crate) async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let st = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let pooled = st
                .readers
                .lock()
                .map_err(|_| ApiError::internal("connection pool poisoned"))?
                .pop();
            let store = match pooled {
                Some(s) => s,
                None => Store::open_read_only(&st.db)?,
            };
            let out = f(&store);
            if let Ok(mut pool) = st.readers.lock() {
                if pool.len() < 8 {
                    pool.push(store);
                }
            }
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("request task failed: {e}")))?
    }
}

/// The router: API under `/api`, the page at `/`, assets under `/static`.
pub fn router(config: &Config, knowledge: Knowledge) -> Result<Router, Error> {
    let writer = if config.allow_ingest {
        Some(Mutex::new(Store::open(&config.db)?))
    } else {
        None
    };
    // Fail early on a missing or foreign file.
    let first = Store::open_read_only(&config.db)?;
    let knowledge: &'static Knowledge = Box::leak(Box::new(knowledge));
    let state = Arc::new(AppState {
        db: config.db.clone(),
        readers: Mutex::new(vec![first]),
        writer,
        pipeline: Pipeline::new(knowledge),
        allow_ingest: config.allow_ingest,
        timeout: config.timeout,
    });
    let api = Router::new()
        .route("/api/stats", get(api::stats))
        .route("/api/events", get(api::events))
        .route("/api/events/{id}", get(api::event))
        .route("/api/actors", get(api::actors))
        .route("/api/dyads", get(api::dyads))
        .route("/api/timeline", get(api::timeline))
        .route("/api/code", post(api::code))
        .route("/api/ingest", post(api::ingest))
        .route("/api/openapi.json", get(openapi::document))
        .fallback(api::not_found);
    Ok(web::routes()
        .merge(api)
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&state), deadline))
        .with_state(state))
}

/// Every request gets the configured deadline; past it the client gets 503.
async fn deadline(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(st.timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError {
            status: axum::http::StatusCode::SERVICE_UNAVAILABLE,
            message: format!("request took longer than {} s", st.timeout.as_secs_f64()),
        }
        .into_response(),
    }
}

/// Bind and serve until Ctrl-C. `on_ready` gets the bound address (the port when 0 was asked).
pub fn serve(config: &Config, knowledge: Knowledge, on_ready: impl FnOnce(SocketAddr)) -> Result<(), Error> {
    let app = router(config, knowledge)?;
    let io = |source| Error::Io {
        addr: config.addr.clone(),
        source,
    };
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(io)?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(&config.addr).await.map_err(io)?;
        on_ready(listener.local_addr().map_err(io)?);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(io)
    })
}
