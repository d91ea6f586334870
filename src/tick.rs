//! Tick sizes (最小价格变动单位 / 價位): A-shares trade in fen; Hong Kong
//! uses a spread table whose steps depend on the price band and, since
//! 2025-08-04, on the date.
//!
//! ```
//! use daxin::tick::{ceil_to_tick, tick};
//! use daxin::Board;
//! use chrono::NaiveDate;
//! use rust_decimal::Decimal;
//! use std::str::FromStr;
//!
//! let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
//! let p = Decimal::from_str("19.613").unwrap();
//! assert_eq!(tick(Board::Hkex, p, day).unwrap().to_string(), "0.01"); // 10–20: 0.01 since 2025-08-04
//! assert_eq!(ceil_to_tick(Board::Hkex, p, day).unwrap().to_string(), "19.62");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::board::Board;
use crate::error::{Error, Result};
use crate::input::ymd;

/// One band of a Hong Kong spread table: prices over `above` up to `upto`
/// trade in steps of `step` (in thousandths of a dollar).
struct Band {
    above_milli: i64,
    upto_milli: i64,
    step_milli: i64,
}

struct SpreadTable {
    from: NaiveDate,
    to: Option<NaiveDate>,
    bands: &'static [Band],
    source: &'static str,
}

const fn band(above_milli: i64, upto_milli: i64, step_milli: i64) -> Band {
    Band {
        above_milli,
        upto_milli,
        step_milli,
    }
}

/// HKEX Part A spread tables. 2006-07-24: minimum spreads between $2 and
/// $20 reduced (HKEx news release of 18 July 2006); 2025-08-04: phase 1 of
/// the reduction of minimum spreads ($10–20: 0.02 → 0.01, $20–50: 0.05 →
/// 0.02). Phase 2 ($0.50–10: 0.01 → 0.005, "约于2026年中") is not in the
/// table: no source read says it took effect.
static HK_TABLES: &[SpreadTable] = &[
    SpreadTable {
        from: ymd(2006, 7, 24),
        to: Some(ymd(2025, 8, 3)),
        bands: &[
            band(0, 250, 1),
            band(250, 500, 5),
            band(500, 10_000, 10),
            band(10_000, 20_000, 20),
            band(20_000, 100_000, 50),
            band(100_000, 200_000, 100),
            band(200_000, 500_000, 200),
            band(500_000, 1_000_000, 500),
            band(1_000_000, 2_000_000, 1_000),
            band(2_000_000, 5_000_000, 2_000),
            band(5_000_000, 9_995_000, 5_000),
        ],
        source: "https://mondovisione.com/news/hkex-sets-date-for-reduction-of-minimum-trading-spreads-for-securities-priced-be-2011124 (HKEx, 18 July 2006: revised minimum spreads from 24 July)",
    },
    SpreadTable {
        from: ymd(2025, 8, 4),
        to: None,
        bands: &[
            band(0, 250, 1),
            band(250, 500, 5),
            band(500, 20_000, 10),
            band(20_000, 50_000, 20),
            band(50_000, 100_000, 50),
            band(100_000, 200_000, 100),
            band(200_000, 500_000, 200),
            band(500_000, 1_000_000, 500),
            band(1_000_000, 2_000_000, 1_000),
            band(2_000_000, 5_000_000, 2_000),
            band(5_000_000, 9_995_000, 5_000),
        ],
        source: "https://www.hkex.com.hk/Services/Trading/Securities/Overview/Trading-Mechanism/Reduction-of-Minimum-Spreads (第一阶段 2025年8月4日: 10元-20元 0.02→0.01, 20元-50元 0.05→0.02); https://help.syfe.com/hc/en-us/articles/50698272405785",
    },
];

