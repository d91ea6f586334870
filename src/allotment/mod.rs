//! Hong Kong allotment results (分配結果), read as the issuers' announcements
//! print them, and the exact figures of every tier.
//!
//! An announcement's "basis of allocation under the Hong Kong public
//! offering" has four columns — shares applied for, valid applications, the
//! basis of allotment or ballot, and the approximate percentage allotted —
//! in one of two layouts seen in 2025–26:
//! - **pool tables**: `POOL A` / `POOL B` (甲組 / 乙組) headings, then one row
//!   per size with a basis such as `8,741 out of 174,816 applicants to
//!   receive 200 H Shares` or `200 H Shares plus 78 out of 4,914 applicants to
//!   receive an additional 200 H Shares`;
//! - **two-row tables**: no pool headings; each size has one row per outcome
//!   (`0 H Shares` / `200 H Shares`), the percentage printed once.
//!
//! [`parse::read`] takes the bytes a user has (CSV or TSV from a
//! spreadsheet, with or without the header row, UTF-8, GBK or Big5; or the
//! text copied from the PDF) and gives a [`Table`] of [`Tier`]s, each an
//! exact distribution of outcomes. [`tiers::compute`] gives each tier's
//! figures as exact ratios, the size sure of one lot (穩中一手), the best
//! size for a budget, and the checks against the announcement's totals.
//!
//! ```
//! use daxin::allotment::{parse, Pool};
//! let text = "POOL A\n200 174,816 8,741 out of 174,816 applicants to receive 200 H Shares 5.00%\n\
//!             POOL B\n300,000 9,925 600 H Shares 0.20%\n";
//! let t = parse::read(text.as_bytes(), None).unwrap();
//! assert_eq!(t.tiers.len(), 2);
//! assert_eq!(t.tiers[0].pool, Some(Pool::A));
//! assert_eq!(t.tiers[0].applications(), 174_816);
//! assert_eq!(t.tiers[0].allotted_shares().unwrap(), 8_741 * 200);
//! assert_eq!(t.tiers[1].successful(), 9_925);
//! ```

pub mod note;
pub mod parse;
mod ratio;
pub mod tiers;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};

pub use ratio::Ratio;

/// Pool A (甲組: applications of HK$5 million or less) or pool B (乙組).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Pool {
    /// 甲組.
    A,
    /// 乙組.
    B,
}

/// How a table was laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Pool headings and one row per size.
    PoolTable,
    /// One row per size and outcome, no pool headings.
    TwoRow,
    /// One row per size, no pool headings.
    Plain,
    /// daxin's own `lots,applications,basis` CSV.
    DaxinCsv,
}

/// How the file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Comma-separated values.
    Csv,
    /// Tab-separated values.
    Tsv,
    /// Text copied from the PDF (or typed), one or more cells per line.
    Text,
}

/// `applicants` applicants each received `shares` shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// How many applicants.
    pub applicants: u64,
    /// Shares each of them received.
    pub shares: u64,
}

/// One size of application and what its applicants received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tier {
    /// The pool heading it was printed under, if any.
    pub pool: Option<Pool>,
    /// Shares applied for.
    pub shares_applied: u64,
    /// Who received what; the applicants add up to the valid applications.
    pub outcomes: Vec<Outcome>,
    /// The printed "approximate percentage allotted", in percent.
    pub printed_pct: Option<Decimal>,
    /// The line (text) or row (CSV/TSV) the tier starts on, from 1.
    pub line: usize,
    /// The basis as printed (the first row's).
    pub basis: String,
}

impl Tier {
    /// Valid applications: the applicants of every outcome.
    pub fn applications(&self) -> u64 {
        self.outcomes
            .iter()
            .fold(0u64, |a, o| a.saturating_add(o.applicants))
    }

    /// Applicants who received any shares.
    pub fn successful(&self) -> u64 {
        self.outcomes
            .iter()
            .filter(|o| o.shares > 0)
            .fold(0u64, |a, o| a.saturating_add(o.applicants))
    }

    /// Shares allotted to the tier: Σ applicants × shares.
    pub fn allotted_shares(&self) -> Result<u64> {
        let mut t: u128 = 0;
        for o in &self.outcomes {
            t += u128::from(o.applicants) * u128::from(o.shares);
        }
        u64::try_from(t).map_err(|_| Error::overflow("allotted shares"))
    }
}

/// A total the table prints under a pool or the whole table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintedTotal {
    /// The pool it closes, or `None` for the whole table.
    pub pool: Option<Pool>,
    /// Valid applications.
    pub applications: Option<u64>,
    /// Successful applicants.
    pub successful: Option<u64>,
    /// Shares allotted.
    pub shares: Option<u64>,
    /// Where it is printed.
    pub line: usize,
}

/// An allotment table as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The tiers, in the order printed.
    pub tiers: Vec<Tier>,
    /// Totals the table prints.
    pub totals: Vec<PrintedTotal>,
    /// The layout.
    pub layout: Layout,
    /// How the file was written.
    pub source: Source,
    /// The text encoding it was read in (`UTF-8`, `GBK`, `Big5`, …).
    pub encoding: &'static str,
}
