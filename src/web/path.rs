//! A run of limit-up days (`/path`): the library's [`PathReport`], charted
//! against each day's band (the library's [`LimitsReport`] of that day).

use axum::extract::{Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};

use crate::board::Board;
use crate::error::Result;
use crate::headline::Lang;
use crate::input::Price;
use crate::report::rules::{LimitsReport, PathReport};

use super::chart::{self, Axes, Kind, Series};
use super::form::{PathForm, PathTerms};
use super::ipo::lang_of;
use super::page::{document, error_box, lang_field, money, pct, price, respond, Ctx};
use super::AppState;

/// Each day's limits: day 1 from the issue price, later days from the
/// previous day's limit-up close.
fn bands(t: &PathTerms, r: &PathReport, lang: Lang) -> Result<Vec<LimitsReport>> {
    let mut prev: Option<Price> = None;
    let mut out = Vec::new();
    for d in &r.days {
        let l = match prev {
            None => LimitsReport::build(
                t.board,
                t.listed,
                Some(d.day),
                Some(t.issue),
                None,
                lang,
                false,
            )?,
            Some(p) => {
                LimitsReport::build(t.board, t.listed, Some(d.day), None, Some(p), lang, false)?
            }
        };
        out.push(l);
        prev = Some(Price::new("price", d.price)?);
    }
    Ok(out)
}

/// `GET /path`.
pub async fn page(
    State(_state): State<AppState>,
    Query(f): Query<PathForm>,
    RawQuery(q): RawQuery,
) -> Response {
    let lang = lang_of(&f.lang);
    let ctx = Ctx::served(lang);
    let title = ctx.t("连续涨停路径", "A run of limit-up days");
    let form = path_form(ctx, &f);
    let intro = html! {
        h1 { (title) }
        p.sub { (ctx.t("从上市首日起每天以涨停价收盘：每天的价格、涨幅与每签盈利（与 daxin path 相同），并画出当天的涨跌停区间。",
            "Every day closing at the up limit from the listing day: each day's price, gain and profit per lot (as daxin path computes them), drawn against that day's band.")) }
    };
    if !f.submitted() {
        let body = html! { section.card { (intro) (form) } };
        return respond(
            StatusCode::OK,
            document(ctx, title, "/path", q.as_deref(), body),
        );
    }
    let built = f.terms().and_then(|t| {
        let r = PathReport::build(t.board, t.listed, t.issue, t.lot, t.days, lang, true)?;
        let b = bands(&t, &r, lang)?;
        Ok((r, b))
    });
    match built {
        Ok((r, b)) => {
            let body = html! {
                section.card { (intro) (form) }
                section.grid2 {
                    div.card { (path_table(ctx, &r)) }
                    div.card { (path_chart(ctx, &r, &b)) }
                }
            };
            respond(
                StatusCode::OK,
                document(ctx, title, "/path", q.as_deref(), body),
            )
        }
        Err(e) => {
            let body =
                html! { section.card { (intro) (error_box(ctx, &e.text(ctx.lang))) (form) } };
            respond(
                StatusCode::BAD_REQUEST,
                document(ctx, title, "/path", q.as_deref(), body),
            )
        }
    }
}

fn path_table(ctx: Ctx, r: &PathReport) -> Markup {
    html! {
        h2 { (ctx.t("每日", "Each day")) }
        p.sub { (ctx.t("发行价 ", "Issue price ")) (price(r.issue_price)) " · " (ctx.t("每签 ", "lot ")) (r.lot_shares) (ctx.t(" 股", " shares")) }
        table #path { thead { tr {
            th { (ctx.t("交易日", "Day")) }
            th.num { (ctx.t("涨停收盘价", "Limit-up close")) }
            th.num { (ctx.t("较发行价", "Gain")) }
            th.num { (ctx.t("每签盈利", "Profit per lot")) }
        } } tbody { @for d in &r.days { tr {
            td { (d.day) }
            td.num data-k={ (d.day) ".price" } { (money(d.price)) }
            td.num.up { (pct(d.gain_pct)) }
            td.num.up data-k={ (d.day) ".profit_per_lot" } { (money(d.profit_per_lot)) }
        } } } }
        @if let Some(w) = &r.working {
            details { summary { (ctx.t("计算过程", "Working")) } ol { @for l in w { li { (l) } } } }
        }
    }
}

