//! The unit of each rate column — 涨幅, 首日涨幅, 开盘溢价, 中签率 — settled for
//! the whole column, not row by row: from `--units`, else from the values
//! (which unit lets each value come from a price on the fen grid), else from
//! the layout's version. AKShare's `stock_dxsyl_em` wrote 开盘溢价 and
//! 首日涨幅 as fractions (0.4398) up to 1.8.0 and as percentages (44.0162)
//! since 1.8.1; `stock_xgsglb_em`'s 涨幅 and every 中签率 are percentages.
//!
//! A value `x` on issue price `i` *fits* a unit when the price it implies,
//! `i × (1 + x)` (fraction) or `i × (1 + x ÷ 100)` (percent) rounded half-up
//! to the fen, gives back `x` at the decimals `x` was written with, and lies
//! in the board's first-day band where there is one. A fraction misread as a
//! percent almost never fits (0.4398 % on 10.80 is 10.85, which is 0.4630 %);
//! a percentage misread as a fraction fits only by chance, and not across a
//! column. A row whose value fits only the other unit, or a row of a column
//! whose rows disagree, is marked ambiguous rather than guessed.
//!
//! ```
//! use daxin::import::{Layout, Unit};
//! let header = ["股票代码", "股票简称", "发行价", "开盘溢价", "首日涨幅", "打新收益", "上市日期"];
//! let mut layout = Layout::detect(&header, None).unwrap();
//! let row: [&[u8]; 7] = [b"603132", "金徽股份".as_bytes(), b"10.80", b"0.2000", b"0.4398", b"", b"2022-02-22"];
//! let report = layout.settle_units([&row[..]], None);
//! let col = report.columns.iter().find(|c| c.column == "首日涨幅").unwrap();
//! assert_eq!(col.unit, Unit::Fraction);
//! ```

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;

use super::cell::{cell_date, cell_decimal, trim_bytes};
use super::dated::{Band, Dated};
use super::layout::{Field, Layout};
use super::row::board_of_code;
use super::Record;
use crate::error::{Error, Result};
use crate::num;

/// How a rate column writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 43.98 means 43.98 %.
    #[default]
    Percent,
    /// 0.4398 means 43.98 %.
    Fraction,
}

impl Unit {
    /// The id `--units` takes.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Fraction => "fraction",
        }
    }

    /// The other unit.
    pub fn other(self) -> Unit {
        match self {
            Unit::Percent => Unit::Fraction,
            Unit::Fraction => Unit::Percent,
        }
    }

    /// 100 for a percentage, 1 for a fraction.
    fn scale(self) -> Decimal {
        match self {
            Unit::Percent => Decimal::ONE_HUNDRED,
            Unit::Fraction => Decimal::ONE,
        }
    }

    /// `x` in this unit as a percentage, at the decimals it carries
    /// (0.4398 → 43.98).
    pub fn to_percent(self, x: Decimal) -> Option<Decimal> {
        match self {
            Unit::Percent => Some(x),
            Unit::Fraction => {
                let mut p = x.checked_mul(Decimal::ONE_HUNDRED)?;
                p.rescale(x.scale().saturating_sub(2));
                Some(p)
            }
        }
    }
}

impl FromStr for Unit {
    type Err = Error;
    fn from_str(s: &str) -> Result<Unit> {
        match s.trim().to_ascii_lowercase().as_str() {
            "percent" | "pct" | "%" => Ok(Unit::Percent),
            "fraction" | "ratio" => Ok(Unit::Fraction),
            _ => Err(Error::invalid(
                "--units",
                s,
                crate::why!(
                    "expected percent (43.98 means 43.98 %) or fraction (0.4398 means 43.98 %)",
                    "应为 percent（43.98 表示 43.98 %）或 fraction（0.4398 表示 43.98 %）"
                ),
            )),
        }
    }
}

/// The rate columns whose unit is settled, in the order of [`Units`].
pub(super) const RATE_FIELDS: [Field; 4] = [
    Field::GainPct,
    Field::FirstDayGainPct,
    Field::OpenPremium,
    Field::WinRate,
];

