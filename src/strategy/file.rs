//! A strategy input file → the facts of every row: daxin records (TOML,
//! JSON, daxin CSV) record by record, other tables (AKShare/Eastmoney,
//! 同花顺, …) row by row through their detected layout. A row that does not
//! read is kept with its error, so that the report can say why it was not
//! counted. No file is opened here: the caller passes the bytes.
//!
//! ```
//! use daxin::strategy::file::read;
//! let csv = "股票代码,股票简称,申购代码,发行总数,网上发行,顶格申购需配市值,申购上限,发行价格,最新价,\
//!            首日收盘价,申购日期,中签号公布日,中签缴款日期,上市日期,发行市盈率,行业市盈率,中签率,\
//!            询价累计报价倍数,配售对象报价家数,连续一字板数量,涨幅,每中一签获利\n\
//!            688795,摩尔线程,787795,70000000,16800000,11,11000,114.28,-,600.50,2025-11-24,-,-,\
//!            2025-12-05,-,-,0.03635054,-,-,-,425.46,243110\n";
//! let rows = read(csv.as_bytes(), "ipos.csv", None).unwrap();
//! assert_eq!(rows.len(), 1);
//! assert_eq!(rows[0].code, "688795");
//! assert_eq!(rows[0].line, Some(2));
//! ```

use super::input::{self, RowFacts};
use crate::data::Dataset;
use crate::error::{Error, Result, Why};
use crate::import::split::{Splitter, Step};
use crate::import::{self, Layout, SourceFormat};

fn in_file(origin: &str, message: Why) -> Error {
    Error::data(origin, message)
}

/// The facts of every row of the file `origin` holding `bytes`; `from`
/// names the table's format when its header does not tell.
pub fn read(bytes: &[u8], origin: &str, from: Option<SourceFormat>) -> Result<Vec<RowFacts>> {
    let lower = origin.to_ascii_lowercase();
    if lower.ends_with(".toml") || lower.ends_with(".json") {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            in_file(
                origin,
                crate::why!("not UTF-8 text: {e}", "不是 UTF-8 文本（{e}）"),
            )
        })?;
        return records(text, origin);
    }
    let text = decode(bytes);
    let first = text.lines().next().unwrap_or("");
    let delim = if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    table(&text, delim, origin, from)
}

/// daxin records, each good one as its facts, each bad one with its error.
fn records(text: &str, origin: &str) -> Result<Vec<RowFacts>> {
    let records = Dataset::records_from_file_text(text, origin)?;
    Ok(records
        .iter()
        .map(|r| match &r.ipo {
            Ok(ipo) => input::from_ipo(ipo, Some(r.line)),
            Err(e) => RowFacts {
                line: Some(r.line),
                code: r.code.clone(),
                name: r.name.clone(),
                error: Some(Why::of(e)),
                ..RowFacts::default()
            },
        })
        .collect())
}

/// The text of a table: UTF-8 (a bad byte replaced), else the encoding
/// sniffed from its start (GBK as Windows saves it).
fn decode(bytes: &[u8]) -> String {
    let (enc, skip) = import::sniff_encoding(&bytes[..bytes.len().min(64 * 1024)]);
    if enc == encoding_rs::UTF_8 {
        String::from_utf8_lossy(&bytes[skip..]).into_owned()
    } else {
        enc.decode(bytes).0.into_owned()
    }
}

/// The rows of a table after its header (blank rows and `#` lines before
/// the header skipped); a daxin CSV reads as records.
fn table(text: &str, delim: u8, origin: &str, from: Option<SourceFormat>) -> Result<Vec<RowFacts>> {
    let data = text.as_bytes();
    let mut splitter = Splitter::new(delim);
    let (mut at, mut line) = (0usize, 1u64);
    let mut layout: Option<Layout> = None;
    let mut out = Vec::new();
    loop {
        let (row, error, this) = match splitter.next(&data[at..], true) {
            Step::End | Step::NeedMore => break,
            Step::Skip { consumed, lines } => {
                at += consumed;
                line += lines;
                continue;
            }
            Step::Row {
                row,
                consumed,
                lines,
                error,
            } => {
                at += consumed;
                line += lines;
                (row, error, line - lines)
            }
        };
        if row.is_blank() && error.is_none() {
            continue;
        }
        let Some(l) = &layout else {
            if row.fields().next().unwrap_or(&[]).starts_with(b"#") {
                continue;
            }
            if let Some(e) = error {
                return Err(in_file(
                    origin,
                    Why::labelled(&crate::why!("cannot read the header", "无法读取表头"), &e),
                ));
            }
            let cells: Vec<String> = row
                .fields()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            let l = Layout::detect(&refs, from).map_err(|e| in_file(origin, Why::of(&e)))?;
            if l.format == SourceFormat::Daxin {
                // daxin's own CSV: the records, with their rates and caps
                let ds = Dataset::from_csv(text, origin)?;
                return Ok(ds.ipos().iter().map(|i| input::from_ipo(i, None)).collect());
            }
            layout = Some(l);
            continue;
        };
        out.push(match error {
            None => input::from_row(l, &row, this),
            Some(e) => RowFacts {
                line: Some(this),
                error: Some(e),
                ..RowFacts::default()
            },
        });
    }
    if layout.is_none() {
        return Err(in_file(
            origin,
            crate::why!("empty file: no header row", "空文件：没有表头行"),
        ));
    }
    Ok(out)
}
