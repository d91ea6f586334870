//! First-day figures of a winning lot at each price basis: cost, profit,
//! gain, value, market cap and multiples — gross, before fees and taxes.
//!
//! Formulas (no rounding inside; display rounds half-up, see [`crate::num`]):
//! - cost per lot = issue price × lot shares
//! - profit per lot = (price − issue price) × lot shares
//! - gain % = (price − issue price) × 100 ÷ issue price
//! - return on cost % = profit per lot × 100 ÷ cost per lot (equal to the
//!   gain before fees; the two part once fees are counted)
//! - market cap = price × total shares; float market value = price × float shares
//!
//! ```
//! use daxin::{Board, Currency, Ipo, Basis};
//! use daxin::input::{parse_price, parse_shares};
//! use daxin::ipo::Quote;
//! use daxin::returns::compute;
//!
//! let mut ipo = Ipo::new("688802", "沐曦股份", Some(Board::Star), Currency::Cny,
//!     parse_price("issue", "104.66").unwrap(), parse_shares("lot", "500").unwrap());
//! ipo.quotes.push(Quote { basis: Basis::Open, price: parse_price("open", "700").unwrap(),
//!     date: None, label: None });
//! let s = compute(&ipo).unwrap();
//! assert_eq!(s.cost_per_lot.to_string(), "52330.00");
//! assert_eq!(s.figures[0].profit_per_lot.to_string(), "297670.00");
//! assert_eq!(daxin::num::fixed(s.figures[0].gain_pct, 2), "568.83");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::Currency;
use crate::error::Result;
use crate::ipo::{Basis, Ipo};
use crate::num;
use crate::valuation::{self, Ratio};

/// The figures at one price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// Which price.
    pub basis: Basis,
    /// Label of a user-given price.
    pub label: Option<String>,
    /// Trading day of the price when not the listing day.
    pub date: Option<NaiveDate>,
    /// The price.
    pub price: Decimal,
    /// Value of one lot at the price: price × lot.
    pub lot_value: Decimal,
    /// (price − issue) × lot, before fees.
    pub profit_per_lot: Decimal,
    /// Gain over the issue price in percent, unrounded.
    pub gain_pct: Decimal,
    /// Profit per lot over cost per lot, in percent, unrounded.
    pub return_on_cost_pct: Decimal,
    /// Price × total shares.
    pub market_cap: Option<Decimal>,
    /// Price × float shares.
    pub float_market_cap: Option<Decimal>,
    /// P/E at the price.
    pub pe: Option<Ratio>,
    /// P/S at the price.
    pub ps: Option<Ratio>,
}

/// Everything computed for one IPO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Issue price.
    pub issue_price: Decimal,
    /// Shares per lot.
    pub lot_shares: u64,
    /// Currency.
    pub currency: Currency,
    /// Issue price × lot: what a winning lot costs (缴款金额).
    pub cost_per_lot: Decimal,
    /// Issue price × total shares.
    pub market_cap_at_issue: Option<Decimal>,
    /// P/E at the issue price.
    pub pe_at_issue: Option<Ratio>,
    /// P/S at the issue price.
    pub ps_at_issue: Option<Ratio>,
    /// One entry per price the IPO has, in basis order.
    pub figures: Vec<Figure>,
}

impl Summary {
    /// The figure at `basis`, if the IPO has that price.
    pub fn at(&self, basis: Basis) -> Option<&Figure> {
        self.figures.iter().find(|f| f.basis == basis)
    }
}

/// Computes every figure of `ipo` at every price it has.
pub fn compute(ipo: &Ipo) -> Result<Summary> {
    let issue = ipo.issue_price.get();
    let lot = ipo.lot_shares.dec();
    let total = ipo.total_shares.map(|s| s.get());
    let cost = num::mul(issue, lot, "cost per lot")?;

    let mut quotes: Vec<_> = ipo.quotes.iter().collect();
    quotes.sort_by_key(|q| q.basis);

    let mut figures = Vec::with_capacity(quotes.len());
    for q in quotes {
        let price = q.price.get();
        let diff = num::sub(price, issue, "profit per lot")?;
        let profit = num::mul(diff, lot, "profit per lot")?;
        let gain = num::div(num::mul(diff, Decimal::ONE_HUNDRED, "gain")?, issue, "gain")?;
        let roc = num::div(
            num::mul(profit, Decimal::ONE_HUNDRED, "return on cost")?,
            cost,
            "return on cost",
        )?;
        figures.push(Figure {
            basis: q.basis,
            label: q.label.clone(),
            date: q.date,
            price,
            lot_value: num::mul(price, lot, "lot value")?,
            profit_per_lot: profit,
            gain_pct: gain,
            return_on_cost_pct: roc,
            market_cap: total.map(|t| valuation::market_cap(price, t)).transpose()?,
            float_market_cap: ipo
                .float_shares
                .map(|f| valuation::market_cap(price, f.get()))
                .transpose()?,
            pe: valuation::ratio_at(price, issue, total, ipo.pe_inputs())?,
            ps: valuation::ratio_at(price, issue, total, ipo.ps_inputs())?,
        });
    }

    Ok(Summary {
        issue_price: issue,
        lot_shares: ipo.lot_shares.get(),
        currency: ipo.currency,
        cost_per_lot: cost,
        market_cap_at_issue: total.map(|t| valuation::market_cap(issue, t)).transpose()?,
        pe_at_issue: valuation::ratio_at(issue, issue, total, ipo.pe_inputs())?,
        ps_at_issue: valuation::ratio_at(issue, issue, total, ipo.ps_inputs())?,
        figures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::Board;
    use crate::input::{parse_price, parse_shares};
    use crate::ipo::Quote;

    fn ipo(issue: &str, lot: &str, quotes: &[(Basis, &str)]) -> Ipo {
        let mut i = Ipo::new(
            "X",
            "X",
            Some(Board::Star),
            Currency::Cny,
            parse_price("issue", issue).unwrap(),
            parse_shares("lot", lot).unwrap(),
        );
        for (b, p) in quotes {
            i.quotes.push(Quote {
                basis: *b,
                price: parse_price("p", p).unwrap(),
                date: None,
                label: None,
            });
        }
        i
    }

    #[test]
    fn loss_at_a_price_below_issue() {
        let s = compute(&ipo("20", "500", &[(Basis::Close, "18.50")])).unwrap();
        let f = &s.figures[0];
        assert_eq!(f.profit_per_lot, Decimal::from(-750));
        assert_eq!(num::fixed(f.gain_pct, 2), "-7.50");
    }

    #[test]
    fn figures_come_in_basis_order() {
        let s = compute(&ipo(
            "10",
            "100",
            &[
                (Basis::Close, "12"),
                (Basis::Open, "11"),
                (Basis::High, "13"),
            ],
        ))
        .unwrap();
        let order: Vec<_> = s.figures.iter().map(|f| f.basis).collect();
        assert_eq!(order, vec![Basis::Open, Basis::High, Basis::Close]);
    }

    #[test]
    fn return_on_cost_equals_gain_before_fees() {
        let s = compute(&ipo("13.77", "1000", &[(Basis::High, "19.83")])).unwrap();
        let f = &s.figures[0];
        assert_eq!(
            num::fixed(f.return_on_cost_pct, 8),
            num::fixed(f.gain_pct, 8)
        );
        // 工业富联 at its +44% cap: (19.83 − 13.77) × 1000 = 6,060 (market-rules.md §4)
        assert_eq!(f.profit_per_lot, Decimal::from(6060));
    }
}
