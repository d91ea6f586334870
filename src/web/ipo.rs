//! One IPO (`/ipo/{code}`, `daxin show --format html`) and the calculator
//! (`/lot`, `daxin lot --format html`): the library's [`IpoReport`] drawn.

use axum::extract::{Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};

use crate::board::Board;
use crate::error::Result;
use crate::headline::Lang;
use crate::ipo::Provenance;
use crate::net;
use crate::num::{self, big, fixed};
use crate::published::Verdict;
use crate::report::headlines::HeadlineReport;
use crate::report::ipo::NoteRow;
use crate::report::ipo::{CheckRow, IpoReport, Request};
use crate::report::terms::Built;
use crate::Ipo;

use super::chart;
use super::form::{FeeForm, LotForm};
use super::page::{
    self, document, error_box, lang_field, money, pct, price, respond, sign_class, Ctx,
};
use super::AppState;

/// The report of `ipo` with the fee form's terms, as `daxin show` builds it.
pub(crate) fn build(
    state: &AppState,
    ipo: &Ipo,
    f: &FeeForm,
    lang: Lang,
    explain: bool,
    fees: bool,
    built: Option<&Built>,
) -> Result<IpoReport> {
    let (netopts, margin, warnings) = f.terms()?.resolve(ipo.currency, state.config())?;
    let mut req = Request::new(lang);
    req.explain = explain;
    if let Some(b) = built {
        req.warnings = b.warnings.clone();
        req.working = b.working.clone();
    }
    req.warnings.extend(warnings);
    req.net = netopts;
    req.margin = margin;
    req.fees = fees;
    IpoReport::build(ipo, &req)
}

/// The language of a request: its `lang` field, else Chinese.
pub(crate) fn lang_of(v: &Option<String>) -> Lang {
    v.as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or_default()
}

/// `GET /ipo/{code}`.
pub async fn page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(f): Query<FeeForm>,
    RawQuery(q): RawQuery,
) -> Response {
    let lang = lang_of(&f.lang);
    let ctx = Ctx::served(lang);
    let ipo = match state.data().find(&code) {
        Ok(i) => i,
        Err(e) => return page::error_page(lang, StatusCode::NOT_FOUND, &e.text(lang)),
    };
    let here = format!("/ipo/{}", ipo.code);
    let title = ipo.name_zh.clone();
    match build(&state, ipo, &f, lang, true, f.any(), None) {
        Ok(r) => {
            let heads = HeadlineReport::build(ipo, None, lang, false).ok();
            let body = html! {
                (report_body(ctx, &r, heads.as_ref(), Some(fee_form(ctx, &here, &f, &r))))
            };
            respond(
                StatusCode::OK,
                document(ctx, &title, &here, q.as_deref(), body),
            )
        }
        Err(e) => {
            // the terms were refused: the figures without them, and the form
            let plain = build(&state, ipo, &FeeForm::default(), lang, true, false, None);
            let body = html! {
                (error_box(ctx, &e.text(ctx.lang)))
                @if let Ok(r) = &plain {
                    (report_body(ctx, r, None, Some(fee_form(ctx, &here, &f, r))))
                }
            };
            respond(
                StatusCode::BAD_REQUEST,
                document(ctx, &title, &here, q.as_deref(), body),
            )
        }
    }
}

/// `GET /lot`: the calculator's form and, once submitted, the report.
pub async fn lot_page(
    State(state): State<AppState>,
    Query(f): Query<LotForm>,
    RawQuery(q): RawQuery,
) -> Response {
    let lang = lang_of(&f.fees.lang);
    let ctx = Ctx::served(lang);
    let title = ctx.t("新股计算器", "IPO calculator");
    let form = lot_form(ctx, &f);
    if !f.submitted() {
        let body = html! {
            section.card {
                h1 { (title) }
                p.sub { (ctx.t("输入发行价、板块与上市首日价格，得到与 daxin lot 相同的每签盈利、涨幅、市值与费用。",
                    "Give the issue price, the board and the first day's prices: the same figures as daxin lot — profit per lot, gain, market value and fees.")) }
                (form)
            }
        };
        return respond(
            StatusCode::OK,
            document(ctx, title, "/lot", q.as_deref(), body),
        );
    }
    let result = f
        .terms()
        .and_then(|t| t.build(state.today()))
        .and_then(|b| build(&state, &b.ipo, &f.fees, lang, true, f.fees.any(), Some(&b)));
    match result {
        Ok(r) => {
            let body = html! {
                section.card { h1 { (title) } (form) }
                (report_body(ctx, &r, None, None))
            };
            respond(
                StatusCode::OK,
                document(ctx, title, "/lot", q.as_deref(), body),
            )
        }
        Err(e) => {
            let body = html! {
                section.card { h1 { (title) } (error_box(ctx, &e.text(ctx.lang))) (form) }
            };
            respond(
                StatusCode::BAD_REQUEST,
                document(ctx, title, "/lot", q.as_deref(), body),
            )
        }
    }
}

