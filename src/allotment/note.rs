//! The words of an allotment report in each language: its notes, its
//! checks, the summary lines under the table and the working. One function
//! per message, zh and en side by side, so that a front end prints the
//! same sentence as the CLI.
//!
//! ```
//! use daxin::allotment::{parse, tiers::{compute, Inputs}};
//! use daxin::Lang;
//! let t = parse::read(b"POOL A\n200 100 5 out of 100 applicants to receive 200 H Shares 5.00%\n", None)
//!     .unwrap();
//! let r = compute(&t, &Inputs::new(200)).unwrap();
//! assert_eq!(r.checks[0].text(Lang::En),
//!     "percentage allotted (A): the row at line 2 prints 5.00%, from the basis 5.00% ✓");
//! assert_eq!(r.sure_line(Lang::En), "no size in the table is sure of a lot");
//! ```

use rust_decimal::Decimal;

use super::tiers::{AllotmentReport, Check, CheckKind, Choice, Note, StatedBy};
use super::{Layout, Pool};
use crate::headline::Lang;
use crate::num::{fixed, group, percent, price_dp, trim};

/// A pool in `lang`: 甲组 / 乙组, or A / B; `—` when unknown.
pub fn pool_name(p: Option<Pool>, lang: Lang) -> &'static str {
    match (p, lang) {
        (Some(Pool::A), Lang::Zh) => "甲组",
        (Some(Pool::B), Lang::Zh) => "乙组",
        (Some(Pool::A), Lang::En) => "A",
        (Some(Pool::B), Lang::En) => "B",
        (None, _) => "—",
    }
}

/// A layout in `lang`.
pub fn layout_name(l: Layout, lang: Lang) -> &'static str {
    match (l, lang) {
        (Layout::PoolTable, Lang::Zh) => "甲乙组表",
        (Layout::PoolTable, Lang::En) => "pool table",
        (Layout::TwoRow, Lang::Zh) => "每档两行表",
        (Layout::TwoRow, Lang::En) => "two-row table",
        (Layout::Plain, Lang::Zh) => "单行表",
        (Layout::Plain, Lang::En) => "one row per size",
        (Layout::DaxinCsv, Lang::Zh) => "daxin 格式（手数）",
        (Layout::DaxinCsv, Lang::En) => "daxin lots format",
    }
}

impl Note {
    /// The note in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Note::LotInferred { lot } if zh => {
                format!("每手股数取自表中最小的申请股数：{lot} 股（可用 --lot-size 指定）")
            }
            Note::LotInferred { lot } => format!(
                "board lot taken from the table's smallest size: {lot} shares (give --lot-size to be sure)"
            ),
            Note::PoolsImplied { price } if zh => format!(
                "表中无甲乙组标题：按最终发售价 {} 港元、申购金额 500 万港元（不含经纪佣金及征费）划分",
                fixed(*price, price_dp(*price))
            ),
            Note::PoolsImplied { price } => format!(
                "no pool headings: pools by the HK$5 million line at the final price HK${} (brokerage and levies excluded)",
                fixed(*price, price_dp(*price))
            ),
            Note::PoolsUnknown if zh => {
                "表中无甲乙组标题，也未给发售价（--issue-price）：组别不明".into()
            }
            Note::PoolsUnknown => {
                "no pool headings and no price (--issue-price): the pools are unknown".into()
            }
            Note::PoolDiffers {
                shares,
                printed,
                implied,
            } if zh => format!(
                "{shares} 股印在{}，按 500 万港元线应属{}",
                pool_name(Some(*printed), lang),
                pool_name(Some(*implied), lang)
            ),
            Note::PoolDiffers { shares, printed, implied } => format!(
                "{shares} shares is printed in pool {printed:?}, the HK$5 million line puts it in pool {implied:?}"
            ),
            Note::NoSureLot if zh => "表中没有稳中一手的档位".into(),
            Note::NoSureLot => "no size in the table is sure of a lot".into(),
            Note::NoPrice if zh => "未给发售价（--issue-price）：不计申购金额".into(),
            Note::NoPrice => "no price (--issue-price): no application money".into(),
            Note::NoProfit if zh => {
                "未给每手收益（--profit-per-lot 或数据中的新股）：不计期望收益".into()
            }
            Note::NoProfit => {
                "no profit per lot (--profit-per-lot, or an IPO in the data): no expected profit"
                    .into()
            }
            Note::FeeUnclear { warning } => warning.text(lang),
        }
    }
}

