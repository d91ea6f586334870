//! `daxin odds --allotment FILE`: a Hong Kong allotment results table, read
//! by `daxin::allotment::parse`, computed by `daxin::allotment::tiers`, and
//! drawn here in the chosen language and format.

use rust_decimal::Decimal;
use serde_json::json;

use daxin::allotment::tiers::{
    self, AllotmentReport, Check, CheckKind, Inputs, Note, Stated, StatedBy, TierFigures,
};
use daxin::allotment::{parse, Layout, Pool};
use daxin::ipo::Basis;
use daxin::num::{fixed, group, trim};
use daxin::{input, returns, Ipo, Lang};

use super::args::{Format, OddsArgs};
use super::draw::t;
use super::{today, CliError, Output};

fn pool_name(p: Option<Pool>, lang: Lang) -> String {
    match (p, lang) {
        (Some(Pool::A), Lang::Zh) => "甲组".into(),
        (Some(Pool::B), Lang::Zh) => "乙组".into(),
        (Some(Pool::A), Lang::En) => "A".into(),
        (Some(Pool::B), Lang::En) => "B".into(),
        (None, _) => "—".into(),
    }
}

fn pct4(x: Decimal) -> String {
    format!("{}%", fixed(x * Decimal::ONE_HUNDRED, 4))
}

fn count(flag: &str, v: &Option<String>) -> Result<Option<u64>, CliError> {
    Ok(v.as_deref()
        .map(|raw| input::parse_shares(flag, raw))
        .transpose()?
        .map(|s| s.get()))
}

/// The note in the chosen language.
pub fn note_text(n: &Note, lang: Lang) -> String {
    match (n, lang) {
        (Note::LotInferred { lot }, Lang::Zh) => {
            format!("每手股数取自表中最小的申请股数：{lot} 股（可用 --lot-size 指定）")
        }
        (Note::LotInferred { lot }, Lang::En) => {
            format!("board lot taken from the table's smallest size: {lot} shares (give --lot-size to be sure)")
        }
        (Note::PoolsImplied { price }, Lang::Zh) => format!(
            "表中无甲乙组标题：按最终发售价 {} 港元、申购金额 500 万港元（不含经纪佣金及征费）划分",
            fixed(*price, daxin::num::price_dp(*price))
        ),
        (Note::PoolsImplied { price }, Lang::En) => format!(
            "no pool headings: pools by the HK$5 million line at the final price HK${} (brokerage and levies excluded)",
            fixed(*price, daxin::num::price_dp(*price))
        ),
        (Note::PoolsUnknown, Lang::Zh) => {
            "表中无甲乙组标题，也未给发售价（--issue-price）：组别不明".into()
        }
        (Note::PoolsUnknown, Lang::En) => {
            "no pool headings and no price (--issue-price): the pools are unknown".into()
        }
        (Note::PoolDiffers { shares, printed, implied }, Lang::Zh) => format!(
            "{shares} 股印在{}，按 500 万港元线应属{}",
            pool_name(Some(*printed), lang),
            pool_name(Some(*implied), lang)
        ),
        (Note::PoolDiffers { shares, printed, implied }, Lang::En) => format!(
            "{shares} shares is printed in pool {printed:?}, the HK$5 million line puts it in pool {implied:?}"
        ),
        (Note::NoSureLot, Lang::Zh) => "表中没有稳中一手的档位".into(),
        (Note::NoSureLot, Lang::En) => "no size in the table is sure of a lot".into(),
        (Note::NoPrice, Lang::Zh) => "未给发售价（--issue-price）：不计申购金额".into(),
        (Note::NoPrice, Lang::En) => "no price (--issue-price): no application money".into(),
        (Note::NoProfit, Lang::Zh) => {
            "未给每手收益（--profit-per-lot 或数据中的新股）：不计期望收益".into()
        }
        (Note::NoProfit, Lang::En) => {
            "no profit per lot (--profit-per-lot, or an IPO in the data): no expected profit".into()
        }
        (Note::FeeUnclear { warning }, lang) => warning.text(lang),
    }
}

fn by_text(by: StatedBy, line: Option<usize>, lang: Lang) -> String {
    match (by, line, lang) {
        (StatedBy::Table, Some(l), Lang::Zh) => format!("表中第 {l} 行所印"),
        (StatedBy::Table, Some(l), Lang::En) => format!("printed at line {l}"),
        (StatedBy::Table, None, Lang::Zh) => "表中所印".into(),
        (StatedBy::Table, None, Lang::En) => "printed".into(),
        (StatedBy::User, _, Lang::Zh) => "公告（所给）".into(),
        (StatedBy::User, _, Lang::En) => "announcement (given)".into(),
    }
}

