//! `daxin audit`: read an article (any of the encodings people save text
//! in), check it with [`daxin::audit`], draw the result.

use std::path::Path;

use comfy_table::{presets, ContentArrangement, Table};
use serde_json::Value;

use daxin::audit::report::{claim_working, verdict_name, AuditDoc};
use daxin::audit::Audit;
use daxin::data::Dataset;
use daxin::Lang;

use super::args::Format;
use super::draw::{csv_of, json, md_table, t};
use super::{CliError, Output};

/// The article's bytes and its name: the file, or standard input for
/// `None` or `-`.
fn read(file: Option<&Path>) -> Result<(Vec<u8>, String), CliError> {
    let cannot = |name: &str, e: std::io::Error| CliError::cannot_read(name, &e);
    match file.filter(|p| p.as_os_str() != "-") {
        Some(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).map_err(|e| cannot(&name, e))?;
            Ok((bytes, name))
        }
        None => {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map_err(|e| {
                CliError::io(
                    &daxin::why!("standard input: cannot read", "标准输入：无法读取"),
                    &e,
                )
            })?;
            Ok((b, "standard input".to_string()))
        }
    }
}

/// Reads the article at `file` (standard input for `None` or `-`), audits it
/// against `data` and draws the report.
pub fn audit_cmd(
    file: Option<&Path>,
    data: &Dataset,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let (bytes, name) = read(file)?;
    let decoded = daxin::audit::decode(&bytes);
    let a = daxin::audit::audit(&decoded.text, data);
    let mut out = draw(&a, fmt, lang, explain);
    if let Some(remark) = decoded.remark(&name, lang) {
        out.stderr.push_str(&format!("{remark}\n"));
    }
    Ok(out)
}

/// The columns of `--format csv`: one row per claim, numbers plain
/// (base units, no separators, no `%`).
const CSV_COLUMNS: [&str; 16] = [
    "ipo",
    "kind",
    "printed",
    "value",
    "currency",
    "qualifier",
    "bound",
    "direction",
    "time",
    "stated_basis",
    "verdict",
    "basis",
    "computed",
    "mixed_bases",
    "text",
    "note",
];

/// The claims as RFC 4180 CSV: the JSON's fields, then the clause and the
/// note in words.
fn csv_rows(a: &Audit, lang: Lang) -> String {
    let cell = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => String::new(),
        Some(other) => other.to_string(),
    };
    let rows: Vec<Vec<String>> = a
        .claims
        .iter()
        .map(|c| {
            let v = serde_json::to_value(c).unwrap_or(Value::Null);
            let mut row: Vec<String> = CSV_COLUMNS[..14].iter().map(|k| cell(v.get(*k))).collect();
            row.push(c.text.clone());
            row.push(c.note.text(lang));
            row
        })
        .collect();
    csv_of(&CSV_COLUMNS, &rows)
}

/// A terminal table that wraps its long cells at 140 columns.
fn wrapped_table(head: Vec<String>, rows: Vec<Vec<String>>) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(140)
        .set_header(head);
    for r in rows {
        table.add_row(r);
    }
    format!("{table}\n")
}

/// Draws an audit as a table, Markdown, CSV or JSON.
fn draw(a: &Audit, fmt: Format, lang: Lang, explain: bool) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            out.stdout = json(&AuditDoc::new(a, lang, explain));
            return out;
        }
        Format::Csv => {
            out.stdout = csv_rows(a, lang);
            // the working on stderr, so that the CSV stays one table
            if explain {
                for (i, c) in a.claims.iter().enumerate() {
                    out.stderr
                        .push_str(&format!("{}\n", claim_working(i, c, lang)));
                }
            }
            return out;
        }
        Format::Table | Format::Md => {}
    }
    let head: Vec<String> = [
        ("核查", "verdict"),
        ("新股", "IPO"),
        ("原文", "claim"),
        ("说明", "why"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let rows: Vec<Vec<String>> = a
        .claims
        .iter()
        .map(|c| {
            let verdict = verdict_name(c.verdict, lang).to_string();
            vec![verdict, c.ipo.clone(), c.text.clone(), c.why(lang)]
        })
        .collect();
    out.stdout = match fmt {
        Format::Md => md_table(&head, &rows),
        _ => wrapped_table(head, rows),
    };
    if explain {
        out.stdout.push('\n');
        for (i, c) in a.claims.iter().enumerate() {
            out.stdout
                .push_str(&format!("{}\n", claim_working(i, c, lang)));
        }
    }
    if !a.skipped.is_empty() {
        let title = t(lang, "未解析的句子：", "Skipped sentences:");
        out.stdout.push_str(&format!("\n{title}\n"));
        for s in &a.skipped {
            let reason = s.reason.text(lang);
            out.stdout.push_str(&format!("  - {} ({reason})\n", s.text));
        }
    }
    out
}
