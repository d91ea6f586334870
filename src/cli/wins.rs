//! `daxin wins add|sell|drop|list|report|import`: flags validated into a
//! win or a sale here, checked by `daxin::wins::ledger`, written by
//! `store` (locked, atomic, with a `.bak`), and reported by
//! `daxin::wins::report`.

use std::path::PathBuf;

use chrono::NaiveDate;
use daxin::board::Board;
use daxin::data::Dataset;
use daxin::fees::{self, Schedule};
use daxin::input::{self, opt, Price};
use daxin::num::{self, fixed, group};
use daxin::wins::broker;
use daxin::wins::import::{self, Import};
use daxin::wins::ledger::{
    self, ActualFees, Change, Entry, Kind, Ledger, LedgerList, SaleOrder, Sold, Win,
};
use daxin::wins::report::{self as wreport, GroupBy, Options, WinsReport};
use daxin::Currency;
use daxin::Lang;
use rust_decimal::Decimal;

use super::args::{
    Format, WinAddArgs, WinDropArgs, WinFacts, WinImportArgs, WinReportArgs, WinSellArgs, WinsArgs,
    WinsCmd,
};
use super::draw::{csv_of, json, render_table as simple_table, t};
use super::{store, CliError, Output};

/// The ledger: `--ledger`, else `$DAXIN_LEDGER`, else the config directory.
pub fn ledger_path(flag: Option<&std::path::Path>) -> Result<PathBuf, CliError> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("DAXIN_LEDGER").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(x).join("daxin").join("wins.toml"));
    }
    if let Some(h) = std::env::var_os("HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(h).join(".config/daxin/wins.toml"));
    }
    Err(CliError::user(daxin::why!(
        "no ledger: give --ledger FILE or set $DAXIN_LEDGER",
        "没有中签记录文件：请给出 --ledger FILE，或设置 $DAXIN_LEDGER"
    )))
}

fn origin(path: &std::path::Path) -> String {
    path.display().to_string()
}

fn opt_date(flag: &str, raw: &Option<String>) -> Result<Option<NaiveDate>, CliError> {
    Ok(raw
        .as_deref()
        .map(|d| input::parse_date(flag, d))
        .transpose()?)
}

fn today(a: &WinsArgs) -> Result<NaiveDate, CliError> {
    Ok(opt_date("--today", &a.today)?.unwrap_or_else(|| chrono::Local::now().date_naive()))
}

/// Reads and validates the whole ledger (for the read-only commands).
fn load(
    path: &std::path::Path,
    data: &Dataset,
    today: NaiveDate,
) -> Result<(Ledger, Vec<ledger::Facts>), CliError> {
    let Some(text) = store::read(path)? else {
        return Ok((Ledger::default(), Vec::new()));
    };
    let (l, lines) = ledger::parse_with_lines(&text, &origin(path))?;
    let facts = ledger::validate(&l, data, today, Some(&lines)).map_err(|e| match e {
        daxin::Error::Data { message, .. } => CliError::user(daxin::Why::labelled(
            &daxin::Why::name(origin(path)),
            &message,
        )),
        other => other.into(),
    })?;
    Ok((l, facts))
}

