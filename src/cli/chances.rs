//! `daxin rules`, `limits`, `path` and `odds`: flags validated here, the
//! figures from `daxin::rules` and `daxin::odds`, printed here.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use daxin::board::Board;
use daxin::data::Dataset;
use daxin::num::{self, fixed, group};
use daxin::report::odds::{BseReport, OddsReport, OddsRequest};
use daxin::report::rules::{LimitsReport, PathReport, RulesReport};
use daxin::{input, Lang};

use super::args::{Format, LimitsArgs, OddsArgs, PathArgs};
use super::draw::{csv_records, json, kv_output, render_table, t};
use super::{today, CliError, Output};

fn day_or_today(flag: &str, raw: &Option<String>) -> Result<NaiveDate, CliError> {
    Ok(match raw {
        Some(d) => input::parse_date(flag, d)?,
        None => today(),
    })
}

/// A board in `lang`: its id in English (`star`), its name in Chinese (科创板).
fn board_word(b: Board, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => b.name_zh(),
        Lang::En => b.id(),
    }
}

/// Which market value counts: `sh` / `sz` in English, 沪市 / 深市 in Chinese.
fn pool_name(pool: &str, lang: Lang) -> &str {
    match (pool, lang) {
        ("sh", Lang::Zh) => "沪市",
        ("sz", Lang::Zh) => "深市",
        (p, _) => p,
    }
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
    let r = RulesReport::build(board, day, lang, explain)?;
    let mut pairs = Vec::new();
    let lot = r.lot;
    pairs.push((
        t(lang, "中签单位 / 每手", "shares per lot").to_string(),
        match lot.shares {
            Some(n) => format!("{n} — {}", lot.note(lang)),
            None => lot.note(lang).to_string(),
        },
    ));
    pairs.push((t(lang, "  来源", "  source").into(), lot.source.to_string()));
    if let Some(s) = r.subscription {
        let quota = match s.mv_per_unit {
            Some(v) => format!(
                "¥{v} {} ({})",
                t(lang, "市值 / 单位", "of market value per unit"),
                pool_name(s.pool, lang)
            ),
            None => t(lang, "现金申购，全额缴款", "cash, paid in full").to_string(),
        };
        let cap = format!(
            "{}‰ {}{}",
            r.cap_permille().map(num::trim).unwrap_or_default(),
            t(lang, "网上初始发行量", "of the initial online shares"),
            s.cap_max.map(|m| format!(", ≤ {m}")).unwrap_or_default()
        );
        pairs.push((
            t(lang, "申购额度", "subscription quota").into(),
            format!("{quota}; {} {cap}", t(lang, "上限", "cap")),
        ));
        pairs.push((t(lang, "  说明", "  note").into(), s.note(lang).to_string()));
        pairs.push((t(lang, "  来源", "  source").into(), s.source.to_string()));
    }
    let tr = r.trading;
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
        tr.halts(lang).to_string(),
    ));
    pairs.push((
        t(lang, "最小价位", "tick").into(),
        if board == Board::Hkex {
            t(
                lang,
                "按港交所价位表（随价格分档）",
                "HKEX spread table by price band",
            )
            .to_string()
        } else {
            "0.01".to_string()
        },
    ));
    pairs.push((
        t(lang, "  说明", "  note").into(),
        tr.note(lang).to_string(),
    ));
    pairs.push((t(lang, "  来源", "  source").into(), tr.source.to_string()));
    for w in r.warnings.texts() {
        pairs.push((t(lang, "注意", "warning").into(), w));
    }
    for w in r.working.iter().flatten() {
        pairs.push((t(lang, "计算", "working").into(), w.clone()));
    }
    Ok(kv_output(&pairs, fmt, &r))
}

fn opt_price(flag: &str, raw: &Option<String>) -> Result<Option<input::Price>, CliError> {
    Ok(raw
        .as_deref()
        .map(|p| input::parse_price(flag, p))
        .transpose()?)
}

/// `daxin limits`.
pub fn limits_cmd(
    a: &LimitsArgs,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let board: Board = a.board.parse()?;
    let listed = day_or_today("--date", &a.date)?;
    let day = a
        .day
        .as_deref()
        .map(|d| -> Result<u32, CliError> {
            let x = input::parse_decimal("--day", d)?;
            Ok(u32::try_from(x)
                .ok()
                .filter(|n| *n >= 1 && x.fract().is_zero())
                .ok_or_else(|| {
                    daxin::Error::invalid("--day", d, "a trading day from 1 (the listing day)")
                })?)
        })
        .transpose()?;
    let r = LimitsReport::build(
        board,
        listed,
        day,
        opt_price("--issue-price", &a.issue_price)?,
        opt_price("--prev-close", &a.prev_close)?,
        lang,
        explain,
    )?;
    let limit = |x: Option<Decimal>| x.map(|x| fixed(x, 2)).unwrap_or_else(|| "—".into());
    let mut pairs = vec![
        (t(lang, "涨停价", "up limit").to_string(), limit(r.up)),
        (t(lang, "跌停价", "down limit").to_string(), limit(r.down)),
        (
            t(lang, "交易日", "trading day").to_string(),
            r.day.to_string(),
        ),
        (t(lang, "依据", "rule").to_string(), r.why.clone()),
        (t(lang, "来源", "source").to_string(), r.source.to_string()),
    ];
    for w in r.working.iter().flatten() {
        pairs.push((t(lang, "计算", "working").to_string(), w.clone()));
    }
    Ok(kv_output(&pairs, fmt, &r))
}