/// Each rate column's unit, and whether its rows disagreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Units {
    unit: [Unit; 4],
    mixed: [bool; 4],
}

impl Units {
    /// The unit of `f`'s column, and whether its rows disagreed.
    pub(super) fn of(&self, f: Field) -> (Unit, bool) {
        match RATE_FIELDS.iter().position(|g| *g == f) {
            Some(k) => (self.unit[k], self.mixed[k]),
            None => (Unit::Percent, false),
        }
    }
}

/// Why a column was read in its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitReason {
    /// `--units` said so.
    Forced,
    /// Rows fit only this unit (and none only the other).
    Values,
    /// The layout's version writes this unit (no row told either way).
    Version,
    /// Rows fit only one unit and other rows only the other: the version's
    /// unit is kept and those rows are ambiguous.
    Mixed,
}

/// One rate column's unit and the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnUnit {
    /// The column as the header writes it.
    pub column: String,
    /// The unit it is read in.
    pub unit: Unit,
    /// Why.
    pub reason: UnitReason,
    /// Rows whose value fits only as a fraction.
    pub fraction_only: u64,
    /// Rows whose value fits only as a percentage.
    pub percent_only: u64,
}

/// The units a table's rate columns are read in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct UnitsReport {
    /// One entry per rate column the table has.
    pub columns: Vec<ColumnUnit>,
}

/// The fen price that rate `x` on `issue` implies, in `unit`.
pub(super) fn implied_price(issue: Decimal, x: Decimal, unit: Unit) -> Option<Decimal> {
    let k = unit.scale();
    let p = issue.checked_mul(k.checked_add(x)?)?.checked_div(k)?;
    let p = num::round_half_up(p, 2);
    (p > Decimal::ZERO).then_some(p)
}

/// True when `price` gives back the rate `x` (in `unit`) at the decimals `x`
/// is written with.
pub(super) fn reproduces(issue: Decimal, price: Decimal, x: Decimal, unit: Unit) -> bool {
    rate_at(issue, price, x, unit) == Some(x)
}

/// The rate `price` gives on `issue` in `unit`, at the decimals of `x`.
pub(super) fn rate_at(issue: Decimal, price: Decimal, x: Decimal, unit: Unit) -> Option<Decimal> {
    let r = price
        .checked_sub(issue)?
        .checked_mul(unit.scale())?
        .checked_div(issue)?;
    Some(num::round_half_up(r, x.scale()))
}

/// The row's facts a fit is judged on: the issue price, and the first-day
/// band in force for its listing (`None`: no band, or none known).
#[derive(Debug, Clone, Copy)]
pub(super) struct FitContext {
    pub issue: Decimal,
    pub band: Option<Band>,
}

/// True when `x` fits `unit` (see the module's text).
pub(super) fn fits(cx: &FitContext, x: Decimal, unit: Unit) -> bool {
    if let Some(f) = fits_in_fen(cx, x, unit) {
        return f;
    }
    let Some(p) = implied_price(cx.issue, x, unit) else {
        return false;
    };
    if !reproduces(cx.issue, p, x, unit) {
        return false;
    }
    match cx.band {
        Some((up, down)) => {
            let limit = |pct: i64, up: bool| {
                crate::rules::limit_price(cx.issue, Decimal::from(pct), up).ok()
            };
            match (limit(up, true), limit(down, false)) {
                (Some(hi), Some(lo)) => lo <= p && p <= hi,
                _ => true,
            }
        }
        None => true,
    }
}

