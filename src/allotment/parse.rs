//! Reading an allotment table as a user has it: the bytes of a CSV or TSV
//! saved from a spreadsheet (with or without the header row; UTF-8, GBK or
//! Big5; numbers with thousands separators), the text copied out of the
//! announcement's PDF, or daxin's own `lots,applications,basis` CSV.
//!
//! Every row is read or refused: a cell that is not a count, a basis that
//! is not one of the forms below, an unknown column heading, text with
//! figures between the rows that is none of a pool heading, a total or a
//! page number — each is an error naming the row (or line) and the text.
//!
//! Bases read (English, with `H Shares`, `Shares` or `shares`; with or
//! without `applicants`, `an additional` or `additional`):
//! - `8,741 out of 174,816 applicants to receive 200 H Shares`
//! - `200 H Shares plus 78 out of 4,914 applicants to receive an additional 200 H Shares`
//! - `400 H Shares` (and `0 H Shares` in two-row tables)
//!
//! and their Chinese forms (traditional or simplified): `44,060名申請人中有1,322名獲配發200股H股`,
//! `12,869名申請人中的2,592名獲發100股H股`, `150股H股，另加1,129名申請人中有121名獲分配額外150股H股`,
//! `2,500股股份另加144名申請人中的2名將獲發額外100股股份`, `600股H股`.

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::{Layout, Outcome, Pool, PrintedTotal, Source, Table, Tier};
use crate::error::{Error, Result, Why};
use crate::input;

const NUM: &str = r"\d{1,3}(?:,\d{3})+|\d+";

fn basis_pattern() -> String {
    let n = NUM;
    let en_sh = r"(?:h\s+)?shares?\b";
    let zh_sh = r"股(?:\s*[hＨ]\s*股)?(?:\s*股\s*份)?";
    let en_ballot = format!(
        r"(?P<w>{n})\s+out\s+of\s+(?P<m>{n})\s+(?:applicants?\s+)?(?:are\s+|will\s+)?to\s+(?:receive|be\s+allotted)\s+(?:an\s+)?(?:additional\s+)?(?P<s>{n})\s+{en_sh}"
    );
    let zh_ballot = format!(
        r"(?P<zm>{n})\s*名\s*(?:申\s*[請请]\s*人\s*)?中\s*(?:有\s*|的\s*)?(?P<zw>{n})\s*名\s*(?:[將将]\s*)?(?:[獲获]\s*(?:[發发]|分\s*配|配\s*[發发]|得)|取\s*得)\s*(?:[額额]\s*外\s*)?(?P<zs>{n})\s*{zh_sh}"
    );
    format!(
        r"(?:(?:(?P<c>{n})\s+{en_sh}\s+plus\s+)?{en_ballot}|(?P<c0>{n})\s+{en_sh}|(?:(?P<zc>{n})\s*{zh_sh}\s*[,，]?\s*(?:另\s*加|另\s*外|加\s*上|加)\s*)?{zh_ballot}|(?P<zc0>{n})\s*{zh_sh})"
    )
}

const PCT: &str = r"(?:\s*(?P<pct>\d+(?:\.\d+)?)\s*%)?";

struct Patterns {
    row: Regex,
    row_at: Regex,
    cont: Regex,
    basis: Regex,
    marker: Regex,
    total_en: Regex,
    total_zh: Regex,
    total: Regex,
    valid: Regex,
    page: Regex,
}

fn pats() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let b = basis_pattern();
        let n = NUM;
        let re = |s: &str| Regex::new(s).unwrap_or_else(|e| unreachable!("{e}"));
        Patterns {
            row: re(&format!(
                r"(?i)(?:^|\s)(?P<size>{n})\s+(?P<apps>{n})\s+{b}{PCT}"
            )),
            row_at: re(&format!(
                r"(?i)^(?P<size>{n})\s+(?P<apps>{n})\s+{b}{PCT}"
            )),
            cont: re(&format!(r"(?i)^(?P<apps>{n})\s+{b}{PCT}")),
            basis: re(&format!(r"(?i)^{b}$")),
            marker: re(r"(?i)^(?:pool\s*(?P<p>[ab])\b|(?P<z>[甲乙])\s*[組组])"),
            total_en: re(&format!(
                r"(?i)^(?:total\s*:?\s*)?(?P<apps>{n})\s+total\s+numbers?\s+of\s+pool\s+(?P<p>[ab])\s+successful\s+applicants?\s*:?\s*(?P<succ>{n})"
            )),
            total_zh: re(&format!(
                r"^(?:[總总]\s*[計计]\s*[:：]?\s*)?(?P<apps>{n})\s*(?P<z>[甲乙])\s*[組组]\s*[獲获]\s*接\s*[納纳]\s*(?:的\s*)?申\s*[請请]\s*人\s*[總总]\s*[數数]\s*[:：]?\s*(?P<succ>{n})"
            )),
            total: re(&format!(
                r"(?i)^(?:total\b|[總总]\s*[計计])\s*:?\s*(?P<apps>{n})(?:\s+(?P<shares>{n})\s*(?:(?:h\s+)?shares?\b|股\s*(?:h\s*股)?(?:股\s*份)?))?"
            )),
            valid: re(&format!(
                r"(?i)^(?:(?P<n>{n})\s+valid\s+applications?\b|(?P<zn>{n})\s*份\s*有\s*效\s*申\s*[請请])"
            )),
            page: re(r"(?i)^(?:<<<\s*page\s*\d+\s*>>>|[–—\-]\s*\d{1,4}\s*[–—\-])"),
        }
    })
}