/// The A-share tick: ¥0.01 ("The tick size of an order for A-share stocks
/// shall be RMB 0.01", <http://english.sse.com.cn/start/trading/mechanism/>).
pub const A_SHARE_TICK: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// The tick for a price on `board` on `date`.
pub fn tick(board: Board, price: Decimal, date: NaiveDate) -> Result<Decimal> {
    if board != Board::Hkex {
        return Ok(A_SHARE_TICK);
    }
    let table = HK_TABLES
        .iter()
        .find(|t| t.from <= date && t.to.is_none_or(|to| date <= to))
        .ok_or_else(|| Error::NoRule {
            board: board.id(),
            date,
            reason: crate::why!(
                "the spread tables start on 2006-07-24",
                "价位表始于 2006-07-24"
            ),
        })?;
    let milli = price * Decimal::from(1000);
    table
        .bands
        .iter()
        .find(|b| milli > Decimal::from(b.above_milli) && milli <= Decimal::from(b.upto_milli))
        .map(|b| Decimal::new(b.step_milli, 3).normalize())
        .ok_or_else(|| {
            Error::invalid(
                "price",
                &price.to_string(),
                crate::why!(
                    "outside the HKEX spread table (HK$0.01 to HK$9,995)",
                    "超出港交所价位表的范围（0.01 港元至 9,995 港元）"
                ),
            )
        })
}

/// The source of the tick rule used for `board` on `date`.
pub fn tick_source(board: Board, date: NaiveDate) -> &'static str {
    if board != Board::Hkex {
        return "http://english.sse.com.cn/start/trading/mechanism/ (tick size RMB 0.01)";
    }
    HK_TABLES
        .iter()
        .find(|t| t.from <= date && t.to.is_none_or(|to| date <= to))
        .map(|t| t.source)
        .unwrap_or("")
}

/// Rounds a price up to the next valid tick (a price already on a tick is
/// kept).
pub fn ceil_to_tick(board: Board, price: Decimal, date: NaiveDate) -> Result<Decimal> {
    let t = tick(board, price, date)?;
    let q = (price / t).ceil();
    Ok((q * t).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn hk_spread_change_on_2025_08_04() {
        // 10–20 band: 0.02 until 2025-08-03, 0.01 from 2025-08-04 (HKEX page)
        assert_eq!(
            tick(Board::Hkex, d("19.60"), ymd(2025, 8, 3)).unwrap(),
            d("0.02")
        );
        assert_eq!(
            tick(Board::Hkex, d("19.60"), ymd(2025, 8, 4)).unwrap(),
            d("0.01")
        );
        assert_eq!(
            tick(Board::Hkex, d("19.60"), ymd(2025, 8, 5)).unwrap(),
            d("0.01")
        );
        // 20–50: 0.05 → 0.02
        assert_eq!(
            tick(Board::Hkex, d("35.70"), ymd(2025, 8, 3)).unwrap(),
            d("0.05")
        );
        assert_eq!(
            tick(Board::Hkex, d("35.70"), ymd(2025, 8, 4)).unwrap(),
            d("0.02")
        );
    }

    #[test]
    fn band_edges_belong_below() {
        let day = ymd(2024, 1, 2);
        assert_eq!(tick(Board::Hkex, d("10.00"), day).unwrap(), d("0.01"));
        assert_eq!(tick(Board::Hkex, d("10.02"), day).unwrap(), d("0.02"));
        assert_eq!(tick(Board::Hkex, d("0.25"), day).unwrap(), d("0.001"));
        assert!(tick(Board::Hkex, d("9999"), day).is_err());
    }

    #[test]
    fn ceilings() {
        let day = ymd(2024, 1, 2);
        assert_eq!(
            ceil_to_tick(Board::Star, d("104.6612"), day).unwrap(),
            d("104.67")
        );
        assert_eq!(
            ceil_to_tick(Board::Star, d("104.66"), day).unwrap(),
            d("104.66")
        );
        assert_eq!(
            ceil_to_tick(Board::Hkex, d("35.71"), day).unwrap(),
            d("35.75")
        );
    }
}
