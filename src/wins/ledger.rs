//! The ledger of one's own wins: a plain TOML file the user owns (and can
//! keep in git), its parser with line and field errors, its validation
//! against each IPO's rules, and the edits `add`, `sell` and `drop` make.
//!
//! ```toml
//! version = 1
//!
//! [[win]]
//! account = "华泰"          # optional label
//! code = "688802"           # the data fills name, board, issue price, lot, listing day
//! date = 2025-12-05         # subscription day (T); or `paid`, or both
//! paid = 2025-12-09         # the day the cash was paid (T+2)
//! shares = 500              # `daxin wins add --lots 1` writes shares
//!
//! [[win.sale]]              # sales, whole or partial
//! date = 2025-12-17
//! shares = 500
//! price = "829.90"          # prices as strings: exact
//! fees = { commission = "103.74", stamp_duty = "207.48", transfer_fee = "4.15", other = "22.45" }
//!
//! [[win]]
//! code = "301000"           # an IPO not in the data gives its own facts
//! name = "某某科技"
//! board = "chinext"
//! issue_price = "20.00"
//! date = 2025-03-03
//! shares = 500
//! abandoned = 2025-03-06    # 弃购: not paid
//! ```
//!
//! Parsing does no I/O and never guesses: a field of the wrong type, an
//! unknown field, a float price (not exact), a date out of range are errors
//! naming the line and the field. [`validate`] checks each win against the
//! IPO's rules as of `today` (passed in, never read here): whole lots, dates
//! in order and not in the future, sales on or after listing, never more
//! sold than held, one win per account and IPO. The file is edited with
//! `toml_edit`, so the user's comments and layout survive an edit; the
//! edited text is read back and must give the expected ledger.
//!
//! ```
//! use daxin::wins::ledger::{parse, to_toml};
//! let text = "[[win]]\ncode = \"688802\"\ndate = 2025-12-05\nshares = 500\n";
//! let ledger = parse(text, "wins.toml").unwrap();
//! assert_eq!(ledger.wins[0].shares, 500);
//! assert_eq!(parse(&to_toml(&ledger), "again").unwrap(), ledger);
//! let e = parse("[[win]]\ncode = \"688802\"\nshares = -5\n", "wins.toml").unwrap_err();
//! assert!(e.to_string().contains("line 3") && e.to_string().contains("shares"), "{e}");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::board::{self, Board, Currency};
use crate::data::{normalize_code, Dataset};
use crate::error::{Error, Result, Why};
use crate::input::{self, Price};
use crate::ipo::Ipo;

/// The ledger format's version, written at the top of the file.
pub const VERSION: i64 = 1;

/// What was won: shares, or the other securities whose 弃购 count toward
/// the same limit (depositary receipts, convertible and exchangeable bonds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// New shares (the default).
    #[default]
    Share,
    /// Depositary receipts (存托凭证).
    DepositaryReceipt,
    /// Convertible bonds (可转债).
    ConvertibleBond,
    /// Exchangeable bonds (可交换债).
    ExchangeableBond,
}

impl Kind {
    /// The id in the file.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Share => "share",
            Kind::DepositaryReceipt => "depositary_receipt",
            Kind::ConvertibleBond => "convertible_bond",
            Kind::ExchangeableBond => "exchangeable_bond",
        }
    }

    fn parse(raw: &str) -> Option<Kind> {
        match raw.trim() {
            "share" | "shares" | "stock" | "新股" => Some(Kind::Share),
            "depositary_receipt" | "dr" | "存托凭证" => Some(Kind::DepositaryReceipt),
            "convertible_bond" | "cb" | "可转债" => Some(Kind::ConvertibleBond),
            "exchangeable_bond" | "eb" | "可交换债" => Some(Kind::ExchangeableBond),
            _ => None,
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Kind> {
        Kind::parse(s).ok_or_else(|| {
            Error::invalid_at(
                crate::why!("kind", "品种"),
                s,
                crate::why!(
                    "expected share, depositary_receipt, convertible_bond or exchangeable_bond",
                    "应为 share、depositary_receipt、convertible_bond 或 exchangeable_bond"
                ),
            )
        })
    }
}

/// The fees a broker actually charged on a sale (from its statement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ActualFees {
    /// Commission (佣金 / 手续费).
    pub commission: Decimal,
    /// Stamp duty (印花税).
    pub stamp_duty: Decimal,
    /// Transfer fee (过户费).
    pub transfer_fee: Decimal,
    /// Everything else (其他费, 经手费, 证管费, 结算费, …).
    pub other: Decimal,
}

impl ActualFees {
    /// The sum of the items.
    pub fn total(&self) -> Decimal {
        self.commission + self.stamp_duty + self.transfer_fee + self.other
    }
}

/// One sale of won shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sale {
    /// The trading day.
    pub date: NaiveDate,
    /// Shares sold.
    pub shares: u64,
    /// Price per share.
    pub price: Price,
    /// The broker's actual fees, when known (an import); else the
    /// schedules of the day and the user's broker terms price them.
    pub fees: Option<ActualFees>,
}

/// One win, as the ledger holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Win {
    /// A label for the account (optional).
    pub account: Option<String>,
    /// The security's code (the listing code).
    pub code: String,
    /// What was won.
    pub kind: Kind,
    /// Name, when the data does not have the IPO.
    pub name: Option<String>,
    /// Board, when the data does not have the IPO.
    pub board: Option<Board>,
    /// Issue price, when the data does not have the IPO.
    pub issue_price: Option<Price>,
    /// Shares per lot, when neither the data nor the board's rule gives it.
    pub lot_shares: Option<u64>,
    /// The subscription day (T).
    pub date: Option<NaiveDate>,
    /// The day the cash was paid (A-shares T+2).
    pub paid: Option<NaiveDate>,
    /// The listing day, when the data does not have it.
    pub listed: Option<NaiveDate>,
    /// Shares won.
    pub shares: u64,
    /// Sales, in date order.
    pub sales: Vec<Sale>,
    /// The day the win was given up (弃购), if it was.
    pub abandoned: Option<NaiveDate>,
    /// A free-text remark.
    pub note: Option<String>,
    /// Where the entry came from (an import's file and line).
    pub source: Option<String>,
}

impl Win {
    /// Shares sold so far.
    pub fn sold(&self) -> u64 {
        self.sales.iter().map(|s| s.shares).sum()
    }

    /// Shares still held: none for a win given up (弃购), which was never
    /// paid for.
    pub fn held(&self) -> u64 {
        if self.abandoned.is_some() {
            return 0;
        }
        self.shares.saturating_sub(self.sold())
    }

    /// The day the win is dated by: the subscription day, else the payment day.
    pub fn day(&self) -> Option<NaiveDate> {
        self.date.or(self.paid)
    }

