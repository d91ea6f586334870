//! Data import: the IPO tables investors already have — AKShare /
//! Eastmoney `stock_xgsglb_em` (and its BSE variant) and `stock_dxsyl_em`,
//! 同花顺 `stock_ipo_ths` — read row by row, recomputed, and checked against
//! the figures the site published. No I/O here: the caller hands over the
//! header and each record's fields as bytes (see `daxin batch`).
//!
//! ```
//! use daxin::import::{Layout, process};
//! let header = ["股票代码", "股票简称", "发行价格", "首日收盘价", "上市日期", "每中一签获利", "涨幅"];
//! let layout = Layout::detect(&header, None).unwrap();
//! let row: [&[u8]; 7] = [b"688802", "沐曦股份".as_bytes(), b"104.66", b"829.90", b"2025-12-17", b"362620", b"692.95"];
//! let out = process(&layout, &row);
//! assert_eq!(out.headline.unwrap().profit_per_lot.to_string(), "362620.00");
//! assert!(out.check.starts_with("ok"));
//! ```

use std::str::FromStr;

use serde::Serialize;

use crate::error::{Error, Result};

pub mod batch;
mod cell;
mod dated;
mod encoding;
mod format;
mod layout;
mod row;
pub mod sheet;
pub mod split;
mod units;
pub mod write;

pub use cell::ascii_decimal;
pub use encoding::sniff_encoding;
pub use layout::{Field, Layout};
pub use row::{
    basis_words, board_of_code, gain_pct_2dp, process, process_into, row_from_ipo, row_from_record,
    working, At, RowOut, Rows, Status,
};
pub use units::{ColumnUnit, Unit, UnitEvidence, UnitReason, UnitsReport};
pub use write::OUT_HEADER;

/// The source formats `daxin batch` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// AKShare `stock_xgsglb_em` (Eastmoney 新股申购与中签), A-share boards.
    EmXgsglb,
    /// Its BSE variant (代码, 简称, 上市首日-均价, 上市首日-每百股获利, …).
    EmXgsglbBse,
    /// AKShare `stock_dxsyl_em` (Eastmoney 打新收益率).
    EmDxsyl,
    /// 同花顺 via AKShare `stock_ipo_ths`, units in the header.
    Ths,
    /// daxin's own record format as CSV (`daxin list --format csv`).
    Daxin,
}

impl SourceFormat {
    /// The columns the source writes, as it writes them, in its order.
    ///
    /// ```
    /// use daxin::import::SourceFormat;
    /// let h = SourceFormat::EmXgsglb.header();
    /// assert_eq!((h[0], h[7], h[21]), ("股票代码", "发行价格", "每中一签获利"));
    /// ```
    pub fn header(self) -> &'static [&'static str] {
        format::spec(self).header
    }

    /// The id used by `--from`.
    pub fn id(self) -> &'static str {
        match self {
            SourceFormat::EmXgsglb => "em-xgsglb",
            SourceFormat::EmXgsglbBse => "em-xgsglb-bse",
            SourceFormat::EmDxsyl => "em-dxsyl",
            SourceFormat::Ths => "ths",
            SourceFormat::Daxin => "daxin",
        }
    }
}

impl FromStr for SourceFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "em-xgsglb" | "xgsglb" | "stock_xgsglb_em" | "akshare" | "eastmoney" => {
                SourceFormat::EmXgsglb
            }
            "em-xgsglb-bse" | "xgsglb-bse" | "bse" => SourceFormat::EmXgsglbBse,
            "em-dxsyl" | "dxsyl" | "stock_dxsyl_em" => SourceFormat::EmDxsyl,
            "ths" | "stock_ipo_ths" | "10jqka" => SourceFormat::Ths,
            "daxin" => SourceFormat::Daxin,
            _ => {
                return Err(Error::invalid(
                    "--from",
                    s,
                    crate::why!(
                        "expected em-xgsglb, em-xgsglb-bse, em-dxsyl, ths or daxin",
                        "应为 em-xgsglb、em-xgsglb-bse、em-dxsyl、ths 或 daxin"
                    ),
                ))
            }
        })
    }
}

/// A row's fields as bytes, however the caller holds them.
pub trait Record {
    /// Field `i`, if the row has it.
    fn field(&self, i: usize) -> Option<&[u8]>;
    /// How many fields.
    fn count(&self) -> usize;
    /// Whether every field is UTF-8, when the record can tell at once
    /// (`None`: ask field by field).
    fn utf8(&self) -> Option<bool> {
        None
    }
}

impl Record for [&[u8]] {
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.get(i).copied()
    }
    fn count(&self) -> usize {
        self.len()
    }
}

impl<const N: usize> Record for [&[u8]; N] {
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.get(i).copied()
    }
    fn count(&self) -> usize {
        N
    }
}
