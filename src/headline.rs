//! Figures in the words of the financial press, by rule.
//!
//! ## Wording rules
//!
//! **Units.** A money amount is put in the largest Chinese unit it reaches:
//! 万亿 (10¹²), 亿 (10⁸), 万 (10⁴), or plain 元 / 港元. English renders the
//! same rounded amount in full, or in millions/billions: 30万 → ¥300,000,
//! 3055亿 → ¥305.5 billion. Hong Kong amounts say 港元 / HK$.
//!
//! **Digits (level wording).** The amount in its unit, x, is rounded half-up
//! to the fewest decimals (0, 1 or 2) that keep it within
//! [`TOLERANCE_PCT`] (1.5 %) of x. The qualifier then says which side of the
//! rounded figure r the true amount lies:
//! - x < r: **近** r ("nearly"): 297,670 → 29.767万 → 近30万元;
//! - x > r: **逾** r ("over"): 243,110 → 24.311万 → 逾24万元;
//! - x = r, or within [`SILENT_PCT`] (0.1 %) of r: no qualifier, as the
//!   press writes a market value: 3320.43亿 → 3320亿元.
//!
//! **Digits (crossing wording).** For a market value reached at some moment
//! of the day (the open, the high), the amount is rounded *down* with the same
//! choice of decimals and introduced by **冲破** ("topped"), so the claim
//! never exceeds what was reached: 3055.18亿 → 冲破3055亿元.
//!
//! **Percentages** are never approximated: half-up to two decimals, as the
//! exchanges and the press print them (568.83%).
//!
//! ```
//! use daxin::headline::{level, crossed, Qualifier};
//! use rust_decimal::Decimal;
//!
//! let r = level(Decimal::from(297_670));
//! assert_eq!((r.qualifier, r.zh("元").as_str()), (Qualifier::Nearly, "近30万元"));
//! assert_eq!(level(Decimal::from(243_110)).zh("元"), "逾24万元");
//! assert_eq!(crossed(Decimal::from(305_518_341_050u64)).zh("元"), "冲破3055亿元");
//! ```

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{Board, Currency};
use crate::error::{Error, Result};
use crate::ipo::{Basis, Ipo};
use crate::num;
use crate::returns::{Figure, Summary};

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "cn" | "chinese" | "中文" => Ok(Lang::Zh),
            "en" | "english" => Ok(Lang::En),
            _ => Err(Error::invalid(
                "--lang",
                s,
                crate::why!("expected zh or en", "应为 zh 或 en"),
            )),
        }
    }
}

/// How far (in percent of the amount) a rounded figure may lie from it.
pub const TOLERANCE_PCT: Decimal = Decimal::from_parts(15, 0, 0, false, 1);
/// Below this gap (percent) the rounding is silent: no 近 / 逾.
pub const SILENT_PCT: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

/// A Chinese counting unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum CnUnit {
    /// 1.
    One,
    /// 万, 10⁴.
    Wan,
    /// 亿, 10⁸.
    Yi,
    /// 万亿, 10¹².
    WanYi,
}

impl CnUnit {
    /// The unit's size.
    pub fn factor(self) -> Decimal {
        match self {
            CnUnit::One => Decimal::ONE,
            CnUnit::Wan => Decimal::from(10_000u64),
            CnUnit::Yi => Decimal::from(100_000_000u64),
            CnUnit::WanYi => Decimal::from(1_000_000_000_000u64),
        }
    }
    /// The character(s).
    pub fn zh(self) -> &'static str {
        match self {
            CnUnit::One => "",
            CnUnit::Wan => "万",
            CnUnit::Yi => "亿",
            CnUnit::WanYi => "万亿",
        }
    }
    fn next(self) -> Option<CnUnit> {
        match self {
            CnUnit::One => Some(CnUnit::Wan),
            CnUnit::Wan => Some(CnUnit::Yi),
            CnUnit::Yi => Some(CnUnit::WanYi),
            CnUnit::WanYi => None,
        }
    }
    /// The largest unit `a` (non-negative) reaches.
    pub fn for_amount(a: Decimal) -> CnUnit {
        [CnUnit::WanYi, CnUnit::Yi, CnUnit::Wan]
            .into_iter()
            .find(|u| a >= u.factor())
            .unwrap_or(CnUnit::One)
    }
}

