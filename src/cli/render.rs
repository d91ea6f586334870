//! Printing: tables, JSON, CSV and Markdown. Every number arrives computed;
//! here it is only rounded half-up for display (`daxin::num`).

use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use daxin::board::Board;
use daxin::config::Config;
use daxin::explain::{self, Step};
use daxin::fees::{FeeBase, FeeRounding, Schedule, Side};
use daxin::headline::Headline;
use daxin::ipo::{Basis, Ipo, Provenance};
use daxin::margin::{self, Loan, Margin, MarginInput, Outcome};
use daxin::net::{self, NetFigure, NetOptions, NetSummary};
use daxin::num::{self, fixed, group, price_dp};
use daxin::published::{self, Check, Verdict};
use daxin::returns::{self, Figure, Summary};
use daxin::valuation::Ratio;
use daxin::Lang;

use super::args::Format;
use super::Output;

/// A validated margin application, before its entry fee is known.
pub struct MarginSpec {
    pub lots: u64,
    pub loan: Loan,
    pub annual_rate: Decimal,
    pub days: i64,
    pub handling_fee: Decimal,
}

/// A margin application worked out, with its outcome at each price.
pub struct MarginReport {
    pub spec: MarginSpec,
    pub margin: Margin,
    pub outcomes: Vec<(Basis, Outcome)>,
}

/// Everything `show` and `lot` print about one IPO.
pub struct Report<'a> {
    pub ipo: &'a Ipo,
    pub summary: Summary,
    pub checks: Vec<Check>,
    pub warnings: Vec<String>,
    /// Working that the CLI did (which rule gave the lot).
    pub working: Vec<String>,
    /// Net figures, when the fee schedule covers the dates.
    pub net: Option<NetSummary>,
    /// Why there are no net figures.
    pub net_error: Option<String>,
    pub margin: Option<MarginReport>,
    /// Show the fee tables (`--fees`, or a margin application).
    pub show_fees: bool,
}

