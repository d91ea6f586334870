//! The odds of an A-share subscription from 市值 (`/odds`): the library's
//! [`OddsReport`], and the chance of at least one lot against the market
//! value, each point a report of its own.

use axum::extract::{Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use rust_decimal::Decimal;

use crate::board::Board;
use crate::error::{Error, Result};
use crate::headline::Lang;
use crate::num::{self, fixed, group};
use crate::report::odds::{OddsReport, OddsRequest};

use super::chart::{self, Axes, Kind, Series};
use super::form::{OddsForm, OddsTerms};
use super::ipo::lang_of;
use super::page::{document, error_box, lang_field, respond, Ctx};
use super::AppState;

/// The request `daxin odds` would make with the same values.
pub(crate) fn request<'a>(
    state: &'a AppState,
    t: &OddsTerms,
    lang: Lang,
    explain: bool,
) -> Result<OddsRequest<'a>> {
    let mut req = OddsRequest::new(lang, state.today());
    req.explain = explain;
    req.ipo = t.ipo.as_deref().map(|q| state.data().find(q)).transpose()?;
    req.board = t.board;
    req.date = t.date;
    let board = req.board()?;
    if matches!(board, Board::Bse | Board::Hkex) {
        return Err(Error::invalid(
            "board",
            board.id(),
            crate::why!("this page covers the boards that allot by market value; for BSE and Hong Kong use daxin odds", "本页面只涵盖按市值配售的板块；北交所与港股请用 daxin odds"),
        ));
    }
    req.sh = t.sh;
    req.sz = t.sz;
    req.cap = t.cap;
    req.win_rate_pct = t.win_rate_pct;
    req.profit_per_lot = t.profit_per_lot;
    Ok(req)
}

/// `GET /odds`.
pub async fn page(
    State(state): State<AppState>,
    Query(f): Query<OddsForm>,
    RawQuery(q): RawQuery,
) -> Response {
    let lang = lang_of(&f.lang);
    let ctx = Ctx::served(lang);
    let title = ctx.t("中签概率", "The odds of winning");
    let form = odds_form(ctx, &state, &f);
    let intro = html! {
        h1 { (title) }
        p.sub { (ctx.t("按日均持仓市值算申购额度、配号数、期望中签数与至少中一签的概率（与 daxin odds 相同）。",
            "From your average market value: the quota, the numbers, the expected lots and the chance of at least one (as daxin odds computes them).")) }
    };
    if !f.submitted() {
        let body = html! { section.card { (intro) (form) } };
        return respond(
            StatusCode::OK,
            document(ctx, title, "/odds", q.as_deref(), body),
        );
    }
    let built = f.terms().and_then(|t| {
        let req = request(&state, &t, lang, true)?;
        let r = OddsReport::build(&req)?;
        Ok((r, curve(&req)))
    });
    match built {
        Ok((r, points)) => {
            let body = html! {
                section.card { (intro) (form) }
                section.grid2 {
                    div.card { (odds_table(ctx, &r)) }
                    div.card { (odds_chart(ctx, &r, &points)) }
                }
            };
            respond(
                StatusCode::OK,
                document(ctx, title, "/odds", q.as_deref(), body),
            )
        }
        Err(e) => {
            let body =
                html! { section.card { (intro) (error_box(ctx, &e.text(ctx.lang))) (form) } };
            respond(
                StatusCode::BAD_REQUEST,
                document(ctx, title, "/odds", q.as_deref(), body),
            )
        }
    }
}

/// The reports at market values from a tenth of the one given to twice it.
fn curve(req: &OddsRequest) -> Vec<OddsReport> {
    let mv = req.sh.or(req.sz).unwrap_or_default();
    (1..=20u32)
        .filter_map(|k| {
            let x = mv
                .checked_mul(Decimal::from(k))?
                .checked_div(Decimal::TEN)?;
            let mut r = req.clone();
            r.explain = false;
            r.sh = req.sh.map(|_| x);
            r.sz = req.sz.map(|_| x);
            OddsReport::build(&r).ok()
        })
        .collect()
}

