//! `daxin show` and `daxin lot`: flags → terms, the library's
//! [`IpoReport`], drawn as a table, CSV, Markdown or JSON.

use daxin::config::Config;
use daxin::fees;
use daxin::input;
use daxin::ipo::{win_rate_label, Basis};
use daxin::net;
use daxin::num::{self, big, fixed, group};
use daxin::published::Verdict;
use daxin::report::ipo::{CheckRow, FigureRow, IpoReport, Request};
use daxin::report::terms::{FeeTerms, Terms};
use daxin::{Ipo, Lang};

use super::args::{FeeArgs, Format, LotArgs};
use super::draw::{md_table, render_table, t, table_of};
use super::{CliError, Output};

fn opt_date(flag: &str, raw: &Option<String>) -> Result<Option<chrono::NaiveDate>, CliError> {
    Ok(raw
        .as_deref()
        .map(|d| input::parse_date(flag, d))
        .transpose()?)
}

/// The fee flags, each validated on its own.
fn fee_terms(a: &FeeArgs) -> Result<FeeTerms, CliError> {
    let margin_days = a
        .margin_days
        .as_deref()
        .map(|n| -> Result<i64, CliError> {
            let x = input::parse_decimal("--margin-days", n)?;
            Ok(i64::try_from(x)
                .ok()
                .filter(|d| (0..=366).contains(d) && x.fract().is_zero())
                .ok_or_else(|| {
                    daxin::Error::invalid("--margin-days", n, "a whole number of days, 0 to 366")
                })?)
        })
        .transpose()?;
    Ok(FeeTerms {
        commission: a
            .commission
            .as_deref()
            .map(|c| fees::parse_rate("--commission", c))
            .transpose()?,
        min_commission: a
            .min_commission
            .as_deref()
            .map(|m| input::parse_fee("--min-commission", m))
            .transpose()?,
        handling_fee: a
            .handling_fee
            .as_deref()
            .map(|h| input::parse_fee("--handling-fee", h))
            .transpose()?,
        pay_date: opt_date("--pay-date", &a.pay_date)?,
        deadline: opt_date("--deadline", &a.deadline)?,
        results_date: opt_date("--results-date", &a.results_date)?,
        sell_date: opt_date("--sell-date", &a.sell_date)?,
        margin_lots: a
            .margin_lots
            .as_deref()
            .map(|l| input::parse_shares("--margin-lots", l).map(|s| s.get()))
            .transpose()?,
        loan_pct: a
            .loan_pct
            .as_deref()
            .map(|p| input::parse_rate("--loan-pct", p).map(input::Rate::pct))
            .transpose()?,
        leverage: a
            .leverage
            .as_deref()
            .map(|x| input::parse_decimal("--leverage", x))
            .transpose()?,
        margin_rate: a
            .margin_rate
            .as_deref()
            .map(|r| fees::parse_rate("--margin-rate", r))
            .transpose()?,
        margin_days,
    })
}

/// `daxin lot`'s flags, each validated on its own.
pub fn lot_terms(a: &LotArgs) -> Result<Terms, CliError> {
    let price = |flag: &str, raw: &str| input::parse_price(flag, raw);
    let mut t = Terms::new(price("--issue-price", &a.issue_price)?);
    t.name = a.name.clone();
    t.board = a.board.as_deref().map(str::parse).transpose()?;
    t.currency = a.currency.as_deref().map(str::parse).transpose()?;
    // The subscription day: --date, else the HK application deadline or the
    // payment day when those are given.
    t.date = match (&a.date, &a.fees.deadline, &a.fees.pay_date) {
        (Some(d), _, _) => Some(input::parse_date("--date", d)?),
        (None, Some(d), _) => Some(input::parse_date("--deadline", d)?),
        (None, None, Some(d)) => Some(input::parse_date("--pay-date", d)?),
        (None, None, None) => None,
    };
    t.lot_size = a
        .lot_size
        .as_deref()
        .map(|l| input::parse_shares("--lot-size", l))
        .transpose()?;
    t.exit_date = opt_date("--exit-date", &a.exit_date)?;
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
        if let Some(r) = raw {
            t.prices.push((basis, price(flag, r)?, None));
        }
    }
    for (i, p) in a.price.iter().enumerate() {
        t.prices.push((
            Basis::Price,
            price("--price", p)?,
            Some(format!("price {}", i + 1)),
        ));
    }
    let shares = |flag: &str, raw: &Option<String>| {
        raw.as_deref()
            .map(|s| input::parse_shares(flag, s))
            .transpose()
    };
    t.total_shares = shares("--shares", &a.shares)?;
    t.float_shares = shares("--float-shares", &a.float_shares)?;
    t.net_profit = a
        .net_profit
        .as_deref()
        .map(|s| input::parse_amount("--net-profit", s))
        .transpose()?;
    t.revenue = a
        .revenue
        .as_deref()
        .map(|s| input::parse_money("--revenue", s))
        .transpose()?;
    t.eps = a
        .eps
        .as_deref()
        .map(|s| input::parse_decimal("--eps", s))
        .transpose()?;
    t.revenue_per_share = a
        .revenue_per_share
        .as_deref()
        .map(|s| input::parse_money("--revenue-per-share", s))
        .transpose()?;
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