/// A win from the flags: the IPO's facts the user gave, shares or lots.
fn build_win(
    code: &str,
    account: &Option<String>,
    date: Option<NaiveDate>,
    f: &WinFacts,
    data: &Dataset,
) -> Result<Win, CliError> {
    let kind: Kind = match &f.kind {
        Some(k) => k.parse()?,
        None => Kind::Share,
    };
    let mut w = Win {
        account: account.clone().filter(|a| !a.trim().is_empty()),
        code: input::normalize(code),
        kind,
        name: f.name.clone(),
        board: f.board.as_deref().map(str::parse::<Board>).transpose()?,
        issue_price: opt(
            "--issue-price",
            f.issue_price.as_deref(),
            input::parse_price,
        )?,
        lot_shares: opt("--lot-size", f.lot_size.as_deref(), input::parse_shares)?.map(|s| s.get()),
        date,
        paid: opt_date("--paid", &f.paid)?,
        listed: opt_date("--listed", &f.listed)?,
        note: f.note.clone(),
        ..Win::default()
    };
    w.shares = match (&f.shares, &f.lots) {
        (Some(_), Some(l)) => {
            return Err(daxin::Error::invalid(
                "--lots",
                l,
                daxin::why!(
                    "give --shares or --lots, not both",
                    "请给出 --shares 或 --lots，不要同时给出"
                ),
            )
            .into())
        }
        (Some(s), None) => input::parse_shares("--shares", s)?.get(),
        (None, Some(l)) => ledger::shares_of_lots(
            &w,
            input::parse_whole(
                "--lots",
                l,
                1..=u64::from(u32::MAX),
                daxin::why!(
                    "a whole number of lots, at least 1",
                    "手数，至少为 1 的整数"
                ),
            )?,
            l,
            data,
        )?,
        (None, None) if kind != Kind::Share => 0,
        (None, None) => {
            return Err(daxin::Error::missing(
                "--shares",
                daxin::why!(
                    "how many shares (or --lots) were won",
                    "中签的股数（或 --lots）"
                ),
            )
            .into())
        }
    };
    Ok(w)
}

/// Applies `changes` (made from the current ledger) under the lock, after
/// validating the result; returns the new ledger.
fn write(
    path: &std::path::Path,
    data: &Dataset,
    today: NaiveDate,
    make: impl FnOnce(&Ledger) -> Result<Vec<Change>, CliError>,
) -> Result<(Ledger, Vec<Change>), CliError> {
    let o = origin(path);
    store::update(path, |old| {
        let current = match old {
            Some(t) => ledger::parse(t, &o)?,
            None => Ledger::default(),
        };
        // the ledger as it stands must hold before anything is added to it
        ledger::validate(&current, data, today, None)?;
        let changes = make(&current)?;
        let (text, new) = ledger::edit(old, &changes, &o)?;
        ledger::validate(&new, data, today, None)?;
        Ok((text, (new, changes)))
    })
}

fn done(lang: Lang, zh: String, en: String, path: &std::path::Path) -> Output {
    Output {
        stdout: match lang {
            Lang::Zh => format!("{zh}（{}）\n", path.display()),
            Lang::En => format!("{en} ({})\n", path.display()),
        },
        ..Output::default()
    }
}

fn add(w: &WinsArgs, a: &WinAddArgs, data: &Dataset, lang: Lang) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let win = build_win(
        &a.code,
        &a.account,
        opt_date("--date", &a.date)?,
        &a.facts,
        data,
    )?;
    ledger::validate_win(&win, data, today)?;
    ledger::check_subscription_day(&win, data)?;
    let (new, _) = write(&path, data, today, |_| Ok(vec![Change::Add(win.clone())]))?;
    let name = ledger::facts(&win, data)?.name;
    let (code, shares, n) = (&win.code, win.shares, new.wins.len());
    Ok(done(
        lang,
        format!("已记录中签：{code} {name} {shares} 股，共 {n} 笔"),
        format!("recorded: {code} {name} {shares} shares; {n} wins in the ledger"),
        &path,
    ))
}

fn sell(w: &WinsArgs, a: &WinSellArgs, data: &Dataset, lang: Lang) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let date = input::parse_date("--date", &a.date)?;
    let price: Price = input::parse_price("--price", &a.price)?;
    let shares = opt("--shares", a.shares.as_deref(), input::parse_shares)?.map(|s| s.get());
    let fee = |flag, v: &Option<String>| opt(flag, v.as_deref(), input::parse_fee);
    let paid = [
        fee("--commission-paid", &a.commission_paid)?,
        fee("--stamp-duty-paid", &a.stamp_duty_paid)?,
        fee("--transfer-fee-paid", &a.transfer_fee_paid)?,
        fee("--other-fees-paid", &a.other_fees_paid)?,
    ];
    let fees = paid.iter().any(Option::is_some).then(|| ActualFees {
        commission: paid[0].unwrap_or_default(),
        stamp_duty: paid[1].unwrap_or_default(),
        transfer_fee: paid[2].unwrap_or_default(),
        other: paid[3].unwrap_or_default(),
    });
    let order = SaleOrder {
        code: &a.code,
        account: a.account.as_deref(),
        date,
        shares,
        price,
        fees,
    };
    let mut sold = None;
    write(&path, data, today, |l| {
        let (change, s) = ledger::sell(l, &order, data, today)?;
        sold = Some(s);
        Ok(vec![change])
    })?;
    let Some(Sold { code, shares, held }) = sold else {
        return Err(CliError {
            msg: daxin::why!("the ledger was not edited", "中签记录未被修改"),
            code: 1,
        });
    };
    let p = price.get();
    Ok(done(
        lang,
        format!("已记录卖出：{code} {shares} 股 @ {p}，尚持有 {held} 股"),
        format!("recorded: sold {shares} shares of {code} at {p}; {held} still held"),
        &path,
    ))
}

