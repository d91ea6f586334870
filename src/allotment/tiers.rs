//! The exact figures of every tier of an allotment table: the chance of at
//! least one lot, the shares and lots an applicant can expect, the per-lot
//! rate and the allotted percentage (which must reproduce the printed one),
//! the pool, the money an application takes and its expected profit; the
//! smallest size sure of one lot (穩中一手); the best size for a budget; and
//! the checks of the table against the announcement's totals.
//!
//! Every ratio is a [`Ratio`] of counts — exact — and becomes a decimal only
//! in the report.
//!
//! ```
//! use daxin::allotment::{parse, tiers::{compute, Inputs}};
//! let t = parse::read(
//!     b"POOL A\n200 174,816 8,741 out of 174,816 applicants to receive 200 H Shares 5.00%\n\
//!       200,000 8,682 400 H Shares 0.20%\n",
//!     None,
//! ).unwrap();
//! let r = compute(&t, &Inputs::new(200)).unwrap();
//! assert_eq!(r.tiers[0].allotted_pct.to_string(), "5.00");
//! assert_eq!(r.tiers[1].p_at_least_one.to_string(), "1");
//! assert_eq!(r.sure_of_one_lot.unwrap().shares, 200_000);
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{Layout, Pool, Ratio, Source, Table, Tier};
use crate::error::{Error, Result, Why};
use crate::fees::{self, Exchange, Schedule};
use crate::message::Warning;
use crate::num;
use crate::report::ser;
use crate::rules;

/// What the figures need besides the table.
#[derive(Debug, Clone)]
pub struct Inputs<'a> {
    /// The board lot, in shares.
    pub lot: u64,
    /// Whether the lot was taken from the table (its smallest size).
    pub lot_inferred: bool,
    /// The final offer price, HK$ (application money and the pool line).
    pub price: Option<Decimal>,
    /// The application day (the fees in force).
    pub date: NaiveDate,
    /// The fee schedule (1 % brokerage and levies by date).
    pub schedule: Option<&'a Schedule>,
    /// Net profit of one allotted lot, for the expected profit.
    pub net_per_lot: Option<Decimal>,
    /// The broker's handling fee per application, paid whatever the result.
    pub handling_fee: Decimal,
    /// Money available for one application (`--budget`).
    pub budget: Option<Decimal>,
    /// The announcement's figures to check the table against.
    pub stated: Stated,
}

impl Inputs<'_> {
    /// Inputs with only the board lot: the ratios, no money.
    pub fn new(lot: u64) -> Self {
        Inputs {
            lot,
            lot_inferred: false,
            price: None,
            date: NaiveDate::MIN,
            schedule: None,
            net_per_lot: None,
            handling_fee: Decimal::ZERO,
            budget: None,
            stated: Stated::default(),
        }
    }
}

/// Totals an announcement states elsewhere (its summary), given by the user.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stated {
    /// Number of valid applications.
    pub valid_applications: Option<u64>,
    /// Number of successful applications.
    pub successful: Option<u64>,
    /// Final number of offer shares under the Hong Kong public offering.
    pub offer_shares: Option<u64>,
}

/// Where a tier's pool comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PoolFrom {
    /// A POOL A / POOL B heading in the table.
    Printed,
    /// The HK$5 million line at the final price.
    Implied,
    /// Neither (no headings, no price).
    Unknown,
}