/// The report of one IPO as one self-contained HTML file
/// (`daxin show --format html`, `daxin lot --format html`).
pub fn ipo_document(r: &IpoReport, headlines: Option<&HeadlineReport>, lang: Lang) -> String {
    let ctx = Ctx::file(lang);
    let title = if r.name_zh.is_empty() {
        ctx.t("自定义新股", "IPO from its numbers").to_string()
    } else {
        r.name_zh.clone()
    };
    document(ctx, &title, "", None, report_body(ctx, r, headlines, None)).into_string()
}

fn title_of(ctx: Ctx, r: &IpoReport) -> String {
    if r.name_zh.is_empty() {
        return ctx.t("自定义新股", "IPO from its numbers").to_string();
    }
    match (&r.name_en, ctx.lang) {
        (Some(en), Lang::En) => format!("{en} ({})", r.name_zh),
        (Some(en), Lang::Zh) => format!("{} {en}", r.name_zh),
        (None, _) => r.name_zh.clone(),
    }
}

/// A link to a source only when it is a web address; anything else is text.
pub(crate) fn source_link(url: &str) -> Markup {
    let web = url.starts_with("https://") || url.starts_with("http://");
    html! {
        @if web { a href=(url) rel="noreferrer noopener" { (url) } } @else { (url) }
    }
}

