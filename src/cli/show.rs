//! `daxin show` and `daxin lot`: flags → terms, the library's
//! [`IpoReport`], drawn as a table, CSV, Markdown or JSON.

use rust_decimal::Decimal;

use daxin::config::Config;
use daxin::fees;
use daxin::input::{self, opt};
use daxin::ipo::{win_rate_label, Basis};
use daxin::net;
use daxin::num::{self, big, fixed, group};
use daxin::report::ipo::{FeesRow, FigureRow, IpoReport, MarginRow, NetRow, Request};
use daxin::report::terms::{FeeTerms, Terms};
use daxin::{Ipo, Lang};

use super::args::{FeeArgs, Format, LotArgs};
use super::draw::{csv_of, json, md_table, render_table, t, table_of};
use super::{CliError, Output};

/// The fee flags, each validated on its own.
fn fee_terms(a: &FeeArgs) -> Result<FeeTerms, CliError> {
    let days = |flag: &str, raw: &str| {
        let why = daxin::why!(
            "a whole number of days, 0 to 366",
            "0 到 366 之间的整数天数"
        );
        input::parse_whole(flag, raw, 0..=366, why).map(|d| d as i64)
    };
    let margin_days = opt("--margin-days", a.margin_days.as_deref(), days)?;
    Ok(FeeTerms {
        commission: opt("--commission", a.commission.as_deref(), fees::parse_rate)?,
        min_commission: opt(
            "--min-commission",
            a.min_commission.as_deref(),
            input::parse_fee,
        )?,
        handling_fee: opt(
            "--handling-fee",
            a.handling_fee.as_deref(),
            input::parse_fee,
        )?,
        pay_date: opt("--pay-date", a.pay_date.as_deref(), input::parse_date)?,
        deadline: opt("--deadline", a.deadline.as_deref(), input::parse_date)?,
        results_date: opt(
            "--results-date",
            a.results_date.as_deref(),
            input::parse_date,
        )?,
        sell_date: opt("--sell-date", a.sell_date.as_deref(), input::parse_date)?,
        margin_lots: opt("--margin-lots", a.margin_lots.as_deref(), |f, r| {
            input::parse_whole(
                f,
                r,
                1..=u64::from(u32::MAX),
                daxin::why!(
                    "a whole number of lots, at least 1",
                    "须为整数手，至少 1 手"
                ),
            )
        })?,
        loan_pct: opt("--loan-pct", a.loan_pct.as_deref(), input::parse_rate)?
            .map(input::Rate::pct),
        leverage: opt("--leverage", a.leverage.as_deref(), input::parse_decimal)?,
        margin_rate: opt("--margin-rate", a.margin_rate.as_deref(), fees::parse_rate)?,
        margin_days,
    })
}

/// `daxin lot`'s flags, each validated on its own.
pub fn lot_terms(a: &LotArgs) -> Result<Terms, CliError> {
    let mut t = Terms::new(input::parse_price("--issue-price", &a.issue_price)?);
    t.name = a.name.clone();
    t.board = a.board.as_deref().map(str::parse).transpose()?;
    t.currency = a.currency.as_deref().map(str::parse).transpose()?;
    // The subscription day: --date, else the HK application deadline or the
    // payment day when those are given.
    let (date, fees) = (a.date.as_deref(), &a.fees);
    t.date = match (date, fees.deadline.as_deref(), fees.pay_date.as_deref()) {
        (Some(d), _, _) => Some(input::parse_date("--date", d)?),
        (None, Some(d), _) => Some(input::parse_date("--deadline", d)?),
        (None, None, Some(d)) => Some(input::parse_date("--pay-date", d)?),
        (None, None, None) => None,
    };
    t.lot_size = opt("--lot-size", a.lot_size.as_deref(), input::parse_shares)?;
    t.exit_date = opt("--exit-date", a.exit_date.as_deref(), input::parse_date)?;
    let named = [
        (Basis::Open, "--open", &a.open),
        (Basis::High, "--high", &a.high),
        (Basis::Low, "--low", &a.low),
        (Basis::Close, "--close", &a.close),
        (Basis::Avg, "--avg", &a.avg),
        (Basis::Exit, "--exit", &a.exit),
        (Basis::Grey, "--grey", &a.grey),
    ];
    for (basis, flag, raw) in named {
        if let Some(p) = opt(flag, raw.as_deref(), input::parse_price)? {
            t.prices.push((basis, p, None));
        }
    }
    for (i, p) in a.price.iter().enumerate() {
        let label = Some(format!("price {}", i + 1));
        t.prices
            .push((Basis::Price, input::parse_price("--price", p)?, label));
    }
    t.total_shares = opt("--shares", a.shares.as_deref(), input::parse_shares)?;
    t.float_shares = opt(
        "--float-shares",
        a.float_shares.as_deref(),
        input::parse_shares,
    )?;
    t.net_profit = opt("--net-profit", a.net_profit.as_deref(), input::parse_amount)?;
    t.revenue = opt("--revenue", a.revenue.as_deref(), input::parse_money)?;
    t.eps = opt("--eps", a.eps.as_deref(), input::parse_decimal)?;
    let rps = a.revenue_per_share.as_deref();
    t.revenue_per_share = opt("--revenue-per-share", rps, input::parse_money)?;
    Ok(t)
}

