//! `daxin odds --allotment FILE`: the flags validated and the file read
//! here, the report from `daxin::report::allotment`, drawn here in the
//! chosen language and format.

use rust_decimal::Decimal;

use daxin::allotment::note::pool_name;
use daxin::allotment::tiers::{CheckKind, Stated, TierFigures};
use daxin::input::{self, opt};
use daxin::num::{fixed, group, percent, trim};
use daxin::report::allotment::{AllotmentOdds, AllotmentRequest};
use daxin::{Ipo, Lang};

use super::args::{Format, OddsArgs};
use super::draw::{csv_of, json, render_table, t};
use super::{today, CliError, Output};

fn count(flag: &str, v: &Option<String>) -> Result<Option<u64>, CliError> {
    Ok(opt(flag, v.as_deref(), input::parse_shares)?.map(|s| s.get()))
}

fn budget(raw: Option<&str>) -> Result<Option<Decimal>, CliError> {
    let Some(b) = raw else { return Ok(None) };
    let x = input::parse_amount("--budget", b)?;
    if x <= Decimal::ZERO {
        let why = daxin::why!(
            "give the money for one application, above zero",
            "请给出一次申购的金额，须大于零"
        );
        return Err(daxin::Error::invalid("--budget", b, why).into());
    }
    Ok(Some(x))
}

/// The flags, each validated on its own.
fn request<'a>(
    a: &OddsArgs,
    ipo: Option<&'a Ipo>,
    lang: Lang,
    explain: bool,
) -> Result<AllotmentRequest<'a>, CliError> {
    let mut req = AllotmentRequest::new(lang, today());
    req.explain = explain;
    req.ipo = ipo;
    req.lot = count("--lot-size", &a.lot_size)?;
    req.price = opt(
        "--issue-price",
        a.issue_price.as_deref(),
        input::parse_price,
    )?
    .map(|p| p.get());
    req.date = opt("--date", a.date.as_deref(), input::parse_date)?;
    let fee = opt(
        "--handling-fee",
        a.handling_fee.as_deref(),
        input::parse_fee,
    )?;
    req.handling_fee = fee.unwrap_or_default();
    req.basis = a.basis.as_deref().unwrap_or("close").parse()?;
    req.profit_per_lot = opt(
        "--profit-per-lot",
        a.profit_per_lot.as_deref(),
        input::parse_amount,
    )?;
    req.budget = budget(a.budget.as_deref())?;
    req.stated = Stated {
        valid_applications: count("--valid-applications", &a.valid_applications)?,
        successful: count("--successful", &a.successful)?,
        offer_shares: count("--offer-shares", &a.offer_shares)?,
    };
    Ok(req)
}

/// `daxin odds --allotment FILE [IPO] …`: exit code 1 when a check fails.
pub fn odds_cmd(
    a: &OddsArgs,
    ipo: Option<&Ipo>,
    sheet: Option<&str>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let path = a.allotment.as_ref().ok_or_else(|| {
        daxin::Error::missing(
            "--allotment",
            daxin::why!("the allotment results table", "配售结果表"),
        )
    })?;
    let origin = path.display().to_string();
    // a table saved from a spreadsheet is read as the CSV of its sheet
    let bytes = super::read_table(path, &format!("--allotment {origin}"), sheet)?;
    let req = request(a, ipo, lang, explain)?;
    let r = AllotmentOdds::build(&bytes, &format!("--allotment {origin}"), &req)?;
    let mut out = draw(&r, fmt, lang);
    for c in r.report.checks.iter().filter(|c| !c.ok) {
        out.stderr
            .push_str(&format!("daxin: {origin}: {}\n", c.text(lang)));
    }
    if !r.report.all_checks_ok() {
        out.code = 1;
    }
    Ok(out)
}

fn draw(r: &AllotmentOdds, fmt: Format, lang: Lang) -> Output {
    match fmt {
        Format::Json => Output {
            stdout: json(r),
            ..Output::default()
        },
        Format::Csv => csv(r, lang),
        Format::Table | Format::Md => Output {
            stdout: table(r, lang, fmt == Format::Md),
            ..Output::default()
        },
    }
}

const CSV_HEADER: [&str; 15] = [
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
];

/// One row per tier, plain numbers; the notes and working on stderr.
fn csv(r: &AllotmentOdds, lang: Lang) -> Output {
    let opt2 = |x: Option<Decimal>| x.map(|v| fixed(v, 2)).unwrap_or_default();
    let rows: Vec<Vec<String>> = r
        .report
        .tiers
        .iter()
        .map(|x| {
            vec![
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
                opt2(x.printed_pct),
                opt2(x.application_value),
                opt2(x.expected_profit),
                x.line.to_string(),
            ]
        })
        .collect();
    let notes = r.report.notes.iter().map(|n| n.text(lang));
    let stderr = notes
        .chain(r.working.iter().flatten().cloned())
        .map(|l| l + "\n")
        .collect();
    Output {
        stdout: csv_of(&CSV_HEADER, &rows),
        stderr,
        code: 0,
    }
}

fn tier_row(x: &TierFigures, lang: Lang) -> Vec<String> {
    let mark = match x.printed_pct {
        Some(p) if p == x.allotted_pct => " ✓",
        Some(_) => " ✗",
        None => "",
    };
    let money = |v: Option<Decimal>| v.map(|v| group(v, 2)).unwrap_or_default();
    vec![
        pool_name(x.pool, lang).to_string(),
        group(Decimal::from(x.shares_applied), 0),
        x.lots.to_string(),
        group(Decimal::from(x.applications), 0),
        percent(x.p_at_least_one, 4),
        fixed(x.expected_lots, 4),
        percent(x.per_lot_rate, 4),
        format!("{}%{mark}", fixed(x.allotted_pct, 2)),
        money(x.application_value),
        money(x.expected_profit),
    ]
}

/// The tiers as a table, then the summary, the checks, the notes and the
/// working, one line each.
fn table(r: &AllotmentOdds, lang: Lang, md: bool) -> String {
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
        match (lang, r.profit_given) {
            (Lang::Zh, true) => "期望收益（按给定每手收益）".to_string(),
            (Lang::En, true) => "expected profit (given per lot)".to_string(),
            (Lang::Zh, false) => format!("期望净收益（{}）", r.basis.name_zh()),
            (Lang::En, false) => format!("expected net ({})", r.basis.id()),
        },
    ];
    let rep = &r.report;
    let rows = rep.tiers.iter().map(|x| tier_row(x, lang)).collect();
    let mut s = render_table(head, rows, md);
    let mut lines = vec![rep.read_line(lang), rep.sure_line(lang)];
    lines.extend(rep.budget_lines(lang));
    lines.extend(rep.pct_summary(lang));
    let shown = |c: &&daxin::allotment::tiers::Check| c.kind != CheckKind::Percentage || !c.ok;
    lines.extend(rep.checks.iter().filter(shown).map(|c| c.text(lang)));
    let note = t(lang, "注意", "note");
    lines.extend(
        rep.notes
            .iter()
            .map(|n| format!("{note}: {}", n.text(lang))),
    );
    let work = t(lang, "计算", "working");
    lines.extend(r.working.iter().flatten().map(|w| format!("{work}: {w}")));
    // in Markdown the table ends with its blank line, and the lines are a list
    let bullet = if md { "- " } else { "" };
    for l in lines {
        s.push_str(&format!("{bullet}{l}\n"));
    }
    s
}
