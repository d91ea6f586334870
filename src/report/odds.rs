//! Reports of the odds of winning: an A-share subscription from market
//! value (`daxin odds`), and a BSE proportional allotment.
//!
//! ```
//! use daxin::data::Dataset;
//! use daxin::report::odds::{OddsReport, OddsRequest};
//! use daxin::Lang;
//! use rust_decimal::Decimal;
//!
//! let data = Dataset::builtin().unwrap();
//! let mut req = OddsRequest::new(Lang::En, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
//! req.ipo = data.find("沐曦").ok();
//! req.sh = Some(Decimal::from(500_000));
//! let r = OddsReport::build(&req).unwrap();
//! // 12 numbers × 0.03348913% × ¥362,620 (the profit per lot at the close)
//! assert_eq!(r.numbers, 12);
//! assert_eq!(daxin::num::fixed(r.expected_profit.unwrap(), 2), "1457.26");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{Board, RuleStatus};
use crate::error::{Error, Result};
use crate::headline::Lang;
use crate::ipo::{Basis, Ipo};
use crate::message::{RuleTable, Warning, Warnings};
use crate::num::{self, fixed, group};
use crate::odds::{self, BseAllotment, OddsInput};
use crate::report::ser;
use crate::returns;

/// What the odds are asked for: an IPO from the data and/or raw numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OddsRequest<'a> {
    /// Language of the warnings and the working.
    pub lang: Lang,
    /// Include the working.
    pub explain: bool,
    /// The day the request is made (the date when none is known).
    pub today: NaiveDate,
    /// An IPO in the data: its board, date, rate, cap and profit.
    pub ipo: Option<&'a Ipo>,
    /// The board, for raw numbers.
    pub board: Option<Board>,
    /// The subscription day.
    pub date: Option<NaiveDate>,
    /// Average Shanghai market value.
    pub sh: Option<Decimal>,
    /// Average Shenzhen market value.
    pub sz: Option<Decimal>,
    /// Per-account cap in shares.
    pub cap: Option<u64>,
    /// 中签率 in percent.
    pub win_rate_pct: Option<Decimal>,
    /// The price basis of the expected profit.
    pub basis: Basis,
    /// Profit per lot, when the IPO is not in the data.
    pub profit_per_lot: Option<Decimal>,
}

impl<'a> OddsRequest<'a> {
    /// An empty request, at the close.
    pub fn new(lang: Lang, today: NaiveDate) -> Self {
        OddsRequest {
            lang,
            explain: false,
            today,
            ipo: None,
            board: None,
            date: None,
            sh: None,
            sz: None,
            cap: None,
            win_rate_pct: None,
            basis: Basis::Close,
            profit_per_lot: None,
        }
    }

    /// The board: given, else the IPO's.
    pub fn board(&self) -> Result<Board> {
        match (self.board, self.ipo) {
            (Some(b), _) => Ok(b),
            (None, Some(i)) => i.board.ok_or_else(|| {
                Error::missing(
                    "--board",
                    crate::why!("the IPO has no board", "这只新股没有板块"),
                )
            }),
            (None, None) => Err(Error::missing(
                "--board",
                crate::why!("give an IPO or --board", "请给出新股，或 --board"),
            )),
        }
    }

    /// The subscription day: given, else the IPO's, else today.
    pub fn date(&self) -> Result<NaiveDate> {
        match (self.date, self.ipo) {
            (Some(d), _) => Ok(d),
            (None, Some(i)) => i.subscription_date.or(i.listing_date).ok_or_else(|| {
                Error::missing(
                    "--date",
                    crate::why!("the IPO has no dates", "这只新股没有日期"),
                )
            }),
            (None, None) => Ok(self.today),
        }
    }
}

/// The odds of an A-share subscription from market value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OddsReport {
    /// The board.
    pub board: Board,
    /// The subscription day.
    pub date: NaiveDate,
    /// The market value counted.
    #[serde(serialize_with = "ser::money")]
    pub market_value: Decimal,
    /// Which pool it is in (`sh` or `sz`).
    #[serde(skip)]
    pub pool: &'static str,
    /// Subscription units the market value earns.
    pub units: u64,
    /// Shares that may be applied for.
    pub quota_shares: u64,
    /// Whether the cap bound the quota.
    #[serde(skip)]
    pub capped: bool,
    /// Winning-number chances (配号).
    pub numbers: u64,
    /// 中签率, percent.
    #[serde(serialize_with = "ser::exact")]
    pub win_rate_pct: Decimal,
    /// numbers × rate.
    #[serde(serialize_with = "ser::exact")]
    pub expected_lots: Decimal,
    /// P(at least one), independent draws, as a fraction.
    #[serde(rename = "p_at_least_one", serialize_with = "p12")]
    pub p_independent: Decimal,
    /// The model of `p_at_least_one`.
    #[serde(rename = "p_at_least_one_model")]
    pub model: &'static str,
    /// P(at least one), tail-number lottery: min(1, n·r).
    #[serde(rename = "p_at_least_one_tail_number", serialize_with = "ser::exact")]
    pub p_tail_number: Decimal,
    /// Expected profit at `profit_basis`.
    #[serde(serialize_with = "ser::opt::money")]
    pub expected_profit: Option<Decimal>,
    /// The price basis of the expected profit; `None` (JSON `null`) when
    /// the profit per lot was given (`--profit-per-lot`).
    pub profit_basis: Option<Basis>,
    /// What the reader should know.
    #[serde(rename = "notes")]
    pub warnings: Warnings,
    /// The working.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<String>,
}