/// `daxin path`.
pub fn path_cmd(a: &PathArgs, fmt: Format, lang: Lang, explain: bool) -> Result<Output, CliError> {
    let issue = input::parse_price("--issue-price", &a.issue_price)?;
    let board: Board = a.board.parse()?;
    let listed = input::parse_date("--date", &a.date)?;
    let n = input::parse_shares("--days", &a.days)?.get();
    let n = u32::try_from(n)
        .map_err(|_| daxin::Error::invalid("--days", &a.days, "give 1 to 250 days"))?;
    let lot = a
        .lot_size
        .as_deref()
        .map(|l| input::parse_shares("--lot-size", l))
        .transpose()?;
    let r = PathReport::build(board, listed, issue, lot, n, lang, explain)?;
    let mut out = Output::default();
    if fmt == Format::Json {
        out.stdout = json(&r);
        return Ok(out);
    }
    let head = [
        t(lang, "交易日", "day"),
        t(lang, "涨停收盘价", "limit-up close"),
        t(lang, "较发行价", "gain"),
        t(lang, "每签盈利", "profit per lot"),
    ];
    let rows: Vec<Vec<String>> = r
        .days
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
    match fmt {
        Format::Csv => {
            out.stdout = csv_records(&r.days);
            for w in r.working.iter().flatten() {
                out.stderr.push_str(&format!("{w}\n"));
            }
        }
        _ => {
            let md = fmt == Format::Md;
            out.stdout = render_table(head.iter().map(|s| s.to_string()).collect(), rows, md);
            let bullet = if md { "- " } else { "  " };
            for w in r.working.iter().flatten() {
                out.stdout.push_str(&format!("{bullet}{w}\n"));
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
    let mut req = OddsRequest::new(lang, today());
    req.explain = explain;
    req.ipo = ipo;
    req.board = a.board.as_deref().map(str::parse).transpose()?;
    req.date = a
        .date
        .as_deref()
        .map(|d| input::parse_date("--date", d))
        .transpose()?;
    let board = req.board()?;
    if board == Board::Bse {
        return bse_odds_cmd(a, fmt, lang, explain);
    }
    if board == Board::Hkex {
        return Err(daxin::Error::missing(
            "--allotment",
            "Hong Kong odds come from an allotment basis table (CSV)",
        )
        .into());
    }
    let amount = |flag: &str, raw: &Option<String>| {
        raw.as_deref()
            .map(|v| input::parse_amount(flag, v))
            .transpose()
    };
    req.sh = amount("--sh", &a.sh)?;
    req.sz = amount("--sz", &a.sz)?;
    req.cap = a
        .cap
        .as_deref()
        .map(|c| input::parse_shares("--cap", c).map(|s| s.get()))
        .transpose()?;
    req.win_rate_pct = a
        .win_rate
        .as_deref()
        .map(|r| input::parse_rate("--win-rate", r).map(input::Rate::pct))
        .transpose()?;
    req.basis = a.basis.as_deref().unwrap_or("close").parse()?;
    req.profit_per_lot = amount("--profit-per-lot", &a.profit_per_lot)?;
    let o = OddsReport::build(&req)?;
    let pct = |x: Decimal| format!("{}%", fixed(x, 6));
    let mut pairs = vec![
        (
            t(lang, "板块 / 申购日", "board / day").to_string(),
            format!("{} · {}", board_word(o.board, lang), o.date),
        ),
        (
            t(lang, "市值", "market value").to_string(),
            format!("{} ({})", group(o.market_value, 2), pool_name(o.pool, lang)),
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
            format!("{}%", num::trim(o.win_rate_pct)),
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
            pct(o.p_independent_pct()),
        ),
        (
            t(
                lang,
                "至少中一签（尾号摇号模型）",
                "P(≥1) tail-number lottery",
            )
            .to_string(),
            pct(o.p_tail_number_pct()),
        ),
    ];
    if let Some(e) = o.expected_profit {
        pairs.push((
            format!(
                "{} ({})",
                t(lang, "期望收益", "expected profit"),
                match lang {
                    Lang::Zh => o.profit_basis.name_zh(),
                    Lang::En => o.profit_basis.id(),
                }
            ),
            group(e, 2),
        ));
    }
    for n in o.warnings.texts() {
        pairs.push((t(lang, "注意", "note").into(), n));
    }
    if let Some(w) = &o.working {
        pairs.push((t(lang, "计算", "explain").into(), w.clone()));
    }
    Ok(kv_output(&pairs, fmt, &o))
}

fn bse_odds_cmd(a: &OddsArgs, fmt: Format, lang: Lang, explain: bool) -> Result<Output, CliError> {
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
    let b = BseReport::build(applied, online, valid, price.get(), lang, explain)?;
    let mut pairs = vec![
        (
            t(lang, "申购股数", "applied").to_string(),
            b.applied.to_string(),
        ),
        (
            t(lang, "获配比例", "ratio").to_string(),
            format!("{}%", fixed(b.ratio_pct, 6)),
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
    for w in b.working.iter().flatten() {
        pairs.push((t(lang, "计算", "working").into(), w.clone()));
    }
    Ok(kv_output(&pairs, fmt, &b))
}
