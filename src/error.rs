//! The library's errors. Each message names the field and the value so that a
//! user can act on it; the CLI adds where the value came from (a flag, a file).
//!
//! Every error reads in both languages: `Display` gives the English text (for
//! library users and logs), [`Error::text`] the text in a run's language. The
//! free-text reasons are [`Why`] values, written in both languages where the
//! error is raised ([`why!`](crate::why)); a `Why` cannot be made from a bare
//! string, so a message left in one language does not compile.
//!
//! ```
//! use daxin::{why, Error, Lang};
//!
//! let e = Error::invalid("--issue-price", "-5", why!("must be greater than zero", "必须大于零"));
//! assert_eq!(e.to_string(), r#"--issue-price: must be greater than zero (got "-5")"#);
//! assert_eq!(e.text(Lang::Zh), r#"--issue-price：必须大于零（输入为 "-5"）"#);
//! ```

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::headline::Lang;

/// A reason, a message or a name in both languages.
///
/// Made with [`why!`](crate::why) (a pair of format strings over the same
/// values), [`Why::of`] (another error, in both languages), the parser and
/// I/O helpers ([`Why::io`], [`Why::parser`]), or [`Why::name`] for what
/// reads the same in both (a file path, a code). There is deliberately no
/// `From<&str>`: every message is written in both languages where it is
/// raised.
///
/// It serialises as its English text; a report in another language puts
/// [`Why::text`] in its JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    en: Cow<'static, str>,
    zh: Cow<'static, str>,
}

/// A [`Why`] from an English and a Chinese format string over the same
/// values: `why!("must be at most {n}", "不得超过 {n}")`.
///
/// Format strings without arguments are kept as `&'static str` (no
/// allocation).
///
/// ```
/// use daxin::{why, Lang};
/// let n = 3;
/// let w = why!("at most {n} lots", "最多 {n} 签");
/// assert_eq!((w.en(), w.zh()), ("at most 3 lots", "最多 3 签"));
/// assert_eq!(w.text(Lang::Zh), "最多 3 签");
/// ```
#[macro_export]
macro_rules! why {
    ($en:literal, $zh:literal $(,)?) => {
        $crate::error::Why::from_args(::std::format_args!($en), ::std::format_args!($zh))
    };
    ($en:literal, $zh:literal, $($arg:tt)*) => {
        $crate::error::Why::pair(
            ::std::format!($en, $($arg)*),
            ::std::format!($zh, $($arg)*),
        )
    };
}