/// Builds the report of `ipo` with the fee flags and draws it.
pub fn report(
    ipo: &Ipo,
    a: &FeeArgs,
    config: &Config,
    req: Request,
    fmt: Format,
) -> Result<Output, CliError> {
    let lang = req.lang;
    let r = build(ipo, a, config, req)?;
    Ok(draw(&r, fmt, lang))
}

/// The report of `ipo` with the fee flags.
pub fn build(
    ipo: &Ipo,
    a: &FeeArgs,
    config: &Config,
    mut req: Request,
) -> Result<IpoReport, CliError> {
    let (net, margin, warnings) = fee_terms(a)?.resolve(ipo.currency, config)?;
    req.warnings.extend(warnings);
    req.net = net;
    req.margin = margin;
    req.fees = a.fees;
    Ok(IpoReport::build(ipo, &req)?)
}

fn price(p: Decimal) -> String {
    fixed(p, num::price_dp(p))
}

fn pct(x: Decimal) -> String {
    fixed(x, num::PCT_DP)
}

fn money(x: Decimal) -> String {
    group(x, num::MONEY_DP)
}

fn ratio(r: &Option<daxin::valuation::Ratio>) -> Option<String> {
    r.map(|r| fixed(r.value, num::RATIO_DP))
}

/// The currency after an amount: 元 in Chinese, ` CNY` in English.
fn unit(r: &IpoReport, lang: Lang) -> String {
    match lang {
        Lang::Zh => r.currency.unit_zh().to_string(),
        Lang::En => format!(" {}", r.currency.code()),
    }
}

/// The currency in a column's name: 元 in Chinese, `CNY` in English.
fn unit_head(r: &IpoReport, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => r.currency.unit_zh(),
        Lang::En => r.currency.code(),
    }
}

const CSV_HEADER: [&str; 21] = [
    "code",
    "name",
    "currency",
    "issue_price",
    "lot_shares",
    "cost_per_lot",
    "basis",
    "label",
    "price",
    "lot_value",
    "profit_per_lot",
    "gain_pct",
    "return_on_cost_pct",
    "market_cap",
    "float_market_cap",
    "pe",
    "ps",
    "total_fees",
    "net_profit_per_lot",
    "break_even_price",
    "annualised_pct",
];

/// One row per price, plain numbers.
fn csv(r: &IpoReport) -> String {
    let plain = |x| fixed(x, num::MONEY_DP);
    let om = |x: Option<Decimal>| x.map(plain).unwrap_or_default();
    let rows: Vec<Vec<String>> = r
        .figures
        .iter()
        .map(|f| {
            let n = f.net.as_ref();
            vec![
                r.code.clone(),
                r.name_zh.clone(),
                r.currency.code().into(),
                price(r.issue_price),
                r.lot_shares.to_string(),
                plain(r.cost_per_lot),
                f.basis.id().into(),
                f.label.clone().unwrap_or_default(),
                price(f.price),
                plain(f.lot_value),
                plain(f.profit_per_lot),
                pct(f.gain_pct),
                pct(f.return_on_cost_pct),
                om(f.market_cap),
                om(f.float_market_cap),
                ratio(&f.pe).unwrap_or_default(),
                ratio(&f.ps).unwrap_or_default(),
                om(n.map(|n| n.total_fees)),
                om(n.map(|n| n.net_profit_per_lot)),
                n.map(|n| price(n.break_even_price)).unwrap_or_default(),
                n.and_then(|n| n.annualised_pct)
                    .map(pct)
                    .unwrap_or_default(),
            ]
        })
        .collect();
    csv_of(&CSV_HEADER, &rows)
}