    /// Whether `account` names this win's account (both absent counts).
    pub fn in_account(&self, account: Option<&str>) -> bool {
        self.account.as_deref() == account
    }
}

/// The whole ledger.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Ledger {
    /// The wins, in file order.
    pub wins: Vec<Win>,
}

// ---------------------------------------------------------------- parsing

type Field = Option<Spanned<toml::Value>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: Option<Spanned<toml::Value>>,
    #[serde(default)]
    win: Vec<Spanned<RawWin>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWin {
    account: Field,
    code: Field,
    kind: Field,
    name: Field,
    board: Field,
    issue_price: Field,
    lot_shares: Field,
    date: Field,
    paid: Field,
    listed: Field,
    shares: Field,
    #[serde(default)]
    sale: Vec<Spanned<RawSale>>,
    abandoned: Field,
    note: Field,
    source: Field,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSale {
    date: Field,
    shares: Field,
    price: Field,
    fees: Option<Spanned<RawFees>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFees {
    commission: Field,
    stamp_duty: Field,
    transfer_fee: Field,
    other: Field,
}

/// The line and column (1-based) of byte `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let head = text.get(..at.min(text.len())).unwrap_or(text);
    let col = head.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line_at(text, at), col)
}

/// The line of byte `at` in `text` (1-based).
fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

struct Ctx<'a> {
    text: &'a str,
    errors: Vec<Why>,
}

impl Ctx<'_> {
    fn err(&mut self, span: std::ops::Range<usize>, field: &str, value: &str, why: Why) {
        let line = line_at(self.text, span.start);

        self.errors.push(Why::pair(
            format!("line {line}: {field}: {} (got {value:?})", why.en()),
            format!("第 {line} 行：{field}：{}（输入为 {value:?}）", why.zh()),
        ));
    }

    fn shown(v: &toml::Value) -> String {
        match v {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    fn string(&mut self, f: &Field, name: &str) -> Option<String> {
        let f = f.as_ref()?;
        match f.get_ref() {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Integer(i) if name == "code" => Some(i.to_string()),
            other => {
                self.err(
                    f.span(),
                    name,
                    &Self::shown(other),
                    crate::why!("expected text in quotes", "应为加引号的文本"),
                );
                None
            }
        }
    }

    fn date(&mut self, f: &Field, name: &str) -> Option<NaiveDate> {
        let f = f.as_ref()?;
        let raw = match f.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            other => {
                self.err(
                    f.span(),
                    name,
                    &Self::shown(other),
                    crate::why!(
                        "expected a date such as 2025-12-17",
                        "应为日期，例如 2025-12-17"
                    ),
                );
                return None;
            }
        };
        match input::parse_date(name, &raw) {
            Ok(d) => Some(d),
            Err(e) => {
                let why = match &e {
                    Error::Invalid { reason, .. } => reason.clone(),
                    other => Why::of(other),
                };
                self.err(f.span(), name, &raw, why);
                None
            }
        }
    }

    fn count(&mut self, f: &Field, name: &str) -> Option<u64> {
        let f = f.as_ref()?;
        let raw = match f.get_ref() {
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::String(s) => s.clone(),
            other => {
                self.err(
                    f.span(),
                    name,
                    &Self::shown(other),
                    crate::why!("expected a whole number", "应为整数"),
                );
                return None;
            }
        };
        match input::parse_shares(name, &raw) {
            Ok(s) => Some(s.get()),
            Err(e) => {
                let why = match &e {
                    Error::Invalid { reason, .. } => reason.clone(),
                    other => Why::of(other),
                };
                self.err(f.span(), name, &raw, why);
                None
            }
        }
    }

    fn decimal(&mut self, f: &Field, name: &str, price: bool) -> Option<Decimal> {
        let f = f.as_ref()?;
        let raw = match f.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(x) => {
                self.err(
                    f.span(),
                    name,
                    &x.to_string(),
                    crate::why!(
                        "write amounts in quotes (\"104.66\") so they stay exact",
                        "金额请加引号（\"104.66\"），以保持精确"
                    ),
                );
                return None;
            }
            other => {
                self.err(
                    f.span(),
                    name,
                    &Self::shown(other),
                    crate::why!("expected an amount in quotes", "应为加引号的金额"),
                );
                return None;
            }
        };
        let r = if price {
            input::parse_price(name, &raw).map(|p| p.get())
        } else {
            input::parse_fee(name, &raw)
        };
        match r {
            Ok(x) => Some(x),
            Err(e) => {
                let why = match &e {
                    Error::Invalid { reason, .. } => reason.clone(),
                    other => Why::of(other),
                };
                self.err(f.span(), name, &raw, why);
                None
            }
        }
    }
}

/// Reads a ledger's text. Every problem is reported, each with its line
/// and field; `origin` names the file. A ledger that does not read is an
/// error as a whole: nothing in it is used, and nothing rewrites it.
pub fn parse(text: &str, origin: &str) -> Result<Ledger> {
    parse_with_lines(text, origin).map(|(l, _)| l)
}

