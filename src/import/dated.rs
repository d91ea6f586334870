//! The dated rules a table's rows need, looked up once per board and
//! period: rows of a table share a handful of boards and dates, and the
//! rule tables change every few years, so a row looks its rule up in a
//! cache keyed on the board that holds the row last used and the days it
//! covers.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::board::{self, Board};

/// The value of a dated table's row last used per board, with the first
/// and last day the row covers.
#[derive(Debug, Clone)]
pub(super) struct ByBoard<T> {
    last: [Option<(NaiveDate, NaiveDate, T)>; Board::ALL.len()],
}

impl<T: Copy> Default for ByBoard<T> {
    fn default() -> Self {
        ByBoard {
            last: [None; Board::ALL.len()],
        }
    }
}

impl<T: Copy> ByBoard<T> {
    /// The value for `date` on board `b`; `look_up` gives the row's value
    /// and the days it covers when the cached one does not; `None` when it
    /// finds no row.
    pub(super) fn get(
        &mut self,
        b: Board,
        date: NaiveDate,
        look_up: impl FnOnce() -> Option<(NaiveDate, Option<NaiveDate>, T)>,
    ) -> Option<T> {
        let slot = self.last.get_mut(b as usize)?;
        if let Some((from, to, v)) = *slot {
            if from <= date && date <= to {
                return Some(v);
            }
        }
        let (from, to, v) = look_up()?;
        *slot = Some((from, to.unwrap_or(NaiveDate::MAX), v));
        Some(v)
    }
}

/// A first-day band in whole percent of the issue price: (up, down).
pub(super) type Band = (i64, i64);

/// The caches of one table's run.
#[derive(Debug, Clone, Default)]
pub(super) struct Dated {
    bands: ByBoard<Option<Option<Band>>>,
}

impl Dated {
    /// The first-day band of the trading rule for a listing on `date`:
    /// `Some(None)` for a board with no band then, `None` when no rule
    /// covers the day or its percentages are not whole.
    pub(super) fn band(&mut self, b: Board, date: NaiveDate) -> Option<Option<Band>> {
        self.bands
            .get(b, date, || {
                let r = crate::rules::trading_rule(b, date).ok()?;
                let whole =
                    |p: Decimal| p.fract().is_zero().then(|| i64::try_from(p).ok()).flatten();
                let band = match (r.first_day_up_pct, r.first_day_down_pct) {
                    (Some(up), Some(down)) => whole(up).zip(whole(down)).map(Some),
                    _ => Some(None),
                };
                Some((r.from, r.to, band))
            })
            .flatten()
    }
}

/// A price in whole fen, when it is one (`None` past the fen or too wide).
#[inline]
pub(super) fn fen(x: Decimal) -> Option<i64> {
    let m = i64::try_from(x.mantissa()).ok()?;
    match x.scale() {
        0 => m.checked_mul(100),
        1 => m.checked_mul(10),
        2 => Some(m),
        s => {
            // trailing zeros past the fen: 10.500 is 1050 fen
            let unit = 10i64.checked_pow(s - 2)?;
            (m % unit == 0).then_some(m / unit)
        }
    }
}

/// Whether `price` lies in the band around `issue`, the limits rounded
/// half-up to the fen as `rules::limit_price` rounds them; `None` when a
/// number is not in whole fen.
#[inline]
pub(super) fn in_band(issue: Decimal, price: Decimal, (up, down): Band) -> Option<bool> {
    let (i, p) = (fen(issue)?, fen(price)?);
    // positive prices: half-up is (x + 50) / 100
    let hi = (i.checked_mul(100 + up)? + 50) / 100;
    let lo = (i.checked_mul(100 - down)? + 50) / 100;
    Some(lo <= p && p <= hi)
}

/// Shares per lot by the board's rule of the subscription day.
pub(super) fn lot_on(cache: &mut ByBoard<Option<u64>>, b: Board, date: NaiveDate) -> Option<u64> {
    cache
        .get(b, date, || {
            let r = board::lot_rule(b, date).ok()?;
            Some((r.from, r.to, r.shares))
        })
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn the_integer_band_is_the_rules_band() {
        // SSE main board since 2014: 13.77 × 144% = 19.8288 → 19.83
        let band = (44, 36);
        assert_eq!(in_band(d("13.77"), d("19.83"), band), Some(true));
        assert_eq!(in_band(d("13.77"), d("19.84"), band), Some(false));
        assert_eq!(in_band(d("10"), d("6.40"), band), Some(true));
        assert_eq!(in_band(d("10"), d("6.39"), band), Some(false));
        assert_eq!(in_band(d("10.005"), d("12"), band), None);
        assert_eq!(fen(d("10.500")), Some(1050));
        let mut c = Dated::default();
        let day = NaiveDate::from_ymd_opt(2018, 6, 8).unwrap();
        assert_eq!(c.band(Board::SseMain, day), Some(Some((44, 36))));
        let star = NaiveDate::from_ymd_opt(2025, 12, 5).unwrap();
        assert_eq!(c.band(Board::Star, star), Some(None));
    }
}