fn check_text(c: &Check, lang: Lang) -> String {
    let what = match (c.kind, lang) {
        (CheckKind::ValidApplications, Lang::Zh) => "有效申请数",
        (CheckKind::ValidApplications, Lang::En) => "valid applications",
        (CheckKind::Successful, Lang::Zh) => "获接纳申请人数",
        (CheckKind::Successful, Lang::En) => "successful applicants",
        (CheckKind::Shares, Lang::Zh) => "获配股数",
        (CheckKind::Shares, Lang::En) => "shares allotted",
        (CheckKind::Percentage, Lang::Zh) => "获配比例",
        (CheckKind::Percentage, Lang::En) => "percentage allotted",
    };
    let scope = match (c.pool, lang) {
        (Some(p), _) => format!(" ({})", pool_name(Some(p), lang)),
        (None, _) => String::new(),
    };
    let by = match (c.kind, c.stated_by, c.line, lang) {
        (CheckKind::Percentage, _, Some(l), Lang::Zh) => format!("第 {l} 行起的一档所印"),
        (CheckKind::Percentage, _, Some(l), Lang::En) => format!("the row at line {l} prints"),
        (_, by, line, lang) => by_text(by, line, lang),
    };
    let (stated, computed) = if c.kind == CheckKind::Percentage {
        (
            format!("{}%", fixed(c.stated, 2)),
            format!("{}%", fixed(c.computed, 2)),
        )
    } else {
        (group(c.stated, 0), group(c.computed, 0))
    };
    match lang {
        Lang::Zh => format!(
            "{what}{scope}：{by} {stated}，按分配基准计 {computed} {}",
            if c.ok { "✓" } else { "✗ 抄录有误？" }
        ),
        Lang::En => format!(
            "{what}{scope}: {by} {stated}, from the basis {computed} {}",
            if c.ok {
                "✓"
            } else {
                "✗ transcription error?"
            }
        ),
    }
}

fn working(r: &AllotmentReport, lang: Lang) -> Vec<String> {
    r.tiers
        .iter()
        .map(|x| {
            let n = x.applications;
            match lang {
                Lang::Zh => format!(
                    "{} 股：至少一手 = 获配不少于一手的人数 / {n} = {}；期望股数 = {} / {n} = {}；获配比例 = {} / ({n} × {}) = {}%",
                    x.shares_applied,
                    trim(x.p_at_least_one),
                    x.allotted_shares,
                    trim(x.expected_shares),
                    x.allotted_shares,
                    x.shares_applied,
                    fixed(x.allotted_pct, 2)
                ),
                Lang::En => format!(
                    "{} shares: P(≥1 lot) = applicants with a lot / {n} = {}; expected shares = {} / {n} = {}; allotted = {} / ({n} × {}) = {}%",
                    x.shares_applied,
                    trim(x.p_at_least_one),
                    x.allotted_shares,
                    trim(x.expected_shares),
                    x.allotted_shares,
                    x.shares_applied,
                    fixed(x.allotted_pct, 2)
                ),
            }
        })
        .collect()
}

