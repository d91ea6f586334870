//! `daxin strategy`: flags and files validated here, the figures from
//! `daxin::strategy`, drawn here (table, Markdown, JSON, CSV).

use std::io::IsTerminal;
use std::path::Path;

use rust_decimal::Decimal;
use serde_json::Value;

use daxin::data::Dataset;
use daxin::fees::{self, Schedule};
use daxin::import::split::{Splitter, Step};
use daxin::import::{self, Layout, SourceFormat};
use daxin::num::{self, fixed, group};
use daxin::strategy::dist::Method;
use daxin::strategy::input::{self, Excluded, ProfitBasis, RowFacts, Terms};
use daxin::strategy::note::{basis_words, why_text};
use daxin::strategy::report::{build, Plan, Report};
use daxin::strategy::Pool;
use daxin::{input as din, Currency, Lang};

use super::args::{Format, StrategyArgs};
use super::draw::{render_table as simple_table, t};
use super::{CliError, Output};

fn io_err(what: &str, e: impl std::fmt::Display) -> CliError {
    CliError {
        msg: format!("{what}: {e}"),
        code: 2,
    }
}

/// The facts of every row of one file: daxin records (TOML, JSON, daxin
/// CSV) record by record, other tables row by row through the layout.
fn read_file(path: &Path, from: Option<SourceFormat>) -> Result<Vec<RowFacts>, CliError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| io_err(&format!("{name}: cannot read"), e))?;
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".toml") || lower.ends_with(".json") {
        let text = String::from_utf8(bytes).map_err(|e| io_err(&name, e))?;
        let records = Dataset::records_from_file_text(&text, &name)?;
        return Ok(records
            .iter()
            .map(|r| match &r.ipo {
                Ok(ipo) => input::from_ipo(ipo, Some(r.line)),
                Err(e) => RowFacts {
                    line: Some(r.line),
                    code: r.code.clone(),
                    name: r.name.clone(),
                    error: Some(e.to_string()),
                    ..RowFacts::default()
                },
            })
            .collect());
    }
    let (enc, skip) = import::sniff_encoding(&bytes[..bytes.len().min(64 * 1024)]);
    let text: String = if enc == encoding_rs::UTF_8 {
        String::from_utf8_lossy(&bytes[skip..]).into_owned()
    } else {
        enc.decode(&bytes).0.into_owned()
    };
    let first = text.lines().next().unwrap_or("");
    let delim = if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    let data = text.as_bytes();
    let mut splitter = Splitter::new(delim);
    let mut at = 0usize;
    let mut line = 1u64;
    let mut layout: Option<Layout> = None;
    let mut out = Vec::new();
    loop {
        match splitter.next(&data[at..], true) {
            Step::End | Step::NeedMore => break,
            Step::Skip { consumed, lines } => {
                at += consumed;
                line += lines;
            }
            Step::Row {
                row,
                consumed,
                lines,
                error,
            } => {
                let this = line;
                at += consumed;
                line += lines;
                let first_cell = row.fields().next().unwrap_or(&[]);
                if row.is_blank() && error.is_none() {
                    continue;
                }
                match &layout {
                    None => {
                        if first_cell.starts_with(b"#") {
                            continue;
                        }
                        if let Some(e) = error {
                            return Err(io_err(&format!("{name}: cannot read the header"), e));
                        }
                        let cells: Vec<String> = row
                            .fields()
                            .map(|c| String::from_utf8_lossy(c).into_owned())
                            .collect();
                        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                        let l = Layout::detect(&refs, from).map_err(|e| io_err(&name, e))?;
                        if l.format == SourceFormat::Daxin {
                            // daxin's own CSV: the records, with their rates and caps
                            let ds = Dataset::from_csv(&text, &name)?;
                            return Ok(ds
                                .ipos()
                                .iter()
                                .map(|i| input::from_ipo(i, None))
                                .collect());
                        }
                        layout = Some(l);
                    }
                    Some(l) => match error {
                        None => out.push(input::from_row(l, &row, this)),
                        Some(e) => out.push(RowFacts {
                            line: Some(this),
                            error: Some(e),
                            ..RowFacts::default()
                        }),
                    },
                }
            }
        }
    }
    if layout.is_none() {
        return Err(io_err(&name, "empty file: no header row"));
    }
    Ok(out)
}

fn amount(flag: &str, raw: &Option<String>) -> Result<Option<Decimal>, CliError> {
    let Some(r) = raw else { return Ok(None) };
    let v = din::parse_amount(flag, r)?;
    if v < Decimal::ZERO {
        return Err(daxin::Error::invalid(flag, r, "a market value cannot be negative").into());
    }
    Ok(Some(v))
}

