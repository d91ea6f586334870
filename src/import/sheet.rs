//! Spreadsheets — `.xlsx`, `.xlsm`, `.xls`, `.ods` — read with `calamine`
//! into rows of text cells, written as a CSV table would write them, so that
//! a sheet is read exactly as the CSV of the same sheet (`df.to_excel` and
//! `df.to_csv` of one DataFrame give the same rows, the same errors). No
//! I/O: the caller hands over the file's bytes.
//!
//! Cells become text as pandas' `to_csv` writes them: numbers by their
//! shortest decimal form (`9665500.0`, `104.66`), whole-number integers
//! without a point, dates as `2025-12-17` (with the time when it is not
//! midnight), booleans `True`/`False`, empty cells and error cells empty.
//! A number a spreadsheet stores is a binary float; its shortest decimal
//! form is the figure the spreadsheet shows, and that text is what daxin
//! then reads exactly, as it reads a CSV cell.

use std::io::Cursor;

use calamine::{Data, Reader};

use crate::error::{Error, Result, Why};

/// The spreadsheet formats read, by file extension (lower case).
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// True when `path` names a spreadsheet by its extension.
///
/// ```
/// assert!(daxin::import::sheet::is_spreadsheet("ipo.XLSX"));
/// assert!(!daxin::import::sheet::is_spreadsheet("ipo.csv"));
/// ```
pub fn is_spreadsheet(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    EXTENSIONS
        .iter()
        .any(|e| lower.rsplit_once('.').is_some_and(|(_, x)| x == *e))
}

/// The rows of one sheet as text cells: the sheet named `sheet`, else the
/// first. Leading empty rows and columns of the file are kept, so that row
/// `k` (from 0) is the sheet's row `k + 1`. `origin` names the file in
/// errors; an unknown sheet is an error that lists the sheets there are.
///
/// ```
/// use daxin::import::sheet::sheet_rows;
/// let bytes = std::fs::read("fixtures/import/akshare_xgsglb_1_17.xlsx").unwrap();
/// let rows = sheet_rows(&bytes, None, "x.xlsx").unwrap();
/// assert_eq!(rows[0][1], "股票代码");
/// assert_eq!(rows[3][7], "9665500.0"); // 网上发行, a float in the DataFrame
/// assert!(sheet_rows(&bytes, Some("nope"), "x.xlsx").unwrap_err().to_string().contains("Sheet1"));
/// ```
pub fn sheet_rows(bytes: &[u8], sheet: Option<&str>, origin: &str) -> Result<Vec<Vec<String>>> {
    let bad = |e: &dyn std::fmt::Display| {
        Error::data(
            origin,
            Why::pair(
                format!("not a readable spreadsheet: {e}"),
                format!("无法读取的电子表格；解析器原文：{e}"),
            ),
        )
    };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(want) => names
            .iter()
            .find(|n| n.as_str() == want)
            .cloned()
            .ok_or_else(|| {
                Error::data(
                    origin,
                    Why::pair(
                        format!(
                            "no sheet named {want:?}; the sheets are: {}",
                            names.join(", ")
                        ),
                        format!(
                            "没有名为 {want:?} 的工作表；现有工作表：{}",
                            names.join("、")
                        ),
                    ),
                )
            })?,
        None => names.first().cloned().ok_or_else(|| {
            Error::data(
                origin,
                crate::why!("the workbook has no sheet", "工作簿中没有工作表"),
            )
        })?,
    };
    let range = book.worksheet_range(&name).map_err(|e| bad(&e))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); row0 as usize];
    for r in range.rows() {
        let mut cells = vec![String::new(); col0 as usize];
        cells.extend(r.iter().map(cell_text));
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    Ok(rows)
}

/// The sheet as CSV bytes (RFC 4180: a cell is quoted when it holds a
/// comma, a quote or a line break), one line per sheet row.
pub fn sheet_csv(bytes: &[u8], sheet: Option<&str>, origin: &str) -> Result<Vec<u8>> {
    let rows = sheet_rows(bytes, sheet, origin)?;
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for r in &rows {
        for k in 0..width {
            if k > 0 {
                out.push(b',');
            }
            let c = r.get(k).map_or("", String::as_str);
            if c.contains([',', '"', '\n', '\r']) {
                out.push(b'"');
                out.extend_from_slice(c.replace('"', "\"\"").as_bytes());
                out.push(b'"');
            } else {
                out.extend_from_slice(c.as_bytes());
            }
        }
        out.push(b'\n');
    }
    Ok(out)
}

/// One cell as the CSV of the sheet writes it.
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.replace('T', " "),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.to_string(),
            None => float_text(d.as_f64()),
        },
    }
}

/// A float by its shortest decimal form, with a `.0` on whole numbers as
/// pandas writes a float column (`9665500.0`).
///
/// Not arithmetic: a spreadsheet stores a number cell as an IEEE double, and
/// the shortest decimal that reads back as the same double is the figure
/// the sheet shows (104.66, not 104.659999…). It becomes text here and is
/// parsed exactly, as a `Decimal`, like any CSV cell.
fn float_text(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    let s = format!("{f}");
    if s.contains(['.', 'e', 'E']) {
        s
    } else {
        format!("{s}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_pandas_writes_them() {
        assert_eq!(float_text(9665500.0), "9665500.0");
        assert_eq!(float_text(104.66), "104.66");
        assert_eq!(float_text(0.03348913), "0.03348913");
        assert_eq!(float_text(f64::NAN), "");
        assert!(is_spreadsheet("a.ods") && is_spreadsheet("B.XLS"));
        assert!(sheet_rows(b"not a workbook", None, "x.xlsx").is_err());
    }
}
