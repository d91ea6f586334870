//! `daxin wins add|sell|drop|list|report|import`: flags validated into a
//! win or a sale here, checked by `daxin::wins::ledger`, written by
//! `store` (locked, atomic, with a `.bak`), and reported by
//! `daxin::wins::report`.

use std::path::PathBuf;

use chrono::NaiveDate;
use daxin::board::Board;
use daxin::data::Dataset;
use daxin::fees::{self, Schedule};
use daxin::input::{self, Price};
use daxin::num::{self, fixed, group};
use daxin::wins::broker::{self, Reason, Skipped};
use daxin::wins::ledger::{self, ActualFees, Change, Kind, Ledger, Sale, Win};
use daxin::wins::report::{self as wreport, GroupBy, Options, WinsReport};
use daxin::Currency;
use daxin::Lang;
use rust_decimal::Decimal;

use super::args::{
    Format, WinAddArgs, WinDropArgs, WinFacts, WinImportArgs, WinReportArgs, WinSellArgs, WinsArgs,
    WinsCmd,
};
use super::draw::{render_table as simple_table, t};
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
    Err(CliError {
        msg: "no ledger: give --ledger FILE or set $DAXIN_LEDGER".into(),
        code: 2,
    })
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
        daxin::Error::Data { message, .. } => CliError {
            msg: format!("{}: {message}", origin(path)),
            code: 2,
        },
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
        issue_price: f
            .issue_price
            .as_deref()
            .map(|p| input::parse_price("--issue-price", p))
            .transpose()?,
        lot_shares: f
            .lot_size
            .as_deref()
            .map(|l| input::parse_shares("--lot-size", l).map(|s| s.get()))
            .transpose()?,
        date,
        paid: opt_date("--paid", &f.paid)?,
        listed: opt_date("--listed", &f.listed)?,
        note: f.note.clone(),
        ..Win::default()
    };
    w.shares = match (&f.shares, &f.lots) {
        (Some(_), Some(l)) => {
            return Err(
                daxin::Error::invalid("--lots", l, "give --shares or --lots, not both").into(),
            )
        }
        (Some(s), None) => input::parse_shares("--shares", s)?.get(),
        (None, Some(l)) => {
            let n = input::parse_shares("--lots", l)?.get();
            let lot = ledger::facts(&w, data)?.lot_shares.ok_or_else(|| {
                daxin::Error::missing(
                    "--lot-size",
                    "--lots needs the lot size: give --lot-size or --shares",
                )
            })?;
            n.checked_mul(lot)
                .ok_or_else(|| daxin::Error::invalid("--lots", l, "too many"))?
        }
        (None, None) if kind != Kind::Share => 0,
        (None, None) => {
            return Err(
                daxin::Error::missing("--shares", "how many shares (or --lots) were won").into(),
            )
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
    let (new, _) = write(&path, data, today, |_| Ok(vec![Change::Add(win.clone())]))?;
    let f = ledger::facts(&win, data)?;
    Ok(done(
        lang,
        format!(
            "已记录中签：{} {} {} 股，共 {} 笔",
            win.code,
            f.name,
            win.shares,
            new.wins.len()
        ),
        format!(
            "recorded: {} {} {} shares; {} wins in the ledger",
            win.code,
            f.name,
            win.shares,
            new.wins.len()
        ),
        &path,
    ))
}

fn sell(w: &WinsArgs, a: &WinSellArgs, data: &Dataset, lang: Lang) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let date = input::parse_date("--date", &a.date)?;
    let price: Price = input::parse_price("--price", &a.price)?;
    let shares = a
        .shares
        .as_deref()
        .map(|s| input::parse_shares("--shares", s).map(|s| s.get()))
        .transpose()?;
    let paid = [
        ("--commission-paid", &a.commission_paid),
        ("--stamp-duty-paid", &a.stamp_duty_paid),
        ("--transfer-fee-paid", &a.transfer_fee_paid),
        ("--other-fees-paid", &a.other_fees_paid),
    ];
    let mut amounts = [rust_decimal::Decimal::ZERO; 4];
    let mut any = false;
    for (i, (flag, v)) in paid.iter().enumerate() {
        if let Some(v) = v {
            amounts[i] = input::parse_fee(flag, v)?;
            any = true;
        }
    }
    let fees = any.then_some(ActualFees {
        commission: amounts[0],
        stamp_duty: amounts[1],
        transfer_fee: amounts[2],
        other: amounts[3],
    });
    let mut sold = (String::new(), 0u64, 0u64);
    write(&path, data, today, |l| {
        let i = ledger::find(l, &a.code, a.account.as_deref())?;
        let win = &l.wins[i];
        let held = win.held();
        let n = shares.unwrap_or(held);
        if n == 0 {
            return Err(daxin::Error::invalid(
                "--shares",
                "0",
                "no shares of this win are still held",
            )
            .into());
        }
        let sale = Sale {
            date,
            shares: n,
            price,
            fees,
        };
        let mut check = win.clone();
        check.sales.push(sale.clone());
        ledger::validate_win(&check, data, today)?;
        sold = (win.code.clone(), n, held - n);
        Ok(vec![Change::Sell(i, sale)])
    })?;
    Ok(done(
        lang,
        format!(
            "已记录卖出：{} {} 股 @ {}，尚持有 {} 股",
            sold.0,
            sold.1,
            price.get(),
            sold.2
        ),
        format!(
            "recorded: sold {} shares of {} at {}; {} still held",
            sold.1,
            sold.0,
            price.get(),
            sold.2
        ),
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

fn list(w: &WinsArgs, data: &Dataset, fmt: Format, lang: Lang) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let (l, facts) = load(&path, data, today)?;
    let entries = ledger::entries(&l, facts);
    let mut out = Output::default();
    let head: Vec<String> = [
        ("账户", "account"),
        ("代码", "code"),
        ("名称", "name"),
        ("板块", "board"),
        ("申购日", "date"),
        ("缴款日", "paid"),
        ("中签股数", "shares"),
        ("持有", "held"),
        ("状态", "status"),
    ]
    .iter()
    .map(|(z, e)| t(lang, z, e).to_string())
    .collect();
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.win.account.clone().unwrap_or_default(),
                e.win.code.clone(),
                e.facts.name.clone(),
                e.facts
                    .board
                    .map(|b| match lang {
                        Lang::Zh => b.name_zh().to_string(),
                        Lang::En => b.id().to_string(),
                    })
                    .unwrap_or_default(),
                e.win.date.map(|d| d.to_string()).unwrap_or_default(),
                e.win.paid.map(|d| d.to_string()).unwrap_or_default(),
                e.win.shares.to_string(),
                e.held.to_string(),
                e.status.text(lang).to_string(),
            ]
        })
        .collect();
    match fmt {
        Format::Json => {
            let v = serde_json::json!({ "ledger": path.display().to_string(), "wins": entries });
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Csv => {
            let mut wr = csv::Writer::from_writer(Vec::new());
            let _ = wr.write_record([
                "account", "code", "name", "board", "date", "paid", "shares", "held", "status",
            ]);
            for (e, r) in entries.iter().zip(&rows) {
                let mut r = r.clone();
                r[3] = e
                    .facts
                    .board
                    .map(|b| b.id().to_string())
                    .unwrap_or_default();
                r[8] = serde_json::to_value(e.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let _ = wr.write_record(&r);
            }
            out.stdout = String::from_utf8(wr.into_inner().unwrap_or_default()).unwrap_or_default();
        }
        Format::Table | Format::Md => {
            if rows.is_empty() {
                out.stdout = match lang {
                    Lang::Zh => format!("账本中没有中签记录（{}）\n", path.display()),
                    Lang::En => format!("no wins in the ledger ({})\n", path.display()),
                };
            } else {
                out.stdout = simple_table(head, rows, fmt == Format::Md);
            }
        }
    }
    Ok(out)
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
        WinsCmd::List => list(w, data, fmt, lang),
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
    let mut opts = Options::new(today);
    opts.cny = cfg.broker(Currency::Cny);
    opts.hkd = cfg.broker(Currency::Hkd);
    if let Some(c) = &a.commission {
        let r = fees::parse_rate("--commission", c)?;
        opts.cny.commission_rate = r;
        opts.hkd.commission_rate = r;
    }
    if let Some(m) = &a.min_commission {
        let x = input::parse_fee("--min-commission", m)?;
        opts.cny.min_commission = x;
        opts.hkd.min_commission = x;
    }
    if let Some(h) = &a.handling_fee {
        opts.hkd.handling_fee = input::parse_fee("--handling-fee", h)?;
    }
    opts.by = a.by.as_deref().map(str::parse::<GroupBy>).transpose()?;
    opts.from = opt_date("--from", &a.from)?;
    opts.to = opt_date("--to", &a.to)?;
    if let (Some(f), Some(t)) = (opts.from, opts.to) {
        if t < f {
            return Err(daxin::Error::invalid(
                "--to",
                &t.to_string(),
                format!("before --from {f}"),
            )
            .into());
        }
    }
    opts.mv_sh = a
        .mv_sh
        .as_deref()
        .map(|v| input::parse_money("--mv-sh", v))
        .transpose()?;
    opts.mv_sz = a
        .mv_sz
        .as_deref()
        .map(|v| input::parse_money("--mv-sz", v))
        .transpose()?;
    for m in &a.price {
        let (code, price) = m.split_once('=').ok_or_else(|| {
            daxin::Error::invalid("--price", m, "expected CODE=PRICE, such as 688802=700")
        })?;
        opts.marks.push((
            input::normalize(code),
            input::parse_price("--price", price)?,
        ));
    }
    let schedule = Schedule::builtin()?;
    let mut r = wreport::report(&l, data, &schedule, &opts)?;
    if explain {
        r.working = wreport::explain(&r, &opts, lang);
    }
    Ok(render_report(&r, fmt, lang))
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
            // a win given up was never paid for: no money figures
            let paid = w.status != ledger::Status::Abandoned;
            let cell = |x: Decimal| {
                if paid {
                    money_cell(x, plain)
                } else {
                    String::new()
                }
            };
            vec![
                w.account.clone().unwrap_or_default(),
                w.code.clone(),
                w.name.clone(),
                w.date.to_string(),
                w.shares.to_string(),
                w.currency.code().to_string(),
                cell(w.cash_paid),
                cell(w.gross_profit),
                cell(w.total_fees),
                opt_cell(w.net_profit, plain),
                w.holding_days.map(|d| d.to_string()).unwrap_or_default(),
                ret.unwrap_or_default(),
                if plain {
                    serde_json::to_value(w.status)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                } else if w.open_shares > 0 {
                    format!(
                        "{}（{} {}）",
                        w.status.text(lang),
                        w.open_shares,
                        t(lang, "股未卖", "open")
                    )
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
                group(g.net_total, num::MONEY_DP),
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
        Format::Json => {
            out.stdout = format!("{}\n", serde_json::to_string_pretty(r).unwrap_or_default());
        }
        Format::Csv => {
            let (head, rows) = win_rows(r, lang, true);
            let mut wr = csv::Writer::from_writer(Vec::new());
            let _ = wr.write_record(&head);
            for row in rows {
                let _ = wr.write_record(&row);
            }
            out.stdout = String::from_utf8(wr.into_inner().unwrap_or_default()).unwrap_or_default();
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

/// One win the import adds, for the output.
#[derive(serde::Serialize)]
struct Added {
    line: usize,
    win: Win,
    dated_by_credit: bool,
}

fn import(
    w: &WinsArgs,
    a: &WinImportArgs,
    data: &Dataset,
    fmt: Format,
    lang: Lang,
) -> Result<Output, CliError> {
    let path = ledger_path(w.ledger.as_deref())?;
    let today = today(w)?;
    let bytes = std::fs::read(&a.file).map_err(|e| CliError {
        msg: format!("{}: cannot read: {e}", a.file.display()),
        code: 2,
    })?;
    let name = a
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let statement = broker::read(&bytes, &name)?;
    let columns = statement.columns.clone();
    let plan = |current: &Ledger| -> (Vec<Added>, Vec<Skipped>) {
        let mut added = Vec::new();
        let mut skipped = statement.skipped.clone();
        for f in &statement.wins {
            let mut win = f.win.clone();
            win.account = a.account.clone().filter(|x| !x.trim().is_empty());
            if ledger::lookup(data, &win.code).is_none() {
                win.board = ledger::board_of_code(&win.code);
                win.issue_price = f.price.and_then(|p| Price::new("成交价格", p).ok());
                // the data's name is used when it has the IPO
            } else {
                win.name = None;
            }
            let dup = current
                .wins
                .iter()
                .chain(added.iter().map(|x: &Added| &x.win))
                .any(|o| {
                    daxin::data::normalize_code(&o.code) == daxin::data::normalize_code(&win.code)
                        && o.account == win.account
                });
            if dup {
                skipped.push(Skipped {
                    line: f.line,
                    reason: Reason::Other {
                        operation: match lang {
                            Lang::Zh => format!("{} 已在账本中", win.code),
                            Lang::En => format!("{} is already in the ledger", win.code),
                        },
                    },
                });
                continue;
            }
            match ledger::validate_win(&win, data, today) {
                Ok(_) => added.push(Added {
                    line: f.line,
                    win,
                    dated_by_credit: f.dated_by_credit,
                }),
                Err(e) => skipped.push(Skipped {
                    line: f.line,
                    reason: Reason::Bad {
                        message: e.to_string(),
                    },
                }),
            }
        }
        skipped.sort_by_key(|s| s.line);
        (added, skipped)
    };
    let (added, skipped) = if a.dry_run {
        let current = match store::read(&path)? {
            Some(t) => ledger::parse(&t, &origin(&path))?,
            None => Ledger::default(),
        };
        plan(&current)
    } else {
        let mut result = (Vec::new(), Vec::new());
        write(&path, data, today, |current| {
            let (added, skipped) = plan(current);
            let changes = added.iter().map(|x| Change::Add(x.win.clone())).collect();
            result = (added, skipped);
            Ok(changes)
        })?;
        result
    };
    let mut out = Output::default();
    match fmt {
        Format::Json => {
            let v = serde_json::json!({
                "ledger": path.display().to_string(),
                "dry_run": a.dry_run,
                "columns": columns,
                "added": added,
                "skipped": skipped.iter().map(|s| serde_json::json!({
                    "line": s.line,
                    "reason": s.reason,
                    "text": broker::reason_text(&s.reason, lang),
                })).collect::<Vec<_>>(),
            });
            out.stdout = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        _ => {
            let md = fmt == Format::Md;
            let plain = fmt == Format::Csv;
            let head: Vec<String> = [
                ("行", "line"),
                ("代码", "code"),
                ("名称", "name"),
                ("申购日", "date"),
                ("缴款日", "paid"),
                ("股数", "shares"),
                ("卖出笔数", "sales"),
                ("券商实收费用", "fees charged"),
            ]
            .iter()
            .map(|(z, e)| t(lang, z, e).to_string())
            .collect();
            let rows: Vec<Vec<String>> = added
                .iter()
                .map(|x| {
                    let fees: Decimal = x
                        .win
                        .sales
                        .iter()
                        .filter_map(|s| s.fees.map(|f| f.total()))
                        .sum();
                    vec![
                        x.line.to_string(),
                        x.win.code.clone(),
                        ledger::facts(&x.win, data)
                            .map(|f| f.name)
                            .unwrap_or_default(),
                        x.win.date.map(|d| d.to_string()).unwrap_or_default(),
                        x.win.paid.map(|d| d.to_string()).unwrap_or_default(),
                        x.win.shares.to_string(),
                        x.win.sales.len().to_string(),
                        money_cell(fees, plain),
                    ]
                })
                .collect();
            let mut s = String::new();
            if plain {
                let mut wr = csv::Writer::from_writer(Vec::new());
                let _ = wr.write_record([
                    "line",
                    "code",
                    "name",
                    "date",
                    "paid",
                    "shares",
                    "sales",
                    "fees_charged",
                ]);
                for r in &rows {
                    let _ = wr.write_record(r);
                }
                s = String::from_utf8(wr.into_inner().unwrap_or_default()).unwrap_or_default();
            } else {
                s.push_str(&match (lang, a.dry_run) {
                    (Lang::Zh, true) => {
                        format!("将加入 {} 笔中签（试运行，未写入）：\n", added.len())
                    }
                    (Lang::Zh, false) => {
                        format!("已加入 {} 笔中签（{}）：\n", added.len(), path.display())
                    }
                    (Lang::En, true) => format!(
                        "would add {} wins (dry run, nothing written):\n",
                        added.len()
                    ),
                    (Lang::En, false) => {
                        format!("added {} wins ({}):\n", added.len(), path.display())
                    }
                });
                if !rows.is_empty() {
                    s.push_str(&simple_table(head, rows, md));
                }
            }
            let mut remarks = Vec::new();
            for x in added.iter().filter(|x| x.dated_by_credit) {
                remarks.push(match lang {
                    Lang::Zh => format!("第 {} 行 {}：交割单中没有缴款记录，按新股入帐日记日期", x.line, x.win.code),
                    Lang::En => format!("line {} {}: no payment row in the statement; dated by the day the shares were credited", x.line, x.win.code),
                });
            }
            if !skipped.is_empty() {
                remarks.push(match lang {
                    Lang::Zh => format!("未导入的行（{}）：", skipped.len()),
                    Lang::En => format!("rows left out ({}):", skipped.len()),
                });
                for k in &skipped {
                    remarks.push(match lang {
                        Lang::Zh => format!(
                            "  第 {} 行：{}",
                            k.line,
                            broker::reason_text(&k.reason, lang)
                        ),
                        Lang::En => format!(
                            "  line {}: {}",
                            k.line,
                            broker::reason_text(&k.reason, lang)
                        ),
                    });
                }
            }
            let target = if plain { &mut out.stderr } else { &mut s };
            if !remarks.is_empty() {
                if !plain {
                    target.push('\n');
                }
                for r in remarks {
                    target.push_str(&r);
                    target.push('\n');
                }
            }
            out.stdout = s;
        }
    }
    Ok(out)
}