/// Decodes a file's bytes: a byte-order mark (UTF-8, UTF-16) wins; then
/// UTF-8; else GBK (GB18030) or Big5, whichever reads without error and
/// gives more of the words allotment tables use.
///
/// ```
/// use daxin::allotment::parse::decode;
/// let (big5, _, _) = encoding_rs::BIG5.encode("甲組 200 名申請人中有 獲分配 股");
/// let (text, enc) = decode(&big5).unwrap();
/// assert_eq!((text.as_str(), enc), ("甲組 200 名申請人中有 獲分配 股", "Big5"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str)> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(Error::invalid_at(
                crate::why!("allotment table", "配售结果表"),
                enc.name(),
                crate::why!(
                    "the file has a byte-order mark but bytes that are not of its encoding",
                    "文件带有字节顺序标记（BOM），但其中有不属于该编码的字节"
                ),
            ));
        }
        return Ok((text.into_owned(), enc.name()));
    }
    let (enc, _) = crate::import::sniff_encoding(bytes);
    if enc == encoding_rs::UTF_8 {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Ok((s.to_string(), "UTF-8"));
        }
    }
    let score = |s: &str| {
        s.chars()
            .filter(|c| {
                "申請请組组獲获發发股名額额總总計计分配基準准有效數数甲乙另加中人份概約约百比"
                    .contains(*c)
            })
            .count()
    };
    let gbk = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| (score(&t), t.into_owned(), "GBK"));
    let big5 = encoding_rs::BIG5
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| (score(&t), t.into_owned(), "Big5"));
    match (gbk, big5) {
        (Some(g), Some(b)) if b.0 > g.0 => Ok((b.1, b.2)),
        (Some(g), _) => Ok((g.1, g.2)),
        (None, Some(b)) => Ok((b.1, b.2)),
        (None, None) => Err(Error::invalid_at(
            crate::why!("allotment table", "配售结果表"),
            "",
            crate::why!(
                "the file is not text in UTF-8, GBK or Big5",
                "文件不是 UTF-8、GBK 或 Big5 编码的文本"
            ),
        )),
    }
}

