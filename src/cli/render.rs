//! Printing of `fees`, `headline`, `list` and `audit`. Every number
//! arrives computed; here it is only rounded half-up for display
//! (`daxin::num`).

use comfy_table::{presets, ContentArrangement, Table};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use daxin::board::Board;
use daxin::config::Config;
use daxin::explain;
use daxin::fees::{FeeBase, FeeRounding, Schedule, Side};
use daxin::headline::Headline;
use daxin::ipo::{Basis, Ipo};
use daxin::net;
use daxin::num::{self, fixed, price_dp};
use daxin::returns;
use daxin::Lang;

use super::args::Format;
use super::draw::{md_table, render_table, t, table_of};
use super::Output;

fn price(p: Decimal) -> String {
    fixed(p, price_dp(p))
}

fn pct(x: Decimal) -> String {
    fixed(x, num::PCT_DP)
}

/// `daxin fees`: the schedule in force on a day.
pub fn fee_schedule(
    schedule: &Schedule,
    board: Board,
    day: chrono::NaiveDate,
    config: &Config,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, daxin::Error> {
    let ex = daxin::fees::Exchange::of(board);
    let mut rows_json = Vec::new();
    let mut rows = Vec::new();
    // with --explain: why each row applies on the day
    let mut working = Vec::new();
    for side in [Side::Allotment, Side::Sell] {
        for i in schedule.in_force(ex, side, day)? {
            let side_name = match side {
                Side::Allotment => t(lang, "中签", "allotment"),
                Side::Sell => t(lang, "卖出", "sell"),
                Side::Application => t(lang, "认购", "application"),
            };
            let rate = match i.base {
                FeeBase::PerTrade => format!("{} / trade", i.fixed),
                FeeBase::Par => format!("{}% of par", num::trim(i.rate_pct())),
                FeeBase::Amount => format!("{}%", num::trim(i.rate_pct())),
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
            working.push(format!(
                "{}: {}",
                match lang {
                    Lang::Zh => &i.name_zh,
                    Lang::En => &i.name_en,
                },
                explain::in_period(i.from, i.to, day, lang)
            ));
            rows_json.push(json!({
                "item": i.id, "name_zh": i.name_zh, "name_en": i.name_en,
                "side": side, "base": i.base, "rate_pct": i.rate_pct().normalize().to_string(),
                "fixed": (i.base == FeeBase::PerTrade).then(|| i.fixed.to_string()),
                "rounding": i.rounding, "min": i.min.map(|x| x.to_string()), "max": i.max.map(|x| x.to_string()),
                "from": i.from.to_string(), "to": i.to.map(|d| d.to_string()),
                "status": i.status, "source": i.source, "note": i.note,
            }));
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
    }
    let b = config.broker(board.currency());
    let broker_row = vec![
        t(lang, "卖出", "sell").to_string(),
        t(lang, "佣金（券商）", "commission (broker)").to_string(),
        format!("{}%", num::trim(b.commission_rate * Decimal::ONE_HUNDRED)),
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
        Format::Json => {
            let mut v = json!({
                "board": board.id(), "date": day.to_string(), "items": rows_json,
                "broker": { "commission_pct": num::trim(b.commission_rate * Decimal::ONE_HUNDRED),
                            "min_commission": b.min_commission.to_string(),
                            "handling_fee": b.handling_fee.to_string() },
                "tax_note": net::tax_note(board.currency(), Lang::En),
            });
            if explain {
                v["working"] = json!(working);
            }
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "side", "item", "rate", "rounding", "bounds", "period", "status", "source",
            ]);
            for r in rows.iter().chain(std::iter::once(&broker_row)) {
                let _ = w.write_record(r);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
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
                    Lang::Zh => board.name_zh(),
                    Lang::En => board.name_en(),
                },
                t(lang, "费率日", "schedule of"),
                day
            );
            out.stdout
                .push_str(&render_table(head, all, fmt == Format::Md));
            for (i, n) in notes.iter().enumerate() {
                out.stdout.push_str(&format!("[{}] {n}\n", i + 1));
            }
            out.stdout.push_str(&format!(
                "{}: {}\n",
                t(lang, "税", "Tax"),
                net::tax_note(board.currency(), lang)
            ));
            if explain {
                for w in &working {
                    out.stdout.push_str(&format!("  {w}\n"));
                }
            }
        }
    }
    Ok(out)
}