/// `daxin odds --allotment FILE [IPO] …`.
pub fn odds_cmd(
    a: &OddsArgs,
    ipo: Option<&Ipo>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let path = a
        .allotment
        .as_ref()
        .ok_or_else(|| daxin::Error::missing("--allotment", "the allotment results table"))?;
    let origin = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| CliError {
        msg: format!("--allotment {origin}: cannot read: {e}"),
        code: 2,
    })?;
    let in_file = |e: daxin::Error| CliError {
        msg: format!("--allotment {origin}: {e}"),
        code: 2,
    };
    let given_lot = match (&a.lot_size, ipo) {
        (Some(l), _) => Some(input::parse_shares("--lot-size", l)?.get()),
        (None, Some(i)) => Some(i.lot_shares.get()),
        (None, None) => None,
    };
    let table = parse::read(&bytes, given_lot).map_err(in_file)?;
    let (lot, lot_inferred) = match given_lot {
        Some(l) => (l, false),
        None => (
            tiers::infer_lot(&table)
                .ok_or_else(|| daxin::Error::missing("--lot-size", "the board lot"))?,
            true,
        ),
    };
    let price = match (&a.issue_price, ipo) {
        (Some(p), _) => Some(input::parse_price("--issue-price", p)?.get()),
        (None, Some(i)) => Some(i.issue_price.get()),
        (None, None) => None,
    };
    let date = match &a.date {
        Some(d) => input::parse_date("--date", d)?,
        None => ipo
            .and_then(|i| i.subscription_date.or(i.listing_date))
            .unwrap_or_else(today),
    };
    let handling = match &a.handling_fee {
        Some(h) => input::parse_fee("--handling-fee", h)?,
        None => Decimal::ZERO,
    };
    let basis: Basis = a.basis.as_deref().unwrap_or("close").parse()?;
    let sched = daxin::fees::Schedule::builtin()?;
    // each allotted lot's net at the chosen price: as given by --profit-per-lot,
    // else net of the day's fees for an IPO in the data
    let net_per_lot = match (&a.profit_per_lot, ipo) {
        (Some(p), _) => Some(input::parse_amount("--profit-per-lot", p)?),
        (None, Some(i)) => {
            let s = returns::compute(i)?;
            let opts = daxin::net::NetOptions {
                broker: daxin::fees::Broker::default_for(i.currency),
                application_date: None,
                cash_out_date: None,
                sale_date: None,
            };
            daxin::net::compute(i, &s, &sched, &opts)
                .ok()
                .and_then(|n| {
                    n.figures
                        .iter()
                        .find(|f| f.basis == basis)
                        .map(|f| f.net_profit_per_lot)
                })
        }
        (None, None) => None,
    };
    let budget = a
        .budget
        .as_deref()
        .map(|b| {
            let x = input::parse_amount("--budget", b)?;
            if x <= Decimal::ZERO {
                return Err(daxin::Error::invalid(
                    "--budget",
                    b,
                    "give the money for one application, above zero",
                ));
            }
            Ok(x)
        })
        .transpose()?;
    let inputs = Inputs {
        lot,
        lot_inferred,
        price,
        date,
        schedule: Some(&sched),
        net_per_lot,
        handling_fee: handling,
        budget,
        stated: Stated {
            valid_applications: count("--valid-applications", &a.valid_applications)?,
            successful: count("--successful", &a.successful)?,
            offer_shares: count("--offer-shares", &a.offer_shares)?,
        },
    };
    let r = tiers::compute(&table, &inputs).map_err(in_file)?;
    let mut out = draw(&r, fmt, lang, explain, basis);
    for c in r.checks.iter().filter(|c| !c.ok) {
        out.stderr
            .push_str(&format!("daxin: {origin}: {}\n", check_text(c, lang)));
    }
    if !r.all_checks_ok() {
        out.code = 1;
    }
    Ok(out)
}

fn money(x: Option<Decimal>) -> String {
    x.map(|v| group(v, 2)).unwrap_or_default()
}

