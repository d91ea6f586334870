//! Show the work: each formula with its numbers put in, as the tool computed
//! it, rounded only for display.
//!
//! ```
//! use daxin::{data::Dataset, explain, returns, Lang};
//! let data = Dataset::builtin().unwrap();
//! let ipo = data.find("688802").unwrap();
//! let steps = explain::steps(ipo, &returns::compute(ipo).unwrap(), Lang::En);
//! assert!(steps.iter().any(|s| s.formula == "(700.00 − 104.66) × 500 = 297,670.00"));
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use crate::headline::{CnUnit, Lang};
use crate::ipo::Ipo;
use crate::num::{self, group, price_dp};
use crate::returns::{Figure, Summary};
use crate::valuation::{Ratio, RatioBase, RatioInputs};

/// One line of working: what is computed, and the formula with numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// What the line computes, e.g. `open: profit per lot`.
    pub label: String,
    /// The formula with the numbers put in, and its result.
    pub formula: String,
}

fn price(p: Decimal) -> String {
    group(p, price_dp(p))
}

fn shares(n: u64) -> String {
    group(Decimal::from(n), 0)
}

/// Why a dated row of a table applies on `day`: the day lies in its period.
///
/// ```
/// use chrono::NaiveDate;
/// use daxin::{explain::in_period, Lang};
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// assert_eq!(
///     in_period(d("2023-08-28"), None, d("2025-12-17"), Lang::En),
///     "2023-08-28 ≤ 2025-12-17 (no end)"
/// );
/// assert_eq!(
///     in_period(d("2015-08-01"), Some(d("2023-08-27")), d("2020-01-02"), Lang::Zh),
///     "2015-08-01 ≤ 2020-01-02 ≤ 2023-08-27"
/// );
/// ```
pub fn in_period(
    from: chrono::NaiveDate,
    to: Option<chrono::NaiveDate>,
    day: chrono::NaiveDate,
    lang: Lang,
) -> String {
    match (to, lang) {
        (Some(to), _) => format!("{from} ≤ {day} ≤ {to}"),
        (None, Lang::Zh) => format!("{from} ≤ {day}（至今有效）"),
        (None, Lang::En) => format!("{from} ≤ {day} (no end)"),
    }
}

/// An amount with its Chinese-unit reading: `280,070,000,000.00 (2800.70亿)`.
pub fn big(amount: Decimal) -> String {
    let unit = CnUnit::for_amount(amount.abs());
    if unit == CnUnit::One {
        group(amount, num::MONEY_DP)
    } else {
        format!(
            "{} ({}{})",
            group(amount, num::MONEY_DP),
            num::fixed(amount / unit.factor(), 2),
            unit.zh()
        )
    }
}

struct Labels {
    cost: &'static str,
    profit: &'static str,
    gain: &'static str,
    cap: &'static str,
    float_cap: &'static str,
    pe: &'static str,
    ps: &'static str,
    at_issue: &'static str,
    scaled: &'static str,
    basis: fn(crate::ipo::Basis) -> &'static str,
}

const ZH: Labels = Labels {
    cost: "每签缴款",
    profit: "每签盈利",
    gain: "涨幅",
    cap: "总市值",
    float_cap: "流通市值",
    pe: "市盈率",
    ps: "市销率",
    at_issue: "发行价",
    scaled: "按发行时公布的倍数 × 价格 ÷ 发行价",
    basis: crate::ipo::Basis::name_zh,
};

const EN: Labels = Labels {
    cost: "cost per lot",
    profit: "profit per lot",
    gain: "gain",
    cap: "market cap",
    float_cap: "float market value",
    pe: "P/E",
    ps: "P/S",
    at_issue: "issue price",
    scaled: "the multiple published at issue × price ÷ issue price",
    basis: crate::ipo::Basis::id,
};

fn ratio_step(
    label: String,
    r: &Ratio,
    p: Decimal,
    ipo: &Ipo,
    inputs: RatioInputs,
    l: &Labels,
) -> Step {
    let value = num::fixed(r.value, num::RATIO_DP);
    let formula = match (r.base, inputs.total, ipo.total_shares, inputs.at_issue) {
        (RatioBase::PerShare, ..) => format!(
            "{} ÷ {} = {value}",
            price(p),
            inputs.per_share.map(num::trim).unwrap_or_default()
        ),
        (RatioBase::Given, Some(b), Some(t), _) => format!(
            "{} × {} ÷ {} = {value}",
            price(p),
            shares(t.get()),
            group(b, num::MONEY_DP)
        ),
        (RatioBase::ScaledFromIssue, _, _, Some(pubr)) => format!(
            "{} × {} ÷ {} = {value} ({})",
            pubr,
            price(p),
            price(ipo.issue_price.get()),
            l.scaled
        ),
        _ => value,
    };
    Step { label, formula }
}

fn figure_steps(ipo: &Ipo, s: &Summary, f: &Figure, l: &Labels, out: &mut Vec<Step>) {
    let b = (l.basis)(f.basis);
    let issue = price(s.issue_price);
    let p = price(f.price);
    out.push(Step {
        label: format!("{b}: {}", l.profit),
        formula: format!(
            "({p} − {issue}) × {} = {}",
            shares(s.lot_shares),
            group(f.profit_per_lot, num::MONEY_DP)
        ),
    });
    out.push(Step {
        label: format!("{b}: {}", l.gain),
        formula: format!(
            "({p} − {issue}) ÷ {issue} × 100 = {}%",
            num::fixed(f.gain_pct, num::PCT_DP)
        ),
    });
    if let (Some(cap), Some(t)) = (f.market_cap, ipo.total_shares) {
        out.push(Step {
            label: format!("{b}: {}", l.cap),
            formula: format!("{p} × {} = {}", shares(t.get()), big(cap)),
        });
    }
    if let (Some(cap), Some(t)) = (f.float_market_cap, ipo.float_shares) {
        out.push(Step {
            label: format!("{b}: {}", l.float_cap),
            formula: format!("{p} × {} = {}", shares(t.get()), big(cap)),
        });
    }
    if let Some(r) = &f.pe {
        out.push(ratio_step(
            format!("{b}: {}", l.pe),
            r,
            f.price,
            ipo,
            ipo.pe_inputs(),
            l,
        ));
    }
    if let Some(r) = &f.ps {
        out.push(ratio_step(
            format!("{b}: {}", l.ps),
            r,
            f.price,
            ipo,
            ipo.ps_inputs(),
            l,
        ));
    }
}

/// The working for every figure of a summary, in the order shown.
pub fn steps(ipo: &Ipo, s: &Summary, lang: Lang) -> Vec<Step> {
    let l = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    let mut out = vec![Step {
        label: l.cost.to_string(),
        formula: format!(
            "{} × {} = {}",
            price(s.issue_price),
            shares(s.lot_shares),
            group(s.cost_per_lot, num::MONEY_DP)
        ),
    }];
    if let (Some(cap), Some(t)) = (s.market_cap_at_issue, ipo.total_shares) {
        out.push(Step {
            label: format!("{}: {}", l.at_issue, l.cap),
            formula: format!(
                "{} × {} = {}",
                price(s.issue_price),
                shares(t.get()),
                big(cap)
            ),
        });
    }
    for f in &s.figures {
        figure_steps(ipo, s, f, l, &mut out);
    }
    out
}