impl<'a> Report<'a> {
    pub fn new(
        ipo: &'a Ipo,
        warnings: Vec<String>,
        working: Vec<String>,
        schedule: &Schedule,
        opts: &NetOptions,
        margin_spec: Option<MarginSpec>,
        show_fees: bool,
    ) -> Result<Report<'a>, daxin::Error> {
        let summary = returns::compute(ipo)?;
        let checks = published::check_all(&ipo.published, &summary);
        let (net, net_error) = match net::compute(ipo, &summary, schedule, opts) {
            Ok(n) => (Some(n), None),
            Err(e) => (None, Some(e.to_string())),
        };
        let margin = match (margin_spec, &net) {
            (Some(spec), Some(n)) => {
                let entry_fee = n.entry_fee.unwrap_or(n.cash_paid);
                let m = margin::margin(&MarginInput {
                    lots: spec.lots,
                    entry_fee,
                    loan: spec.loan,
                    annual_rate: spec.annual_rate,
                    days: spec.days,
                    handling_fee: spec.handling_fee,
                })?;
                let mut outcomes = Vec::new();
                for f in &n.figures {
                    outcomes.push((f.basis, margin::outcome(&m, f.net_profit_per_lot)?));
                }
                Some(MarginReport {
                    spec,
                    margin: m,
                    outcomes,
                })
            }
            _ => None,
        };
        let mut warnings = warnings;
        if let (Some(b), Some(listed)) = (ipo.board, ipo.listing_date) {
            let prices: Vec<(&str, Decimal)> = summary
                .figures
                .iter()
                .filter(|f| {
                    matches!(
                        f.basis,
                        Basis::Open | Basis::High | Basis::Low | Basis::Close | Basis::Avg
                    )
                })
                .map(|f| (f.basis.id(), f.price))
                .collect();
            warnings.extend(daxin::rules::first_day_warnings(
                b,
                listed,
                summary.issue_price,
                &prices,
            ));
        }
        if let Some(n) = &net {
            warnings.extend(n.warnings.iter().cloned());
        }
        Ok(Report {
            ipo,
            summary,
            checks,
            warnings,
            working,
            net,
            net_error,
            margin,
            show_fees,
        })
    }

    fn net_at(&self, basis: Basis) -> Option<&NetFigure> {
        self.net
            .as_ref()
            .and_then(|n| n.figures.iter().find(|f| f.basis == basis))
    }

    fn steps(&self, lang: Lang) -> Vec<Step> {
        let mut s: Vec<Step> = self
            .working
            .iter()
            .map(|w| Step {
                label: t(lang, "规则", "rule").into(),
                formula: w.clone(),
            })
            .collect();
        s.extend(explain::steps(self.ipo, &self.summary, lang));
        if self.show_fees {
            s.extend(self.fee_steps(lang));
        }
        s
    }

    fn fee_steps(&self, lang: Lang) -> Vec<Step> {
        let mut s = Vec::new();
        let Some(n) = &self.net else {
            return s;
        };
        let name = |l: &daxin::fees::FeeLine| match lang {
            Lang::Zh => l.name_zh.clone(),
            Lang::En => l.name_en.clone(),
        };
        for l in &n.allotment.lines {
            s.push(Step {
                label: format!("{} ({})", t(lang, "中签费用", "allotment"), name(l)),
                formula: format!("{} [{}]", l.formula, l.source),
            });
        }
        if !n.allotment.lines.is_empty() {
            s.push(Step {
                label: t(lang, "中签费用合计", "allotment charge").into(),
                formula: format!(
                    "{} ({})",
                    group(n.allotment.total, 2),
                    t(
                        lang,
                        "各项合计后一次四舍五入至分",
                        "items summed, rounded once half-up to the cent"
                    )
                ),
            });
        }
        if let Some(e) = n.entry_fee {
            s.push(Step {
                label: t(lang, "入场费", "entry fee").into(),
                formula: format!(
                    "{} + {} = {}",
                    group(self.summary.cost_per_lot, 2),
                    group(n.allotment.total, 2),
                    group(e, 2)
                ),
            });
        }
        for f in &n.figures {
            let b = f.basis.id();
            for l in &f.sell.lines {
                s.push(Step {
                    label: format!("{b}: {} {}", t(lang, "卖出", "sell"), name(l)),
                    formula: l.formula.clone(),
                });
            }
            let gross = self
                .summary
                .at(f.basis)
                .map(|g| g.profit_per_lot)
                .unwrap_or_default();
            s.push(Step {
                label: format!("{b}: {}", t(lang, "每签净收益", "net profit per lot")),
                formula: format!(
                    "{} − {} − {} − {} = {}",
                    group(gross, 2),
                    group(n.allotment.total, 2),
                    group(n.handling_fee, 2),
                    group(f.sell.total, 2),
                    group(f.net_profit_per_lot, 2)
                ),
            });
            s.push(Step {
                label: format!("{b}: {}", t(lang, "保本卖价", "break-even price")),
                formula: format!(
                    "{} ({})",
                    price(f.break_even_price),
                    t(
                        lang,
                        "净收益不为负的最低价位",
                        "the lowest tick with a net profit of zero or more"
                    )
                ),
            });
            let mut r = format!(
                "{} ÷ {} × 100 = {}%",
                group(f.net_profit_per_lot, 2),
                group(n.cash_paid, 2),
                pct(f.return_on_cash_pct)
            );
            match (f.days, f.annualised_pct) {
                (Some(d), Some(a)) => r.push_str(&format!(
                    "; × 365 ÷ {d} {} = {}% ({})",
                    t(lang, "天", "days"),
                    pct(a),
                    t(lang, "单利, 实际天数/365", "simple, ACT/365")
                )),
                (Some(d), None) => r.push_str(&format!("; {d} days: not annualised")),
                _ => r.push_str(t(
                    lang,
                    "；未给出缴款日，不计年化",
                    "; no payment date given, so not annualised",
                )),
            }
            s.push(Step {
                label: format!("{b}: {}", t(lang, "资金收益率", "return on cash")),
                formula: r,
            });
        }
        if let Some(m) = &self.margin {
            let mm = &m.margin;
            s.push(Step {
                label: t(lang, "孖展申购金额", "margin application").into(),
                formula: format!(
                    "{} × {} = {}",
                    m.spec.lots,
                    group(mm.application_amount / Decimal::from(m.spec.lots), 2),
                    group(mm.application_amount, 2)
                ),
            });
            s.push(Step {
                label: t(lang, "融资利息", "interest").into(),
                formula: format!(
                    "{} × {}% × {} ÷ 365 = {}",
                    group(mm.loan, 2),
                    num::trim(m.spec.annual_rate * Decimal::ONE_HUNDRED),
                    mm.days,
                    group(mm.interest, 2)
                ),
            });
            for (b, o) in &m.outcomes {
                if let Some(r) = o.break_even_rate_pct {
                    s.push(Step {
                        label: format!(
                            "{}: {}",
                            b.id(),
                            t(lang, "保本一手中签率", "break-even one-lot rate")
                        ),
                        formula: format!(
                            "({} + {}) ÷ ({} + {}) × 100 = {}%",
                            group(mm.interest, 2),
                            group(mm.handling_fee, 2),
                            group(o.if_allotted + mm.interest, 2),
                            group(mm.handling_fee, 2),
                            fixed(r, 2)
                        ),
                    });
                }
            }
        }
        s
    }
}

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn price(p: Decimal) -> String {
    fixed(p, price_dp(p))
}

fn money(x: Decimal) -> String {
    fixed(x, num::MONEY_DP)
}

fn pct(x: Decimal) -> String {
    fixed(x, num::PCT_DP)
}

fn ratio(r: &Option<Ratio>) -> Option<String> {
    r.map(|r| fixed(r.value, num::RATIO_DP))
}

/// A large amount for a table cell: 亿 in Chinese, billions in English.
fn big(x: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Zh if x.abs() >= Decimal::from(100_000_000u64) => {
            format!("{}亿", group(x / Decimal::from(100_000_000u64), 2))
        }
        Lang::En if x.abs() >= Decimal::from(1_000_000_000u64) => {
            format!("{} bn", group(x / Decimal::from(1_000_000_000u64), 2))
        }
        _ => group(x, num::MONEY_DP),
    }
}

