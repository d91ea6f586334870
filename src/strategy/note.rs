//! The assumptions, notes and working labels of a strategy report, as
//! typed values; [`Note::text`] and [`WorkLabel::text`] are the one place
//! they become words, in Chinese or English.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::dist::{Distribution, Method};
use super::input::{Pool, ProfitBasis, Why};
use super::report::{Period, Report};
use super::split::BestSplit;
use crate::board::Board;
use crate::headline::Lang;
use crate::num::{self, percent};

/// A note or assumption of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// Draws of different IPOs are independent; the tail-number model within one.
    Independence,
    /// The profit basis.
    Basis {
        /// Which.
        basis: ProfitBasis,
    },
    /// Fees taken off, or not.
    Fees {
        /// Whether selling costs are taken off.
        on: bool,
    },
    /// Which boards count.
    BoardAccess {
        /// STAR.
        star: bool,
        /// ChiNext.
        chinext: bool,
    },
    /// The market value is the average of 20 trading days to T−2.
    Window,
    /// At least ¥10,000 on an exchange to subscribe there at all.
    Eligibility,
    /// The period and the annualisation convention.
    Period {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
        /// Calendar days, both ends counted.
        days: i64,
        /// Whether the period was taken from the data (no --from/--to).
        from_data: bool,
    },
    /// Rows whose rules were looked up by the listing day (no T日).
    ListingDayRules {
        /// How many.
        count: usize,
    },
    /// A rule row marked unclear in the sources was used.
    UnclearRule {
        /// The board.
        board: Board,
        /// IPOs that used it.
        count: usize,
    },
    /// Caps worked out from 顶格申购需配市值.
    CapFromFullQuota {
        /// How many.
        count: usize,
    },
    /// Caps derived by the 1‰ rule from the initial online tranche.
    CapByOnlineRule {
        /// How many.
        count: usize,
    },
    /// IPOs with no cap at all: only the rule's absolute cap applies.
    CapRuleMaxOnly {
        /// How many.
        count: usize,
    },
    /// A row's 顶格申购需配市值 disagrees with its 申购上限 (the cap wins).
    CapMismatch {
        /// Code.
        code: String,
        /// The cap, shares.
        cap_shares: u64,
        /// The 顶格 the cap gives, yuan.
        implied_mv: Decimal,
        /// The 顶格 the row states, yuan.
        stated_mv: Decimal,
    },
    /// Rows not counted, by reason.
    NotCounted {
        /// Pending or unpriced at the basis.
        unpriced: usize,
        /// Without a 中签率.
        no_rate: usize,
        /// BSE, Hong Kong or unknown codes.
        other_markets: usize,
        /// Boards switched off.
        boards_off: usize,
        /// Repeats of a code already counted.
        duplicates: usize,
        /// Unreadable rows and other errors.
        errors: usize,
    },
    /// Rows outside the period.
    OutsidePeriod {
        /// How many.
        count: usize,
    },
    /// Several accounts are several investors.
    Accounts {
        /// How many.
        n: u32,
    },
    /// No IPO counts.
    NoIpos,
}

/// The profit basis in words.
pub fn basis_words(b: ProfitBasis, lang: Lang) -> &'static str {
    match (b, lang) {
        (ProfitBasis::Published, Lang::Zh) => "表中公布的每中一签获利",
        (ProfitBasis::Published, Lang::En) => "the table's published profit per lot",
        (ProfitBasis::Open, Lang::Zh) => "首日开盘价",
        (ProfitBasis::Open, Lang::En) => "the first-day open",
        (ProfitBasis::Close, Lang::Zh) => "首日收盘价",
        (ProfitBasis::Close, Lang::En) => "the first-day close",
        (ProfitBasis::Avg, Lang::Zh) => "首日均价",
        (ProfitBasis::Avg, Lang::En) => "the first-day average price",
    }
}

