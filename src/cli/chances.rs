//! `daxin rules`, `limits`, `path` and `odds`: flags validated here, the
//! figures from `daxin::rules` and `daxin::odds`, printed here.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use daxin::board::Board;
use daxin::data::Dataset;
use daxin::input::{self, opt};
use daxin::num::{self, fixed, group};
use daxin::report::odds::{BseReport, OddsReport, OddsRequest};
use daxin::report::rules::{pool_words, LimitsReport, PathReport, RulesReport};
use daxin::Lang;

use super::args::{Format, LimitsArgs, OddsArgs, PathArgs};
use super::draw::{csv_records, json, kv_output, render_table, t};
use super::{today, CliError, Output};

fn day_or_today(flag: &str, raw: &Option<String>) -> Result<NaiveDate, CliError> {
    Ok(match raw {
        Some(d) => input::parse_date(flag, d)?,
        None => today(),
    })
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
    let label = |zh: &'static str, en: &'static str| t(lang, zh, en).to_string();
    let (note, source) = (label("  说明", "  note"), label("  来源", "  source"));
    let mut pairs = vec![
        (label("中签单位 / 每手", "shares per lot"), r.lot_text(lang)),
        (source.clone(), r.lot.source.to_string()),
    ];
    if let (Some(s), Some(quota)) = (r.subscription, r.quota_text(lang)) {
        pairs.push((label("申购额度", "subscription quota"), quota));
        pairs.push((note.clone(), s.note(lang).to_string()));
        pairs.push((source.clone(), s.source.to_string()));
    }
    let tr = r.trading;
    pairs.extend([
        (label("首日价格区间", "first-day band"), r.band_text(lang)),
        (
            label("此后每日涨跌幅", "daily limit afterwards"),
            r.daily_text(lang),
        ),
        (
            label("临时停牌", "temporary halts"),
            tr.halts(lang).to_string(),
        ),
        (label("最小价位", "tick"), r.tick_text(lang).to_string()),
        (note, tr.note(lang).to_string()),
        (source, tr.source.to_string()),
    ]);
    for w in r.warnings.texts() {
        pairs.push((label("注意", "warning"), w));
    }
    for w in r.working.iter().flatten() {
        pairs.push((label("计算", "working"), w.clone()));
    }
    Ok(kv_output(&pairs, fmt, &r))
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
    let day = |flag: &str, raw: &str| {
        let why = daxin::why!(
            "a trading day from 1 (the listing day)",
            "从 1 起的交易日（上市日为第 1 日）"
        );
        input::parse_whole(flag, raw, 1..=u64::from(u32::MAX), why).map(|d| d as u32)
    };
    let r = LimitsReport::build(
        board,
        listed,
        opt("--day", a.day.as_deref(), day)?,
        opt(
            "--issue-price",
            a.issue_price.as_deref(),
            input::parse_price,
        )?,
        opt("--prev-close", a.prev_close.as_deref(), input::parse_price)?,
        lang,
        explain,
    )?;
    let limit = |x: Option<Decimal>| x.map(|x| fixed(x, 2)).unwrap_or_else(|| "—".into());
    let label = |zh: &'static str, en: &'static str| t(lang, zh, en).to_string();
    let mut pairs = vec![
        (label("涨停价", "up limit"), limit(r.up)),
        (label("跌停价", "down limit"), limit(r.down)),
        (label("交易日", "trading day"), r.day.to_string()),
        (label("依据", "rule"), r.why.clone()),
        (label("来源", "source"), r.source.to_string()),
    ];
    for w in r.working.iter().flatten() {
        pairs.push((label("计算", "working"), w.clone()));
    }
    Ok(kv_output(&pairs, fmt, &r))
}

/// `daxin path`.
pub fn path_cmd(a: &PathArgs, fmt: Format, lang: Lang, explain: bool) -> Result<Output, CliError> {
    let issue = input::parse_price("--issue-price", &a.issue_price)?;
    let board: Board = a.board.parse()?;
    let listed = input::parse_date("--date", &a.date)?;
    let n = input::parse_whole(
        "--days",
        &a.days,
        1..=250,
        daxin::why!("give 1 to 250 days", "请给出 1 到 250 天"),
    )? as u32;
    let lot = opt("--lot-size", a.lot_size.as_deref(), input::parse_shares)?;
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
    sheet: Option<&str>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let ipo = a.ipo.as_deref().map(|q| data.find(q)).transpose()?;
    if a.allotment.is_some() {
        return super::allotment::odds_cmd(a, ipo, sheet, fmt, lang, explain);
    }
    let mut req = OddsRequest::new(lang, today());
    req.explain = explain;
    req.ipo = ipo;
    req.board = a.board.as_deref().map(str::parse).transpose()?;
    req.date = opt("--date", a.date.as_deref(), input::parse_date)?;
    match req.board()? {
        Board::Bse => return bse_odds_cmd(a, fmt, lang, explain),
        Board::Hkex => {
            let why = daxin::why!(
                "Hong Kong odds come from an allotment basis table (CSV)",
                "港股的中签概率来自配售基准表（CSV）"
            );
            return Err(daxin::Error::missing("--allotment", why).into());
        }
        _ => {}
    }
    req.sh = opt("--sh", a.sh.as_deref(), input::parse_amount)?;
    req.sz = opt("--sz", a.sz.as_deref(), input::parse_amount)?;
    req.cap = opt("--cap", a.cap.as_deref(), input::parse_shares)?.map(|s| s.get());
    req.win_rate_pct =
        opt("--win-rate", a.win_rate.as_deref(), input::parse_rate)?.map(input::Rate::pct);
    req.basis = a.basis.as_deref().unwrap_or("close").parse()?;
    req.profit_per_lot = opt(
        "--profit-per-lot",
        a.profit_per_lot.as_deref(),
        input::parse_amount,
    )?;
    let o = OddsReport::build(&req)?;
    Ok(kv_output(&odds_pairs(&o, lang), fmt, &o))
}