/// Which side of the rounded figure the amount lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// Equal, or within [`SILENT_PCT`]: no word.
    None,
    /// Just under: 近 / nearly.
    Nearly,
    /// Just over: 逾 / over.
    Over,
    /// Reached and passed (rounded down): 冲破 / topped.
    Crossed,
    /// Reached exactly: 达 / reached.
    Reached,
}

/// An amount in press wording: the rounded figure, its unit and qualifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rounded {
    /// The amount as computed.
    pub exact: Decimal,
    /// The rounded figure in `unit`s (sign dropped; the sentence says gain or loss).
    pub in_unit: Decimal,
    /// The unit.
    pub unit: CnUnit,
    /// Decimals kept in the unit.
    pub places: u32,
    /// Which side of the figure the amount lies.
    pub qualifier: Qualifier,
    /// Gap between amount and figure, in percent of the amount.
    pub gap_pct: Decimal,
}

fn choose(amount: Decimal, down: bool) -> Rounded {
    let a = amount.abs();
    let mut unit = CnUnit::for_amount(a);
    let x = a / unit.factor();
    let mut pick = None;
    for places in 0..=2u32 {
        let r = if down {
            num::round_down(x, places)
        } else {
            num::round_half_up(x, places)
        };
        if r.is_zero() {
            continue;
        }
        let gap = if x.is_zero() {
            Decimal::ZERO
        } else {
            (x - r).abs() * Decimal::ONE_HUNDRED / x
        };
        if gap <= TOLERANCE_PCT || places == 2 {
            pick = Some((r, places, gap));
            break;
        }
    }
    let (mut r, places, gap) = pick.unwrap_or((x, 2, Decimal::ZERO));
    let qualifier = if down {
        if gap.is_zero() {
            Qualifier::Reached
        } else {
            Qualifier::Crossed
        }
    } else if gap < SILENT_PCT {
        Qualifier::None
    } else if x < r {
        Qualifier::Nearly
    } else {
        Qualifier::Over
    };
    // 9999.6万 rounds to 10000万: say 1亿.
    if r >= Decimal::from(10_000u64) {
        if let Some(next) = unit.next() {
            r /= Decimal::from(10_000u64);
            unit = next;
        }
    }
    Rounded {
        exact: amount,
        in_unit: r.normalize(),
        unit,
        places,
        qualifier,
        gap_pct: gap,
    }
}

/// Level wording (近 / 逾 / none) for an amount; see the module docs.
pub fn level(amount: Decimal) -> Rounded {
    choose(amount, false)
}

/// Crossing wording (冲破 / 达) for an amount reached during the day.
pub fn crossed(amount: Decimal) -> Rounded {
    choose(amount, true)
}

impl Rounded {
    /// Chinese: qualifier, figure, unit and the currency word (`元`, `港元`, or
    /// `""` for none): `近30万元`.
    pub fn zh(&self, currency_word: &str) -> String {
        let q = match self.qualifier {
            Qualifier::None => "",
            Qualifier::Nearly => "近",
            Qualifier::Over => "逾",
            Qualifier::Crossed => "冲破",
            Qualifier::Reached => "达",
        };
        format!("{q}{}{}{currency_word}", self.in_unit, self.unit.zh())
    }