fn drop_win(w: &WinsArgs, a: &WinDropArgs, data: &Dataset, lang: Lang) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let date = input::parse_date("--date", &a.date)?;
    let won = opt_date("--won", &a.won)?;
    let mut what = String::new();
    write(&path, data, today, |l| {
        match ledger::find(l, &a.code, a.account.as_deref()) {
            Ok(i) => {
                let mut check = l.wins[i].clone();
                check.abandoned = Some(date);
                ledger::validate_win(&check, data, today)?;
                what = check.code.clone();
                Ok(vec![Change::Abandon(i, date)])
            }
            Err(_) => {
                let mut win = build_win(&a.code, &a.account, won, &a.facts, data)?;
                if win.day().is_none() {
                    win.date = Some(date);
                }
                win.abandoned = Some(date);
                ledger::validate_win(&win, data, today)?;
                what = win.code.clone();
                Ok(vec![Change::Add(win)])
            }
        }
    })?;
    Ok(done(
        lang,
        format!("已记录弃购：{what}，{date}"),
        format!("recorded: {what} given up on {date}"),
        &path,
    ))
}

fn list(
    w: &WinsArgs,
    data: &Dataset,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let (l, facts) = load(&path, data, today)?;
    let mut list = LedgerList {
        ledger: path.display().to_string(),
        wins: ledger::entries(&l, facts),
    };
    if explain {
        for e in &mut list.wins {
            e.working = Some(e.working(lang));
        }
    }
    let plain = fmt == Format::Csv;
    let ids = [
        "account", "code", "name", "board", "date", "paid", "shares", "held", "status",
    ];
    let mut head: Vec<String> = [
        "账户",
        "代码",
        "名称",
        "板块",
        "申购日",
        "缴款日",
        "中签股数",
        "持有",
        "状态",
    ]
    .iter()
    .zip(ids)
    .map(|(z, e)| if plain { e } else { t(lang, z, e) }.to_string())
    .collect();
    if plain && explain {
        head.push("working".into());
    }
    let rows: Vec<Vec<String>> = list
        .wins
        .iter()
        .map(|e| {
            let mut row = entry_row(e, lang, plain);
            if plain {
                row.extend(e.working.clone());
            }
            row
        })
        .collect();
    let stdout = match fmt {
        Format::Json => json(&list),
        Format::Csv => csv_of(&head, &rows),
        Format::Table | Format::Md if rows.is_empty() => match lang {
            Lang::Zh => format!("账本中没有中签记录（{}）\n", list.ledger),
            Lang::En => format!("no wins in the ledger ({})\n", list.ledger),
        },
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            let mut s = simple_table(head, rows, md);
            if explain {
                let bullet = if md { "- " } else { "  " };
                s.push_str(&format!("\n{}\n", t(lang, "计算过程：", "Working:")));
                for e in &list.wins {
                    let w = e.working.clone().unwrap_or_default();
                    s.push_str(&format!("{bullet}{} {}: {w}\n", e.win.code, e.facts.name));
                }
            }
            s
        }
    };
    Ok(Output {
        stdout,
        ..Output::default()
    })
}