fn count(flag: &str, raw: &Option<String>, default: u64, max: u64) -> Result<u64, CliError> {
    let Some(r) = raw else { return Ok(default) };
    let n = din::parse_decimal(flag, r)?;
    u64::try_from(n)
        .ok()
        .filter(|v| *v >= 1 && *v <= max && n.fract().is_zero())
        .ok_or_else(|| {
            daxin::Error::invalid(flag, r, format!("a whole number from 1 to {max}")).into()
        })
}

/// Runs `daxin strategy`.
pub fn strategy_cmd(
    a: &StrategyArgs,
    common: &super::args::Common,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let sh = amount("--sh", &a.sh)?.unwrap_or(Decimal::ZERO);
    let sz = amount("--sz", &a.sz)?.unwrap_or(Decimal::ZERO);
    let total = amount("--total", &a.total)?;
    if total.is_some_and(|t| t.is_zero()) {
        return Err(daxin::Error::invalid("--total", "0", "the total must be above zero").into());
    }
    if a.sh.is_none() && a.sz.is_none() && total.is_none() {
        return Err(daxin::Error::missing(
            "--sh",
            "give --sh and/or --sz (average market value, yuan), or --total to split",
        )
        .into());
    }
    let step = match &a.step {
        Some(s) => {
            let v = din::parse_amount("--step", s)?;
            if v <= Decimal::ZERO {
                return Err(
                    daxin::Error::invalid("--step", s, "the step must be above zero").into(),
                );
            }
            v
        }
        None => Decimal::from(10_000),
    };
    let from = a
        .from
        .as_deref()
        .map(|d| din::parse_date("--from", d))
        .transpose()?;
    let to =
        a.to.as_deref()
            .map(|d| din::parse_date("--to", d))
            .transpose()?;
    let basis: ProfitBasis = a.basis.as_deref().unwrap_or("close").parse()?;
    let accounts = count("--accounts", &a.accounts, 1, 20)?;
    let samples = count("--samples", &a.samples, 20_000, 10_000_000)?;
    let seed = match &a.seed {
        Some(s) => s
            .trim()
            .parse::<u64>()
            .map_err(|_| daxin::Error::invalid("--seed", s, "a whole number"))?,
        None => 1,
    };
    if accounts > 1 && total.is_none() {
        return Err(daxin::Error::missing("--total", "--accounts splits a --total").into());
    }
    let layout_from: Option<SourceFormat> = a.layout.as_deref().map(str::parse).transpose()?;
    let schedule;
    let fee_terms = if a.fees {
        let config = super::load_config(common.config.as_deref())?;
        let mut broker = config.terms(Currency::Cny).broker;
        if let Some(c) = &a.commission {
            broker.commission_rate = fees::parse_rate("--commission", c)?;
        }
        if let Some(m) = &a.min_commission {
            broker.min_commission = din::parse_fee("--min-commission", m)?;
        }
        schedule = Schedule::builtin()?;
        Some((&schedule, broker))
    } else {
        None
    };
    let terms = Terms {
        basis,
        fees: fee_terms,
        star: !a.no_star,
        chinext: !a.no_chinext,
    };
    let mut subs = Vec::new();
    let mut excluded: Vec<Excluded> = Vec::new();
    for f in &a.files {
        for facts in read_file(f, layout_from)? {
            match input::resolve(&facts, &terms) {
                Ok(s) => subs.push(s),
                Err(e) => excluded.push(e),
            }
        }
    }
    let plan = Plan {
        sh,
        sz,
        step,
        from,
        to,
        total,
        accounts: u32::try_from(accounts).unwrap_or(1),
        samples,
        seed,
        basis,
        fees: a.fees,
        star: terms.star,
        chinext: terms.chinext,
    };
    let mut bar: Option<indicatif::ProgressBar> = None;
    let mut progress = |done: u64| {
        if !std::io::stderr().is_terminal() {
            return;
        }
        let pb = bar.get_or_insert_with(|| {
            let pb = indicatif::ProgressBar::new(samples);
            pb.set_style(
                indicatif::ProgressStyle::with_template("Monte Carlo {pos}/{len} {wide_bar} {eta}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            pb
        });
        pb.set_position(done);
    };
    let report = build(&subs, excluded, &plan, &mut progress)?;
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    Ok(render(&report, fmt, lang, explain, a.rows))
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

/// A probability in percent with four decimals: 0.30099 → 30.0990%.
fn prob(p: Decimal) -> String {
    format!("{}%", fixed(p * Decimal::ONE_HUNDRED, 4))
}

fn pool_name(p: Pool, lang: Lang) -> &'static str {
    match (p, lang) {
        (Pool::Sh, Lang::Zh) => "沪市",
        (Pool::Sz, Lang::Zh) => "深市",
        (Pool::Sh, Lang::En) => "Shanghai",
        (Pool::Sz, Lang::En) => "Shenzhen",
    }
}

fn render(r: &Report, fmt: Format, lang: Lang, explain: bool, all_rows: bool) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => out.stdout = json(r, lang, explain),
        Format::Csv => out.stdout = csv_rows(r),
        Format::Table | Format::Md => {
            out.stdout = text(r, lang, explain, all_rows, fmt == Format::Md)
        }
    }
    out
}