    /// English: qualifier and the figure written out with its currency
    /// symbol: `nearly ¥300,000`, `topped ¥305.5 billion`.
    pub fn en(&self, symbol: &str) -> String {
        let q = match self.qualifier {
            Qualifier::None => "",
            Qualifier::Nearly => "nearly ",
            Qualifier::Over => "over ",
            Qualifier::Crossed => "topped ",
            Qualifier::Reached => "reached ",
        };
        let full = self.in_unit * self.unit.factor();
        let trillion = Decimal::from(1_000_000_000_000u64);
        let billion = Decimal::from(1_000_000_000u64);
        let million = Decimal::from(1_000_000u64);
        // the largest unit the figure reaches (66万亿 is ¥66 trillion, not
        // ¥66000 billion)
        let (unit, word) = if full >= trillion {
            (trillion, " trillion")
        } else if full >= billion {
            (billion, " billion")
        } else if full >= million {
            (million, " million")
        } else {
            (Decimal::ONE, "")
        };
        let mut shown = (full / unit).normalize();
        // A plain figure (no 近/逾/冲破/达) must not claim more precision
        // than it has: 9.5亿 is exact to ¥10 million, but "¥950 million"
        // reads as exact to the million. Then the amount itself is rounded
        // at the English figure's step (half-up): ¥946 million.
        let kept = Decimal::new(1, self.places) * self.unit.factor();
        let step = Decimal::new(1, shown.scale()) * unit;
        if self.qualifier == Qualifier::None && step < kept {
            shown = num::round_half_up(self.exact.abs() / unit, shown.scale());
        }
        let body = if unit == Decimal::ONE {
            num::group(shown, shown.scale())
        } else {
            format!("{}{word}", num::trim(shown))
        };
        format!("{q}{symbol}{body}")
    }

    /// The rounding shown step by step, ending with the wording of `lang`
    /// (`近30万元` / `nearly ¥300,000`).
    ///
    /// ```
    /// use daxin::headline::level;
    /// use daxin::{Currency, Lang};
    /// let r = level("297670".parse().unwrap());
    /// assert_eq!(
    ///     r.explain(Currency::Cny, Lang::Zh),
    ///     "297,670.00 = 29.767万 → 以万为单位取 0 位小数，与原值相差不超过 1.5%（相差 0.78%）→ 近30万元"
    /// );
    /// assert_eq!(
    ///     r.explain(Currency::Cny, Lang::En),
    ///     "297,670.00 = 29.767万 → 0 decimal(s) in 万 keeps within 1.5% (gap 0.78%) → nearly ¥300,000"
    /// );
    /// ```
    pub fn explain(&self, currency: Currency, lang: Lang) -> String {
        let x = self.exact.abs() / self.unit.factor();
        let unit = match (self.unit, lang) {
            (CnUnit::One, Lang::Zh) => currency.unit_zh(),
            (CnUnit::One, Lang::En) => currency.code(),
            (u, _) => u.zh(),
        };
        let head = format!(
            "{} = {}{}",
            num::group(self.exact.abs(), 2),
            num::trim(x),
            self.unit.zh(),
        );
        match lang {
            Lang::Zh => format!(
                "{head} → 以{unit}为单位取 {} 位小数，与原值相差不超过 {}%（相差 {}%）→ {}",
                self.places,
                TOLERANCE_PCT,
                num::fixed(self.gap_pct, 2),
                self.zh(currency.unit_zh())
            ),
            Lang::En => format!(
                "{head} → {} decimal(s) in {unit} keeps within {}% (gap {}%) → {}",
                self.places,
                TOLERANCE_PCT,
                num::fixed(self.gap_pct, 2),
                self.en(currency.symbol())
            ),
        }
    }
}

/// One sentence in the style of the press, for one price basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Headline {
    /// The price basis the sentence is computed at.
    pub basis: Basis,
    /// The sentence.
    pub text: String,
    /// How each rounded figure was chosen.
    #[serde(skip)]
    pub steps: Vec<String>,
}

fn pct(x: Decimal) -> String {
    num::fixed(x.abs(), num::PCT_DP)
}

