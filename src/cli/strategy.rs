//! `daxin strategy`: flags validated and files read here, the rows and the
//! figures from `daxin::strategy`, drawn here (table, Markdown, JSON, CSV).

use std::io::IsTerminal;
use std::path::Path;

use rust_decimal::Decimal;

use daxin::fees::{self, Broker, Schedule};
use daxin::import::SourceFormat;
use daxin::input as din;
use daxin::num::{self, fixed, group, percent};
use daxin::strategy::dist::{Distribution, Method};
use daxin::strategy::input::{self, Excluded, Subscription, Terms};
use daxin::strategy::note::{pool_words, split_text, why_text};
use daxin::strategy::plan::PlanFields;
use daxin::strategy::report::{build, Plan, Report};
use daxin::strategy::Pool;
use daxin::{Currency, Lang};

use super::args::{Common, Format, StrategyArgs};
use super::draw::{csv_of, json, render_table as simple_table, t};
use super::{CliError, Output};

/// The facts of every row of one file (the library tells them apart); a
/// spreadsheet is read as the CSV of its sheet, as batch reads it.
fn read_file(
    path: &Path,
    from: Option<SourceFormat>,
    sheet: Option<&str>,
) -> Result<Vec<input::RowFacts>, CliError> {
    let name = path.display().to_string();
    let bytes = super::read_table(path, &name, sheet)?;
    Ok(daxin::strategy::file::read(&bytes, &name, from)?)
}

/// The market values, the period, the split and the draws, validated.
fn plan(a: &StrategyArgs) -> Result<Plan, CliError> {
    let fields = PlanFields {
        sh: a.sh.as_deref(),
        sz: a.sz.as_deref(),
        total: a.total.as_deref(),
        step: a.step.as_deref(),
        from: a.from.as_deref(),
        to: a.to.as_deref(),
        basis: a.basis.as_deref(),
        accounts: a.accounts.as_deref(),
        samples: a.samples.as_deref(),
        seed: a.seed.as_deref(),
        fees: a.fees,
        no_star: a.no_star,
        no_chinext: a.no_chinext,
    };
    Ok(fields.validate("--")?)
}

/// The broker terms of `--fees`: the config's, then the flags.
fn broker(a: &StrategyArgs, common: &Common) -> Result<Broker, CliError> {
    let config = super::load_config(common.config.as_deref())?;
    let mut broker = config.terms(Currency::Cny).broker;
    if let Some(c) = &a.commission {
        broker.commission_rate = fees::parse_rate("--commission", c)?;
    }
    if let Some(m) = &a.min_commission {
        broker.min_commission = din::parse_fee("--min-commission", m)?;
    }
    Ok(broker)
}

/// Every row of every file: those that count, and those that do not.
fn rows(
    a: &StrategyArgs,
    sheet: Option<&str>,
    from: Option<SourceFormat>,
    terms: &Terms,
) -> Result<(Vec<Subscription>, Vec<Excluded>), CliError> {
    let mut facts = Vec::new();
    for f in &a.files {
        facts.extend(read_file(f, from, sheet)?);
    }
    Ok(input::resolve_all(&facts, terms))
}

