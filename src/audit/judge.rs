//! Claims → verdicts: every figure of the claim's kind at every price the
//! data has, which of them the words allow, and what that makes the claim.

use rust_decimal::Decimal;

use super::extract::Found;
use super::{Amount, Bound, Candidate, Claim, ClaimKind, Money, Note, Off, Time, Verdict};
use crate::board::Currency;
use crate::headline::{SILENT_PCT, TOLERANCE_PCT};
use crate::ipo::{Basis, Ipo};
use crate::published::round_to_step;
use crate::returns::Summary;

/// How far off (in percent of the claim) a figure may be and still make the
/// claim approximate.
pub const APPROXIMATE_PCT: Decimal = Decimal::from_parts(5, 0, 0, false, 0);

/// The order bases are tried in when the sentence states none.
const ORDER: [&str; 8] = [
    "open", "high", "low", "close", "avg", "exit", "grey", "issue",
];

/// A verdict with what it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The verdict.
    pub verdict: Verdict,
    /// The basis it names.
    pub basis: Option<String>,
    /// The figure there.
    pub computed: Option<Amount>,
    /// Every basis that fits.
    pub fits: Vec<String>,
    /// Why.
    pub note: Note,
    /// Every figure tried.
    pub candidates: Vec<Candidate>,
}

/// Every figure of `kind` the data has for `ipo`, by basis.
pub fn candidates(kind: ClaimKind, ipo: &Ipo, s: Option<&Summary>) -> Vec<(String, Decimal)> {
    let mut out = Vec::new();
    if kind == ClaimKind::WinRate {
        for (label, rate) in &ipo.win_rates {
            out.push((label.clone(), *rate));
        }
        return out;
    }
    let Some(s) = s else { return out };
    for f in &s.figures {
        let v = match kind {
            ClaimKind::GainPct => Some(f.gain_pct),
            ClaimKind::ProfitPerLot => Some(f.profit_per_lot),
            ClaimKind::MarketCap => f.market_cap,
            ClaimKind::Price => Some(f.price),
            ClaimKind::LotValue => Some(f.lot_value),
            ClaimKind::CostPerLot | ClaimKind::WinRate | ClaimKind::Applicants => None,
        };
        if let Some(v) = v {
            out.push((f.basis.id().to_string(), v));
        }
    }
    match kind {
        ClaimKind::MarketCap => {
            if let Some(c) = s.market_cap_at_issue {
                out.push(("issue".into(), c));
            }
        }
        ClaimKind::Price => out.push(("issue".into(), s.issue_price)),
        ClaimKind::CostPerLot => out.push(("issue".into(), s.cost_per_lot)),
        _ => {}
    }
    out
}

/// Whether figure `c` makes a claim of `value` (printed to `step`) true
/// under `bound`. Gains and profits must also have the claim's sign.
///
/// ```
/// use daxin::audit::{judge::fits, Bound};
/// use rust_decimal::Decimal;
/// let d = |s: &str| Decimal::from_str_exact(s).unwrap();
/// // 近30万 fits 297,670 (0.78 % under) but not 310,000
/// assert!(fits(d("300000"), d("10000"), false, Bound::Nearly, true, d("297670")));
/// assert!(!fits(d("300000"), d("10000"), false, Bound::Nearly, true, d("310000")));
/// // 118.78 % does not make "达120%"; a loss does not make a profit
/// assert!(!fits(d("120"), d("1"), false, Bound::Exact, true, d("118.78")));
/// assert!(!fits(d("-362600"), d("100"), false, Bound::Exact, true, d("362620")));
/// ```
pub fn fits(
    value: Decimal,
    step: Decimal,
    round_zeros: bool,
    bound: Bound,
    signed: bool,
    c: Decimal,
) -> bool {
    if signed
        && !value.is_zero()
        && !c.is_zero()
        && value.is_sign_negative() != c.is_sign_negative()
    {
        return false;
    }
    let (a, x) = (value.abs(), c.abs());
    let pct = |p: Decimal| a.checked_mul(p).map(|t| t / Decimal::ONE_HUNDRED);
    let diff = x.checked_sub(a).map(|d| d.abs());
    match bound {
        Bound::Exact => {
            round_to_step(c, step).is_ok_and(|r| r == value)
                || (round_zeros && diff.zip(pct(SILENT_PCT)).is_some_and(|(d, tol)| d <= tol))
        }
        Bound::Nearly => {
            x < a
                && diff
                    .zip(pct(TOLERANCE_PCT))
                    .is_some_and(|(d, tol)| d <= tol.max(step))
        }
        // over X, but not more than twice X: "涨超5%" is no way to write 246 %
        Bound::AtLeast => x >= a && a.checked_mul(Decimal::TWO).is_none_or(|t| x <= t),
        Bound::About => diff
            .zip(pct(TOLERANCE_PCT))
            .is_some_and(|(d, tol)| d <= tol.max(step / Decimal::TWO)),
        Bound::Under => x < a && x * Decimal::TWO >= a,
        Bound::AtMost => x <= a,
    }
}

