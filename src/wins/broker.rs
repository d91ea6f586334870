//! Broker statements (交割单) read into wins: the exports of the common
//! trading clients are tab- or comma-separated text, often GBK, often named
//! `.xls`, sometimes with every cell written `="…"` to keep its leading
//! zeros. Columns are matched by name (several spellings each); only
//! new-share wins, their payments and their sales are kept, with the fees
//! the broker actually charged; every other row is listed with the reason
//! it was left out.
//!
//! ```
//! use daxin::wins::broker::read;
//! let text = "成交日期,证券代码,证券名称,操作,成交数量,成交均价,成交金额,发生金额,手续费,印花税,过户费\n\
//!             20251216,688802,沐曦股份,新股入帐,500,104.66,52330,0,0,0,0\n\
//!             20251217,688802,沐曦股份,证券卖出,-500,829.90,414950,414612.18,103.74,207.48,4.15\n\
//!             20251217,600000,浦发银行,证券买入,100,10.00,1000,-1005,5,0,0.01\n";
//! let s = read(text.as_bytes(), "jgd.csv").unwrap();
//! assert_eq!(s.wins.len(), 1);
//! assert_eq!(s.wins[0].win.sales[0].fees.unwrap().total().to_string(), "315.37");
//! assert_eq!(s.skipped.len(), 1); // the purchase, with its reason
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result, Why};
use crate::headline::Lang;
use crate::input::{self, Price};

use super::ledger::{board_of_code, ActualFees, Sale, Win};

/// A column the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// The trade or settlement day.
    Date,
    /// The security's code.
    Code,
    /// Its name.
    Name,
    /// What happened (操作, 业务名称, 摘要, …).
    Operation,
    /// Shares.
    Shares,
    /// Price.
    Price,
    /// Commission.
    Commission,
    /// Stamp duty.
    StampDuty,
    /// Transfer fee.
    TransferFee,
    /// Other fees (each such column adds).
    Other,
}

/// Header names for each column, best first.
const NAMES: &[(Column, &[&str])] = &[
    (
        Column::Date,
        &[
            "成交日期",
            "发生日期",
            "交割日期",
            "业务日期",
            "清算日期",
            "日期",
        ],
    ),
    (Column::Code, &["证券代码", "股票代码", "代码"]),
    (Column::Name, &["证券名称", "股票名称", "名称"]),
    (
        Column::Operation,
        &[
            "操作",
            "业务名称",
            "摘要",
            "委托类别",
            "交易类别",
            "业务类型",
            "买卖标志",
        ],
    ),
    (
        Column::Shares,
        &["成交数量", "成交股数", "发生数量", "数量"],
    ),
    (Column::Price, &["成交均价", "成交价格", "成交价", "价格"]),
    (Column::Commission, &["手续费", "佣金", "净佣金"]),
    (Column::StampDuty, &["印花税"]),
    (Column::TransferFee, &["过户费"]),
    (
        Column::Other,
        &[
            "其他费",
            "其他费用",
            "其他杂费",
            "结算费",
            "附加费",
            "经手费",
            "证管费",
            "规费",
            "交易规费",
        ],
    ),
];

/// Why a row was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Not a new-share win, payment or sale (a purchase, a transfer, …).
    Other {
        /// The operation as written.
        operation: String,
    },
    /// A subscription or its numbers (申购, 配号): not a win.
    Subscription {
        /// The operation.
        operation: String,
    },
    /// A code that is not an A-share listing daxin knows (a bond, a fund).
    NotAShare {
        /// The code.
        code: String,
    },
    /// A sale of a security that is no win in this statement.
    SaleOfOther {
        /// The code.
        code: String,
    },
    /// A sale of more shares than the win still held.
    Oversold {
        /// The code.
        code: String,
        /// Shares in the row.
        shares: u64,
        /// Shares held then.
        held: u64,
    },
    /// A payment with no allotment of the same code or name.
    UnmatchedPayment {
        /// The code.
        code: String,
    },
    /// A row that does not read.
    Bad {
        /// What is wrong, naming the column and value.
        message: Why,
    },
}

/// A row left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file's line.
    pub line: usize,
    /// Why.
    pub reason: Reason,
}

/// A win found in the statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// The win, with its sales (code, shares, days, name, source).
    pub win: Win,
    /// The price the allotment row gives (the issue price), if any.
    pub price: Option<Decimal>,
    /// Whether the win is dated by the credit of the shares (新股入帐),
    /// the statement having no payment row for it.
    pub dated_by_credit: bool,
    /// The line of its allotment row.
    pub line: usize,
}

