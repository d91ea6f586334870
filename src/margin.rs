//! Hong Kong margin (孖展) applications: the loan, its interest, and what an
//! application nets if one lot is allotted and if none is.
//!
//! - application amount = lots applied × entry fee per lot
//! - loan = application amount × loan share, or × (1 − 1 ÷ leverage)
//! - interest = loan × annual rate × days ÷ 365, rounded half-up to the
//!   cent, over calendar days from the application deadline to the day
//!   before the results ("認購截止日至公布中籤結果日的前一自然日": Futu SG
//!   topic274, Solomon, vbkr — market-rules.md §6)
//! - if nothing is allotted: −(interest + handling fee)
//! - if one lot is allotted: that lot's net profit − interest
//! - break-even one-lot winning rate = (interest + handling fee) ÷ the
//!   lot's net gain before the handling fee
//!
//! ```
//! use daxin::margin::{interest_days, Loan, MarginInput, margin};
//! use chrono::NaiveDate;
//! use rust_decimal::Decimal;
//!
//! let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! let days = interest_days(d("2025-12-29"), d("2025-12-31")).unwrap();
//! assert_eq!(days, 2);
//! let m = margin(&MarginInput {
//!     lots: 10,
//!     entry_fee: Decimal::new(395953, 2),   // HK$3,959.53 per lot
//!     loan: Loan::Leverage(Decimal::from(10)),
//!     annual_rate: Decimal::new(399, 4),      // 3.99 %
//!     days,
//!     handling_fee: Decimal::from(100),
//! }).unwrap();
//! assert_eq!(m.loan.normalize().to_string(), "35635.77"); // 39,595.30 × 90 %
//! assert_eq!(m.interest.to_string(), "7.79");     // × 3.99 % × 2 ÷ 365
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::num;

/// How much of the application is borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Loan {
    /// A share of the application amount, as a fraction (0.9 for 90 %).
    Share(Decimal),
    /// Leverage: 10 means one tenth is the applicant's own cash.
    Leverage(Decimal),
}

/// A margin application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarginInput {
    /// Lots applied for.
    pub lots: u64,
    /// Entry fee per lot (offer × lot × (1 + allotment charge)).
    pub entry_fee: Decimal,
    /// The loan.
    pub loan: Loan,
    /// Annual interest rate, as a fraction.
    pub annual_rate: Decimal,
    /// Interest days.
    pub days: i64,
    /// The broker's margin-application handling fee.
    pub handling_fee: Decimal,
}

/// What a margin application costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Margin {
    /// Lots applied × entry fee.
    pub application_amount: Decimal,
    /// The loan.
    pub loan: Decimal,
    /// The applicant's own cash.
    pub own_cash: Decimal,
    /// Interest for the days, half-up to the cent.
    pub interest: Decimal,
    /// Interest days.
    pub days: i64,
    /// The handling fee.
    pub handling_fee: Decimal,
    /// Interest + handling fee: the outcome, negated, if nothing is allotted.
    pub cost_if_not_allotted: Decimal,
}

/// Calendar days of interest: from the deadline to the day before the
/// results, i.e. `results − deadline`. The results must come after the
/// deadline.
pub fn interest_days(deadline: NaiveDate, results: NaiveDate) -> Result<i64> {
    if results <= deadline {
        return Err(Error::invalid(
            "--results-date",
            &results.to_string(),
            crate::why!(
                "the results come after the application deadline ({deadline})",
                "公布结果日须晚于申购截止日（{deadline}）"
            ),
        ));
    }
    Ok((results - deadline).num_days())
}

/// Computes the loan and its cost.
pub fn margin(m: &MarginInput) -> Result<Margin> {
    if m.lots == 0 {
        return Err(Error::invalid(
            "--margin-lots",
            "0",
            crate::why!("apply for at least one lot", "至少申购一手"),
        ));
    }
    if m.days < 0 {
        return Err(Error::invalid(
            "--margin-days",
            &m.days.to_string(),
            crate::why!("cannot be negative", "不能为负"),
        ));
    }
    if m.annual_rate < Decimal::ZERO || m.annual_rate > Decimal::ONE {
        return Err(Error::invalid(
            "--margin-rate",
            &num::trim(m.annual_rate * Decimal::ONE_HUNDRED),
            crate::why!("must be between 0% and 100%", "须在 0% 到 100% 之间"),
        ));
    }
    let amount = num::mul(Decimal::from(m.lots), m.entry_fee, "application amount")?;
    let share = match m.loan {
        Loan::Share(s) => {
            if s < Decimal::ZERO || s >= Decimal::ONE {
                return Err(Error::invalid(
                    "--loan-pct",
                    &num::trim(s * Decimal::ONE_HUNDRED),
                    crate::why!(
                        "a loan share lies from 0% up to (not including) 100%",
                        "融资比例须在 0%（含）到 100%（不含）之间"
                    ),
                ));
            }
            s
        }
        Loan::Leverage(x) => {
            if x < Decimal::ONE {
                return Err(Error::invalid(
                    "--leverage",
                    &x.to_string(),
                    crate::why!(
                        "leverage is at least 1 (no loan)",
                        "杠杆倍数至少为 1（即不融资）"
                    ),
                ));
            }
            Decimal::ONE - Decimal::ONE / x
        }
    };
    let loan = num::mul(amount, share, "loan")?;
    let raw = num::div(
        num::mul(
            num::mul(loan, m.annual_rate, "interest")?,
            Decimal::from(m.days),
            "interest",
        )?,
        Decimal::from(365),
        "interest",
    )?;
    let interest = num::round_half_up(raw, 2);
    Ok(Margin {
        application_amount: amount,
        loan,
        own_cash: num::sub(amount, loan, "own cash")?,
        interest,
        days: m.days,
        handling_fee: m.handling_fee,
        cost_if_not_allotted: num::add(interest, m.handling_fee, "cost if not allotted")?,
    })
}