/// How far figure `c` is from claim `v`: in points for percentages, in
/// percent of the claim for amounts (`None` when the claim is zero).
pub fn off(kind: ClaimKind, v: Decimal, c: Decimal) -> Option<Off> {
    let d = c.checked_sub(v)?;
    if kind.percent() {
        return Some(Off::Points(d.abs()));
    }
    if v.is_zero() {
        return None;
    }
    d.abs()
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(v.abs()))
        .map(Off::Relative)
}

/// Whether `c` is within [`APPROXIMATE_PCT`] of the claim `v` (and on its
/// side of zero, for gains and profits).
fn near(kind: ClaimKind, v: Decimal, c: Decimal) -> bool {
    if v.is_zero()
        || (kind.signed() && v.is_sign_negative() != c.is_sign_negative() && !c.is_zero())
    {
        return false;
    }
    c.checked_sub(v)
        .and_then(|d| d.abs().checked_mul(Decimal::ONE_HUNDRED))
        .and_then(|d| d.checked_div(v.abs()))
        .is_some_and(|p| p <= APPROXIMATE_PCT)
}

fn currency_of(c: Currency) -> Money {
    match c {
        Currency::Cny => Money::Cny,
        Currency::Hkd => Money::Hkd,
    }
}

/// Judges one claim against its IPO's figures.
pub fn judge(f: &Found, ipo: &Ipo, summary: Option<&Summary>) -> Judged {
    let kind = f.kind;
    let amount = |v: Decimal| Amount { kind, value: v };
    let unverifiable = |note: Note| Judged {
        verdict: Verdict::Unverifiable,
        basis: None,
        computed: None,
        fits: Vec::new(),
        note,
        candidates: Vec::new(),
    };
    // an amount in another currency than the IPO's (a plain 元 is taken
    // as the quote currency, as mainland papers write HK amounts too)
    if let Some(m) = f.number.currency {
        let own = currency_of(ipo.currency);
        let foreign = match m {
            Money::Usd => true,
            Money::Hkd => own != Money::Hkd,
            Money::Cny => false,
        };
        if foreign {
            return unverifiable(Note::OtherCurrency {
                printed: m,
                ipo: own,
            });
        }
    }
    // a later day: only the exit close (开板日) has a later date in the data
    // (the issue price is the same on every day)
    if f.time == Time::Later && !matches!(f.stated, Some("exit" | "issue")) {
        return unverifiable(Note::LaterDay {
            date: f.date,
            basis: f.stated.unwrap_or("close").to_string(),
        });
    }
    let raw = candidates(kind, ipo, summary);
    if raw.is_empty() {
        return unverifiable(Note::NoFigure {
            kind,
            ipo: ipo.name_zh.clone(),
        });
    }
    let cands: Vec<Candidate> = raw
        .iter()
        .map(|(b, v)| Candidate {
            basis: b.clone(),
            value: amount(*v),
            fits: fits(
                f.value,
                f.number.step,
                f.number.round_zeros,
                f.bound,
                kind.signed(),
                *v,
            ),
        })
        .collect();
    let fit_list: Vec<String> = cands
        .iter()
        .filter(|c| c.fits)
        .map(|c| c.basis.clone())
        .collect();
    // bases in the order they are tried: preferred first
    let mut order: Vec<&str> = f.prefer.clone();
    order.extend(ORDER);
    order.extend(cands.iter().map(|c| c.basis.as_str()));
    let rank = |b: &str| order.iter().position(|o| *o == b).unwrap_or(usize::MAX);
    let first_fit = cands
        .iter()
        .filter(|c| c.fits)
        .min_by_key(|c| rank(&c.basis));
    let done = |verdict, c: &Candidate, note| Judged {
        verdict,
        basis: Some(c.basis.clone()),
        computed: Some(c.value),
        fits: fit_list.clone(),
        note,
        candidates: cands.clone(),
    };
    let miss = |c: &Candidate| {
        let wrong_way = kind.signed()
            && !f.value.is_zero()
            && !c.value.value.is_zero()
            && f.value.is_sign_negative() != c.value.value.is_sign_negative();
        if wrong_way {
            return (
                Verdict::Contradicted,
                Note::WrongDirection {
                    said: f.direction,
                    basis: c.basis.clone(),
                    value: c.value,
                },
            );
        }
        let verdict = if near(kind, f.value, c.value.value) {
            Verdict::Approximate
        } else {
            Verdict::Contradicted
        };
        (
            verdict,
            Note::Nearest {
                basis: c.basis.clone(),
                value: c.value,
                off: off(kind, f.value, c.value.value),
            },
        )
    };
    if let Some(stated) = f.stated {
        let Some(at) = cands.iter().find(|c| c.basis == stated) else {
            return unverifiable(Note::NoPriceAt {
                basis: stated.to_string(),
                ipo: ipo.name_zh.clone(),
            });
        };
        if at.fits {
            return done(Verdict::Confirmed, at, true_at(ipo, at));
        }
        if let Some(other) = first_fit {
            return done(
                Verdict::Contradicted,
                other,
                Note::NotAtStated {
                    stated: stated.to_string(),
                    stated_value: at.value,
                    fits: other.basis.clone(),
                    fits_value: other.value,
                },
            );
        }
        let (v, note) = miss(at);
        return done(v, at, note);
    }
    if let Some(c) = first_fit {
        return done(Verdict::Confirmed, c, true_at(ipo, c));
    }
    // the nearest figure on the claim's side of zero, if any is
    let nearest = cands
        .iter()
        .filter(|c| {
            !kind.signed()
                || f.value.is_zero()
                || c.value.value.is_sign_negative() == f.value.is_sign_negative()
        })
        .chain(cands.iter())
        .min_by_key(|c| {
            let same_side = !kind.signed()
                || f.value.is_zero()
                || c.value.value.is_sign_negative() == f.value.is_sign_negative();
            (
                !same_side,
                c.value
                    .value
                    .checked_sub(f.value)
                    .map_or(Decimal::MAX, |d| d.abs()),
            )
        });
    match nearest {
        Some(c) => {
            let (v, note) = miss(c);
            done(v, c, note)
        }
        None => unverifiable(Note::None),
    }
}