fn basis_name(f: &Figure, lang: Lang) -> String {
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

fn opt_s(v: Option<String>) -> Value {
    v.map(Value::String).unwrap_or(Value::Null)
}

fn figure_json(f: &Figure, n: Option<&NetFigure>) -> Value {
    let mut m = Map::new();
    m.insert("basis".into(), json!(f.basis.id()));
    if let Some(l) = &f.label {
        m.insert("label".into(), json!(l));
    }
    if let Some(d) = f.date {
        m.insert("date".into(), json!(d.to_string()));
    }
    m.insert("price".into(), json!(price(f.price)));
    m.insert("lot_value".into(), json!(money(f.lot_value)));
    m.insert("profit_per_lot".into(), json!(money(f.profit_per_lot)));
    m.insert("gain_pct".into(), json!(pct(f.gain_pct)));
    m.insert(
        "return_on_cost_pct".into(),
        json!(pct(f.return_on_cost_pct)),
    );
    m.insert("market_cap".into(), opt_s(f.market_cap.map(money)));
    m.insert(
        "float_market_cap".into(),
        opt_s(f.float_market_cap.map(money)),
    );
    m.insert("pe".into(), opt_s(ratio(&f.pe)));
    m.insert("ps".into(), opt_s(ratio(&f.ps)));
    if let Some(n) = n {
        m.insert("sale_date".into(), json!(n.sale_date.to_string()));
        m.insert(
            "fees".into(),
            Value::Array(
                n.sell
                    .lines
                    .iter()
                    .map(|l| json!({"item": l.item, "amount": money(l.amount)}))
                    .collect(),
            ),
        );
        m.insert("total_fees".into(), json!(money(n.total_fees)));
        m.insert(
            "net_profit_per_lot".into(),
            json!(money(n.net_profit_per_lot)),
        );
        m.insert("break_even_price".into(), json!(price(n.break_even_price)));
        m.insert(
            "return_on_cash_pct".into(),
            json!(pct(n.return_on_cash_pct)),
        );
        m.insert("days".into(), json!(n.days));
        m.insert("annualised_pct".into(), opt_s(n.annualised_pct.map(pct)));
    }
    Value::Object(m)
}

fn check_json(c: &Check) -> Value {
    let p = &c.published;
    json!({
        "kind": p.kind.id(),
        "basis": p.basis.map(|b| b.id()),
        "printed": p.printed,
        "value": p.value.normalize().to_string(),
        "computed": c.computed.map(|x| fixed(x, 4)),
        "verdict": c.verdict,
        "fits_basis": c.fits_basis.map(|b| b.id()),
        "conflict": p.conflict,
        "source": p.source,
        "quote": p.quote,
    })
}

fn report_json(r: &Report, lang: Lang, explain: bool) -> Value {
    let ipo = r.ipo;
    let s = &r.summary;
    let mut m = Map::new();
    m.insert("code".into(), json!(ipo.code));
    m.insert("name_zh".into(), json!(ipo.name_zh));
    m.insert("name_en".into(), json!(ipo.name_en));
    m.insert("board".into(), json!(ipo.board.map(|b| b.id())));
    m.insert(
        "listing_date".into(),
        json!(ipo.listing_date.map(|d| d.to_string())),
    );
    m.insert("currency".into(), json!(s.currency.code()));
    m.insert("issue_price".into(), json!(price(s.issue_price)));
    m.insert("lot_shares".into(), json!(s.lot_shares));
    m.insert("cost_per_lot".into(), json!(money(s.cost_per_lot)));
    m.insert(
        "total_shares".into(),
        json!(ipo.total_shares.map(|x| x.get())),
    );
    m.insert(
        "float_shares".into(),
        json!(ipo.float_shares.map(|x| x.get())),
    );
    m.insert(
        "shares_offered".into(),
        json!(ipo.shares_offered.map(|x| x.get())),
    );
    m.insert(
        "market_cap_at_issue".into(),
        opt_s(s.market_cap_at_issue.map(money)),
    );
    m.insert("pe_at_issue".into(), opt_s(ratio(&s.pe_at_issue)));
    m.insert("ps_at_issue".into(), opt_s(ratio(&s.ps_at_issue)));
    let rates: Map<String, Value> = ipo
        .win_rates
        .iter()
        .map(|(k, v)| (k.clone(), json!(v.normalize().to_string())))
        .collect();
    m.insert("win_rates_pct".into(), Value::Object(rates));
    m.insert(
        "figures".into(),
        Value::Array(
            s.figures
                .iter()
                .map(|f| figure_json(f, r.net_at(f.basis)))
                .collect(),
        ),
    );
    match &r.net {
        Some(n) => {
            if n.entry_fee.is_some() {
                m.insert("entry_fee".into(), opt_s(n.entry_fee.map(money)));
            }
            m.insert(
                "allotment_fees".into(),
                Value::Array(
                    n.allotment
                        .lines
                        .iter()
                        .map(
                            |l| json!({"item": l.item, "amount": l.amount.normalize().to_string()}),
                        )
                        .collect(),
                ),
            );
            m.insert("allotment_total".into(), json!(money(n.allotment.total)));
            m.insert(
                "fee_schedule_date".into(),
                json!(n.allotment_date.to_string()),
            );
            m.insert("handling_fee".into(), json!(money(n.handling_fee)));
            m.insert("cash_paid".into(), json!(money(n.cash_paid)));
            m.insert("annualised_convention".into(), json!("simple, ACT/365"));
            m.insert("tax_note".into(), json!(n.tax_note));
        }
        None => {
            m.insert("fees_error".into(), opt_s(r.net_error.clone()));
        }
    }
    if let Some(mr) = &r.margin {
        let mm = &mr.margin;
        m.insert(
            "margin".into(),
            json!({
                "lots": mr.spec.lots,
                "application_amount": money(mm.application_amount),
                "loan": money(mm.loan),
                "own_cash": money(mm.own_cash),
                "annual_rate_pct": num::trim(mr.spec.annual_rate * Decimal::ONE_HUNDRED),
                "days": mm.days,
                "interest": money(mm.interest),
                "handling_fee": money(mm.handling_fee),
                "if_not_allotted": money(-mm.cost_if_not_allotted),
                "outcomes": mr.outcomes.iter().map(|(b, o)| json!({
                    "basis": b.id(),
                    "if_one_lot_allotted": money(o.if_allotted),
                    "if_not_allotted": money(o.if_not),
                    "break_even_one_lot_rate_pct": o.break_even_rate_pct.map(|x| fixed(x, 4)),
                })).collect::<Vec<_>>(),
            }),
        );
    }
    m.insert(
        "published".into(),
        Value::Array(r.checks.iter().map(check_json).collect()),
    );
    m.insert("notes".into(), json!(ipo.notes));
    m.insert("sources".into(), json!(ipo.sources));
    m.insert("warnings".into(), json!(r.warnings));
    if explain {
        m.insert("explain".into(), json!(r.steps(lang)));
    }
    Value::Object(m)
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

fn report_csv(r: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![CSV_HEADER.iter().map(|s| s.to_string()).collect()];
    let s = &r.summary;
    for f in &s.figures {
        rows.push(vec![
            r.ipo.code.clone(),
            r.ipo.name_zh.clone(),
            s.currency.code().into(),
            price(s.issue_price),
            s.lot_shares.to_string(),
            money(s.cost_per_lot),
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
            r.net_at(f.basis)
                .map(|n| money(n.total_fees))
                .unwrap_or_default(),
            r.net_at(f.basis)
                .map(|n| money(n.net_profit_per_lot))
                .unwrap_or_default(),
            r.net_at(f.basis)
                .map(|n| price(n.break_even_price))
                .unwrap_or_default(),
            r.net_at(f.basis)
                .and_then(|n| n.annualised_pct)
                .map(pct)
                .unwrap_or_default(),
        ]);
    }
    for row in rows {
        // Writing to a Vec cannot fail short of memory exhaustion.
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn figure_rows(r: &Report, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let s = &r.summary;
    let has_cap = s.figures.iter().any(|f| f.market_cap.is_some());
    let has_float = s.figures.iter().any(|f| f.float_market_cap.is_some());
    let has_pe = s.figures.iter().any(|f| f.pe.is_some());
    let has_ps = s.figures.iter().any(|f| f.ps.is_some());
    let cur = match lang {
        Lang::Zh => s.currency.unit_zh(),
        Lang::En => s.currency.code(),
    };
    let mut head = vec![
        t(lang, "价格基准", "basis").to_string(),
        t(lang, "价格", "price").to_string(),
        t(lang, "涨幅", "gain").to_string(),
        format!("{}({cur})", t(lang, "每签盈利", "profit/lot ")),
        format!("{}({cur})", t(lang, "每签市值", "lot value ")),
    ];
    if has_cap {
        head.push(t(lang, "总市值", "market cap").into());
    }
    if has_float {
        head.push(t(lang, "流通市值", "float value").into());
    }
    if has_pe {
        head.push(t(lang, "市盈率", "P/E").into());
    }
    if has_ps {
        head.push(t(lang, "市销率", "P/S").into());
    }
    let rows = s
        .figures
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

fn header_lines(r: &Report, lang: Lang) -> Vec<String> {
    let ipo = r.ipo;
    let s = &r.summary;
    let cur = match lang {
        Lang::Zh => s.currency.unit_zh().to_string(),
        Lang::En => format!(" {}", s.currency.code()),
    };
    let mut out = Vec::new();
    let mut title = if ipo.name_zh.is_empty() {
        t(lang, "自定义新股", "IPO from the command line").to_string()
    } else {
        match (&ipo.name_en, lang) {
            (Some(en), Lang::En) => format!("{en} ({})", ipo.name_zh),
            (Some(en), Lang::Zh) => format!("{} {en}", ipo.name_zh),
            (None, _) => ipo.name_zh.clone(),
        }
    };
    if ipo.code != "-" {
        title.push_str(&format!(" · {}", ipo.code));
    }
    if let Some(b) = ipo.board {
        title.push_str(&format!(
            " · {}",
            match lang {
                Lang::Zh => b.name_zh(),
                Lang::En => b.name_en(),
            }
        ));
    }
    if let Some(d) = ipo.listing_date {
        title.push_str(&format!(" · {} {d}", t(lang, "上市", "listed")));
    }
    out.push(title);
    out.push(format!(
        "{} {}{cur} · {} {} {} · {} {}{cur}",
        t(lang, "发行价", "issue price"),
        price(s.issue_price),
        t(lang, "每签", "lot"),
        s.lot_shares,
        t(lang, "股", "shares"),
        t(lang, "每签缴款", "cost per lot"),
        group(s.cost_per_lot, num::MONEY_DP),
    ));
    let mut line = Vec::new();
    if let Some(n) = ipo.total_shares {
        line.push(format!(
            "{} {}",
            t(lang, "发行后总股本", "total shares"),
            group(n.dec(), 0)
        ));
    }
    if let Some(n) = ipo.shares_offered {
        line.push(format!(
            "{} {}",
            t(lang, "发行股数", "shares offered"),
            group(n.dec(), 0)
        ));
    }
    if let Some(n) = ipo.float_shares {
        line.push(format!(
            "{} {}",
            t(lang, "流通股", "float"),
            group(n.dec(), 0)
        ));
    }
    if !line.is_empty() {
        out.push(line.join(" · "));
    }
    let mut line = Vec::new();
    if let Some(c) = s.market_cap_at_issue {
        line.push(format!(
            "{} {}",
            t(lang, "发行价市值", "market cap at issue"),
            big(c, lang)
        ));
    }
    if let Some(p) = ratio(&s.pe_at_issue) {
        line.push(format!("{} {p}", t(lang, "发行市盈率", "P/E at issue")));
    }
    if let Some(p) = ratio(&s.ps_at_issue) {
        line.push(format!("{} {p}", t(lang, "发行市销率", "P/S at issue")));
    }
    if !line.is_empty() {
        out.push(line.join(" · "));
    }
    if let Some(n) = &r.net {
        if let Some(e) = n.entry_fee {
            out.push(format!(
                "{} {}{cur} ({} {}: {}{cur} × (1 + {}%))",
                t(lang, "一手入场费", "entry fee per lot"),
                group(e, 2),
                t(lang, "按费率日", "at the rates of"),
                n.allotment_date,
                group(s.cost_per_lot, 2),
                num::trim(
                    n.allotment.lines.iter().map(|l| l.amount).sum::<Decimal>()
                        * Decimal::ONE_HUNDRED
                        / s.cost_per_lot
                ),
            ));
        }
    }
    if !ipo.win_rates.is_empty() {
        let rates: Vec<String> = ipo
            .win_rates
            .iter()
            .map(|(k, v)| format!("{k} {}%", v.normalize()))
            .collect();
        out.push(format!(
            "{} {}",
            t(lang, "中签率", "win rate"),
            rates.join(" · ")
        ));
    }
    out
}

fn check_line(c: &Check, lang: Lang) -> String {
    let p = &c.published;
    let what = format!(
        "{}{}",
        p.kind.id(),
        p.basis
            .map(|b| format!(" @ {}", b.id()))
            .unwrap_or_default()
    );
    let shape = published::Printed {
        value: p.value,
        step: p.step,
        unit: p.unit,
    };
    let computed = c
        .computed
        .map(|x| match p.kind {
            // a price or a percentage reads best in full
            daxin::ipo::FigureKind::Price
            | daxin::ipo::FigureKind::GainPct
            | daxin::ipo::FigureKind::Pe
            | daxin::ipo::FigureKind::Ps => fixed(x, 2),
            _ => shape.show(x),
        })
        .unwrap_or_default();
    match c.verdict {
        Verdict::Reproduces => format!("✓ {} ({what}) — {}", p.printed, p.source),
        Verdict::Differs => {
            let mut s = format!(
                "✗ {} ({what}): {} {computed}",
                p.printed,
                t(lang, "计算得", "computed")
            );
            if let Some(b) = c.fits_basis {
                s.push_str(&format!(
                    " — {} {}",
                    t(lang, "与此价格相符：", "matches the price at"),
                    b.id()
                ));
            }
            if let Some(why) = &p.conflict {
                s.push_str(&format!(" — {why}"));
            }
            s.push_str(&format!(" — {}", p.source));
            s
        }
        Verdict::Unverifiable => format!(
            "? {} ({what}): {} — {}",
            p.printed,
            t(
                lang,
                "数据缺少所需数值，无法核对",
                "the data lacks what it needs; not checked"
            ),
            p.source
        ),
    }
}

fn note_line(n: &daxin::ipo::FieldNote) -> String {
    let tag = match n.status {
        Provenance::Stated => "stated",
        Provenance::Derived => "derived",
        Provenance::Conflict => "conflict",
        Provenance::Missing => "missing",
    };
    format!("[{tag}] {}: {}", n.field, n.text)
}

fn table_of(head: Vec<String>, rows: Vec<Vec<String>>) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(head);
    for row in rows {
        table.add_row(
            row.into_iter()
                .enumerate()
                .map(|(i, c)| {
                    // numbers line up on the right; names and labels on the left
                    let numeric = c.starts_with(|ch: char| ch.is_ascii_digit() || ch == '-');
                    if i == 0 || !numeric {
                        Cell::new(c)
                    } else {
                        Cell::new(c).set_alignment(CellAlignment::Right)
                    }
                })
                .collect::<Vec<_>>(),
        );
    }
    table.to_string()
}

pub fn md_table(head: &[String], rows: &[Vec<String>]) -> String {
    let mut s = format!("| {} |\n", head.join(" | "));
    s.push_str(&format!(
        "|{}\n",
        head.iter()
            .enumerate()
            .map(|(i, _)| if i == 0 { "---|" } else { "---:|" })
            .collect::<String>()
    ));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| c.replace('|', "\\|")).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s
}

pub fn report(r: &Report, fmt: Format, lang: Lang, explain: bool) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            out.stdout = format!(
                "{}\n",
                serde_json::to_string_pretty(&report_json(r, lang, explain)).unwrap_or_default()
            );
        }
        Format::Csv => {
            out.stdout = report_csv(r);
            if explain {
                for s in r.steps(lang) {
                    out.stderr
                        .push_str(&format!("{}: {}\n", s.label, s.formula));
                }
            }
            for w in &r.warnings {
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
            for w in &r.warnings {
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
                "以上为未扣除费用与税费的毛收益；金额、价格与涨幅均四舍五入（half-up）至两位小数显示。\n",
                "Gross figures, before fees and taxes; shown rounded half-up to 2 decimals.\n",
            ));
            let bullet = if md { "- " } else { "  " };
            if r.show_fees {
                s.push_str(&fee_section(r, lang, md));
            }
            if !r.checks.is_empty() {
                s.push_str(&format!(
                    "\n{}\n",
                    t(lang, "媒体公布数值核对：", "Published figures checked:")
                ));
                for c in &r.checks {
                    s.push_str(&format!("{bullet}{}\n", check_line(c, lang)));
                }
            }
            if !r.ipo.notes.is_empty() {
                s.push_str(&format!(
                    "\n{}\n",
                    t(lang, "数据说明：", "Notes on the data:")
                ));
                for n in &r.ipo.notes {
                    s.push_str(&format!("{bullet}{}\n", note_line(n)));
                }
            }
            if !r.ipo.sources.is_empty() {
                s.push_str(&format!("\n{}\n", t(lang, "来源：", "Sources:")));
                for u in &r.ipo.sources {
                    s.push_str(&format!("{bullet}{u}\n"));
                }
            }
            if explain {
                s.push_str(&format!("\n{}\n", t(lang, "计算过程：", "Working:")));
                for st in r.steps(lang) {
                    s.push_str(&format!("{bullet}{}: {}\n", st.label, st.formula));
                }
            }
            out.stdout = s;
        }
    }
    out
}