impl Note {
    /// The note in words.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match (self, lang) {
            (Note::Independence, Zh) => "各新股的抽签相互独立；同一新股中，账户的配号连续、按尾号摇号，故中⌊n·r⌋签、另以 n·r−⌊n·r⌋ 的概率多中一签（n·r<1 时即以 n·r 的概率中一签）。逐号独立抽签的 P(一签未中) 另列".into(),
            (Note::Independence, En) => "draws of different IPOs are independent; within one IPO an account's numbers are consecutive and drawn by tail digits, so it wins ⌊n·r⌋ lots and one more with probability n·r − ⌊n·r⌋ (n·r below 1: one lot with probability n·r). P(no win) with every number an independent draw is shown beside".into(),
            (Note::Basis { basis }, Zh) => format!("每签收益按{}计算", basis_words(*basis, lang)),
            (Note::Basis { basis }, En) => format!("a winning lot is counted at {}", basis_words(*basis, lang)),
            (Note::Fees { on: true }, Zh) => "已扣除卖出费用（印花税、经手费、过户费、证管费、佣金，按上市日费率；佣金按您的券商条款）；个人买卖A股所得暂免个税".into(),
            (Note::Fees { on: true }, En) => "selling costs are taken off (stamp duty, exchange fees, commission, by the listing day's schedule; commission by your broker terms); individuals owe no income tax on A-share trading gains".into(),
            (Note::Fees { on: false }, Zh) => "未扣除费用（加 --fees 扣除卖出费用）".into(),
            (Note::Fees { on: false }, En) => "before fees (--fees takes selling costs off)".into(),
            (Note::BoardAccess { star, chinext }, Zh) => format!(
                "板块权限：科创板{}，创业板{}；北交所为现金申购，不计",
                if *star { "计入" } else { "不计" },
                if *chinext { "计入" } else { "不计" }
            ),
            (Note::BoardAccess { star, chinext }, En) => format!(
                "board access: STAR {}, ChiNext {}; BSE subscriptions are in cash and do not count",
                if *star { "counted" } else { "not counted" },
                if *chinext { "counted" } else { "not counted" }
            ),
            (Note::Window, Zh) => "市值指 T−2 日（含）前 20 个交易日的日均持有市值，沪深分别计算；科创板与沪市主板共用沪市市值，创业板与深市主板共用深市市值".into(),
            (Note::Window, En) => "market value is the daily average over the 20 trading days to T−2, counted separately for Shanghai and Shenzhen; STAR shares the Shanghai value with the SSE main board, ChiNext the Shenzhen value with the SZSE main board".into(),
            (Note::Eligibility, Zh) => "某市场日均市值不足 10,000 元则不能申购该市场新股".into(),
            (Note::Eligibility, En) => "below ¥10,000 of average value on an exchange, no subscription there at all".into(),
            (Note::Period { from, to, days, from_data }, Zh) => format!(
                "期间 {from} 至 {to}，共 {days} 个自然日（含首尾{}）；年化为单利：收益率 × 365 ÷ {days}",
                if *from_data { "，取自数据中最早与最晚的日期" } else { "" }
            ),
            (Note::Period { from, to, days, from_data }, En) => format!(
                "period {from} to {to}, {days} calendar days (both ends counted{}); annualised simply: return × 365 ÷ {days}",
                if *from_data { ", the first and last dates in the data" } else { "" }
            ),
            (Note::ListingDayRules { count }, Zh) => format!("{count} 只新股无申购日，按上市日查规则"),
            (Note::ListingDayRules { count }, En) => format!("{count} IPO(s) have no subscription day: their rules were looked up by the listing day"),
            (Note::UnclearRule { board, count }, Zh) => format!("{count} 只{}新股所用的申购规则来源不明确（UNCLEAR）", board.name(lang)),
            (Note::UnclearRule { board, count }, En) => format!("{count} {} IPO(s) used a subscription rule marked UNCLEAR in the sources", board.name(lang)),
            (Note::CapFromFullQuota { count }, Zh) => format!("{count} 只新股的申购上限由顶格申购需配市值换算（市值 ÷ 每单位市值 × 每单位股数）"),
            (Note::CapFromFullQuota { count }, En) => format!("{count} IPO(s): the cap worked out from the table's full-quota market value (value ÷ value per unit × unit shares)"),
            (Note::CapByOnlineRule { count }, Zh) => format!("{count} 只新股的申购上限按网上初始发行量的千分之一推算，向下取整至申购单位（假设）"),
            (Note::CapByOnlineRule { count }, En) => format!("{count} IPO(s): the cap derived by the 1‰ rule from the initial online tranche, rounded down to whole units (an assumption)"),
            (Note::CapRuleMaxOnly { count }, Zh) => format!("{count} 只新股无申购上限数据，仅适用规则的绝对上限"),
            (Note::CapRuleMaxOnly { count }, En) => format!("{count} IPO(s) have no cap in the data: only the rule's absolute cap applies"),
            (Note::CapMismatch { code, cap_shares, implied_mv, stated_mv }, Zh) => format!(
                "{code}：顶格申购需配市值 {} 与申购上限 {cap_shares} 股（对应 {}）不符，以申购上限为准",
                num::group(*stated_mv, 0),
                num::group(*implied_mv, 0)
            ),
            (Note::CapMismatch { code, cap_shares, implied_mv, stated_mv }, En) => format!(
                "{code}: the full-quota market value {} disagrees with the cap of {cap_shares} shares (which needs {}); the cap is used",
                num::group(*stated_mv, 0),
                num::group(*implied_mv, 0)
            ),
            (Note::NotCounted { unpriced, no_rate, other_markets, boards_off, duplicates, errors }, Zh) => format!(
                "未计入：待上市或无价格 {unpriced} 行，无中签率 {no_rate} 行，北交所/港股/非A股代码 {other_markets} 行，板块未开通 {boards_off} 行，重复代码 {duplicates} 行，错误 {errors} 行"
            ),
            (Note::NotCounted { unpriced, no_rate, other_markets, boards_off, duplicates, errors }, En) => format!(
                "not counted: {unpriced} pending or unpriced row(s), {no_rate} without a winning rate, {other_markets} BSE / Hong Kong / non-A-share, {boards_off} on boards switched off, {duplicates} repeating a code, {errors} with errors"
            ),
            (Note::OutsidePeriod { count }, Zh) => format!("{count} 行在期间之外，未计入"),
            (Note::OutsidePeriod { count }, En) => format!("{count} row(s) outside the period are not counted"),
            (Note::Accounts { n }, Zh) => format!("{n} 个账户按 {n} 位不同投资者计：同一投资者的多个账户只有第一笔申购有效"),
            (Note::Accounts { n }, En) => format!("{n} accounts are taken as {n} different investors: one investor's several accounts count only their first application"),
            (Note::NoIpos, Zh) => "没有可计入的新股".into(),
            (Note::NoIpos, En) => "no IPO counts".into(),
        }
    }
}

