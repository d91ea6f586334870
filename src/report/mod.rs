//! Results as data: what a command found, ready for any front end.
//!
//! A report carries its figures, checks, notes and working as values; a
//! front end (the CLI's table, CSV and Markdown, JSON, a page) only draws
//! it. Decimals in serialised reports are strings at their display
//! precision, rounded half-up by the helpers in [`ser`].

pub mod allotment;
pub mod headlines;
pub mod ipo;
pub mod list;
pub mod odds;
pub mod rules;
pub mod schedule;
pub mod ser;
pub mod terms;