impl Why {
    /// Two texts, English and Chinese.
    pub fn pair(en: impl Into<Cow<'static, str>>, zh: impl Into<Cow<'static, str>>) -> Why {
        Why {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// From two `format_args!` (what [`why!`](crate::why) expands to):
    /// static texts stay borrowed.
    pub fn from_args(en: fmt::Arguments<'_>, zh: fmt::Arguments<'_>) -> Why {
        let own = |a: fmt::Arguments<'_>| -> Cow<'static, str> {
            match a.as_str() {
                Some(s) => Cow::Borrowed(s),
                None => Cow::Owned(a.to_string()),
            }
        };
        Why {
            en: own(en),
            zh: own(zh),
        }
    }

    /// What reads the same in both languages: a file path, a code, a
    /// field name, a value the user gave.
    pub fn name(s: impl Into<String>) -> Why {
        let s = s.into();
        Why {
            en: Cow::Owned(s.clone()),
            zh: Cow::Owned(s),
        }
    }

    /// Another error as a reason, in both languages.
    pub fn of(e: &Error) -> Why {
        Why {
            en: Cow::Owned(e.to_string()),
            zh: Cow::Owned(e.text(Lang::Zh)),
        }
    }

    /// An error of the operating system: the English text as the system
    /// gives it, the Chinese by its kind (the system's text quoted for the
    /// kinds without a wording of their own).
    pub fn io(e: &std::io::Error) -> Why {
        use std::io::ErrorKind as K;
        let zh: Cow<'static, str> = match e.kind() {
            K::NotFound => "文件或目录不存在".into(),
            K::PermissionDenied => "没有权限".into(),
            K::AlreadyExists => "已存在".into(),
            K::IsADirectory => "这是一个目录，不是文件".into(),
            K::NotADirectory => "路径中有一项不是目录".into(),
            K::InvalidData => "内容不是有效的 UTF-8 文本".into(),
            K::UnexpectedEof => "文件意外结束".into(),
            K::BrokenPipe => "管道已关闭".into(),
            K::StorageFull => "磁盘空间已满".into(),
            K::ReadOnlyFilesystem => "文件系统只读".into(),
            K::Interrupted => "操作被中断".into(),
            K::WriteZero => "无法写入".into(),
            _ => format!("系统错误：{e}").into(),
        };
        Why {
            en: Cow::Owned(e.to_string()),
            zh,
        }
    }

    /// An error of a parser (TOML, CSV, JSON, a spreadsheet): the English
    /// text as the parser gives it; the Chinese names the format and the
    /// position, and quotes the parser's own text.
    ///
    /// ```
    /// use daxin::error::Why;
    /// let w = Why::parser("TOML", Some((3, 7)), "invalid string", "line 3, column 7: invalid string");
    /// assert_eq!(w.zh(), "TOML 格式有误（第 3 行第 7 列）；解析器原文：invalid string");
    /// assert_eq!(w.en(), "line 3, column 7: invalid string");
    /// ```
    pub fn parser(format: &str, at: Option<(usize, usize)>, own: &str, en: &str) -> Why {
        let own = own.split_whitespace().collect::<Vec<_>>().join(" ");
        let zh = match at {
            Some((line, 0)) => format!("{format} 格式有误（第 {line} 行）；解析器原文：{own}"),
            Some((line, col)) => {
                format!("{format} 格式有误（第 {line} 行第 {col} 列）；解析器原文：{own}")
            }
            None => format!("{format} 格式有误；解析器原文：{own}"),
        };
        Why {
            en: Cow::Owned(en.to_string()),
            zh: Cow::Owned(zh),
        }
    }

    /// A TOML parse error of `text`: [`Why::parser`] with the line and
    /// column of its span. `en` is the English text to keep.
    pub fn toml(e: &toml::de::Error, text: &str, en: &str) -> Why {
        let at = e.span().map(|s| line_col(text, s.start));
        Why::parser("TOML", at, e.message(), en)
    }

    /// A JSON parse error: [`Why::parser`] with its line and column.
    pub fn json(e: &serde_json::Error) -> Why {
        let at = (e.line() > 0).then(|| (e.line(), e.column()));
        let own = e.to_string();
        // serde_json ends its text with " at line L column C"
        let short = own.split(" at line ").next().unwrap_or(&own);
        Why::parser("JSON", at, short, &own)
    }

    /// A CSV error: [`Why::parser`] with its line.
    pub fn csv(e: &csv::Error) -> Why {
        let at = e.position().map(|p| (p.line() as usize, 0));
        let own = e.to_string();
        Why::parser("CSV", at, &own, &own)
    }

    /// The text in English.
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The text in Chinese.
    pub fn zh(&self) -> &str {
        &self.zh
    }

    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// This text followed by `more` (`a; b` / `a；b`).
    pub fn then(self, more: &Why) -> Why {
        Why {
            en: Cow::Owned(format!("{}; {}", self.en, more.en)),
            zh: Cow::Owned(format!("{}；{}", self.zh, more.zh)),
        }
    }

    /// `label: inner` / `label：inner` (a place, then what is wrong there).
    pub fn labelled(label: &Why, inner: &Why) -> Why {
        Why {
            en: Cow::Owned(format!("{}: {}", label.en, inner.en)),
            zh: Cow::Owned(format!("{}：{}", label.zh, inner.zh)),
        }
    }

    /// Texts joined with `; ` / `；`.
    pub fn join(items: &[Why]) -> Why {
        let en: Vec<&str> = items.iter().map(|w| w.en()).collect();
        let zh: Vec<&str> = items.iter().map(|w| w.zh()).collect();
        Why::pair(en.join("; "), zh.join("；"))
    }

    /// The same text with `f` applied in each language (a prefix, a
    /// wrapper): `f(lang, text)`.
    pub fn map(&self, f: impl Fn(Lang, &str) -> String) -> Why {
        Why {
            en: Cow::Owned(f(Lang::En, &self.en)),
            zh: Cow::Owned(f(Lang::Zh, &self.zh)),
        }
    }
}

impl Serialize for Why {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.en)
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// Line and column (from 1) of byte `at` of `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let head = text.get(..at).unwrap_or(text);
    let line = head.matches('\n').count() + 1;
    let col = head.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Everything that can go wrong in `daxin`'s library.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A value given for a field is not acceptable.
    #[error("{field}: {reason} (got {value:?}{})", cut_en(*.chars))]
    Invalid {
        /// The field or flag, e.g. `--issue-price` or `issue_price` (or a
        /// place, such as the line of a table).
        field: Why,
        /// The value as given (its first [`SHOWN_CHARS`] characters and `…`
        /// when it was longer).
        value: Box<str>,
        /// How many characters the value had, when it was cut (`u32`: the
        /// error stays small enough to return by value).
        chars: Option<u32>,
        /// What is wrong with it.
        reason: Why,
    },