fn draw(r: &AllotmentReport, fmt: Format, lang: Lang, explain: bool, basis: Basis) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            if explain {
                v["working"] = json!(working(r, lang));
            }
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "pool",
                "shares_applied",
                "lots",
                "applications",
                "successful",
                "allotted_shares",
                "p_at_least_one",
                "expected_shares",
                "expected_lots",
                "per_lot_rate",
                "allotted_pct",
                "printed_pct",
                "application_value",
                "expected_profit",
                "line",
            ]);
            for x in &r.tiers {
                let _ = w.write_record([
                    x.pool.map(|p| format!("{p:?}")).unwrap_or_default(),
                    x.shares_applied.to_string(),
                    x.lots.to_string(),
                    x.applications.to_string(),
                    x.successful.to_string(),
                    x.allotted_shares.to_string(),
                    trim(x.p_at_least_one),
                    trim(x.expected_shares),
                    trim(x.expected_lots),
                    trim(x.per_lot_rate),
                    fixed(x.allotted_pct, 2),
                    x.printed_pct.map(|p| fixed(p, 2)).unwrap_or_default(),
                    x.application_value.map(|v| fixed(v, 2)).unwrap_or_default(),
                    x.expected_profit.map(|v| fixed(v, 2)).unwrap_or_default(),
                    x.line.to_string(),
                ]);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
            for n in &r.notes {
                out.stderr.push_str(&format!("{}\n", note_text(n, lang)));
            }
            if explain {
                for w in working(r, lang) {
                    out.stderr.push_str(&format!("{w}\n"));
                }
            }
        }
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            let head = vec![
                t(lang, "组别", "pool").to_string(),
                t(lang, "申购股数", "shares").to_string(),
                t(lang, "手数", "lots").to_string(),
                t(lang, "有效申请", "applications").to_string(),
                t(lang, "至少一手", "P(≥1 lot)").to_string(),
                t(lang, "期望手数", "expected lots").to_string(),
                t(lang, "每手中签率", "per-lot rate").to_string(),
                t(lang, "获配比例", "allotted").to_string(),
                t(lang, "申购金额", "application money").to_string(),
                match lang {
                    Lang::Zh => format!("期望净收益（{}）", basis.name_zh()),
                    Lang::En => format!("expected net ({})", basis.id()),
                },
            ];
            let rows = r
                .tiers
                .iter()
                .map(|x: &TierFigures| {
                    let mark = match x.printed_pct {
                        Some(p) if p == x.allotted_pct => " ✓",
                        Some(_) => " ✗",
                        None => "",
                    };
                    vec![
                        pool_name(x.pool, lang),
                        group(Decimal::from(x.shares_applied), 0),
                        x.lots.to_string(),
                        group(Decimal::from(x.applications), 0),
                        pct4(x.p_at_least_one),
                        fixed(x.expected_lots, 4),
                        pct4(x.per_lot_rate),
                        format!("{}%{mark}", fixed(x.allotted_pct, 2)),
                        money(x.application_value),
                        money(x.expected_profit),
                    ]
                })
                .collect();
            out.stdout = super::draw::render_table(head, rows, md);
            let mut lines = Vec::new();
            let layout = match (r.layout, lang) {
                (Layout::PoolTable, Lang::Zh) => "甲乙组表",
                (Layout::PoolTable, Lang::En) => "pool table",
                (Layout::TwoRow, Lang::Zh) => "每档两行表",
                (Layout::TwoRow, Lang::En) => "two-row table",
                (Layout::Plain, Lang::Zh) => "单行表",
                (Layout::Plain, Lang::En) => "one row per size",
                (Layout::DaxinCsv, Lang::Zh) => "daxin 格式（手数）",
                (Layout::DaxinCsv, Lang::En) => "daxin lots format",
            };
            lines.push(format!(
                "{}: {layout}, {}, {} {}",
                t(lang, "读入", "read"),
                r.encoding,
                r.lot_shares,
                t(lang, "股一手", "shares a lot")
            ));
            lines.push(match (&r.sure_of_one_lot, lang) {
                (Some(s), Lang::Zh) => format!(
                    "稳中一手：{} 股（{} 手，{}）{}",
                    group(Decimal::from(s.shares), 0),
                    s.lots,
                    pool_name(s.pool, lang),
                    s.application_value
                        .map(|v| format!("，需 {} 港元", group(v, 2)))
                        .unwrap_or_default()
                ),
                (Some(s), Lang::En) => format!(
                    "sure of one lot: {} shares ({} lots, pool {}){}",
                    group(Decimal::from(s.shares), 0),
                    s.lots,
                    pool_name(s.pool, lang),
                    s.application_value
                        .map(|v| format!(", HK${} to apply", group(v, 2)))
                        .unwrap_or_default()
                ),
                (None, _) => note_text(&Note::NoSureLot, lang),
            });
            if let Some(b) = &r.budget {
                let one = |c: &Option<tiers::Choice>, zh: &'static str, en: &'static str| match c {
                    Some(c) => {
                        format!(
                            "{} {}: {} {} ({}), {} {}, {}",
                            t(lang, "预算", "budget"),
                            group(b.budget, 2),
                            t(lang, zh, en),
                            group(Decimal::from(c.shares), 0),
                            pool_name(c.pool, lang),
                            t(lang, "至少一手", "P(≥1 lot)"),
                            pct4(c.p_at_least_one),
                            money(c.application_value)
                        ) + &c
                            .expected_profit
                            .map(|e| {
                                format!(
                                    ", {} {}",
                                    t(lang, "期望净收益", "expected net"),
                                    group(e, 2)
                                )
                            })
                            .unwrap_or_default()
                    }
                    None => format!(
                        "{} {}: {}",
                        t(lang, "预算", "budget"),
                        group(b.budget, 2),
                        t(
                            lang,
                            "不够任何一档",
                            "no size fits (or no price, or no profit per lot)"
                        )
                    ),
                };
                lines.push(one(&b.best_chance, "中签机会最大为", "best chance at"));
                lines.push(one(
                    &b.best_profit,
                    "期望收益最高为",
                    "best expected profit at",
                ));
            }
            let pct_checks: Vec<&Check> = r
                .checks
                .iter()
                .filter(|c| c.kind == CheckKind::Percentage)
                .collect();
            if !pct_checks.is_empty() {
                let ok = pct_checks.iter().filter(|c| c.ok).count();
                lines.push(match lang {
                    Lang::Zh => format!("表中所印获配比例：{ok}/{} 档按分配基准复核一致（四舍五入至 2 位）", pct_checks.len()),
                    Lang::En => format!("printed percentages: {ok} of {} reproduce from the basis (half-up, 2 places)", pct_checks.len()),
                });
            }
            for c in r
                .checks
                .iter()
                .filter(|c| c.kind != CheckKind::Percentage || !c.ok)
            {
                lines.push(check_text(c, lang));
            }
            for n in &r.notes {
                lines.push(format!(
                    "{}: {}",
                    t(lang, "注意", "note"),
                    note_text(n, lang)
                ));
            }
            if explain {
                for w in working(r, lang) {
                    lines.push(format!("{}: {w}", t(lang, "计算", "working")));
                }
            }
            if md {
                // the table ends with its blank line
                for l in lines {
                    out.stdout.push_str(&format!("- {l}\n"));
                }
            } else {
                for l in lines {
                    out.stdout.push_str(&l);
                    out.stdout.push('\n');
                }
            }
        }
    }
    out
}
