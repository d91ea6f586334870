//! My wins (`/wins`): the library's [`WinsReport`] of the ledger the server
//! was started with (read only), as `daxin wins report` builds it.

use axum::extract::{Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::error::Result;
use crate::fees::Schedule;
use crate::headline::Lang;
use crate::wins::ledger::{self, Ledger};
use crate::wins::report::{self as wreport, GroupBy, Options, WinsReport};
use crate::Currency;

use super::chart;
use super::ipo::lang_of;
use super::page::{document, error_box, lang_field, money, pct, respond, sign_class, Ctx};
use super::AppState;

/// The report's query.
#[derive(Debug, Default, Deserialize)]
pub struct WinsQuery {
    /// Page language.
    pub lang: Option<String>,
    /// year, account or board.
    pub by: Option<String>,
}

/// Why there is no report: no ledger given, or it could not be read.
pub(crate) enum NoReport {
    /// The server was started without one.
    NoLedger,
    /// Reading or checking it failed.
    Failed(String),
}

/// The report `daxin wins report [--by B]` prints, with the server's terms.
pub(crate) fn build(
    state: &AppState,
    by: Option<&str>,
    lang: Lang,
    explain: bool,
) -> std::result::Result<WinsReport, NoReport> {
    let Some((name, read)) = state.ledger() else {
        return Err(NoReport::NoLedger);
    };
    let text = read().map_err(|w| NoReport::Failed(w.text(lang).to_string()))?;
    let go = || -> Result<WinsReport> {
        let today = state.today();
        let l = match &text {
            Some(t) => {
                let (l, lines) = ledger::parse_with_lines(t, name)?;
                ledger::validate(&l, state.data(), today, Some(&lines))?;
                l
            }
            None => Ledger::default(),
        };
        let mut opts = Options::new(today);
        opts.cny = state.config().broker(Currency::Cny);
        opts.hkd = state.config().broker(Currency::Hkd);
        opts.by = by
            .filter(|b| !b.is_empty())
            .map(str::parse::<GroupBy>)
            .transpose()?;
        let mut r = wreport::report(&l, state.data(), &Schedule::builtin()?, &opts)?;
        if explain {
            r.working = wreport::explain(&r, &opts, lang);
        }
        Ok(r)
    };
    go().map_err(|e| NoReport::Failed(e.text(lang)))
}

/// `GET /wins`.
pub async fn page(
    State(state): State<AppState>,
    Query(q): Query<WinsQuery>,
    RawQuery(raw): RawQuery,
) -> Response {
    let lang = lang_of(&q.lang);
    let ctx = Ctx::served(lang);
    let title = ctx.t("我的中签", "My wins");
    let by = q.by.clone().unwrap_or_default();
    let form = html! {
        form.fields method="get" action="/wins" {
            (lang_field(lang))
            div { label for="by" { (ctx.t("分组", "Group by")) }
                select #by name="by" {
                    option value="" { "—" }
                    @for (v, zh, en) in [("year", "年份", "year"), ("account", "账户", "account"), ("board", "板块", "board")] {
                        option value=(v) selected[by == v] { (ctx.t(zh, en)) }
                    }
                } }
            div.actions { button type="submit" { (ctx.t("更新", "Update")) } }
        }
    };
    let (status, content) = match build(&state, q.by.as_deref(), lang, true) {
        Ok(r) => (StatusCode::OK, report(ctx, &r)),
        Err(NoReport::NoLedger) => (
            StatusCode::OK,
            html! { p.muted { (ctx.t("服务启动时没有指定账本：用 daxin serve --ledger 文件 启动，这里就会显示每笔中签扣费后的收益。",
            "The server was started without a ledger: start it with daxin serve --ledger FILE to see what each win earned after fees.")) } },
        ),
        Err(NoReport::Failed(m)) => (StatusCode::UNPROCESSABLE_ENTITY, error_box(ctx, &m)),
    };
    let ledger_name = state.ledger().map(|l| l.0.clone());
    let body = html! {
        section.card {
            h1 { (title) }
            @if let Some(n) = ledger_name { p.sub { (ctx.t("账本：", "Ledger: ")) code { (n) } } }
            (form)
        }
        (content)
    };
    respond(status, document(ctx, title, "/wins", raw.as_deref(), body))
}