/// Every section of the report.
pub(crate) fn report_body(
    ctx: Ctx,
    r: &IpoReport,
    headlines: Option<&HeadlineReport>,
    fee_form: Option<Markup>,
) -> Markup {
    let lang = ctx.lang;
    let cur = match lang {
        Lang::Zh => r.currency.unit_zh(),
        Lang::En => r.currency.code(),
    };
    let count = |n: u64| num::group(rust_decimal::Decimal::from(n), 0);
    let chart_items: Vec<(String, rust_decimal::Decimal, String)> = r
        .figures
        .iter()
        .map(|f| (f.name(lang), f.profit_per_lot, money(f.profit_per_lot)))
        .collect();
    html! {
        section.card {
            h1 { (title_of(ctx, r)) }
            p.sub {
                @if r.code != "-" { (r.code) }
                @if let Some(b) = r.board { " · " (b.name(lang)) }
                @if let Some(d) = r.listing_date { " · " (ctx.t("上市", "listed")) " " (d) }
            }
            dl.facts {
                div { dt { (ctx.t("发行价", "Issue price")) } dd data-k="issue_price" { (price(r.issue_price)) " " (cur) } }
                div { dt { (ctx.t("每签股数", "Shares per lot")) } dd data-k="lot_shares" { (r.lot_shares) } }
                div { dt { (ctx.t("每签缴款", "Cost per lot")) } dd data-k="cost_per_lot" { (money(r.cost_per_lot)) " " (cur) } }
                @if let Some(c) = r.market_cap_at_issue {
                    div { dt { (ctx.t("发行价市值", "Market cap at issue")) } dd data-k="market_cap_at_issue" { (big(c, lang)) } }
                }
                @if let Some(p) = r.pe_at_issue { div { dt { (ctx.t("发行市盈率", "P/E at issue")) } dd { (fixed(p.value, num::RATIO_DP)) } } }
                @if let Some(p) = r.ps_at_issue { div { dt { (ctx.t("发行市销率", "P/S at issue")) } dd { (fixed(p.value, num::RATIO_DP)) } } }
                @if let Some(n) = r.total_shares { div { dt { (ctx.t("发行后总股本", "Total shares")) } dd { (count(n)) } } }
                @if let Some(n) = r.shares_offered { div { dt { (ctx.t("发行股数", "Shares offered")) } dd { (count(n)) } } }
                @for (k, v) in &r.win_rates {
                    div { dt { (ctx.t("中签率", "Win rate")) " (" (crate::ipo::win_rate_label(k, ctx.lang)) ")" } dd { (num::trim(*v)) "%" } }
                }
            }
            @for w in r.shown_warnings() {
                p.notice { (ctx.t("注意：", "Note: ")) (w) }
            }
        }
        @if let Some(h) = headlines {
            @if !h.headlines.is_empty() {
                section.card.headlines {
                    h2 { (ctx.t("媒体式标题", "As the press would put it")) }
                    @for l in &h.headlines { p { (l.text) } }
                }
            }
        }
        section.card {
            h2 { (ctx.t("每个价格的数值", "The figures at each price")) }
            @if r.figures.is_empty() {
                p.muted { (ctx.t("数据中没有上市后的价格，只有发行时的数值。", "No traded prices in the data: issue-time figures only.")) }
            } @else {
                (figures_table(ctx, r, cur))
                p.note { (ctx.t("以上为未扣除费用与税费的毛收益；金额、价格与涨幅均四舍五入（half-up）至两位小数显示。",
                    "Gross figures, before fees and taxes; shown rounded half-up to 2 decimals.")) }
                (chart::bars(
                    ctx.t("每签盈利（元），按价格基准", "Profit per lot at each price"),
                    &format!("{} ({cur})", ctx.t("每签盈利", "profit per lot")),
                    2,
                    &chart_items,
                ))
            }
        }
        (net_section(ctx, r, cur, fee_form))
        @if !r.published.is_empty() {
            section.card {
                h2 { (ctx.t("媒体公布数值核对", "Published figures checked")) }
                ul.checks { @for c in &r.published { li { (check_item(ctx, c)) } } }
            }
        }
        @if !r.notes.is_empty() || !r.sources.is_empty() {
            section.card {
                h2 { (ctx.t("数据说明与来源", "Notes on the data and sources")) }
                @if !r.notes.is_empty() {
                    ul.checks { @for n in &r.notes { li { (note_item(n)) } } }
                }
                @if !r.sources.is_empty() {
                    h3 { (ctx.t("来源", "Sources")) }
                    ul { @for s in &r.sources { li { (source_link(s)) } } }
                }
            }
        }
        @if let Some(steps) = &r.working {
            section.card {
                details {
                    summary { (ctx.t("计算过程（每个公式及代入的数字）", "Working (each formula with its numbers)")) }
                    ol { @for s in steps { li { (s.label) ": " (s.formula) } } }
                }
            }
        }
    }
}

fn figures_table(ctx: Ctx, r: &IpoReport, cur: &str) -> Markup {
    let fs = &r.figures;
    let has_cap = fs.iter().any(|f| f.market_cap.is_some());
    let has_pe = fs.iter().any(|f| f.pe.is_some());
    let has_ps = fs.iter().any(|f| f.ps.is_some());
    html! {
        div.scroll { table.figures {
            thead { tr {
                th { (ctx.t("价格基准", "Basis")) }
                th.num { (ctx.t("价格", "Price")) }
                th.num { (ctx.t("涨幅", "Gain")) }
                th.num { (ctx.t("每签盈利", "Profit/lot")) " (" (cur) ")" }
                th.num { (ctx.t("每签市值", "Lot value")) " (" (cur) ")" }
                @if has_cap { th.num { (ctx.t("总市值", "Market cap")) } }
                @if has_pe { th.num { (ctx.t("市盈率", "P/E")) } }
                @if has_ps { th.num { (ctx.t("市销率", "P/S")) } }
            } }
            tbody { @for f in fs {
                @let b = f.basis.id();
                tr data-basis=(b) {
                    td { (f.name(ctx.lang)) }
                    td.num data-k={ (b) ".price" } { (price(f.price)) }
                    td class=(sign_class(f.gain_pct)) data-k={ (b) ".gain_pct" } { (pct(f.gain_pct)) }
                    td class=(sign_class(f.profit_per_lot)) data-k={ (b) ".profit_per_lot" } { (money(f.profit_per_lot)) }
                    td.num data-k={ (b) ".lot_value" } { (money(f.lot_value)) }
                    @if has_cap { td.num data-k={ (b) ".market_cap" } { @if let Some(c) = f.market_cap { (big(c, ctx.lang)) } } }
                    @if has_pe { td.num { @if let Some(p) = f.pe { (fixed(p.value, num::RATIO_DP)) } } }
                    @if has_ps { td.num data-k={ (b) ".ps" } { @if let Some(p) = f.ps { (fixed(p.value, num::RATIO_DP)) } } }
                }
            } }
        } }
    }
}

