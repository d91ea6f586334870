//! `daxin audit`: read an article (any of the encodings people save text
//! in), check it with [`daxin::audit`], draw the result.

use std::path::Path;

use comfy_table::{presets, ContentArrangement, Table};
use serde_json::Value;

use daxin::audit::report::{claim_working, AuditDoc};
use daxin::audit::{Audit, Verdict};
use daxin::data::Dataset;
use daxin::Lang;

use super::args::Format;
use super::draw::t;
use super::{CliError, Output};

/// Reads the article at `file` (standard input for `None` or `-`), audits it
/// against `data` and draws the report.
pub fn audit_cmd(
    file: Option<&Path>,
    data: &Dataset,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let (bytes, name) = match file.filter(|p| p.as_os_str() != "-") {
        Some(p) => (
            std::fs::read(p).map_err(|e| CliError {
                msg: format!("{}: cannot read: {e}", p.display()),
                code: 2,
            })?,
            p.display().to_string(),
        ),
        None => {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map_err(|e| CliError {
                msg: format!("standard input: cannot read: {e}"),
                code: 2,
            })?;
            (b, "standard input".to_string())
        }
    };
    let decoded = daxin::audit::decode(&bytes);
    let a = daxin::audit::audit(&decoded.text, data);
    let mut out = draw(&a, fmt, lang, explain);
    if decoded.replaced > 0 {
        out.stderr.push_str(&match lang {
            Lang::Zh => format!(
                "{name}：按 {} 读取，{} 处无效字节已替换为 U+FFFD\n",
                decoded.encoding, decoded.replaced
            ),
            Lang::En => format!(
                "{name}: read as {}; {} invalid byte sequence(s) replaced by U+FFFD\n",
                decoded.encoding, decoded.replaced
            ),
        });
    }
    Ok(out)
}

fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Confirmed => t(lang, "属实", "confirmed"),
        Verdict::Approximate => t(lang, "近似", "approximate"),
        Verdict::Contradicted => t(lang, "不符", "contradicted"),
        Verdict::Unverifiable => t(lang, "无法核实", "unverifiable"),
    }
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

/// The claims as RFC 4180 CSV.
fn csv_rows(a: &Audit, lang: Lang) -> String {
    let id = |v: Value| match v {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CSV_COLUMNS);
    for c in &a.claims {
        let v = serde_json::to_value(c).unwrap_or(Value::Null);
        let mut row: Vec<String> = CSV_COLUMNS[..14]
            .iter()
            .map(|k| id(v.get(*k).cloned().unwrap_or(Value::Null)))
            .collect();
        row.push(c.text.clone());
        row.push(c.note.text(lang));
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Draws an audit as a table, Markdown, CSV or JSON.
fn draw(a: &Audit, fmt: Format, lang: Lang, explain: bool) -> Output {
    let mut out = Output::default();
    if fmt == Format::Json {
        out.stdout = format!(
            "{}\n",
            serde_json::to_string_pretty(&AuditDoc::new(a, lang, explain)).unwrap_or_default()
        );
        return out;
    }
    let head = vec![
        t(lang, "核查", "verdict").to_string(),
        t(lang, "新股", "IPO").to_string(),
        t(lang, "原文", "claim").to_string(),
        t(lang, "说明", "why").to_string(),
    ];
    let rows: Vec<Vec<String>> = a
        .claims
        .iter()
        .map(|c| {
            let mut why = c.note.text(lang);
            if c.mixed_bases {
                why.push_str(t(
                    lang,
                    "；同句数字须按不同价格才成立",
                    "; mixed bases: the sentence's figures hold only at different prices",
                ));
            }
            vec![
                verdict(c.verdict, lang).to_string(),
                c.ipo.clone(),
                c.text.clone(),
                why,
            ]
        })
        .collect();
    match fmt {
        Format::Csv => out.stdout = csv_rows(a, lang),
        Format::Md => out.stdout.push_str(&super::draw::md_table(&head, &rows)),
        _ => {
            let mut table = Table::new();
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(140)
                .set_header(head);
            for r in rows {
                table.add_row(r);
            }
            out.stdout.push_str(&format!("{table}\n"));
        }
    }
    if explain && fmt != Format::Csv {
        out.stdout.push('\n');
        for (i, c) in a.claims.iter().enumerate() {
            out.stdout.push_str(&claim_working(i, c, lang));
            out.stdout.push('\n');
        }
    }
    if !a.skipped.is_empty() && fmt != Format::Csv {
        out.stdout.push_str(&format!(
            "\n{}\n",
            t(lang, "未解析的句子：", "Skipped sentences:")
        ));
        for s in &a.skipped {
            out.stdout
                .push_str(&format!("  - {} ({})\n", s.text, s.reason.text(lang)));
        }
    }
    out
}
