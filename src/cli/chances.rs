//! `daxin rules`, `limits`, `path` and `odds`: flags validated here, the
//! figures from `daxin::rules` and `daxin::odds`, printed here.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use daxin::board::{self, Board, RuleStatus};
use daxin::data::Dataset;
use daxin::ipo::Basis;
use daxin::num::{self, fixed, group};
use daxin::odds::{self, OddsInput};
use daxin::{explain, input, returns, rules, Lang};

use super::args::{Format, LimitsArgs, OddsArgs, PathArgs};
use super::{CliError, Output};

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn day_or_today(flag: &str, raw: &Option<String>) -> Result<NaiveDate, CliError> {
    Ok(match raw {
        Some(d) => input::parse_date(flag, d)?,
        None => today(),
    })
}

fn opt_s(x: Option<Decimal>, dp: u32) -> Value {
    x.map(|v| Value::String(fixed(v, dp)))
        .unwrap_or(Value::Null)
}

fn kv_output(pairs: &[(String, String)], fmt: Format, json_value: Value) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            out.stdout = format!(
                "{}\n",
                serde_json::to_string_pretty(&json_value).unwrap_or_default()
            );
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(["field", "value"]);
            for (k, v) in pairs {
                let _ = w.write_record([k, v]);
            }
            out.stdout = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        }
        Format::Md => {
            out.stdout.push_str("| | |\n|---|---|\n");
            for (k, v) in pairs {
                out.stdout
                    .push_str(&format!("| {k} | {} |\n", v.replace('|', "\\|")));
            }
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

/// `daxin rules --board B --date D`.
pub fn rules_cmd(
    board: &str,
    date: &Option<String>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let board: Board = board.parse()?;
    let day = day_or_today("--date", date)?;
    let mut pairs = Vec::new();
    let mut warnings = Vec::new();
    let lot = board::lot_rule(board, day)?;
    pairs.push((
        t(lang, "中签单位 / 每手", "shares per lot").to_string(),
        match lot.shares {
            Some(n) => format!("{n} — {}", lot.note),
            None => lot.note.to_string(),
        },
    ));
    pairs.push((t(lang, "  来源", "  source").into(), lot.source.to_string()));
    let sub = rules::subscription_rule(board, day).ok();
    if let Some(s) = sub {
        if s.status == RuleStatus::Unclear {
            warnings.push(format!("subscription rule marked UNCLEAR: {}", s.note));
        }
        let quota = match s.mv_per_unit {
            Some(v) => format!(
                "¥{v} {} ({})",
                t(lang, "市值 / 单位", "of market value per unit"),
                s.pool
            ),
            None => t(lang, "现金申购，全额缴款", "cash, paid in full").to_string(),
        };
        let cap = format!(
            "{}‰ {}{}",
            num::trim(s.cap_fraction * Decimal::from(1000)),
            t(lang, "网上初始发行量", "of the initial online shares"),
            s.cap_max.map(|m| format!(", ≤ {m}")).unwrap_or_default()
        );
        pairs.push((
            t(lang, "申购额度", "subscription quota").into(),
            format!("{quota}; {} {cap}", t(lang, "上限", "cap")),
        ));
        pairs.push((t(lang, "  说明", "  note").into(), s.note.to_string()));
        pairs.push((t(lang, "  来源", "  source").into(), s.source.to_string()));
    }
    let tr = rules::trading_rule(board, day)?;
    if tr.status == RuleStatus::Unclear {
        warnings.push(format!("trading rule marked UNCLEAR: {}", tr.note));
    }
    let band = match (tr.first_day_up_pct, tr.first_day_down_pct) {
        (Some(u), Some(d)) => format!(
            "+{u}% / −{d}% {}",
            t(
                lang,
                "（相对发行价，四舍五入至分）",
                "of the issue price, half-up to the fen"
            )
        ),
        _ if tr.no_limit_days > 0 => format!(
            "{} {} {}",
            t(lang, "前", "none for the first"),
            tr.no_limit_days,
            t(lang, "个交易日不设涨跌幅", "trading day(s)")
        ),
        _ => t(lang, "无", "none").to_string(),
    };
    pairs.push((t(lang, "首日价格区间", "first-day band").into(), band));
    pairs.push((
        t(lang, "此后每日涨跌幅", "daily limit afterwards").into(),
        tr.daily_limit_pct
            .map(|p| {
                format!(
                    "±{p}% {}",
                    t(
                        lang,
                        "（前收盘价，四舍五入至分）",
                        "of the previous close, half-up to the fen"
                    )
                )
            })
            .unwrap_or_else(|| t(lang, "无", "none").into()),
    ));
    pairs.push((
        t(lang, "临时停牌", "temporary halts").into(),
        tr.halts.to_string(),
    ));
    pairs.push((
        t(lang, "最小价位", "tick").into(),
        if board == Board::Hkex {
            t(
                lang,
                "按价位表（daxin::tick）",
                "HKEX spread table by price band",
            )
            .to_string()
        } else {
            "0.01".to_string()
        },
    ));
    pairs.push((t(lang, "  说明", "  note").into(), tr.note.to_string()));
    pairs.push((t(lang, "  来源", "  source").into(), tr.source.to_string()));
    for w in &warnings {
        pairs.push((t(lang, "注意", "warning").into(), w.clone()));
    }
    let mut v = json!({
        "board": board.id(), "date": day.to_string(),
        "lot": lot, "subscription": sub, "trading": tr, "warnings": warnings,
    });
    if explain {
        // which dated row of each table the day picked
        let mut working = vec![format!(
            "{}: {}",
            t(lang, "中签单位", "lot"),
            explain::in_period(lot.from, lot.to, day, lang)
        )];
        if let Some(s) = sub {
            working.push(format!(
                "{}: {}",
                t(lang, "申购额度", "subscription"),
                explain::in_period(s.from, s.to, day, lang)
            ));
        }
        working.push(format!(
            "{}: {}",
            t(lang, "涨跌幅", "trading"),
            explain::in_period(tr.from, tr.to, day, lang)
        ));
        for w in &working {
            pairs.push((t(lang, "计算", "working").into(), w.clone()));
        }
        v["working"] = json!(working);
    }
    Ok(kv_output(&pairs, fmt, v))
}

/// `daxin limits`.
pub fn limits_cmd(
    a: &LimitsArgs,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let LimitsArgs {
        board,
        date,
        day,
        prev_close,
        issue_price,
    } = a;
    let board: Board = board.parse()?;
    let listed = day_or_today("--date", date)?;
    let prev = prev_close
        .as_deref()
        .map(|p| input::parse_price("--prev-close", p))
        .transpose()?;
    let issue = issue_price
        .as_deref()
        .map(|p| input::parse_price("--issue-price", p))
        .transpose()?;
    let rule = rules::trading_rule(board, listed)?;
    let n = match day {
        Some(d) => {
            let x = input::parse_decimal("--day", d)?;
            u32::try_from(x)
                .ok()
                .filter(|n| *n >= 1 && x.fract().is_zero())
                .ok_or_else(|| {
                    daxin::Error::invalid("--day", d, "a trading day from 1 (the listing day)")
                })?
        }
        None if prev.is_none() => 1,
        None => (rule.no_limit_days + 1).max(2),
    };
    let l = rules::limits(
        board,
        listed,
        n,
        issue.map(|p| p.get()),
        prev.map(|p| p.get()),
    )?;
    let mut pairs = vec![
        (
            t(lang, "涨停价", "up limit").to_string(),
            l.up.map(|x| fixed(x, 2)).unwrap_or_else(|| "—".into()),
        ),
        (
            t(lang, "跌停价", "down limit").to_string(),
            l.down.map(|x| fixed(x, 2)).unwrap_or_else(|| "—".into()),
        ),
        (t(lang, "交易日", "trading day").to_string(), n.to_string()),
        (t(lang, "依据", "rule").to_string(), l.why.clone()),
        (
            t(lang, "来源", "source").to_string(),
            rule.source.to_string(),
        ),
    ];
    let mut v = json!({
        "up": opt_s(l.up, 2), "down": opt_s(l.down, 2), "day": n, "rule": l.why, "source": rule.source,
    });
    if explain {
        // the exact product and the price half-up to the fen, or why none
        let working = match l.working.is_empty() {
            true => vec![l.why.clone()],
            false => l.working.clone(),
        };
        for w in &working {
            pairs.push((t(lang, "计算", "working").to_string(), w.clone()));
        }
        v["working"] = json!(working);
    }
    Ok(kv_output(&pairs, fmt, v))
}

/// `daxin path`.
pub fn path_cmd(a: &PathArgs, fmt: Format, lang: Lang, explain: bool) -> Result<Output, CliError> {
    let PathArgs {
        issue_price: issue,
        board,
        date,
        days,
        lot_size,
    } = a;
    let issue = input::parse_price("--issue-price", issue)?;
    let board: Board = board.parse()?;
    let listed = input::parse_date("--date", date)?;
    let n = input::parse_shares("--days", days)?.get();
    let n = u32::try_from(n)
        .map_err(|_| daxin::Error::invalid("--days", days, "give 1 to 250 days"))?;
    let lot = match lot_size {
        Some(l) => input::parse_shares("--lot-size", l)?.get(),
        None => board::lot_rule(board, listed)?
            .shares
            .ok_or_else(|| daxin::Error::missing("--lot-size", "this board sets lots per IPO"))?,
    };
    let path = rules::limit_up_path(board, listed, issue.get(), lot, n)?;
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            let v = json!({
                "issue_price": fixed(issue.get(), 2), "lot_shares": lot,
                "days": path.iter().map(|d| json!({
                    "day": d.day, "price": fixed(d.price, 2), "profit_per_lot": fixed(d.profit_per_lot, 2),
                    "gain_pct": fixed(d.gain_pct, 2),
                })).collect::<Vec<_>>(),
            });
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        _ => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let head = [
                t(lang, "交易日", "day"),
                t(lang, "涨停收盘价", "limit-up close"),
                t(lang, "较发行价", "gain"),
                t(lang, "每签盈利", "profit per lot"),
            ];
            let rows: Vec<Vec<String>> = path
                .iter()
                .map(|d| {
                    vec![
                        d.day.to_string(),
                        fixed(d.price, 2),
                        format!("{}%", fixed(d.gain_pct, 2)),
                        group(d.profit_per_lot, 2),
                    ]
                })
                .collect();
            if fmt == Format::Csv {
                let _ = w.write_record(head);
                for r in &rows {
                    let _ = w.write_record(r);
                }
                out.stdout =
                    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
            } else {
                out.stdout = super::render::simple_table(
                    head.iter().map(|s| s.to_string()).collect(),
                    rows,
                    fmt == Format::Md,
                );
            }
            if explain {
                for d in &path {
                    out.stdout
                        .push_str(&format!("  day {}: {}\n", d.day, d.formula));
                }
            }
        }
    }
    Ok(out)
}