/// [`parse`], with the line each win starts on.
pub fn parse_with_lines(text: &str, origin: &str) -> Result<(Ledger, Vec<usize>)> {
    let file_err = |message: Why| Error::data(origin, message);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(0);
        let msg = e.message().trim_end().to_string();
        let en = if line > 0 {
            format!("line {line}: {msg}")
        } else {
            msg.clone()
        };
        file_err(Why::parser(
            "TOML",
            (line > 0).then_some((line, 0)),
            &msg,
            &en,
        ))
    })?;
    let mut cx = Ctx {
        text,
        errors: Vec::new(),
    };
    if let Some(v) = &raw.version {
        if v.get_ref().as_integer() != Some(VERSION) {
            cx.err(
                v.span(),
                "version",
                &Ctx::shown(v.get_ref()),
                crate::why!(
                    "this daxin reads ledger version 1",
                    "此版本 daxin 只读取第 1 版的中签记录"
                ),
            );
        }
    }
    let mut wins = Vec::with_capacity(raw.win.len());
    let mut lines = Vec::with_capacity(raw.win.len());
    for w in &raw.win {
        let span = w.span();
        let r = w.get_ref();
        let code = cx.string(&r.code, "code");
        let kind = match cx.string(&r.kind, "kind") {
            Some(k) => match Kind::parse(&k) {
                Some(k) => k,
                None => {
                    let sp = r.kind.as_ref().map(|f| f.span()).unwrap_or(span.clone());
                    cx.err(
                        sp,
                        "kind",
                        &k,
                        crate::why!("expected share, depositary_receipt, convertible_bond or exchangeable_bond", "应为 share、depositary_receipt、convertible_bond 或 exchangeable_bond"),
                    );
                    Kind::Share
                }
            },
            None => Kind::Share,
        };
        let board = match cx.string(&r.board, "board") {
            Some(b) => match b.parse::<Board>() {
                Ok(b) => Some(b),
                Err(_) => {
                    let sp = r.board.as_ref().map(|f| f.span()).unwrap_or(span.clone());
                    cx.err(
                        sp,
                        "board",
                        &b,
                        crate::why!(
                            "expected one of sse-main, star, szse-main, chinext, bse, hkex",
                            "应为 sse-main、star、szse-main、chinext、bse、hkex 之一"
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let issue_price = cx
            .decimal(&r.issue_price, "issue_price", true)
            .and_then(|x| Price::new("issue_price", x).ok());
        let lot_shares = cx.count(&r.lot_shares, "lot_shares");
        // missing shares are the validation's business (a bond given up
        // has none)
        let shares = cx.count(&r.shares, "shares");
        let mut sales = Vec::new();
        for s in &r.sale {
            let sr = s.get_ref();
            let date = cx.date(&sr.date, "sale.date");
            let sh = cx.count(&sr.shares, "sale.shares");
            let price = cx
                .decimal(&sr.price, "sale.price", true)
                .and_then(|x| Price::new("sale.price", x).ok());
            for (f, name) in [
                (&sr.date, "sale.date"),
                (&sr.shares, "sale.shares"),
                (&sr.price, "sale.price"),
            ] {
                if f.is_none() {
                    cx.err(s.span(), name, "", crate::why!("missing", "缺失"));
                }
            }
            let fees = sr.fees.as_ref().map(|f| {
                let fr = f.get_ref();
                ActualFees {
                    commission: cx
                        .decimal(&fr.commission, "fees.commission", false)
                        .unwrap_or_default(),
                    stamp_duty: cx
                        .decimal(&fr.stamp_duty, "fees.stamp_duty", false)
                        .unwrap_or_default(),
                    transfer_fee: cx
                        .decimal(&fr.transfer_fee, "fees.transfer_fee", false)
                        .unwrap_or_default(),
                    other: cx
                        .decimal(&fr.other, "fees.other", false)
                        .unwrap_or_default(),
                }
            });
            if let (Some(date), Some(shares), Some(price)) = (date, sh, price) {
                sales.push(Sale {
                    date,
                    shares,
                    price,
                    fees,
                });
            }
        }
        if code.is_none() {
            cx.err(
                span.clone(),
                "code",
                "",
                crate::why!("missing: the security's code", "缺失：证券代码"),
            );
        }
        let win = Win {
            account: cx
                .string(&r.account, "account")
                .filter(|s| !s.trim().is_empty()),
            code: code.map(|c| input::normalize(&c)).unwrap_or_default(),
            kind,
            name: cx.string(&r.name, "name").filter(|s| !s.trim().is_empty()),
            board,
            issue_price,
            lot_shares,
            date: cx.date(&r.date, "date"),
            paid: cx.date(&r.paid, "paid"),
            listed: cx.date(&r.listed, "listed"),
            shares: shares.unwrap_or(0),
            sales,
            abandoned: cx.date(&r.abandoned, "abandoned"),
            note: cx.string(&r.note, "note"),
            source: cx.string(&r.source, "source"),
        };
        wins.push(win);
        lines.push(line_at(text, span.start));
    }
    if !cx.errors.is_empty() {
        return Err(file_err(Why::join(&cx.errors)));
    }
    Ok((Ledger { wins }, lines))
}

// ------------------------------------------------------------- resolution

/// A win's IPO facts, from the ledger where it gives them, else the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Facts {
    /// The name.
    pub name: String,
    /// The board, when known.
    pub board: Option<Board>,
    /// The currency.
    pub currency: Currency,
    /// The issue price, when known.
    pub issue_price: Option<Price>,
    /// Shares per lot, when known.
    pub lot_shares: Option<u64>,
    /// The listing day, when known.
    pub listed: Option<NaiveDate>,
    /// Whether the data has the IPO.
    pub in_data: bool,
}

/// The IPO in the data with exactly this code.
pub fn lookup<'a>(data: &'a Dataset, code: &str) -> Option<&'a Ipo> {
    let key = normalize_code(code);
    data.ipos().iter().find(|i| normalize_code(&i.code) == key)
}

/// The board a code belongs to by its prefix (A-shares), when it says.
pub fn board_of_code(code: &str) -> Option<Board> {
    let c = input::normalize(code);
    if c.len() != 6 || !c.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match &c[..3] {
        "688" | "689" => Board::Star,
        "600" | "601" | "603" | "605" => Board::SseMain,
        "000" | "001" | "002" | "003" => Board::SzseMain,
        "300" | "301" | "302" => Board::ChiNext,
        _ if c.starts_with('8') || c.starts_with('4') || c.starts_with("92") => Board::Bse,
        _ => return None,
    })
}

/// Fills a win's facts from the data; the ledger's own values must agree
/// with the data's where both exist.
pub fn facts(win: &Win, data: &Dataset) -> Result<Facts> {
    let ipo = lookup(data, &win.code);
    if let Some(ipo) = ipo {
        let clash = |field: &str, mine: String, theirs: String| {
            Error::invalid(
                field,
                &mine,
                crate::why!(
                    "differs from the data's {theirs} for {}",
                    "与数据中 {} 的 {theirs} 不一致",
                    ipo.code
                ),
            )
        };
        if let Some(p) = win.issue_price {
            if p != ipo.issue_price {
                return Err(clash(
                    "issue_price",
                    p.get().to_string(),
                    ipo.issue_price.get().to_string(),
                ));
            }
        }
        if let (Some(b), Some(d)) = (win.board, ipo.board) {
            if b != d {
                return Err(clash("board", b.id().into(), d.id().into()));
            }
        }
        if let (Some(l), Some(d)) = (win.listed, ipo.listing_date) {
            if l != d {
                return Err(clash("listed", l.to_string(), d.to_string()));
            }
        }
        let board = win.board.or(ipo.board);
        return Ok(Facts {
            name: win.name.clone().unwrap_or_else(|| ipo.name_zh.clone()),
            board,
            currency: ipo.currency,
            issue_price: Some(ipo.issue_price),
            lot_shares: win.lot_shares.or(Some(ipo.lot_shares.get())),
            listed: win.listed.or(ipo.listing_date),
            in_data: true,
        });
    }
    let board = win.board.or_else(|| board_of_code(&win.code));
    let lot = match (win.lot_shares, board, win.day()) {
        (Some(l), _, _) => Some(l),
        (None, Some(b), Some(d)) => board::lot_rule(b, d).ok().and_then(|r| r.shares),
        _ => None,
    };
    Ok(Facts {
        name: win.name.clone().unwrap_or_else(|| win.code.clone()),
        board,
        currency: board.map(Board::currency).unwrap_or(Currency::Cny),
        issue_price: win.issue_price,
        lot_shares: lot,
        listed: win.listed,
        in_data: false,
    })
}

