//! Printing: tables, JSON, CSV and Markdown. Every number arrives computed;
//! here it is only rounded half-up for display (`daxin::num`).

use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use daxin::explain::{self, Step};
use daxin::headline::Headline;
use daxin::ipo::{Basis, Ipo, Provenance};
use daxin::num::{self, fixed, group, price_dp};
use daxin::published::{self, Check, Verdict};
use daxin::returns::{self, Figure, Summary};
use daxin::valuation::Ratio;
use daxin::Lang;

use super::args::Format;
use super::Output;

/// Everything `show` and `lot` print about one IPO.
pub struct Report<'a> {
    pub ipo: &'a Ipo,
    pub summary: Summary,
    pub checks: Vec<Check>,
    pub warnings: Vec<String>,
    /// Working that the CLI did (which rule gave the lot).
    pub working: Vec<String>,
}

impl<'a> Report<'a> {
    pub fn new(
        ipo: &'a Ipo,
        warnings: Vec<String>,
        working: Vec<String>,
    ) -> Result<Report<'a>, daxin::Error> {
        let summary = returns::compute(ipo)?;
        let checks = published::check_all(&ipo.published, &summary);
        Ok(Report {
            ipo,
            summary,
            checks,
            warnings,
            working,
        })
    }

    fn steps(&self, lang: Lang) -> Vec<Step> {
        let mut s: Vec<Step> = self
            .working
            .iter()
            .map(|w| Step {
                label: t(lang, "规则", "rule").into(),
                formula: w.clone(),
            })
            .collect();
        s.extend(explain::steps(self.ipo, &self.summary, lang));
        s
    }
}

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn price(p: Decimal) -> String {
    fixed(p, price_dp(p))
}

fn money(x: Decimal) -> String {
    fixed(x, num::MONEY_DP)
}

fn pct(x: Decimal) -> String {
    fixed(x, num::PCT_DP)
}

fn ratio(r: &Option<Ratio>) -> Option<String> {
    r.map(|r| fixed(r.value, num::RATIO_DP))
}

/// A large amount for a table cell: 亿 in Chinese, billions in English.
fn big(x: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Zh if x.abs() >= Decimal::from(100_000_000u64) => {
            format!("{}亿", group(x / Decimal::from(100_000_000u64), 2))
        }
        Lang::En if x.abs() >= Decimal::from(1_000_000_000u64) => {
            format!("{} bn", group(x / Decimal::from(1_000_000_000u64), 2))
        }
        _ => group(x, num::MONEY_DP),
    }
}

fn basis_name(f: &Figure, lang: Lang) -> String {
    let base = match lang {
        Lang::Zh => f.basis.name_zh(),
        Lang::En => f.basis.name_en(),
    };
    match (&f.label, f.date) {
        (Some(l), _) => format!("{base} ({l})"),
        (None, Some(d)) => format!("{base} ({d})"),
        (None, None) => base.to_string(),
    }
}

fn opt_s(v: Option<String>) -> Value {
    v.map(Value::String).unwrap_or(Value::Null)
}

fn figure_json(f: &Figure) -> Value {
    let mut m = Map::new();
    m.insert("basis".into(), json!(f.basis.id()));
    if let Some(l) = &f.label {
        m.insert("label".into(), json!(l));
    }
    if let Some(d) = f.date {
        m.insert("date".into(), json!(d.to_string()));
    }
    m.insert("price".into(), json!(price(f.price)));
    m.insert("lot_value".into(), json!(money(f.lot_value)));
    m.insert("profit_per_lot".into(), json!(money(f.profit_per_lot)));
    m.insert("gain_pct".into(), json!(pct(f.gain_pct)));
    m.insert(
        "return_on_cost_pct".into(),
        json!(pct(f.return_on_cost_pct)),
    );
    m.insert("market_cap".into(), opt_s(f.market_cap.map(money)));
    m.insert(
        "float_market_cap".into(),
        opt_s(f.float_market_cap.map(money)),
    );
    m.insert("pe".into(), opt_s(ratio(&f.pe)));
    m.insert("ps".into(), opt_s(ratio(&f.ps)));
    Value::Object(m)
}

