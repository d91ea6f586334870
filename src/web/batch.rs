//! A whole IPO table recomputed (`/batch`, `daxin batch --format html`):
//! each row through the library's [`crate::import::process`], shown with
//! the columns `daxin batch` writes, and the gains charted.
//!
//! Kept in one module against the import's public entry points, so that a
//! change of the batch rows touches only this file.

use axum::extract::{Form, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::headline::Lang;
use crate::import::split::{Splitter, Step};
use crate::import::{self, Layout, RowOut, SourceFormat};

use super::ipo::lang_of;
use super::list::gains_charts;
use super::page::{document, error_box, lang_field, lang_of_query, respond, Ctx};
use super::{AppState, MAX_TABLE};

/// The rows of one batch, in input order.
#[derive(Debug, Default)]
pub struct BatchTable {
    rows: Vec<(u64, SourceFormat, RowOut)>,
}

impl BatchTable {
    /// An empty table.
    pub fn new() -> BatchTable {
        BatchTable::default()
    }

    /// Adds the row read from `line` of a `source` table.
    pub fn push(&mut self, line: u64, source: SourceFormat, row: RowOut) {
        self.rows.push((line, source, row));
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every row of a table held in memory (UTF-8 text, comma- or
    /// tab-separated, the header first), as `daxin batch` reads a file.
    ///
    /// The checks are worded in `lang`.
    ///
    /// Errors: no header, or a header of no known layout.
    pub fn from_text(text: &str, lang: Lang) -> Result<BatchTable> {
        let bytes = text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes();
        let first = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
        let tabs = first.iter().filter(|b| **b == b'\t').count();
        let commas = first.iter().filter(|b| **b == b',').count();
        let mut sp = Splitter::new(if tabs > commas { b'\t' } else { b',' });
        let (mut at, mut line) = (0usize, 1u64);
        let mut layout: Option<Layout> = None;
        let mut out = BatchTable::new();
        loop {
            match sp.next(&bytes[at..], true) {
                Step::End | Step::NeedMore => break,
                Step::Skip { consumed, lines } => {
                    at += consumed;
                    line += lines;
                }
                Step::Row {
                    row,
                    consumed,
                    lines,
                    error,
                } => {
                    let this = line;
                    at += consumed;
                    line += lines;
                    if row.is_blank() && error.is_none() {
                        continue;
                    }
                    let Some(l) = &layout else {
                        if let Some(e) = error {
                            return Err(Error::invalid_at(
                                crate::why!("table", "表格"),
                                "header",
                                e,
                            ));
                        }
                        if row.fields().next().unwrap_or(&[]).starts_with(b"#") {
                            continue;
                        }
                        let cells: Vec<String> = row
                            .fields()
                            .map(|c| String::from_utf8_lossy(c).into_owned())
                            .collect();
                        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                        layout = Some(Layout::detect(&refs, None)?);
                        continue;
                    };
                    let r = match error {
                        None => {
                            let mut r = RowOut::default();
                            import::Rows::new(l)
                                .in_lang(lang)
                                .process_into(&row, &mut r);
                            r
                        }
                        Some(e) => RowOut {
                            check: "error".into(),
                            error: Some(e),
                            ..RowOut::default()
                        },
                    };
                    out.push(this, l.format, r);
                }
            }
        }
        if layout.is_none() {
            return Err(Error::missing(
                "table",
                crate::why!("no header row", "没有表头行"),
            ));
        }
        Ok(out)
    }

    /// The JSON `daxin batch --format json` writes for these rows (the
    /// errors in `lang`).
    pub fn to_json(&self, lang: Lang) -> String {
        use serde_json::Value;
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|(line, source, r)| {
                let mut v = serde_json::Map::new();
                for (col, text) in import::write::cells(*line, *source, r, lang) {
                    let value = match (col, text) {
                        (_, None) => Value::Null,
                        ("line" | "lot_shares" | "total_shares", Some(t)) => t
                            .parse::<u64>()
                            .map(Value::from)
                            .unwrap_or(Value::String(t)),
                        (_, Some(t)) => Value::String(t),
                    };
                    v.insert(col.to_string(), value);
                }
                Value::Object(v)
            })
            .collect();
        if rows.is_empty() {
            return "[]\n".into();
        }
        let mut s = String::from("[\n");
        for (i, r) in rows.iter().enumerate() {
            if i > 0 {
                s.push_str(",\n");
            }
            s.push_str(&serde_json::to_string(r).unwrap_or_default());
        }
        s.push_str("\n]\n");
        s
    }
}

const SHOWN: [(&str, &str, &str); 12] = [
    ("line", "行", "line"),
    ("code", "代码", "code"),
    ("name", "名称", "name"),
    ("board", "板块", "board"),
    ("listing_date", "上市日", "listed"),
    ("issue_price", "发行价", "issue price"),
    ("lot_shares", "每签股数", "lot"),
    ("basis", "价格基准", "basis"),
    ("price", "价格", "price"),
    ("profit_per_lot", "每签盈利", "profit per lot"),
    ("gain_pct", "涨幅%", "gain %"),
    ("check", "核对", "check"),
];

/// The rows, with each row's working in a last column when `explain`.
fn table(ctx: Ctx, t: &BatchTable, explain: bool) -> Markup {
    let errors = t.rows.iter().filter(|r| r.2.error.is_some()).count();
    let differ = t
        .rows
        .iter()
        .filter(|r| r.2.error.is_none() && !r.2.check.starts_with("ok"))
        .count();
    let gains: Vec<_> = t
        .rows
        .iter()
        .filter_map(|(_, _, r)| {
            let g = r.headline.as_ref()?.gain_pct?;
            Some((r.board, g, r.name.clone()))
        })
        .collect();
    html! {
        section.card {
            h2 { (ctx.t("逐行结果", "Row by row")) }
            p.sub {
                (t.len()) (ctx.t(" 行 · ", " rows · ")) (errors) (ctx.t(" 行有错误 · ", " with errors · "))
                (differ) (ctx.t(" 行与公布数值不同", " differ from the published figures"))
            }
            div.scroll { table #rows {
                thead { tr {
                    @for (_, zh, en) in SHOWN { th { (ctx.t(zh, en)) } }
                    th { (ctx.t("错误", "error")) }
                    @if explain { th { (ctx.t("计算过程", "working")) } }
                } }
                tbody { @for (line, source, r) in &t.rows {
                    @let cells = import::write::cells(*line, *source, r, ctx.lang);
                    tr {
                        @for (col, _, _) in SHOWN {
                            @let text = cells.iter().find(|c| c.0 == col).and_then(|c| c.1.clone()).unwrap_or_default();
                            // a board and a price basis by name, in the page's language
                            @let text = match (col, r.board) {
                                ("board", Some(b)) => b.name(ctx.lang).to_string(),
                                ("basis", _) => import::basis_words(&text, ctx.lang).to_string(),
                                _ => text,
                            };
                            @let num = matches!(col, "issue_price" | "price" | "profit_per_lot" | "gain_pct" | "lot_shares" | "line");
                            @if col == "check" {
                                td { span class=(if text.starts_with("ok") { "badge ok" } else if text.is_empty() { "" } else { "badge bad" }) { (text) } }
                            } @else {
                                td class=(if num { "num" } else { "" }) data-k=(col) { (text) }
                            }
                        }
                        td { @if let Some(e) = &r.error { span.badge.bad { (e.text(ctx.lang)) } } }
                        @if explain { td.working { (import::working(r, ctx.lang)) } }
                    }
                } }
            } }
        }
        (gains_charts(ctx, &gains))
    }
}

/// A batch as one self-contained HTML file (`daxin batch --format html`),
/// each row's working in a last column with `explain` (`--explain`).
pub fn batch_document(t: &BatchTable, lang: Lang, explain: bool) -> String {
    let ctx = Ctx::file(lang);
    let title = ctx.t("批量核算", "Batch");
    let body = html! { section.card { h1 { (title) } } (table(ctx, t, explain)) };
    document(ctx, title, "", None, body).into_string()
}

/// The batch form.
#[derive(Debug, Deserialize)]
pub struct BatchForm {
    /// The table's text.
    #[serde(default)]
    pub table: String,
    /// Page language.
    pub lang: Option<String>,
    /// Each row's working (a checkbox: present when ticked).
    #[serde(default)]
    pub explain: Option<String>,
}

fn intro(ctx: Ctx, text: &str, explain: bool) -> Markup {
    html! {
        h1 { (ctx.t("批量核算", "Batch")) }
        p.sub { (ctx.t("粘贴东方财富、同花顺（AKShare 导出）或 daxin 自己的新股表（CSV 或制表符分隔，含表头）：每行重新计算并与公布数值核对，与 daxin batch 相同。",
            "Paste an IPO table from Eastmoney, 同花顺 (as AKShare exports them) or daxin's own (CSV or tab-separated, header first): every row recomputed and checked against its published figures, as daxin batch does.")) }
        form #batch method="post" action="/batch" {
            (lang_field(ctx.lang))
            div.field {
                label for="table" { (ctx.t("表格文本（最多 4 MiB）", "The table's text (up to 4 MiB)")) }
                textarea #table name="table" required { (text) }
            }
            p.checks {
                label.check { input type="checkbox" name="explain" value="1" checked[explain]; " " (ctx.t("逐行列出计算过程", "show each row's working")) }
            }
            p { button type="submit" { (ctx.t("核算", "Recompute")) } }
        }
    }
}