/// The outcome of the application at one price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Net if one lot is allotted: the lot's net profit − interest.
    pub if_allotted: Decimal,
    /// Net if nothing is allotted: −(interest + handling fee).
    pub if_not: Decimal,
    /// One-lot winning rate (percent) at which the application breaks
    /// even; `None` when an allotted lot does not pay, or pays less than
    /// applying costs (no rate up to 100 % breaks even).
    pub break_even_rate_pct: Option<Decimal>,
}

/// The outcome given one lot's net profit (after the allotment charge,
/// the handling fee and the selling costs).
pub fn outcome(m: &Margin, lot_net_profit: Decimal) -> Result<Outcome> {
    let gain = num::add(lot_net_profit, m.handling_fee, "break-even rate")?;
    let rate = if gain > Decimal::ZERO {
        Some(num::div(
            num::mul(
                m.cost_if_not_allotted,
                Decimal::ONE_HUNDRED,
                "break-even rate",
            )?,
            gain,
            "break-even rate",
        )?)
    } else {
        None
    };
    Ok(Outcome {
        if_allotted: num::sub(lot_net_profit, m.interest, "net if allotted")?,
        // 0 − cost, not −cost: a cost of zero is 0.00, not −0.00
        if_not: Decimal::ZERO - m.cost_if_not_allotted,
        // above 100 % no winning rate breaks even
        break_even_rate_pct: rate.filter(|r| *r <= Decimal::ONE_HUNDRED),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ymd;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn input(loan: Loan) -> MarginInput {
        MarginInput {
            lots: 10,
            entry_fee: d("3959.53"),
            loan,
            annual_rate: d("0.0399"),
            days: 2,
            handling_fee: d("100"),
        }
    }

    #[test]
    fn leverage_and_share_agree() {
        let a = margin(&input(Loan::Leverage(d("10")))).unwrap();
        let b = margin(&input(Loan::Share(d("0.9")))).unwrap();
        assert_eq!(a.loan, b.loan);
        assert_eq!(a.own_cash, d("3959.5300"));
    }

    #[test]
    fn break_even_rate() {
        let m = margin(&input(Loan::Share(d("0.9")))).unwrap();
        // one lot nets 3,164.57 (壁仞 at the open, see net.rs) before interest,
        // after a handling fee of 100 already counted in it
        let o = outcome(&m, d("3064.57")).unwrap();
        assert_eq!(o.if_not, d("-107.79"));
        assert_eq!(o.if_allotted, d("3056.78"));
        // 107.79 ÷ 3,164.57 = 3.406 %
        assert_eq!(num::fixed(o.break_even_rate_pct.unwrap(), 3), "3.406");
        // a lot that nets less than applying costs: no rate up to 100 %
        // breaks even (the trial printed 259.15 %)
        // (−50 + 100 handling fee = 50 gained; 107.79 ÷ 50 = 215.6 %)
        assert_eq!(outcome(&m, d("-50")).unwrap().break_even_rate_pct, None);
        assert!(outcome(&m, d("-200"))
            .unwrap()
            .break_even_rate_pct
            .is_none());
    }

    #[test]
    fn bad_inputs() {
        assert!(interest_days(ymd(2025, 12, 31), ymd(2025, 12, 29)).is_err());
        assert!(interest_days(ymd(2025, 12, 31), ymd(2025, 12, 31)).is_err());
        let mut i = input(Loan::Share(d("1")));
        assert!(margin(&i).is_err());
        i.loan = Loan::Leverage(d("0.5"));
        assert!(margin(&i).is_err());
        i.loan = Loan::Leverage(d("10"));
        i.annual_rate = d("1.5");
        assert!(margin(&i)
            .unwrap_err()
            .to_string()
            .contains("between 0% and 100%"));
    }
}