/// One cell or line, cleaned: full-width digits and punctuation to ASCII,
/// runs of white space to one space.
fn clean(s: &str) -> String {
    let n = input::normalize(&s.replace(['╱', '／'], "/"));
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count(raw: &str) -> Option<u64> {
    let s: String = raw.chars().filter(|c| *c != ',').collect();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// One row as read, before rows are merged into tiers.
#[derive(Debug)]
struct Row {
    size: Option<u64>,
    outcomes: Vec<Outcome>,
    pct: Option<Decimal>,
    line: usize,
    basis: String,
    pool: Option<Pool>,
}

fn row_error(line: usize, text: &str, reason: Why) -> Error {
    Error::invalid_at(crate::why!("line {line}", "第 {line} 行"), text, reason)
}

/// The outcomes a basis gives `apps` applicants.
fn outcomes(caps: &regex::Captures, apps: u64, line: usize, text: &str) -> Result<Vec<Outcome>> {
    let g = |name: &str| -> Result<Option<u64>> {
        match caps.name(name) {
            None => Ok(None),
            Some(m) => count(m.as_str()).map(Some).ok_or_else(|| {
                row_error(
                    line,
                    text,
                    crate::why!("a figure in the basis is too large", "配售基准中的数字太大"),
                )
            }),
        }
    };
    if let Some(c) = g("c0")?.or(g("zc0")?) {
        return Ok(vec![Outcome {
            applicants: apps,
            shares: c,
        }]);
    }
    let certain = g("c")?.or(g("zc")?).unwrap_or(0);
    let (w, m, s) = match (g("w")?, g("m")?, g("s")?) {
        (Some(w), Some(m), Some(s)) => (w, m, s),
        _ => match (g("zw")?, g("zm")?, g("zs")?) {
            (Some(w), Some(m), Some(s)) => (w, m, s),
            _ => {
                return Err(row_error(
                    line,
                    text,
                    crate::why!("not a basis of allotment", "不是配售基准"),
                ))
            }
        },
    };
    if m != apps {
        return Err(row_error(
            line,
            text,
            crate::why!(
                "the ballot is among {m} applicants but the row has {apps} valid applications",
                "抽签在 {m} 名申请人中进行，但该行的有效申请只有 {apps} 份"
            ),
        ));
    }
    if w > m {
        return Err(row_error(
            line,
            text,
            crate::why!(
                "{w} winners out of {m} applicants is more than all of them",
                "{m} 名申请人中 {w} 名中签，超过了申请人总数"
            ),
        ));
    }
    let extra = certain.checked_add(s).ok_or_else(|| {
        row_error(
            line,
            text,
            crate::why!("a figure in the basis is too large", "配售基准中的数字太大"),
        )
    })?;
    Ok([
        Outcome {
            applicants: w,
            shares: extra,
        },
        Outcome {
            applicants: m - w,
            shares: certain,
        },
    ]
    .into_iter()
    .filter(|o| o.applicants > 0)
    .collect())
}

fn pct_of(caps: &regex::Captures, line: usize, text: &str) -> Result<Option<Decimal>> {
    caps.name("pct")
        .map(|m| {
            Decimal::from_str_exact(m.as_str())
                .map_err(|_| row_error(line, text, crate::why!("not a percentage", "不是百分比")))
        })
        .transpose()
}

fn pool_of(caps: &regex::Captures) -> Option<Pool> {
    let p = caps
        .name("p")
        .map(|m| m.as_str().eq_ignore_ascii_case("a"))
        .or_else(|| caps.name("z").map(|m| m.as_str() == "甲"))?;
    Some(if p { Pool::A } else { Pool::B })
}

/// Reads an allotment table. `lot` is the board lot, needed only for
/// daxin's own `lots,applications,basis` format (which counts lots).
pub fn read(bytes: &[u8], lot: Option<u64>) -> Result<Table> {
    let (text, encoding) = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(Error::invalid_at(
            crate::why!("allotment table", "配售结果表"),
            "",
            crate::why!(
                "the file is empty: give the table of the announcement's basis of allocation",
                "文件为空：请给出公告中的分配基准表"
            ),
        ));
    }
    let tsv = text.contains('\t');
    let delim = if tsv { b'\t' } else { b',' };
    let records = csv_records(text, delim);
    let (rows, totals, source, legacy) = match &records {
        Some(recs) if is_legacy(recs) => (legacy_rows(recs, lot)?, Vec::new(), Source::Csv, true),
        Some(recs) if tsv => {
            let (r, t) = sheet_rows(recs)?;
            (r, t, Source::Tsv, false)
        }
        // a line of copied text can split at its thousands separators into
        // cells that look like a spreadsheet's: when the cells do not read,
        // the text does
        Some(recs) if is_spreadsheet(recs) => match sheet_rows(recs) {
            Ok((r, t)) => (r, t, Source::Csv, false),
            Err(e) => match text_rows(text) {
                Ok((r, t)) if !r.is_empty() && !text.contains('"') => (r, t, Source::Text, false),
                _ => return Err(e),
            },
        },
        _ => {
            let (r, t) = text_rows(text)?;
            (r, t, Source::Text, false)
        }
    };
    if rows.is_empty() {
        return Err(Error::invalid_at(
            crate::why!("allotment table", "配售结果表"),
            text.lines().find(|l| !l.trim().is_empty()).unwrap_or(""),
            crate::why!(
                "no rows of a basis of allocation in the table (empty, or a header alone)",
                "表中没有分配基准的行（为空，或只有表头）"
            ),
        ));
    }
    let marked = rows.iter().any(|r| r.pool.is_some());
    let (tiers, merged) = merge(rows)?;
    let layout = if legacy {
        Layout::DaxinCsv
    } else if marked {
        Layout::PoolTable
    } else if merged {
        Layout::TwoRow
    } else {
        Layout::Plain
    };
    Ok(Table {
        tiers,
        totals,
        layout,
        source,
        encoding,
    })
}

/// Consecutive rows of one size (and pool) make one tier; a row without a
/// size continues the one above.
fn merge(rows: Vec<Row>) -> Result<(Vec<Tier>, bool)> {
    let mut tiers: Vec<Tier> = Vec::new();
    let mut merged = false;
    for r in rows {
        let size = match (r.size, tiers.last()) {
            (Some(s), _) => s,
            (None, Some(t)) => t.shares_applied,
            (None, None) => {
                return Err(row_error(
                    r.line,
                    &r.basis,
                    crate::why!(
                        "a row without the shares applied for must follow the row of its size",
                        "没有申请股数的行必须紧跟在其申请档位的行之后"
                    ),
                ))
            }
        };
        if let Some(t) = tiers.last_mut() {
            if t.shares_applied == size && t.pool == r.pool {
                merged = true;
                t.outcomes.extend(r.outcomes);
                match (t.printed_pct, r.pct) {
                    (None, p) => t.printed_pct = p,
                    (Some(a), Some(b)) if a != b => {
                        return Err(row_error(
                            r.line,
                            &r.basis,
                            crate::why!(
                                "the size {size} is printed with two percentages, {a}% and {b}%",
                                "申请档位 {size} 印有两个百分比：{a}% 与 {b}%"
                            ),
                        ))
                    }
                    _ => {}
                }
                continue;
            }
        }
        if let Some(t) = tiers.iter().find(|t| t.shares_applied == size) {
            return Err(row_error(
                r.line,
                &r.basis,
                crate::why!(
                    "the size {size} appears twice (also at line {})",
                    "申请档位 {size} 出现了两次（另见第 {} 行）",
                    t.line
                ),
            ));
        }
        tiers.push(Tier {
            pool: r.pool,
            shares_applied: size,
            outcomes: r.outcomes,
            printed_pct: r.pct,
            line: r.line,
            basis: r.basis,
        });
    }
    Ok((tiers, merged))
}

// ---------------------------------------------------------------- CSV / TSV

struct Rec {
    line: usize,
    cells: Vec<String>,
}

fn csv_records(text: &str, delim: u8) -> Option<Vec<Rec>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    // the line a record starts on, counted from its byte offset: the csv
    // crate's own line count runs one behind after a CRLF line ending
    let (mut at, mut line) = (0usize, 1usize);
    for r in rdr.records() {
        let r = r.ok()?;
        let mut start = r
            .position()
            .map_or(at, |p| p.byte() as usize)
            .min(text.len());
        // after a CRLF the reported start can be the `\n` of the line before
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= at {
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[at..start]).count();
            at = start;
        }
        let cells: Vec<String> = r.iter().map(clean).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        out.push(Rec { line, cells });
    }
    Some(out)
}

