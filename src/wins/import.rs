//! What `daxin wins import` does with a broker statement: which of its wins
//! join the ledger (under the account given; the data's name for an IPO it
//! has, the statement's price and the code's board for one it does not),
//! which rows are left out and why (a win already in the ledger, a win
//! that does not validate, the statement's own rows left out), and the
//! report of it in words and as JSON. No file is read or written here.
//!
//! ```
//! use daxin::data::Dataset;
//! use daxin::wins::{broker, import::{plan, Import}, ledger::Ledger};
//! use daxin::Lang;
//! let data = Dataset::builtin().unwrap();
//! let text = "成交日期,证券代码,证券名称,操作,成交数量,成交均价,成交金额,发生金额,手续费,印花税,过户费\n\
//!             20251216,688802,沐曦股份,新股入帐,500,104.66,52330,0,0,0,0\n\
//!             20251217,688802,沐曦股份,证券卖出,-500,829.90,414950,414612.18,103.74,207.48,4.15\n";
//! let statement = broker::read(text.as_bytes(), "jgd.xls").unwrap();
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
//! let (added, skipped) = plan(&statement, &Ledger::default(), &data, today, Some("华泰"), Lang::En);
//! assert_eq!(added[0].win.code, "688802");
//! assert_eq!(added[0].fees_charged().to_string(), "315.37");
//! assert_eq!(added[0].win.account.as_deref(), Some("华泰"));
//! let r = Import::new("wins.toml", true, &statement, added, skipped, Lang::En);
//! assert_eq!(r.heading(Lang::En), "would add 1 wins (dry run, nothing written):");
//! assert_eq!(serde_json::to_value(&r).unwrap()["added"][0]["line"], 2);
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::broker::{self, Column, Reason, Skipped, Statement};
use super::ledger::{self, Ledger, Win};
use crate::data::{normalize_code, Dataset};
use crate::headline::Lang;
use crate::input::Price;

/// One win the import adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Added {
    /// The statement's line of its allotment row.
    pub line: usize,
    /// The win, as it joins the ledger.
    pub win: Win,
    /// Dated by the credit of the shares: the statement has no payment row.
    pub dated_by_credit: bool,
}

impl Added {
    /// The fees the broker charged on its sales, as the statement gives them.
    pub fn fees_charged(&self) -> Decimal {
        self.win
            .sales
            .iter()
            .filter_map(|s| s.fees.map(|f| f.total()))
            .sum()
    }
}

/// The wins of `statement` that join `current`, and the rows left out, by
/// line. `lang` words the reason a win already in the ledger is left out.
pub fn plan(
    statement: &Statement,
    current: &Ledger,
    data: &Dataset,
    today: NaiveDate,
    account: Option<&str>,
    lang: Lang,
) -> (Vec<Added>, Vec<Skipped>) {
    let mut added: Vec<Added> = Vec::new();
    let mut skipped = statement.skipped.clone();
    for f in &statement.wins {
        let mut win = f.win.clone();
        win.account = account.filter(|x| !x.trim().is_empty()).map(str::to_string);
        if ledger::lookup(data, &win.code).is_none() {
            win.board = ledger::board_of_code(&win.code);
            win.issue_price = f.price.and_then(|p| Price::new("成交价格", p).ok());
        } else {
            // the data's name is used when it has the IPO
            win.name = None;
        }
        let code = normalize_code(&win.code);
        let dup = current
            .wins
            .iter()
            .chain(added.iter().map(|x| &x.win))
            .any(|o| normalize_code(&o.code) == code && o.account == win.account);
        let reason = if dup {
            let operation = match lang {
                Lang::Zh => format!("{} 已在账本中", win.code),
                Lang::En => format!("{} is already in the ledger", win.code),
            };
            Reason::Other { operation }
        } else {
            match ledger::validate_win(&win, data, today) {
                Ok(_) => {
                    let (line, dated_by_credit) = (f.line, f.dated_by_credit);
                    added.push(Added {
                        line,
                        win,
                        dated_by_credit,
                    });
                    continue;
                }
                Err(e) => Reason::Bad {
                    message: crate::error::Why::of(&e),
                },
            }
        };
        skipped.push(Skipped {
            line: f.line,
            reason,
        });
    }
    skipped.sort_by_key(|s| s.line);
    (added, skipped)
}

/// A row left out, with its reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedRow {
    /// The statement's line.
    pub line: usize,
    /// Why, as data.
    pub reason: Reason,
    /// Why, in words.
    pub text: String,
}

/// The report of an import: the ledger, whether anything was written, the
/// statement's columns, the wins added and the rows left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Import {
    /// The ledger, as the user named it.
    pub ledger: String,
    /// Nothing was written (`--dry-run`).
    pub dry_run: bool,
    /// Each column used, with its header as the statement writes it.
    pub columns: Vec<(Column, String)>,
    /// The wins added (or that would be).
    pub added: Vec<Added>,
    /// The rows left out.
    pub skipped: Vec<SkippedRow>,
}

impl Import {
    /// The report of [`plan`]'s result; `lang` words the reasons.
    pub fn new(
        ledger: &str,
        dry_run: bool,
        statement: &Statement,
        added: Vec<Added>,
        skipped: Vec<Skipped>,
        lang: Lang,
    ) -> Import {
        let skipped = skipped
            .into_iter()
            .map(|s| SkippedRow {
                text: broker::reason_text(&s.reason, lang),
                line: s.line,
                reason: s.reason,
            })
            .collect();
        Import {
            ledger: ledger.to_string(),
            dry_run,
            columns: statement.columns.clone(),
            added,
            skipped,
        }
    }

    /// What was (or would be) added, and where.
    pub fn heading(&self, lang: Lang) -> String {
        let n = self.added.len();
        match (lang, self.dry_run) {
            (Lang::Zh, true) => format!("将加入 {n} 笔中签（试运行，未写入）："),
            (Lang::Zh, false) => format!("已加入 {n} 笔中签（{}）：", self.ledger),
            (Lang::En, true) => format!("would add {n} wins (dry run, nothing written):"),
            (Lang::En, false) => format!("added {n} wins ({}):", self.ledger),
        }
    }

    /// The wins dated by the credit of their shares, then the rows left
    /// out with why, one line each.
    pub fn remarks(&self, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = self
            .added
            .iter()
            .filter(|x| x.dated_by_credit)
            .map(|x| match lang {
                Lang::Zh => format!(
                    "第 {} 行 {}：交割单中没有缴款记录，按新股入帐日记日期",
                    x.line, x.win.code
                ),
                Lang::En => format!(
                    "line {} {}: no payment row in the statement; dated by the day the shares were credited",
                    x.line, x.win.code
                ),
            })
            .collect();
        if self.skipped.is_empty() {
            return out;
        }
        let n = self.skipped.len();
        out.push(match lang {
            Lang::Zh => format!("未导入的行（{n}）："),
            Lang::En => format!("rows left out ({n}):"),
        });
        out.extend(self.skipped.iter().map(|k| match lang {
            Lang::Zh => format!("  第 {} 行：{}", k.line, k.text),
            Lang::En => format!("  line {}: {}", k.line, k.text),
        }));
        out
    }
}