/// [`fits`] in integers, for an issue price in whole fen and a rate of up
/// to 10 places: the same answer with no decimal division (`None` when the
/// numbers are outside that, and the decimal path decides).
fn fits_in_fen(cx: &FitContext, x: Decimal, unit: Unit) -> Option<bool> {
    let i = super::dated::fen(cx.issue)?;
    let xs = x.scale();
    if i <= 0 || xs > 10 {
        return None;
    }
    // 64-bit arithmetic (a hardware division), `None` past it: the decimal
    // path then decides
    let xm = i64::try_from(x.mantissa()).ok()?;
    let k: i64 = match unit {
        Unit::Percent => 100,
        Unit::Fraction => 1,
    };
    let den = k.checked_mul(10i64.checked_pow(xs)?)?;
    // the implied price in fen, half-up: i × (k + x) ÷ k
    let num = i.checked_mul(den.checked_add(xm)?)?;
    if num <= 0 {
        return Some(false);
    }
    let p = (num.checked_mul(2)?.checked_add(den)?) / (2 * den);
    if p <= 0 {
        return Some(false);
    }
    // the rate that price gives, at x's places, half-up on the magnitude
    let r_num = (p - i).checked_mul(den)?;
    let (q, rem) = (r_num / i, r_num % i);
    let r = if rem.unsigned_abs() * 2 >= i.unsigned_abs() {
        q + r_num.signum()
    } else {
        q
    };
    if r != xm {
        return Some(false);
    }
    Some(match cx.band {
        Some((up, down)) => {
            let hi = (i.checked_mul(100 + up)? + 50) / 100;
            let lo = (i.checked_mul(100 - down)? + 50) / 100;
            lo <= p && p <= hi
        }
        None => true,
    })
}

/// Which units `x` fits: (percent, fraction). Zero fits both.
pub(super) fn fit_both(cx: &FitContext, x: Decimal) -> (bool, bool) {
    (fits(cx, x, Unit::Percent), fits(cx, x, Unit::Fraction))
}

/// The evidence of a table's rows for the units of its rate columns,
/// gathered a row at a time ([`Layout::settle_units_with`]), so that a
/// sample need not be kept.
#[derive(Debug, Clone, Default)]
pub struct UnitEvidence {
    /// (fraction only, percent only) per column of [`RATE_FIELDS`].
    counts: [(u64, u64); 4],
}

impl UnitEvidence {
    /// Adds one row's evidence.
    pub fn add<R: Record + ?Sized>(&mut self, layout: &Layout, rec: &R) {
        let Some(cx) = layout.fit_context(rec) else {
            return;
        };
        for (k, f) in RATE_FIELDS.iter().enumerate() {
            // no price to judge a win rate by
            if *f == Field::WinRate || layout.col(*f).is_none() {
                continue;
            }
            if let Some(x) = layout.rate_cell(rec, *f) {
                match fit_both(&cx, x) {
                    (false, true) => self.counts[k].0 += 1,
                    (true, false) => self.counts[k].1 += 1,
                    _ => {}
                }
            }
        }
    }
}

impl Layout {
    /// Settles the unit of each rate column from `rows` (the table, or a
    /// sample of its first rows) and `forced` (`--units`); the rows read
    /// afterwards use those units. Returns what was decided and why.
    pub fn settle_units<'a, R, I>(&mut self, rows: I, forced: Option<Unit>) -> UnitsReport
    where
        R: Record + ?Sized + 'a,
        I: IntoIterator<Item = &'a R>,
    {
        let mut ev = UnitEvidence::default();
        if forced.is_none() {
            for rec in rows {
                ev.add(self, rec);
            }
        }
        self.settle_units_with(&ev, forced)
    }

    /// [`Layout::settle_units`] from evidence gathered row by row.
    pub fn settle_units_with(&mut self, ev: &UnitEvidence, forced: Option<Unit>) -> UnitsReport {
        let present: Vec<(usize, Field)> = RATE_FIELDS
            .iter()
            .enumerate()
            .filter(|(_, f)| self.col(**f).is_some())
            .map(|(k, f)| (k, *f))
            .collect();
        let mut units = Units::default();
        let mut report = UnitsReport::default();
        for (k, f) in present {
            let version = if self.fraction_version
                && matches!(f, Field::FirstDayGainPct | Field::OpenPremium)
            {
                Unit::Fraction
            } else {
                Unit::Percent
            };
            let (frac, pct) = if forced.is_some() {
                (0, 0)
            } else {
                ev.counts[k]
            };
            let (unit, reason, mixed) = match forced {
                Some(u) => (u, UnitReason::Forced, false),
                None if frac > 0 && pct > 0 => (version, UnitReason::Mixed, true),
                None if frac > 0 => (Unit::Fraction, UnitReason::Values, false),
                None if pct > 0 => (Unit::Percent, UnitReason::Values, false),
                None => (version, UnitReason::Version, false),
            };
            units.unit[k] = unit;
            units.mixed[k] = mixed;
            report.columns.push(ColumnUnit {
                column: self.header(f, "").to_string(),
                unit,
                reason,
                fraction_only: frac,
                percent_only: pct,
            });
        }
        self.units = units;
        report
    }

