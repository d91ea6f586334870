//! One's own wins (中签): the ledger of wins and their sales, what each
//! really earned, a broker statement (交割单) read into it, and the 中签号
//! checker.
//!
//! - [`numbers`]: which of one's subscription numbers won, from the
//!   published tail lists, by arithmetic; the implied winning rate.

pub mod numbers;