// ------------------------------------------------------------- validation

fn problem(field: &str, value: String, why: Why) -> Error {
    Error::invalid(field, &value, why)
}

fn sale_problem(n: usize, value: String, why: Why) -> Error {
    Error::invalid_at(crate::why!("sale {n}", "第 {n} 笔卖出"), &value, why)
}

/// Checks one win against its IPO's rules as of `today`.
/// For a win typed in (`wins add`): an IPO whose subscription day the data
/// states was won on that day only. (A broker statement dates a win by
/// the day the shares were credited, so an import is not held to it.)
pub fn check_subscription_day(win: &Win, data: &Dataset) -> Result<()> {
    let known = data.find(&win.code).ok().and_then(|i| i.subscription_date);
    match (win.date, known) {
        (Some(d), Some(t)) if d != t => Err(Error::invalid(
            "--date",
            &d.to_string(),
            crate::why!(
                "{} was subscribed on {t} (the data's subscription day)",
                "{} 的申购日为 {t}（数据所载）",
                win.code
            ),
        )),
        _ => Ok(()),
    }
}

pub fn validate_win(win: &Win, data: &Dataset, today: NaiveDate) -> Result<Facts> {
    let f = facts(win, data)?;
    if win.code.is_empty() {
        return Err(Error::missing(
            "code",
            crate::why!("the security's code", "证券代码"),
        ));
    }
    let day = win.day().ok_or_else(|| {
        Error::missing(
            "date",
            crate::why!(
                "the subscription day (date) or the payment day (paid)",
                "申购日（date）或缴款日（paid）"
            ),
        )
    })?;
    for (field, d) in [
        ("date", win.date),
        ("paid", win.paid),
        ("abandoned", win.abandoned),
    ] {
        if let Some(d) = d {
            if d > today {
                return Err(problem(
                    field,
                    d.to_string(),
                    crate::why!("after today, {today}", "晚于今天（{today}）"),
                ));
            }
        }
    }
    if let (Some(t), Some(p)) = (win.date, win.paid) {
        if p < t {
            return Err(problem(
                "paid",
                p.to_string(),
                crate::why!("before the subscription day {t}", "早于申购日 {t}"),
            ));
        }
    }
    if let Some(a) = win.abandoned {
        if a < day {
            return Err(problem(
                "abandoned",
                a.to_string(),
                crate::why!("before the win's day {day}", "早于中签日 {day}"),
            ));
        }
        if !win.sales.is_empty() {
            return Err(problem(
                "abandoned",
                a.to_string(),
                crate::why!(
                    "a win given up (弃购) was never paid for, so it has no sales",
                    "弃购的中签从未缴款，不会有卖出记录"
                ),
            ));
        }
    }
    if win.kind != Kind::Share {
        if win.abandoned.is_none() {
            return Err(problem(
                "kind",
                win.kind.id().into(),
                crate::why!(
                    "only shares are tracked for profit; other kinds are recorded when given up (弃购), for the count",
                    "只有股票计算收益；其他品种仅在弃购时记录，用于计数"
                ),
            ));
        }
        return Ok(f);
    }
    if win.shares == 0 {
        return Err(Error::missing(
            "shares",
            crate::why!("how many shares were won", "中签的股数"),
        ));
    }
    if !f.in_data {
        if f.board.is_none() {
            return Err(Error::missing(
                "board",
                crate::why!(
                    "{} is not in the data: give its board",
                    "{} 不在数据中：请给出其板块",
                    win.code
                ),
            ));
        }
        if f.issue_price.is_none() {
            return Err(Error::missing(
                "issue_price",
                crate::why!(
                    "{} is not in the data: give its issue price",
                    "{} 不在数据中：请给出其发行价",
                    win.code
                ),
            ));
        }
    }
    if let Some(b) = f.board {
        if day < b.first_covered_day() {
            return Err(problem(
                "date",
                day.to_string(),
                Why::pair(
                    format!(
                        "before {} opened or the tables begin, {}",
                        b.name_en(),
                        b.first_covered_day()
                    ),
                    format!(
                        "早于{}开市或规则表起始日 {}",
                        b.name_zh(),
                        b.first_covered_day()
                    ),
                ),
            ));
        }
    }
    let lot = f.lot_shares.ok_or_else(|| {
        Error::missing(
            "lot_shares",
            crate::why!(
                "{}: the board lot (每手股数) is set by each issuer: give it",
                "{}：每手股数由发行人各自确定，请给出",
                win.code
            ),
        )
    })?;
    if win.shares % lot != 0 {
        return Err(problem(
            "shares",
            win.shares.to_string(),
            crate::why!(
                "not a whole number of lots of {lot} shares",
                "不是每手 {lot} 股的整数倍"
            ),
        ));
    }
    if let Some(l) = f.listed {
        if l < day {
            // the day given is the wrong one, not the listing
            return Err(problem(
                "date",
                day.to_string(),
                crate::why!(
                    "after the listing day {l}: a win is subscribed before it lists",
                    "晚于上市日 {l}：新股先申购后上市"
                ),
            ));
        }
    }
    let mut held = win.shares;
    let mut last: Option<NaiveDate> = None;
    for (i, s) in win.sales.iter().enumerate() {
        let n = i + 1;
        if s.date > today {
            return Err(sale_problem(
                n,
                s.date.to_string(),
                crate::why!("after today, {today}", "晚于今天（{today}）"),
            ));
        }
        match f.listed {
            Some(l) if s.date < l => {
                return Err(sale_problem(
                    n,
                    s.date.to_string(),
                    crate::why!(
                        "before the listing day {l}: shares cannot be sold before they list",
                        "早于上市日 {l}：股票上市前不能卖出"
                    ),
                ))
            }
            None if s.date <= win.paid.unwrap_or(day) => {
                return Err(sale_problem(
                    n,
                    s.date.to_string(),
                    crate::why!(
                        "not after the win's day {}",
                        "不晚于中签日 {}",
                        win.paid.unwrap_or(day)
                    ),
                ))
            }
            _ => {}
        }
        if last.is_some_and(|l| s.date < l) {
            return Err(sale_problem(
                n,
                s.date.to_string(),
                crate::why!("sales must be in date order", "卖出记录须按日期排列"),
            ));
        }
        last = Some(s.date);
        if s.shares > held {
            return Err(sale_problem(
                n,
                s.shares.to_string(),
                crate::why!(
                    "more shares than the {held} still held",
                    "超过仍持有的 {held} 股"
                ),
            ));
        }
        held -= s.shares;
    }
    Ok(f)
}