fn net_section(ctx: Ctx, r: &IpoReport, cur: &str, fee_form: Option<Markup>) -> Markup {
    let net = r.net();
    let rows: Vec<_> = r
        .figures
        .iter()
        .filter_map(|f| f.net.as_ref().map(|n| (f, n)))
        .collect();
    let name = |zh: &str, en: &str| match ctx.lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    };
    html! {
        section.card {
            h2 { (ctx.t("扣除费用后", "Net of fees")) }
            @match net {
                None => {
                    @if let crate::report::ipo::Fees::Unavailable { fees_error } = &r.fees {
                        p.muted { (ctx.t("无法计算费用：", "No net figures: ")) (fees_error) }
                    }
                }
                Some(n) => {
                    p.sub {
                        (ctx.t("每签实付资金 ", "Cash paid per lot ")) strong data-k="cash_paid" { (money(n.cash_paid)) } " " (cur)
                        @if let Some(e) = n.entry_fee { " · " (ctx.t("一手入场费 ", "entry fee per lot ")) (money(e)) }
                        " · " (ctx.t("费率日 ", "fee schedule of ")) (n.allotment_date)
                    }
                    @if !rows.is_empty() {
                        div.scroll { table {
                            thead { tr {
                                th { (ctx.t("价格基准", "Basis")) }
                                th { (ctx.t("卖出日", "Sale date")) }
                                th.num { (ctx.t("费用合计", "Fees")) }
                                th.num { (ctx.t("每签净收益", "Net profit/lot")) }
                                th.num { (ctx.t("保本卖价", "Break-even")) }
                                th.num { (ctx.t("资金收益率", "Return on cash")) }
                                th.num { (ctx.t("年化(单利,ACT/365)", "Annualised (simple, ACT/365)")) }
                            } }
                            tbody { @for (f, x) in &rows {
                                @let b = f.basis.id();
                                tr {
                                    td { (f.name(ctx.lang)) }
                                    td { (x.sale_date) }
                                    td.num data-k={ (b) ".total_fees" } { (money(x.total_fees)) }
                                    td class=(sign_class(x.net_profit_per_lot)) data-k={ (b) ".net_profit_per_lot" } { (money(x.net_profit_per_lot)) }
                                    td.num data-k={ (b) ".break_even_price" } { (price(x.break_even_price)) }
                                    td.num { (pct(x.return_on_cash_pct)) }
                                    td.num { @match (x.annualised_pct, x.days) {
                                        (Some(a), Some(d)) => { (pct(a)) " / " (d) (ctx.t("天", " d")) }
                                        _ => { "—" }
                                    } }
                                }
                            } }
                        } }
                        @if let Some((_, first)) = rows.first() {
                            h3 { (ctx.t("费用明细（按", "Fee items (at the ")) (rows[0].0.name(ctx.lang)) (ctx.t("）", ")")) }
                            table { tbody {
                                @for l in &n.allotment_fees {
                                    tr { td { (name(&l.name_zh, &l.name_en)) (ctx.t("（中签）", " (allotment)")) } td.num { (fixed(l.amount, if l.amount.is_zero() { 2 } else { 4 })) } }
                                }
                                @if !n.allotment_fees.is_empty() {
                                    tr { td { (ctx.t("中签费用合计（一次舍入）", "Allotment charge (rounded once)")) } td.num { (money(n.allotment_total)) } }
                                }
                                @if !n.handling_fee.is_zero() {
                                    tr { td { (ctx.t("认购手续费", "Application handling fee")) } td.num { (money(n.handling_fee)) } }
                                }
                                @for l in &first.fees {
                                    tr { td { (name(&l.name_zh, &l.name_en)) } td.num { (money(l.amount)) } }
                                }
                            } }
                        }
                    }
                    @if let Some(m) = &r.margin {
                        h3 { (ctx.t("孖展认购", "Margin application")) }
                        p.sub {
                            (m.lots) (ctx.t(" 手 · 申购金额 ", " lots · amount ")) (money(m.application_amount))
                            (ctx.t(" · 融资 ", " · loan ")) (money(m.loan))
                            (ctx.t(" · 利息 ", " · interest ")) (money(m.interest))
                            (ctx.t(" · 手续费 ", " · handling fee ")) (money(m.handling_fee))
                        }
                        table {
                            thead { tr {
                                th { (ctx.t("价格基准", "Basis")) }
                                th.num { (ctx.t("中一手净收益", "Net if one lot")) }
                                th.num { (ctx.t("未中签", "Net if none")) }
                                th.num { (ctx.t("保本一手中签率", "Break-even one-lot rate")) }
                            } }
                            tbody { @for o in &m.outcomes { tr {
                                td { (o.basis.word(ctx.lang)) }
                                td class=(sign_class(o.if_allotted)) { (money(o.if_allotted)) }
                                td class=(sign_class(o.if_not)) { (money(o.if_not)) }
                                td.num { @match o.break_even_rate_pct {
                                    Some(x) => { (fixed(x, 2)) "%" }
                                    None => { (ctx.t("任何中签率都不保本", "no win rate breaks even")) }
                                } }
                            } } }
                        }
                    }
                    p.note { (ctx.t("税：", "Tax: ")) (net::tax_note(r.currency, ctx.lang)) }
                }
            }
            @if let Some(f) = fee_form { (f) }
        }
    }
}