fn report(ctx: Ctx, r: &WinsReport) -> Markup {
    let lang = ctx.lang;
    let items: Vec<(String, rust_decimal::Decimal, String)> = r
        .wins
        .iter()
        .filter_map(|w| w.net_profit.map(|n| (w.name.clone(), n, money(n))))
        .collect();
    html! {
        section.card {
            h2 { (ctx.t("每笔中签", "Each win")) }
            div.scroll { table #wins {
                thead { tr {
                    th { (ctx.t("账户", "Account")) } th { (ctx.t("代码", "Code")) } th { (ctx.t("名称", "Name")) }
                    th { (ctx.t("日期", "Date")) } th.num { (ctx.t("股数", "Shares")) } th { (ctx.t("状态", "Status")) }
                    th.num { (ctx.t("实付资金", "Cash paid")) } th.num { (ctx.t("毛收益", "Gross")) }
                    th.num { (ctx.t("费用合计", "Fees")) } th.num { (ctx.t("净收益", "Net")) }
                    th.num { (ctx.t("持有天数", "Days")) } th.num { (ctx.t("资金收益率", "Return on cash")) }
                } }
                tbody { @for w in &r.wins { tr data-code=(w.code) {
                    td { (w.account.clone().unwrap_or_default()) }
                    td { (w.code) } td { (w.name) } td { (w.date) }
                    td.num { (w.shares) } td { (w.status.text(lang)) }
                    td.num { (money(w.cash_paid)) }
                    @match w.gross_profit {
                        Some(g) => { td class=(sign_class(g)) { (money(g)) } }
                        None => { td.num {} }
                    }
                    td.num { @if let Some(f) = w.total_fees { (money(f)) } }
                    @match w.net_profit {
                        Some(n) => { td class=(sign_class(n)) data-k="net_profit" { (money(n)) } }
                        None => { td.num.muted { (ctx.t("未平仓", "open")) } }
                    }
                    td.num { @if let Some(d) = w.holding_days { (d) } }
                    td.num { @if let Some(p) = w.return_on_cash_pct { (pct(p)) } }
                } } }
            } }
            @if r.wins.is_empty() { p.muted { (ctx.t("账本中还没有中签记录。", "No wins in the ledger yet.")) } }
        }
        section.grid2 {
            div.card {
                h2 { (ctx.t("合计", "Totals")) }
                table { thead { tr {
                    th { (ctx.t("分组", "Group")) } th.num { (ctx.t("中签", "Wins")) } th.num { (ctx.t("弃购", "Given up")) }
                    th.num { (ctx.t("未卖完", "Open")) } th.num { (ctx.t("净收益合计", "Net total")) } th.num { (ctx.t("市值收益率", "Return on market value")) }
                } } tbody { @for g in r.groups.iter().chain(&r.total) { tr {
                    td { (g.key) " " span.muted { (g.currency.code()) } }
                    td.num { (g.wins) } td.num { (g.abandoned) } td.num { (g.open) }
                    @match g.net_total {
                        Some(n) => { td class=(sign_class(n)) data-k="net_total" { (money(n)) } }
                        None => { td.num data-k="net_total" {} }
                    }
                    td.num { @if let Some(p) = g.return_on_market_value_pct { (pct(p)) } }
                } } } }
                @for n in &r.notes { p.notice { (wreport::note_text(n, lang)) } }
            }
            div.card {
                h2 { (ctx.t("每笔净收益", "Net of each win")) }
                (chart::bars(ctx.t("已卖出（或已估值）的中签", "Wins sold (or valued)"), ctx.t("净收益", "net"), 2, &items))
            }
        }
        @if !r.working.is_empty() {
            section.card { details {
                summary { (ctx.t("计算过程", "Working")) }
                ol { @for w in &r.working { li { (w) } } }
            } }
        }
    }
}