/// Checks every win, and that no account holds two wins of one IPO; each
/// error names the win's line when `lines` is given.
pub fn validate(
    ledger: &Ledger,
    data: &Dataset,
    today: NaiveDate,
    lines: Option<&[usize]>,
) -> Result<Vec<Facts>> {
    let mut out = Vec::with_capacity(ledger.wins.len());
    let mut errors = Vec::new();
    for (i, w) in ledger.wins.iter().enumerate() {
        let at = match lines.and_then(|l| l.get(i)) {
            Some(l) => crate::why!("line {l} ({})", "第 {l} 行（{}）", w.code),
            None => crate::why!("win {} ({})", "第 {} 笔中签（{}）", i + 1, w.code),
        };
        match validate_win(w, data, today) {
            Ok(f) => out.push(f),
            Err(e) => errors.push(Why::labelled(&at, &Why::of(&e))),
        }
        let dup = ledger.wins[..i].iter().any(|o| {
            normalize_code(&o.code) == normalize_code(&w.code)
                && o.account == w.account
                && o.kind == w.kind
        });
        if dup {
            let account = w.account.as_deref();
            errors.push(Why::labelled(
                &at,
                &Why::pair(
                    format!(
                        "the account {} already has a win of this IPO; one application per account",
                        account.unwrap_or("(none)")
                    ),
                    format!(
                        "账户 {} 已有这只新股的中签；每个账户只能申购一次",
                        account.unwrap_or("（未填）")
                    ),
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Data {
            origin: crate::why!("ledger", "中签记录"),
            message: Why::join(&errors),
        })
    }
}

// ---------------------------------------------------------------- writing

fn item_str(s: &str) -> toml_edit::Item {
    toml_edit::value(s)
}

fn item_date(d: NaiveDate) -> toml_edit::Item {
    match d.to_string().parse::<toml_edit::Datetime>() {
        Ok(dt) => toml_edit::value(dt),
        Err(_) => toml_edit::value(d.to_string()),
    }
}

fn item_count(n: u64) -> toml_edit::Item {
    match i64::try_from(n) {
        Ok(i) => toml_edit::value(i),
        Err(_) => toml_edit::value(n.to_string()),
    }
}

/// An amount as it was typed (`829.90` keeps its zero).
fn money(x: Decimal) -> String {
    x.to_string()
}

fn sale_table(s: &Sale) -> toml_edit::Table {
    let mut t = toml_edit::Table::new();
    t["date"] = item_date(s.date);
    t["shares"] = item_count(s.shares);
    t["price"] = item_str(&money(s.price.get()));
    if let Some(f) = &s.fees {
        let mut it = toml_edit::InlineTable::new();
        it.insert("commission", money(f.commission).into());
        it.insert("stamp_duty", money(f.stamp_duty).into());
        it.insert("transfer_fee", money(f.transfer_fee).into());
        it.insert("other", money(f.other).into());
        t["fees"] = toml_edit::Item::Value(toml_edit::Value::InlineTable(it));
    }
    t
}

fn win_table(w: &Win) -> toml_edit::Table {
    let mut t = toml_edit::Table::new();
    if let Some(a) = &w.account {
        t["account"] = item_str(a);
    }
    t["code"] = item_str(&w.code);
    if w.kind != Kind::Share {
        t["kind"] = item_str(w.kind.id());
    }
    if let Some(n) = &w.name {
        t["name"] = item_str(n);
    }
    if let Some(b) = w.board {
        t["board"] = item_str(b.id());
    }
    if let Some(p) = w.issue_price {
        t["issue_price"] = item_str(&money(p.get()));
    }
    if let Some(l) = w.lot_shares {
        t["lot_shares"] = item_count(l);
    }
    if let Some(d) = w.date {
        t["date"] = item_date(d);
    }
    if let Some(d) = w.paid {
        t["paid"] = item_date(d);
    }
    if let Some(d) = w.listed {
        t["listed"] = item_date(d);
    }
    if w.shares > 0 {
        t["shares"] = item_count(w.shares);
    }
    if let Some(d) = w.abandoned {
        t["abandoned"] = item_date(d);
    }
    if let Some(n) = &w.note {
        t["note"] = item_str(n);
    }
    if let Some(s) = &w.source {
        t["source"] = item_str(s);
    }
    if !w.sales.is_empty() {
        let mut arr = toml_edit::ArrayOfTables::new();
        for s in &w.sales {
            arr.push(sale_table(s));
        }
        t["sale"] = toml_edit::Item::ArrayOfTables(arr);
    }
    t
}

const HEADER: &str = "# daxin wins ledger: one [[win]] per win, [[win.sale]] per sale.\n# Edited by `daxin wins add|sell|drop|import`; your comments are kept.\n";

/// The ledger as text, in daxin's layout.
pub fn to_toml(ledger: &Ledger) -> String {
    let mut doc = toml_edit::DocumentMut::new();
    doc["version"] = toml_edit::value(VERSION);
    let mut arr = toml_edit::ArrayOfTables::new();
    for w in &ledger.wins {
        arr.push(win_table(w));
    }
    if !arr.is_empty() {
        doc["win"] = toml_edit::Item::ArrayOfTables(arr);
    }
    format!("{HEADER}{doc}")
}

/// One change to the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new win at the end.
    Add(Win),
    /// A sale added to the win at this index.
    Sell(usize, Sale),
    /// The win at this index given up on this day.
    Abandon(usize, NaiveDate),
}

/// Applies changes to a ledger value.
pub fn apply(ledger: &Ledger, changes: &[Change]) -> Result<Ledger> {
    let mut out = ledger.clone();
    for c in changes {
        match c {
            Change::Add(w) => out.wins.push(w.clone()),
            Change::Sell(i, s) => out
                .wins
                .get_mut(*i)
                .ok_or_else(|| {
                    Error::invalid_at(
                        crate::why!("win", "中签"),
                        &i.to_string(),
                        crate::why!("no such win", "没有这笔中签"),
                    )
                })?
                .sales
                .push(s.clone()),
            Change::Abandon(i, d) => {
                out.wins
                    .get_mut(*i)
                    .ok_or_else(|| {
                        Error::invalid_at(
                            crate::why!("win", "中签"),
                            &i.to_string(),
                            crate::why!("no such win", "没有这笔中签"),
                        )
                    })?
                    .abandoned = Some(*d)
            }
        }
    }
    Ok(out)
}

/// The ledger's text after the changes: the existing text edited in place
/// (comments and layout kept), or daxin's layout for a new file. The result
/// is read back and must equal `apply(old, changes)`; the old text must
/// read, or nothing is written.
pub fn edit(old_text: Option<&str>, changes: &[Change], origin: &str) -> Result<(String, Ledger)> {
    let old = match old_text {
        Some(t) => parse(t, origin)?,
        None => Ledger::default(),
    };
    let want = apply(&old, changes)?;
    let text = match old_text {
        None => to_toml(&want),
        Some(t) => {
            let body = t.strip_prefix('\u{feff}').unwrap_or(t);
            let mut doc: toml_edit::DocumentMut =
                body.parse().map_err(|e: toml_edit::TomlError| {
                    let at = e.span().map(|s| line_col(body, s.start));
                    let own = e.message().to_string();
                    Error::data(origin, Why::parser("TOML", at, &own, &e.to_string()))
                })?;
            if doc.get("version").is_none() && doc.get("win").is_none() {
                doc["version"] = toml_edit::value(VERSION);
            }
            for c in changes {
                let wins = doc.entry("win").or_insert(toml_edit::Item::ArrayOfTables(
                    toml_edit::ArrayOfTables::new(),
                ));
                let Some(arr) = wins.as_array_of_tables_mut() else {
                    return Err(Error::data(
                        origin,
                        crate::why!(
                            "`win` is not an array of [[win]] tables",
                            "`win` 不是 [[win]] 表的数组"
                        ),
                    ));
                };
                match c {
                    Change::Add(w) => arr.push(win_table(w)),
                    Change::Sell(i, s) => {
                        let t = arr.get_mut(*i).ok_or_else(|| {
                            Error::invalid_at(
                                crate::why!("win", "中签"),
                                &i.to_string(),
                                crate::why!("no such win", "没有这笔中签"),
                            )
                        })?;
                        let sales = t.entry("sale").or_insert(toml_edit::Item::ArrayOfTables(
                            toml_edit::ArrayOfTables::new(),
                        ));
                        match sales.as_array_of_tables_mut() {
                            Some(a) => a.push(sale_table(s)),
                            None => {
                                return Err(Error::data(
                                    origin,
                                    crate::why!(
                                        "win {}: `sale` is not an array of [[win.sale]] tables",
                                        "第 {} 笔中签：`sale` 不是 [[win.sale]] 表的数组",
                                        i + 1
                                    ),
                                ))
                            }
                        }
                    }
                    Change::Abandon(i, d) => {
                        let t = arr.get_mut(*i).ok_or_else(|| {
                            Error::invalid_at(
                                crate::why!("win", "中签"),
                                &i.to_string(),
                                crate::why!("no such win", "没有这笔中签"),
                            )
                        })?;
                        t["abandoned"] = item_date(*d);
                    }
                }
            }
            doc.to_string()
        }
    };
    let back = parse(&text, origin)?;
    if back != want {
        return Err(Error::data(
            origin,
            crate::why!(
                "the edited ledger does not read back as intended; nothing was written",
                "修改后的中签记录读回与预期不符；未写入任何内容"
            ),
        ));
    }
    Ok((text, want))
}

/// The index of the one win of `code` in `account` (or in any account
/// when `account` is `None` and only one matches).
pub fn find(ledger: &Ledger, code: &str, account: Option<&str>) -> Result<usize> {
    let key = normalize_code(code);
    let hits: Vec<usize> = ledger
        .wins
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            normalize_code(&w.code) == key && (account.is_none() || w.in_account(account))
        })
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::invalid(
            "code",
            code,
            match account {
                Some(a) => crate::why!(
                    "no win of this code in account {a} in the ledger",
                    "中签记录中账户 {a} 没有这个代码的中签"
                ),
                None => crate::why!(
                    "no win of this code in the ledger",
                    "中签记录中没有这个代码的中签"
                ),
            },
        )),
        many => Err(Error::invalid("code", code, {
            let accounts = |none: &str, sep: &str| {
                many.iter()
                    .map(|i| {
                        ledger.wins[*i]
                            .account
                            .clone()
                            .unwrap_or_else(|| none.into())
                    })
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            Why::pair(
                format!(
                    "{} wins of this code, in accounts {}: give --account",
                    many.len(),
                    accounts("(none)", ", ")
                ),
                format!(
                    "这个代码有 {} 笔中签，分属账户 {}：请给出 --account",
                    many.len(),
                    accounts("（未填）", "、")
                ),
            )
        })),
    }
}