/// The odds as label–value pairs.
fn odds_pairs(o: &OddsReport, lang: Lang) -> Vec<(String, String)> {
    let label = |zh: &'static str, en: &'static str| t(lang, zh, en).to_string();
    let pct = |x: Decimal| format!("{}%", fixed(x, 6));
    let board = match lang {
        Lang::Zh => o.board.name_zh(),
        Lang::En => o.board.id(),
    };
    let capped = if o.capped {
        t(lang, "（受上限约束）", " (capped)")
    } else {
        ""
    };
    let pool = pool_words(o.pool, lang);
    let mut pairs = vec![
        (
            label("板块 / 申购日", "board / day"),
            format!("{board} · {}", o.date),
        ),
        (
            label("市值", "market value"),
            format!("{} ({pool})", group(o.market_value, 2)),
        ),
        (label("申购单位", "units"), o.units.to_string()),
        (
            label("可申购股数", "quota (shares)"),
            format!("{}{capped}", o.quota_shares),
        ),
        (label("配号数", "numbers"), o.numbers.to_string()),
        (
            label("中签率", "win rate"),
            format!("{}%", num::trim(o.win_rate_pct)),
        ),
        (
            label("期望中签数", "expected lots"),
            num::trim(o.expected_lots),
        ),
        (
            label("至少中一签（独立抽签模型）", "P(≥1) independent draws"),
            pct(o.p_independent_pct()),
        ),
        (
            label("至少中一签（尾号摇号模型）", "P(≥1) tail-number lottery"),
            pct(o.p_tail_number_pct()),
        ),
    ];
    if let Some(e) = o.expected_profit {
        let basis = o.profit_words(lang);
        let what = t(lang, "期望收益", "expected profit");
        pairs.push((format!("{what} ({basis})"), group(e, 2)));
    }
    for n in o.warnings.texts() {
        pairs.push((label("注意", "note"), n));
    }
    if let Some(w) = &o.working {
        pairs.push((label("计算", "explain"), w.clone()));
    }
    pairs
}

fn bse_odds_cmd(a: &OddsArgs, fmt: Format, lang: Lang, explain: bool) -> Result<Output, CliError> {
    let need = |v: &Option<String>, flag: &str| -> Result<u64, CliError> {
        let raw = v.as_deref().ok_or_else(|| {
            daxin::Error::missing(
                flag,
                daxin::why!(
                    "needed for BSE proportional allotment",
                    "北交所按比例配售需要此项"
                ),
            )
        })?;
        Ok(input::parse_shares(flag, raw)?.get())
    };
    let applied = need(&a.apply, "--apply")?;
    let online = need(&a.online_shares, "--online-shares")?;
    let valid = need(&a.valid_shares, "--valid-shares")?;
    let price = input::parse_price(
        "--issue-price",
        a.issue_price.as_deref().ok_or_else(|| {
            daxin::Error::missing(
                "--issue-price",
                daxin::why!("the cash to pay", "需缴纳的资金"),
            )
        })?,
    )?;
    let b = BseReport::build(applied, online, valid, price.get(), lang, explain)?;
    let label = |zh: &'static str, en: &'static str| t(lang, zh, en).to_string();
    let sure = format!(
        "{} ({})",
        b.sure_of_100_shares,
        group(b.cash_for_sure_100, 2)
    );
    let mut pairs = vec![
        (label("申购股数", "applied"), b.applied.to_string()),
        (
            label("获配比例", "ratio"),
            format!("{}%", fixed(b.ratio_pct, 6)),
        ),
        (
            label("确定获配", "certain allotment"),
            format!("{} {}", b.base_shares, t(lang, "股", "shares")),
        ),
        (
            label("余股参与排序", "remainder in the queue"),
            num::trim(b.remainder),
        ),
        (label("需缴资金", "cash needed"), group(b.cash_needed, 2)),
        (
            label("确保获配100股需申购", "apply to be sure of 100"),
            sure,
        ),
    ];
    for w in b.working.iter().flatten() {
        pairs.push((label("计算", "working"), w.clone()));
    }
    Ok(kv_output(&pairs, fmt, &b))
}