fn is_legacy(recs: &[Rec]) -> bool {
    recs.first().is_some_and(|r| {
        let c: Vec<String> = r.cells.iter().map(|c| c.to_ascii_lowercase()).collect();
        c.len() >= 3 && c[0] == "lots" && c[1] == "applications" && c[2] == "basis"
    })
}

/// A spreadsheet writes every row with the same number of cells (three or
/// four); text copied from a PDF split at its commas does not.
fn is_spreadsheet(recs: &[Rec]) -> bool {
    let width = recs.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let p = pats();
    width >= 3
        && recs.iter().all(|r| {
            let j = r.cells.join(" ");
            let aside = p.marker.is_match(&j) || p.total.is_match(&j);
            // a row that starts with a figure starts with two counts
            let counts = !r.cells[0].chars().any(|c| c.is_ascii_digit())
                || (count(&r.cells[0]).is_some()
                    && r.cells.get(1).is_some_and(|c| count(c).is_some()));
            (r.cells.len() == width && (counts || aside)) || (r.cells.len() == 1 && aside)
        })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Size,
    Apps,
    Basis,
    Pct,
}

fn heading(cell: &str) -> Option<Col> {
    let c = cell.to_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| c.contains(w));
    if has(&["percentage", "百分比", "%"]) {
        Some(Col::Pct)
    } else if has(&["basis", "ballot", "基準", "基准", "抽籤", "抽签"]) {
        Some(Col::Basis)
    } else if has(&[
        "valid application",
        "有效申請",
        "有效申请",
        "applications",
        "申請數目",
        "申请数目",
    ]) {
        Some(Col::Apps)
    } else if has(&[
        "applied",
        "所申請",
        "所申请",
        "申請股",
        "申请股",
        "申購股",
        "申购股",
        "shares",
    ]) {
        Some(Col::Size)
    } else {
        None
    }
}

/// `row N, COLUMN` / `第 N 行「列」`: a cell of the table.
fn row_col(line: usize, col: &str) -> Why {
    let zh = match col {
        "shares applied for" => "申请股数".to_string(),
        "valid applications" => "有效申请数目".to_string(),
        "basis" => "配发基准".to_string(),
        "percentage" => "百分比".to_string(),
        "lots" => "手数".to_string(),
        "applications" => "申请数目".to_string(),
        other => match other.strip_prefix("column ") {
            Some(n) => format!("第 {n} 列"),
            None => other.to_string(),
        },
    };
    Why::pair(format!("row {line}, {col}"), format!("第 {line} 行，{zh}"))
}

fn header_map(rec: &Rec) -> Result<[Option<usize>; 4]> {
    let mut map = [None; 4];
    for (i, cell) in rec.cells.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let col = heading(cell).ok_or_else(|| {
            Error::invalid_at(
                row_col(rec.line, &format!("column {}", i + 1)),
                cell,
                crate::why!("not a heading of an allotment table (expected: shares applied for, valid applications, basis of allotment, approximate percentage allotted)", "不是配售结果表的表头（应为：申请股数、有效申请数目、配发基准、占所申请股数的概约百分比）"),
            )
        })?;
        let k = col as usize;
        if map[k].is_some() {
            return Err(Error::invalid_at(
                row_col(rec.line, &format!("column {}", i + 1)),
                cell,
                crate::why!(
                    "this column heading appears twice",
                    "这一列的表头出现了两次"
                ),
            ));
        }
        map[k] = Some(i);
    }
    for (k, name) in [
        "shares applied for",
        "valid applications",
        "basis of allotment",
    ]
    .iter()
    .enumerate()
    {
        if map[k].is_none() {
            let line = rec.line;
            return Err(Error::invalid_at(
                crate::why!("row {line}", "第 {line} 行"),
                &rec.cells.join(","),
                crate::why!(
                    "the header has no column for the {name}",
                    "表头中没有「{name}」这一列"
                ),
            ));
        }
    }
    Ok(map)
}

