//! Drawing helpers shared by the commands: labels by language, terminal
//! tables, Markdown tables, and key–value reports.

use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table};
use daxin::Lang;
use serde::Serialize;

use super::args::Format;
use super::Output;

/// The label in `lang`.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A terminal table: numbers right-aligned, names and labels left.
pub fn table_of(head: Vec<String>, rows: Vec<Vec<String>>) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(head);
    for row in rows {
        table.add_row(
            row.into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let numeric = c.starts_with(|ch: char| ch.is_ascii_digit() || ch == '-');
                    if i == 0 || !numeric {
                        Cell::new(c)
                    } else {
                        Cell::new(c).set_alignment(CellAlignment::Right)
                    }
                })
                .collect::<Vec<_>>(),
        );
    }
    table.to_string()
}

/// A Markdown table.
pub fn md_table(head: &[String], rows: &[Vec<String>]) -> String {
    let mut s = format!("| {} |\n", head.join(" | "));
    s.push_str(&format!(
        "|{}\n",
        head.iter()
            .enumerate()
            .map(|(i, _)| if i == 0 { "---|" } else { "---:|" })
            .collect::<String>()
    ));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| c.replace('|', "\\|")).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    // a blank line ends the table, so that text after it is not read as a row
    s.push('\n');
    s
}

/// A table for the terminal, or Markdown.
pub fn render_table(head: Vec<String>, rows: Vec<Vec<String>>, md: bool) -> String {
    if md {
        format!("\n{}", md_table(&head, &rows))
    } else {
        format!("{}\n", table_of(head, rows))
    }
}

/// A report as pretty JSON, with a final newline.
pub fn json<T: Serialize>(v: &T) -> String {
    format!("{}\n", serde_json::to_string_pretty(v).unwrap_or_default())
}

/// CSV from a header and rows.
pub fn csv_of<H: AsRef<[u8]>>(head: &[H], rows: &[Vec<String>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail short of memory exhaustion.
    let _ = w.write_record(head);
    for r in rows {
        let _ = w.write_record(r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A JSON value's leaves as (dotted key, plain text): objects flatten into
/// `lot.shares`, lists of plain values join with `; `, `null` is empty.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    let key = |k: &str| match prefix {
        "" => k.to_string(),
        p => format!("{p}.{k}"),
    };
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                flatten(&key(k), x, out);
            }
        }
        Value::Array(xs) => {
            let parts: Vec<String> = xs
                .iter()
                .map(|x| match x {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            out.push((prefix.to_string(), parts.join("; ")));
        }
        Value::Null => out.push((prefix.to_string(), String::new())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// Reports as CSV: one row per report, its fields flattened (see
/// [`flatten`]) and named as in the JSON; numbers as the JSON has them —
/// plain, no thousands separators, no `%`.
pub fn csv_records<T: Serialize>(items: &[T]) -> String {
    let mut head: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    for it in items {
        let v = serde_json::to_value(it).unwrap_or_default();
        let mut cells = Vec::new();
        flatten("", &v, &mut cells);
        if head.is_empty() {
            head = cells.iter().map(|(k, _)| k.clone()).collect();
        }
        rows.push(
            head.iter()
                .map(|h| {
                    cells
                        .iter()
                        .find(|(k, _)| k == h)
                        .map(|(_, c)| c.clone())
                        .unwrap_or_default()
                })
                .collect(),
        );
    }
    csv_of(&head, &rows)
}

/// A key–value report: aligned lines or a two-column Markdown table; CSV
/// is the report's fields as one record; JSON is the report itself.
pub fn kv_output<T: Serialize>(pairs: &[(String, String)], fmt: Format, report: &T) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => out.stdout = json(report),
        Format::Csv => out.stdout = csv_records(std::slice::from_ref(report)),
        Format::Md => {
            out.stdout.push_str("| | |\n|---|---|\n");
            for (k, v) in pairs {
                out.stdout
                    .push_str(&format!("| {k} | {} |\n", v.replace('|', "\\|")));
            }
            out.stdout.push('\n');
        }
        Format::Table => {
            let w = pairs
                .iter()
                .map(|(k, _)| k.chars().count())
                .max()
                .unwrap_or(0);
            for (k, v) in pairs {
                let pad = w.saturating_sub(k.chars().count());
                out.stdout
                    .push_str(&format!("{k}{}  {v}\n", " ".repeat(pad)));
            }
        }
    }
    out
}