fn path_chart(ctx: Ctx, r: &PathReport, bands: &[LimitsReport]) -> Markup {
    let day = |d: u32| i64::from(d);
    let main: Vec<(i64, i64)> = std::iter::once((0, chart::units(r.issue_price, 2)))
        .chain(
            r.days
                .iter()
                .map(|d| (day(d.day), chart::units(d.price, 2))),
        )
        .collect();
    let up: Vec<(i64, i64)> = bands
        .iter()
        .filter_map(|b| b.up.map(|u| (day(b.day), chart::units(u, 2))))
        .collect();
    let down: Vec<(i64, i64)> = bands
        .iter()
        .filter_map(|b| b.down.map(|u| (day(b.day), chart::units(u, 2))))
        .collect();
    let last = r.days.last().map(|d| day(d.day)).unwrap_or(1);
    let issue = vec![
        (0, chart::units(r.issue_price, 2)),
        (last, chart::units(r.issue_price, 2)),
    ];
    let series = [
        Series {
            name: ctx.t("涨停收盘价", "limit-up close").into(),
            points: main,
            kind: Kind::Main,
        },
        Series {
            name: ctx.t("当日涨停价", "the day's up limit").into(),
            points: up,
            kind: Kind::Upper,
        },
        Series {
            name: ctx.t("当日跌停价", "the day's down limit").into(),
            points: down,
            kind: Kind::Lower,
        },
        Series {
            name: ctx.t("发行价", "issue price").into(),
            points: issue,
            kind: Kind::Reference,
        },
    ];
    html! {
        h2 { (ctx.t("价格路径与涨跌停区间", "The run against the band")) }
        (chart::lines(
            ctx.t("第 0 天为发行价；每天的区间由前一天的收盘价定", "Day 0 is the issue price; each day's band is set by the previous close"),
            &Axes { x_name: ctx.t("交易日", "trading day"), x_dp: 0, x_shown: 0,
                    y_name: ctx.t("价格", "price"), y_dp: 2, y_shown: 2 },
            &series,
        ))
    }
}

fn path_form(ctx: Ctx, f: &PathForm) -> Markup {
    let v = |x: &Option<String>| x.clone().unwrap_or_default();
    let chosen = f.board.as_deref().unwrap_or("sse-main");
    html! {
        form #path-form.fields method="get" action="/path" {
            (lang_field(ctx.lang))
            div { label for="issue_price" { (ctx.t("发行价", "Issue price")) }
                  input #issue_price type="text" name="issue_price" value=(v(&f.issue_price)) placeholder="13.77" required; }
            div { label for="board" { (ctx.t("板块", "Board")) }
                  select #board name="board" {
                      @for b in Board::ALL.into_iter().filter(|b| *b != Board::Hkex) {
                          option value=(b.id()) selected[b.id() == chosen] { (b.name(ctx.lang)) }
                      }
                  } }
            div { label for="date" { (ctx.t("上市日", "Listing day")) }
                  input #date type="date" name="date" value=(v(&f.date)) required; }
            div { label for="days" { (ctx.t("天数", "Days")) }
                  input #days type="text" name="days" value=(v(&f.days)) placeholder="3" required; }
            div { label for="lot_size" { (ctx.t("每签股数（可选）", "Shares per lot (optional)")) }
                  input #lot_size type="text" name="lot_size" value=(v(&f.lot_size)); }
            div.actions { button type="submit" { (ctx.t("计算", "Calculate")) } }
        }
    }
}
