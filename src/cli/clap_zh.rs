//! clap's own parse errors in Chinese: the run's language is settled before
//! the arguments parse (a pre-scan of argv for `--lang`), and a Chinese run
//! gets its message by the error's kind, naming the same flags and values
//! clap names, with the usage line. The exit code stays clap's (2); help and
//! version output are not errors and print as clap prints them.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use daxin::Lang;

/// The language asked for on the command line (`--lang en`, `--lang=en`),
/// before the arguments are parsed; Chinese, the default, otherwise.
pub fn prescan(args: &[OsString]) -> Lang {
    let mut lang = Lang::Zh;
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(l) = value.and_then(|v| v.parse::<Lang>().ok()) {
            lang = l;
        }
    }
    lang
}

/// The context value as text: a string, or strings joined.
fn text(e: &Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn all(e: &Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// The Chinese message for a parse error, or `None` for what is not an
/// error message (help, version) or a kind without a wording here (clap's
/// own text is then printed).
pub fn message(e: &Error) -> Option<String> {
    let mut lines = what(e)?;
    hints(e, &mut lines);
    if let Some(usage) = text(e, ContextKind::Usage) {
        let usage = usage
            .trim()
            .replacen("Usage: ", "用法：", 1)
            .replace("[OPTIONS]", "[选项]")
            .replace("<COMMAND>", "<子命令>");
        lines.push(format!("\n{usage}"));
    }
    lines.push("\n更多信息请用 '--help'。".to_string());
    Some(lines.join("\n"))
}

/// What is wrong, by the error's kind.
fn what(e: &Error) -> Option<Vec<String>> {
    let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut lines = Vec::new();
    match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            lines.push("错误：缺少以下必需的参数：".to_string());
            for a in all(e, ContextKind::InvalidArg) {
                lines.push(format!("  {a}"));
            }
        }
        ErrorKind::UnknownArgument => {
            lines.push(format!("错误：无法识别的参数 '{arg}'"));
        }
        ErrorKind::InvalidSubcommand => {
            let sub = text(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            lines.push(format!("错误：无法识别的子命令 '{sub}'"));
        }
        ErrorKind::InvalidValue => {
            if value.is_empty() {
                lines.push(format!("错误：'{arg}' 需要一个值，但没有给出"));
            } else {
                lines.push(format!("错误：'{value}' 不是 '{arg}' 可接受的值"));
            }
            let valid = all(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                lines.push(format!("  [可选值：{}]", valid.join("、")));
            }
        }
        ErrorKind::ValueValidation => {
            lines.push(format!("错误：'{value}' 不是 '{arg}' 可接受的值"));
        }
        ErrorKind::ArgumentConflict => match text(e, ContextKind::PriorArg) {
            // the same flag twice
            Some(prior) if prior != arg => {
                lines.push(format!("错误：参数 '{arg}' 不能与 '{prior}' 同时使用"));
            }
            _ => lines.push(format!("错误：参数 '{arg}' 只能给出一次")),
        },
        ErrorKind::TooManyValues => {
            lines.push(format!("错误：'{arg}' 多出了一个值 '{value}'"));
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let want = text(e, ContextKind::ExpectedNumValues)
                .or_else(|| text(e, ContextKind::MinValues))
                .unwrap_or_default();
            let got = text(e, ContextKind::ActualNumValues).unwrap_or_default();
            lines.push(format!("错误：'{arg}' 需要 {want} 个值，实际给出 {got} 个"));
        }
        ErrorKind::NoEquals => {
            lines.push(format!("错误：'{arg}' 的值须用等号给出（{arg}=值）"));
        }
        ErrorKind::MissingSubcommand => {
            lines.push("错误：缺少子命令".to_string());
        }
        ErrorKind::InvalidUtf8 => {
            lines.push("错误：参数不是有效的 UTF-8".to_string());
        }
        _ => return None,
    }
    Some(lines)
}

/// clap's suggestions, and the hint for a value that looks like a flag.
fn hints(e: &Error, lines: &mut Vec<String>) {
    let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
    // clap's suggestions: a flag, a subcommand or a value spelled nearly so
    for s in all(e, ContextKind::SuggestedArg) {
        lines.push(format!("\n  提示：有相近的参数 '{s}'"));
    }
    for s in all(e, ContextKind::SuggestedSubcommand) {
        lines.push(format!("\n  提示：有相近的子命令 '{s}'"));
    }
    for s in all(e, ContextKind::SuggestedValue) {
        lines.push(format!("\n  提示：有相近的值 '{s}'"));
    }
    if e.kind() == ErrorKind::UnknownArgument && arg.starts_with('-') && arg.len() > 1 {
        // what clap says for a value that looks like a flag (a negative number)
        if let Some(rest) = arg.strip_prefix('-').filter(|r| {
            r.chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '.')
        }) {
            lines.push(format!(
                "\n  提示：要把 '-{rest}' 作为值传入，请写成 '--旗标=-{rest}'，或在它前面加 '--'"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_found_before_parsing() {
        let v = |s: &[&str]| s.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(prescan(&v(&["daxin", "lot"])), Lang::Zh);
        assert_eq!(prescan(&v(&["daxin", "lot", "--lang", "en"])), Lang::En);
        assert_eq!(prescan(&v(&["daxin", "--lang=en", "lot"])), Lang::En);
        assert_eq!(prescan(&v(&["daxin", "--lang", "fr"])), Lang::Zh);
        assert_eq!(prescan(&v(&["daxin", "--", "--lang", "en"])), Lang::Zh);
    }
}
