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
    ///
    /// The value is kept as it will be shown: cut to [`SHOWN_CHARS`]
    /// characters (the message says how long it was), with bytes that are
    /// not printable escaped when the message prints it.
    pub fn invalid(field: &str, value: &str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.to_string(),
            value: shown(value),
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

    /// The same error with a hint added to its reason (a flag the caller
    /// takes that would settle it); other errors unchanged.
    pub fn with_hint(self, hint: &str) -> Self {
        match self {
            Error::NoRule {
                board,
                date,
                reason,
            } => Error::NoRule {
                board,
                date,
                reason: format!("{reason}; {hint}"),
            },
            Error::Missing { field, reason } => Error::Missing {
                field,
                reason: format!("{reason}; {hint}"),
            },
            other => other,
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

/// The most characters of a value an error message shows.
pub const SHOWN_CHARS: usize = 60;

/// A value cut for a message: the first [`SHOWN_CHARS`] characters and the
/// length of the rest.
fn shown(value: &str) -> String {
    let n = value.chars().count();
    if n <= SHOWN_CHARS {
        return value.to_string();
    }
    let head: String = value.chars().take(SHOWN_CHARS).collect();
    format!("{head}… ({n} characters)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_messages_are_escaped_and_cut() {
        let e = Error::invalid("--issue-price", "1\u{1b}[31m2\n", "not a number").to_string();
        assert_eq!(e, r#"--issue-price: not a number (got "1\u{1b}[31m2\n")"#);
        let long = "x".repeat(300);
        let e = Error::invalid("--open", &long, "not a number").to_string();
        assert!(e.len() < 120, "{e}");
        assert!(e.contains("(300 characters)"), "{e}");
    }
}