/// The shares of `lots` lots of the win's IPO (its lot from the ledger or
/// the data); `raw` is the count as the user typed it, for the error.
///
/// ```
/// use daxin::data::Dataset;
/// use daxin::wins::ledger::{shares_of_lots, Win};
/// let data = Dataset::builtin().unwrap();
/// let win = Win { code: "688802".into(), ..Win::default() };
/// assert_eq!(shares_of_lots(&win, 2, "2", &data).unwrap(), 1000); // 500 a lot
/// ```
pub fn shares_of_lots(win: &Win, lots: u64, raw: &str, data: &Dataset) -> Result<u64> {
    let lot = facts(win, data)?.lot_shares.ok_or_else(|| {
        Error::missing(
            "--lot-size",
            crate::why!(
                "--lots needs the lot size: give --lot-size or --shares",
                "--lots 需要每手股数：请给出 --lot-size 或 --shares"
            ),
        )
    })?;
    lots.checked_mul(lot)
        .ok_or_else(|| Error::invalid("--lots", raw, crate::why!("too many", "太多")))
}

/// A sale to record: which win, and what was sold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleOrder<'a> {
    /// The win's code.
    pub code: &'a str,
    /// Its account (needed when two accounts won the same IPO).
    pub account: Option<&'a str>,
    /// The trading day.
    pub date: NaiveDate,
    /// Shares sold; `None` for all still held.
    pub shares: Option<u64>,
    /// Price per share.
    pub price: Price,
    /// The fees the broker charged, when known.
    pub fees: Option<ActualFees>,
}

/// What a recorded sale left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sold {
    /// The win's code.
    pub code: String,
    /// Shares sold.
    pub shares: u64,
    /// Shares still held after it.
    pub held: u64,
}