/// Runs `daxin strategy`.
pub fn strategy_cmd(
    a: &StrategyArgs,
    common: &Common,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let plan = plan(a)?;
    let from: Option<SourceFormat> = a.layout.as_deref().map(str::parse).transpose()?;
    let broker = if a.fees {
        Some(broker(a, common)?)
    } else {
        None
    };
    let schedule = if a.fees {
        Some(Schedule::builtin()?)
    } else {
        None
    };
    let terms = Terms {
        basis: plan.basis,
        fees: schedule.as_ref().zip(broker),
        star: plan.star,
        chinext: plan.chinext,
    };
    let (subs, excluded) = rows(a, common.sheet.as_deref(), from, &terms)?;
    let mut bar: Option<indicatif::ProgressBar> = None;
    let mut progress = |done: u64| {
        if !std::io::stderr().is_terminal() {
            return;
        }
        let pb = bar.get_or_insert_with(|| {
            let style =
                indicatif::ProgressStyle::with_template("Monte Carlo {pos}/{len} {wide_bar} {eta}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            indicatif::ProgressBar::new(plan.samples).with_style(style)
        });
        pb.set_position(done);
    };
    let report = build(&subs, excluded, &plan, &mut progress)?;
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    let stdout = match fmt {
        Format::Json => json(&report.to_json(lang, explain)),
        Format::Csv => csv_rows(&report),
        Format::Table | Format::Md => text(&report, lang, explain, a.rows, fmt == Format::Md),
    };
    Ok(Output {
        stdout,
        ..Output::default()
    })
}

fn money(x: Decimal) -> String {
    group(x, 2)
}

fn pct(x: Decimal) -> String {
    format!("{}%", fixed(x, 2))
}

fn opct(x: Option<Decimal>) -> String {
    x.map(pct).unwrap_or_else(|| "—".into())
}

fn omoney(x: Option<Decimal>) -> String {
    x.map(money).unwrap_or_else(|| "—".into())
}

const CSV_HEADER: [&str; 16] = [
    "line",
    "code",
    "name",
    "board",
    "pool",
    "date",
    "win_rate_pct",
    "cap_shares",
    "full_quota_mv",
    "mv",
    "numbers",
    "expected_lots",
    "p_at_least_one",
    "profit_per_lot",
    "fees_per_lot",
    "expected_profit",
];

/// One CSV row per IPO counted, plain numbers (RFC 4180).
fn csv_rows(r: &Report) -> String {
    let rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|x| {
            vec![
                x.line.map(|l| l.to_string()).unwrap_or_default(),
                x.code.clone(),
                x.name.clone(),
                x.board.id().to_string(),
                x.pool.id().to_string(),
                x.date.to_string(),
                num::trim(x.win_rate_pct),
                x.cap_shares.to_string(),
                x.full_quota_mv.map(|v| fixed(v, 2)).unwrap_or_default(),
                fixed(x.mv, 2),
                x.numbers.to_string(),
                num::trim(x.expected_lots),
                num::trim(x.p_at_least_one),
                fixed(x.profit_per_lot, 2),
                fixed(x.fees_per_lot, 2),
                fixed(x.expected_profit, 2),
            ]
        })
        .collect();
    csv_of(&CSV_HEADER, &rows)
}

/// A section's heading: a line of its own, `###` in Markdown.
fn heading(s: &mut String, title: &str, md: bool) {
    let hashes = if md { "### " } else { "" };
    s.push_str(&format!("\n{hashes}{title}\n"));
}

/// The table and Markdown output, section by section.
fn text(r: &Report, lang: Lang, explain: bool, all_rows: bool, md: bool) -> String {
    let mut s = format!("{}\n", r.title(lang));
    let step = r.marginal.first().map(|m| m.step).unwrap_or_default();
    s.push_str(&totals(r, lang, step, md));
    heading(&mut s, t(lang, "结果分布", "The spread of outcomes"), md);
    s.push_str(&spread(&r.distribution, lang, md));
    if !r.curve.is_empty() {
        let title = t(
            lang,
            "市值与收益（集思录式理论收益表）",
            "Market value → expected profit",
        );
        heading(&mut s, title, md);
        s.push_str(&curve(r, lang, step, md));
    }
    if let Some(b) = &r.best_split {
        heading(&mut s, t(lang, "最优分配", "Best split"), md);
        s.push_str(&format!("{}\n", split_text(b, lang)));
        if b.accounts > 1 {
            s.push_str(&allocations(b, lang, md));
        }
    }
    s.push_str(&per_ipo(r, lang, all_rows, md));
    s.push_str(&not_counted(r, lang, all_rows, md));
    heading(&mut s, t(lang, "假设与说明", "Assumptions and notes"), md);
    for n in &r.notes {
        s.push_str(&format!("- {}\n", n.text(lang)));
    }
    if explain {
        heading(&mut s, t(lang, "计算过程", "Working"), md);
        for w in &r.working {
            s.push_str(&format!("  {}: {}\n", w.label.text(lang), w.formula));
        }
        for x in &r.rows {
            s.push_str(&format!("  {} {}: {}\n", x.code, x.name, x.working));
        }
    }
    s
}

