//! Drawing of `fees`, `headline` and `list`: every figure arrives
//! in a library report; here it is only laid out.

use daxin::board::Board;
use daxin::input::{self, opt};
use daxin::ipo::Basis;
use daxin::net;
use daxin::num::{self, fixed, price_dp};
use daxin::report::headlines::HeadlineReport;
use daxin::report::list::Filter;
use daxin::report::list::ListReport;
use daxin::report::schedule::{ScheduleItem, ScheduleReport};
use daxin::{Ipo, Lang};

use super::args::{Common, Format};
use super::draw::{csv_of, csv_records, json, md_table, render_table, t, table_of};
use super::{load_config, load_data, today, CliError, Output};

/// `daxin fees --board B [--date D]`: the schedule in force that day
/// (default: today), with the broker terms of the config.
pub fn fees_cmd(
    common: &Common,
    board: &str,
    date: &Option<String>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let board: Board = board.parse()?;
    let day = opt("--date", date.as_deref(), input::parse_date)?.unwrap_or_else(today);
    let config = load_config(common.config.as_deref())?;
    let r = ScheduleReport::build(board, day, &config, lang, explain)?;
    Ok(fee_schedule(&r, fmt, lang))
}

/// `daxin headline IPO [--basis B]`.
pub fn headline_cmd(
    common: &Common,
    ipo: &str,
    basis: &Option<String>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let data = load_data(common)?;
    let ipo = data.find(ipo)?;
    let basis: Option<Basis> = basis.as_deref().map(str::parse).transpose()?;
    let r = HeadlineReport::build(ipo, basis, lang, explain)?;
    Ok(headlines(&r, fmt, lang))
}

/// `daxin list [--board B] [--year Y]`: CSV and JSON export the records
/// themselves, in daxin's formats; the other formats draw the list.
pub fn list_cmd(
    common: &Common,
    board: &Option<String>,
    year: &Option<String>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let data = load_data(common)?;
    let filter = Filter {
        board: board.as_deref().map(str::parse).transpose()?,
        year: year.as_deref().map(Filter::parse_year).transpose()?,
    };
    let keep = |i: &Ipo| filter.keeps(i);
    // the exports are the records themselves; with --explain the gains'
    // working goes to stderr, as the table's does
    let working = |out: &mut Output| -> Result<(), CliError> {
        if explain {
            let ipos: Vec<&Ipo> = data.ipos().iter().filter(|i| keep(i)).collect();
            let r = ListReport::build(&ipos, lang, explain)?;
            out.stderr.push_str(&list_working(&r));
        }
        Ok(())
    };
    match fmt {
        Format::Csv => {
            let subset = data.subset(keep);
            // the CSV is not lossless: say what it leaves out
            let lost = subset.csv_omissions().text(lang);
            let mut out = Output {
                stdout: subset.to_csv()?,
                stderr: lost.map(|l| format!("{l}\n")).unwrap_or_default(),
                code: 0,
            };
            working(&mut out)?;
            Ok(out)
        }
        Format::Json => {
            let mut out = Output {
                stdout: format!("{}\n", data.subset(keep).to_json()?),
                ..Output::default()
            };
            working(&mut out)?;
            Ok(out)
        }
        Format::Table | Format::Md => {
            let ipos: Vec<&Ipo> = data.ipos().iter().filter(|i| keep(i)).collect();
            let r = ListReport::build(&ipos, lang, explain)?;
            Ok(list(&r, fmt, lang))
        }
    }
}

/// `daxin fees`: the schedule in force on a day.
pub fn fee_schedule(r: &ScheduleReport, fmt: Format, lang: Lang) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => out.stdout = json(r),
        Format::Csv => {
            let mut items = r.items.clone();
            items.push(r.broker_item());
            out.stdout = csv_records(&items);
            // with --explain, why each row applies: on stderr, as the
            // other CSVs put their working
            for w in r.working.iter().flatten() {
                out.stderr.push_str(&format!("{w}\n"));
            }
        }
        Format::Table | Format::Md => out.stdout = schedule_text(r, lang, fmt == Format::Md),
    }
    out
}

/// A fee item as a row; the broker's commission has no period or status.
fn item_row(i: &ScheduleItem, lang: Lang, broker: bool) -> Vec<String> {
    let (period, status) = match broker {
        true => (String::new(), ""),
        false => (i.period_text(), i.status_text(lang)),
    };
    vec![
        i.side_text(lang).to_string(),
        i.name(lang).to_string(),
        i.rate_text(lang),
        i.rounding_text(lang).to_string(),
        i.bounds_text(),
        period,
        status.to_string(),
        i.source.clone(),
    ]
}

