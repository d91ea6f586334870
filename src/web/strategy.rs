//! What a 市值 is worth in the lottery (`/strategy`): the library's
//! [`Report`] of a pasted IPO table (or the built-in data), as
//! `daxin strategy` builds it from a file — the same plan fields, the same
//! rows, the same figures.

use axum::extract::{Form, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::error::Result;
use crate::fees::Schedule;
use crate::num::{self, fixed, percent};
use crate::strategy::dist::Method;
use crate::strategy::input::{self, Terms};
use crate::strategy::note::{pool_words, split_text, why_text};
use crate::strategy::plan::PlanFields;
use crate::strategy::report::{build, Report};
use crate::strategy::{file, Pool};
use crate::Currency;

use super::chart::{self, Axes, Kind, Series};
use super::ipo::lang_of;
use super::page::{document, error_box, lang_field, lang_of_query, money, pct, respond, Ctx};
use super::{AppState, MAX_TABLE};

/// The strategy form: `daxin strategy`'s flags as fields, the table pasted.
#[derive(Debug, Default, Deserialize)]
pub struct StrategyForm {
    /// Page language.
    pub lang: Option<String>,
    /// The table's text; blank for the built-in data.
    #[serde(default)]
    pub table: String,
    /// Average Shanghai market value.
    pub sh: Option<String>,
    /// Average Shenzhen market value.
    pub sz: Option<String>,
    /// A total to split.
    pub total: Option<String>,
    /// Accounts the total is split across.
    pub accounts: Option<String>,
    /// published, open, close or avg.
    pub basis: Option<String>,
    /// First day of the period.
    pub from: Option<String>,
    /// Last day of the period.
    pub to: Option<String>,
    /// Take selling costs off (the server's broker terms).
    pub fees: Option<String>,
    /// Leave STAR out.
    pub no_star: Option<String>,
    /// Leave ChiNext out.
    pub no_chinext: Option<String>,
    /// The API: include the working.
    pub explain: Option<String>,
}

/// A ticked box (or `1`, `true`, `yes`) as the API reads it.
pub(crate) fn on(v: &Option<String>) -> bool {
    super::api::flag(v)
}

/// The report `daxin strategy FILE --sh … --sz …` prints for the same
/// fields and rows; a blank table means the built-in data.
pub(crate) fn report(state: &AppState, f: &StrategyForm) -> Result<Report> {
    let plan = PlanFields {
        sh: f.sh.as_deref(),
        sz: f.sz.as_deref(),
        total: f.total.as_deref(),
        accounts: f.accounts.as_deref(),
        basis: f.basis.as_deref(),
        from: f.from.as_deref(),
        to: f.to.as_deref(),
        fees: on(&f.fees),
        no_star: on(&f.no_star),
        no_chinext: on(&f.no_chinext),
        ..PlanFields::default()
    }
    .validate("")?;
    let facts = if f.table.trim().is_empty() {
        let ipos = state.data().ipos();
        ipos.iter().map(|i| input::from_ipo(i, None)).collect()
    } else {
        file::read(f.table.as_bytes(), "table", None)?
    };
    let schedule = if plan.fees {
        Some(Schedule::builtin()?)
    } else {
        None
    };
    let terms = Terms {
        basis: plan.basis,
        fees: schedule
            .as_ref()
            .map(|s| (s, state.config().broker(Currency::Cny))),
        star: plan.star,
        chinext: plan.chinext,
    };
    let (subs, excluded) = input::resolve_all(&facts, &terms);
    build(&subs, excluded, &plan, &mut |_| {})
}

pub(crate) fn too_large(f: &StrategyForm) -> Option<String> {
    (f.table.len() > MAX_TABLE).then(|| format!("table: {} bytes > {MAX_TABLE}", f.table.len()))
}

/// `GET /strategy`.
pub async fn form_page(RawQuery(q): RawQuery) -> Response {
    let ctx = Ctx::served(lang_of_query(q.as_deref()));
    let f = StrategyForm::default();
    let body = html! { section.card { (intro(ctx, &f)) } };
    let title = ctx.t("市值策略", "Market value strategy");
    respond(
        StatusCode::OK,
        document(ctx, title, "/strategy", q.as_deref(), body),
    )
}

/// `POST /strategy`.
pub async fn submit(State(state): State<AppState>, Form(f): Form<StrategyForm>) -> Response {
    let lang = lang_of(&f.lang);
    let ctx = Ctx::served(lang);
    let title = ctx.t("市值策略", "Market value strategy");
    let q = format!("lang={}", super::page::lang_id(lang));
    let (status, body) = match too_large(&f) {
        Some(m) => (
            StatusCode::PAYLOAD_TOO_LARGE,
            html! { section.card { (error_box(ctx, &m)) (intro(ctx, &f)) } },
        ),
        None => match blocking(state, f).await {
            (f, Ok(r)) => (
                StatusCode::OK,
                html! { section.card { (intro(ctx, &f)) } (shown(ctx, &r)) },
            ),
            (f, Err(e)) => (
                StatusCode::BAD_REQUEST,
                html! { section.card { (error_box(ctx, &e.text(ctx.lang))) (intro(ctx, &f)) } },
            ),
        },
    };
    respond(status, document(ctx, title, "/strategy", Some(&q), body))
}

/// The report built off the async runtime (the exact distribution or the
/// Monte Carlo may take a moment on a long table); the form comes back for
/// the page.
pub(crate) async fn blocking(state: AppState, f: StrategyForm) -> (StrategyForm, Result<Report>) {
    let job = tokio::task::spawn_blocking(move || {
        let r = report(&state, &f);
        (f, r)
    });
    match job.await {
        Ok(done) => done,
        Err(e) => (
            StrategyForm::default(),
            Err(crate::error::Error::invalid_at(
                crate::why!("table", "表格"),
                "",
                crate::why!("the report stopped: {e}", "报告计算中断：{e}"),
            )),
        ),
    }
}

fn intro(ctx: Ctx, f: &StrategyForm) -> Markup {
    let v = |x: &Option<String>| x.clone().unwrap_or_default();
    let basis = v(&f.basis);
    html! {
        h1 { (ctx.t("市值策略", "Market value strategy")) }
        p.sub { (ctx.t("一段时期里，沪深两市各持多少市值、预期能中几签、赚多少；增加一万市值还值多少；一笔总市值如何在两市（和多个账户）间分配最好；以及结果的分布。与 daxin strategy 相同：粘贴东方财富（AKShare stock_xgsglb_em）、同花顺或 daxin 的新股表；留空则用内置数据。",
            "What the market value held on each exchange earned over a period: the lots to expect, the profit, what 10,000 more is worth, the best split of a total between the exchanges (and accounts), and the spread of outcomes — as daxin strategy computes it. Paste an IPO table from Eastmoney (AKShare stock_xgsglb_em), 同花顺 or daxin; leave it blank for the built-in data.")) }
        form #strategy.fields method="post" action="/strategy" {
            (lang_field(ctx.lang))
            div { label for="sh" { (ctx.t("沪市平均市值（元）", "Shanghai market value (yuan)")) }
                  input #sh type="text" name="sh" value=(v(&f.sh)) placeholder="200000"; }
            div { label for="sz" { (ctx.t("深市平均市值（元）", "Shenzhen market value (yuan)")) }
                  input #sz type="text" name="sz" value=(v(&f.sz)) placeholder="200000"; }
            div { label for="total" { (ctx.t("待分配总市值（可选）", "A total to split (optional)")) }
                  input #total type="text" name="total" value=(v(&f.total)); }
            div { label for="accounts" { (ctx.t("账户数（分配总市值时）", "Accounts (with a total)")) }
                  input #accounts type="text" name="accounts" value=(v(&f.accounts)) placeholder="1"; }
            div { label for="basis" { (ctx.t("每签收益按", "Profit per lot at")) }
                  select #basis name="basis" {
                      @for (id, zh, en) in [("close", "首日收盘", "first-day close"), ("open", "首日开盘", "first-day open"),
                                            ("avg", "首日均价", "first-day average"), ("published", "公布的每中一签获利", "the published 每中一签获利")] {
                          option value=(id) selected[basis == id] { (ctx.t(zh, en)) }
                      }
                  } }
            div { label for="from" { (ctx.t("起始日", "From")) }
                  input #from type="date" name="from" value=(v(&f.from)); }
            div { label for="to" { (ctx.t("截止日", "To")) }
                  input #to type="date" name="to" value=(v(&f.to)); }
            div.checks {
                label.check { input type="checkbox" name="fees" value="1" checked[on(&f.fees)]; (ctx.t("扣除卖出费用", "Take selling costs off")) }
                label.check { input type="checkbox" name="no_star" value="1" checked[on(&f.no_star)]; (ctx.t("无科创板权限", "No STAR access")) }
                label.check { input type="checkbox" name="no_chinext" value="1" checked[on(&f.no_chinext)]; (ctx.t("无创业板权限", "No ChiNext access")) }
            }
            div.wide {
                label for="table" { (ctx.t("新股表（CSV 或制表符分隔，含表头；最多 4 MiB；留空用内置数据）",
                    "The IPO table (CSV or tab-separated, header first; up to 4 MiB; blank for the built-in data)")) }
                textarea #table name="table" { (f.table) }
            }
            div.actions { button type="submit" { (ctx.t("计算", "Compute")) } }
        }
    }
}

fn omoney(x: Option<Decimal>) -> String {
    x.map(money).unwrap_or_else(|| "—".into())
}

fn opct(x: Option<Decimal>) -> String {
    x.map(pct).unwrap_or_else(|| "—".into())
}

/// The report, section by section, as the command's table output orders it.
fn shown(ctx: Ctx, r: &Report) -> Markup {
    html! {
        section.card {
            h2 { (r.title(ctx.lang)) }
            (totals(ctx, r))
            @if let Some(b) = &r.best_split {
                h3 { (ctx.t("最优分配", "Best split")) }
                p #best-split { (split_text(b, ctx.lang)) }
                @if b.accounts > 1 { (allocations(ctx, b)) }
            }
        }
        section.grid2 {
            div.card { (spread(ctx, r)) }
            div.card { (curve_chart(ctx, r)) }
        }
        (per_ipo(ctx, r))
        section.card {
            h2 { (ctx.t("假设与说明", "Assumptions and notes")) }
            ul { @for n in &r.notes { li { (n.text(ctx.lang)) } } }
            @if !r.excluded.is_empty() {
                h3 { (ctx.t("未计入的行", "Rows not counted")) " (" (r.excluded.len()) ")" }
                div.scroll { table #excluded {
                    thead { tr { th.num { (ctx.t("行", "line")) } th { (ctx.t("代码", "code")) } th { (ctx.t("名称", "name")) } th { (ctx.t("原因", "why")) } } }
                    tbody { @for e in &r.excluded { tr {
                        td.num { @if let Some(l) = e.line { (l) } }
                        td { (e.code) } td { (e.name) } td { (why_text(&e.why, ctx.lang)) }
                    } } }
                } }
            }
            details {
                summary { (ctx.t("计算过程", "Working")) }
                ol {
                    @for w in &r.working { li { (w.label.text(ctx.lang)) ": " (w.formula) } }
                    @for x in &r.rows { li { (x.code) " " (x.name) ": " (x.working) } }
                }
            }
        }
    }
}

fn totals(ctx: Ctx, r: &Report) -> Markup {
    let step = r.marginal.first().map(|m| m.step).unwrap_or_default();
    html! {
        div.scroll { table #totals {
            thead { tr {
                th { (ctx.t("市场", "Exchange")) } th.num { (ctx.t("市值", "Market value")) } th.num { (ctx.t("新股", "IPOs")) }
                th.num { (ctx.t("预期中签", "Expected lots")) } th.num { (ctx.t("预期收益", "Expected profit")) }
                th.num { (ctx.t("收益率", "Return")) } th.num { (ctx.t("年化", "Annualised")) }
                th.num { (ctx.t("增量收益率", "Marginal")) " (" (money(step)) ")" }
                th.num { (ctx.t("最大顶格市值", "Largest full quota")) }
            } }
            tbody {
                @for (p, x) in [(Pool::Sh, &r.sh), (Pool::Sz, &r.sz)] { tr data-pool=(p.id()) {
                    td { (pool_words(p, ctx.lang)) } td.num { (money(x.mv)) } td.num { (x.ipos) }
                    td.num { (fixed(x.expected_lots, 6)) } td.num data-k="expected_profit" { (money(x.expected_profit)) }
                    td.num { (opct(x.return_pct)) } td.num { (opct(x.annualised_pct)) }
                    td.num { (pct(x.marginal_pct)) } td.num { (omoney(x.full_quota_mv)) }
                } }
                tr.total data-pool="total" {
                    th { (ctx.t("合计", "Total")) } td.num { (money(r.total_mv())) } td.num { (r.ipos) }
                    td.num { (fixed(r.total_expected_lots(), 6)) } td.num data-k="expected_profit" { (money(r.expected_profit)) }
                    td.num { (opct(r.return_pct)) } td.num { (opct(r.annualised_pct)) } td {} td {}
                }
            }
        } }
    }
}

fn allocations(ctx: Ctx, b: &crate::strategy::split::BestSplit) -> Markup {
    html! {
        table #allocations {
            thead { tr { th { (ctx.t("账户", "Account")) } th { (ctx.t("市场", "Exchange")) }
                         th.num { (ctx.t("市值", "Market value")) } th.num { (ctx.t("预期收益", "Expected profit")) } } }
            tbody { @for a in &b.allocations { tr {
                td { (a.account) } td { (pool_words(a.pool, ctx.lang)) }
                td.num { (money(a.mv)) } td.num { (money(a.expected_profit)) }
            } } }
        }
    }
}

/// P(no win), the percentiles, how they were found, and the lots won as bars.
fn spread(ctx: Ctx, r: &Report) -> Markup {
    let d = &r.distribution;
    let mc = matches!(d.method, Method::MonteCarlo { .. });
    let bars: Vec<(String, Decimal, String)> = d
        .histogram()
        .iter()
        .map(|b| {
            let label = match b.tail {
                true => format!("≥{}", b.lots),
                false => b.lots.to_string(),
            };
            // a probability (≤ 1) as percent, for the bar's height
            let p = b.p.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default();
            (label, p, percent(b.p, 4))
        })
        .collect();
    html! {
        h2 { (ctx.t("结果分布", "The spread of outcomes")) }
        p #summary { (d.summary(ctx.lang)) }
        table #percentiles {
            thead { tr { th { (ctx.t("分位", "Percentile")) } th.num { (ctx.t("收益", "Profit")) }
                         @if mc { th.num { (ctx.t("95%区间", "95% interval")) } } } }
            tbody { @for p in &d.percentiles { tr {
                td { "P" (p.q) } td.num { (money(p.profit)) }
                @if mc { td.num { (omoney(p.low)) " – " (omoney(p.high)) } }
            } } }
        }
        p.muted { (d.method_text(ctx.lang)) }
        (chart::bars(ctx.t("中签数的精确分布", "Lots won, exact probabilities"), ctx.t("概率 %", "probability, %"), 4, &bars))
    }
}

/// 市值 → expected profit, one line per exchange, drawn up to ten times the
/// larger of the account's own value and 100,000 (the ladder runs on to
/// 2,000万 when an IPO has no cap; the table below keeps every point).
fn curve_chart(ctx: Ctx, r: &Report) -> Markup {
    let own = r.sh.mv.max(r.sz.mv).max(Decimal::from(100_000));
    let reach = own.checked_mul(Decimal::TEN).unwrap_or(own);
    let series: Vec<Series> = [(Pool::Sh, Kind::Main), (Pool::Sz, Kind::Upper)]
        .iter()
        .map(|(p, kind)| Series {
            name: pool_words(*p, ctx.lang).to_string(),
            points: r
                .curve
                .iter()
                .filter(|c| c.pool == *p && c.mv <= reach)
                .map(|c| (chart::units(c.mv, 0), chart::units(c.expected_profit, 2)))
                .collect(),
            kind: *kind,
        })
        .collect();
    html! {
        h2 { (ctx.t("市值与预期收益", "Market value → expected profit")) }
        (chart::lines(
            ctx.t("每个点是同一时期、同一批新股在该市值下的预期收益（画到本账户市值与10万中较大者的10倍）", "Each point is the same period's IPOs at that market value (drawn up to ten times the larger of this account's value and 100,000)"),
            &Axes { x_name: ctx.t("市值（元）", "market value (yuan)"), x_dp: 0, x_shown: 0,
                    y_name: ctx.t("预期收益（元）", "expected profit (yuan)"), y_dp: 2, y_shown: 0 },
            &series,
        ))
        @if !r.curve.is_empty() {
            details {
                summary { (ctx.t("曲线数据", "The curve's figures")) }
                div.scroll { table #curve {
                    thead { tr { th { (ctx.t("市场", "Exchange")) } th.num { (ctx.t("市值", "Market value")) }
                                 th.num { (ctx.t("预期收益", "Expected profit")) } th.num { (ctx.t("收益率", "Return")) }
                                 th.num { (ctx.t("增量收益率", "Marginal")) } } }
                    tbody { @for c in &r.curve { tr {
                        td { (pool_words(c.pool, ctx.lang)) } td.num { (money(c.mv)) } td.num { (money(c.expected_profit)) }
                        td.num { (pct(c.return_pct)) } td.num { (pct(c.marginal_pct)) }
                    } } }
                } }
            }
        }
    }
}