/// A table for the terminal, or Markdown.
pub fn simple_table(head: Vec<String>, rows: Vec<Vec<String>>, md: bool) -> String {
    render_table(head, rows, md)
}

fn render_table(head: Vec<String>, rows: Vec<Vec<String>>, md: bool) -> String {
    if md {
        format!("\n{}", md_table(&head, &rows))
    } else {
        format!("{}\n", table_of(head, rows))
    }
}

/// Net figures, the fee items by price, the margin outcome and the tax note.
fn fee_section(r: &Report, lang: Lang, md: bool) -> String {
    let Some(n) = &r.net else {
        return String::new();
    };
    let mut s = String::new();
    let cur = match lang {
        Lang::Zh => r.summary.currency.unit_zh(),
        Lang::En => r.summary.currency.code(),
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
        t(lang, "年化(单利,ACT/365)", "annualised (simple, ACT/365)").to_string(),
    ];
    let rows = n
        .figures
        .iter()
        .map(|f| {
            vec![
                match lang {
                    Lang::Zh => f.basis.name_zh().to_string(),
                    Lang::En => f.basis.name_en().to_string(),
                },
                f.sale_date.to_string(),
                group(f.total_fees, 2),
                group(f.net_profit_per_lot, 2),
                price(f.break_even_price),
                format!("{}%", pct(f.return_on_cash_pct)),
                match (f.annualised_pct, f.days) {
                    (Some(a), Some(d)) => format!("{}% / {d}{}", pct(a), t(lang, "天", "d")),
                    _ => "—".into(),
                },
            ]
        })
        .collect();
    s.push_str(&render_table(head, rows, md));

    // Fee items by price.
    let mut head = vec![t(lang, "费用项目", "fee item").to_string()];
    head.extend(n.figures.iter().map(|f| f.basis.id().to_string()));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let name = |zh: &str, en: &str| match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    };
    for l in &n.allotment.lines {
        let mut row = vec![name(&l.name_zh, &l.name_en) + t(lang, "（中签）", " (allotment)")];
        // combined items are shown unrounded (4 places): they are rounded once, in total
        let shown = if l.amount.is_zero() {
            fixed(l.amount, 2)
        } else {
            fixed(l.amount, 4)
        };
        row.extend(n.figures.iter().map(|_| shown.clone()));
        rows.push(row);
    }
    if !n.allotment.lines.is_empty() && n.allotment.total > Decimal::ZERO {
        let mut row = vec![t(
            lang,
            "中签费用合计（一次舍入）",
            "allotment charge (rounded once)",
        )
        .to_string()];
        row.extend(n.figures.iter().map(|_| group(n.allotment.total, 2)));
        rows.push(row);
    }
    if n.handling_fee > Decimal::ZERO {
        let mut row = vec![t(lang, "认购手续费", "application handling fee").to_string()];
        row.extend(n.figures.iter().map(|_| group(n.handling_fee, 2)));
        rows.push(row);
    }
    if let Some(first) = n.figures.first() {
        for (i, l) in first.sell.lines.iter().enumerate() {
            let mut row = vec![name(&l.name_zh, &l.name_en)];
            row.extend(n.figures.iter().map(|f| {
                f.sell
                    .lines
                    .get(i)
                    .filter(|x| x.item == l.item)
                    .map(|x| group(x.amount, 2))
                    .unwrap_or_default()
            }));
            rows.push(row);
        }
    }
    s.push_str(&render_table(head, rows, md));
    if n.allotment.total.is_zero() && r.summary.currency == daxin::Currency::Cny {
        s.push_str(t(
            lang,
            "新股中签缴款本身不收取佣金、过户费和印花税。\n",
            "The allotment itself carries no commission, transfer fee or stamp duty.\n",
        ));
    }

    if let Some(m) = &r.margin {
        let mm = &m.margin;
        s.push_str(&format!(
            "\n{}: {} {} · {} {}{cur} · {} {}{cur} · {} {}{cur} · {}% × {}{} → {} {}{cur} · {} {}{cur}\n",
            t(lang, "孖展认购", "Margin application"),
            m.spec.lots,
            t(lang, "手", "lots"),
            t(lang, "申购金额", "amount"),
            group(mm.application_amount, 2),
            t(lang, "融资", "loan"),
            group(mm.loan, 2),
            t(lang, "自有资金", "own cash"),
            group(mm.own_cash, 2),
            num::trim(m.spec.annual_rate * Decimal::ONE_HUNDRED),
            mm.days,
            t(lang, "天", " days"),
            t(lang, "利息", "interest"),
            group(mm.interest, 2),
            t(lang, "手续费", "handling fee"),
            group(mm.handling_fee, 2),
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
            .map(|(b, o)| {
                vec![
                    b.id().to_string(),
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
        net::tax_note(r.summary.currency, lang)
    ));
    s
}

/// `daxin fees`: the schedule in force on a day.
pub fn fee_schedule(
    schedule: &Schedule,
    board: Board,
    day: chrono::NaiveDate,
    config: &Config,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, daxin::Error> {
    let ex = daxin::fees::Exchange::of(board);
    let mut rows_json = Vec::new();
    let mut rows = Vec::new();
    // with --explain: why each row applies on the day
    let mut working = Vec::new();
    for side in [Side::Allotment, Side::Sell] {
        for i in schedule.in_force(ex, side, day)? {
            let side_name = match side {
                Side::Allotment => t(lang, "中签", "allotment"),
                Side::Sell => t(lang, "卖出", "sell"),
                Side::Application => t(lang, "认购", "application"),
            };
            let rate = match i.base {
                FeeBase::PerTrade => format!("{} / trade", i.fixed),
                FeeBase::Par => format!("{}% of par", num::trim(i.rate_pct())),
                FeeBase::Amount => format!("{}%", num::trim(i.rate_pct())),
            };
            let rounding = match i.rounding {
                FeeRounding::Cent => t(lang, "四舍五入至分", "half-up to the cent"),
                FeeRounding::CeilDollar => t(lang, "进位至元", "up to the dollar"),
                FeeRounding::Combined => t(lang, "合计后舍入", "summed, rounded once"),
            };
            let bounds = match (i.min, i.max) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                (Some(a), None) => format!("≥ {a}"),
                (None, Some(b)) => format!("≤ {b}"),
                (None, None) => String::new(),
            };
            let period = format!(
                "{} → {}",
                i.from,
                i.to.map(|d| d.to_string()).unwrap_or_default()
            );
            working.push(format!(
                "{}: {}",
                match lang {
                    Lang::Zh => &i.name_zh,
                    Lang::En => &i.name_en,
                },
                explain::in_period(i.from, i.to, day, lang)
            ));
            rows_json.push(json!({
                "item": i.id, "name_zh": i.name_zh, "name_en": i.name_en,
                "side": side, "base": i.base, "rate_pct": i.rate_pct().normalize().to_string(),
                "fixed": (i.base == FeeBase::PerTrade).then(|| i.fixed.to_string()),
                "rounding": i.rounding, "min": i.min.map(|x| x.to_string()), "max": i.max.map(|x| x.to_string()),
                "from": i.from.to_string(), "to": i.to.map(|d| d.to_string()),
                "status": i.status, "source": i.source, "note": i.note,
            }));
            rows.push(vec![
                side_name.to_string(),
                match lang {
                    Lang::Zh => i.name_zh.clone(),
                    Lang::En => i.name_en.clone(),
                },
                rate,
                rounding.to_string(),
                bounds,
                period,
                match i.status {
                    daxin::board::RuleStatus::Verified => String::new(),
                    daxin::board::RuleStatus::Unclear => t(lang, "存疑", "unclear").to_string(),
                },
                i.source.clone(),
            ]);
        }
    }
    let b = config.broker(board.currency());
    let broker_row = vec![
        t(lang, "卖出", "sell").to_string(),
        t(lang, "佣金（券商）", "commission (broker)").to_string(),
        format!("{}%", num::trim(b.commission_rate * Decimal::ONE_HUNDRED)),
        t(lang, "四舍五入至分", "half-up to the cent").to_string(),
        format!("≥ {}", b.min_commission),
        String::new(),
        String::new(),
        t(
            lang,
            "daxin.toml 或 --commission",
            "daxin.toml or --commission",
        )
        .to_string(),
    ];
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            let mut v = json!({
                "board": board.id(), "date": day.to_string(), "items": rows_json,
                "broker": { "commission_pct": num::trim(b.commission_rate * Decimal::ONE_HUNDRED),
                            "min_commission": b.min_commission.to_string(),
                            "handling_fee": b.handling_fee.to_string() },
                "tax_note": net::tax_note(board.currency(), Lang::En),
            });
            if explain {
                v["working"] = json!(working);
            }
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "side", "item", "rate", "rounding", "bounds", "period", "status", "source",
            ]);
            for r in rows.iter().chain(std::iter::once(&broker_row)) {
                let _ = w.write_record(r);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        }
        Format::Table | Format::Md => {
            let head: Vec<String> = match lang {
                Lang::Zh => [
                    "环节",
                    "项目",
                    "费率",
                    "舍入",
                    "上下限",
                    "有效期",
                    "状态",
                    "来源",
                ],
                Lang::En => [
                    "side", "item", "rate", "rounding", "bounds", "in force", "status", "source",
                ],
            }
            .iter()
            .map(|s| s.to_string())
            .collect();
            // sources as numbered notes under the table
            let mut all = rows;
            all.push(broker_row);
            let mut notes = Vec::new();
            for row in all.iter_mut() {
                if let Some(src) = row.last_mut() {
                    let n = match notes.iter().position(|x: &String| x == src) {
                        Some(i) => i + 1,
                        None => {
                            notes.push(src.clone());
                            notes.len()
                        }
                    };
                    *src = format!("[{n}]");
                }
            }
            out.stdout = format!(
                "{} · {} {}\n",
                match lang {
                    Lang::Zh => board.name_zh(),
                    Lang::En => board.name_en(),
                },
                t(lang, "费率日", "schedule of"),
                day
            );
            out.stdout
                .push_str(&render_table(head, all, fmt == Format::Md));
            for (i, n) in notes.iter().enumerate() {
                out.stdout.push_str(&format!("[{}] {n}\n", i + 1));
            }
            out.stdout.push_str(&format!(
                "{}: {}\n",
                t(lang, "税", "Tax"),
                net::tax_note(board.currency(), lang)
            ));
            if explain {
                for w in &working {
                    out.stdout.push_str(&format!("  {w}\n"));
                }
            }
        }
    }
    Ok(out)
}

