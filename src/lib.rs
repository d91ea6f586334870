//! # daxin — what an IPO subscription (打新) really earned
//!
//! Exact decimal figures for A-share (SSE, STAR, SZSE, ChiNext, BSE) and
//! Hong Kong IPOs: cost and profit per winning lot, first-day gains, market
//! value and multiples at every price of the day, and the same figures in the
//! words of the financial press.
//!
//! The library does no I/O. Its layers, each a module:
//! - [`input`]: raw text → validated values ([`Price`], [`Shares`], dates).
//! - [`board`]: boards, currencies, and the dated winning-lot table.
//! - [`ipo`]: the IPO record, price bases, provenance of each value.
//! - [`data`]: the built-in records and the TOML record format; lookup.
//! - [`returns`]: per-lot figures at each price; [`valuation`]: market cap, P/E, P/S.
//! - [`headline`]: press wording (近 / 逾 / 冲破, 万 and 亿).
//! - [`published`]: figures as printed by the press, and whether they reproduce.
//! - [`explain`]: each formula with its numbers put in.
//! - [`num`]: the rounding rule (half-up, at display only) and formatting.
//! - [`web`]: the local page and the HTML reports, drawn from the reports.
//! - [`wins`]: one's own wins — the ledger, what each earned, broker
//!   statements, and the 中签号 checker.
//!
//! ```
//! use daxin::{data::Dataset, returns, Basis};
//! let data = Dataset::builtin().unwrap();
//! let ipo = data.find("沐曦股份").unwrap();
//! let s = returns::compute(ipo).unwrap();
//! let open = s.at(Basis::Open).unwrap();
//! assert_eq!(open.profit_per_lot.to_string(), "297670.00"); // (700 − 104.66) × 500
//! ```

pub mod allotment;
pub mod audit;
pub mod board;
pub mod config;
pub mod data;
pub mod error;
pub mod explain;
pub mod fees;
pub mod headline;
pub mod import;
pub mod input;
pub mod ipo;
pub mod margin;
pub mod message;
pub mod net;
pub mod num;
pub mod odds;
pub mod published;
pub mod report;
pub mod returns;
pub mod rules;
pub mod strategy;
pub mod tick;
pub mod valuation;
pub mod web;
pub mod wins;

pub use board::{Board, Currency};
pub use error::{Error, Result, Why};
pub use headline::Lang;
pub use input::{Price, Shares};
pub use ipo::{Basis, Ipo};
