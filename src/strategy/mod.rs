//! What a 市值 is worth in the IPO lottery: the yearly expectation of the
//! market value held on each exchange, the marginal (增量) return of more,
//! the best split of a total, and the spread of outcomes — every figure in
//! exact decimals (and big integers for the probabilities).
//!
//! The pieces, each a module:
//! - [`input`]: a table row or a daxin record → the facts it states →
//!   a [`input::Subscription`] with the dated rules applied (value per
//!   unit, unit shares, the cap, the ¥10,000 minimum, the pool), or the
//!   reason it does not count (pending, no 中签率, BSE, …);
//! - [`curve`]: one pool's expectation as a function of its market value,
//!   E(M) = Σᵢ min(⌊M ÷ uᵢ⌋, Nᵢ) · rᵢ · πᵢ, and its marginal return;
//! - [`split`]: the exact best split of a total over the breakpoints;
//! - [`dist`]: the exact distribution of lots won (Poisson-binomial, big
//!   integers, sums to one exactly), P(no win), profit percentiles (exact,
//!   else a seeded Monte Carlo with its error);
//! - [`mod@file`]: the bytes of an input file → the facts of its rows;
//! - [`plan`]: the fields a person typed → a validated [`Plan`];
//! - [`report`]: all of it as one serialisable report; [`note`]: its
//!   notes and assumptions as typed values, put into words per language.
//!
//! ```
//! use daxin::strategy::input::{resolve, ProfitBasis, RowFacts, Terms};
//! use daxin::strategy::report::{build, Plan};
//! use daxin::Board;
//! use rust_decimal::Decimal;
//!
//! // 摩尔线程 (688795): 中签率 0.03635054 %, cap 11,000 shares, closed at
//! // 600.50 on its first day against an issue price of 114.28
//! let facts = RowFacts {
//!     code: "688795".into(),
//!     board: Some(Board::Star),
//!     issue_price: Some("114.28".parse().unwrap()),
//!     lot_shares: Some(500),
//!     listing_date: chrono::NaiveDate::from_ymd_opt(2025, 12, 5),
//!     win_rate_pct: Some("0.03635054".parse().unwrap()),
//!     cap_shares: Some(11_000.into()),
//!     close: Some("600.50".parse().unwrap()),
//!     ..RowFacts::default()
//! };
//! let terms = Terms { basis: ProfitBasis::Close, fees: None, star: true, chinext: true };
//! let sub = resolve(&facts, &terms).unwrap();
//! let plan = Plan {
//!     sh: 100_000.into(), sz: Decimal::ZERO, step: 10_000.into(),
//!     from: None, to: None, total: None, accounts: 1,
//!     samples: 10_000, seed: 1,
//!     basis: ProfitBasis::Close, fees: false, star: true, chinext: true,
//! };
//! let r = build(&[sub], Vec::new(), &plan, &mut |_| {}).unwrap();
//! // 10万 → 20 numbers; 20 × 0.03635054 % = 0.007270108 lots × 243,110 = 1,767.44
//! assert_eq!(daxin::num::trim(r.sh.expected_lots), "0.007270108");
//! assert_eq!(daxin::num::fixed(r.expected_profit, 2), "1767.44");
//! // 1万 more buys 2 more numbers (the cap is 22): 2 × 0.0003635054 × 243,110 ÷ 10,000 × 100
//! assert_eq!(daxin::num::fixed(r.sh.marginal_pct, 4), "1.7674");
//! // the words a front end prints, and the JSON with them
//! use daxin::Lang;
//! assert_eq!(r.title(Lang::En),
//!     "IPO lottery strategy · 2025-12-05 to 2025-12-05 (1 days) · 1 IPOs counted · lots at the first-day close (before fees)");
//! let json = r.to_json(Lang::En, false);
//! assert_eq!(json["messages"][0], r.notes[0].text(Lang::En));
//! assert!(json.get("working").is_none());
//! ```

pub mod curve;
pub mod dist;
pub mod file;
pub mod input;
pub mod note;
pub mod plan;
pub mod report;
pub mod split;

pub use input::{Pool, ProfitBasis};
pub use report::{build, Plan, Report};