/// The gross figures at each price; the columns of market value and
/// multiples only when some price has them.
fn figure_rows(r: &IpoReport, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let fs = &r.figures;
    let has_cap = fs.iter().any(|f| f.market_cap.is_some());
    let has_float = fs.iter().any(|f| f.float_market_cap.is_some());
    let has_pe = fs.iter().any(|f| f.pe.is_some());
    let has_ps = fs.iter().any(|f| f.ps.is_some());
    let cur = unit_head(r, lang);
    let mut head = vec![
        t(lang, "价格基准", "basis").to_string(),
        t(lang, "价格", "price").to_string(),
        t(lang, "涨幅", "gain").to_string(),
        format!("{}({cur})", t(lang, "每签盈利", "profit/lot ")),
        format!("{}({cur})", t(lang, "每签市值", "lot value ")),
    ];
    let optional = [
        (has_cap, "总市值", "market cap"),
        (has_float, "流通市值", "float value"),
        (has_pe, "市盈率", "P/E"),
        (has_ps, "市销率", "P/S"),
    ];
    head.extend(
        optional
            .iter()
            .filter(|o| o.0)
            .map(|o| t(lang, o.1, o.2).into()),
    );
    let big = |c: Option<Decimal>| c.map(|c| big(c, lang)).unwrap_or_default();
    let rows = fs
        .iter()
        .map(|f| {
            let mut row = vec![
                f.name(lang),
                price(f.price),
                format!("{}%", pct(f.gain_pct)),
                money(f.profit_per_lot),
                money(f.lot_value),
            ];
            let cells = [
                (has_cap, big(f.market_cap)),
                (has_float, big(f.float_market_cap)),
                (has_pe, ratio(&f.pe).unwrap_or_default()),
                (has_ps, ratio(&f.ps).unwrap_or_default()),
            ];
            row.extend(cells.into_iter().filter(|c| c.0).map(|c| c.1));
            row
        })
        .collect();
    (head, rows)
}

/// The first line: the names, the code, the board and the listing day.
fn title(r: &IpoReport, lang: Lang) -> String {
    let mut title = match (&r.name_en, lang) {
        _ if r.name_zh.is_empty() => t(lang, "自定义新股", "IPO from the command line").into(),
        (Some(en), Lang::En) => format!("{en} ({})", r.name_zh),
        (Some(en), Lang::Zh) => format!("{} {en}", r.name_zh),
        (None, _) => r.name_zh.clone(),
    };
    if r.code != "-" {
        title.push_str(&format!(" · {}", r.code));
    }
    if let Some(b) = r.board {
        let board = b.name(lang);
        title.push_str(&format!(" · {board}"));
    }
    if let Some(d) = r.listing_date {
        title.push_str(&format!(" · {} {d}", t(lang, "上市", "listed")));
    }
    title
}

/// The share counts and the figures at the issue price, when known.
fn issue_lines(r: &IpoReport, lang: Lang) -> Vec<String> {
    let count = |n: u64| group(Decimal::from(n), 0);
    let counts: Vec<String> = [
        (r.total_shares, "发行后总股本", "total shares"),
        (r.shares_offered, "发行股数", "shares offered"),
        (r.float_shares, "流通股", "float"),
    ]
    .into_iter()
    .filter_map(|(n, zh, en)| n.map(|n| format!("{} {}", t(lang, zh, en), count(n))))
    .collect();
    let mut at_issue = Vec::new();
    if let Some(c) = r.market_cap_at_issue {
        let label = t(lang, "发行价市值", "market cap at issue");
        at_issue.push(format!("{label} {}", big(c, lang)));
    }
    if let Some(p) = ratio(&r.pe_at_issue) {
        at_issue.push(format!("{} {p}", t(lang, "发行市盈率", "P/E at issue")));
    }
    if let Some(p) = ratio(&r.ps_at_issue) {
        at_issue.push(format!("{} {p}", t(lang, "发行市销率", "P/S at issue")));
    }
    [counts, at_issue]
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.join(" · "))
        .collect()
}

/// The lines above the table: the IPO, its price and lot, its shares and
/// issue-time figures, the Hong Kong entry fee, the win rates.
fn header_lines(r: &IpoReport, lang: Lang) -> Vec<String> {
    let cur = unit(r, lang);
    let mut out = vec![title(r, lang)];
    out.push(format!(
        "{} {}{cur} · {} {} {} · {} {}{cur}",
        t(lang, "发行价", "issue price"),
        price(r.issue_price),
        t(lang, "每签", "lot"),
        r.lot_shares,
        t(lang, "股", "shares"),
        t(lang, "每签缴款", "cost per lot"),
        money(r.cost_per_lot),
    ));
    out.extend(issue_lines(r, lang));
    if let Some((n, e)) = r.net().and_then(|n| n.entry_fee.map(|e| (n, e))) {
        out.push(format!(
            "{} {}{cur} ({} {}: {}{cur} × (1 + {}%))",
            t(lang, "一手入场费", "entry fee per lot"),
            money(e),
            t(lang, "按费率日", "at the rates of"),
            n.allotment_date,
            money(r.cost_per_lot),
            num::trim(n.allotment_rate_pct),
        ));
    }
    if !r.win_rates.is_empty() {
        let rates: Vec<String> = r
            .win_rates
            .iter()
            .map(|(k, v)| format!("{} {}%", win_rate_label(k, lang), v.normalize()))
            .collect();
        out.push(format!(
            "{} {}",
            t(lang, "中签率", "win rate"),
            rates.join(" · ")
        ));
    }
    out
}