fn marginal_head(lang: Lang, step: Decimal) -> String {
    format!("{} ({})", t(lang, "增量收益率", "marginal"), group(step, 0))
}

/// Each exchange's totals and both together.
fn totals(r: &Report, lang: Lang, step: Decimal, md: bool) -> String {
    let mut head: Vec<String> = [
        ("市场", "exchange"),
        ("市值", "market value"),
        ("新股", "IPOs"),
        ("预期中签", "expected lots"),
        ("预期收益", "expected profit"),
        ("收益率", "return"),
        ("年化", "annualised"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    head.push(marginal_head(lang, step));
    head.push(t(lang, "最大顶格市值", "largest full quota").to_string());
    let mut rows: Vec<Vec<String>> = [(Pool::Sh, &r.sh), (Pool::Sz, &r.sz)]
        .iter()
        .map(|(p, x)| {
            vec![
                pool_words(*p, lang).to_string(),
                money(x.mv),
                x.ipos.to_string(),
                fixed(x.expected_lots, 6),
                money(x.expected_profit),
                opct(x.return_pct),
                opct(x.annualised_pct),
                pct(x.marginal_pct),
                omoney(x.full_quota_mv),
            ]
        })
        .collect();
    rows.push(vec![
        t(lang, "合计", "total").to_string(),
        money(r.total_mv()),
        r.ipos.to_string(),
        fixed(r.total_expected_lots(), 6),
        money(r.expected_profit),
        opct(r.return_pct),
        opct(r.annualised_pct),
        String::new(),
        String::new(),
    ]);
    simple_table(head, rows, md)
}

/// P(no win), the percentiles, how they were found, and the lots won.
fn spread(d: &Distribution, lang: Lang, md: bool) -> String {
    let mut s = format!("{}\n", d.summary(lang));
    let mc = matches!(d.method, Method::MonteCarlo { .. });
    let mut head = vec![
        t(lang, "分位", "percentile").to_string(),
        t(lang, "收益", "profit").to_string(),
    ];
    if mc {
        head.push(t(lang, "95%区间", "95% interval").to_string());
    }
    let rows: Vec<Vec<String>> = d
        .percentiles
        .iter()
        .map(|p| {
            let mut row = vec![format!("P{}", p.q), money(p.profit)];
            if mc {
                let (lo, hi) = (p.low.map(money), p.high.map(money));
                row.push(format!(
                    "{} – {}",
                    lo.unwrap_or_default(),
                    hi.unwrap_or_default()
                ));
            }
            row
        })
        .collect();
    s.push_str(&simple_table(head, rows, md));
    if md {
        s.push('\n');
    }
    s.push_str(&format!("{}\n", d.method_text(lang)));
    if md {
        s.push_str("\n```text\n");
    }
    s.push_str(t(lang, "中签数分布（精确）：\n", "lots won (exact):\n"));
    for b in d.histogram() {
        if b.tail {
            s.push_str(&format!("  ≥{:>3}  {:>10}\n", b.lots, percent(b.p, 4)));
        } else {
            let bar = "█".repeat(b.width);
            s.push_str(&format!(
                "  {:>4}  {:>10}  {bar}\n",
                b.lots,
                percent(b.p, 4)
            ));
        }
    }
    if md {
        s.push_str("```\n");
    }
    s
}

/// 市值 → expected profit, return and marginal return, per exchange.
fn curve(r: &Report, lang: Lang, step: Decimal, md: bool) -> String {
    let mut head: Vec<String> = [
        ("市场", "exchange"),
        ("市值", "market value"),
        ("预期收益", "expected profit"),
        ("收益率", "return"),
        ("年化", "annualised"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    head.push(marginal_head(lang, step));
    let rows = r
        .curve
        .iter()
        .map(|c| {
            vec![
                pool_words(c.pool, lang).to_string(),
                money(c.mv),
                money(c.expected_profit),
                pct(c.return_pct),
                opct(c.annualised_pct),
                pct(c.marginal_pct),
            ]
        })
        .collect();
    simple_table(head, rows, md)
}

/// The best split's value per account and exchange.
fn allocations(b: &daxin::strategy::split::BestSplit, lang: Lang, md: bool) -> String {
    let head = [
        ("账户", "account"),
        ("市场", "exchange"),
        ("市值", "market value"),
        ("预期收益", "expected profit"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let rows = b
        .allocations
        .iter()
        .map(|x| {
            vec![
                x.account.to_string(),
                pool_words(x.pool, lang).to_string(),
                money(x.mv),
                money(x.expected_profit),
            ]
        })
        .collect();
    simple_table(head, rows, md)
}

/// Every IPO counted (up to 20 unless `--rows`), else where to find them.
fn per_ipo(r: &Report, lang: Lang, all_rows: bool, md: bool) -> String {
    if r.rows.is_empty() {
        return String::new();
    }
    if !all_rows && r.rows.len() > 20 {
        let n = r.rows.len();
        return match lang {
            Lang::Zh => format!("\n（{n} 只新股的逐只数据见 --rows、--format csv 或 json）\n"),
            Lang::En => {
                format!("\n(per-IPO figures of the {n} IPOs: --rows, --format csv or json)\n")
            }
        };
    }
    let mut s = String::new();
    heading(&mut s, t(lang, "逐只新股", "Per IPO"), md);
    let head = [
        ("代码", "code"),
        ("名称", "name"),
        ("日期", "date"),
        ("中签率", "win rate"),
        ("顶格市值", "full quota"),
        ("配号", "numbers"),
        ("预期中签", "expected lots"),
        ("至少一签", "P(≥1)"),
        ("每签收益", "profit/lot"),
        ("预期收益", "expected"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let rows = r
        .rows
        .iter()
        .map(|x| {
            vec![
                x.code.clone(),
                x.name.clone(),
                x.date.to_string(),
                format!("{}%", num::trim(x.win_rate_pct)),
                omoney(x.full_quota_mv),
                x.numbers.to_string(),
                fixed(x.expected_lots, 6),
                percent(x.p_at_least_one, 4),
                money(x.profit_per_lot),
                money(x.expected_profit),
            ]
        })
        .collect();
    s.push_str(&simple_table(head, rows, md));
    s
}

/// The rows not counted, with why (15 unless `--rows`).
fn not_counted(r: &Report, lang: Lang, all_rows: bool, md: bool) -> String {
    let mut s = String::new();
    if r.excluded.is_empty() {
        return s;
    }
    heading(&mut s, t(lang, "未计入的行", "Rows not counted"), md);
    let shown = if all_rows { r.excluded.len() } else { 15 };
    for e in r.excluded.iter().take(shown) {
        let line = e.line.map(|l| format!("{l}: ")).unwrap_or_default();
        let why = why_text(&e.why, lang);
        s.push_str(&format!("  {line}{} {} — {why}\n", e.code, e.name));
    }
    if let Some(more) = r.excluded.len().checked_sub(shown).filter(|n| *n > 0) {
        s.push_str(&match lang {
            Lang::Zh => format!("  …另 {more} 行（--rows 全部列出）\n"),
            Lang::En => format!("  … {more} more (--rows lists all)\n"),
        });
    }
    s
}
