//! Drawing of `fees`, `headline` and `list`: every figure arrives
//! in a library report; here it is only laid out.

use daxin::fees::{FeeBase, FeeRounding, Side};
use daxin::net;
use daxin::num::{self, fixed, price_dp};
use daxin::report::headlines::HeadlineReport;
use daxin::report::list::ListReport;
use daxin::report::schedule::ScheduleReport;
use daxin::Lang;

use super::args::Format;
use super::draw::{csv_of, csv_records, json, md_table, render_table, t, table_of};
use super::Output;

/// `daxin fees`: the schedule in force on a day.
pub fn fee_schedule(r: &ScheduleReport, fmt: Format, lang: Lang) -> Output {
    let mut rows = Vec::new();
    for i in &r.items {
        let side_name = match i.side {
            Side::Allotment => t(lang, "中签", "allotment"),
            Side::Sell => t(lang, "卖出", "sell"),
            Side::Application => t(lang, "认购", "application"),
        };
        let rate = match (i.base, i.fixed, lang) {
            (FeeBase::PerTrade, Some(f), Lang::Zh) => format!("每笔 {f}"),
            (FeeBase::PerTrade, Some(f), Lang::En) => format!("{f} / trade"),
            (FeeBase::PerTrade, None, _) => String::new(),
            (FeeBase::Par, _, Lang::Zh) => format!("面值的 {}%", num::trim(i.rate_pct)),
            (FeeBase::Par, _, Lang::En) => format!("{}% of par", num::trim(i.rate_pct)),
            (FeeBase::Amount, _, _) => format!("{}%", num::trim(i.rate_pct)),
        };
        let rounding = match i.rounding {
            FeeRounding::Cent => t(lang, "四舍五入至分", "half-up to the cent"),
            FeeRounding::CeilDollar => t(lang, "进位至元", "up to the dollar"),
            FeeRounding::Combined => t(lang, "合计后舍入", "summed, rounded once"),
        };
        let bounds = match (i.min, i.max) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("≥ {a}"),
            (None, Some(b)) => format!("≤ {b}"),
            (None, None) => String::new(),
        };
        let period = format!(
            "{} → {}",
            i.from,
            i.to.map(|d| d.to_string()).unwrap_or_default()
        );
        rows.push(vec![
            side_name.to_string(),
            match lang {
                Lang::Zh => i.name_zh.clone(),
                Lang::En => i.name_en.clone(),
            },
            rate,
            rounding.to_string(),
            bounds,
            period,
            match i.status {
                daxin::board::RuleStatus::Verified => String::new(),
                daxin::board::RuleStatus::Unclear => t(lang, "存疑", "unclear").to_string(),
            },
            i.source.clone(),
        ]);
    }
    let b = &r.broker;
    let broker_row = vec![
        t(lang, "卖出", "sell").to_string(),
        t(lang, "佣金（券商）", "commission (broker)").to_string(),
        format!("{}%", num::trim(b.commission_pct)),
        t(lang, "四舍五入至分", "half-up to the cent").to_string(),
        format!("≥ {}", b.min_commission),
        String::new(),
        String::new(),
        t(
            lang,
            "daxin.toml 或 --commission",
            "daxin.toml or --commission",
        )
        .to_string(),
    ];
    let mut out = Output::default();
    match fmt {
        Format::Json => out.stdout = json(r),
        Format::Csv => {
            let mut items = r.items.clone();
            items.push(r.broker_item());
            out.stdout = csv_records(&items);
        }
        Format::Table | Format::Md => {
            let head: Vec<String> = match lang {
                Lang::Zh => [
                    "环节",
                    "项目",
                    "费率",
                    "舍入",
                    "上下限",
                    "有效期",
                    "状态",
                    "来源",
                ],
                Lang::En => [
                    "side", "item", "rate", "rounding", "bounds", "in force", "status", "source",
                ],
            }
            .iter()
            .map(|s| s.to_string())
            .collect();
            // sources as numbered notes under the table
            let mut all = rows;
            all.push(broker_row);
            let mut notes = Vec::new();
            for row in all.iter_mut() {
                if let Some(src) = row.last_mut() {
                    let n = match notes.iter().position(|x: &String| x == src) {
                        Some(i) => i + 1,
                        None => {
                            notes.push(src.clone());
                            notes.len()
                        }
                    };
                    *src = format!("[{n}]");
                }
            }
            out.stdout = format!(
                "{} · {} {}\n",
                match lang {
                    Lang::Zh => r.board.name_zh(),
                    Lang::En => r.board.name_en(),
                },
                t(lang, "费率日", "schedule of"),
                r.date
            );
            out.stdout
                .push_str(&render_table(head, all, fmt == Format::Md));
            for (i, n) in notes.iter().enumerate() {
                out.stdout.push_str(&format!("[{}] {n}\n", i + 1));
            }
            let noted: Vec<_> = r.items.iter().filter(|i| !i.note.is_empty()).collect();
            if !noted.is_empty() {
                out.stdout
                    .push_str(&format!("{}\n", t(lang, "说明：", "Notes:")));
                for i in noted {
                    let name = match lang {
                        Lang::Zh => &i.name_zh,
                        Lang::En => &i.name_en,
                    };
                    out.stdout
                        .push_str(&format!("  {name}{}{}\n", t(lang, "：", ": "), i.note));
                }
            }
            out.stdout.push_str(&format!(
                "{}: {}\n",
                t(lang, "税", "Tax"),
                net::tax_note(r.board.currency(), lang)
            ));
            for w in r.working.iter().flatten() {
                out.stdout.push_str(&format!("  {w}\n"));
            }
        }
    }
    out
}

/// `daxin headline`.
pub fn headlines(r: &HeadlineReport, fmt: Format) -> Output {
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
                    out.stderr.push_str(&format!("{}: {s}\n", h.basis.id()));
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
pub fn list(r: &ListReport, fmt: Format, lang: Lang) -> Output {
    let mut out = Output::default();
    // The list's gains, worked out; on stderr so that every format's
    // output stays parseable.
    for row in &r.ipos {
        for step in &row.working {
            out.stderr
                .push_str(&format!("{} {}: {}\n", row.code, step.label, step.formula));
        }
    }
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