/// Draws the report in `fmt`.
pub fn draw(r: &IpoReport, fmt: Format, lang: Lang) -> Output {
    match fmt {
        Format::Json => Output {
            stdout: json(r),
            ..Output::default()
        },
        Format::Csv => {
            let steps = r.working.iter().flatten();
            let working = steps.map(|s| format!("{}: {}\n", s.label, s.formula));
            let note = t(lang, "注意", "warning");
            let warnings = r
                .shown_warnings()
                .into_iter()
                .map(|w| format!("{note}: {w}\n"));
            Output {
                stdout: csv(r),
                stderr: working.chain(warnings).collect(),
                code: 0,
            }
        }
        Format::Table | Format::Md => Output {
            stdout: text(r, lang, fmt == Format::Md),
            ..Output::default()
        },
    }
}

/// The table and Markdown output: the header, the gross figures, the net
/// figures when asked for, then the checks, notes, sources and working.
fn text(r: &IpoReport, lang: Lang, md: bool) -> String {
    let header = header_lines(r, lang);
    let mut s = if md {
        let rest: String = header[1..].iter().map(|l| format!("{l}  \n")).collect();
        format!("### {}\n\n{rest}\n", header[0])
    } else {
        header.iter().map(|l| format!("{l}\n")).collect()
    };
    for w in r.shown_warnings() {
        s.push_str(&format!("{}: {w}\n", t(lang, "注意", "warning")));
    }
    let (head, rows) = figure_rows(r, lang);
    if rows.is_empty() {
        s.push_str(t(
            lang,
            "（数据中没有上市后的价格，只有发行时的数值）\n",
            "(no traded prices in the data: issue-time figures only)\n",
        ));
    } else if md {
        s.push_str(&format!("\n{}", md_table(&head, &rows)));
    } else {
        s.push_str(&format!("{}\n", table_of(head, rows)));
    }
    s.push_str(t(
        lang,
        "以上为未扣除费用与税费的毛收益；金额、价格与涨幅均四舍五入至两位小数显示。\n",
        "Gross figures, before fees and taxes; shown rounded half-up to 2 decimals.\n",
    ));
    if r.show_fees {
        s.push_str(&fee_section(r, lang, md));
    }
    let bullet = if md { "- " } else { "  " };
    let mut list = |title: (&'static str, &'static str), lines: Vec<String>| {
        if !lines.is_empty() {
            s.push_str(&format!("\n{}\n", t(lang, title.0, title.1)));
            s.extend(lines.iter().map(|l| format!("{bullet}{l}\n")));
        }
    };
    let checks = r.published.iter().map(|c| c.line(lang)).collect();
    list(("媒体公布数值核对：", "Published figures checked:"), checks);
    let notes = r.notes.iter().map(|n| n.line.clone()).collect();
    list(("数据说明：", "Notes on the data:"), notes);
    list(("来源：", "Sources:"), r.sources.clone());
    let steps = r.working.iter().flatten();
    let working = steps
        .map(|st| format!("{}: {}", st.label, st.formula))
        .collect();
    list(("计算过程：", "Working:"), working);
    s
}

/// Net figures, the fee items by price, the margin outcome and the tax note.
fn fee_section(r: &IpoReport, lang: Lang, md: bool) -> String {
    let Some(n) = r.net() else {
        return String::new();
    };
    let nets: Vec<(&FigureRow, &NetRow)> = r
        .figures
        .iter()
        .filter_map(|f| f.net.as_ref().map(|n| (f, n)))
        .collect();
    let mut s = format!(
        "\n{} ({}{})\n",
        t(
            lang,
            "扣除费用后（按卖出当日费率）",
            "Net of fees (at the rates of each sale day)"
        ),
        t(lang, "实付资金 ", "cash paid "),
        money(n.cash_paid) + unit_head(r, lang),
    );
    s.push_str(&net_table(&nets, lang, md));
    s.push_str(&fee_items(n, &nets, lang, md));
    if n.allotment_total.is_zero() && r.currency == daxin::Currency::Cny {
        s.push_str(t(
            lang,
            "新股中签缴款本身不收取佣金、过户费和印花税。\n",
            "The allotment itself carries no commission, transfer fee or stamp duty.\n",
        ));
    }
    if let Some(m) = &r.margin {
        s.push_str(&format!("\n{}\n", m.line(unit_head(r, lang), lang)));
        s.push_str(&margin_table(m, lang, md));
    }
    let tax = net::tax_note(r.currency, lang);
    s.push_str(&format!("{}: {tax}\n", t(lang, "税", "Tax")));
    s
}