/// What a statement holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// Each column used, with its header as the file writes it.
    pub columns: Vec<(Column, String)>,
    /// The wins.
    pub wins: Vec<Found>,
    /// Every other row, with its reason.
    pub skipped: Vec<Skipped>,
}

/// A cell as the client wrote it: `="600000"` and spaces removed.
fn clean(c: &str) -> String {
    let t = c.trim();
    let t = t.strip_prefix('=').unwrap_or(t);
    t.trim_matches('"').trim().to_string()
}

fn key(h: &str) -> String {
    clean(h)
        .trim_start_matches('\u{feff}')
        .replace([' ', '　'], "")
}

fn header_map(header: &[String]) -> Vec<(Column, usize, String)> {
    let mut out: Vec<(Column, usize, String)> = Vec::new();
    for (col, names) in NAMES {
        for name in *names {
            for (i, h) in header.iter().enumerate() {
                let free = !out.iter().any(|(_, j, _)| *j == i);
                let first = *col == Column::Other || !out.iter().any(|(c, _, _)| c == col);
                if key(h) == *name && free && first {
                    out.push((*col, i, key(h)));
                }
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Credit,
    Payment,
    Sale,
    Subscription,
    Other,
}

fn kind_of(op: &str) -> Kind {
    let o = op.replace(' ', "");
    if o.contains("配号") || (o.contains("申购") && !o.contains("中签") && !o.contains("缴款"))
    {
        Kind::Subscription
    } else if o.contains("缴款") {
        Kind::Payment
    } else if o.contains("新股入帐") || o.contains("新股入账") || o.contains("中签") {
        Kind::Credit
    } else if o.contains("卖出") {
        Kind::Sale
    } else {
        Kind::Other
    }
}

/// SSE subscription codes paid under and the listing codes they become:
/// 780xxx → 601xxx, 732xxx → 603xxx (as tushare's new_share table pairs
/// them, e.g. 780162 → 601162, 732583 → 603583).
fn listing_code(code: &str) -> String {
    match code.get(..3) {
        Some("780") => format!("601{}", &code[3..]),
        Some("732") => format!("603{}", &code[3..]),
        _ => code.to_string(),
    }
}

struct Row {
    line: usize,
    date: NaiveDate,
    code: String,
    name: String,
    op: String,
    shares: u64,
    price: Option<Decimal>,
    fees: ActualFees,
}

fn amount(field: &str, raw: &str) -> Result<Decimal> {
    let s = clean(raw);
    if input::is_placeholder(&s) {
        return Ok(Decimal::ZERO);
    }
    input::parse_decimal(field, &s).map(|x| x.abs())
}

/// Reads a statement's bytes (UTF-8, with or without a BOM, or GBK);
/// `origin` names the file in each win's `source`.
pub fn read(bytes: &[u8], origin: &str) -> Result<Statement> {
    let (enc, skip) = crate::import::sniff_encoding(bytes);
    let text = enc
        .decode_without_bom_handling(&bytes[skip..])
        .0
        .into_owned();
    let lines: Vec<&str> = text.lines().collect();
    // the header: the first line naming a date and a code column (some
    // exports put a title above it)
    let (hi, delim) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| {
            let d = if l.matches('\t').count() > l.matches(',').count() { b'\t' } else { b',' };
            let cells: Vec<String> = l.split(d as char).map(str::to_string).collect();
            let m = header_map(&cells);
            let has = |c: Column| m.iter().any(|(k, _, _)| *k == c);
            (has(Column::Date) && has(Column::Code)).then_some((i, d))
        })
        .ok_or_else(|| {
            Error::invalid_at(
                crate::why!("statement", "交割单"),
                origin,
                crate::why!("no header row naming a date (成交日期, 发生日期, 交割日期) and a code (证券代码) column", "没有包含日期列（成交日期、发生日期、交割日期）与代码列（证券代码）的表头行"),
            )
        })?;
    let body = lines[hi..].join("\n");
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut records = rdr.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(str::to_string).collect(),
        _ => {
            return Err(Error::invalid_at(
                crate::why!("statement", "交割单"),
                origin,
                crate::why!("the header row does not read", "表头行无法读取"),
            ))
        }
    };
    let map = header_map(&header);
    let col = |c: Column| map.iter().find(|(k, _, _)| *k == c).map(|(_, i, _)| *i);
    for need in [Column::Operation, Column::Shares] {
        if col(need).is_none() {
            let names = NAMES
                .iter()
                .find(|(c, _)| *c == need)
                .map(|(_, n)| n.join(", "))
                .unwrap_or_default();
            return Err(Error::missing(
                "statement",
                crate::why!(
                    "no column for {need:?}: expected one of {names}",
                    "没有 {need:?} 列：应为 {names} 之一"
                ),
            ));
        }
    }
    let mut skipped = Vec::new();
    let mut rows = Vec::new();
    for (k, rec) in records.enumerate() {
        let line = match &rec {
            Ok(r) => r
                .position()
                .map(|p| p.line() as usize + hi)
                .unwrap_or(hi + k + 2),
            Err(e) => e
                .position()
                .map(|p| p.line() as usize + hi)
                .unwrap_or(hi + k + 2),
        };
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                skipped.push(Skipped {
                    line,
                    reason: Reason::Bad {
                        message: Why::csv(&e),
                    },
                });
                continue;
            }
        };
        let cell = |c: Column| {
            col(c)
                .and_then(|i| rec.get(i))
                .map(clean)
                .unwrap_or_default()
        };
        if rec.iter().all(|c| clean(c).is_empty()) {
            continue;
        }
        let parsed = (|| -> Result<Row> {
            let date_col = map
                .iter()
                .find(|(c, _, _)| *c == Column::Date)
                .map(|(_, _, h)| h.clone())
                .unwrap_or_default();
            let date = input::parse_date(&date_col, &cell(Column::Date))?;
            let shares_raw = cell(Column::Shares);
            let shares = amount("成交数量", &shares_raw)?;
            if !shares.fract().is_zero() {
                return Err(Error::invalid(
                    "成交数量",
                    &shares_raw,
                    crate::why!("not a whole number of shares", "不是整数股"),
                ));
            }
            let price = match cell(Column::Price) {
                p if input::is_placeholder(&p) => None,
                p => Some(amount("成交价格", &p)?).filter(|x| *x > Decimal::ZERO),
            };
            let mut fees = ActualFees {
                commission: amount("手续费", &cell(Column::Commission))?,
                stamp_duty: amount("印花税", &cell(Column::StampDuty))?,
                transfer_fee: amount("过户费", &cell(Column::TransferFee))?,
                other: Decimal::ZERO,
            };
            for (c, i, h) in &map {
                if *c == Column::Other {
                    fees.other += amount(h, rec.get(*i).unwrap_or(""))?;
                }
            }
            Ok(Row {
                line,
                date,
                code: input::normalize(&cell(Column::Code)),
                name: cell(Column::Name),
                op: cell(Column::Operation),
                shares: u64::try_from(shares).unwrap_or(0),
                price,
                fees,
            })
        })();
        match parsed {
            Ok(r) => rows.push(r),
            Err(e) => skipped.push(Skipped {
                line,
                reason: Reason::Bad {
                    message: Why::of(&e),
                },
            }),
        }
    }
    let mut wins: Vec<Found> = Vec::new();
    // allotments first, then payments, then sales, each in file order
    for r in rows.iter().filter(|r| kind_of(&r.op) == Kind::Credit) {
        if board_of_code(&r.code).is_none() {
            skipped.push(Skipped {
                line: r.line,
                reason: Reason::NotAShare {
                    code: r.code.clone(),
                },
            });
            continue;
        }
        if r.shares == 0 {
            skipped.push(Skipped {
                line: r.line,
                reason: Reason::Bad {
                    message: crate::why!(
                        "成交数量: no shares in the allotment of {}",
                        "成交数量：{} 的新股入帐没有股数",
                        r.code
                    ),
                },
            });
            continue;
        }
        match wins.iter_mut().find(|w| w.win.code == r.code) {
            // the same allotment in two rows (中签 and 新股入帐): one win
            Some(w) => {
                w.win.date = w.win.date.min(Some(r.date)).or(Some(r.date));
                skipped.push(Skipped {
                    line: r.line,
                    reason: Reason::Other {
                        operation: format!("{} (the same allotment as line {})", r.op, w.line),
                    },
                });
            }
            None => wins.push(Found {
                win: Win {
                    code: r.code.clone(),
                    name: Some(r.name.clone()).filter(|n| !n.is_empty()),
                    date: Some(r.date),
                    shares: r.shares,
                    source: Some(format!("{origin} line {}", r.line)),
                    ..Win::default()
                },
                price: r.price,
                dated_by_credit: true,
                line: r.line,
            }),
        }
    }
    for r in &rows {
        match kind_of(&r.op) {
            Kind::Credit => {}
            Kind::Payment => {
                let code = listing_code(&r.code);
                match wins.iter_mut().find(|w| {
                    w.win.code == code
                        || (!r.name.is_empty() && w.win.name.as_deref() == Some(r.name.as_str()))
                }) {
                    Some(w) => {
                        w.win.paid = Some(r.date);
                        w.win.date = None;
                        w.dated_by_credit = false;
                        if w.price.is_none() {
                            w.price = r.price;
                        }
                    }
                    None => skipped.push(Skipped {
                        line: r.line,
                        reason: Reason::UnmatchedPayment {
                            code: r.code.clone(),
                        },
                    }),
                }
            }
            Kind::Sale => {
                match wins.iter_mut().find(|w| w.win.code == r.code) {
                    Some(w) => {
                        let held = w.win.held();
                        let price = r.price.and_then(|p| Price::new("成交价格", p).ok());
                        match price {
                        Some(price) if r.shares > 0 && r.shares <= held => w.win.sales.push(Sale {
                            date: r.date,
                            shares: r.shares,
                            price,
                            fees: Some(r.fees),
                        }),
                        Some(_) if r.shares > held => skipped.push(Skipped {
                            line: r.line,
                            reason: Reason::Oversold { code: r.code.clone(), shares: r.shares, held },
                        }),
                        _ => skipped.push(Skipped {
                            line: r.line,
                            reason: Reason::Bad { message: crate::why!("成交价格 / 成交数量: a sale of {} without a price or shares", "成交价格 / 成交数量：卖出 {} 却没有价格或股数", r.code) },
                        }),
                    }
                    }
                    None => skipped.push(Skipped {
                        line: r.line,
                        reason: Reason::SaleOfOther {
                            code: r.code.clone(),
                        },
                    }),
                }
            }
            Kind::Subscription => skipped.push(Skipped {
                line: r.line,
                reason: Reason::Subscription {
                    operation: r.op.clone(),
                },
            }),
            Kind::Other => skipped.push(Skipped {
                line: r.line,
                reason: Reason::Other {
                    operation: r.op.clone(),
                },
            }),
        }
    }
    skipped.sort_by_key(|s| s.line);
    for w in &mut wins {
        w.win.sales.sort_by_key(|s| s.date);
    }
    Ok(Statement {
        columns: map.into_iter().map(|(c, _, h)| (c, h)).collect(),
        wins,
        skipped,
    })
}

