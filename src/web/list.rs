//! The IPOs in the data (`/`): the library's [`ListReport`], sortable by
//! any column through links (no script), with the first-day gains charted.

use std::cmp::Ordering;

use axum::extract::{Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::board::Board;
use crate::headline::Lang;
use crate::report::list::{ListReport, ListRow};

use super::chart;
use super::ipo::lang_of;
use super::page::{document, error_page, lang_id, pct, price, respond, sign_class, Ctx};
use super::AppState;

/// The list's query: language and sort order.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    lang: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
}

const COLUMNS: [(&str, &str, &str); 7] = [
    ("code", "代码", "Code"),
    ("name", "名称", "Name"),
    ("board", "板块", "Board"),
    ("date", "上市日", "Listed"),
    ("issue", "发行价", "Issue price"),
    ("open", "开盘涨幅", "Gain at open"),
    ("close", "收盘涨幅", "Gain at close"),
];

/// Orders two optional values; unknown ones sort last whichever the direction.
fn cmp_opt(a: Option<Decimal>, b: Option<Decimal>, desc: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if desc => y.cmp(&x),
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn sort_rows(rows: &mut [ListRow], key: &str, desc: bool) {
    rows.sort_by(|a, b| {
        let o = match key {
            "code" => a.code.cmp(&b.code),
            "name" => a.name_zh.cmp(&b.name_zh),
            "board" => a.board.map(Board::id).cmp(&b.board.map(Board::id)),
            "issue" => a.issue_price.cmp(&b.issue_price),
            "open" => return cmp_opt(a.open_gain_pct, b.open_gain_pct, desc),
            "close" => return cmp_opt(a.close_gain_pct, b.close_gain_pct, desc),
            _ => a.listing_date.cmp(&b.listing_date),
        };
        if desc {
            o.reverse()
        } else {
            o
        }
    });
}

/// `GET /`.
pub async fn page(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
    RawQuery(raw): RawQuery,
) -> Response {
    let lang = lang_of(&q.lang);
    let ctx = Ctx::served(lang);
    let ipos: Vec<_> = state.data().ipos().iter().collect();
    let mut r = match ListReport::build(&ipos, lang, false) {
        Ok(r) => r,
        Err(e) => return error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.text(lang)),
    };
    let key = q
        .sort
        .as_deref()
        .filter(|k| COLUMNS.iter().any(|c| c.0 == *k))
        .unwrap_or("date");
    let desc = q.dir.as_deref().map(|d| d != "asc").unwrap_or(true);
    sort_rows(&mut r.ipos, key, desc);
    let title = ctx.t("新股列表", "IPOs");
    let body = html! {
        section.card {
            h1 { (title) }
            p.sub { (ctx.t("内置数据中的新股，每个数值附来源。点击列名排序，点击名称查看全部数值。",
                "The IPOs in the built-in data, every value sourced. Click a heading to sort, a name for every figure.")) }
            div.scroll { table #ipos {
                thead { tr { @for (k, zh, en) in COLUMNS {
                    @let next = if k == key && desc { "asc" } else { "desc" };
                    @let num = matches!(k, "issue" | "open" | "close");
                    th class=(if num { "num" } else { "" }) {
                        a.sorted[k == key] href={ "/?lang=" (lang_id(lang)) "&sort=" (k) "&dir=" (next) } {
                            (ctx.t(zh, en))
                            @if k == key { (if desc { " ↓" } else { " ↑" }) }
                        }
                    }
                } } }
                tbody { @for row in &r.ipos {
                    tr data-code=(row.code) {
                        td { (row.code) }
                        td { a href={ "/ipo/" (row.code) "?lang=" (lang_id(lang)) } { (name_of(row, lang)) } }
                        td { @if let Some(b) = row.board { (b.name(lang)) } }
                        td { @if let Some(d) = row.listing_date { (d) } }
                        td.num data-k="issue_price" { (price(row.issue_price)) }
                        (gain_cell(row.open_gain_pct, "open_gain_pct"))
                        (gain_cell(row.close_gain_pct, "close_gain_pct"))
                    }
                } }
            } }
        }
        (gain_charts(ctx, &r))
    };
    respond(
        StatusCode::OK,
        document(ctx, title, "/", raw.as_deref(), body),
    )
}

fn gain_cell(g: Option<Decimal>, key: &str) -> Markup {
    html! {
        @match g {
            Some(x) => { td class=(sign_class(x)) data-k=(key) { (pct(x)) } }
            None => { td.num.muted data-k=(key) { "—" } }
        }
    }
}

fn name_of(row: &ListRow, lang: Lang) -> String {
    match (lang, &row.name_en) {
        (Lang::En, Some(en)) => format!("{en} ({})", row.name_zh),
        _ => row.name_zh.clone(),
    }
}

/// The histogram of first-day close gains and the gains by board.
pub(crate) fn gain_charts(ctx: Ctx, r: &ListReport) -> Markup {
    let named: Vec<(Option<Board>, Decimal, String)> = r
        .ipos
        .iter()
        .filter_map(|i| i.close_gain_pct.map(|g| (i.board, g, i.name_zh.clone())))
        .collect();
    gains_charts(ctx, &named)
}

/// Both gain charts from (board, gain in percent, name) triples.
pub(crate) fn gains_charts(ctx: Ctx, gains: &[(Option<Board>, Decimal, String)]) -> Markup {
    if gains.is_empty() {
        return html! {};
    }
    let lang = ctx.lang;
    // buckets of 100 percentage points of the gain as shown (2 decimals)
    let idx: Vec<i64> = gains
        .iter()
        .map(|(_, g, _)| chart::units(*g, 2).div_euclid(10_000))
        .collect();
    let (lo, hi) = (
        idx.iter().copied().min().unwrap_or(0),
        idx.iter().copied().max().unwrap_or(0),
    );
    let buckets: Vec<(String, u64)> = (lo..=hi)
        .map(|b| {
            let n = idx.iter().filter(|x| **x == b).count() as u64;
            (format!("{}–{}%", b * 100, (b + 1) * 100), n)
        })
        .collect();
    let mut groups: Vec<(String, Vec<(Decimal, String)>)> = Vec::new();
    for b in Board::ALL {
        let vals: Vec<(Decimal, String)> = gains
            .iter()
            .filter(|(x, _, _)| *x == Some(b))
            .map(|(_, g, n)| (*g, n.clone()))
            .collect();
        if !vals.is_empty() {
            groups.push((b.name(lang).to_string(), vals));
        }
    }
    html! {
        section.grid2 {
            div.card {
                h2 { (ctx.t("首日收盘涨幅分布", "First-day close gains")) }
                (chart::histogram(
                    ctx.t("每 100 个百分点一组的新股数", "IPOs per 100 percentage points of gain"),
                    ctx.t("新股数", "IPOs"),
                    &buckets,
                ))
            }
            div.card {
                h2 { (ctx.t("按板块的首日收盘涨幅", "First-day close gain by board")) }
                (chart::dots(
                    ctx.t("每个点是一只新股", "Each dot is one IPO"),
                    ctx.t("涨幅", "gain"),
                    &groups,
                ))
            }
        }
    }
}