/// One win of `wins list`; ids instead of words in CSV.
fn entry_row(e: &Entry, lang: Lang, plain: bool) -> Vec<String> {
    let board = e.facts.board.map(|b| match (lang, plain) {
        (Lang::Zh, false) => b.name_zh(),
        _ => b.id(),
    });
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        e.win.account.clone().unwrap_or_default(),
        e.win.code.clone(),
        e.facts.name.clone(),
        board.unwrap_or_default().to_string(),
        day(e.win.date),
        day(e.win.paid),
        e.win.shares.to_string(),
        e.held.to_string(),
        if plain {
            e.status.id()
        } else {
            e.status.text(lang)
        }
        .to_string(),
    ]
}

pub fn wins_cmd(
    w: &WinsArgs,
    data: &Dataset,
    config: Option<&std::path::Path>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    match &w.cmd {
        WinsCmd::Add(a) => add(w, a, data, lang),
        WinsCmd::Sell(a) => sell(w, a, data, lang),
        WinsCmd::Drop(a) => drop_win(w, a, data, lang),
        WinsCmd::List => list(w, data, fmt, lang, explain),
        WinsCmd::Report(a) => report(w, a, data, config, fmt, lang, explain),
        WinsCmd::Import(a) => import(w, a, data, fmt, lang),
    }
}

fn report(
    w: &WinsArgs,
    a: &WinReportArgs,
    data: &Dataset,
    config: Option<&std::path::Path>,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let (l, _) = load(&path, data, today)?;
    let cfg = super::load_config(config)?;
    let opts = report_options(a, &cfg, today)?;
    let schedule = Schedule::builtin()?;
    let mut r = wreport::report(&l, data, &schedule, &opts)?;
    if explain {
        r.working = wreport::explain(&r, &opts, lang);
    }
    Ok(render_report(&r, fmt, lang))
}

/// The report's flags over the config's broker terms, each validated.
fn report_options(
    a: &WinReportArgs,
    cfg: &daxin::config::Config,
    today: NaiveDate,
) -> Result<Options, CliError> {
    let mut opts = Options::new(today);
    opts.cny = cfg.broker(Currency::Cny);
    opts.hkd = cfg.broker(Currency::Hkd);
    if let Some(r) = opt("--commission", a.commission.as_deref(), fees::parse_rate)? {
        (opts.cny.commission_rate, opts.hkd.commission_rate) = (r, r);
    }
    if let Some(x) = opt(
        "--min-commission",
        a.min_commission.as_deref(),
        input::parse_fee,
    )? {
        (opts.cny.min_commission, opts.hkd.min_commission) = (x, x);
    }
    if let Some(h) = opt(
        "--handling-fee",
        a.handling_fee.as_deref(),
        input::parse_fee,
    )? {
        opts.hkd.handling_fee = h;
    }
    opts.by = a.by.as_deref().map(str::parse::<GroupBy>).transpose()?;
    opts.from = opt_date("--from", &a.from)?;
    opts.to = opt_date("--to", &a.to)?;
    if let (Some(f), Some(t)) = (opts.from, opts.to) {
        if t < f {
            let why = daxin::why!("before --from {f}", "早于 --from {f}");
            return Err(daxin::Error::invalid("--to", &t.to_string(), why).into());
        }
    }
    opts.mv_sh = opt("--mv-sh", a.mv_sh.as_deref(), input::parse_money)?;
    opts.mv_sz = opt("--mv-sz", a.mv_sz.as_deref(), input::parse_money)?;
    for m in &a.price {
        let (code, price) = m.split_once('=').ok_or_else(|| {
            daxin::Error::invalid(
                "--price",
                m,
                daxin::why!(
                    "expected CODE=PRICE, such as 688802=700",
                    "应写作 代码=价格，例如 688802=700"
                ),
            )
        })?;
        let price = input::parse_price("--price", price)?;
        opts.marks.push((input::normalize(code), price));
    }
    Ok(opts)
}

fn money_cell(x: Decimal, plain: bool) -> String {
    if plain {
        fixed(x, num::MONEY_DP)
    } else {
        group(x, num::MONEY_DP)
    }
}

fn opt_cell(x: Option<Decimal>, plain: bool) -> String {
    x.map(|v| money_cell(v, plain)).unwrap_or_default()
}