/// The change that records `order` in `ledger`, checked against the win's
/// rules as of `today` (never more sold than held, not before listing).
///
/// ```
/// use daxin::data::Dataset;
/// use daxin::wins::ledger::{parse, sell, SaleOrder};
/// let data = Dataset::builtin().unwrap();
/// let l = parse("[[win]]\ncode = \"688802\"\ndate = 2025-12-05\nshares = 500\n", "w").unwrap();
/// let day = |d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
/// let order = SaleOrder {
///     code: "688802", account: None, date: day("2025-12-17"), shares: Some(200),
///     price: daxin::input::parse_price("--price", "829.90").unwrap(), fees: None,
/// };
/// let (_, sold) = sell(&l, &order, &data, day("2026-01-05")).unwrap();
/// assert_eq!((sold.shares, sold.held), (200, 300));
/// ```
pub fn sell(
    ledger: &Ledger,
    order: &SaleOrder,
    data: &Dataset,
    today: NaiveDate,
) -> Result<(Change, Sold)> {
    let i = find(ledger, order.code, order.account)?;
    let win = &ledger.wins[i];
    let held = win.held();
    let n = order.shares.unwrap_or(held);
    if n == 0 {
        return Err(Error::invalid(
            "--shares",
            "0",
            crate::why!(
                "no shares of this win are still held",
                "这笔中签已没有仍持有的股份"
            ),
        ));
    }
    let sale = Sale {
        date: order.date,
        shares: n,
        price: order.price,
        fees: order.fees,
    };
    let mut check = win.clone();
    check.sales.push(sale.clone());
    validate_win(&check, data, today)?;
    let sold = Sold {
        code: win.code.clone(),
        shares: n,
        held: held.saturating_sub(n),
    };
    Ok((Change::Sell(i, sale), sold))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ymd;

    fn data() -> Dataset {
        Dataset::builtin().unwrap()
    }

    fn today() -> NaiveDate {
        ymd(2026, 3, 1)
    }

    fn metax() -> Win {
        Win {
            account: Some("华泰".into()),
            code: "688802".into(),
            date: Some(ymd(2025, 12, 5)),
            paid: Some(ymd(2025, 12, 9)),
            shares: 500,
            ..Win::default()
        }
    }

    #[test]
    fn errors_name_line_and_field() {
        let text = "version = 1\n\n[[win]]\ncode = \"688802\"\ndate = 2025-12-05\nshares = 500\n\n[[win.sale]]\ndate = 2025-12-17\nshares = 500\nprice = 829.90\n";
        let e = parse(text, "wins.toml").unwrap_err().to_string();
        assert!(
            e.contains("line 11: sale.price") && e.contains("quotes"),
            "{e}"
        );
        let e = parse("[[win]]\ncode = \"1\"\nshares = 500\nfoo = 1\n", "w")
            .unwrap_err()
            .to_string();
        assert!(e.contains("foo") && e.contains("line 4"), "{e}");
        let e = parse(
            "[[win]]\ncode = \"1\"\ndate = \"2025-13-01\"\nshares = 500\n",
            "w",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("line 3: date"), "{e}");
        let e = parse("[[win]\n", "w").unwrap_err().to_string();
        assert!(e.contains("line 1"), "{e}");
        let e = parse("version = 2\n", "w").unwrap_err().to_string();
        assert!(e.contains("version"), "{e}");
        // full-width digits and a placeholder
        let e = parse("[[win]]\ncode = \"688802\"\nshares = \"—\"\n", "w")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 3: shares") && e.contains("placeholder"),
            "{e}"
        );
        let l = parse(
            "[[win]]\ncode = \"６８８８０２\"\ndate = 2025-12-05\nshares = \"５００\"\n",
            "w",
        )
        .unwrap();
        assert_eq!((l.wins[0].code.as_str(), l.wins[0].shares), ("688802", 500));
    }

    #[test]
    fn validation_against_the_rules() {
        let d = data();
        assert!(validate_win(&metax(), &d, today()).is_ok());
        let bad = |w: Win| validate_win(&w, &d, today()).unwrap_err().to_string();
        let mut w = metax();
        w.shares = 700;
        assert!(bad(w).contains("whole number of lots of 500"));
        let mut w = metax();
        w.paid = Some(ymd(2025, 12, 1));
        assert!(bad(w).contains("before the subscription day"));
        let mut w = metax();
        w.date = Some(ymd(2026, 4, 1));
        w.paid = None;
        assert!(bad(w).contains("after today"));
        let mut w = metax();
        w.sales.push(Sale {
            date: ymd(2025, 12, 16),
            shares: 500,
            price: Price::new("p", Decimal::from(700)).unwrap(),
            fees: None,
        });
        assert!(bad(w).contains("before the listing day 2025-12-17"));
        let mut w = metax();
        for n in [300u64, 300] {
            w.sales.push(Sale {
                date: ymd(2025, 12, 17),
                shares: n,
                price: Price::new("p", Decimal::from(700)).unwrap(),
                fees: None,
            });
        }
        assert!(bad(w).contains("more shares than the 200 still held"));
        let mut w = metax();
        w.issue_price = Some(Price::new("p", Decimal::from(100)).unwrap());
        assert!(bad(w).contains("differs from the data's 104.66"));
        // an IPO not in the data needs its facts
        let w = Win {
            code: "301999".into(),
            date: Some(ymd(2025, 3, 3)),
            shares: 500,
            ..Win::default()
        };
        assert!(bad(w).contains("issue_price"));
        let w = Win {
            code: "301999".into(),
            date: Some(ymd(2025, 3, 3)),
            shares: 500,
            issue_price: Some(Price::new("p", Decimal::from(20)).unwrap()),
            ..Win::default()
        };
        let f = validate_win(&w, &d, today()).unwrap();
        assert_eq!((f.board, f.lot_shares), (Some(Board::ChiNext), Some(500)));
        // a bond is recorded only when given up
        let w = Win {
            code: "113052".into(),
            kind: Kind::ConvertibleBond,
            date: Some(ymd(2025, 3, 3)),
            ..Win::default()
        };
        assert!(bad(w.clone()).contains("only shares"));
        let w = Win {
            abandoned: Some(ymd(2025, 3, 5)),
            ..w
        };
        assert!(validate_win(&w, &d, today()).is_ok());
    }

    #[test]
    fn one_win_per_account_and_ipo() {
        let l = Ledger {
            wins: vec![metax(), metax()],
        };
        let e = validate(&l, &data(), today(), Some(&[3, 9]))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 9") && e.contains("one application per account"),
            "{e}"
        );
    }

    #[test]
    fn edits_keep_comments_and_read_back() {
        let old = "# my wins\nversion = 1\n\n[[win]] # the big one\naccount = \"华泰\"\ncode = \"688802\"\ndate = 2025-12-05\nshares = 500\n";
        let sale = Sale {
            date: ymd(2025, 12, 17),
            shares: 500,
            price: Price::new("p", Decimal::from_str_exact("829.90").unwrap()).unwrap(),
            fees: None,
        };
        let (text, l) = edit(Some(old), &[Change::Sell(0, sale)], "w").unwrap();
        assert!(
            text.contains("# my wins") && text.contains("# the big one"),
            "{text}"
        );
        assert!(text.contains("[[win.sale]]"), "{text}");
        assert_eq!(l.wins[0].sales[0].price.get().to_string(), "829.90");
        let (text, l) = edit(Some(&text), &[Change::Add(metax())], "w").unwrap();
        assert_eq!(l.wins.len(), 2);
        assert_eq!(parse(&text, "w").unwrap(), l);
        // a ledger that does not read is never edited
        assert!(edit(Some("[[win]]\ncode = 5.5\n"), &[Change::Add(metax())], "w").is_err());
    }

    #[test]
    fn finds_by_code_and_account() {
        let mut other = metax();
        other.account = Some("招商".into());
        let l = Ledger {
            wins: vec![metax(), other],
        };
        assert_eq!(find(&l, "688802", Some("招商")).unwrap(), 1);
        assert!(find(&l, "688802", None)
            .unwrap_err()
            .to_string()
            .contains("give --account"));
        assert!(find(&l, "688795", None).is_err());
    }
}