fn by_text(by: StatedBy, line: Option<usize>, lang: Lang) -> String {
    match (by, line, lang) {
        (StatedBy::Table, Some(l), Lang::Zh) => format!("表中第 {l} 行所印"),
        (StatedBy::Table, Some(l), Lang::En) => format!("printed at line {l}"),
        (StatedBy::Table, None, Lang::Zh) => "表中所印".into(),
        (StatedBy::Table, None, Lang::En) => "printed".into(),
        (StatedBy::User, _, Lang::Zh) => "公告（所给）".into(),
        (StatedBy::User, _, Lang::En) => "announcement (given)".into(),
    }
}

fn kind_name(k: CheckKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (CheckKind::ValidApplications, Lang::Zh) => "有效申请数",
        (CheckKind::ValidApplications, Lang::En) => "valid applications",
        (CheckKind::Successful, Lang::Zh) => "获接纳申请人数",
        (CheckKind::Successful, Lang::En) => "successful applicants",
        (CheckKind::Shares, Lang::Zh) => "获配股数",
        (CheckKind::Shares, Lang::En) => "shares allotted",
        (CheckKind::Percentage, Lang::Zh) => "获配比例",
        (CheckKind::Percentage, Lang::En) => "percentage allotted",
    }
}

impl Check {
    /// The check in `lang`: what is compared, the stated and the computed
    /// figure, and whether they agree.
    pub fn text(&self, lang: Lang) -> String {
        let what = kind_name(self.kind, lang);
        let scope = match self.pool {
            Some(p) => format!(" ({})", pool_name(Some(p), lang)),
            None => String::new(),
        };
        let by = match (self.kind, self.line, lang) {
            (CheckKind::Percentage, Some(l), Lang::Zh) => format!("第 {l} 行起的一档所印"),
            (CheckKind::Percentage, Some(l), Lang::En) => format!("the row at line {l} prints"),
            _ => by_text(self.stated_by, self.line, lang),
        };
        let (stated, computed) = if self.kind == CheckKind::Percentage {
            (
                format!("{}%", fixed(self.stated, 2)),
                format!("{}%", fixed(self.computed, 2)),
            )
        } else {
            (group(self.stated, 0), group(self.computed, 0))
        };
        match (lang, self.ok) {
            (Lang::Zh, ok) => format!(
                "{what}{scope}：{by} {stated}，按分配基准计 {computed} {}",
                if ok { "✓" } else { "✗ 抄录有误？" }
            ),
            (Lang::En, ok) => format!(
                "{what}{scope}: {by} {stated}, from the basis {computed} {}",
                if ok {
                    "✓"
                } else {
                    "✗ transcription error?"
                }
            ),
        }
    }
}

fn shares(n: u64) -> String {
    group(Decimal::from(n), 0)
}

fn money(x: Option<Decimal>) -> String {
    x.map(|v| group(v, 2)).unwrap_or_default()
}

impl AllotmentReport {
    /// The working of every tier, numbers put in.
    pub fn working(&self, lang: Lang) -> Vec<String> {
        self.tiers
            .iter()
            .map(|x| {
                let n = x.applications;
                let (applied, allotted) = (x.shares_applied, x.allotted_shares);
                let (p, e) = (trim(x.p_at_least_one), trim(x.expected_shares));
                let pct = fixed(x.allotted_pct, 2);
                match lang {
                    Lang::Zh => format!(
                        "{applied} 股：至少一手 = 获配不少于一手的人数 / {n} = {p}；期望股数 = {allotted} / {n} = {e}；获配比例 = {allotted} / ({n} × {applied}) = {pct}%"
                    ),
                    Lang::En => format!(
                        "{applied} shares: P(≥1 lot) = applicants with a lot / {n} = {p}; expected shares = {allotted} / {n} = {e}; allotted = {allotted} / ({n} × {applied}) = {pct}%"
                    ),
                }
            })
            .collect()
    }