pub fn headlines(ipo: &Ipo, lines: &[Headline], fmt: Format, explain: bool) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            let v = json!({
                "code": ipo.code,
                "name_zh": ipo.name_zh,
                "headlines": lines.iter().map(|h| {
                    let mut m = Map::new();
                    m.insert("basis".into(), json!(h.basis.id()));
                    m.insert("text".into(), json!(h.text));
                    if explain {
                        m.insert("explain".into(), json!(h.steps));
                    }
                    Value::Object(m)
                }).collect::<Vec<_>>(),
            });
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(["code", "basis", "text"]);
            for h in lines {
                let _ = w.write_record([ipo.code.as_str(), h.basis.id(), h.text.as_str()]);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        }
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            for h in lines {
                if md {
                    out.stdout.push_str(&format!("- {}\n", h.text));
                } else {
                    out.stdout.push_str(&format!("{}\n", h.text));
                }
                if explain {
                    for s in &h.steps {
                        out.stdout.push_str(&format!("    {s}\n"));
                    }
                }
            }
        }
    }
    if explain && fmt == Format::Csv {
        for h in lines {
            for s in &h.steps {
                out.stderr.push_str(&format!("{}: {s}\n", h.basis.id()));
            }
        }
    }
    out
}

/// The figures of a record in a list, or its error under its code and name
/// (so that a user's bad record is found in a long list).
fn compute_named(ipo: &Ipo) -> Result<returns::Summary, daxin::Error> {
    returns::compute(ipo).map_err(|e| daxin::Error::Data {
        origin: format!("{} {}", ipo.code, ipo.name_zh),
        message: e.to_string(),
    })
}

fn list_row(ipo: &Ipo, lang: Lang) -> Result<Vec<String>, daxin::Error> {
    let s = compute_named(ipo)?;
    let gain = |b: Basis| {
        s.at(b)
            .map(|f| format!("{}%", pct(f.gain_pct)))
            .unwrap_or_default()
    };
    Ok(vec![
        ipo.code.clone(),
        ipo.name_zh.clone(),
        ipo.name_en.clone().unwrap_or_default(),
        ipo.board
            .map(|b| match lang {
                Lang::Zh => b.name_zh().to_string(),
                Lang::En => b.id().to_string(),
            })
            .unwrap_or_default(),
        ipo.listing_date.map(|d| d.to_string()).unwrap_or_default(),
        price(s.issue_price),
        s.lot_shares.to_string(),
        gain(Basis::Open),
        gain(Basis::Close),
    ])
}

pub fn list(ipos: &[&Ipo], fmt: Format, lang: Lang, explain: bool) -> Result<Output, daxin::Error> {
    let mut out = Output::default();
    if explain {
        // The list's gains, worked out; on stderr so that every format's
        // output stays parseable.
        for ipo in ipos {
            let s = compute_named(ipo)?;
            for step in explain::steps(ipo, &s, lang)
                .into_iter()
                .filter(|st| st.label.ends_with(t(lang, "涨幅", "gain")))
            {
                out.stderr
                    .push_str(&format!("{} {}: {}\n", ipo.code, step.label, step.formula));
            }
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
    let rows = ipos
        .iter()
        .map(|i| list_row(i, lang))
        .collect::<Result<Vec<_>, _>>()?;
    match fmt {
        Format::Table => {
            out.stdout = format!("{}\n", table_of(head, rows));
        }
        Format::Md => out.stdout = md_table(&head, &rows),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "code",
                "name_zh",
                "name_en",
                "board",
                "listing_date",
                "issue_price",
                "lot_shares",
                "open_gain_pct",
                "close_gain_pct",
            ]);
            for r in &rows {
                let cells: Vec<String> = r
                    .iter()
                    .map(|c| c.trim_end_matches('%').to_string())
                    .collect();
                let mut cells = cells;
                if lang == Lang::Zh {
                    // the board column in CSV is always the id
                    cells[3] = ipos
                        .iter()
                        .find(|i| i.code == cells[0])
                        .and_then(|i| i.board)
                        .map(|b| b.id().to_string())
                        .unwrap_or_default();
                }
                let _ = w.write_record(&cells);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        }
        Format::Json => {
            let v: Vec<Value> = ipos
                .iter()
                .map(|i| {
                    let s = returns::compute(i);
                    let gain = |b: Basis| {
                        s.as_ref()
                            .ok()
                            .and_then(|s| s.at(b))
                            .map(|f| pct(f.gain_pct))
                    };
                    json!({
                        "code": i.code,
                        "name_zh": i.name_zh,
                        "name_en": i.name_en,
                        "board": i.board.map(|b| b.id()),
                        "listing_date": i.listing_date.map(|d| d.to_string()),
                        "issue_price": price(i.issue_price.get()),
                        "lot_shares": i.lot_shares.get(),
                        "open_gain_pct": gain(Basis::Open),
                        "close_gain_pct": gain(Basis::Close),
                    })
                })
                .collect();
            out.stdout = format!(
                "{}\n",
                serde_json::to_string_pretty(&json!({ "ipos": v })).unwrap_or_default()
            );
        }
    }
    Ok(out)
}

