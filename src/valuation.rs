//! Valuation at a price: market capitalisation, float market value, P/E and
//! P/S. Exact decimal arithmetic; nothing is rounded here.
//!
//! ```
//! use daxin::valuation::market_cap;
//! use rust_decimal::Decimal;
//!
//! // 摩尔线程 at its 650.00 open: 650 × 470,028,217 = 305,518,341,050 (3055.18亿)
//! let cap = market_cap(Decimal::from(650), 470_028_217).unwrap();
//! assert_eq!(cap, Decimal::from(305_518_341_050u64));
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::num;

/// Market value of `shares` at `price`.
pub fn market_cap(price: Decimal, shares: u64) -> Result<Decimal> {
    num::mul(price, Decimal::from(shares), "market cap")
}

/// What a multiple can be computed from: earnings (or revenue) in total,
/// per share, or the multiple published at the issue price.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatioInputs {
    /// Net profit (or revenue) of the base year, in currency units.
    pub total: Option<Decimal>,
    /// Earnings (or revenue) per share.
    pub per_share: Option<Decimal>,
    /// The multiple published at the issue price.
    pub at_issue: Option<Decimal>,
}

/// Where a valuation multiple comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RatioBase {
    /// Market cap ÷ the given earnings or revenue.
    Given,
    /// Price ÷ the given earnings or revenue per share.
    PerShare,
    /// The multiple published at the issue price, scaled by price ÷ issue
    /// price (same share base and same year's earnings or revenue).
    ScaledFromIssue,
}

/// A valuation multiple (P/E or P/S) and how it was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ratio {
    /// The multiple, unrounded.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// How it was obtained.
    pub base: RatioBase,
}

/// A multiple at `price`, from the first of: `market cap ÷ total` (when the
/// share count is known), `price ÷ per share`, or the multiple published at
/// the issue price scaled by `price ÷ issue`.
///
/// Returns `None` when none is available, or when the earnings are not
/// positive (a P/E of a loss-maker means nothing).
pub fn ratio_at(
    price: Decimal,
    issue_price: Decimal,
    total_shares: Option<u64>,
    inputs: RatioInputs,
) -> Result<Option<Ratio>> {
    let RatioInputs {
        total: base_amount,
        per_share,
        at_issue: published_at_issue,
    } = inputs;
    if let (Some(shares), Some(base)) = (total_shares, base_amount) {
        if base <= Decimal::ZERO {
            return Ok(None);
        }
        let cap = market_cap(price, shares)?;
        let value = num::div(cap, base, "valuation multiple")?;
        return Ok(Some(Ratio {
            value,
            base: RatioBase::Given,
        }));
    }
    if let Some(ps) = per_share {
        if ps <= Decimal::ZERO {
            return Ok(None);
        }
        return Ok(Some(Ratio {
            value: num::div(price, ps, "valuation multiple")?,
            base: RatioBase::PerShare,
        }));
    }
    if let Some(r) = published_at_issue {
        let value = num::div(
            num::mul(r, price, "valuation multiple")?,
            issue_price,
            "valuation multiple",
        )?;
        return Ok(Some(Ratio {
            value,
            base: RatioBase::ScaledFromIssue,
        }));
    }
    Ok(None)
}

/// Rejects a multiple that cannot be right (zero or negative) from the data.
pub fn check_published_ratio(field: &str, r: Decimal) -> Result<Decimal> {
    if r <= Decimal::ZERO {
        return Err(Error::invalid(
            field,
            &r.to_string(),
            crate::why!("must be greater than zero", "必须大于零"),
        ));
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn total(x: Decimal) -> RatioInputs {
        RatioInputs {
            total: Some(x),
            ..Default::default()
        }
    }

    fn at_issue(x: Decimal) -> RatioInputs {
        RatioInputs {
            at_issue: Some(x),
            ..Default::default()
        }
    }

    #[test]
    fn per_share_inputs() {
        let r = ratio_at(
            d("30"),
            d("10"),
            None,
            RatioInputs {
                per_share: Some(d("0.5")),
                ..Default::default()
            },
        )
        .unwrap()
        .unwrap();
        assert_eq!((r.value, r.base), (d("60"), RatioBase::PerShare));
    }

    #[test]
    fn caps_from_the_reference() {
        // ipo-facts.md §2: 829.90 × 400,100,000 = 3320.43亿 (caiding5: 3320亿)
        assert_eq!(
            market_cap(d("829.90"), 400_100_000).unwrap(),
            d("332042990000")
        );
        // ipo-facts.md §7: 60.10 × 2,324,338,091 = 1396.93亿 (rexun: 总市值1396.93亿元)
        let cap = market_cap(d("60.10"), 2_324_338_091).unwrap();
        assert_eq!(num::round_half_up(cap / d("100000000"), 2), d("1396.93"));
    }

    #[test]
    fn ps_scales_with_price() {
        // 摩尔线程: P/S 122.51× at 114.28 (hbshanshui); at the 650 open it is 122.51 × 650 / 114.28.
        let r = ratio_at(
            d("650"),
            d("114.28"),
            Some(470_028_217),
            at_issue(d("122.51")),
        )
        .unwrap()
        .unwrap();
        assert_eq!(r.base, RatioBase::ScaledFromIssue);
        assert_eq!(num::round_half_up(r.value, 2), d("696.81"));
    }

    #[test]
    fn pe_from_earnings_and_loss_makers() {
        let r = ratio_at(d("10"), d("10"), Some(1000), total(d("500")))
            .unwrap()
            .unwrap();
        assert_eq!(r.value, d("20"));
        assert_eq!(r.base, RatioBase::Given);
        assert!(ratio_at(d("10"), d("10"), Some(1000), total(d("-5")))
            .unwrap()
            .is_none());
        assert!(ratio_at(d("10"), d("10"), None, RatioInputs::default())
            .unwrap()
            .is_none());
    }
}