fn price(p: rust_decimal::Decimal) -> String {
    fixed(p, num::price_dp(p))
}

fn pct(x: rust_decimal::Decimal) -> String {
    fixed(x, num::PCT_DP)
}

fn ratio(r: &Option<daxin::valuation::Ratio>) -> Option<String> {
    r.map(|r| fixed(r.value, num::RATIO_DP))
}

fn basis_name(f: &FigureRow, lang: Lang) -> String {
    let base = match lang {
        Lang::Zh => f.basis.name_zh(),
        Lang::En => f.basis.name_en(),
    };
    match (&f.label, f.date) {
        (Some(l), _) => format!("{base} ({l})"),
        (None, Some(d)) => format!("{base} ({d})"),
        (None, None) => base.to_string(),
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

fn csv(r: &IpoReport) -> String {
    let money = |x| fixed(x, num::MONEY_DP);
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CSV_HEADER);
    for f in &r.figures {
        let n = f.net.as_ref();
        let row = [
            r.code.clone(),
            r.name_zh.clone(),
            r.currency.code().into(),
            price(r.issue_price),
            r.lot_shares.to_string(),
            money(r.cost_per_lot),
            f.basis.id().into(),
            f.label.clone().unwrap_or_default(),
            price(f.price),
            money(f.lot_value),
            money(f.profit_per_lot),
            pct(f.gain_pct),
            pct(f.return_on_cost_pct),
            f.market_cap.map(money).unwrap_or_default(),
            f.float_market_cap.map(money).unwrap_or_default(),
            ratio(&f.pe).unwrap_or_default(),
            ratio(&f.ps).unwrap_or_default(),
            n.map(|n| money(n.total_fees)).unwrap_or_default(),
            n.map(|n| money(n.net_profit_per_lot)).unwrap_or_default(),
            n.map(|n| price(n.break_even_price)).unwrap_or_default(),
            n.and_then(|n| n.annualised_pct)
                .map(pct)
                .unwrap_or_default(),
        ];
        // Writing to a Vec cannot fail short of memory exhaustion.
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn figure_rows(r: &IpoReport, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let fs = &r.figures;
    let has_cap = fs.iter().any(|f| f.market_cap.is_some());
    let has_float = fs.iter().any(|f| f.float_market_cap.is_some());
    let has_pe = fs.iter().any(|f| f.pe.is_some());
    let has_ps = fs.iter().any(|f| f.ps.is_some());
    let cur = match lang {
        Lang::Zh => r.currency.unit_zh(),
        Lang::En => r.currency.code(),
    };
    let mut head = vec![
        t(lang, "价格基准", "basis").to_string(),
        t(lang, "价格", "price").to_string(),
        t(lang, "涨幅", "gain").to_string(),
        format!("{}({cur})", t(lang, "每签盈利", "profit/lot ")),
        format!("{}({cur})", t(lang, "每签市值", "lot value ")),
    ];
    for (has, zh, en) in [
        (has_cap, "总市值", "market cap"),
        (has_float, "流通市值", "float value"),
        (has_pe, "市盈率", "P/E"),
        (has_ps, "市销率", "P/S"),
    ] {
        if has {
            head.push(t(lang, zh, en).into());
        }
    }
    let rows = fs
        .iter()
        .map(|f| {
            let mut row = vec![
                basis_name(f, lang),
                price(f.price),
                format!("{}%", pct(f.gain_pct)),
                group(f.profit_per_lot, num::MONEY_DP),
                group(f.lot_value, num::MONEY_DP),
            ];
            if has_cap {
                row.push(f.market_cap.map(|c| big(c, lang)).unwrap_or_default());
            }
            if has_float {
                row.push(f.float_market_cap.map(|c| big(c, lang)).unwrap_or_default());
            }
            if has_pe {
                row.push(ratio(&f.pe).unwrap_or_default());
            }
            if has_ps {
                row.push(ratio(&f.ps).unwrap_or_default());
            }
            row
        })
        .collect();
    (head, rows)
}

fn header_lines(r: &IpoReport, lang: Lang) -> Vec<String> {
    let cur = match lang {
        Lang::Zh => r.currency.unit_zh().to_string(),
        Lang::En => format!(" {}", r.currency.code()),
    };
    let mut out = Vec::new();
    let mut title = if r.name_zh.is_empty() {
        t(lang, "自定义新股", "IPO from the command line").to_string()
    } else {
        match (&r.name_en, lang) {
            (Some(en), Lang::En) => format!("{en} ({})", r.name_zh),
            (Some(en), Lang::Zh) => format!("{} {en}", r.name_zh),
            (None, _) => r.name_zh.clone(),
        }
    };
    if r.code != "-" {
        title.push_str(&format!(" · {}", r.code));
    }
    if let Some(b) = r.board {
        title.push_str(&format!(
            " · {}",
            match lang {
                Lang::Zh => b.name_zh(),
                Lang::En => b.name_en(),
            }
        ));
    }
    if let Some(d) = r.listing_date {
        title.push_str(&format!(" · {} {d}", t(lang, "上市", "listed")));
    }
    out.push(title);
    out.push(format!(
        "{} {}{cur} · {} {} {} · {} {}{cur}",
        t(lang, "发行价", "issue price"),
        price(r.issue_price),
        t(lang, "每签", "lot"),
        r.lot_shares,
        t(lang, "股", "shares"),
        t(lang, "每签缴款", "cost per lot"),
        group(r.cost_per_lot, num::MONEY_DP),
    ));
    let count = |n: u64| group(rust_decimal::Decimal::from(n), 0);
    let line: Vec<String> = [
        (r.total_shares, "发行后总股本", "total shares"),
        (r.shares_offered, "发行股数", "shares offered"),
        (r.float_shares, "流通股", "float"),
    ]
    .into_iter()
    .filter_map(|(n, zh, en)| n.map(|n| format!("{} {}", t(lang, zh, en), count(n))))
    .collect();
    if !line.is_empty() {
        out.push(line.join(" · "));
    }
    let mut line = Vec::new();
    if let Some(c) = r.market_cap_at_issue {
        line.push(format!(
            "{} {}",
            t(lang, "发行价市值", "market cap at issue"),
            big(c, lang)
        ));
    }
    if let Some(p) = ratio(&r.pe_at_issue) {
        line.push(format!("{} {p}", t(lang, "发行市盈率", "P/E at issue")));
    }
    if let Some(p) = ratio(&r.ps_at_issue) {
        line.push(format!("{} {p}", t(lang, "发行市销率", "P/S at issue")));
    }
    if !line.is_empty() {
        out.push(line.join(" · "));
    }
    if let Some(n) = r.net() {
        if let Some(e) = n.entry_fee {
            out.push(format!(
                "{} {}{cur} ({} {}: {}{cur} × (1 + {}%))",
                t(lang, "一手入场费", "entry fee per lot"),
                group(e, 2),
                t(lang, "按费率日", "at the rates of"),
                n.allotment_date,
                group(r.cost_per_lot, 2),
                num::trim(n.allotment_rate_pct),
            ));
        }
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

/// A basis in `lang`: its id in English (`open`), its name in Chinese (开盘价).
fn basis_word(b: Basis, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => b.name_zh(),
        Lang::En => b.id(),
    }
}

fn check_line(c: &CheckRow, lang: Lang) -> String {
    let what = match lang {
        Lang::Zh => format!(
            "（{}·{}）",
            c.basis.map(Basis::name_zh).unwrap_or("发行时"),
            c.kind.name_zh()
        ),
        Lang::En => format!(
            " ({}{})",
            c.kind.id(),
            c.basis
                .map(|b| format!(" @ {}", b.id()))
                .unwrap_or_default()
        ),
    };
    let colon = t(lang, "：", ": ");
    let computed = c.computed_shown.clone().unwrap_or_default();
    match c.verdict {
        Verdict::Reproduces => format!("✓ {}{what} — {}", c.printed, c.source),
        Verdict::Differs => {
            let mut s = format!(
                "✗ {}{what}{colon}{} {computed}",
                c.printed,
                t(lang, "计算得", "computed")
            );
            if let Some(b) = c.fits_basis {
                s.push_str(&format!(
                    " — {} {}",
                    t(lang, "与此价格相符：", "matches the price at"),
                    basis_word(b, lang)
                ));
            }
            if let Some(why) = &c.conflict {
                s.push_str(&format!(" — {why}"));
            }
            s.push_str(&format!(" — {}", c.source));
            s
        }
        Verdict::Unverifiable => format!(
            "? {}{what}{colon}{} — {}",
            c.printed,
            t(
                lang,
                "数据缺少所需数值，无法核对",
                "the data lacks what it needs; not checked"
            ),
            c.source
        ),
    }
}

/// Draws the report in `fmt`.
pub fn draw(r: &IpoReport, fmt: Format, lang: Lang) -> Output {
    let mut out = Output::default();
    let steps = r.working.as_deref().unwrap_or_default();
    match fmt {
        Format::Json => {
            out.stdout = format!("{}\n", serde_json::to_string_pretty(r).unwrap_or_default());
        }
        Format::Csv => {
            out.stdout = csv(r);
            for s in steps {
                out.stderr
                    .push_str(&format!("{}: {}\n", s.label, s.formula));
            }
            for w in r.warnings.texts() {
                out.stderr.push_str(&format!("warning: {w}\n"));
            }
        }
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            let mut s = String::new();
            let header = header_lines(r, lang);
            if md {
                s.push_str(&format!("### {}\n\n", header[0]));
                for l in &header[1..] {
                    s.push_str(&format!("{l}  \n"));
                }
                s.push('\n');
            } else {
                for l in &header {
                    s.push_str(l);
                    s.push('\n');
                }
            }
            for w in r.warnings.texts() {
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
                s.push('\n');
                s.push_str(&md_table(&head, &rows));
            } else {
                s.push_str(&table_of(head, rows));
                s.push('\n');
            }
            s.push_str(t(
                lang,
                "以上为未扣除费用与税费的毛收益；金额、价格与涨幅均四舍五入至两位小数显示。\n",
                "Gross figures, before fees and taxes; shown rounded half-up to 2 decimals.\n",
            ));
            let bullet = if md { "- " } else { "  " };
            if r.show_fees {
                s.push_str(&fee_section(r, lang, md));
            }
            if !r.published.is_empty() {
                s.push_str(&format!(
                    "\n{}\n",
                    t(lang, "媒体公布数值核对：", "Published figures checked:")
                ));
                for c in &r.published {
                    s.push_str(&format!("{bullet}{}\n", check_line(c, lang)));
                }
            }
            if !r.notes.is_empty() {
                s.push_str(&format!(
                    "\n{}\n",
                    t(lang, "数据说明：", "Notes on the data:")
                ));
                for n in &r.notes {
                    s.push_str(&format!("{bullet}{}\n", n.line));
                }
            }
            if !r.sources.is_empty() {
                s.push_str(&format!("\n{}\n", t(lang, "来源：", "Sources:")));
                for u in &r.sources {
                    s.push_str(&format!("{bullet}{u}\n"));
                }
            }
            if !steps.is_empty() {
                s.push_str(&format!("\n{}\n", t(lang, "计算过程：", "Working:")));
                for st in steps {
                    s.push_str(&format!("{bullet}{}: {}\n", st.label, st.formula));
                }
            }
            out.stdout = s;
        }
    }
    out
}

/// Net figures, the fee items by price, the margin outcome and the tax note.
fn fee_section(r: &IpoReport, lang: Lang, md: bool) -> String {
    let Some(n) = r.net() else {
        return String::new();
    };
    let mut s = String::new();
    let cur = match lang {
        Lang::Zh => r.currency.unit_zh(),
        Lang::En => r.currency.code(),
    };
    s.push_str(&format!(
        "\n{} ({}{cur})\n",
        t(
            lang,
            "扣除费用后（按卖出当日费率）",
            "Net of fees (at the rates of each sale day)"
        ),
        t(lang, "实付资金 ", "cash paid ").to_string() + &group(n.cash_paid, 2),
    ));
    let head = vec![
        t(lang, "价格基准", "basis").to_string(),
        t(lang, "卖出日", "sale date").to_string(),
        t(lang, "费用合计", "fees").to_string(),
        t(lang, "每签净收益", "net profit/lot").to_string(),
        t(lang, "保本卖价", "break-even").to_string(),
        t(lang, "资金收益率", "return on cash").to_string(),
        t(
            lang,
            "年化（单利，实际天数/365）",
            "annualised (simple, ACT/365)",
        )
        .to_string(),
    ];
    let nets: Vec<(&FigureRow, &daxin::report::ipo::NetRow)> = r
        .figures
        .iter()
        .filter_map(|f| f.net.as_ref().map(|n| (f, n)))
        .collect();
    let rows = nets
        .iter()
        .map(|(f, x)| {
            vec![
                match lang {
                    Lang::Zh => f.basis.name_zh().to_string(),
                    Lang::En => f.basis.name_en().to_string(),
                },
                x.sale_date.to_string(),
                group(x.total_fees, 2),
                group(x.net_profit_per_lot, 2),
                price(x.break_even_price),
                format!("{}%", pct(x.return_on_cash_pct)),
                match (x.annualised_pct, x.days) {
                    (Some(a), Some(d)) => format!("{}% / {d}{}", pct(a), t(lang, "天", "d")),
                    _ => "—".into(),
                },
            ]
        })
        .collect();
    s.push_str(&render_table(head, rows, md));

    // Fee items by price.
    let mut head = vec![t(lang, "费用项目", "fee item").to_string()];
    head.extend(
        nets.iter()
            .map(|(f, _)| basis_word(f.basis, lang).to_string()),
    );
    let mut rows: Vec<Vec<String>> = Vec::new();
    let name = |zh: &str, en: &str| match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    };
    for l in &n.allotment_fees {
        let mut row = vec![name(&l.name_zh, &l.name_en) + t(lang, "（中签）", " (allotment)")];
        // combined items are shown unrounded (4 places): they are rounded once, in total
        let shown = if l.amount.is_zero() {
            fixed(l.amount, 2)
        } else {
            fixed(l.amount, 4)
        };
        row.extend(nets.iter().map(|_| shown.clone()));
        rows.push(row);
    }
    if !n.allotment_fees.is_empty() && n.allotment_total > rust_decimal::Decimal::ZERO {
        let mut row = vec![t(
            lang,
            "中签费用合计（一次舍入）",
            "allotment charge (rounded once)",
        )
        .to_string()];
        row.extend(nets.iter().map(|_| group(n.allotment_total, 2)));
        rows.push(row);
    }
    if n.handling_fee > rust_decimal::Decimal::ZERO {
        let mut row = vec![t(lang, "认购手续费", "application handling fee").to_string()];
        row.extend(nets.iter().map(|_| group(n.handling_fee, 2)));
        rows.push(row);
    }
    if let Some((_, first)) = nets.first() {
        for (i, l) in first.fees.iter().enumerate() {
            let mut row = vec![name(&l.name_zh, &l.name_en)];
            row.extend(nets.iter().map(|(_, x)| {
                x.fees
                    .get(i)
                    .filter(|y| y.item == l.item)
                    .map(|y| group(y.amount, 2))
                    .unwrap_or_default()
            }));
            rows.push(row);
        }
    }
    s.push_str(&render_table(head, rows, md));
    if n.allotment_total.is_zero() && r.currency == daxin::Currency::Cny {
        s.push_str(t(
            lang,
            "新股中签缴款本身不收取佣金、过户费和印花税。\n",
            "The allotment itself carries no commission, transfer fee or stamp duty.\n",
        ));
    }

    if let Some(m) = &r.margin {
        s.push_str(&format!(
            "\n{}: {} {} · {} {}{cur} · {} {}{cur} · {} {}{cur} · {}% × {}{} → {} {}{cur} · {} {}{cur}\n",
            t(lang, "孖展认购", "Margin application"),
            m.lots,
            t(lang, "手", "lots"),
            t(lang, "申购金额", "amount"),
            group(m.application_amount, 2),
            t(lang, "融资", "loan"),
            group(m.loan, 2),
            t(lang, "自有资金", "own cash"),
            group(m.own_cash, 2),
            num::trim(m.annual_rate_pct),
            m.days,
            t(lang, "天", " days"),
            t(lang, "利息", "interest"),
            group(m.interest, 2),
            t(lang, "手续费", "handling fee"),
            group(m.handling_fee, 2),
        ));
        let head = vec![
            t(lang, "价格基准", "basis").to_string(),
            t(lang, "中一手净收益", "net if one lot").to_string(),
            t(lang, "未中签", "net if none").to_string(),
            t(lang, "保本一手中签率", "break-even one-lot rate").to_string(),
        ];
        let rows = m
            .outcomes
            .iter()
            .map(|o| {
                vec![
                    basis_word(o.basis, lang).to_string(),
                    group(o.if_allotted, 2),
                    group(o.if_not, 2),
                    o.break_even_rate_pct
                        .map(|x| format!("{}%", fixed(x, 2)))
                        .unwrap_or_else(|| t(lang, "中签亦亏损", "loses even if allotted").into()),
                ]
            })
            .collect();
        s.push_str(&render_table(head, rows, md));
    }
    s.push_str(&format!(
        "{}: {}\n",
        t(lang, "税", "Tax"),
        net::tax_note(r.currency, lang)
    ));
    s
}