fn gain_zh(f: &Figure) -> String {
    let up = f.gain_pct > Decimal::ZERO;
    let zero = f.gain_pct.is_zero();
    let p = pct(f.gain_pct);
    let dir = if up { "涨" } else { "跌" };
    match f.basis {
        Basis::Open if zero => "首日平开".into(),
        Basis::Open => format!("首日{}开{p}%", if up { "高" } else { "低" }),
        Basis::Close if zero => "首日平收".into(),
        Basis::Close if up => format!("首日收涨{p}%"),
        Basis::Close => format!("首日破发，收跌{p}%"),
        Basis::High => format!("首日盘中最高{dir}{p}%"),
        Basis::Low => format!("首日盘中最低{dir}{p}%"),
        Basis::Avg => format!("首日成交均价较发行价{dir}{p}%"),
        Basis::Exit => match f.date {
            Some(d) => format!("开板日（{d}）收{dir}{p}%"),
            None => format!("开板日收{dir}{p}%"),
        },
        Basis::Grey => format!("暗盘收{dir}{p}%"),
        Basis::Price => format!(
            "按{}计{dir}{p}%",
            num::fixed(f.price, num::price_dp(f.price))
        ),
    }
}

fn gain_en(f: &Figure) -> String {
    let side = if f.gain_pct >= Decimal::ZERO {
        "above"
    } else {
        "below"
    };
    let p = pct(f.gain_pct);
    match f.basis {
        Basis::Open => format!("opened {p}% {side} its offer price"),
        Basis::Close => format!("closed its first day {p}% {side} its offer price"),
        Basis::High => format!("traded as high as {p}% {side} its offer price on its first day"),
        Basis::Low => format!("traded as low as {p}% {side} its offer price on its first day"),
        Basis::Avg => format!("averaged {p}% {side} its offer price on its first day"),
        Basis::Exit => match f.date {
            Some(d) => {
                format!("closed {p}% {side} its offer price on {d}, the day its limit-up run ended")
            }
            None => format!("closed {p}% {side} its offer price on the day its limit-up run ended"),
        },
        Basis::Grey => format!("closed {p}% {side} its offer price in grey-market trading"),
        Basis::Price => format!(
            "at {}, stands {p}% {side} its offer price",
            num::fixed(f.price, num::price_dp(f.price))
        ),
    }
}

fn at_en(b: Basis) -> &'static str {
    match b {
        Basis::Open => "at the open",
        Basis::High => "at the high",
        Basis::Low => "at the low",
        Basis::Close => "at the close",
        Basis::Avg => "at the average price",
        Basis::Exit => "at the exit-day close",
        Basis::Grey => "at the grey-market close",
        Basis::Price => "at that price",
    }
}

/// Market value reached during the day (open, high) is "crossed"; a
/// closing or average value is a level.
fn cap_is_crossing(b: Basis) -> bool {
    matches!(b, Basis::Open | Basis::High)
}