fn sheet_rows(recs: &[Rec]) -> Result<(Vec<Row>, Vec<PrintedTotal>)> {
    let p = pats();
    let mut map = [Some(0), Some(1), Some(2), Some(3)];
    let mut rows = Vec::new();
    let mut totals = Vec::new();
    let mut pool = None;
    let mut header_seen = false;
    for rec in recs {
        let joined = rec
            .cells
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let field = |col: &str| row_col(rec.line, col);
        if let Some(c) = p.marker.captures(&joined) {
            if c.get(0).map(|m| m.end()) == Some(joined.len()) {
                pool = pool_of(&c);
                continue;
            }
        }
        if let Some(t) = total_at(&joined, pool, rec.line) {
            if t.1 == joined.len() {
                totals.push(t.0);
                continue;
            }
        }
        if rows.is_empty() && !header_seen && !joined.chars().any(|c| c.is_ascii_digit()) {
            header_seen = true;
            map = header_map(rec)?;
            continue;
        }
        let cell = |col: Col| -> &str {
            map[col as usize]
                .and_then(|i| rec.cells.get(i))
                .map_or("", String::as_str)
        };
        let size_raw = cell(Col::Size);
        let size = if size_raw.is_empty() {
            None
        } else {
            Some(count(size_raw).ok_or_else(|| {
                Error::invalid_at(
                    field("shares applied for"),
                    size_raw,
                    crate::why!("not a number of shares", "不是股数"),
                )
            })?)
        };
        let apps_raw = cell(Col::Apps);
        let apps = count(apps_raw).ok_or_else(|| {
            Error::invalid_at(
                field("valid applications"),
                apps_raw,
                crate::why!("not a number of applications", "不是申请数目"),
            )
        })?;
        let basis = cell(Col::Basis);
        let caps = p.basis.captures(basis).ok_or_else(|| {
            Error::invalid_at(field("basis"),
                basis,
                crate::why!("not a basis of allotment (e.g. \"8,741 out of 174,816 applicants to receive 200 H Shares\", \"400 H Shares\")", "不是配发基准（例如 \"8,741 out of 174,816 applicants to receive 200 H Shares\"、\"400 H Shares\"）"),
            )
        })?;
        let outs = outcomes(&caps, apps, rec.line, basis)?;
        let pct_raw = cell(Col::Pct).trim_end_matches('%').trim();
        let pct = if input::is_placeholder(pct_raw) {
            None
        } else {
            Some(Decimal::from_str_exact(pct_raw).map_err(|_| {
                Error::invalid_at(
                    field("percentage"),
                    cell(Col::Pct),
                    crate::why!("not a percentage", "不是百分比"),
                )
            })?)
        };
        rows.push(Row {
            size,
            outcomes: outs,
            pct,
            line: rec.line,
            basis: basis.to_string(),
            pool,
        });
    }
    Ok((rows, totals))
}

/// Reads a basis of daxin's own format: `X/Y` (X of Y applicants get one
/// lot), `N+X/Y` (N lots each, and X of Y one more) or `N`; gives
/// `(N, X, Y)`.
pub fn lots_basis(field: &Why, raw: &str) -> Result<(u64, u64, u64)> {
    let s = input::normalize(raw).replace(' ', "");
    let (certain, ballot) = match s.split_once('+') {
        Some((c, b)) => (c.to_string(), Some(b.to_string())),
        None if s.contains('/') => ("0".into(), Some(s.clone())),
        None => (s.clone(), None),
    };
    let int = |t: &str| -> Result<u64> {
        t.parse::<u64>().map_err(|_| {
            Error::invalid_at(
                field.clone(),
                raw,
                crate::why!("expected N, X/Y or N+X/Y", "应写作 N、X/Y 或 N+X/Y"),
            )
        })
    };
    let certain = int(&certain)?;
    let (x, y) = match ballot {
        Some(b) => {
            let (x, y) = b.split_once('/').ok_or_else(|| {
                Error::invalid_at(
                    field.clone(),
                    raw,
                    crate::why!("expected N, X/Y or N+X/Y", "应写作 N、X/Y 或 N+X/Y"),
                )
            })?;
            (int(x)?, int(y)?)
        }
        None => (0, 1),
    };
    if y == 0 || x > y {
        return Err(Error::invalid_at(
            field.clone(),
            raw,
            crate::why!(
                "X/Y needs 0 ≤ X ≤ Y and Y > 0",
                "X/Y 须满足 0 ≤ X ≤ Y 且 Y > 0"
            ),
        ));
    }
    Ok((certain, x, y))
}

fn legacy_rows(recs: &[Rec], lot: Option<u64>) -> Result<Vec<Row>> {
    let lot = lot.ok_or_else(|| {
        Error::missing(
            "--lot-size",
            crate::why!(
                "the lots,applications,basis format counts lots",
                "lots,applications,basis 格式按手数计"
            ),
        )
    })?;
    let mut rows = Vec::new();
    for rec in recs.iter().skip(1) {
        let field = |col: &str| row_col(rec.line, col);
        let cell = |i: usize| rec.cells.get(i).map_or("", String::as_str);
        let lots = count(cell(0)).filter(|n| *n > 0).ok_or_else(|| {
            Error::invalid_at(
                field("lots"),
                cell(0),
                crate::why!("a number of lots from 1", "从 1 起的手数"),
            )
        })?;
        let apps = count(cell(1)).ok_or_else(|| {
            Error::invalid_at(
                field("applications"),
                cell(1),
                crate::why!("not a number of applications", "不是申请数目"),
            )
        })?;
        let (certain, x, y) = lots_basis(&field("basis"), cell(2))?;
        let lots_out = certain + u64::from(x > 0);
        if lots_out > lots {
            return Err(Error::invalid_at(
                field("basis"),
                cell(2),
                crate::why!(
                    "the basis gives up to {lots_out} lots for an application of {lots}",
                    "申请 {lots} 手，配售基准却最多给出 {lots_out} 手"
                ),
            ));
        }
        let sh = |n: u64| {
            n.checked_mul(lot).ok_or_else(|| {
                Error::invalid_at(
                    field("lots"),
                    cell(0),
                    crate::why!("too many shares", "股数太多"),
                )
            })
        };
        let size = sh(lots)?;
        // x of y receive one lot more; the rest of the tier's applicants the certain lots
        let winners = if y == apps {
            x
        } else {
            apps.saturating_mul(x) / y.max(1)
        };
        if y != apps && apps.saturating_mul(x) % y.max(1) != 0 {
            return Err(Error::invalid_at(
                field("basis"),
                cell(2),
                crate::why!(
                    "{x}/{y} of {apps} applications is not a whole number of applicants",
                    "{apps} 份申请的 {x}/{y} 不是整数个申请人"
                ),
            ));
        }
        rows.push(Row {
            size: Some(size),
            outcomes: [
                Outcome {
                    applicants: winners,
                    shares: sh(certain + 1)?,
                },
                Outcome {
                    applicants: apps - winners,
                    shares: sh(certain)?,
                },
            ]
            .into_iter()
            .filter(|o| o.applicants > 0)
            .collect(),
            pct: None,
            line: rec.line,
            basis: cell(2).to_string(),
            pool: None,
        });
    }
    Ok(rows)
}

