//! Serde helpers for decimals in reports: strings, at a named precision,
//! rounded half-up ([`crate::num::HALF_UP`]) — never floats, never banker's
//! rounding.
//!
//! Use them with `#[serde(serialize_with = "…")]`; the `opt` module has the
//! same helpers for `Option<Decimal>` (`None` is `null`).
//!
//! ```
//! use daxin::report::ser;
//! use rust_decimal::Decimal;
//! use serde::Serialize;
//!
//! #[derive(Serialize)]
//! struct Lot {
//!     #[serde(serialize_with = "ser::price")]
//!     price: Decimal,
//!     #[serde(serialize_with = "ser::money")]
//!     profit: Decimal,
//!     #[serde(serialize_with = "ser::opt::pct")]
//!     gain_pct: Option<Decimal>,
//! }
//!
//! let lot = Lot {
//!     price: Decimal::from_str_exact("3.125").unwrap(),
//!     profit: Decimal::from_str_exact("297670.005").unwrap(),
//!     gain_pct: None,
//! };
//! let json = serde_json::to_string(&lot).unwrap();
//! assert_eq!(json, r#"{"price":"3.125","profit":"297670.01","gain_pct":null}"#);
//! ```

use rust_decimal::Decimal;
use serde::Serializer;

use crate::num::{self, MONEY_DP, PCT_DP, RATIO_DP};

/// A money amount: 2 decimals, half-up (`"297670.00"`).
pub fn money<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&num::fixed(*x, MONEY_DP))
}

/// A percentage: 2 decimals, half-up (`"692.95"`).
pub fn pct<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&num::fixed(*x, PCT_DP))
}

/// A price: 2 decimals, or 3 where the price has three ([`num::price_dp`]).
pub fn price<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&num::fixed(*x, num::price_dp(*x)))
}

/// A multiple (P/E, P/S): 2 decimals, half-up.
pub fn ratio<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&num::fixed(*x, RATIO_DP))
}

/// Four decimals, half-up: for a computed figure shown beside a printed
/// one, and for break-even rates.
pub fn dp4<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&num::fixed(*x, 4))
}

/// The value as computed, without trailing zeros (`"0.003015"`): for
/// probabilities and rates whose every digit matters.
pub fn exact<S: Serializer>(x: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&num::trim(*x))
}

/// The same helpers for `Option<Decimal>`: `None` is `null`.
pub mod opt {
    use rust_decimal::Decimal;
    use serde::Serializer;

    /// A helper of the parent module, for one precision.
    type One<S> = fn(&Decimal, S) -> Result<<S as Serializer>::Ok, <S as Serializer>::Error>;

    fn with<S: Serializer>(x: &Option<Decimal>, s: S, f: One<S>) -> Result<S::Ok, S::Error> {
        match x {
            Some(v) => f(v, s),
            None => s.serialize_none(),
        }
    }

    /// [`super::money`] or `null`.
    pub fn money<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        with(x, s, super::money)
    }
    /// [`super::pct`] or `null`.
    pub fn pct<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        with(x, s, super::pct)
    }
    /// [`super::price`] or `null`.
    pub fn price<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        with(x, s, super::price)
    }
    /// [`super::ratio`] or `null`.
    pub fn ratio<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        with(x, s, super::ratio)
    }
    /// [`super::dp4`] or `null`.
    pub fn dp4<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        with(x, s, super::dp4)
    }
    /// [`super::exact`] or `null`.
    pub fn exact<S: Serializer>(x: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        with(x, s, super::exact)
    }
    /// A whole-yuan amount held as an integer (a rule's market value per
    /// unit), as [`super::money`] writes money (`"5000.00"`), or `null`.
    pub fn money_u64<S: Serializer>(x: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        with(&x.map(Decimal::from), s, super::money)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[derive(Serialize)]
    struct All {
        #[serde(serialize_with = "money")]
        m: Decimal,
        #[serde(serialize_with = "pct")]
        p: Decimal,
        #[serde(serialize_with = "price")]
        pr: Decimal,
        #[serde(serialize_with = "ratio")]
        r: Decimal,
        #[serde(serialize_with = "exact")]
        e: Decimal,
        #[serde(serialize_with = "opt::money")]
        none: Option<Decimal>,
    }

    #[test]
    fn half_up_at_each_precision() {
        // 0.125 → 0.13 half-up (banker's would give 0.12); −0.125 → −0.13.
        let a = All {
            m: d("0.125"),
            p: d("-0.125"),
            pr: d("19.6"),
            r: d("376.885"),
            e: d("0.0030150000"),
            none: None,
        };
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"m":"0.13","p":"-0.13","pr":"19.60","r":"376.89","e":"0.003015","none":null}"#
        );
    }
}