/// The figures of one tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierFigures {
    /// The pool (printed, or implied by the price).
    pub pool: Option<Pool>,
    /// Where the pool comes from.
    pub pool_from: PoolFrom,
    /// Shares applied for.
    pub shares_applied: u64,
    /// Lots applied for.
    pub lots: u64,
    /// Valid applications.
    pub applications: u64,
    /// Applicants who received shares.
    pub successful: u64,
    /// Shares allotted to the tier.
    pub allotted_shares: u64,
    /// P(at least one lot) for one applicant.
    #[serde(serialize_with = "ser::exact")]
    pub p_at_least_one: Decimal,
    /// Shares one applicant can expect.
    #[serde(serialize_with = "ser::exact")]
    pub expected_shares: Decimal,
    /// Lots one applicant can expect.
    #[serde(serialize_with = "ser::exact")]
    pub expected_lots: Decimal,
    /// Expected lots per lot applied for (= the allotted fraction).
    #[serde(serialize_with = "ser::exact")]
    pub per_lot_rate: Decimal,
    /// The allotted percentage, half-up to 2 places, as announcements print it.
    #[serde(serialize_with = "ser::pct")]
    pub allotted_pct: Decimal,
    /// The percentage the table prints, if any.
    #[serde(serialize_with = "ser::opt::pct")]
    pub printed_pct: Option<Decimal>,
    /// The money an application takes: shares × price plus the 1 % brokerage
    /// and levies of the day.
    #[serde(serialize_with = "ser::opt::money")]
    pub application_value: Option<Decimal>,
    /// Expected lots × net per lot − the handling fee.
    #[serde(serialize_with = "ser::opt::money")]
    pub expected_profit: Option<Decimal>,
    /// Line or row of the table.
    pub line: usize,
    /// The basis as printed.
    pub basis: String,
    /// P(at least one lot), exact.
    #[serde(skip)]
    pub p_exact: Ratio,
    /// Expected shares, exact.
    #[serde(skip)]
    pub expected_shares_exact: Ratio,
}

/// A pool's sums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolFigures {
    /// The pool (`null`: tiers whose pool is unknown).
    pub pool: Option<Pool>,
    /// Valid applications.
    pub applications: u64,
    /// Successful applicants.
    pub successful: u64,
    /// Shares allotted.
    pub allotted_shares: u64,
    /// Σ applications × expected shares over its tiers (equal to the shares
    /// allotted, exactly).
    pub expected_shares_sum: u64,
}

/// One size, as the choice of 穩中一手 or of a budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// Shares applied for.
    pub shares: u64,
    /// Lots applied for.
    pub lots: u64,
    /// Its pool.
    pub pool: Option<Pool>,
    /// P(at least one lot).
    #[serde(serialize_with = "ser::exact")]
    pub p_at_least_one: Decimal,
    /// The money it takes.
    #[serde(serialize_with = "ser::opt::money")]
    pub application_value: Option<Decimal>,
    /// Its expected profit.
    #[serde(serialize_with = "ser::opt::money")]
    pub expected_profit: Option<Decimal>,
}

/// The best sizes within a budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetChoice {
    /// The budget.
    #[serde(serialize_with = "ser::money")]
    pub budget: Decimal,
    /// The size with the highest P(at least one lot) (the smallest of equals).
    pub best_chance: Option<Choice>,
    /// The size with the highest expected profit.
    pub best_profit: Option<Choice>,
}

/// What a check compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// Valid applications.
    ValidApplications,
    /// Successful applicants.
    Successful,
    /// Shares allotted.
    Shares,
    /// A tier's printed percentage.
    Percentage,
}

/// Where the stated figure of a check comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatedBy {
    /// Printed in the table.
    Table,
    /// Given by the user (the announcement's summary).
    User,
}

/// A figure of the announcement and the table's own sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// What is compared.
    pub kind: CheckKind,
    /// The pool, or `null` for the whole table.
    pub pool: Option<Pool>,
    /// The line or row of the table, where printed there.
    pub line: Option<usize>,
    /// Printed in the table or given.
    pub stated_by: StatedBy,
    /// The stated figure.
    #[serde(serialize_with = "ser::exact")]
    pub stated: Decimal,
    /// The table's figure.
    #[serde(serialize_with = "ser::exact")]
    pub computed: Decimal,
    /// Whether they agree.
    pub ok: bool,
}