pub fn headlines(ipo: &Ipo, lines: &[Headline], fmt: Format, explain: bool) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            let v = json!({
                "code": ipo.code,
                "name_zh": ipo.name_zh,
                "headlines": lines.iter().map(|h| {
                    let mut m = Map::new();
                    m.insert("basis".into(), json!(h.basis.id()));
                    m.insert("text".into(), json!(h.text));
                    if explain {
                        m.insert("explain".into(), json!(h.steps));
                    }
                    Value::Object(m)
                }).collect::<Vec<_>>(),
            });
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(["code", "basis", "text"]);
            for h in lines {
                let _ = w.write_record([ipo.code.as_str(), h.basis.id(), h.text.as_str()]);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        }
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            for h in lines {
                if md {
                    out.stdout.push_str(&format!("- {}\n", h.text));
                } else {
                    out.stdout.push_str(&format!("{}\n", h.text));
                }
                if explain {
                    for s in &h.steps {
                        out.stdout.push_str(&format!("    {s}\n"));
                    }
                }
            }
        }
    }
    if explain && fmt == Format::Csv {
        for h in lines {
            for s in &h.steps {
                out.stderr.push_str(&format!("{}: {s}\n", h.basis.id()));
            }
        }
    }
    out
}

/// The figures of a record in a list, or its error under its code and name
/// (so that a user's bad record is found in a long list).
fn compute_named(ipo: &Ipo) -> Result<returns::Summary, daxin::Error> {
    returns::compute(ipo).map_err(|e| daxin::Error::Data {
        origin: format!("{} {}", ipo.code, ipo.name_zh),
        message: e.to_string(),
    })
}