/// `daxin audit`.
pub fn audit(a: &daxin::audit::Audit, fmt: Format, lang: Lang, explain: bool) -> Output {
    use daxin::audit::{show, Verdict};
    let mut out = Output::default();
    let verdict = |v: Verdict| match (v, lang) {
        (Verdict::Confirmed, Lang::Zh) => "属实",
        (Verdict::Approximate, Lang::Zh) => "近似",
        (Verdict::Contradicted, Lang::Zh) => "不符",
        (Verdict::Unverifiable, Lang::Zh) => "无法核实",
        (Verdict::Confirmed, Lang::En) => "confirmed",
        (Verdict::Approximate, Lang::En) => "approximate",
        (Verdict::Contradicted, Lang::En) => "contradicted",
        (Verdict::Unverifiable, Lang::En) => "unverifiable",
    };
    match fmt {
        Format::Json => {
            let claims: Vec<Value> = a
                .claims
                .iter()
                .map(|c| {
                    let mut m = json!({
                        "ipo": c.ipo, "text": c.text, "sentence": c.sentence, "kind": c.kind,
                        "value": c.value.normalize().to_string(), "qualifier": c.qualifier, "bound": c.bound,
                        "stated_basis": c.stated_basis, "verdict": c.verdict, "basis": c.basis,
                        "computed": c.computed.map(|x| fixed(x, 2)), "mixed_bases": c.mixed_bases, "note": c.note.text(lang),
                    });
                    if explain {
                        m["candidates"] = json!(c.candidates.iter().map(|k| json!({
                            "basis": k.basis, "value": fixed(k.value, 2), "fits": k.fits,
                        })).collect::<Vec<_>>());
                    }
                    m
                })
                .collect();
            let skipped: Vec<Value> = a
                .skipped
                .iter()
                .map(|k| json!({ "text": k.text, "reason": k.reason.text(lang) }))
                .collect();
            let v = json!({ "claims": claims, "skipped": skipped });
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        _ => {
            let md = fmt == Format::Md;
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
                        verdict(c.verdict).to_string(),
                        c.ipo.clone(),
                        c.text.clone(),
                        why,
                    ]
                })
                .collect();
            if md {
                out.stdout.push_str(&md_table(&head, &rows));
            } else {
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
            if explain {
                for (i, c) in a.claims.iter().enumerate() {
                    out.stdout.push_str(&format!(
                        "[{}] {:?} {} → value {} (step {}), qualifier {:?} ({:?}), stated price {}; tried: {}\n",
                        i + 1,
                        c.kind,
                        c.text,
                        c.value.normalize(),
                        c.step.normalize(),
                        c.qualifier,
                        c.bound,
                        c.stated_basis.as_deref().unwrap_or("none"),
                        c.candidates
                            .iter()
                            .map(|k| format!("{} {}{}", k.basis, show(c.kind, k.value), if k.fits { " ✓" } else { "" }))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            if !a.skipped.is_empty() {
                out.stdout.push_str(&format!(
                    "\n{}\n",
                    t(lang, "未解析的句子：", "Skipped sentences:")
                ));
                for s in &a.skipped {
                    out.stdout
                        .push_str(&format!("  - {} ({})\n", s.text, s.reason.text(lang)));
                }
            }
        }
    }
    out
}