/// At each price: the sale day, the fees, the net profit, the break-even
/// price, the return on the cash and its annualised figure.
fn net_table(nets: &[(&FigureRow, &NetRow)], lang: Lang, md: bool) -> String {
    let head = [
        ("价格基准", "basis"),
        ("卖出日", "sale date"),
        ("费用合计", "fees"),
        ("每签净收益", "net profit/lot"),
        ("保本卖价", "break-even"),
        ("资金收益率", "return on cash"),
        ("年化（单利，实际天数/365）", "annualised (simple, ACT/365)"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let rows = nets
        .iter()
        .map(|(f, x)| {
            let annualised = match (x.annualised_pct, x.days) {
                (Some(a), Some(d)) => format!("{}% / {d}{}", pct(a), t(lang, "天", "d")),
                _ => "—".into(),
            };
            vec![
                f.basis.name(lang).to_string(),
                x.sale_date.to_string(),
                money(x.total_fees),
                money(x.net_profit_per_lot),
                price(x.break_even_price),
                format!("{}%", pct(x.return_on_cash_pct)),
                annualised,
            ]
        })
        .collect();
    render_table(head, rows, md)
}

/// Every fee item, a column per price: the allotment charge's items and
/// total, the handling fee, the selling costs.
fn fee_items(n: &FeesRow, nets: &[(&FigureRow, &NetRow)], lang: Lang, md: bool) -> String {
    let mut head = vec![t(lang, "费用项目", "fee item").to_string()];
    head.extend(nets.iter().map(|(f, _)| f.basis.word(lang).to_string()));
    let name = |zh: &str, en: &str| t_owned(lang, zh, en);
    // the same amount at every price
    let same = |label: String, cell: String| {
        let mut row = vec![label];
        row.extend(nets.iter().map(|_| cell.clone()));
        row
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for l in &n.allotment_fees {
        // combined items are shown unrounded (4 places): they are rounded once, in total
        let dp = if l.amount.is_zero() { 2 } else { 4 };
        let label = name(&l.name_zh, &l.name_en) + t(lang, "（中签）", " (allotment)");
        rows.push(same(label, fixed(l.amount, dp)));
    }
    if !n.allotment_fees.is_empty() && n.allotment_total > Decimal::ZERO {
        let label = t(
            lang,
            "中签费用合计（一次舍入）",
            "allotment charge (rounded once)",
        );
        rows.push(same(label.into(), money(n.allotment_total)));
    }
    if n.handling_fee > Decimal::ZERO {
        let label = t(lang, "认购手续费", "application handling fee");
        rows.push(same(label.into(), money(n.handling_fee)));
    }
    if let Some((_, first)) = nets.first() {
        for (i, l) in first.fees.iter().enumerate() {
            let mut row = vec![name(&l.name_zh, &l.name_en)];
            row.extend(nets.iter().map(|(_, x)| {
                let item = x.fees.get(i).filter(|y| y.item == l.item);
                item.map(|y| money(y.amount)).unwrap_or_default()
            }));
            rows.push(row);
        }
    }
    render_table(head, rows, md)
}

fn t_owned(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A margin application at each price: allotted a lot, or none, and the
/// one-lot rate at which it breaks even.
fn margin_table(m: &MarginRow, lang: Lang, md: bool) -> String {
    let head = [
        ("价格基准", "basis"),
        ("中一手净收益", "net if one lot"),
        ("未中签", "net if none"),
        ("保本一手中签率", "break-even one-lot rate"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let rows = m
        .outcomes
        .iter()
        .map(|o| {
            let rate = o.break_even_rate_pct.map(|x| format!("{}%", fixed(x, 2)));
            let loses = t(lang, "任何中签率都不保本", "no win rate breaks even");
            vec![
                o.basis.word(lang).to_string(),
                money(o.if_allotted),
                money(o.if_not),
                rate.unwrap_or_else(|| loses.into()),
            ]
        })
        .collect();
    render_table(head, rows, md)
}