    /// What was read: the layout, the encoding and the board lot.
    pub fn read_line(&self, lang: Lang) -> String {
        let layout = layout_name(self.layout, lang);
        match lang {
            Lang::Zh => format!(
                "读入: {layout}, {}, {} 股一手",
                self.encoding, self.lot_shares
            ),
            Lang::En => format!(
                "read: {layout}, {}, {} shares a lot",
                self.encoding, self.lot_shares
            ),
        }
    }

    /// The smallest size sure of one lot (穩中一手), or that there is none.
    pub fn sure_line(&self, lang: Lang) -> String {
        let Some(s) = &self.sure_of_one_lot else {
            return Note::NoSureLot.text(lang);
        };
        let pool = pool_name(s.pool, lang);
        match lang {
            Lang::Zh => format!(
                "稳中一手：{} 股（{} 手，{pool}）{}",
                shares(s.shares),
                s.lots,
                s.application_value
                    .map(|v| format!("，需 {} 港元", group(v, 2)))
                    .unwrap_or_default()
            ),
            Lang::En => format!(
                "sure of one lot: {} shares ({} lots, pool {pool}){}",
                shares(s.shares),
                s.lots,
                s.application_value
                    .map(|v| format!(", HK${} to apply", group(v, 2)))
                    .unwrap_or_default()
            ),
        }
    }

    /// The best sizes for `--budget`: best chance, then best expected
    /// profit (nothing without a budget).
    pub fn budget_lines(&self, lang: Lang) -> Vec<String> {
        let Some(b) = &self.budget else {
            return Vec::new();
        };
        let budget = match lang {
            Lang::Zh => format!("预算 {}", group(b.budget, 2)),
            Lang::En => format!("budget {}", group(b.budget, 2)),
        };
        vec![
            choice_line(
                &budget,
                &b.best_chance,
                ("中签机会最大为", "best chance at"),
                lang,
            ),
            choice_line(
                &budget,
                &b.best_profit,
                ("期望收益最高为", "best expected profit at"),
                lang,
            ),
        ]
    }

    /// How many printed percentages reproduce (nothing when none is printed).
    pub fn pct_summary(&self, lang: Lang) -> Option<String> {
        let printed: Vec<&Check> = self
            .checks
            .iter()
            .filter(|c| c.kind == CheckKind::Percentage)
            .collect();
        if printed.is_empty() {
            return None;
        }
        let (ok, n) = (printed.iter().filter(|c| c.ok).count(), printed.len());
        Some(match lang {
            Lang::Zh => {
                format!("表中所印获配比例：{ok}/{n} 档按分配基准复核一致（四舍五入至 2 位）")
            }
            Lang::En => format!(
                "printed percentages: {ok} of {n} reproduce from the basis (half-up, 2 places)"
            ),
        })
    }
}

fn choice_line(budget: &str, c: &Option<Choice>, what: (&str, &str), lang: Lang) -> String {
    let t = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
    let Some(c) = c else {
        let none = t(
            "不够任何一档",
            "no size fits (or no price, or no profit per lot)",
        );
        return format!("{budget}: {none}");
    };
    let what = if lang == Lang::Zh { what.0 } else { what.1 };
    let profit = c
        .expected_profit
        .map(|e| format!(", {} {}", t("期望净收益", "expected net"), group(e, 2)))
        .unwrap_or_default();
    format!(
        "{budget}: {what} {} ({}), {} {}, {}{profit}",
        shares(c.shares),
        pool_name(c.pool, lang),
        t("至少一手", "P(≥1 lot)"),
        percent(c.p_at_least_one, 4),
        money(c.application_value)
    )
}