/// Where a win stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing sold yet.
    Held,
    /// Some shares sold.
    PartlySold,
    /// Every share sold.
    Sold,
    /// Given up (弃购).
    Abandoned,
}

impl Status {
    /// The status of a win.
    pub fn of(w: &Win) -> Status {
        if w.abandoned.is_some() {
            Status::Abandoned
        } else if w.sold() == 0 {
            Status::Held
        } else if w.held() == 0 {
            Status::Sold
        } else {
            Status::PartlySold
        }
    }

    /// The status's id, as the JSON writes it (`partly_sold`).
    pub fn id(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::PartlySold => "partly_sold",
            Status::Sold => "sold",
            Status::Abandoned => "abandoned",
        }
    }

    /// The status in the reader's language.
    pub fn text(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Zh};
        match (self, lang) {
            (Status::Held, Zh) => "持有",
            (Status::Held, En) => "held",
            (Status::PartlySold, Zh) => "部分卖出",
            (Status::PartlySold, En) => "partly sold",
            (Status::Sold, Zh) => "已卖出",
            (Status::Sold, En) => "sold",
            (Status::Abandoned, Zh) => "弃购",
            (Status::Abandoned, En) => "given up",
        }
    }
}

/// One line of `daxin wins list`: the win, its facts and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The win as the ledger holds it.
    #[serde(flatten)]
    pub win: Win,
    /// Its IPO's facts.
    pub facts: Facts,
    /// Where it stands.
    pub status: Status,
    /// Shares still held.
    pub held: u64,
    /// The working in the reader's language ([`Entry::working`]), with
    /// `--explain` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<String>,
}

impl Entry {
    /// How the entry's figures come about, numbers put in, in `lang`: the
    /// cash paid (shares × issue price; Hong Kong's allotment charges come
    /// in `wins report`) and the shares held (won − sold; none for a win
    /// given up).
    ///
    /// ```
    /// use daxin::data::Dataset;
    /// use daxin::wins::ledger::{entries, parse, validate};
    /// use daxin::Lang;
    /// let data = Dataset::builtin().unwrap();
    /// let l = parse("[[win]]\ncode = \"688802\"\ndate = 2025-12-05\nshares = 500\n\
    ///                [[win.sale]]\ndate = 2025-12-17\nshares = 200\nprice = \"829.90\"\n", "w").unwrap();
    /// let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let e = &entries(&l, validate(&l, &data, today, None).unwrap())[0];
    /// assert_eq!(
    ///     e.working(Lang::En),
    ///     "cash paid = 500 × 104.66 = 52,330.00; held = won − sold = 500 − 200 = 300"
    /// );
    /// ```
    pub fn working(&self, lang: crate::Lang) -> String {
        let zh = lang == crate::Lang::Zh;
        let won = self.win.shares;
        if self.status == Status::Abandoned {
            return if zh {
                format!("弃购：未缴款，中签 {won} 股不持有，持有 = 0")
            } else {
                format!("given up: not paid for, the {won} shares won are not held; held = 0")
            };
        }
        let cash = match self.facts.issue_price {
            Some(p) => {
                let p = p.get();
                // a validated price and share count: far inside a decimal
                let paid = crate::num::mul(p, Decimal::from(won), "cash paid")
                    .map(|x| crate::num::group(x, crate::num::MONEY_DP))
                    .unwrap_or_else(|_| "—".into());
                let (label, extra) = match (self.facts.currency, zh) {
                    (Currency::Cny, true) => ("实付资金", ""),
                    (Currency::Cny, false) => ("cash paid", ""),
                    (Currency::Hkd, true) => ("股款", "（另加配发费用，见 wins report）"),
                    (Currency::Hkd, false) => (
                        "cost at the issue price",
                        " (plus the allotment charges: wins report)",
                    ),
                };
                format!(
                    "{label} = {won} × {} = {}{extra}",
                    crate::num::group(p, crate::num::price_dp(p)),
                    paid
                )
            }
            None if zh => "实付资金：发行价未知".to_string(),
            None => "cash paid: issue price not known".to_string(),
        };
        let sold: Vec<String> = self
            .win
            .sales
            .iter()
            .map(|s| s.shares.to_string())
            .collect();
        let sold = match sold.len() {
            0 => "0".to_string(),
            1 => sold.join(""),
            _ => format!("({})", sold.join(" + ")),
        };
        let held = self.held;
        if zh {
            format!("{cash}；持有 = 中签 − 已卖 = {won} − {sold} = {held}")
        } else {
            format!("{cash}; held = won − sold = {won} − {sold} = {held}")
        }
    }
}

/// Every win with its facts and status (the ledger must validate).
pub fn entries(ledger: &Ledger, facts: Vec<Facts>) -> Vec<Entry> {
    ledger
        .wins
        .iter()
        .zip(facts)
        .map(|(w, f)| Entry {
            status: Status::of(w),
            held: w.held(),
            working: None,
            win: w.clone(),
            facts: f,
        })
        .collect()
}

/// `daxin wins list` as data: the ledger and every win in it.
///
/// ```
/// use daxin::data::Dataset;
/// use daxin::wins::ledger::{entries, parse, validate, LedgerList};
/// let data = Dataset::builtin().unwrap();
/// let l = parse("[[win]]\ncode = \"688802\"\ndate = 2025-12-05\nshares = 500\n", "w").unwrap();
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
/// let facts = validate(&l, &data, today, None).unwrap();
/// let list = LedgerList { ledger: "wins.toml".into(), wins: entries(&l, facts) };
/// let json = serde_json::to_value(&list).unwrap();
/// assert_eq!((json["wins"][0]["status"].as_str(), json["wins"][0]["held"].as_u64()), (Some("held"), Some(500)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerList {
    /// The ledger, as the user named it.
    pub ledger: String,
    /// Every win with its facts and status.
    pub wins: Vec<Entry>,
}