    /// The issue price, board and listing date of a row, when it has an
    /// issue price.
    pub(super) fn fit_context<R: Record + ?Sized>(&self, rec: &R) -> Option<FitContext> {
        let cell = |f: Field| {
            self.col(f)
                .and_then(|(i, m)| rec.field(i).map(|b| (trim_bytes(b), m)))
        };
        let (b, m) = cell(Field::IssuePrice)?;
        let issue = cell_decimal("", b, m).ok().flatten()?;
        if issue <= Decimal::ZERO {
            return None;
        }
        let board = cell(Field::Code)
            .and_then(|(b, _)| std::str::from_utf8(b).ok().and_then(board_of_code));
        let listing = cell(Field::ListingDate).and_then(|(b, _)| cell_date("", b).ok().flatten());
        let band = match (board, listing) {
            (Some(b), Some(d)) => Dated::default().band(b, d).flatten(),
            _ => None,
        };
        Some(FitContext { issue, band })
    }

    /// A rate cell's number as written (no unit applied); `None` when empty
    /// or not a number.
    pub(super) fn rate_cell<R: Record + ?Sized>(&self, rec: &R, f: Field) -> Option<Decimal> {
        let (i, _) = self.col(f)?;
        cell_decimal("", trim_bytes(rec.field(i)?), Decimal::ONE)
            .ok()
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn fits_tell_fractions_from_percentages() {
        // 金徽股份, SSE main board 2022 (AKShare docs, 1.4.x example output)
        // the SSE main board's band then: +44% / −36%
        let cx = FitContext {
            issue: d("10.80"),
            band: Some((44, 36)),
        };
        assert_eq!(fit_both(&cx, d("0.4398")), (false, true));
        assert_eq!(
            implied_price(d("10.80"), d("0.4398"), Unit::Fraction),
            Some(d("15.55"))
        );
        // 云中马 (AKShare 1.8.x example): 44.0162 % on 19.72 is 28.40, the
        // band's top; as a fraction it would be far outside the band
        let cx = FitContext {
            issue: d("19.72"),
            band: Some((44, 36)),
        };
        assert_eq!(fit_both(&cx, d("44.0162")), (true, false));
        assert_eq!(Unit::Fraction.to_percent(d("0.4398")), Some(d("43.98")));
        assert_eq!(Unit::Fraction.to_percent(d("1.439")), Some(d("143.9")));
        // the integer path and the decimal one agree
        for (issue, x) in [
            ("10.80", "0.4398"),
            ("19.72", "44.0162"),
            ("36.00", "66.94"),
            ("7.5", "-20.13"),
            ("10", "143.9"),
        ] {
            for band in [None, Some((44, 36))] {
                for unit in [Unit::Percent, Unit::Fraction] {
                    let cx = FitContext {
                        issue: d(issue),
                        band,
                    };
                    let fast = fits_in_fen(&cx, d(x), unit).unwrap();
                    let p = implied_price(cx.issue, d(x), unit);
                    let slow = p.is_some_and(|p| {
                        reproduces(cx.issue, p, d(x), unit)
                            && band.is_none_or(|(u, dn)| {
                                let hi =
                                    crate::rules::limit_price(cx.issue, Decimal::from(u), true)
                                        .unwrap();
                                let lo =
                                    crate::rules::limit_price(cx.issue, Decimal::from(dn), false)
                                        .unwrap();
                                lo <= p && p <= hi
                            })
                    });
                    assert_eq!(fast, slow, "{issue} {x} {unit:?} {band:?}");
                }
            }
        }
        assert!("fraction".parse::<Unit>().is_ok());
        assert!("x".parse::<Unit>().is_err());
    }
}