fn p12<S: serde::Serializer>(x: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&fixed(*x, 12))
}

impl OddsReport {
    /// What the expected profit is at, in `lang`: the price (收盘价 /
    /// close), or that the profit per lot was given.
    pub fn profit_words(&self, lang: Lang) -> &'static str {
        match (self.profit_basis, lang) {
            (Some(b), _) => b.word(lang),
            (None, Lang::Zh) => "按给定每签收益",
            (None, Lang::En) => "given per lot",
        }
    }

    /// The odds of `req` on an A-share board with market-value quotas.
    pub fn build(req: &OddsRequest) -> Result<OddsReport> {
        let board = req.board()?;
        let date = req.date()?;
        let ipo = req.ipo;
        let sub = crate::rules::subscription_rule(board, date)?;
        let (flag, mv) = match sub.pool {
            "sh" => ("--sh", req.sh),
            _ => ("--sz", req.sz),
        };
        let pool_name = if sub.pool == "sh" {
            "Shanghai"
        } else {
            "Shenzhen"
        };
        let mv = mv.ok_or_else(|| {
            Error::missing(
                flag,
                crate::Why::pair(
                    format!("{} counts {pool_name} market value", board.name_en()),
                    format!(
                        "{}按{}市值计",
                        board.name_zh(),
                        if sub.pool == "sh" { "沪市" } else { "深市" }
                    ),
                ),
            )
        })?;
        if mv < Decimal::ZERO {
            return Err(Error::invalid(
                flag,
                &mv.to_string(),
                crate::why!("a market value cannot be negative", "市值不能为负"),
            ));
        }
        let mut warnings = Warnings::new(req.lang);
        if let (None, Some(i)) = (req.date, ipo) {
            if let (None, Some(listing)) = (i.subscription_date, i.listing_date) {
                warnings.push(Warning::ListingDayForSubscription { listing });
            }
        }
        let rate = match (req.win_rate_pct, ipo) {
            (Some(r), _) => r,
            (None, Some(i)) => i
                .win_rates
                .iter()
                .find(|(k, _)| k == "final")
                .or(i.win_rates.first())
                .map(|(_, v)| *v)
                .ok_or_else(|| {
                    Error::missing(
                        "--win-rate",
                        crate::why!(
                            "the data has no 中签率 for this IPO",
                            "数据中没有这只新股的中签率"
                        ),
                    )
                })?,
            (None, None) => {
                return Err(Error::missing(
                    "--win-rate",
                    crate::why!("give the 中签率 in percent", "请以百分比给出中签率"),
                ))
            }
        };
        let cap = match (req.cap, ipo) {
            (Some(c), _) => Some(c),
            (None, Some(i)) => match (i.cap_shares, i.online_initial_shares) {
                (Some(c), _) => Some(c.get()),
                (None, Some(o)) => {
                    let c = odds::cap_from_online(board, date, o.get())?;
                    warnings.push(Warning::CapDerived {
                        cap: c,
                        online_initial: o.get(),
                    });
                    Some(c)
                }
                (None, None) => {
                    warnings.push(Warning::NoCapInData);
                    None
                }
            },
            (None, None) => None,
        };
        if sub.status == RuleStatus::Unclear {
            warnings.push(Warning::RuleUnclear {
                table: RuleTable::Subscription,
                note: sub.row_note(),
            });
        }
        let o = odds::a_share_odds(&OddsInput {
            board,
            date,
            market_value: mv,
            cap_shares: cap,
            win_rate_pct: rate,
        })?;
        let profit = match (req.profit_per_lot, ipo) {
            (Some(p), _) => Some(p),
            (None, Some(i)) => returns::compute(i)?.at(req.basis).map(|f| f.profit_per_lot),
            (None, None) => None,
        };
        let expected_profit = profit.map(|p| o.expected_profit(p)).transpose()?;
        if o.below_minimum {
            warnings.push(Warning::BelowMinimumMarketValue);
        }
        let working = req.explain.then(|| {
            let unit_mv = sub.mv_per_unit.unwrap_or(0);
            let all = u128::from(o.units) * u128::from(o.unit_shares);
            let (units, shares, cap, numbers) = match req.lang {
                Lang::Zh => (" 个单位", " 股", " → 上限 ", " 个配号"),
                Lang::En => (" units", " shares", " → cap ", " numbers"),
            };
            format!(
                "⌊{} ÷ {unit_mv}⌋ = {}{units} × {} = {all}{shares}{}; {} ÷ {} = {}{numbers}; {} × {}% = {}; 1 − (1 − {})^{} = {}; {}",
                group(mv, 2), o.units, o.unit_shares,
                if o.capped { format!("{cap}{}", o.quota_shares) } else { String::new() },
                o.quota_shares, o.unit_shares, o.numbers, o.numbers, num::trim(rate), num::trim(o.expected_lots),
                num::trim(rate / Decimal::ONE_HUNDRED), o.numbers, fixed(o.p_independent, 12),
                match req.lang {
                    Lang::Zh => format!("1 与 {} 取较小者 = {}", num::trim(o.expected_lots), num::trim(o.p_tail_number)),
                    Lang::En => format!("min(1, {}) = {}", num::trim(o.expected_lots), num::trim(o.p_tail_number)),
                },
            )
        });
        Ok(OddsReport {
            board,
            date,
            market_value: mv,
            pool: sub.pool,
            units: o.units,
            quota_shares: o.quota_shares,
            capped: o.capped,
            numbers: o.numbers,
            win_rate_pct: rate,
            expected_lots: o.expected_lots,
            p_independent: o.p_independent,
            model: match req.lang {
                Lang::Zh => "独立抽签",
                Lang::En => "independent draws",
            },
            p_tail_number: o.p_tail_number,
            expected_profit,
            profit_basis: req.profit_per_lot.is_none().then_some(req.basis),
            warnings,
            working,
        })
    }

    /// P(at least one) under independent draws, in percent.
    pub fn p_independent_pct(&self) -> Decimal {
        self.p_independent * Decimal::ONE_HUNDRED
    }

    /// P(at least one) in the tail-number lottery, in percent.
    pub fn p_tail_number_pct(&self) -> Decimal {
        self.p_tail_number * Decimal::ONE_HUNDRED
    }
}