// ---------------------------------------------------------------- text

/// The text as one line of cleaned words, with where each original line
/// starts.
struct Doc<'a> {
    text: String,
    starts: Vec<(usize, usize)>,
    lines: Vec<&'a str>,
}

impl<'a> Doc<'a> {
    fn new(raw: &'a str) -> Self {
        let lines: Vec<&str> = raw.lines().collect();
        let mut text = String::new();
        let mut starts = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let c = clean(l);
            if c.is_empty() {
                continue;
            }
            starts.push((text.len(), i + 1));
            text.push_str(&c);
            text.push(' ');
        }
        Doc {
            text,
            starts,
            lines,
        }
    }

    fn line_of(&self, at: usize) -> usize {
        match self.starts.binary_search_by(|(o, _)| o.cmp(&at)) {
            Ok(i) => self.starts[i].1,
            Err(0) => 1,
            Err(i) => self.starts[i - 1].1,
        }
    }

    fn line_text(&self, line: usize) -> &str {
        self.lines
            .get(line.saturating_sub(1))
            .map_or("", |l| l.trim())
    }

    /// A token that stands alone on its line (a page number).
    fn alone_on_line(&self, at: usize, len: usize) -> bool {
        let line = self.line_of(at);
        clean(self.line_text(line)).len() == len
            && self.starts.iter().any(|(o, l)| *l == line && *o == at)
    }
}

fn total_at(s: &str, pool: Option<Pool>, line: usize) -> Option<(PrintedTotal, usize)> {
    let p = pats();
    let c = p.total_en.captures(s).or_else(|| p.total_zh.captures(s));
    if let Some(c) = c {
        return Some((
            PrintedTotal {
                pool: pool_of(&c),
                applications: c.name("apps").and_then(|m| count(m.as_str())),
                successful: c.name("succ").and_then(|m| count(m.as_str())),
                shares: None,
                line,
            },
            c.get(0).map_or(0, |m| m.end()),
        ));
    }
    let c = p.total.captures(s)?;
    Some((
        PrintedTotal {
            pool,
            applications: c.name("apps").and_then(|m| count(m.as_str())),
            successful: None,
            shares: c.name("shares").and_then(|m| count(m.as_str())),
            line,
        },
        c.get(0).map_or(0, |m| m.end()),
    ))
}

struct Scan<'d, 'a> {
    doc: &'d Doc<'a>,
    pool: Option<Pool>,
    rows: Vec<Row>,
    totals: Vec<PrintedTotal>,
}

impl Scan<'_, '_> {
    /// A row from its captures: with its size, or continuing the row above.
    fn push_row(
        &mut self,
        c: &regex::Captures,
        line: usize,
        text: String,
        sized: bool,
    ) -> Result<()> {
        let num = |name: &str| {
            c.name(name).and_then(|m| count(m.as_str())).ok_or_else(|| {
                row_error(
                    line,
                    &text,
                    crate::why!("a figure is missing or too large", "有数字缺失或太大"),
                )
            })
        };
        let size = if sized { Some(num("size")?) } else { None };
        let apps = num("apps")?;
        let outcomes = outcomes(c, apps, line, &text)?;
        let pct = pct_of(c, line, &text)?;
        self.rows.push(Row {
            size,
            outcomes,
            pct,
            line,
            basis: text,
            pool: self.pool,
        });
        Ok(())
    }

