//! Exact fractions of whole numbers: the allotment figures (a chance, the
//! shares an applicant can expect) are ratios of counts, kept exact here and
//! turned into decimals only for display.

use std::cmp::Ordering;

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

use crate::error::{Error, Result};

/// A fraction `num / den` of whole numbers, reduced, with `den > 0`.
///
/// ```
/// use daxin::allotment::Ratio;
/// let r = Ratio::new(8_741, 174_816).unwrap();
/// assert_eq!(r.round_half_up(4).unwrap().to_string(), "0.0500");
/// assert!(Ratio::new(3, 3).unwrap().is_one());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: u128,
    den: u128,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };
    /// One.
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `num / den`, reduced; `None` for a zero denominator.
    pub fn new(num: u128, den: u128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        Some(Ratio {
            num: num / g,
            den: den / g,
        })
    }

    /// The numerator (reduced).
    pub fn num(&self) -> u128 {
        self.num
    }

    /// The denominator (reduced).
    pub fn den(&self) -> u128 {
        self.den
    }

    /// Exactly one.
    pub fn is_one(&self) -> bool {
        self.num == self.den
    }

    /// `self × k`, exact; an overflow error past `u128`.
    pub fn times(&self, k: u128) -> Result<Ratio> {
        let g = gcd(k, self.den).max(1);
        let num = self
            .num
            .checked_mul(k / g)
            .ok_or_else(|| Error::overflow("ratio"))?;
        Ok(Ratio {
            num,
            den: self.den / g,
        })
    }

    /// The value when it is a whole number.
    pub fn as_integer(&self) -> Option<u128> {
        (self.den == 1).then_some(self.num)
    }

    /// The value as a decimal: exact when the fraction has a finite decimal
    /// expansion within 28 digits, else correct to the last digit a decimal
    /// holds.
    pub fn to_decimal(&self) -> Result<Decimal> {
        let n = Decimal::from_u128(self.num).ok_or_else(|| Error::overflow("ratio"))?;
        let d = Decimal::from_u128(self.den).ok_or_else(|| Error::overflow("ratio"))?;
        n.checked_div(d).ok_or_else(|| Error::overflow("ratio"))
    }

    /// The value rounded half-up to `dp` places, computed on the integers
    /// (no intermediate rounding).
    pub fn round_half_up(&self, dp: u32) -> Result<Decimal> {
        let scale = 10u128
            .checked_pow(dp)
            .ok_or_else(|| Error::overflow("ratio"))?;
        let twice = self
            .num
            .checked_mul(scale)
            .and_then(|x| x.checked_mul(2))
            .and_then(|x| x.checked_add(self.den))
            .ok_or_else(|| Error::overflow("ratio"))?;
        let q = twice / (2 * self.den);
        let q = i128::try_from(q).map_err(|_| Error::overflow("ratio"))?;
        Decimal::try_from_i128_with_scale(q, dp).map_err(|_| Error::overflow("ratio"))
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    /// Compares by cross-multiplication (exact; counts in allotment tables
    /// are far below the point where it could overflow, and a saturating
    /// product keeps the order sensible beyond it).
    fn cmp(&self, other: &Self) -> Ordering {
        let a = self.num.saturating_mul(other.den);
        let b = other.num.saturating_mul(self.den);
        a.cmp(&b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduces_rounds_and_orders() {
        let r = Ratio::new(8_741, 174_816).unwrap();
        // 8,741 / 174,816 = 0.050001144… → 5.00 %
        assert_eq!(
            r.times(100).unwrap().round_half_up(2).unwrap().to_string(),
            "5.00"
        );
        assert_eq!(
            Ratio::new(1, 8)
                .unwrap()
                .round_half_up(2)
                .unwrap()
                .to_string(),
            "0.13"
        );
        assert_eq!(Ratio::new(2, 4).unwrap(), Ratio::new(1, 2).unwrap());
        assert!(Ratio::new(1, 3).unwrap() < Ratio::new(34, 100).unwrap());
        assert_eq!(Ratio::new(1, 0), None);
        assert_eq!(Ratio::new(6, 3).unwrap().as_integer(), Some(2));
        assert_eq!(
            Ratio::new(1, 4).unwrap().to_decimal().unwrap().to_string(),
            "0.25"
        );
    }
}