fn check_json(c: &Check) -> Value {
    let p = &c.published;
    json!({
        "kind": p.kind.id(),
        "basis": p.basis.map(|b| b.id()),
        "printed": p.printed,
        "value": p.value.normalize().to_string(),
        "computed": c.computed.map(|x| fixed(x, 4)),
        "verdict": c.verdict,
        "fits_basis": c.fits_basis.map(|b| b.id()),
        "conflict": p.conflict,
        "source": p.source,
        "quote": p.quote,
    })
}

fn report_json(r: &Report, lang: Lang, explain: bool) -> Value {
    let ipo = r.ipo;
    let s = &r.summary;
    let mut m = Map::new();
    m.insert("code".into(), json!(ipo.code));
    m.insert("name_zh".into(), json!(ipo.name_zh));
    m.insert("name_en".into(), json!(ipo.name_en));
    m.insert("board".into(), json!(ipo.board.map(|b| b.id())));
    m.insert(
        "listing_date".into(),
        json!(ipo.listing_date.map(|d| d.to_string())),
    );
    m.insert("currency".into(), json!(s.currency.code()));
    m.insert("issue_price".into(), json!(price(s.issue_price)));
    m.insert("lot_shares".into(), json!(s.lot_shares));
    m.insert("cost_per_lot".into(), json!(money(s.cost_per_lot)));
    m.insert(
        "total_shares".into(),
        json!(ipo.total_shares.map(|x| x.get())),
    );
    m.insert(
        "float_shares".into(),
        json!(ipo.float_shares.map(|x| x.get())),
    );
    m.insert(
        "shares_offered".into(),
        json!(ipo.shares_offered.map(|x| x.get())),
    );
    m.insert(
        "market_cap_at_issue".into(),
        opt_s(s.market_cap_at_issue.map(money)),
    );
    m.insert("pe_at_issue".into(), opt_s(ratio(&s.pe_at_issue)));
    m.insert("ps_at_issue".into(), opt_s(ratio(&s.ps_at_issue)));
    let rates: Map<String, Value> = ipo
        .win_rates
        .iter()
        .map(|(k, v)| (k.clone(), json!(v.normalize().to_string())))
        .collect();
    m.insert("win_rates_pct".into(), Value::Object(rates));
    m.insert(
        "figures".into(),
        Value::Array(s.figures.iter().map(figure_json).collect()),
    );
    m.insert(
        "published".into(),
        Value::Array(r.checks.iter().map(check_json).collect()),
    );
    m.insert("notes".into(), json!(ipo.notes));
    m.insert("sources".into(), json!(ipo.sources));
    m.insert("warnings".into(), json!(r.warnings));
    if explain {
        m.insert("explain".into(), json!(r.steps(lang)));
    }
    Value::Object(m)
}

const CSV_HEADER: [&str; 17] = [
    "code",
    "name",
    "currency",
    "issue_price",
    "lot_shares",
    "cost_per_lot",
    "basis",
    "label",
    "price",
    "lot_value",
    "profit_per_lot",
    "gain_pct",
    "return_on_cost_pct",
    "market_cap",
    "float_market_cap",
    "pe",
    "ps",
];