fn fee_form(ctx: Ctx, here: &str, f: &FeeForm, r: &IpoReport) -> Markup {
    let v = |x: &Option<String>| x.clone().unwrap_or_default();
    let hk = r.currency == crate::Currency::Hkd;
    html! {
        details open[f.any()] {
            summary { (ctx.t("按我的券商费率计算", "With my broker's terms")) }
            form.fields method="get" action=(here) {
                (lang_field(ctx.lang))
                input type="hidden" name="fees" value="1";
                div { label for="commission" { (ctx.t("佣金（带单位：0.025%、万2.5）", "Commission (with unit: 0.025%, 万2.5)")) }
                      input #commission type="text" name="commission" value=(v(&f.commission)) placeholder="0.025%"; }
                div { label for="min_commission" { (ctx.t("最低佣金", "Minimum commission")) }
                      input #min_commission type="text" name="min_commission" value=(v(&f.min_commission)) placeholder="5"; }
                @if hk {
                    div { label for="handling_fee" { (ctx.t("认购手续费", "Handling fee")) }
                          input #handling_fee type="text" name="handling_fee" value=(v(&f.handling_fee)) placeholder="0"; }
                }
                div { label for="pay_date" { (ctx.t("缴款日（年化用）", "Payment day (for the annualised return)")) }
                      input #pay_date type="date" name="pay_date" value=(v(&f.pay_date)); }
                div { label for="sell_date" { (ctx.t("卖出日", "Sale day")) }
                      input #sell_date type="date" name="sell_date" value=(v(&f.sell_date)); }
                @if hk {
                    div { label for="margin_lots" { (ctx.t("孖展手数", "Margin lots")) }
                          input #margin_lots type="text" name="margin_lots" value=(v(&f.margin_lots)); }
                    div { label for="leverage" { (ctx.t("杠杆倍数", "Leverage")) }
                          input #leverage type="text" name="leverage" value=(v(&f.leverage)) placeholder="10"; }
                    div { label for="margin_rate" { (ctx.t("融资年利率", "Margin rate")) }
                          input #margin_rate type="text" name="margin_rate" value=(v(&f.margin_rate)) placeholder="3.99%"; }
                    div { label for="deadline" { (ctx.t("截止认购日", "Application deadline")) }
                          input #deadline type="date" name="deadline" value=(v(&f.deadline)); }
                    div { label for="results_date" { (ctx.t("公布结果日", "Results day")) }
                          input #results_date type="date" name="results_date" value=(v(&f.results_date)); }
                }
                div.actions { button type="submit" { (ctx.t("计算净收益", "Compute the net")) } }
            }
        }
    }
}

fn lot_form(ctx: Ctx, f: &LotForm) -> Markup {
    let v = |x: &Option<String>| x.clone().unwrap_or_default();
    let chosen = f.board.as_deref().unwrap_or("star");
    html! {
        form #lot.fields method="get" action="/lot" {
            (lang_field(ctx.lang))
            div { label for="issue_price" { (ctx.t("发行价", "Issue price")) }
                  input #issue_price type="text" name="issue_price" value=(v(&f.issue_price)) placeholder="104.66" required; }
            div { label for="board" { (ctx.t("板块", "Board")) }
                  select #board name="board" {
                      @for b in Board::ALL {
                          option value=(b.id()) selected[b.id() == chosen] { (b.name(ctx.lang)) }
                      }
                  } }
            div { label for="date" { (ctx.t("申购日（定每签股数）", "Subscription day (sets the lot)")) }
                  input #date type="date" name="date" value=(v(&f.date)); }
            div { label for="lot_size" { (ctx.t("每签/每手股数（港股必填）", "Shares per lot (HK: required)")) }
                  input #lot_size type="text" name="lot_size" value=(v(&f.lot_size)); }
            div { label for="open" { (ctx.t("开盘价", "Open")) } input #open type="text" name="open" value=(v(&f.open)); }
            div { label for="high" { (ctx.t("最高价", "High")) } input #high type="text" name="high" value=(v(&f.high)); }
            div { label for="low" { (ctx.t("最低价", "Low")) } input #low type="text" name="low" value=(v(&f.low)); }
            div { label for="close" { (ctx.t("收盘价", "Close")) } input #close type="text" name="close" value=(v(&f.close)); }
            div { label for="shares" { (ctx.t("发行后总股本", "Total shares")) }
                  input #shares type="text" name="shares" value=(v(&f.shares)) placeholder="4.001亿"; }
            div { label for="name" { (ctx.t("名称（可选）", "Name (optional)")) }
                  input #name type="text" name="name" value=(v(&f.name)); }
            div { label for="commission" { (ctx.t("佣金（可选）", "Commission (optional)")) }
                  input #commission type="text" name="commission" value=(v(&f.fees.commission)) placeholder="0.025%"; }
            div { label for="sell_date" { (ctx.t("卖出日（可选）", "Sale day (optional)")) }
                  input #sell_date type="date" name="sell_date" value=(v(&f.fees.sell_date)); }
            div.actions { button #calc type="submit" { (ctx.t("计算", "Calculate")) } }
        }
    }
}

fn check_item(ctx: Ctx, c: &CheckRow) -> Markup {
    let what = c.what(ctx.lang);
    let (class, word) = match c.verdict {
        Verdict::Reproduces => ("badge ok", ctx.t("✓ 相符", "✓ reproduces")),
        Verdict::Differs => ("badge bad", ctx.t("✗ 不符", "✗ differs")),
        Verdict::Unverifiable => ("badge na", ctx.t("? 无法核对", "? not checked")),
    };
    html! {
        span class=(class) { (word) }
        strong { (c.printed) } " " span.muted { "(" (what) ")" }
        @if c.verdict == Verdict::Differs {
            " — " (ctx.t("计算得 ", "computed ")) (c.computed_shown.clone().unwrap_or_default())
            @if let Some(b) = c.fits_basis { " — " (ctx.t("与此价格相符：", "matches the price at ")) (b.word(ctx.lang)) }
            @if let Some(why) = &c.conflict { " — " (why) }
        }
        @if c.verdict == Verdict::Unverifiable {
            " — " (ctx.t("数据缺少所需数值", "the data lacks what it needs"))
        }
        br;
        span.muted { (source_link(&c.source)) }
    }
}

fn note_item(n: &NoteRow) -> Markup {
    let class = match n.status {
        Provenance::Stated => "badge ok",
        Provenance::Derived => "badge warn",
        Provenance::Conflict => "badge bad",
        Provenance::Missing => "badge na",
    };
    // the line as the CLI prints it, in the page's language
    html! { span class=(class) { "•" } " " (n.line) }
}