fn json(r: &Report, lang: Lang, explain: bool) -> String {
    let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        let messages: Vec<Value> = r
            .notes
            .iter()
            .map(|n| Value::String(n.text(lang)))
            .collect();
        m.insert("messages".into(), Value::Array(messages));
        if let Some(Value::Array(ex)) = m.get_mut("excluded") {
            for (e, src) in ex.iter_mut().zip(&r.excluded) {
                if let Value::Object(o) = e {
                    o.insert("why_text".into(), Value::String(why_text(&src.why, lang)));
                }
            }
        }
        if explain {
            if let Some(Value::Array(w)) = m.get_mut("working") {
                for (x, src) in w.iter_mut().zip(&r.working) {
                    if let Value::Object(o) = x {
                        o.insert("label_text".into(), Value::String(src.label.text(lang)));
                    }
                }
            }
        } else {
            m.remove("working");
            if let Some(Value::Array(rows)) = m.get_mut("rows") {
                for row in rows {
                    if let Value::Object(o) = row {
                        o.remove("working");
                    }
                }
            }
        }
    }
    format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
}

/// One CSV row per IPO counted, plain numbers (RFC 4180).
fn csv_rows(r: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
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
    ]);
    for x in &r.rows {
        let _ = w.write_record([
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
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn text(r: &Report, lang: Lang, explain: bool, all_rows: bool, md: bool) -> String {
    let mut s = String::new();
    let heading = |s: &mut String, title: &str| {
        if md {
            s.push_str(&format!("\n### {title}\n"));
        } else {
            s.push_str(&format!("\n{title}\n"));
        }
    };
    // the line that says what the figures are
    let period = r
        .period
        .as_ref()
        .map(|p| match lang {
            Lang::Zh => format!("{} 至 {}（{} 天）", p.from, p.to, p.days),
            Lang::En => format!("{} to {} ({} days)", p.from, p.to, p.days),
        })
        .unwrap_or_default();
    s.push_str(&match lang {
        Lang::Zh => format!(
            "打新策略 · {period} · 计入 {} 只新股 · 每签收益按{}{}\n",
            r.ipos,
            basis_words(r.basis, lang),
            if r.fees {
                "（扣费后）"
            } else {
                "（未扣费）"
            }
        ),
        Lang::En => format!(
            "IPO lottery strategy · {period} · {} IPOs counted · lots at {}{}\n",
            r.ipos,
            basis_words(r.basis, lang),
            if r.fees {
                " (net of fees)"
            } else {
                " (before fees)"
            }
        ),
    });
    // totals
    let step = r.marginal.first().map(|m| m.step).unwrap_or_default();
    let head = vec![
        t(lang, "市场", "exchange").to_string(),
        t(lang, "市值", "market value").to_string(),
        t(lang, "新股", "IPOs").to_string(),
        t(lang, "预期中签", "expected lots").to_string(),
        t(lang, "预期收益", "expected profit").to_string(),
        t(lang, "收益率", "return").to_string(),
        t(lang, "年化", "annualised").to_string(),
        format!("{} ({})", t(lang, "增量收益率", "marginal"), group(step, 0)),
        t(lang, "最大顶格市值", "largest full quota").to_string(),
    ];
    let mut rows = Vec::new();
    for (p, x) in [(Pool::Sh, &r.sh), (Pool::Sz, &r.sz)] {
        rows.push(vec![
            pool_name(p, lang).to_string(),
            money(x.mv),
            x.ipos.to_string(),
            fixed(x.expected_lots, 6),
            money(x.expected_profit),
            opct(x.return_pct),
            opct(x.annualised_pct),
            pct(x.marginal_pct),
            x.full_quota_mv.map(money).unwrap_or_else(|| "—".into()),
        ]);
    }
    rows.push(vec![
        t(lang, "合计", "total").to_string(),
        money(r.sh.mv + r.sz.mv),
        r.ipos.to_string(),
        fixed(r.sh.expected_lots + r.sz.expected_lots, 6),
        money(r.expected_profit),
        opct(r.return_pct),
        opct(r.annualised_pct),
        String::new(),
        String::new(),
    ]);
    s.push_str(&simple_table(head, rows, md));

    // the distribution
    let d = &r.distribution;
    heading(&mut s, t(lang, "结果分布", "The spread of outcomes"));
    s.push_str(&match lang {
        Lang::Zh => format!(
            "一签未中的概率 {}（逐号独立抽签：{}）；预期中签 {} 签，预期收益 {}\n",
            prob(d.p_no_win),
            prob(d.p_no_win_independent),
            fixed(d.expected_lots, 6),
            money(d.expected_profit)
        ),
        Lang::En => format!(
            "P(no win at all) {} (every number an independent draw: {}); expected lots {}, expected profit {}\n",
            prob(d.p_no_win),
            prob(d.p_no_win_independent),
            fixed(d.expected_lots, 6),
            money(d.expected_profit)
        ),
    });
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
                row.push(format!(
                    "{} – {}",
                    p.low.map(money).unwrap_or_default(),
                    p.high.map(money).unwrap_or_default()
                ));
            }
            row
        })
        .collect();
    s.push_str(&simple_table(head, rows, md));
    if md {
        s.push('\n');
    }
    s.push_str(&match (&d.method, lang) {
        (Method::Exact { outcomes }, Lang::Zh) => format!("分位数为精确值（{outcomes} 种不同收益）；第 q 分位 = 使 P(收益 ≤ x) ≥ q 的最小 x\n"),
        (Method::Exact { outcomes }, Lang::En) => format!("percentiles exact ({outcomes} distinct profits); the q-th is the smallest x with P(profit ≤ x) ≥ q\n"),
        (Method::MonteCarlo { samples, seed, mean, std_error }, Lang::Zh) => format!(
            "分位数为蒙特卡洛估计：{samples} 次抽样，种子 {seed}（同种子结果相同）；样本均值 {} ± {}（1.96 倍标准误），精确期望 {}\n",
            money(*mean), money(*std_error * Decimal::new(196, 2)), money(d.expected_profit)
        ),
        (Method::MonteCarlo { samples, seed, mean, std_error }, Lang::En) => format!(
            "percentiles by Monte Carlo: {samples} samples, seed {seed} (the same seed gives the same figures); sample mean {} ± {} (1.96 standard errors) against the exact expectation {}\n",
            money(*mean), money(*std_error * Decimal::new(196, 2)), money(d.expected_profit)
        ),
    });
    // histogram of lots
    if md {
        s.push_str("\n```text\n");
    }
    s.push_str(t(lang, "中签数分布（精确）：\n", "lots won (exact):\n"));
    let mut cum = Decimal::ZERO;
    let tail_cut = Decimal::new(1, 6);
    for (i, l) in d.lots.iter().enumerate() {
        let rest = Decimal::ONE - cum;
        if rest < tail_cut && i > 0 {
            s.push_str(&format!("  ≥{:>3}  {:>10}\n", l.lots, prob(rest)));
            break;
        }
        let width = num::round_half_up(l.p * Decimal::from(50), 0);
        let bar = "█".repeat(usize::try_from(width).unwrap_or(0));
        s.push_str(&format!("  {:>4}  {:>10}  {bar}\n", l.lots, prob(l.p)));
        cum += l.p;
    }
    if md {
        s.push_str("```\n");
    }

    // the curve
    if !r.curve.is_empty() {
        heading(
            &mut s,
            t(
                lang,
                "市值与收益（集思录式理论收益表）",
                "Market value → expected profit",
            ),
        );
        let head = vec![
            t(lang, "市场", "exchange").to_string(),
            t(lang, "市值", "market value").to_string(),
            t(lang, "预期收益", "expected profit").to_string(),
            t(lang, "收益率", "return").to_string(),
            t(lang, "年化", "annualised").to_string(),
            format!("{} ({})", t(lang, "增量收益率", "marginal"), group(step, 0)),
        ];
        let rows = r
            .curve
            .iter()
            .map(|c| {
                vec![
                    pool_name(c.pool, lang).to_string(),
                    money(c.mv),
                    money(c.expected_profit),
                    pct(c.return_pct),
                    opct(c.annualised_pct),
                    pct(c.marginal_pct),
                ]
            })
            .collect();
        s.push_str(&simple_table(head, rows, md));
    }

    // the best split
    if let Some(b) = &r.best_split {
        heading(&mut s, t(lang, "最优分配", "Best split"));
        s.push_str(&match lang {
            Lang::Zh => format!(
                "总市值 {}，{} 个账户：沪市 {}、深市 {}，预期收益 {}，收益率 {}；{}\n",
                money(b.total), b.accounts, money(b.sh), money(b.sz), money(b.expected_profit), pct(b.return_pct),
                b.saturation.map(|v| format!("超过 {} 的市值不再增加收益", money(v))).unwrap_or_else(|| "有新股无申购上限数据，增加市值的上限未知".into())
            ),
            Lang::En => format!(
                "total {} over {} account(s): Shanghai {}, Shenzhen {}; expected profit {}, return {}; {}\n",
                money(b.total), b.accounts, money(b.sh), money(b.sz), money(b.expected_profit), pct(b.return_pct),
                b.saturation.map(|v| format!("value past {} earns nothing more", money(v))).unwrap_or_else(|| "some IPOs have no known cap, so where more value stops paying is not known".into())
            ),
        });
        if b.accounts > 1 {
            let head = vec![
                t(lang, "账户", "account").to_string(),
                t(lang, "市场", "exchange").to_string(),
                t(lang, "市值", "market value").to_string(),
                t(lang, "预期收益", "expected profit").to_string(),
            ];
            let rows = b
                .allocations
                .iter()
                .map(|x| {
                    vec![
                        x.account.to_string(),
                        pool_name(x.pool, lang).to_string(),
                        money(x.mv),
                        money(x.expected_profit),
                    ]
                })
                .collect();
            s.push_str(&simple_table(head, rows, md));
        }
    }

    // per IPO
    if !r.rows.is_empty() && (all_rows || r.rows.len() <= 20) {
        heading(&mut s, t(lang, "逐只新股", "Per IPO"));
        let head = vec![
            t(lang, "代码", "code").to_string(),
            t(lang, "名称", "name").to_string(),
            t(lang, "日期", "date").to_string(),
            t(lang, "中签率", "win rate").to_string(),
            t(lang, "顶格市值", "full quota").to_string(),
            t(lang, "配号", "numbers").to_string(),
            t(lang, "预期中签", "expected lots").to_string(),
            t(lang, "至少一签", "P(≥1)").to_string(),
            t(lang, "每签收益", "profit/lot").to_string(),
            t(lang, "预期收益", "expected").to_string(),
        ];
        let rows = r
            .rows
            .iter()
            .map(|x| {
                vec![
                    x.code.clone(),
                    x.name.clone(),
                    x.date.to_string(),
                    format!("{}%", num::trim(x.win_rate_pct)),
                    x.full_quota_mv.map(money).unwrap_or_else(|| "—".into()),
                    x.numbers.to_string(),
                    fixed(x.expected_lots, 6),
                    prob(x.p_at_least_one),
                    money(x.profit_per_lot),
                    money(x.expected_profit),
                ]
            })
            .collect();
        s.push_str(&simple_table(head, rows, md));
    } else if !r.rows.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!(
                "\n（{} 只新股的逐只数据见 --rows、--format csv 或 json）\n",
                r.rows.len()
            ),
            Lang::En => format!(
                "\n(per-IPO figures of the {} IPOs: --rows, --format csv or json)\n",
                r.rows.len()
            ),
        });
    }

    // rows not counted
    if !r.excluded.is_empty() {
        heading(&mut s, t(lang, "未计入的行", "Rows not counted"));
        let shown = if all_rows { r.excluded.len() } else { 15 };
        for e in r.excluded.iter().take(shown) {
            let line = e.line.map(|l| format!("{l}: ")).unwrap_or_default();
            s.push_str(&format!(
                "  {line}{} {} — {}\n",
                e.code,
                e.name,
                why_text(&e.why, lang)
            ));
        }
        if r.excluded.len() > shown {
            s.push_str(&match lang {
                Lang::Zh => format!("  …另 {} 行（--rows 全部列出）\n", r.excluded.len() - shown),
                Lang::En => format!("  … {} more (--rows lists all)\n", r.excluded.len() - shown),
            });
        }
    }

    // notes
    heading(&mut s, t(lang, "假设与说明", "Assumptions and notes"));
    for n in &r.notes {
        s.push_str(&format!("- {}\n", n.text(lang)));
    }
    if explain {
        heading(&mut s, t(lang, "计算过程", "Working"));
        for w in &r.working {
            s.push_str(&format!("  {}: {}\n", w.label.text(lang), w.formula));
        }
        for x in &r.rows {
            s.push_str(&format!("  {} {}: {}\n", x.code, x.name, x.working));
        }
    }
    s
}
