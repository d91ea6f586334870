//! The library's errors. Each message names the field and the value so that a
//! user can act on it; the CLI adds where the value came from (a flag, a file).

use chrono::NaiveDate;

/// Everything that can go wrong in `daxin`'s library.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A value given for a field is not acceptable.
    #[error("{field}: {reason} (got {value:?})")]
    Invalid {
        /// The field or flag, e.g. `--issue-price` or `issue_price`.
        field: String,
        /// The value as given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A field that the calculation needs was not given.
    #[error("{field}: missing ({reason})")]
    Missing {
        /// The field or flag.
        field: String,
        /// Why it is needed, or what to give.
        reason: String,
    },

    /// A board has no rule in the tables for the date in question.
    #[error("{board}: no rule for {date} ({reason})")]
    NoRule {
        /// The board's short id, e.g. `star`.
        board: &'static str,
        /// The date asked about.
        date: NaiveDate,
        /// Why, e.g. "the board opened on 2019-07-22".
        reason: String,
    },

    /// No IPO in the data matches a query.
    #[error("no IPO matches {query:?}{}", suggest(.suggestions))]
    NotFound {
        /// What the user typed.
        query: String,
        /// Nearest names and codes, best first.
        suggestions: Vec<String>,
    },

    /// More than one IPO matches a query.
    #[error("{query:?} matches more than one IPO: {}; give the code", .matches.join(", "))]
    Ambiguous {
        /// What the user typed.
        query: String,
        /// The matching IPOs as `code name`.
        matches: Vec<String>,
    },

    /// A data file (built-in or `--data`) could not be read as records.
    #[error("{origin}: {message}")]
    Data {
        /// The file, or `built-in data`.
        origin: String,
        /// What is wrong, with the record and field where known.
        message: String,
    },

    /// A result would not fit in a decimal (inputs far outside any real IPO).
    #[error("{what}: the result is too large to compute exactly")]
    Overflow {
        /// The figure being computed.
        what: String,
    },
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::from("; try `daxin list` to see the IPOs in the data")
    } else {
        format!("; did you mean {}?", s.join(", "))
    }
}

impl Error {
    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(field: &str, value: &str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.to_string(),
            value: value.to_string(),
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::Missing`].
    pub fn missing(field: &str, reason: impl Into<String>) -> Self {
        Error::Missing {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::Overflow`].
    pub fn overflow(what: &str) -> Self {
        Error::Overflow {
            what: what.to_string(),
        }
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