fn true_at(ipo: &Ipo, c: &Candidate) -> Note {
    let price = if c.basis == "issue" {
        Some(ipo.issue_price.get())
    } else {
        c.basis
            .parse::<Basis>()
            .ok()
            .and_then(|b| ipo.quote(b))
            .map(|q| q.price.get())
    };
    Note::TrueAt {
        basis: c.basis.clone(),
        price,
    }
}

/// Flags the claims of one sentence that are true only at prices no other
/// claim of the same IPO is true at. Issue-time figures and winning rates
/// hold at every price and take no part.
pub fn mark_mixed_bases(claims: &mut [Claim]) {
    let trading = |c: &Claim| -> Vec<String> {
        if matches!(
            c.kind,
            ClaimKind::WinRate | ClaimKind::Applicants | ClaimKind::CostPerLot
        ) {
            return Vec::new();
        }
        c.fits.iter().filter(|b| *b != "issue").cloned().collect()
    };
    let sets: Vec<Vec<String>> = claims.iter().map(trading).collect();
    let mixed: Vec<bool> = (0..claims.len())
        .map(|i| {
            !sets[i].is_empty()
                && (0..claims.len()).any(|j| {
                    j != i
                        && claims[j].ipo == claims[i].ipo
                        && !sets[j].is_empty()
                        && !sets[j].iter().any(|b| sets[i].contains(b))
                })
        })
        .collect();
    for (c, m) in claims.iter_mut().zip(mixed) {
        c.mixed_bases = m;
    }
}