fn per_ipo(ctx: Ctx, r: &Report) -> Markup {
    if r.rows.is_empty() {
        return html! {};
    }
    html! {
        section.card {
            h2 { (ctx.t("逐只新股", "Per IPO")) " (" (r.rows.len()) ")" }
            div.scroll { table #rows {
                thead { tr {
                    th { (ctx.t("代码", "Code")) } th { (ctx.t("名称", "Name")) } th { (ctx.t("日期", "Date")) }
                    th.num { (ctx.t("中签率", "Win rate")) } th.num { (ctx.t("顶格市值", "Full quota")) }
                    th.num { (ctx.t("配号", "Numbers")) } th.num { (ctx.t("预期中签", "Expected lots")) }
                    th.num { (ctx.t("至少一签（尾号抽签）", "P(≥1), tail-number draw")) } th.num { (ctx.t("每签收益", "Profit/lot")) }
                    th.num { (ctx.t("预期收益", "Expected")) }
                } }
                tbody { @for x in &r.rows { tr data-code=(x.code) {
                    td { (x.code) } td { (x.name) } td { (x.date) }
                    td.num { (num::trim(x.win_rate_pct)) "%" } td.num { (omoney(x.full_quota_mv)) }
                    td.num { (x.numbers) } td.num { (fixed(x.expected_lots, 6)) }
                    td.num { (percent(x.p_at_least_one, 4)) } td.num { (money(x.profit_per_lot)) }
                    td.num data-k="expected_profit" { (money(x.expected_profit)) }
                } } }
            } }
        }
    }
}
