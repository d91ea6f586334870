//! `daxin numbers`: flags validated here, the count and the checks from
//! `daxin::wins::numbers`, printed here.

use std::io::Read;

use daxin::wins::numbers::{self, Check, NumbersReport};
use daxin::{input, Lang};

use super::args::{Format, NumbersArgs};
use super::draw::{render_table as simple_table, t};
use super::{CliError, Output};

fn user(msg: String) -> CliError {
    CliError { msg, code: 2 }
}

/// A whole, non-negative number as typed (full-width digits allowed); the
/// width counts leading zeros, as a 配号 has them.
fn whole(flag: &str, raw: &str) -> Result<(u64, usize), CliError> {
    let s = input::normalize(raw).replace(',', "");
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(daxin::Error::invalid(
            flag,
            raw,
            "a whole number of digits, such as 100012345678",
        )
        .into());
    }
    let n: u64 = s.parse().map_err(|_| {
        daxin::Error::invalid(flag, raw, "too large; numbers run to 20 digits at most")
    })?;
    let width = if s.starts_with('0') && s.len() > 1 {
        s.len()
    } else {
        0
    };
    Ok((n, width))
}

/// The tail lists: `-` for standard input, text with a 末…位数 heading as
/// it is, else a file (UTF-8, or GBK as Windows saves it).
fn tails_text(raw: &str) -> Result<String, CliError> {
    if raw == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| user(format!("standard input: cannot read: {e}")))?;
        return Ok(decode(&bytes));
    }
    if raw.contains('末') {
        return Ok(raw.to_string());
    }
    let bytes = std::fs::read(raw).map_err(|e| {
        user(format!(
            "--tails {raw}: not a result list (no 末…位数 heading) and not a file that can be read: {e}"
        ))
    })?;
    Ok(decode(&bytes))
}

fn decode(bytes: &[u8]) -> String {
    let (enc, skip) = daxin::import::sniff_encoding(bytes);
    enc.decode_without_bom_handling(&bytes[skip..])
        .0
        .into_owned()
}

pub fn numbers_cmd(
    a: &NumbersArgs,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let (start, width) = whole("--start", &a.start)?;
    let (count, _) = whole("--count", &a.count)?;
    let limit = match &a.limit {
        Some(l) => usize::try_from(whole("--limit", l)?.0).unwrap_or(usize::MAX),
        None => numbers::DEFAULT_LIST_LIMIT,
    };
    let text = tails_text(&a.tails)?;
    let list = numbers::parse_tails(&text)?;
    let mut report = numbers::check_limited(&list, start, count, width, limit)?;
    let issued = match &a.numbers {
        Some(n) => Some(whole("--numbers", n)?.0),
        None => None,
    };
    if let Some(r) = &a.rate {
        let pct = input::parse_rate("--rate", r)?.pct();
        report.checks.push(numbers::rate_check(&list, pct, issued));
    }
    match (&a.winners, issued) {
        (Some(w), Some(n)) => {
            let (w, _) = whole("--winners", w)?;
            let first = match &a.first {
                Some(f) => whole("--first", f)?.0,
                None => 1,
            };
            report
                .checks
                .push(numbers::winners_check(&list, w, first, n)?);
        }
        (Some(_), None) => {
            return Err(daxin::Error::missing(
                "--numbers",
                "--winners is compared over all the numbers issued: give --numbers (配号总数)",
            )
            .into())
        }
        _ => {}
    }
    let failed = report.checks.iter().any(|c| match c {
        Check::Rate { agrees, .. } | Check::Winners { agrees, .. } => !agrees,
    });
    let working = if explain {
        numbers::explain(&list, start, count, lang)
    } else {
        Vec::new()
    };
    let mut out = render(&report, fmt, lang, &working);
    if failed {
        out.code = 1;
    }
    Ok(out)
}

fn render(r: &NumbersReport, fmt: Format, lang: Lang, working: &[String]) -> Output {
    let mut out = Output::default();
    let remarks: Vec<String> = r
        .checks
        .iter()
        .map(|c| numbers::check_text(c, lang))
        .chain(r.notes.iter().map(|n| numbers::note_text(n, lang)))
        .collect();
    match fmt {
        Format::Json => {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            if !working.is_empty() {
                v["working"] = serde_json::json!(working);
            }
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(["number", "tail"]);
            for x in &r.winning {
                let _ = w.write_record([&x.number, &x.tail]);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
            for l in remarks.iter().chain(working) {
                out.stderr.push_str(l);
                out.stderr.push('\n');
            }
        }
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            let last = r
                .start
                .parse::<u128>()
                .ok()
                .zip(r.count.parse::<u128>().ok())
                .map(|(s, c)| format!("{:0w$}", s + c - 1, w = r.start.len()))
                .unwrap_or_default();
            let mut s = match lang {
                Lang::Zh => format!(
                    "配号 {}–{}（{} 个）：中签 {} 个；尾号推算中签率 {}%\n",
                    r.start,
                    last,
                    r.count,
                    r.wins,
                    daxin::num::trim(r.implied_rate_pct)
                ),
                Lang::En => format!(
                    "numbers {}–{} ({}): {} winning; implied winning rate {}%\n",
                    r.start,
                    last,
                    r.count,
                    r.wins,
                    daxin::num::trim(r.implied_rate_pct)
                ),
            };
            if !r.winning.is_empty() {
                let head = vec![
                    t(lang, "中签号", "winning number").to_string(),
                    t(lang, "所中尾号", "tail").to_string(),
                ];
                let rows = r
                    .winning
                    .iter()
                    .map(|w| vec![w.number.clone(), w.tail.clone()])
                    .collect();
                s.push_str(&simple_table(head, rows, md));
            }
            let bullet = if md { "- " } else { "  " };
            if !remarks.is_empty() {
                s.push('\n');
                for l in &remarks {
                    s.push_str(&format!("{bullet}{l}\n"));
                }
            }
            if !working.is_empty() {
                s.push_str(&format!("\n{}\n", t(lang, "计算过程：", "Working:")));
                for l in working {
                    s.push_str(&format!("{bullet}{l}\n"));
                }
            }
            out.stdout = s;
        }
    }
    out
}