/// Remarks on a computation, in words by [`Note::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// The board lot was taken from the table's smallest size.
    LotInferred {
        /// The lot.
        lot: u64,
    },
    /// Pools were implied by the HK$5 million line at the price.
    PoolsImplied {
        /// The price.
        #[serde(serialize_with = "ser::price")]
        price: Decimal,
    },
    /// No headings and no price: the pools are unknown.
    PoolsUnknown,
    /// A printed pool differs from the one the price implies.
    PoolDiffers {
        /// Shares applied for.
        shares: u64,
        /// Printed.
        printed: Pool,
        /// Implied.
        implied: Pool,
    },
    /// No tier gives every applicant a lot.
    NoSureLot,
    /// No price: no money figures.
    NoPrice,
    /// No net profit per lot: no expected profit.
    NoProfit,
    /// A fee row in force is marked unclear.
    FeeUnclear {
        /// The fee schedule's warning.
        warning: Warning,
    },
}

/// The report of an allotment table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllotmentReport {
    /// The layout read.
    pub layout: Layout,
    /// How the file was written.
    pub source: Source,
    /// Its encoding.
    pub encoding: &'static str,
    /// The board lot.
    pub lot_shares: u64,
    /// The final offer price.
    #[serde(serialize_with = "ser::opt::price")]
    pub price: Option<Decimal>,
    /// Every tier.
    pub tiers: Vec<TierFigures>,
    /// Each pool's sums.
    pub pools: Vec<PoolFigures>,
    /// The smallest size sure of one lot (穩中一手).
    pub sure_of_one_lot: Option<Choice>,
    /// The best sizes for `--budget`.
    pub budget: Option<BudgetChoice>,
    /// The table against the announcement's totals.
    pub checks: Vec<Check>,
    /// Remarks.
    pub notes: Vec<Note>,
}

impl AllotmentReport {
    /// Whether every check agrees.
    pub fn all_checks_ok(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }
}

fn line_err(t: &Tier, reason: Why) -> Error {
    let line = t.line;
    Error::invalid_at(crate::why!("line {line}", "第 {line} 行"), &t.basis, reason)
}