/// `GET /batch`.
pub async fn form_page(RawQuery(q): RawQuery) -> Response {
    let ctx = Ctx::served(lang_of_query(q.as_deref()));
    let body = html! { section.card { (intro(ctx, "", false)) } };
    respond(
        StatusCode::OK,
        document(
            ctx,
            ctx.t("批量核算", "Batch"),
            "/batch",
            q.as_deref(),
            body,
        ),
    )
}

/// `POST /batch`.
pub async fn submit(State(_state): State<AppState>, Form(f): Form<BatchForm>) -> Response {
    let lang = lang_of(&f.lang);
    let ctx = Ctx::served(lang);
    let title = ctx.t("批量核算", "Batch");
    let q = format!("lang={}", super::page::lang_id(lang));
    if f.table.len() > MAX_TABLE {
        let msg = format!(
            "{} {} > {MAX_TABLE}",
            ctx.t("表格过大（字节）：", "The table is too large (bytes):"),
            f.table.len()
        );
        let body = html! { section.card { (error_box(ctx, &msg)) (intro(ctx, "", false)) } };
        return respond(
            StatusCode::PAYLOAD_TOO_LARGE,
            document(ctx, title, "/batch", Some(&q), body),
        );
    }
    match BatchTable::from_text(&f.table, lang) {
        Ok(t) => {
            let explain = f.explain.is_some();
            let body = html! { section.card { (intro(ctx, &f.table, explain)) } (table(ctx, &t, explain)) };
            respond(
                StatusCode::OK,
                document(ctx, title, "/batch", Some(&q), body),
            )
        }
        Err(e) => {
            let body = html! { section.card { (error_box(ctx, &e.text(ctx.lang))) (intro(ctx, &f.table, f.explain.is_some())) } };
            respond(
                StatusCode::BAD_REQUEST,
                document(ctx, title, "/batch", Some(&q), body),
            )
        }
    }
}
