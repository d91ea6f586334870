//! The IPOs in the data, one row each (`daxin list`).
//!
//! ```
//! use daxin::data::Dataset;
//! use daxin::report::list::ListReport;
//! use daxin::Lang;
//!
//! let data = Dataset::builtin().unwrap();
//! let ipos: Vec<_> = data.ipos().iter().collect();
//! let r = ListReport::build(&ipos, Lang::En, false).unwrap();
//! let muxi = r.ipos.iter().find(|i| i.code == "688802").unwrap();
//! assert_eq!(daxin::num::fixed(muxi.close_gain_pct.unwrap(), 2), "692.95");
//!
//! // only STAR IPOs listed in 2025
//! use daxin::report::list::Filter;
//! let f = Filter { board: Some(daxin::Board::Star), year: Some(Filter::parse_year("2025").unwrap()) };
//! assert!(f.keeps(data.find("688802").unwrap()));
//! assert!(Filter::parse_year("25").is_err());
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::Board;
use crate::error::{Error, Result};
use crate::explain::{self, Step};
use crate::headline::Lang;
use crate::ipo::{Basis, Ipo};
use crate::report::ser;
use crate::returns;

/// Which IPOs `daxin list` shows: a board, a listing year, or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    /// Only this board.
    pub board: Option<Board>,
    /// Only IPOs listed in this year.
    pub year: Option<i32>,
}

impl Filter {
    /// Whether `ipo` is shown (an IPO without a listing day is in no year).
    pub fn keeps(&self, ipo: &Ipo) -> bool {
        use chrono::Datelike;
        self.board.is_none_or(|b| ipo.board == Some(b))
            && self
                .year
                .is_none_or(|y| ipo.listing_date.is_some_and(|d| d.year() == y))
    }

    /// Parses `--year`: a four-digit year from 1986 to 2100.
    pub fn parse_year(raw: &str) -> Result<i32> {
        let n = crate::input::parse_decimal("--year", raw)?;
        i32::try_from(n)
            .ok()
            .filter(|n| (1986..=2100).contains(n) && raw.trim().len() == 4)
            .ok_or_else(|| {
                Error::invalid(
                    "--year",
                    raw,
                    crate::why!("expected a year such as 2025", "应为年份，例如 2025"),
                )
            })
    }
}

/// One IPO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListRow {
    /// Code.
    pub code: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: Option<String>,
    /// Board.
    pub board: Option<Board>,
    /// First trading day.
    pub listing_date: Option<NaiveDate>,
    /// Issue price.
    #[serde(serialize_with = "ser::price")]
    pub issue_price: Decimal,
    /// Shares per lot.
    pub lot_shares: u64,
    /// Gain at the open, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub open_gain_pct: Option<Decimal>,
    /// Gain at the close, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub close_gain_pct: Option<Decimal>,
    /// The working of the gains.
    #[serde(skip)]
    pub working: Vec<Step>,
}

/// The IPOs, in the order given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListReport {
    /// One row each.
    pub ipos: Vec<ListRow>,
}

impl ListReport {
    /// The rows of `ipos`; with `explain`, each row keeps the working of
    /// its gains.
    ///
    /// Errors: a record whose figures cannot be computed, named by code.
    pub fn build(ipos: &[&Ipo], lang: Lang, explain: bool) -> Result<ListReport> {
        let gain_label = match lang {
            Lang::Zh => "涨幅",
            Lang::En => "gain",
        };
        let rows = ipos
            .iter()
            .map(|ipo| {
                let s = returns::compute(ipo).map_err(|e| {
                    Error::data(&format!("{} {}", ipo.code, ipo.name_zh), crate::Why::of(&e))
                })?;
                let gain = |b: Basis| s.at(b).map(|f| f.gain_pct);
                let working = match explain {
                    true => explain::steps(ipo, &s, lang)
                        .into_iter()
                        .filter(|st| st.label.ends_with(gain_label))
                        .collect(),
                    false => Vec::new(),
                };
                Ok(ListRow {
                    code: ipo.code.clone(),
                    name_zh: ipo.name_zh.clone(),
                    name_en: ipo.name_en.clone(),
                    board: ipo.board,
                    listing_date: ipo.listing_date,
                    issue_price: s.issue_price,
                    lot_shares: s.lot_shares,
                    open_gain_pct: gain(Basis::Open),
                    close_gain_pct: gain(Basis::Close),
                    working,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ListReport { ipos: rows })
    }
}