/// `daxin odds`.
pub fn odds_cmd(
    a: &OddsArgs,
    data: &Dataset,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let ipo = a.ipo.as_deref().map(|q| data.find(q)).transpose()?;
    if a.allotment.is_some() {
        return super::allotment::odds_cmd(a, ipo, fmt, lang, explain);
    }
    let board: Board = match (&a.board, ipo) {
        (Some(b), _) => b.parse()?,
        (None, Some(i)) => i
            .board
            .ok_or_else(|| daxin::Error::missing("--board", "the IPO has no board"))?,
        (None, None) => {
            return Err(daxin::Error::missing("--board", "give an IPO or --board").into())
        }
    };
    let date = match (&a.date, ipo) {
        (Some(d), _) => input::parse_date("--date", d)?,
        (None, Some(i)) => i
            .subscription_date
            .or(i.listing_date)
            .ok_or_else(|| daxin::Error::missing("--date", "the IPO has no dates"))?,
        (None, None) => today(),
    };
    if board == Board::Bse {
        return bse_odds_cmd(a, date, fmt, lang);
    }
    if board == Board::Hkex {
        return Err(daxin::Error::missing(
            "--allotment",
            "Hong Kong odds come from an allotment basis table (CSV)",
        )
        .into());
    }
    let sub = rules::subscription_rule(board, date)?;
    let mv_raw = match sub.pool {
        "sh" => a.sh.as_deref().ok_or_else(|| {
            daxin::Error::missing(
                "--sh",
                format!("{} counts Shanghai market value", board.name_en()),
            )
        })?,
        _ => a.sz.as_deref().ok_or_else(|| {
            daxin::Error::missing(
                "--sz",
                format!("{} counts Shenzhen market value", board.name_en()),
            )
        })?,
    };
    let flag = if sub.pool == "sh" { "--sh" } else { "--sz" };
    let mv = input::parse_amount(flag, mv_raw)?;
    if mv < Decimal::ZERO {
        return Err(
            daxin::Error::invalid(flag, mv_raw, "a market value cannot be negative").into(),
        );
    }
    let mut notes = Vec::new();
    let rate = match (&a.win_rate, ipo) {
        (Some(r), _) => input::parse_percent("--win-rate", r)?,
        (None, Some(i)) => i
            .win_rates
            .iter()
            .find(|(k, _)| k == "final")
            .or(i.win_rates.first())
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                daxin::Error::missing("--win-rate", "the data has no 中签率 for this IPO")
            })?,
        (None, None) => {
            return Err(daxin::Error::missing("--win-rate", "give the 中签率 in percent").into())
        }
    };
    let cap = match (&a.cap, ipo) {
        (Some(c), _) => Some(input::parse_shares("--cap", c)?.get()),
        (None, Some(i)) => match (i.cap_shares, i.online_initial_shares) {
            (Some(c), _) => Some(c.get()),
            (None, Some(o)) => {
                let c = odds::cap_from_online(board, date, o.get())?;
                notes.push(format!(
                    "cap {c} derived by the 1‰ rule from {} initial online shares, rounded down to whole units (the published 申购上限 wins: give --cap)",
                    o.get()
                ));
                Some(c)
            }
            (None, None) => {
                notes.push(
                    "no cap in the data: only the rule's absolute cap applies; give --cap".into(),
                );
                None
            }
        },
        (None, None) => None,
    };
    if sub.status == RuleStatus::Unclear {
        notes.push(format!("rule marked UNCLEAR: {}", sub.note));
    }
    let o = odds::a_share_odds(&OddsInput {
        board,
        date,
        market_value: mv,
        cap_shares: cap,
        win_rate_pct: rate,
    })?;
    let basis: Basis = a.basis.as_deref().unwrap_or("close").parse()?;
    let profit = match (&a.profit_per_lot, ipo) {
        (Some(p), _) => Some(input::parse_amount("--profit-per-lot", p)?),
        (None, Some(i)) => {
            let s = returns::compute(i)?;
            s.at(basis).map(|f| f.profit_per_lot)
        }
        (None, None) => None,
    };
    let expected_profit = profit.map(|p| o.expected_profit(p)).transpose()?;
    let pct = |x: Decimal| format!("{}%", fixed(x * Decimal::ONE_HUNDRED, 6));
    let mut pairs = vec![
        (
            t(lang, "板块 / 申购日", "board / day").to_string(),
            format!("{} · {date}", board.id()),
        ),
        (
            t(lang, "市值", "market value").to_string(),
            format!("{} ({})", group(mv, 2), sub.pool),
        ),
        (
            t(lang, "申购单位", "units").to_string(),
            o.units.to_string(),
        ),
        (
            t(lang, "可申购股数", "quota (shares)").to_string(),
            format!(
                "{}{}",
                o.quota_shares,
                if o.capped {
                    t(lang, "（受上限约束）", " (capped)")
                } else {
                    ""
                }
            ),
        ),
        (
            t(lang, "配号数", "numbers").to_string(),
            o.numbers.to_string(),
        ),
        (
            t(lang, "中签率", "win rate").to_string(),
            format!("{}%", num::trim(rate)),
        ),
        (
            t(lang, "期望中签数", "expected lots").to_string(),
            num::trim(o.expected_lots),
        ),
        (
            t(
                lang,
                "至少中一签（独立抽签模型）",
                "P(≥1) independent draws",
            )
            .to_string(),
            pct(o.p_independent),
        ),
        (
            t(
                lang,
                "至少中一签（尾号摇号模型）",
                "P(≥1) tail-number lottery",
            )
            .to_string(),
            pct(o.p_tail_number),
        ),
    ];
    if let Some(e) = expected_profit {
        pairs.push((
            format!(
                "{} ({})",
                t(lang, "期望收益", "expected profit"),
                basis.id()
            ),
            group(e, 2),
        ));
    }
    if o.below_minimum {
        notes.push("below the ¥10,000 minimum market value: no subscription".into());
    }
    for n in &notes {
        pairs.push((t(lang, "注意", "note").into(), n.clone()));
    }
    if explain {
        let unit_mv = sub.mv_per_unit.unwrap_or(0);
        pairs.push(("explain".into(), format!(
            "⌊{} ÷ {unit_mv}⌋ = {} units × {} = {} shares{}; {} ÷ {} = {} numbers; {} × {}% = {}; 1 − (1 − {})^{} = {}; min(1, {}) = {}",
            group(mv, 2), o.units, o.unit_shares, u128::from(o.units) * u128::from(o.unit_shares),
            if o.capped { format!(" → cap {}", o.quota_shares) } else { String::new() },
            o.quota_shares, o.unit_shares, o.numbers, o.numbers, num::trim(rate), num::trim(o.expected_lots),
            num::trim(rate / Decimal::ONE_HUNDRED), o.numbers, fixed(o.p_independent, 12),
            num::trim(o.expected_lots), num::trim(o.p_tail_number),
        )));
    }
    let v = json!({
        "board": board.id(), "date": date.to_string(), "market_value": fixed(mv, 2),
        "units": o.units, "quota_shares": o.quota_shares, "numbers": o.numbers,
        "win_rate_pct": num::trim(rate),
        "expected_lots": num::trim(o.expected_lots),
        "p_at_least_one": fixed(o.p_independent, 12),
        "p_at_least_one_model": "independent draws",
        "p_at_least_one_tail_number": num::trim(o.p_tail_number),
        "expected_profit": expected_profit.map(|e| fixed(e, 2)),
        "profit_basis": basis.id(),
        "notes": notes,
    });
    Ok(kv_output(&pairs, fmt, v))
}

