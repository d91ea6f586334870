//! Round trip (issue #12): every sentence `daxin headline` writes, for
//! generated IPOs — rises, falls, breaks below the issue price (破发), flat
//! days, Hong Kong and A-share, with and without a share count, with grey
//! and exit prices — is confirmed by the audit at the price it names, in
//! Chinese and in English.

use daxin::audit::{audit, Auditor, Verdict};
use daxin::data::Dataset;
use daxin::headline::{headlines, Lang};
use daxin::returns;
use proptest::prelude::*;

/// A price `issue × ratio‰`, in cents, at least one cent.
fn cents(issue: u64, permille: u64) -> u64 {
    (issue * permille / 1000).max(1)
}

fn money(c: u64) -> String {
    format!("{}.{:02}", c / 100, c % 100)
}

#[derive(Debug, Clone)]
struct Gen {
    hk: bool,
    issue: u64,
    open: u64,
    close: u64,
    up: u64,
    down: u64,
    avg: Option<u64>,
    grey: Option<u64>,
    exit: Option<u64>,
    total: Option<u64>,
    lot: u64,
}

fn gen() -> impl Strategy<Value = Gen> {
    (
        any::<bool>(),
        100u64..50_000,
        // ‰ of the issue price: from a 70 % fall to a tenfold rise, and flat
        prop_oneof![300u64..1000, Just(1000u64), 1000u64..10_000],
        prop_oneof![300u64..1000, Just(1000u64), 1000u64..10_000],
        0u64..2000,
        0u64..300,
        proptest::option::of(500u64..5000),
        proptest::option::of(500u64..5000),
        proptest::option::of(500u64..20_000),
        proptest::option::of(10_000_000u64..20_000_000_000),
        prop_oneof![Just(100u64), Just(200), Just(500), Just(1000)],
    )
        .prop_map(
            |(hk, issue, o, c, up, down, avg, grey, exit, total, lot)| Gen {
                hk,
                issue,
                open: cents(issue, o),
                close: cents(issue, c),
                up,
                down,
                avg: avg.map(|a| cents(issue, a)),
                grey: grey.filter(|_| hk).map(|g| cents(issue, g)),
                exit: exit.filter(|_| !hk).map(|x| cents(issue, x)),
                total,
                lot,
            },
        )
}

fn record(g: &Gen) -> String {
    let high = g.open.max(g.close) + g.issue * g.up / 1000;
    let low = g
        .open
        .min(g.close)
        .saturating_sub(g.issue * g.down / 1000)
        .max(1);
    let mut prices = format!(
        "open = \"{}\", high = \"{}\", low = \"{}\", close = \"{}\"",
        money(g.open),
        money(high),
        money(low),
        money(g.close)
    );
    if let Some(a) = g.avg {
        prices.push_str(&format!(", avg = \"{}\"", money(a.clamp(low, high))));
    }
    if let Some(x) = g.grey {
        prices.push_str(&format!(", grey = \"{}\"", money(x)));
    }
    if let Some(x) = g.exit {
        prices.push_str(&format!(
            ", exit = \"{}\", exit_date = \"2025-12-12\"",
            money(x)
        ));
    }
    let (code, zh, en, board) = if g.hk {
        ("9999.HK", "云帆生物", "Cloudsail Bio", "hkex")
    } else {
        ("688999", "星河微电", "Galaxy Micro", "star")
    };
    let mut r = format!(
        "[[ipo]]\ncode = \"{code}\"\nname_zh = \"{zh}\"\nname_en = \"{en}\"\nboard = \"{board}\"\n\
         listing_date = \"2025-12-05\"\nissue_price = \"{}\"\nlot_shares = {}\nprices = {{ {prices} }}\n",
        money(g.issue),
        if g.hk { g.lot } else { 500 }
    );
    if let Some(t) = g.total {
        r.push_str(&format!("total_shares = {t}\n"));
    }
    r
}

/// The figures a headline at `basis` prints: a gain (none for a flat open
/// or close in Chinese), a profit (none when it is zero), a market value.
fn expected(f: &returns::Figure, lang: Lang) -> usize {
    use daxin::Basis;
    let flat_word =
        lang == Lang::Zh && f.gain_pct.is_zero() && matches!(f.basis, Basis::Open | Basis::Close);
    usize::from(!flat_word)
        + usize::from(!f.profit_per_lot.is_zero())
        + usize::from(f.market_cap.is_some())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_headline_is_confirmed_at_its_basis(g in gen()) {
        let text = record(&g);
        let data = Dataset::from_toml(&text, "generated").unwrap();
        let ipo = &data.ipos()[0];
        let summary = returns::compute(ipo).unwrap();
        let auditor = Auditor::new(&data);
        for lang in [Lang::Zh, Lang::En] {
            for h in headlines(ipo, &summary, lang) {
                let f = summary.at(h.basis).unwrap();
                let a = auditor.audit(&h.text);
                prop_assert_eq!(a.claims.len(), expected(f, lang), "{}\n{:#?}", h.text, a.claims);
                for c in &a.claims {
                    prop_assert_eq!(c.verdict, Verdict::Confirmed, "{}\n{:#?}", h.text, c);
                    prop_assert_eq!(c.basis.as_deref(), Some(h.basis.id()), "{}\n{:#?}", h.text, c);
                    prop_assert_eq!(&c.ipo, &ipo.code);
                }
            }
        }
    }
}

/// One case written out: a Hong Kong IPO that broke issue, in both languages.
#[test]
fn a_hong_kong_break_below_issue() {
    let g = Gen {
        hk: true,
        issue: 1960,
        open: 1800,
        close: 1666,
        up: 50,
        down: 10,
        avg: None,
        grey: Some(1900),
        exit: None,
        total: Some(2_400_000_000),
        lot: 200,
    };
    let data = Dataset::from_toml(&record(&g), "generated").unwrap();
    let ipo = &data.ipos()[0];
    let summary = returns::compute(ipo).unwrap();
    let zh = headlines(ipo, &summary, Lang::Zh);
    let close = zh.iter().find(|h| h.basis == daxin::Basis::Close).unwrap();
    assert!(
        close.text.contains("首日破发，收跌15.00%"),
        "{}",
        close.text
    );
    assert!(close.text.contains("浮亏"), "{}", close.text);
    let a = audit(&close.text, &data);
    assert!(a
        .claims
        .iter()
        .all(|c| c.verdict == Verdict::Confirmed && c.basis.as_deref() == Some("close")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// No text makes the audit panic: arbitrary strings, and strings made of
    /// the grammar's own pieces (digits, units, names, qualifiers, breaks).
    #[test]
    fn no_text_panics(
        any_text in any::<String>(),
        pieces in "([0-9０-９.,，%％万亿元港股涨跌收盘开近超逾约沐曦股份MetaX $HK\\-+()（）:：、。！;|\n]|年|月|日|倍|个百分点|分别|按开盘价计算|截至|此后|英伟达|as much as){0,80}",
    ) {
        thread_local! {
            static AUDITOR: Auditor<'static> =
                Auditor::new(Box::leak(Box::new(Dataset::builtin().unwrap())));
        }
        for t in [&any_text, &pieces] {
            let a = AUDITOR.with(|auditor| auditor.audit(t));
            for c in &a.claims {
                prop_assert!(c.sentence.contains(c.text.as_str()));
            }
        }
    }
}