/// Press-style sentences for every price basis the IPO has.
pub fn headlines(ipo: &Ipo, summary: &Summary, lang: Lang) -> Vec<Headline> {
    let cur = summary.currency;
    let hk = ipo.board == Some(Board::Hkex) || cur == Currency::Hkd;
    summary
        .figures
        .iter()
        .map(|f| {
            let mut steps = Vec::new();
            let profit = level(f.profit_per_lot);
            let (profit_label, cap_label) = match lang {
                Lang::Zh => ("每签盈利：", "市值："),
                Lang::En => ("profit per lot: ", "market value: "),
            };
            steps.push(format!("{profit_label}{}", profit.explain(cur, lang)));
            let cap = f.market_cap.map(|c| {
                let r = if cap_is_crossing(f.basis) {
                    crossed(c)
                } else {
                    level(c)
                };
                steps.push(format!("{cap_label}{}", r.explain(cur, lang)));
                r
            });
            let gain = f.gain_pct >= Decimal::ZERO;
            let text = match lang {
                Lang::Zh => {
                    let lot = if hk {
                        format!("中签一手（{}股）", summary.lot_shares)
                    } else {
                        format!("中一签（{}股）", summary.lot_shares)
                    };
                    let pl = if f.profit_per_lot.is_zero() {
                        "不赚不亏".to_string()
                    } else {
                        format!(
                            "{}{}",
                            if gain { "浮盈" } else { "浮亏" },
                            profit.zh(cur.unit_zh())
                        )
                    };
                    let mut s = format!(
                        "{}{}，按{}计算，{lot}{pl}",
                        ipo.name_zh,
                        gain_zh(f),
                        f.basis.name_zh()
                    );
                    if let Some(c) = &cap {
                        let lead = if cap_is_crossing(f.basis) {
                            "市值一度"
                        } else {
                            "市值"
                        };
                        s.push_str(&format!("，{lead}{}", c.zh(cur.unit_zh())));
                    }
                    s.push('。');
                    s
                }
                Lang::En => {
                    let lot = if hk {
                        format!("one board lot ({} shares)", summary.lot_shares)
                    } else {
                        format!("one winning lot ({} shares)", summary.lot_shares)
                    };
                    let pl = if f.profit_per_lot.is_zero() {
                        "broke even".to_string()
                    } else {
                        format!(
                            "showed a paper {} of {}",
                            if gain { "profit" } else { "loss" },
                            profit.en(cur.symbol())
                        )
                    };
                    let mut s = format!(
                        "{} {}; {}, {lot} {pl}",
                        ipo.display_name(true),
                        gain_en(f),
                        at_en(f.basis)
                    );
                    if let Some(c) = &cap {
                        if cap_is_crossing(f.basis) {
                            s.push_str(&format!(", and its market value {}", c.en(cur.symbol())));
                        } else {
                            s.push_str(&format!(
                                ", and its market value was {}",
                                c.en(cur.symbol())
                            ));
                        }
                    }
                    s.push('.');
                    s
                }
            };
            Headline {
                basis: f.basis,
                text,
                steps,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn reference_phrasings() {
        // Press phrasings quoted in issue #2 / ipo-facts.md.
        assert_eq!(level(d("297670")).zh("元"), "近30万元");
        assert_eq!(level(d("243110")).zh("元"), "逾24万元");
        assert_eq!(crossed(d("305518341050")).zh("元"), "冲破3055亿元");
        assert_eq!(level(d("332042990000")).zh("元"), "3320亿元");
        assert_eq!(level(d("3220")).zh("港元"), "3220港元");
    }

    #[test]
    fn decimals_grow_until_within_tolerance() {
        // 12,050 = 1.205万: 1万 is 17% off, 1.2万 is 0.41% off → 逾1.2万
        let r = level(d("12050"));
        assert_eq!((r.places, r.zh("元")), (1, "逾1.2万元".to_string()));
        // 17,000 = 1.7万 exactly
        assert_eq!(level(d("17000")).zh("元"), "1.7万元");
    }

    #[test]
    fn rounding_up_into_the_next_unit() {
        assert_eq!(level(d("999960000")).zh("元"), "10亿元");
        assert_eq!(level(d("99996000")).zh("元"), "1亿元");
    }

    #[test]
    fn crossing_never_overstates() {
        for s in ["280070000000", "358090000000", "305518341050", "12345"] {
            let r = crossed(d(s));
            assert!(r.in_unit * r.unit.factor() <= d(s), "{s}");
        }
        assert_eq!(crossed(d("280000000000")).zh("元"), "达2800亿元");
    }

    #[test]
    fn english_rendering() {
        assert_eq!(level(d("297670")).en("¥"), "nearly ¥300,000");
        assert_eq!(crossed(d("305518341050")).en("¥"), "topped ¥305.5 billion");
        assert_eq!(level(d("3220")).en("HK$"), "HK$3,220");
        assert_eq!(level(d("332042990000")).en("¥"), "¥332 billion");
        // 66万亿 (the audit round trip found "¥66000 billion", which reads
        // as exact to the billion and so judged only approximate)
        assert_eq!(level(d("65987000000000")).en("¥"), "¥66 trillion");
        // 9.5亿 is exact to ¥10 million: "¥950 million" would claim the
        // million, so the amount is rounded at the million (the round trip
        // found "market value was ¥950 million" judged approximate)
        assert_eq!(level(d("949400000")).zh("元"), "9.5亿元");
        assert_eq!(level(d("949400000")).en("¥"), "¥949 million");
        // a qualified figure keeps its round number
        assert_eq!(level(d("297670")).en("¥"), "nearly ¥300,000");
    }
}