/// A reason in the reader's language.
pub fn reason_text(r: &Reason, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match r {
        Reason::Other { operation } => {
            if zh {
                format!("不是新股中签、缴款或卖出：{operation}")
            } else {
                format!("not a new-share win, payment or sale: {operation}")
            }
        }
        Reason::Subscription { operation } => {
            if zh {
                format!("申购或配号，不是中签：{operation}")
            } else {
                format!("a subscription or its numbers, not a win: {operation}")
            }
        }
        Reason::NotAShare { code } => {
            if zh {
                format!("{code} 不是已知的A股上市代码（债券、基金等不计收益）")
            } else {
                format!("{code} is not an A-share listing code daxin knows (bonds and funds are not tracked for profit)")
            }
        }
        Reason::SaleOfOther { code } => {
            if zh {
                format!("卖出的 {code} 不是本交割单中的新股中签")
            } else {
                format!("a sale of {code}, which is no new-share win in this statement")
            }
        }
        Reason::Oversold { code, shares, held } => {
            if zh {
                format!("卖出 {code} {shares} 股，多于尚持有的 {held} 股")
            } else {
                format!("sells {shares} shares of {code}, more than the {held} still held")
            }
        }
        Reason::UnmatchedPayment { code } => {
            if zh {
                format!("缴款 {code} 找不到同代码或同名称的新股入帐")
            } else {
                format!("a payment for {code} with no allotment of the same code or name")
            }
        }
        Reason::Bad { message } => {
            if zh {
                format!("无法读取：{}", message.zh())
            } else {
                format!("does not read: {}", message.en())
            }
        }
    }
}