fn report_csv(r: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![CSV_HEADER.iter().map(|s| s.to_string()).collect()];
    let s = &r.summary;
    for f in &s.figures {
        rows.push(vec![
            r.ipo.code.clone(),
            r.ipo.name_zh.clone(),
            s.currency.code().into(),
            price(s.issue_price),
            s.lot_shares.to_string(),
            money(s.cost_per_lot),
            f.basis.id().into(),
            f.label.clone().unwrap_or_default(),
            price(f.price),
            money(f.lot_value),
            money(f.profit_per_lot),
            pct(f.gain_pct),
            pct(f.return_on_cost_pct),
            f.market_cap.map(money).unwrap_or_default(),
            f.float_market_cap.map(money).unwrap_or_default(),
            ratio(&f.pe).unwrap_or_default(),
            ratio(&f.ps).unwrap_or_default(),
        ]);
    }
    for row in rows {
        // Writing to a Vec cannot fail short of memory exhaustion.
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn figure_rows(r: &Report, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let s = &r.summary;
    let has_cap = s.figures.iter().any(|f| f.market_cap.is_some());
    let has_float = s.figures.iter().any(|f| f.float_market_cap.is_some());
    let has_pe = s.figures.iter().any(|f| f.pe.is_some());
    let has_ps = s.figures.iter().any(|f| f.ps.is_some());
    let cur = match lang {
        Lang::Zh => s.currency.unit_zh(),
        Lang::En => s.currency.code(),
    };
    let mut head = vec![
        t(lang, "价格基准", "basis").to_string(),
        t(lang, "价格", "price").to_string(),
        t(lang, "涨幅", "gain").to_string(),
        format!("{}({cur})", t(lang, "每签盈利", "profit/lot ")),
        format!("{}({cur})", t(lang, "每签市值", "lot value ")),
    ];
    if has_cap {
        head.push(t(lang, "总市值", "market cap").into());
    }
    if has_float {
        head.push(t(lang, "流通市值", "float value").into());
    }
    if has_pe {
        head.push(t(lang, "市盈率", "P/E").into());
    }
    if has_ps {
        head.push(t(lang, "市销率", "P/S").into());
    }
    let rows = s
        .figures
        .iter()
        .map(|f| {
            let mut row = vec![
                basis_name(f, lang),
                price(f.price),
                format!("{}%", pct(f.gain_pct)),
                group(f.profit_per_lot, num::MONEY_DP),
                group(f.lot_value, num::MONEY_DP),
            ];
            if has_cap {
                row.push(f.market_cap.map(|c| big(c, lang)).unwrap_or_default());
            }
            if has_float {
                row.push(f.float_market_cap.map(|c| big(c, lang)).unwrap_or_default());
            }
            if has_pe {
                row.push(ratio(&f.pe).unwrap_or_default());
            }
            if has_ps {
                row.push(ratio(&f.ps).unwrap_or_default());
            }
            row
        })
        .collect();
    (head, rows)
}

fn header_lines(r: &Report, lang: Lang) -> Vec<String> {
    let ipo = r.ipo;
    let s = &r.summary;
    let cur = match lang {
        Lang::Zh => s.currency.unit_zh().to_string(),
        Lang::En => format!(" {}", s.currency.code()),
    };
    let mut out = Vec::new();
    let mut title = if ipo.name_zh.is_empty() {
        t(lang, "自定义新股", "IPO from the command line").to_string()
    } else {
        match (&ipo.name_en, lang) {
            (Some(en), Lang::En) => format!("{en} ({})", ipo.name_zh),
            (Some(en), Lang::Zh) => format!("{} {en}", ipo.name_zh),
            (None, _) => ipo.name_zh.clone(),
        }
    };
    if ipo.code != "-" {
        title.push_str(&format!(" · {}", ipo.code));
    }
    if let Some(b) = ipo.board {
        title.push_str(&format!(
            " · {}",
            match lang {
                Lang::Zh => b.name_zh(),
                Lang::En => b.name_en(),
            }
        ));
    }
    if let Some(d) = ipo.listing_date {
        title.push_str(&format!(" · {} {d}", t(lang, "上市", "listed")));
    }
    out.push(title);
    out.push(format!(
        "{} {}{cur} · {} {} {} · {} {}{cur}",
        t(lang, "发行价", "issue price"),
        price(s.issue_price),
        t(lang, "每签", "lot"),
        s.lot_shares,
        t(lang, "股", "shares"),
        t(lang, "每签缴款", "cost per lot"),
        group(s.cost_per_lot, num::MONEY_DP),
    ));
    let mut line = Vec::new();
    if let Some(n) = ipo.total_shares {
        line.push(format!(
            "{} {}",
            t(lang, "发行后总股本", "total shares"),
            group(n.dec(), 0)
        ));
    }
    if let Some(n) = ipo.shares_offered {
        line.push(format!(
            "{} {}",
            t(lang, "发行股数", "shares offered"),
            group(n.dec(), 0)
        ));
    }
    if let Some(n) = ipo.float_shares {
        line.push(format!(
            "{} {}",
            t(lang, "流通股", "float"),
            group(n.dec(), 0)
        ));
    }
    if !line.is_empty() {
        out.push(line.join(" · "));
    }
    let mut line = Vec::new();
    if let Some(c) = s.market_cap_at_issue {
        line.push(format!(
            "{} {}",
            t(lang, "发行价市值", "market cap at issue"),
            big(c, lang)
        ));
    }
    if let Some(p) = ratio(&s.pe_at_issue) {
        line.push(format!("{} {p}", t(lang, "发行市盈率", "P/E at issue")));
    }
    if let Some(p) = ratio(&s.ps_at_issue) {
        line.push(format!("{} {p}", t(lang, "发行市销率", "P/S at issue")));
    }
    if !line.is_empty() {
        out.push(line.join(" · "));
    }
    if !ipo.win_rates.is_empty() {
        let rates: Vec<String> = ipo
            .win_rates
            .iter()
            .map(|(k, v)| format!("{k} {}%", v.normalize()))
            .collect();
        out.push(format!(
            "{} {}",
            t(lang, "中签率", "win rate"),
            rates.join(" · ")
        ));
    }
    out
}

fn check_line(c: &Check, lang: Lang) -> String {
    let p = &c.published;
    let what = format!(
        "{}{}",
        p.kind.id(),
        p.basis
            .map(|b| format!(" @ {}", b.id()))
            .unwrap_or_default()
    );
    let shape = published::Printed {
        value: p.value,
        step: p.step,
        unit: p.unit,
    };
    let computed = c.computed.map(|x| shape.show(x)).unwrap_or_default();
    match c.verdict {
        Verdict::Reproduces => format!("✓ {} ({what}) — {}", p.printed, p.source),
        Verdict::Differs => {
            let mut s = format!(
                "✗ {} ({what}): {} {computed}",
                p.printed,
                t(lang, "计算得", "computed")
            );
            if let Some(b) = c.fits_basis {
                s.push_str(&format!(
                    " — {} {}",
                    t(lang, "与此价格相符：", "matches the price at"),
                    b.id()
                ));
            }
            if let Some(why) = &p.conflict {
                s.push_str(&format!(" — {why}"));
            }
            s.push_str(&format!(" — {}", p.source));
            s
        }
        Verdict::Unverifiable => format!(
            "? {} ({what}): {} — {}",
            p.printed,
            t(
                lang,
                "数据缺少所需数值，无法核对",
                "the data lacks what it needs; not checked"
            ),
            p.source
        ),
    }
}

fn note_line(n: &daxin::ipo::FieldNote) -> String {
    let tag = match n.status {
        Provenance::Stated => "stated",
        Provenance::Derived => "derived",
        Provenance::Conflict => "conflict",
        Provenance::Missing => "missing",
    };
    format!("[{tag}] {}: {}", n.field, n.text)
}

fn table_of(head: Vec<String>, rows: Vec<Vec<String>>) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(head);
    for row in rows {
        table.add_row(
            row.into_iter()
                .enumerate()
                .map(|(i, c)| {
                    // numbers line up on the right; names and labels on the left
                    let numeric = c.starts_with(|ch: char| ch.is_ascii_digit() || ch == '-');
                    if i == 0 || !numeric {
                        Cell::new(c)
                    } else {
                        Cell::new(c).set_alignment(CellAlignment::Right)
                    }
                })
                .collect::<Vec<_>>(),
        );
    }
    table.to_string()
}

fn md_table(head: &[String], rows: &[Vec<String>]) -> String {
    let mut s = format!("| {} |\n", head.join(" | "));
    s.push_str(&format!(
        "|{}\n",
        head.iter()
            .enumerate()
            .map(|(i, _)| if i == 0 { "---|" } else { "---:|" })
            .collect::<String>()
    ));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| c.replace('|', "\\|")).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s
}

