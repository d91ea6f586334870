//! `/api/…`: for each report, the JSON the CLI prints for the same request
//! (`--format json`), byte for byte. An error is `{"error": "…"}` with
//! status 400 (404 for an unknown IPO).

use axum::extract::{Form, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::error::Error;
use crate::report::headlines::HeadlineReport;
use crate::report::odds::OddsReport;
use crate::report::rules::PathReport;
use crate::Lang;

use super::form::{FeeForm, LotForm, OddsForm, PathForm};
use super::ipo::{self, lang_of};
use super::AppState;

fn json_body(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A report as the CLI prints it: pretty JSON and a final newline.
fn pretty<T: serde::Serialize>(v: &T) -> Response {
    match serde_json::to_string_pretty(v) {
        Ok(s) => json_body(StatusCode::OK, format!("{s}\n")),
        Err(e) => fail(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// An error as JSON; `<`, `>` and `&` in the message (which echoes the
/// request) are written as `\u` escapes, so no reader can take it for markup.
fn fail(status: StatusCode, msg: &str) -> Response {
    let body = serde_json::json!({ "error": msg })
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    json_body(status, format!("{body}\n"))
}

fn bad(e: Error, lang: Lang) -> Response {
    fail(StatusCode::BAD_REQUEST, &e.text(lang))
}

pub(crate) fn flag(v: &Option<String>) -> bool {
    v.as_deref()
        .is_some_and(|x| matches!(x, "1" | "true" | "yes" | "on"))
}

/// `explain` beside a form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct WithExplain<F> {
    #[serde(flatten)]
    form: F,
    explain: Option<String>,
}

/// `GET /api/list`: `daxin list --format json`.
pub async fn list(State(state): State<AppState>) -> Response {
    match state.data().to_json() {
        Ok(s) => json_body(StatusCode::OK, format!("{s}\n")),
        // the list has no language of its own: the server's default
        Err(e) => bad(e, Lang::default()),
    }
}

/// `GET /api/ipo/{code}`: `daxin show CODE --format json` (with `fees=1`
/// for `--fees`, `explain=1` for `--explain`, the fee flags by name).
pub async fn ipo(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<WithExplain<FeeForm>>,
) -> Response {
    let lang = lang_of(&q.form.lang);
    let found = match state.data().find(&code) {
        Ok(i) => i,
        Err(e) => return fail(StatusCode::NOT_FOUND, &e.text(lang)),
    };
    let fees = flag(&q.form.fees);
    match ipo::build(&state, found, &q.form, lang, flag(&q.explain), fees, None) {
        Ok(r) => pretty(&r),
        Err(e) => bad(e, lang),
    }
}

/// The headline query.
#[derive(Debug, Default, Deserialize)]
pub struct HeadlineQuery {
    lang: Option<String>,
    basis: Option<String>,
    explain: Option<String>,
}

/// `GET /api/headline/{code}`: `daxin headline CODE --format json`.
pub async fn headline(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<HeadlineQuery>,
) -> Response {
    let lang = lang_of(&q.lang);
    let found = match state.data().find(&code) {
        Ok(i) => i,
        Err(e) => return fail(StatusCode::NOT_FOUND, &e.text(lang)),
    };
    let basis = match q
        .basis
        .as_deref()
        .filter(|b| !b.is_empty())
        .map(str::parse)
        .transpose()
    {
        Ok(b) => b,
        Err(e) => return bad(e, lang),
    };
    match HeadlineReport::build(found, basis, lang, flag(&q.explain)) {
        Ok(r) => pretty(&r),
        Err(e) => bad(e, lang),
    }
}

/// `GET /api/lot`: `daxin lot … --format json`.
pub async fn lot(State(state): State<AppState>, Query(q): Query<WithExplain<LotForm>>) -> Response {
    let lang = lang_of(&q.form.fees.lang);
    let fees = flag(&q.form.fees.fees);
    let r = q
        .form
        .terms()
        .and_then(|t| t.build(state.today()))
        .and_then(|b| {
            ipo::build(
                &state,
                &b.ipo,
                &q.form.fees,
                lang,
                flag(&q.explain),
                fees,
                Some(&b),
            )
        });
    match r {
        Ok(r) => pretty(&r),
        Err(e) => bad(e, lang),
    }
}

/// `GET /api/odds`: `daxin odds … --format json` (A-share boards).
pub async fn odds(
    State(state): State<AppState>,
    Query(q): Query<WithExplain<OddsForm>>,
) -> Response {
    let lang = lang_of(&q.form.lang);
    let r = q.form.terms().and_then(|t| {
        let req = super::odds::request(&state, &t, lang, flag(&q.explain))?;
        OddsReport::build(&req)
    });
    match r {
        Ok(r) => pretty(&r),
        Err(e) => bad(e, lang),
    }
}

/// `GET /api/path`: `daxin path … --format json`.
pub async fn path(Query(q): Query<WithExplain<PathForm>>) -> Response {
    let lang = lang_of(&q.form.lang);
    let r = q.form.terms().and_then(|t| {
        PathReport::build(
            t.board,
            t.listed,
            t.issue,
            t.lot,
            t.days,
            lang,
            flag(&q.explain),
        )
    });
    match r {
        Ok(r) => pretty(&r),
        Err(e) => bad(e, lang),
    }
}

/// The audit query.
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    lang: Option<String>,
    explain: Option<String>,
}

/// `POST /api/audit` with the article as the body: `daxin audit --format json`.
/// The body is read as the CLI reads a file: UTF-8, GBK/GB18030 or UTF-16
/// with a BOM.
pub async fn audit(
    State(state): State<AppState>,
    Query(q): Query<AuditQuery>,
    body: axum::body::Bytes,
) -> Response {
    let text = crate::audit::decode(&body).text;
    let a = crate::audit::audit(&text, state.data());
    json_body(
        StatusCode::OK,
        super::audit::audit_json(&a, lang_of(&q.lang), flag(&q.explain)),
    )
}

/// The ledger report's query.
#[derive(Debug, Default, Deserialize)]
pub struct WinsQuery {
    lang: Option<String>,
    by: Option<String>,
    explain: Option<String>,
}

/// `GET /api/wins`: `daxin wins report --format json` on the server's ledger.
pub async fn wins(State(state): State<AppState>, Query(q): Query<WinsQuery>) -> Response {
    match super::wins::build(&state, q.by.as_deref(), lang_of(&q.lang), flag(&q.explain)) {
        Ok(r) => pretty(&r),
        Err(super::wins::NoReport::NoLedger) => fail(
            StatusCode::NOT_FOUND,
            match lang_of(&q.lang) {
                Lang::Zh => "服务启动时没有给出 --ledger",
                Lang::En => "the server was started without --ledger",
            },
        ),
        Err(super::wins::NoReport::Failed(m)) => fail(StatusCode::UNPROCESSABLE_ENTITY, &m),
    }
}

/// `POST /api/strategy`: `daxin strategy TABLE --format json` for the
/// table in the form (`table`; blank for the built-in data) and the plan
/// fields by their flags' names (`explain=1` for `--explain`).
pub async fn strategy(
    State(state): State<AppState>,
    Form(f): Form<super::strategy::StrategyForm>,
) -> Response {
    let lang = lang_of(&f.lang);
    let explain = flag(&f.explain);
    if let Some(m) = super::strategy::too_large(&f) {
        return fail(StatusCode::PAYLOAD_TOO_LARGE, &m);
    }
    match super::strategy::blocking(state, f).await {
        (_, Ok(r)) => pretty(&r.to_json(lang, explain)),
        (_, Err(e)) => bad(e, lang),
    }
}