/// Refuses a table that is not whole lots, or whose basis gives more than
/// was applied for.
pub fn validate(table: &Table, lot: u64) -> Result<()> {
    if lot == 0 {
        return Err(Error::invalid(
            "--lot-size",
            "0",
            crate::why!("a board lot is at least one share", "每手至少一股"),
        ));
    }
    for t in &table.tiers {
        if t.shares_applied == 0 || t.shares_applied % lot != 0 {
            return Err(line_err(
                t,
                crate::why!(
                    "{} shares applied for is not a whole number of {lot}-share lots",
                    "申请 {} 股不是每手 {lot} 股的整数倍",
                    t.shares_applied
                ),
            ));
        }
        if t.applications() == 0 {
            return Err(line_err(
                t,
                crate::why!("a size with no valid applications", "该档位没有有效申请"),
            ));
        }
        for o in &t.outcomes {
            if o.shares % lot != 0 {
                return Err(line_err(
                    t,
                    crate::why!(
                        "the basis gives {} shares, not whole {lot}-share lots",
                        "配售基准给出 {} 股，不是每手 {lot} 股的整数倍",
                        o.shares
                    ),
                ));
            }
            if o.shares > t.shares_applied {
                return Err(line_err(
                    t,
                    crate::why!(
                        "the basis gives {} shares ({} lots) for an application of {} ({} lots)",
                        "申请 {2} 股（{3} 手），配售基准却给出 {0} 股（{1} 手）",
                        o.shares,
                        o.shares / lot,
                        t.shares_applied,
                        t.shares_applied / lot
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn ratio(num: u128, den: u128) -> Result<Ratio> {
    Ratio::new(num, den).ok_or_else(|| Error::overflow("ratio"))
}

fn dec(x: u64) -> Decimal {
    Decimal::from(x)
}

/// The figures of a table.
pub fn compute(table: &Table, i: &Inputs) -> Result<AllotmentReport> {
    validate(table, i.lot)?;
    let mut notes = Vec::new();
    if i.lot_inferred {
        notes.push(Note::LotInferred { lot: i.lot });
    }
    let pool_rule = rules::hk_pool_rule(if i.date == NaiveDate::MIN {
        rules::HK_POOL_RULES[rules::HK_POOL_RULES.len() - 1].from
    } else {
        i.date
    })?;
    let mut tiers = Vec::with_capacity(table.tiers.len());
    let mut fee_warnings: Vec<Warning> = Vec::new();
    for t in &table.tiers {
        let n = t.applications();
        let allotted = t.allotted_shares()?;
        let lots_sure: u64 = t
            .outcomes
            .iter()
            .filter(|o| o.shares >= i.lot)
            .map(|o| o.applicants)
            .sum();
        let p = ratio(u128::from(lots_sure), u128::from(n))?;
        let exp_shares = ratio(u128::from(allotted), u128::from(n))?;
        let exp_lots = ratio(u128::from(allotted), u128::from(n) * u128::from(i.lot))?;
        let rate = ratio(
            u128::from(allotted),
            u128::from(n) * u128::from(t.shares_applied),
        )?;
        let pct = rate.times(100)?.round_half_up(2)?;
        let amount = i
            .price
            .map(|pr| num::mul(pr, dec(t.shares_applied), "application value"))
            .transpose()?;
        let implied = amount.map(|a| {
            if a <= Decimal::from(pool_rule.limit_hkd) {
                Pool::A
            } else {
                Pool::B
            }
        });
        let (pool, pool_from) = match (t.pool, implied) {
            (Some(p), Some(q)) => {
                if p != q {
                    notes.push(Note::PoolDiffers {
                        shares: t.shares_applied,
                        printed: p,
                        implied: q,
                    });
                }
                (Some(p), PoolFrom::Printed)
            }
            (Some(p), None) => (Some(p), PoolFrom::Printed),
            (None, Some(q)) => (Some(q), PoolFrom::Implied),
            (None, None) => (None, PoolFrom::Unknown),
        };
        let application_value = match (amount, i.schedule) {
            (Some(a), Some(s)) => {
                let c = fees::allotment_charges(s, Exchange::Hkex, i.date, a)?;
                for w in c.warnings {
                    if !fee_warnings.contains(&w) {
                        fee_warnings.push(w);
                    }
                }
                Some(num::add(a, c.total, "application value")?)
            }
            _ => None,
        };
        let expected_profit = i
            .net_per_lot
            .map(|net| {
                let what = "expected profit";
                let gross = num::div(
                    num::mul(dec(allotted), net, what)?,
                    num::mul(dec(n), dec(i.lot), what)?,
                    what,
                )?;
                num::sub(gross, i.handling_fee, what)
            })
            .transpose()?;
        tiers.push(TierFigures {
            pool,
            pool_from,
            shares_applied: t.shares_applied,
            lots: t.shares_applied / i.lot,
            applications: n,
            successful: t.successful(),
            allotted_shares: allotted,
            p_at_least_one: p.to_decimal()?,
            expected_shares: exp_shares.to_decimal()?,
            expected_lots: exp_lots.to_decimal()?,
            per_lot_rate: rate.to_decimal()?,
            allotted_pct: pct,
            printed_pct: t.printed_pct,
            application_value,
            expected_profit,
            line: t.line,
            basis: t.basis.clone(),
            p_exact: p,
            expected_shares_exact: exp_shares,
        });
    }
    notes.extend(
        fee_warnings
            .into_iter()
            .map(|warning| Note::FeeUnclear { warning }),
    );
    if i.price.is_none() {
        notes.push(Note::NoPrice);
    }
    if let Some(p) = i.price {
        if tiers.iter().any(|t| t.pool_from == PoolFrom::Implied) {
            notes.push(Note::PoolsImplied { price: p });
        }
    }
    if tiers.iter().any(|t| t.pool_from == PoolFrom::Unknown) {
        notes.push(Note::PoolsUnknown);
    }
    if i.net_per_lot.is_none() {
        notes.push(Note::NoProfit);
    }
    let pools = pool_sums(&tiers)?;
    let checks = checks(table, &tiers, &pools, &i.stated)?;
    let choice = |t: &TierFigures| Choice {
        shares: t.shares_applied,
        lots: t.lots,
        pool: t.pool,
        p_at_least_one: t.p_at_least_one,
        application_value: t.application_value,
        expected_profit: t.expected_profit,
    };
    let sure_of_one_lot = tiers
        .iter()
        .filter(|t| t.p_exact.is_one())
        .min_by_key(|t| t.shares_applied)
        .map(choice);
    if sure_of_one_lot.is_none() {
        notes.push(Note::NoSureLot);
    }
    let budget = i.budget.map(|b| {
        let within: Vec<&TierFigures> = tiers
            .iter()
            .filter(|t| t.application_value.is_some_and(|v| v <= b))
            .collect();
        // the highest chance, the smallest size among equals
        let best_chance = within
            .iter()
            .copied()
            .max_by(|x, y| {
                x.p_exact
                    .cmp(&y.p_exact)
                    .then(y.shares_applied.cmp(&x.shares_applied))
            })
            .map(choice);
        let best_profit = within
            .iter()
            .copied()
            .filter(|t| t.expected_profit.is_some())
            .max_by(|x, y| {
                x.expected_profit
                    .cmp(&y.expected_profit)
                    .then(y.shares_applied.cmp(&x.shares_applied))
            })
            .map(choice);
        BudgetChoice {
            budget: b,
            best_chance,
            best_profit,
        }
    });
    Ok(AllotmentReport {
        layout: table.layout,
        source: table.source,
        encoding: table.encoding,
        lot_shares: i.lot,
        price: i.price,
        tiers,
        pools,
        sure_of_one_lot,
        budget,
        checks,
        notes,
    })
}

fn pool_sums(tiers: &[TierFigures]) -> Result<Vec<PoolFigures>> {
    let mut out: Vec<PoolFigures> = Vec::new();
    for t in tiers {
        let idx = match out.iter().position(|p| p.pool == t.pool) {
            Some(k) => k,
            None => {
                out.push(PoolFigures {
                    pool: t.pool,
                    applications: 0,
                    successful: 0,
                    allotted_shares: 0,
                    expected_shares_sum: 0,
                });
                out.len() - 1
            }
        };
        let p = &mut out[idx];
        let sum = t
            .expected_shares_exact
            .times(u128::from(t.applications))?
            .as_integer()
            .and_then(|x| u64::try_from(x).ok())
            .ok_or_else(|| Error::overflow("expected shares"))?;
        let add = |a: u64, b: u64| a.checked_add(b).ok_or_else(|| Error::overflow("pool sums"));
        p.applications = add(p.applications, t.applications)?;
        p.successful = add(p.successful, t.successful)?;
        p.allotted_shares = add(p.allotted_shares, t.allotted_shares)?;
        p.expected_shares_sum = add(p.expected_shares_sum, sum)?;
    }
    out.sort_by_key(|p| p.pool.map_or(2, |x| x as u8));
    Ok(out)
}

fn checks(
    table: &Table,
    tiers: &[TierFigures],
    pools: &[PoolFigures],
    stated: &Stated,
) -> Result<Vec<Check>> {
    let mut out = Vec::new();
    let sum = |f: fn(&PoolFigures) -> u64| pools.iter().map(f).sum::<u64>();
    let all_apps = sum(|p| p.applications);
    let all_succ = sum(|p| p.successful);
    let all_shares = sum(|p| p.allotted_shares);
    let mut push = |kind, pool, line, by, stated: u64, computed: u64| {
        out.push(Check {
            kind,
            pool,
            line,
            stated_by: by,
            stated: dec(stated),
            computed: dec(computed),
            ok: stated == computed,
        })
    };
    for t in &table.totals {
        let (apps, succ, shares) = match t.pool {
            Some(p) => match pools.iter().find(|x| x.pool == Some(p)) {
                Some(x) => (x.applications, x.successful, x.allotted_shares),
                None => (0, 0, 0),
            },
            None => (all_apps, all_succ, all_shares),
        };
        if let Some(a) = t.applications {
            push(
                CheckKind::ValidApplications,
                t.pool,
                Some(t.line),
                StatedBy::Table,
                a,
                apps,
            );
        }
        if let Some(s) = t.successful {
            push(
                CheckKind::Successful,
                t.pool,
                Some(t.line),
                StatedBy::Table,
                s,
                succ,
            );
        }
        if let Some(s) = t.shares {
            push(
                CheckKind::Shares,
                t.pool,
                Some(t.line),
                StatedBy::Table,
                s,
                shares,
            );
        }
    }
    if let Some(v) = stated.valid_applications {
        push(
            CheckKind::ValidApplications,
            None,
            None,
            StatedBy::User,
            v,
            all_apps,
        );
    }
    if let Some(v) = stated.successful {
        push(
            CheckKind::Successful,
            None,
            None,
            StatedBy::User,
            v,
            all_succ,
        );
    }
    if let Some(v) = stated.offer_shares {
        push(CheckKind::Shares, None, None, StatedBy::User, v, all_shares);
    }
    for t in tiers {
        if let Some(pp) = t.printed_pct {
            out.push(Check {
                kind: CheckKind::Percentage,
                pool: t.pool,
                line: Some(t.line),
                stated_by: StatedBy::Table,
                stated: pp,
                computed: t.allotted_pct,
                ok: pp == t.allotted_pct,
            });
        }
    }
    Ok(out)
}

/// The board lot when none is given: the smallest size in the table (the
/// first row of pool A is one lot in every layout seen).
pub fn infer_lot(table: &Table) -> Option<u64> {
    table.tiers.iter().map(|t| t.shares_applied).min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allotment::parse;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn where_more_lots_stop_paying() {
        // 京东 2020 tiers (fengdujob): 1 lot 15448/154483, 2 lots 4227/40910. With HK$100 a lot
        // and a HK$10 fee: 0.09999806 × 100 − 10 ≈ −0.0002; doubling the application adds only
        // 0.0033 lots
        let t = parse::read(
            b"lots,applications,basis\n1,154483,15448/154483\n2,40910,4227/40910\n",
            Some(50),
        )
        .unwrap();
        let mut i = Inputs::new(50);
        i.net_per_lot = Some(d("100"));
        i.handling_fee = d("10");
        let r = compute(&t, &i).unwrap();
        let (e1, e2) = (
            r.tiers[0].expected_profit.unwrap(),
            r.tiers[1].expected_profit.unwrap(),
        );
        assert!(e1 < Decimal::ZERO && e2 > e1);
        // 100 × (4227/40910 − 15448/154483) = 0.33263…
        assert_eq!(num::fixed(e2 - e1, 4), "0.3326");
        assert!(r.sure_of_one_lot.is_none());
        assert!(r.notes.contains(&Note::NoSureLot));
    }

    #[test]
    fn guaranteed_tiers_are_exactly_one() {
        // 天數智芯, pool B: 1,100,000 shares, 5 applicants, 100 each and 3 of 5 another 100
        // = 800 / 5,500,000 = 0.0145…% → 0.01%
        let row = "1,100,000 5 100 Shares plus 3 out of 5 to receive additional 100 Shares";
        let t = parse::read(format!("{row} 0.01%").as_bytes(), None).unwrap();
        let r = compute(&t, &Inputs::new(100)).unwrap();
        assert!(r.tiers[0].p_exact.is_one());
        assert_eq!(r.tiers[0].p_at_least_one, Decimal::ONE);
        assert_eq!(r.tiers[0].expected_shares, d("160"));
        assert!(r.all_checks_ok());
        assert_eq!(r.sure_of_one_lot.unwrap().shares, 1_100_000);
        // the same row printed with 0.02%: a transcription error, not a refusal
        let t = parse::read(format!("{row} 0.02%").as_bytes(), None).unwrap();
        assert!(!compute(&t, &Inputs::new(100)).unwrap().all_checks_ok());
    }
}