/// Why a row was not counted, in words.
pub fn why_text(w: &Why, lang: Lang) -> String {
    use Lang::{En, Zh};
    match (w, lang) {
        (Why::RowError(e), Zh) => format!("读取错误：{}", e.zh()),
        (Why::RowError(e), En) => format!("cannot be read: {}", e.en()),
        (Why::NotAShare, Zh) => "不是沪深A股代码".into(),
        (Why::NotAShare, En) => "not a Shanghai or Shenzhen A-share code".into(),
        (Why::Bse, Zh) => "北交所现金申购、比例配售，不用市值".into(),
        (Why::Bse, En) => {
            "BSE: cash subscription with proportional allotment, no market value".into()
        }
        (Why::BoardOff(b), Zh) => format!("{}未计入（无权限）", b.name_zh()),
        (Why::BoardOff(b), En) => format!("{} switched off", b.name_en()),
        (Why::NoDate, Zh) => "无申购日与上市日".into(),
        (Why::NoDate, En) => "no subscription or listing day".into(),
        (Why::NoRule(e), Zh) => format!("规则表未覆盖：{e}"),
        (Why::NoRule(e), En) => format!("no rule: {e}"),
        (Why::NoWinRate, Zh) => "无中签率（尚未公布，或数据未给出）".into(),
        (Why::NoWinRate, En) => "no winning rate (not yet published, or not in the data)".into(),
        (Why::BadWinRate(r), Zh) => format!("中签率 {r}% 不在 (0, 100] 内"),
        (Why::BadWinRate(r), En) => format!("a winning rate of {r}% is outside (0, 100]"),
        (Why::BadCap(c), Zh) => format!("申购上限 {c} 不是正整数股"),
        (Why::BadCap(c), En) => format!("a cap of {c} is not a positive whole number of shares"),
        (Why::Unpriced(b), Zh) => format!("待上市或无{}", basis_words(*b, lang)),
        (Why::Unpriced(b), En) => format!(
            "pending: no {}",
            basis_words(*b, lang).trim_start_matches("the ")
        ),
        (Why::Fees(e), Zh) => format!("费率表未覆盖：{e}"),
        (Why::Fees(e), En) => format!("fees: {e}"),
        (Why::Duplicate, Zh) => "同一代码已在前面出现，只计一次".into(),
        (Why::Duplicate, En) => "the same code came earlier: counted once".into(),
    }
}