fn list_row(ipo: &Ipo, lang: Lang) -> Result<Vec<String>, daxin::Error> {
    let s = compute_named(ipo)?;
    let gain = |b: Basis| {
        s.at(b)
            .map(|f| format!("{}%", pct(f.gain_pct)))
            .unwrap_or_default()
    };
    Ok(vec![
        ipo.code.clone(),
        ipo.name_zh.clone(),
        ipo.name_en.clone().unwrap_or_default(),
        ipo.board
            .map(|b| match lang {
                Lang::Zh => b.name_zh().to_string(),
                Lang::En => b.id().to_string(),
            })
            .unwrap_or_default(),
        ipo.listing_date.map(|d| d.to_string()).unwrap_or_default(),
        price(s.issue_price),
        s.lot_shares.to_string(),
        gain(Basis::Open),
        gain(Basis::Close),
    ])
}

pub fn list(ipos: &[&Ipo], fmt: Format, lang: Lang, explain: bool) -> Result<Output, daxin::Error> {
    let mut out = Output::default();
    if explain {
        // The list's gains, worked out; on stderr so that every format's
        // output stays parseable.
        for ipo in ipos {
            let s = compute_named(ipo)?;
            for step in explain::steps(ipo, &s, lang)
                .into_iter()
                .filter(|st| st.label.ends_with(t(lang, "涨幅", "gain")))
            {
                out.stderr
                    .push_str(&format!("{} {}: {}\n", ipo.code, step.label, step.formula));
            }
        }
    }
    let head: Vec<String> = match lang {
        Lang::Zh => [
            "代码",
            "简称",
            "英文名",
            "板块",
            "上市日期",
            "发行价",
            "每签股数",
            "开盘涨幅",
            "收盘涨幅",
        ],
        Lang::En => [
            "code",
            "name",
            "english",
            "board",
            "listed",
            "issue",
            "lot",
            "open gain",
            "close gain",
        ],
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows = ipos
        .iter()
        .map(|i| list_row(i, lang))
        .collect::<Result<Vec<_>, _>>()?;
    match fmt {
        Format::Table => {
            out.stdout = format!("{}\n", table_of(head, rows));
        }
        Format::Md => out.stdout = md_table(&head, &rows),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "code",
                "name_zh",
                "name_en",
                "board",
                "listing_date",
                "issue_price",
                "lot_shares",
                "open_gain_pct",
                "close_gain_pct",
            ]);
            for r in &rows {
                let cells: Vec<String> = r
                    .iter()
                    .map(|c| c.trim_end_matches('%').to_string())
                    .collect();
                let mut cells = cells;
                if lang == Lang::Zh {
                    // the board column in CSV is always the id
                    cells[3] = ipos
                        .iter()
                        .find(|i| i.code == cells[0])
                        .and_then(|i| i.board)
                        .map(|b| b.id().to_string())
                        .unwrap_or_default();
                }
                let _ = w.write_record(&cells);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        }
        Format::Json => {
            let v: Vec<Value> = ipos
                .iter()
                .map(|i| {
                    let s = returns::compute(i);
                    let gain = |b: Basis| {
                        s.as_ref()
                            .ok()
                            .and_then(|s| s.at(b))
                            .map(|f| pct(f.gain_pct))
                    };
                    json!({
                        "code": i.code,
                        "name_zh": i.name_zh,
                        "name_en": i.name_en,
                        "board": i.board.map(|b| b.id()),
                        "listing_date": i.listing_date.map(|d| d.to_string()),
                        "issue_price": price(i.issue_price.get()),
                        "lot_shares": i.lot_shares.get(),
                        "open_gain_pct": gain(Basis::Open),
                        "close_gain_pct": gain(Basis::Close),
                    })
                })
                .collect();
            out.stdout = format!(
                "{}\n",
                serde_json::to_string_pretty(&json!({ "ipos": v })).unwrap_or_default()
            );
        }
    }
    Ok(out)
}