/// The schedule as a table, its sources as numbered notes under it, the
/// items' notes, the tax note and the working.
fn schedule_text(r: &ScheduleReport, lang: Lang, md: bool) -> String {
    let head: Vec<String> = [
        ("环节", "side"),
        ("项目", "item"),
        ("费率", "rate"),
        ("舍入", "rounding"),
        ("上下限", "bounds"),
        ("有效期", "in force"),
        ("状态", "status"),
        ("来源", "source"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let mut rows: Vec<Vec<String>> = r.items.iter().map(|i| item_row(i, lang, false)).collect();
    rows.push(item_row(&r.broker_item(), lang, true));
    // sources as numbered notes under the table
    let mut sources: Vec<String> = Vec::new();
    for src in rows.iter_mut().filter_map(|row| row.last_mut()) {
        let n = match sources.iter().position(|x| x == src) {
            Some(i) => i + 1,
            None => {
                sources.push(src.clone());
                sources.len()
            }
        };
        *src = format!("[{n}]");
    }
    let board = r.board.name(lang);
    let mut s = format!(
        "{board} · {} {}\n",
        t(lang, "费率日", "schedule of"),
        r.date
    );
    s.push_str(&render_table(head, rows, md));
    for (i, n) in sources.iter().enumerate() {
        s.push_str(&format!("[{}] {n}\n", i + 1));
    }
    let noted: Vec<_> = r.items.iter().filter(|i| !i.note.is_empty()).collect();
    if !noted.is_empty() {
        s.push_str(&format!("{}\n", t(lang, "说明：", "Notes:")));
        for i in noted {
            let colon = t(lang, "：", ": ");
            s.push_str(&format!("  {}{colon}{}\n", i.name(lang), i.note));
        }
    }
    let tax = net::tax_note(r.board.currency(), lang);
    s.push_str(&format!("{}: {tax}\n", t(lang, "税", "Tax")));
    for w in r.working.iter().flatten() {
        s.push_str(&format!("  {w}\n"));
    }
    s
}

/// `daxin headline`.
pub fn headlines(r: &HeadlineReport, fmt: Format, lang: Lang) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => out.stdout = json(r),
        Format::Csv => {
            let rows: Vec<Vec<String>> = r
                .headlines
                .iter()
                .map(|h| vec![r.code.clone(), h.basis.id().to_string(), h.text.clone()])
                .collect();
            out.stdout = csv_of(&["code", "basis", "text"], &rows);
            for h in &r.headlines {
                for s in h.steps.iter().flatten() {
                    // the working's label in the report's language (the
                    // CSV's basis column keeps the id)
                    let basis = h.basis.word(lang);
                    out.stderr.push_str(&format!("{basis}: {s}\n"));
                }
            }
        }
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            for h in &r.headlines {
                if md {
                    out.stdout.push_str(&format!("- {}\n", h.text));
                } else {
                    out.stdout.push_str(&format!("{}\n", h.text));
                }
                for s in h.steps.iter().flatten() {
                    out.stdout.push_str(&format!("    {s}\n"));
                }
            }
        }
    }
    out
}

/// `daxin list`, in the table formats (CSV and JSON export the records).
/// The list's gains, worked out, a line each.
fn list_working(r: &ListReport) -> String {
    let mut s = String::new();
    for row in &r.ipos {
        for step in &row.working {
            s.push_str(&format!("{} {}: {}\n", row.code, step.label, step.formula));
        }
    }
    s
}

pub fn list(r: &ListReport, fmt: Format, lang: Lang) -> Output {
    // The list's gains, worked out; on stderr so that every format's
    // output stays parseable.
    let mut out = Output {
        stderr: list_working(r),
        ..Output::default()
    };
    let head: Vec<String> = match lang {
        Lang::Zh => [
            "代码",
            "简称",
            "英文名",
            "板块",
            "上市日期",
            "发行价",
            "每签股数",
            "开盘涨幅",
            "收盘涨幅",
        ],
        Lang::En => [
            "code",
            "name",
            "english",
            "board",
            "listed",
            "issue",
            "lot",
            "open gain",
            "close gain",
        ],
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    let gain = |g: Option<rust_decimal::Decimal>| {
        g.map(|g| format!("{}%", fixed(g, num::PCT_DP)))
            .unwrap_or_default()
    };
    let rows: Vec<Vec<String>> = r
        .ipos
        .iter()
        .map(|i| {
            vec![
                i.code.clone(),
                i.name_zh.clone(),
                i.name_en.clone().unwrap_or_default(),
                i.board
                    .map(|b| match lang {
                        Lang::Zh => b.name_zh().to_string(),
                        Lang::En => b.id().to_string(),
                    })
                    .unwrap_or_default(),
                i.listing_date.map(|d| d.to_string()).unwrap_or_default(),
                fixed(i.issue_price, price_dp(i.issue_price)),
                i.lot_shares.to_string(),
                gain(i.open_gain_pct),
                gain(i.close_gain_pct),
            ]
        })
        .collect();
    match fmt {
        Format::Md => out.stdout = md_table(&head, &rows),
        _ => out.stdout = format!("{}\n", table_of(head, rows)),
    }
    out
}