fn money(x: Decimal) -> String {
    num::group(x, 2)
}

fn pct(x: Decimal) -> String {
    format!("{}%", num::fixed(x, 2))
}

impl Report {
    /// The line that says what the figures are: the period, the IPOs
    /// counted, the basis of a lot and whether fees are off.
    pub fn title(&self, lang: Lang) -> String {
        let (ipos, basis) = (self.ipos, basis_words(self.basis, lang));
        let period = |p: &Period| match lang {
            Lang::Zh => format!("{} 至 {}（{} 天）", p.from, p.to, p.days),
            Lang::En => format!("{} to {} ({} days)", p.from, p.to, p.days),
        };
        let period = self.period.as_ref().map(period).unwrap_or_default();
        match (lang, self.fees) {
            (Lang::Zh, fees) => format!(
                "打新策略 · {period} · 计入 {ipos} 只新股 · 每签收益按{basis}{}",
                if fees {
                    "（扣费后）"
                } else {
                    "（未扣费）"
                }
            ),
            (Lang::En, fees) => format!(
                "IPO lottery strategy · {period} · {ipos} IPOs counted · lots at {basis}{}",
                if fees {
                    " (net of fees)"
                } else {
                    " (before fees)"
                }
            ),
        }
    }
}

impl Distribution {
    /// P(no win) under both models, the expected lots and profit.
    pub fn summary(&self, lang: Lang) -> String {
        let (p, pi) = (
            percent(self.p_no_win, 4),
            percent(self.p_no_win_independent, 4),
        );
        let (lots, profit) = (
            num::fixed(self.expected_lots, 6),
            money(self.expected_profit),
        );
        match lang {
            Lang::Zh => format!(
                "一签未中的概率 {p}（逐号独立抽签：{pi}）；预期中签 {lots} 签，预期收益 {profit}"
            ),
            Lang::En => format!(
                "P(no win at all) {p} (every number an independent draw: {pi}); expected lots {lots}, expected profit {profit}"
            ),
        }
    }

    /// How the percentiles were found; for a Monte Carlo, its sample mean
    /// ± 1.96 standard errors against the exact expectation.
    pub fn method_text(&self, lang: Lang) -> String {
        let exact = money(self.expected_profit);
        match (&self.method, lang) {
            (Method::Exact { outcomes }, Lang::Zh) => format!("分位数为精确值（{outcomes} 种不同收益）；第 q 分位 = 使 P(收益 ≤ x) ≥ q 的最小 x"),
            (Method::Exact { outcomes }, Lang::En) => format!("percentiles exact ({outcomes} distinct profits); the q-th is the smallest x with P(profit ≤ x) ≥ q"),
            (Method::MonteCarlo { samples, seed, mean, std_error }, lang) => {
                let (mean, ci) = (money(*mean), money(std_error.saturating_mul(Decimal::new(196, 2))));
                match lang {
                    Lang::Zh => format!("分位数为蒙特卡洛估计：{samples} 次抽样，种子 {seed}（同种子结果相同）；样本均值 {mean} ± {ci}（1.96 倍标准误），精确期望 {exact}"),
                    Lang::En => format!("percentiles by Monte Carlo: {samples} samples, seed {seed} (the same seed gives the same figures); sample mean {mean} ± {ci} (1.96 standard errors) against the exact expectation {exact}"),
                }
            }
        }
    }
}