pub fn report(r: &Report, fmt: Format, lang: Lang, explain: bool) -> Output {
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            out.stdout = format!(
                "{}\n",
                serde_json::to_string_pretty(&report_json(r, lang, explain)).unwrap_or_default()
            );
        }
        Format::Csv => {
            out.stdout = report_csv(r);
            if explain {
                for s in r.steps(lang) {
                    out.stderr
                        .push_str(&format!("{}: {}\n", s.label, s.formula));
                }
            }
            for w in &r.warnings {
                out.stderr.push_str(&format!("warning: {w}\n"));
            }
        }
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            let mut s = String::new();
            let header = header_lines(r, lang);
            if md {
                s.push_str(&format!("### {}\n\n", header[0]));
                for l in &header[1..] {
                    s.push_str(&format!("{l}  \n"));
                }
                s.push('\n');
            } else {
                for l in &header {
                    s.push_str(l);
                    s.push('\n');
                }
            }
            for w in &r.warnings {
                s.push_str(&format!("{}: {w}\n", t(lang, "注意", "warning")));
            }
            let (head, rows) = figure_rows(r, lang);
            if rows.is_empty() {
                s.push_str(t(
                    lang,
                    "（数据中没有上市后的价格，只有发行时的数值）\n",
                    "(no traded prices in the data: issue-time figures only)\n",
                ));
            } else if md {
                s.push('\n');
                s.push_str(&md_table(&head, &rows));
            } else {
                s.push_str(&table_of(head, rows));
                s.push('\n');
            }
            s.push_str(t(
                lang,
                "以上为未扣除费用与税费的毛收益；金额、价格与涨幅均四舍五入（half-up）至两位小数显示。\n",
                "Gross figures, before fees and taxes; shown rounded half-up to 2 decimals.\n",
            ));
            let bullet = if md { "- " } else { "  " };
            if !r.checks.is_empty() {
                s.push_str(&format!(
                    "\n{}\n",
                    t(lang, "媒体公布数值核对：", "Published figures checked:")
                ));
                for c in &r.checks {
                    s.push_str(&format!("{bullet}{}\n", check_line(c, lang)));
                }
            }
            if !r.ipo.notes.is_empty() {
                s.push_str(&format!(
                    "\n{}\n",
                    t(lang, "数据说明：", "Notes on the data:")
                ));
                for n in &r.ipo.notes {
                    s.push_str(&format!("{bullet}{}\n", note_line(n)));
                }
            }
            if !r.ipo.sources.is_empty() {
                s.push_str(&format!("\n{}\n", t(lang, "来源：", "Sources:")));
                for u in &r.ipo.sources {
                    s.push_str(&format!("{bullet}{u}\n"));
                }
            }
            if explain {
                s.push_str(&format!("\n{}\n", t(lang, "计算过程：", "Working:")));
                for st in r.steps(lang) {
                    s.push_str(&format!("{bullet}{}: {}\n", st.label, st.formula));
                }
            }
            out.stdout = s;
        }
    }
    out
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

fn list_row(ipo: &Ipo, lang: Lang) -> Result<Vec<String>, daxin::Error> {
    let s = returns::compute(ipo)?;
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
            let s = returns::compute(ipo)?;
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