    /// A field that the calculation needs was not given.
    #[error("{field}: missing ({reason})")]
    Missing {
        /// The field or flag.
        field: String,
        /// Why it is needed, or what to give.
        reason: Why,
    },

    /// A board has no rule in the tables for the date in question.
    #[error("{board}: no rule for {date} ({reason})")]
    NoRule {
        /// The board's short id, e.g. `star`.
        board: &'static str,
        /// The date asked about.
        date: NaiveDate,
        /// Why, e.g. "the board opened on 2019-07-22".
        reason: Why,
    },

    /// No IPO in the data matches a query.
    #[error("no IPO matches {query:?}{}", suggest(.suggestions, Lang::En))]
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
        origin: Why,
        /// What is wrong, with the record and field where known.
        message: Why,
    },

    /// A result would not fit in a decimal (inputs far outside any real IPO).
    #[error("{what}: the result is too large to compute exactly")]
    Overflow {
        /// The figure being computed (see [`figure_zh`] for its Chinese
        /// name).
        what: String,
    },
}

fn suggest(s: &[String], lang: Lang) -> String {
    match (s.is_empty(), lang) {
        (true, Lang::En) => String::from("; try `daxin list` to see the IPOs in the data"),
        (true, Lang::Zh) => String::from("；可用 `daxin list` 查看数据中的新股"),
        (false, Lang::En) => format!("; did you mean {}?", s.join(", ")),
        (false, Lang::Zh) => format!("；你要找的是不是 {}？", s.join("、")),
    }
}

/// The Chinese name of a figure named in an [`Error::Overflow`] (the names
/// the library passes to `num::mul` and the like); a name not listed (a fee
/// item's id) is shown as it is.
pub fn figure_zh(what: &str) -> &str {
    FIGURES_ZH
        .iter()
        .find(|(en, _)| *en == what)
        .map_or(what, |(_, zh)| zh)
}

/// The figures' names, English → Chinese.
const FIGURES_ZH: &[(&str, &str)] = &[
    ("allotment", "配售股数"),
    ("allotment charge", "配售费用"),
    ("allotted shares", "获配股数"),
    ("annualised return", "年化收益率"),
    ("application amount", "申购金额"),
    ("application value", "申购市值"),
    ("cap", "申购上限"),
    ("cash", "资金"),
    ("cash paid", "缴款金额"),
    ("commission", "佣金"),
    ("cost if not allotted", "未中签成本"),
    ("cost per lot", "每签缴款"),
    ("curve", "收益曲线"),
    ("draws", "抽签次数"),
    ("expected lots", "预期中签数"),
    ("expected profit", "预期收益"),
    (
        "expected profit (rows and curve disagree)",
        "预期收益（明细与曲线不一致）",
    ),
    ("fees", "费用"),
    ("gain", "涨幅"),
    ("interest", "利息"),
    ("limit price", "涨跌停价"),
    ("loan", "融资额"),
    ("lot value", "每签市值"),
    ("lots", "签数"),
    ("margin rate", "融资利率"),
    ("marginal", "边际收益"),
    ("market cap", "总市值"),
    ("market value", "市值"),
    ("mean", "均值"),
    ("net if allotted", "中签净额"),
    ("net total", "净额合计"),
    ("numbers", "配号数"),
    ("own cash", "自有资金"),
    ("percentile", "分位数"),
    ("pool sums", "资金池合计"),
    ("printed", "公布值"),
    ("probability", "概率"),
    ("probability scale", "概率精度"),
    ("profit", "收益"),
    ("profit per lot", "每签盈利"),
    ("ratio", "比例"),
    ("return", "收益率"),
    ("return on cost", "成本收益率"),
    ("rounding", "四舍五入"),
    ("sale amount", "卖出金额"),
    ("samples", "样本数"),
    ("split", "分仓方案"),
    ("standard error", "标准误差"),
    ("subscription units", "申购单位数"),
    ("valuation multiple", "估值倍数"),
    ("variance", "方差"),
];

