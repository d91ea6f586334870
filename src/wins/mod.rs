//! One's own wins (中签): the ledger of wins and their sales, what each
//! really earned, a broker statement (交割单) read into it, and the 中签号
//! checker.
//!
//! - [`broker`]: broker statements (交割单) read into wins, with the rows left
//!   out and why.
//! - [`import`]: which of a statement's wins join the ledger, and the report
//!   of it.
//! - [`ledger`]: the ledger file — parse with line and field errors,
//!   validation against each IPO's rules, edits that keep the user's text.
//! - [`report`]: what each win earned after fees; totals by year, account or
//!   board; the return on the stated market value; the 弃购 count.
//! - [`numbers`]: which of one's subscription numbers won, from the
//!   published tail lists, by arithmetic; the implied winning rate.

pub mod broker;
pub mod import;
pub mod ledger;
pub mod numbers;
pub mod report;
