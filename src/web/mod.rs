//! The local page (`daxin serve`) and the self-contained HTML reports
//! (`--format html`): the library's reports drawn as HTML.
//!
//! Nothing here computes a figure. A handler turns a request into the
//! library call the CLI would make (the same report types, built by the same
//! functions) and draws the result with compile-time checked [`maud`]
//! templates, which escape every string. Charts are SVG drawn by
//! `plotters` from the report's figures. `/api/…` returns the JSON the CLI
//! prints for the same request.
//!
//! This module builds the [`axum::Router`] and does no I/O of its own: the
//! caller binds the sockets (`daxin serve` binds loopback only) and hands
//! over the data, the broker terms, today's date and, when there is one,
//! a way to read the wins ledger.
//!
//! ```
//! use daxin::web::{router, AppState};
//! let state = AppState::new(
//!     daxin::data::Dataset::builtin().unwrap(),
//!     daxin::config::Config::default(),
//!     chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
//! );
//! let _app = router(state);
//! ```

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::NaiveDate;

use crate::config::Config;
use crate::data::Dataset;

mod api;
mod audit;
mod batch;
mod chart;
mod form;
mod ipo;
mod list;
mod odds;
mod page;
mod path;
mod strategy;
mod wins;

pub use audit::audit_document;
pub use batch::{batch_document, BatchTable};
pub use ipo::ipo_document;

/// The largest article the audit box takes, in bytes of UTF-8.
pub const MAX_ARTICLE: usize = 1 << 20;

/// The largest table the batch page takes, in bytes of UTF-8.
pub const MAX_TABLE: usize = 4 << 20;

/// Body limit of the audit form: the article percent-encoded (up to three
/// bytes per byte) and the form's other fields.
const AUDIT_BODY: usize = 3 * MAX_ARTICLE + 4096;

/// Body limit of the batch form.
const BATCH_BODY: usize = 3 * MAX_TABLE + 4096;

/// Body limit of every other route (they take no body).
const OTHER_BODY: usize = 16 * 1024;

/// Reads the wins ledger the server was started with: its text, or `None`
/// when the file does not exist yet; an error is a message to show.
pub type LedgerReader = Arc<dyn Fn() -> Result<Option<String>, crate::Why> + Send + Sync>;

/// Today's date, asked for at each request (the library never reads the clock).
pub type Today = Arc<dyn Fn() -> NaiveDate + Send + Sync>;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    data: Dataset,
    config: Config,
    today: Today,
    ledger: Option<(String, LedgerReader)>,
}

impl AppState {
    /// A state with a fixed "today" and no ledger.
    pub fn new(data: Dataset, config: Config, today: NaiveDate) -> AppState {
        AppState::with_clock(data, config, Arc::new(move || today), None)
    }

    /// A state whose "today" is asked for at each request, with the ledger
    /// (its name to show, and how to read it) when there is one.
    pub fn with_clock(
        data: Dataset,
        config: Config,
        today: Today,
        ledger: Option<(String, LedgerReader)>,
    ) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                data,
                config,
                today,
                ledger,
            }),
        }
    }

    pub(crate) fn data(&self) -> &Dataset {
        &self.inner.data
    }

    pub(crate) fn config(&self) -> &Config {
        &self.inner.config
    }

    pub(crate) fn today(&self) -> NaiveDate {
        (self.inner.today)()
    }

    pub(crate) fn ledger(&self) -> Option<&(String, LedgerReader)> {
        self.inner.ledger.as_ref()
    }
}

/// The Content-Security-Policy of every response: nothing from elsewhere,
/// no scripts, styles only from the stylesheet, forms only to this server.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Every page and API route.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(list::page))
        .route("/ipo/{code}", get(ipo::page))
        .route("/lot", get(ipo::lot_page))
        .route("/odds", get(odds::page))
        .route("/path", get(path::page))
        .route(
            "/audit",
            get(audit::form_page)
                .post(audit::submit)
                .layer(DefaultBodyLimit::max(AUDIT_BODY)),
        )
        .route(
            "/batch",
            get(batch::form_page)
                .post(batch::submit)
                .layer(DefaultBodyLimit::max(BATCH_BODY)),
        )
        .route(
            "/strategy",
            get(strategy::form_page)
                .post(strategy::submit)
                .layer(DefaultBodyLimit::max(BATCH_BODY)),
        )
        .route("/wins", get(wins::page))
        .route("/style.css", get(stylesheet))
        .route("/api/list", get(api::list))
        .route("/api/ipo/{code}", get(api::ipo))
        .route("/api/headline/{code}", get(api::headline))
        .route("/api/lot", get(api::lot))
        .route("/api/odds", get(api::odds))
        .route("/api/path", get(api::path))
        .route(
            "/api/audit",
            axum::routing::post(api::audit).layer(DefaultBodyLimit::max(MAX_ARTICLE)),
        )
        .route("/api/wins", get(api::wins))
        .route(
            "/api/strategy",
            axum::routing::post(api::strategy).layer(DefaultBodyLimit::max(BATCH_BODY)),
        )
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(OTHER_BODY))
        .layer(middleware::map_response(security_headers))
        .layer(middleware::from_fn(loopback_only))
        .with_state(state)
}

async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        page::CSS,
    )
        .into_response()
}

async fn not_found(uri: axum::http::Uri) -> Response {
    let lang = page::lang_of_query(uri.query());
    page::error_page(
        lang,
        StatusCode::NOT_FOUND,
        page::t(lang, "没有这个页面", "No such page"),
    )
}

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// Refuses a request whose `Host` is not a loopback name: a page elsewhere
/// cannot reach the server through a name that resolves to 127.0.0.1 (DNS
/// rebinding).
async fn loopback_only(req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !is_loopback_host(host) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "daxin serve answers requests to 127.0.0.1, [::1] or localhost only\n",
        )
            .into_response();
    }
    next.run(req).await
}

fn is_loopback_host(host: &str) -> bool {
    // no Host header: an HTTP/1.0 client on the loopback socket
    if host.is_empty() {
        return true;
    }
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "127.0.0.1" | "localhost" | "::1"
    )
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn loopback_hosts() {
        for h in ["127.0.0.1:8080", "localhost", "[::1]:80", "LOCALHOST:1", ""] {
            assert!(is_loopback_host(h), "{h}");
        }
        for h in [
            "evil.example:8080",
            "127.0.0.2",
            "[::2]:80",
            "localhost.evil",
        ] {
            assert!(!is_loopback_host(h), "{h}");
        }
    }
}