fn win_rows(r: &WinsReport, lang: Lang, plain: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let head = [
        ("账户", "account"),
        ("代码", "code"),
        ("名称", "name"),
        ("日期", "date"),
        ("股数", "shares"),
        ("币种", "currency"),
        ("实付资金", "cash_paid"),
        ("毛收益", "gross_profit"),
        ("费用", "total_fees"),
        ("净收益", "net_profit"),
        ("持有天数", "holding_days"),
        ("资金收益率", "return_on_cash_pct"),
        ("状态", "status"),
    ]
    .iter()
    .map(|(z, e)| {
        if plain {
            e.to_string()
        } else {
            t(lang, z, e).replace("_pct", "").replace('_', " ")
        }
    })
    .collect();
    let rows = r
        .wins
        .iter()
        .map(|w| {
            let ret = w.return_on_cash_pct.map(|x| {
                if plain {
                    fixed(x, num::PCT_DP)
                } else {
                    format!("{}%", fixed(x, num::PCT_DP))
                }
            });
            // a win given up was never paid for: no money figures; one
            // still held has no profit, fees or net until sold or valued
            let paid = w.status != ledger::Status::Abandoned;
            vec![
                w.account.clone().unwrap_or_default(),
                w.code.clone(),
                w.name.clone(),
                w.date.to_string(),
                w.shares.to_string(),
                w.currency.code().to_string(),
                opt_cell(paid.then_some(w.cash_paid), plain),
                opt_cell(w.gross_profit, plain),
                opt_cell(w.total_fees, plain),
                opt_cell(w.net_profit, plain),
                w.holding_days.map(|d| d.to_string()).unwrap_or_default(),
                ret.unwrap_or_default(),
                if plain {
                    w.status.id().to_string()
                } else if w.open_shares > 0 {
                    let (s, n) = (w.status.text(lang), w.open_shares);
                    match lang {
                        Lang::Zh => format!("{s}（{n} 股未卖）"),
                        Lang::En => format!("{s} ({n} open)"),
                    }
                } else {
                    w.status.text(lang).to_string()
                },
            ]
        })
        .collect();
    (head, rows)
}