    /// Reads the text between two rows (or before the first, or after the
    /// last): pool headings, totals, page numbers, column headings, and —
    /// after a row — rows that leave the size out. Anything else with a
    /// figure in it is an error.
    fn between(&mut self, from: usize, to: usize, after_row: bool) -> Result<()> {
        let p = pats();
        let t = &self.doc.text;
        let mut pos = from;
        while pos < to {
            let rest = &t[pos..to];
            let skip = rest.len() - rest.trim_start().len();
            pos += skip;
            let rest = &t[pos..to];
            if rest.is_empty() {
                break;
            }
            let line = self.doc.line_of(pos);
            if let Some((tot, end)) = total_at(rest, self.pool, line) {
                self.totals.push(tot);
                pos += end;
                continue;
            }
            if let Some(c) = p.valid.captures(rest) {
                let n = c.name("n").or(c.name("zn")).and_then(|m| count(m.as_str()));
                self.totals.push(PrintedTotal {
                    pool: None,
                    applications: n,
                    successful: None,
                    shares: None,
                    line,
                });
                pos += c.get(0).map_or(rest.len(), |m| m.end());
                continue;
            }
            if let Some(c) = p.marker.captures(rest) {
                self.pool = pool_of(&c);
                pos += c.get(0).map_or(rest.len(), |m| m.end());
                continue;
            }
            if let Some(m) = p.page.find(rest) {
                pos += m.end();
                continue;
            }
            // a whole row the scan for rows passed over
            if let Some(c) = p.row_at.captures(rest) {
                let m0 = c.get(0).map_or(rest.len(), |m| m.end());
                let text = rest[..m0].trim().to_string();
                self.push_row(&c, line, text, true)?;
                pos += m0;
                continue;
            }
            if after_row {
                if let Some(c) = p.cont.captures(rest) {
                    let m0 = c.get(0).map_or(rest.len(), |m| m.end());
                    let text = rest[..m0].trim().to_string();
                    self.push_row(&c, line, text, false)?;
                    pos += m0;
                    continue;
                }
            }
            let tok_len = rest.find(' ').unwrap_or(rest.len());
            let tok = &rest[..tok_len];
            if tok.chars().any(|c| c.is_ascii_digit()) {
                let page = tok.len() <= 4
                    && tok.bytes().all(|b| b.is_ascii_digit())
                    && self.doc.alone_on_line(pos, tok_len);
                if !page {
                    return Err(row_error(
                        line,
                        self.doc.line_text(line),
                        crate::why!("not a row of the basis of allocation (shares applied for, valid applications, basis, percentage), a pool heading or a total", "既不是分配基准的行（申请股数、有效申请数目、配发基准、百分比），也不是甲乙组标题或合计行"),
                    ));
                }
            }
            pos += tok_len;
        }
        Ok(())
    }
}