/// The best split in a sentence: the total, the accounts, each exchange's
/// value, the expected profit and return, and where more value stops paying.
pub fn split_text(b: &BestSplit, lang: Lang) -> String {
    let (total, sh, sz) = (money(b.total), money(b.sh), money(b.sz));
    let (profit, ret, n) = (money(b.expected_profit), pct(b.return_pct), b.accounts);
    match lang {
        Lang::Zh => format!(
            "总市值 {total}，{n} 个账户：沪市 {sh}、深市 {sz}，预期收益 {profit}，收益率 {ret}；{}",
            b.saturation
                .map(|v| format!("超过 {} 的市值不再增加收益", money(v)))
                .unwrap_or_else(|| "有新股无申购上限数据，增加市值的上限未知".into())
        ),
        Lang::En => format!(
            "total {total} over {n} account(s): Shanghai {sh}, Shenzhen {sz}; expected profit {profit}, return {ret}; {}",
            b.saturation
                .map(|v| format!("value past {} earns nothing more", money(v)))
                .unwrap_or_else(|| {
                    "some IPOs have no known cap, so where more value stops paying is not known"
                        .into()
                })
        ),
    }
}

/// An exchange in words: 沪市 / 深市, Shanghai / Shenzhen.
pub fn pool_words(p: Pool, lang: Lang) -> &'static str {
    match (p, lang) {
        (Pool::Sh, Lang::Zh) => "沪市",
        (Pool::Sz, Lang::Zh) => "深市",
        (Pool::Sh, Lang::En) => "Shanghai",
        (Pool::Sz, Lang::En) => "Shenzhen",
    }
}

/// What a line of working computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "what", content = "pool", rename_all = "snake_case")]
pub enum WorkLabel {
    /// A pool's expected profit.
    Expected(Pool),
    /// A pool's return.
    Return(Pool),
    /// A pool's marginal return.
    Marginal(Pool),
    /// The total return.
    TotalReturn,
    /// Its annualised figure.
    Annualised,
    /// The best split's search.
    Split,
}

impl WorkLabel {
    /// The label in words.
    pub fn text(&self, lang: Lang) -> String {
        let pool = |p: &Pool| pool_words(*p, lang);
        match (self, lang) {
            (WorkLabel::Expected(p), Lang::Zh) => format!("{}预期收益", pool(p)),
            (WorkLabel::Expected(p), Lang::En) => format!("{} expected profit", pool(p)),
            (WorkLabel::Return(p), Lang::Zh) => format!("{}收益率", pool(p)),
            (WorkLabel::Return(p), Lang::En) => format!("{} return", pool(p)),
            (WorkLabel::Marginal(p), Lang::Zh) => format!("{}增量收益率", pool(p)),
            (WorkLabel::Marginal(p), Lang::En) => format!("{} marginal return", pool(p)),
            (WorkLabel::TotalReturn, Lang::Zh) => "总收益率".into(),
            (WorkLabel::TotalReturn, Lang::En) => "total return".into(),
            (WorkLabel::Annualised, Lang::Zh) => "年化".into(),
            (WorkLabel::Annualised, Lang::En) => "annualised".into(),
            (WorkLabel::Split, Lang::Zh) => "最优分配".into(),
            (WorkLabel::Split, Lang::En) => "best split".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_has_both_languages() {
        let notes = [
            Note::Independence,
            Note::Window,
            Note::Eligibility,
            Note::NoIpos,
            Note::Fees { on: true },
            Note::Accounts { n: 2 },
        ];
        for n in notes {
            let zh = n.text(Lang::Zh);
            let en = n.text(Lang::En);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert_ne!(zh, en);
            assert!(en.starts_with(|c: char| c.is_ascii()), "{en}");
        }
    }
}