/// A BSE proportional allotment for one application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BseReport {
    /// Shares applied for.
    pub applied: u64,
    /// Online shares ÷ valid applied shares.
    #[serde(serialize_with = "ser::exact")]
    pub ratio: Decimal,
    /// The ratio in percent.
    #[serde(skip)]
    pub ratio_pct: Decimal,
    /// Shares certainly allotted.
    pub base_shares: u64,
    /// The remainder that competes for one more 100-share lot.
    #[serde(serialize_with = "ser::exact")]
    pub remainder: Decimal,
    /// Cash to prepay.
    #[serde(serialize_with = "ser::money")]
    pub cash_needed: Decimal,
    /// The smallest application certain of 100 shares.
    pub sure_of_100_shares: u64,
    /// Its cash.
    #[serde(serialize_with = "ser::money")]
    pub cash_for_sure_100: Decimal,
    /// The working.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<Vec<String>>,
}

impl BseReport {
    /// The allotment of `applied` shares when `online` shares meet `valid`
    /// valid applied shares, at `price`.
    pub fn build(
        applied: u64,
        online: u64,
        valid: u64,
        price: Decimal,
        lang: Lang,
        explain: bool,
    ) -> Result<BseReport> {
        let b: BseAllotment = odds::bse_allotment(applied, online, valid, price)?;
        let n = |x: u64| group(Decimal::from(x), 0);
        let label = |zh: &'static str, en: &'static str| match lang {
            Lang::Zh => zh,
            Lang::En => en,
        };
        let working = explain.then(|| {
            vec![
                format!(
                    "{}: {} ÷ {} = {}",
                    label("获配比例", "ratio"),
                    n(online),
                    n(valid),
                    num::trim(b.ratio)
                ),
                format!(
                    "{}: ⌊{} × {} ÷ 100⌋ × 100 = {}",
                    label("确定获配", "certain"),
                    n(applied),
                    num::trim(b.ratio),
                    n(b.base_shares)
                ),
                format!(
                    "{}: {} × {} − {} = {}",
                    label("余股", "remainder"),
                    n(applied),
                    num::trim(b.ratio),
                    n(b.base_shares),
                    num::trim(b.remainder)
                ),
                format!(
                    "{}: {} × {} = {}",
                    label("需缴资金", "cash"),
                    n(applied),
                    fixed(price, num::price_dp(price)),
                    group(b.cash_needed, 2)
                ),
                format!(
                    "{}: ⌈100 ÷ {} ÷ 100⌉ × 100 = {} ({})",
                    label("确保获配100股", "sure of 100"),
                    num::trim(b.ratio),
                    n(b.sure_of_100_shares),
                    group(b.cash_for_sure_100, 2)
                ),
            ]
        });
        Ok(BseReport {
            working,
            applied: b.applied,
            ratio: b.ratio,
            ratio_pct: num::mul(b.ratio, Decimal::ONE_HUNDRED, "ratio")?,
            base_shares: b.base_shares,
            remainder: b.remainder,
            cash_needed: b.cash_needed,
            sure_of_100_shares: b.sure_of_100_shares,
            cash_for_sure_100: b.cash_for_sure_100,
        })
    }
}