impl Error {
    /// The message in `lang`: `Display` is the English one.
    ///
    /// ```
    /// use daxin::{Error, Lang};
    /// let e = Error::NotFound { query: "不存在".into(), suggestions: vec![] };
    /// assert_eq!(e.text(Lang::Zh), r#"没有与 "不存在" 匹配的新股；可用 `daxin list` 查看数据中的新股"#);
    /// assert_eq!(e.text(Lang::En), e.to_string());
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Error::Invalid {
                field,
                value,
                reason,
                chars,
            } => {
                let cut = chars
                    .map(|n| format!("，共 {n} 个字符"))
                    .unwrap_or_default();
                format!("{}：{}（输入为 {value:?}{cut}）", field.zh(), reason.zh())
            }
            Error::Missing { field, reason } => format!("缺少 {field}（{}）", reason.zh()),
            Error::NoRule {
                board,
                date,
                reason,
            } => format!("{board}：{date} 没有适用的规则（{}）", reason.zh()),
            Error::NotFound { query, suggestions } => {
                format!(
                    "没有与 {query:?} 匹配的新股{}",
                    suggest(suggestions, Lang::Zh)
                )
            }
            Error::Ambiguous { query, matches } => format!(
                "{query:?} 匹配到不止一只新股：{}；请给出代码",
                matches.join("、")
            ),
            Error::Data { origin, message } => format!("{}：{}", origin.zh(), message.zh()),
            Error::Overflow { what } => {
                format!("{}：结果太大，无法精确计算", figure_zh(what))
            }
        }
    }

    /// Shorthand for [`Error::Invalid`].
    ///
    /// The value is kept as it will be shown: cut to [`SHOWN_CHARS`]
    /// characters (the message says how long it was), with bytes that are
    /// not printable escaped when the message prints it.
    pub fn invalid(field: &str, value: &str, reason: Why) -> Self {
        let (value, chars) = shown(value);
        Error::Invalid {
            field: Why::name(field),
            value: value.into(),
            chars,
            reason,
        }
    }

    /// [`Error::invalid`] at a place named in both languages (a line of a
    /// table, a record).
    pub fn invalid_at(place: Why, value: &str, reason: Why) -> Self {
        let (value, chars) = shown(value);
        Error::Invalid {
            field: place,
            value: value.into(),
            chars,
            reason,
        }
    }

    /// Shorthand for [`Error::Missing`].
    pub fn missing(field: &str, reason: Why) -> Self {
        Error::Missing {
            field: field.to_string(),
            reason,
        }
    }

    /// Shorthand for [`Error::Data`] about a file (or a place named the
    /// same in both languages).
    pub fn data(origin: &str, message: Why) -> Self {
        Error::Data {
            origin: Why::name(origin),
            message,
        }
    }

    /// The same error with a hint added to its reason (a flag the caller
    /// takes that would settle it); other errors unchanged.
    pub fn with_hint(self, hint: &Why) -> Self {
        match self {
            Error::NoRule {
                board,
                date,
                reason,
            } => Error::NoRule {
                board,
                date,
                reason: reason.then(hint),
            },
            Error::Missing { field, reason } => Error::Missing {
                field,
                reason: reason.then(hint),
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
fn shown(value: &str) -> (String, Option<u32>) {
    let n = value.chars().count();
    if n <= SHOWN_CHARS {
        return (value.to_string(), None);
    }
    let head: String = value.chars().take(SHOWN_CHARS).collect();
    (
        format!("{head}…"),
        Some(u32::try_from(n).unwrap_or(u32::MAX)),
    )
}

/// How long a cut value was, in English: `, 300 characters`.
fn cut_en(chars: Option<u32>) -> String {
    chars
        .map(|n| format!(", {n} characters"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_messages_are_escaped_and_cut() {
        let e = Error::invalid(
            "--issue-price",
            "1\u{1b}[31m2\n",
            why!("not a number", "不是数字"),
        );
        assert_eq!(
            e.to_string(),
            r#"--issue-price: not a number (got "1\u{1b}[31m2\n")"#
        );
        assert_eq!(
            e.text(Lang::Zh),
            r#"--issue-price：不是数字（输入为 "1\u{1b}[31m2\n"）"#
        );
        let long = "x".repeat(300);
        let e = Error::invalid("--open", &long, why!("not a number", "不是数字")).to_string();
        assert!(e.len() < 120, "{e}");
        assert!(e.contains("…\", 300 characters)"), "{e}");
        // the count in Chinese too (the re-trial found "… (73 characters)"
        // inside a Chinese message)
        let zh = Error::invalid("--open", &long, why!("not a number", "不是数字")).text(Lang::Zh);
        assert!(zh.contains("…\"，共 300 个字符）"), "{zh}");
    }

    #[test]
    fn every_frame_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2019, 7, 1).unwrap();
        let n = 5;
        let cases = [
            (
                Error::invalid(
                    "--lot-size",
                    "0",
                    why!("must be at least {n}", "至少为 {n}"),
                ),
                r#"--lot-size: must be at least 5 (got "0")"#,
                r#"--lot-size：至少为 5（输入为 "0"）"#,
            ),
            (
                Error::invalid_at(
                    why!("line {n}", "第 {n} 行"),
                    "x",
                    why!("not a basis", "不是配售基数"),
                ),
                r#"line 5: not a basis (got "x")"#,
                r#"第 5 行：不是配售基数（输入为 "x"）"#,
            ),
            (
                Error::missing("--issue-price", why!("the offer price", "发行价")),
                "--issue-price: missing (the offer price)",
                "缺少 --issue-price（发行价）",
            ),
            (
                Error::NoRule {
                    board: "star",
                    date: d,
                    reason: why!("the board opened on 2019-07-22", "该板块于 2019-07-22 开市"),
                },
                "star: no rule for 2019-07-01 (the board opened on 2019-07-22)",
                "star：2019-07-01 没有适用的规则（该板块于 2019-07-22 开市）",
            ),
            (
                Error::NotFound {
                    query: "沐西".into(),
                    suggestions: vec!["沐曦股份 (688802)".into(), "x (1)".into()],
                },
                r#"no IPO matches "沐西"; did you mean 沐曦股份 (688802), x (1)?"#,
                r#"没有与 "沐西" 匹配的新股；你要找的是不是 沐曦股份 (688802)、x (1)？"#,
            ),
            (
                Error::NotFound {
                    query: "q".into(),
                    suggestions: vec![],
                },
                r#"no IPO matches "q"; try `daxin list` to see the IPOs in the data"#,
                r#"没有与 "q" 匹配的新股；可用 `daxin list` 查看数据中的新股"#,
            ),
            (
                Error::Ambiguous {
                    query: "a".into(),
                    matches: vec!["1 甲".into(), "2 乙".into()],
                },
                r#""a" matches more than one IPO: 1 甲, 2 乙; give the code"#,
                r#""a" 匹配到不止一只新股：1 甲、2 乙；请给出代码"#,
            ),
            (
                Error::data(
                    "x.toml",
                    why!("code {n} appears twice", "代码 {n} 出现了两次"),
                ),
                "x.toml: code 5 appears twice",
                "x.toml：代码 5 出现了两次",
            ),
            (
                Error::overflow("market cap"),
                "market cap: the result is too large to compute exactly",
                "总市值：结果太大，无法精确计算",
            ),
            (
                Error::overflow("stamp_duty"),
                "stamp_duty: the result is too large to compute exactly",
                "stamp_duty：结果太大，无法精确计算",
            ),
        ];
        for (e, en, zh) in cases {
            assert_eq!(e.to_string(), en);
            assert_eq!(e.text(Lang::En), en);
            assert_eq!(e.text(Lang::Zh), zh);
        }
    }

    #[test]
    fn hints_and_nested_errors_keep_both_languages() {
        let e = Error::missing("lot", why!("no rule", "没有规则"))
            .with_hint(&why!("give --lot-size", "请给出 --lot-size"));
        assert_eq!(e.to_string(), "lot: missing (no rule; give --lot-size)");
        assert_eq!(e.text(Lang::Zh), "缺少 lot（没有规则；请给出 --lot-size）");
        let outer = Error::data("f.csv", Why::of(&e));
        assert_eq!(
            outer.text(Lang::Zh),
            "f.csv：缺少 lot（没有规则；请给出 --lot-size）"
        );
    }

    #[test]
    fn system_and_parser_errors_in_chinese() {
        let nf = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(Why::io(&nf).zh(), "文件或目录不存在");
        let other = std::io::Error::other("boom");
        assert_eq!(Why::io(&other).zh(), "系统错误：boom");
        assert_eq!(Why::io(&other).en(), "boom");
        let text = "a = 1\nb = \n";
        let e = toml::from_str::<toml::Table>(text).unwrap_err();
        let w = Why::toml(&e, text, &e.to_string());
        assert!(
            w.zh().starts_with("TOML 格式有误（第 2 行第 "),
            "{}",
            w.zh()
        );
        assert!(w.zh().contains("解析器原文："), "{}", w.zh());
        let e = serde_json::from_str::<serde_json::Value>("{\n  \"a\": ]").unwrap_err();
        let w = Why::json(&e);
        assert!(
            w.zh().starts_with("JSON 格式有误（第 2 行第 "),
            "{}",
            w.zh()
        );
        assert_eq!(w.en(), e.to_string());
    }

    #[test]
    fn overflow_names_have_chinese() {
        for (en, zh) in FIGURES_ZH {
            assert!(!zh.is_ascii(), "{en}");
        }
    }
}
