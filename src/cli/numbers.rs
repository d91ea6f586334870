//! `daxin numbers`: flags validated and the tail lists read here, the count
//! and the checks from `daxin::wins::numbers`, printed here.

use std::io::Read;

use daxin::input::{self, parse_digits};
use daxin::wins::numbers::{self, Checked};
use daxin::Lang;

use super::args::{Format, NumbersArgs};
use super::draw::{csv_of, json, render_table as simple_table, t};
use super::{CliError, Output};

fn user(msg: daxin::Why) -> CliError {
    CliError::user(msg)
}

/// The tail lists: `-` for standard input, text with a 末…位数 heading as
/// it is, else a file (UTF-8, or GBK as Windows saves it).
fn tails_text(raw: &str) -> Result<String, CliError> {
    if raw == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
            CliError::io(
                &daxin::why!("standard input: cannot read", "标准输入：无法读取"),
                &e,
            )
        })?;
        return Ok(decode(&bytes));
    }
    if raw.contains('末') {
        return Ok(raw.to_string());
    }
    let bytes = std::fs::read(raw).map_err(|e| {
        user(daxin::Why::labelled(
            &daxin::why!(
                "--tails {raw}: not a result list (no 末…位数 heading) and not a file that can be read",
                "--tails {raw}：既不是中签号码（没有 末…位数 标题），也不是可读取的文件"
            ),
            &daxin::Why::io(&e),
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

/// `daxin numbers`: exit code 1 when an announced figure disagrees.
pub fn numbers_cmd(
    a: &NumbersArgs,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let (start, width) = parse_digits("--start", &a.start)?;
    let (count, _) = parse_digits("--count", &a.count)?;
    let limit = match &a.limit {
        Some(l) => usize::try_from(parse_digits("--limit", l)?.0).unwrap_or(usize::MAX),
        None => numbers::DEFAULT_LIST_LIMIT,
    };
    let text = tails_text(&a.tails)?;
    let list = numbers::parse_tails(&text)?;
    let mut report = numbers::check_limited(&list, start, count, width, limit)?;
    let issued = match &a.numbers {
        Some(n) => Some(parse_digits("--numbers", n)?.0),
        None => None,
    };
    if let Some(r) = &a.rate {
        let pct = input::parse_rate("--rate", r)?.pct();
        report.checks.push(numbers::rate_check(&list, pct, issued));
    }
    match (&a.winners, issued) {
        (Some(w), Some(n)) => {
            let (w, _) = parse_digits("--winners", w)?;
            let first = match &a.first {
                Some(f) => parse_digits("--first", f)?.0,
                None => 1,
            };
            let check = numbers::winners_check(&list, w, first, n)?;
            report.checks.push(check);
        }
        (Some(_), None) => {
            let why = daxin::why!(
                "--winners is compared over all the numbers issued: give --numbers (配号总数)",
                "--winners 要与全部配号比对：请给出 --numbers（配号总数）"
            );
            return Err(daxin::Error::missing("--numbers", why).into());
        }
        _ => {}
    }
    let working = match explain {
        true => numbers::explain(&list, start, count, lang),
        false => Vec::new(),
    };
    let r = Checked { report, working };
    let mut out = render(&r, fmt, lang);
    out.code = u8::from(!r.report.all_agree());
    Ok(out)
}

fn render(c: &Checked, fmt: Format, lang: Lang) -> Output {
    let r = &c.report;
    let checks = r.checks.iter().map(|c| numbers::check_text(c, lang));
    let notes = r.notes.iter().map(|n| numbers::note_text(n, lang));
    let remarks: Vec<String> = checks.chain(notes).collect();
    let mut out = Output::default();
    match fmt {
        Format::Json => out.stdout = json(c),
        Format::Csv => {
            let rows: Vec<Vec<String>> = r
                .winning
                .iter()
                .map(|x| vec![x.number.clone(), x.tail.clone()])
                .collect();
            out.stdout = csv_of(&["number", "tail"], &rows);
            let lines = remarks.iter().chain(&c.working);
            out.stderr = lines.map(|l| format!("{l}\n")).collect();
        }
        Format::Table | Format::Md => out.stdout = text(c, &remarks, lang, fmt == Format::Md),
    }
    out
}

/// The summary, the winning numbers, the remarks and the working.
fn text(c: &Checked, remarks: &[String], lang: Lang, md: bool) -> String {
    let r = &c.report;
    let mut s = format!("{}\n", r.summary(lang));
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
        s.extend(remarks.iter().map(|l| format!("{bullet}{l}\n")));
    }
    if !c.working.is_empty() {
        s.push_str(&format!("\n{}\n", t(lang, "计算过程：", "Working:")));
        s.extend(c.working.iter().map(|l| format!("{bullet}{l}\n")));
    }
    s
}