fn odds_table(ctx: Ctx, o: &OddsReport) -> Markup {
    let lang = ctx.lang;
    html! {
        h2 { (ctx.t("结果", "Result")) }
        p.big data-k="p_at_least_one" { (fixed(o.p_independent_pct(), 4)) "%" }
        p.sub { (ctx.t("至少中一签的概率（独立抽签模型）", "chance of at least one lot (independent draws)")) }
        table { tbody {
            tr { td { (ctx.t("板块 / 申购日", "Board / day")) } td { (o.board.name(lang)) " · " (o.date) } }
            tr { td { (ctx.t("市值", "Market value")) } td.num data-k="market_value" { (group(o.market_value, 2)) " (" (o.pool) ")" } }
            tr { td { (ctx.t("申购单位", "Units")) } td.num data-k="units" { (o.units) } }
            tr { td { (ctx.t("可申购股数", "Quota (shares)")) } td.num data-k="quota_shares" { (o.quota_shares) @if o.capped { (ctx.t("（受上限约束）", " (capped)")) } } }
            tr { td { (ctx.t("配号数", "Numbers")) } td.num data-k="numbers" { (o.numbers) } }
            tr { td { (ctx.t("中签率", "Win rate")) } td.num { (num::trim(o.win_rate_pct)) "%" } }
            tr { td { (ctx.t("期望中签数", "Expected lots")) } td.num data-k="expected_lots" { (num::trim(o.expected_lots)) } }
            tr { td { (ctx.t("至少一签（尾号抽签）", "At least one (tail-number lottery)")) } td.num { (fixed(o.p_tail_number_pct(), 6)) "%" } }
            @if let Some(p) = o.expected_profit {
                tr { td { (ctx.t("期望收益（", "Expected profit (")) (o.profit_words(ctx.lang)) (ctx.t("）", ")")) } td.num data-k="expected_profit" { (group(p, 2)) } }
            }
        } }
        @for w in o.warnings.texts() { p.notice { (w) } }
        @if let Some(w) = &o.working {
            details { summary { (ctx.t("计算过程", "Working")) } ol { li { (w) } } }
        }
    }
}

fn odds_chart(ctx: Ctx, o: &OddsReport, points: &[OddsReport]) -> Markup {
    let pts = |f: fn(&OddsReport) -> Decimal| -> Vec<(i64, i64)> {
        points
            .iter()
            .map(|r| (chart::units(r.market_value, 0), chart::units(f(r), 4)))
            .collect()
    };
    let series = [
        Series {
            name: ctx.t("独立抽签", "independent draws").to_string(),
            points: pts(OddsReport::p_independent_pct),
            kind: Kind::Main,
        },
        Series {
            name: ctx.t("尾号抽签", "tail-number lottery").to_string(),
            points: pts(OddsReport::p_tail_number_pct),
            kind: Kind::Reference,
        },
        Series {
            name: ctx.t("你的市值", "your market value").to_string(),
            points: vec![
                (chart::units(o.market_value, 0), 0),
                (
                    chart::units(o.market_value, 0),
                    chart::units(o.p_independent_pct(), 4),
                ),
            ],
            kind: Kind::Upper,
        },
    ];
    html! {
        h2 { (ctx.t("概率与市值", "Odds against market value")) }
        (chart::lines(
            ctx.t("每个点都是同一申购在该市值下的结果", "Each point is the same subscription at that market value"),
            &Axes { x_name: ctx.t("市值（元）", "market value (yuan)"), x_dp: 0, x_shown: 0,
                    y_name: ctx.t("至少一签 %", "at least one lot, %"), y_dp: 4, y_shown: 2 },
            &series,
        ))
    }
}

fn odds_form(ctx: Ctx, state: &AppState, f: &OddsForm) -> Markup {
    let v = |x: &Option<String>| x.clone().unwrap_or_default();
    let chosen = f.ipo.clone().unwrap_or_default();
    html! {
        form #odds.fields method="get" action="/odds" {
            (lang_field(ctx.lang))
            div { label for="ipo" { (ctx.t("新股（用其板块、日期、中签率）", "IPO (its board, date and rate)")) }
                  select #ipo name="ipo" {
                      option value="" { (ctx.t("—（自填板块与中签率）", "— (give board and rate)")) }
                      @for i in state.data().ipos().iter().filter(|i| i.board.is_some_and(|b| !matches!(b, Board::Bse | Board::Hkex))) {
                          option value=(i.code) selected[i.code == chosen] { (i.name_zh) " " (i.code) }
                      }
                  } }
            div { label for="board" { (ctx.t("板块（不选新股时）", "Board (without an IPO)")) }
                  select #board name="board" {
                      option value="" { "—" }
                      @for b in [Board::SseMain, Board::Star, Board::SzseMain, Board::ChiNext] {
                          option value=(b.id()) selected[f.board.as_deref() == Some(b.id())] { (b.name(ctx.lang)) }
                      }
                  } }
            div { label for="sh" { (ctx.t("沪市日均市值（元）", "Shanghai market value (yuan)")) }
                  input #sh type="text" name="sh" value=(v(&f.sh)) placeholder="500000"; }
            div { label for="sz" { (ctx.t("深市日均市值（元）", "Shenzhen market value (yuan)")) }
                  input #sz type="text" name="sz" value=(v(&f.sz)); }
            div { label for="win_rate" { (ctx.t("中签率（带%）", "Win rate (with %)")) }
                  input #win_rate type="text" name="win_rate" value=(v(&f.win_rate)) placeholder="0.0335%"; }
            div { label for="cap" { (ctx.t("申购上限（股）", "Cap (shares)")) }
                  input #cap type="text" name="cap" value=(v(&f.cap)); }
            div { label for="date" { (ctx.t("申购日", "Subscription day")) }
                  input #date type="date" name="date" value=(v(&f.date)); }
            div.actions { button type="submit" { (ctx.t("计算概率", "Compute the odds")) } }
        }
    }
}