fn bse_odds_cmd(
    a: &OddsArgs,
    _date: NaiveDate,
    fmt: Format,
    lang: Lang,
) -> Result<Output, CliError> {
    let need = |v: &Option<String>, flag: &str| -> Result<u64, CliError> {
        let raw = v
            .as_deref()
            .ok_or_else(|| daxin::Error::missing(flag, "needed for BSE proportional allotment"))?;
        Ok(input::parse_shares(flag, raw)?.get())
    };
    let applied = need(&a.apply, "--apply")?;
    let online = need(&a.online_shares, "--online-shares")?;
    let valid = need(&a.valid_shares, "--valid-shares")?;
    let price = input::parse_price(
        "--issue-price",
        a.issue_price
            .as_deref()
            .ok_or_else(|| daxin::Error::missing("--issue-price", "the cash to pay"))?,
    )?;
    let b = odds::bse_allotment(applied, online, valid, price.get())?;
    let pairs = vec![
        (
            t(lang, "申购股数", "applied").to_string(),
            b.applied.to_string(),
        ),
        (
            t(lang, "获配比例", "ratio").to_string(),
            format!("{}%", fixed(b.ratio * Decimal::ONE_HUNDRED, 6)),
        ),
        (
            t(lang, "确定获配", "certain allotment").to_string(),
            format!("{} {}", b.base_shares, t(lang, "股", "shares")),
        ),
        (
            t(lang, "余股参与排序", "remainder in the queue").to_string(),
            num::trim(b.remainder),
        ),
        (
            t(lang, "需缴资金", "cash needed").to_string(),
            group(b.cash_needed, 2),
        ),
        (
            t(lang, "确保获配100股需申购", "apply to be sure of 100").to_string(),
            format!(
                "{} ({})",
                b.sure_of_100_shares,
                group(b.cash_for_sure_100, 2)
            ),
        ),
    ];
    let v = json!({
        "applied": b.applied, "ratio": b.ratio.normalize().to_string(), "base_shares": b.base_shares,
        "remainder": b.remainder.normalize().to_string(), "cash_needed": fixed(b.cash_needed, 2),
        "sure_of_100_shares": b.sure_of_100_shares, "cash_for_sure_100": fixed(b.cash_for_sure_100, 2),
    });
    Ok(kv_output(&pairs, fmt, v))
}