fn group_rows(r: &WinsReport, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let head = [
        ("分组", "group"),
        ("币种", "currency"),
        ("中签", "wins"),
        ("弃购", "given up"),
        ("未卖完", "open"),
        ("净收益合计", "net total"),
        ("最佳", "best"),
        ("最差", "worst"),
        ("市值收益率", "return on market value"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let ext = |e: &Option<wreport::Extreme>| {
        e.as_ref()
            .map(|e| format!("{} {}", e.name, group(e.net, num::MONEY_DP)))
            .unwrap_or_default()
    };
    let rows = r
        .groups
        .iter()
        .chain(&r.total)
        .map(|g| {
            vec![
                if g.key == "all" {
                    t(lang, "合计", "all").to_string()
                } else {
                    g.key.clone()
                },
                g.currency.code().to_string(),
                g.wins.to_string(),
                g.abandoned.to_string(),
                g.open.to_string(),
                g.net_total
                    .map(|n| group(n, num::MONEY_DP))
                    .unwrap_or_default(),
                ext(&g.best),
                ext(&g.worst),
                g.return_on_market_value_pct
                    .map(|x| format!("{}%", fixed(x, num::PCT_DP)))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    (head, rows)
}

fn render_report(r: &WinsReport, fmt: Format, lang: Lang) -> Output {
    let mut out = Output::default();
    let notes: Vec<String> = r
        .notes
        .iter()
        .map(|n| wreport::note_text(n, lang))
        .collect();
    match fmt {
        Format::Json => out.stdout = json(r),
        Format::Csv => {
            let (head, rows) = win_rows(r, lang, true);
            out.stdout = csv_of(&head, &rows);
            for l in notes.iter().chain(&r.working) {
                out.stderr.push_str(l);
                out.stderr.push('\n');
            }
        }
        Format::Table | Format::Md => {
            let md = fmt == Format::Md;
            let bullet = if md { "- " } else { "  " };
            let mut s = String::new();
            if r.wins.is_empty() {
                s.push_str(t(lang, "期间内没有中签记录\n", "no wins in the period\n"));
            } else {
                let (head, rows) = win_rows(r, lang, false);
                s.push_str(&simple_table(head, rows, md));
                let (head, rows) = group_rows(r, lang);
                s.push_str(&simple_table(head, rows, md));
            }
            s.push_str(t(
                lang,
                "\n金额四舍五入（half-up）至分显示；费用按所属日期的费率表（卖出按卖出日）或券商实收；个人买卖A股所得暂免个人所得税。\n",
                "\nAmounts shown rounded half-up to the cent; fees by the schedule of the day each belongs to (a sale by its day) or as the broker charged.\n",
            ));
            if !notes.is_empty() {
                s.push('\n');
                for n in &notes {
                    s.push_str(&format!("{bullet}{n}\n"));
                }
            }
            if !r.working.is_empty() {
                s.push_str(&format!("\n{}\n", t(lang, "计算过程：", "Working:")));
                for l in &r.working {
                    s.push_str(&format!("{bullet}{l}\n"));
                }
            }
            out.stdout = s;
        }
    }
    out
}

/// `wins import FILE`: the statement read here, the plan and the report
/// from `daxin::wins::import`, the ledger written by `store`.
fn import(
    w: &WinsArgs,
    a: &WinImportArgs,
    data: &Dataset,
    fmt: Format,
    lang: Lang,
) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let bytes = std::fs::read(&a.file)
        .map_err(|e| CliError::cannot_read(&a.file.display().to_string(), &e))?;
    let name = a.file.file_name().unwrap_or_default().to_string_lossy();
    let statement = broker::read(&bytes, &name)?;
    let account = a.account.as_deref();
    let plan = |current: &Ledger| import::plan(&statement, current, data, today, account, lang);
    let (added, skipped) = if a.dry_run {
        let current = match store::read(&path)? {
            Some(t) => ledger::parse(&t, &origin(&path))?,
            None => Ledger::default(),
        };
        plan(&current)
    } else {
        let mut result = (Vec::new(), Vec::new());
        write(&path, data, today, |current| {
            result = plan(current);
            Ok(result
                .0
                .iter()
                .map(|x| Change::Add(x.win.clone()))
                .collect())
        })?;
        result
    };
    let shown = path.display().to_string();
    let r = Import::new(&shown, a.dry_run, &statement, added, skipped, lang);
    Ok(draw_import(&r, data, fmt, lang))
}

fn draw_import(r: &Import, data: &Dataset, fmt: Format, lang: Lang) -> Output {
    let plain = fmt == Format::Csv;
    let mut out = Output::default();
    if fmt == Format::Json {
        out.stdout = json(r);
        return out;
    }
    let ids = [
        "line",
        "code",
        "name",
        "date",
        "paid",
        "shares",
        "sales",
        "fees_charged",
    ];
    let head: Vec<String> = [
        "行",
        "代码",
        "名称",
        "申购日",
        "缴款日",
        "股数",
        "卖出笔数",
        "券商实收费用",
    ]
    .iter()
    .zip([
        "line",
        "code",
        "name",
        "date",
        "paid",
        "shares",
        "sales",
        "fees charged",
    ])
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows: Vec<Vec<String>> = r
        .added
        .iter()
        .map(|x| {
            let name = ledger::facts(&x.win, data).map(|f| f.name);
            vec![
                x.line.to_string(),
                x.win.code.clone(),
                name.unwrap_or_default(),
                day(x.win.date),
                day(x.win.paid),
                x.win.shares.to_string(),
                x.win.sales.len().to_string(),
                money_cell(x.fees_charged(), plain),
            ]
        })
        .collect();
    let remarks = r.remarks(lang);
    if plain {
        out.stdout = csv_of(&ids, &rows);
        out.stderr = remarks.iter().map(|l| format!("{l}\n")).collect();
        return out;
    }
    out.stdout = format!("{}\n", r.heading(lang));
    if !rows.is_empty() {
        out.stdout
            .push_str(&simple_table(head, rows, fmt == Format::Md));
    }
    if !remarks.is_empty() {
        out.stdout.push('\n');
        out.stdout.extend(remarks.iter().map(|l| format!("{l}\n")));
    }
    out
}