fn text_rows(raw: &str) -> Result<(Vec<Row>, Vec<PrintedTotal>)> {
    let doc = Doc::new(raw);
    let p = pats();
    let mut scan = Scan {
        doc: &doc,
        pool: None,
        rows: Vec::new(),
        totals: Vec::new(),
    };
    let mut last = 0;
    let mut seen = false;
    for c in p.row.captures_iter(&doc.text) {
        let Some(m0) = c.get(0) else { continue };
        let start = m0.start() + (m0.as_str().len() - m0.as_str().trim_start().len());
        scan.between(last, start, seen)?;
        let line = doc.line_of(start);
        let text = doc.text[start..m0.end()].trim().to_string();
        scan.push_row(&c, line, text, true)?;
        last = m0.end();
        seen = true;
    }
    scan.between(last, doc.text.len(), seen)?;
    Ok((scan.rows, scan.totals))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Tier {
        let t = read(text.as_bytes(), None).unwrap();
        assert_eq!(t.tiers.len(), 1, "{t:?}");
        t.tiers[0].clone()
    }

    #[test]
    fn daxin_lots_format() {
        assert_eq!(
            lots_basis(&Why::name("b"), "15448/154483").unwrap(),
            (0, 15448, 154483)
        );
        assert_eq!(lots_basis(&Why::name("b"), "2+3/10").unwrap(), (2, 3, 10));
        assert_eq!(lots_basis(&Why::name("b"), "1").unwrap(), (1, 0, 1));
        assert!(lots_basis(&Why::name("b"), "3/2").is_err());
        assert!(lots_basis(&Why::name("b"), "x").is_err());
        // 京东 2020 (fengdujob): 15448 of 154483 one-lot applicants got a 50-share lot
        let t = read(
            b"lots,applications,basis\n1,154483,15448/154483\n2,40910,4227/40910\n",
            Some(50),
        )
        .unwrap();
        assert_eq!(t.layout, Layout::DaxinCsv);
        assert_eq!(t.tiers[1].shares_applied, 100);
        assert_eq!(t.tiers[1].allotted_shares().unwrap(), 4227 * 50);
        assert!(read(b"lots,applications,basis\n1,10,1/10\n", None).is_err());
    }

    #[test]
    fn english_wordings() {
        let t = one("200 174,816 8,741 out of 174,816 applicants to receive 200 H Shares 5.00%");
        assert_eq!(
            t.outcomes,
            vec![
                Outcome {
                    applicants: 8_741,
                    shares: 200
                },
                Outcome {
                    applicants: 166_075,
                    shares: 0
                },
            ]
        );
        assert_eq!(t.printed_pct, Some(Decimal::new(500, 2)));
        let t = one("40,000 5,722 100 Shares plus 1,717 out of 5,722 to receive\nadditional 100 Shares\n0.33%");
        assert_eq!(t.allotted_shares().unwrap(), 5_722 * 100 + 1_717 * 100);
        assert_eq!(t.successful(), 5_722);
        let t = one("300,000 779 60 shares plus 355 out of 779 applicants to receive an additional 60 H Shares 0.03%");
        assert_eq!(
            t.outcomes[0],
            Outcome {
                applicants: 355,
                shares: 120
            }
        );
        let t = one("300,000 9,925 600 H Shares 0.20%");
        assert_eq!(
            t.outcomes,
            vec![Outcome {
                applicants: 9_925,
                shares: 600
            }]
        );
    }

    #[test]
    fn chinese_wordings() {
        let t = one("200\t44,060\t44,060名申請人中有1,322名獲配發200股H股\t3.00%");
        assert_eq!(
            t.outcomes[0],
            Outcome {
                applicants: 1_322,
                shares: 200
            }
        );
        let t =
            one("1,050,000 1,129 150股H股，另加1,129名申請人中有121名\n獲分配額外150股H股 0.02%");
        assert_eq!(
            t.outcomes[0],
            Outcome {
                applicants: 121,
                shares: 300
            }
        );
        assert_eq!(
            t.outcomes[1],
            Outcome {
                applicants: 1_008,
                shares: 150
            }
        );
        let t = one("20,000 144 2,500股股份另加144名申請人中的2名將獲發額外100股股份 12.51%");
        assert_eq!(
            t.outcomes[0],
            Outcome {
                applicants: 2,
                shares: 2_600
            }
        );
        // simplified characters and full-width digits
        let t = one("１００ 12,869 12,869名申请人中的2,592名获发100股H股 2.01%");
        assert_eq!((t.shares_applied, t.outcomes[0].applicants), (100, 2_592));
        let t = one("50,000 915 600股H股 1.20%");
        assert_eq!(t.outcomes[0].shares, 600);
    }

    #[test]
    fn two_rows_with_and_without_the_size() {
        let t = read(
            b"200\n36,519\n0 H Shares\n7.00%\n200\n2,749\n200 H Shares\n",
            None,
        )
        .unwrap();
        assert_eq!(t.layout, Layout::TwoRow);
        assert_eq!(t.tiers[0].applications(), 39_268);
        let t = read(b"200 36,519 0 H Shares 7.00%\n2,749 200 H Shares\n400 2,341 0 H Shares 4.37%\n224 200 H Shares\n", None).unwrap();
        assert_eq!(t.tiers.len(), 2);
        assert_eq!(t.tiers[1].successful(), 224);
        let t = read(b"No. of shares applied for,No. of valid applications,Basis of allotment,Percentage\n200,\"36,519\",0 H Shares,7.00%\n,\"2,749\",200 H Shares,\xe2\x80\x94\n", None).unwrap();
        assert_eq!((t.tiers.len(), t.tiers[0].successful()), (1, 2_749));
    }

    #[test]
    fn gbk_and_big5() {
        let text = "甲組\n所申請股份數目\t有效申請數目\t分配基準\t概約百分比\n100\t102,763\t102,763名申請人中有7,193名獲分配100股H股\t7.00%\n";
        for enc in [encoding_rs::GBK, encoding_rs::BIG5] {
            let (bytes, _, bad) = enc.encode(text);
            assert!(!bad);
            let t = read(&bytes, None).unwrap();
            assert_eq!(t.tiers[0].outcomes[0].applicants, 7_193, "{}", enc.name());
            assert_eq!(t.tiers[0].pool, Some(Pool::A));
        }
    }

    #[test]
    fn refusals_name_the_row_and_text() {
        let err = |b: &[u8]| read(b, None).unwrap_err().to_string();
        // empty, header alone
        assert!(err(b"").contains("empty"));
        assert!(
            err(b"No. of shares applied for,No. of valid applications,Basis,Percentage\n")
                .contains("no rows")
        );
        // an unknown heading
        let e = err(b"shares applied for,valid applications,basis,colour\n200,10,10 H Shares,1%\n");
        assert!(e.contains("row 1, column 4") && e.contains("colour"), "{e}");
        // a basis that is no basis, in a spreadsheet and in copied text
        let e =
            err(b"200,\"174,816\",\"8,741 of 174,816 get 200\",5.00%\n400,10,200 H Shares,1%\n");
        assert!(
            e.contains("row 1, basis") && e.contains("8,741 of 174,816 get 200"),
            "{e}"
        );
        let e = err(b"POOL A\n200 174,816 8,741 out of 174,816 applicants to receive 200 H Shares 5.00%\n400 25,420 1,954 of 25,420 get 200 3.84%\n600 9,925 600 H Shares 1%\n");
        assert!(e.contains("line 3") && e.contains("1,954 of 25,420"), "{e}");
        // the ballot's applicants are not the row's
        let e = err(b"200 174,816 8,741 out of 174,815 applicants to receive 200 H Shares 5.00%\n");
        assert!(
            e.contains("174815 applicants") && e.contains("174816 valid"),
            "{e}"
        );
        // more winners than applicants
        let e = err(b"200 10 11 out of 10 applicants to receive 200 H Shares 5.00%\n");
        assert!(e.contains("more than all of them"), "{e}");
    }

    #[test]
    fn page_numbers_and_headings_between_rows_are_skipped() {
        let t = read(
            "20,000\n12,176\n7,502 out of 12,176 applicants to receive\n200 H Shares\n0.62%\n28\n \nNO. OF SHARES\nAPPLIED FOR\n– 20 –\n30,000\n7,587\n5,833 out of 7,587 applicants to receive\n200 H Shares\n0.51%\n".as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(t.tiers.len(), 2);
        assert_eq!(t.tiers[1].line, 11);
    }
}
