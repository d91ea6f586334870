//! The built-in data against the figures that the press and the exchanges
//! published. Every expected value below is quoted from a page; the page is
//! named beside it (and in fixtures/ipos.toml, and in
//! ../shared/reference/ipo-facts.md).

use daxin::data::Dataset;
use daxin::headline::{self, Lang};
use daxin::ipo::Basis;
use daxin::num::{fixed, round_half_up};
use daxin::published::{check_all, Verdict};
use daxin::returns::{self, Summary};
use rust_decimal::Decimal;

fn summary(q: &str) -> Summary {
    let data = Dataset::builtin().unwrap();
    returns::compute(data.find(q).unwrap()).unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn yi(x: Decimal) -> String {
    fixed(x / d("100000000"), 2)
}

#[test]
fn moore_threads_688795() {
    let s = summary("688795");
    let open = s.at(Basis::Open).unwrap();
    let high = s.at(Basis::High).unwrap();
    let close = s.at(Basis::Close).unwrap();
    // stockstar IG2025120500040130: "较114.28元/股的发行价跳涨468.78%"
    assert_eq!(fixed(open.gain_pct, 2), "468.78");
    // huashangw show-849172: "当天收报600.50元/股,上涨425.46%"
    assert_eq!(fixed(close.gain_pct, 2), "425.46");
    // digipub KG13EP440556EXW8: "中一簽(500股)的投資者賬面盈利達26.786萬元"
    assert_eq!(open.profit_per_lot, d("267860"));
    // stockstar: "以收盘价计,单签浮盈高达24.31万元"
    assert_eq!(close.profit_per_lot, d("243110"));
    // huashangw: "若以688元/股价格计算,中一签账面盈利就高达28.7万元"; caiding5: 28.69万
    assert_eq!(high.profit_per_lot, d("286860"));
    // reportify 1194348209049309184: "收盘总市值达2822.52亿元"
    assert_eq!(yi(close.market_cap.unwrap()), "2822.52");
    // issue #2 reference: 650 × 470,028,217 = 3055.18亿
    assert_eq!(yi(open.market_cap.unwrap()), "3055.18");
    // etnet ETN351125770: "投資者中一簽需繳納57140元"
    assert_eq!(s.cost_per_lot, d("57140"));
}

#[test]
fn metax_688802() {
    let s = summary("沐曦股份");
    let open = s.at(Basis::Open).unwrap();
    let high = s.at(Basis::High).unwrap();
    let close = s.at(Basis::Close).unwrap();
    // 界面新闻 (xiuzhengliangxinyao 138770): "沐曦股价高开568.83%,报700元"
    assert_eq!(fixed(open.gain_pct, 2), "568.83");
    // caiding5 565908: "收报829.9元/股,涨幅692.95%"
    assert_eq!(fixed(close.gain_pct, 2), "692.95");
    // 科创板日报 (myzaker): "以盘中 755.15% 的最大涨幅测算"
    assert_eq!(fixed(high.gain_pct, 2), "755.15");
    // "按开盘价计算,中一签可赚29.77万元" / "近 36.26 万元" / "单签最大盈利达 39.52 万元"
    assert_eq!(open.profit_per_lot, d("297670"));
    assert_eq!(close.profit_per_lot, d("362620"));
    assert_eq!(high.profit_per_lot, d("395170"));
    // caiding5: "市值定格在3320亿元"; exact 829.90 × 400,100,000 = 3320.43亿
    assert_eq!(yi(close.market_cap.unwrap()), "3320.43");
    // digipub KG8OUCGI0556EZ4T (融中财经): 418.74亿 at the issue price
    assert_eq!(yi(s.market_cap_at_issue.unwrap()), "418.74");
}

#[test]
fn biren_6082_hk() {
    let s = summary("6082.HK");
    let open = s.at(Basis::Open).unwrap();
    // reportify 1204448161398132736: "若不计手续费,中签一手(200股)可获利3220港元"
    assert_eq!(open.profit_per_lot, d("3220"));
    assert_eq!(s.lot_shares, 200);
    // infoq b7oKHuFAxNlVIGpSpGiP: "开盘价即上涨 82.14% 至 35.70 港元"
    assert_eq!(fixed(open.gain_pct, 2), "82.14");
    // caiding5 662292: "最高涨超118.78%至42.88港元/股"
    assert_eq!(fixed(s.at(Basis::High).unwrap().gain_pct, 2), "118.78");
    assert_eq!(s.currency, daxin::Currency::Hkd);
}

#[test]
fn the_other_records() {
    // 寒武纪: haxililiang 32480 "股价涨幅达288.26%" at the 250 open
    assert_eq!(
        fixed(summary("688256").at(Basis::Open).unwrap().gain_pct, 2),
        "288.26"
    );
    // 海光信息: rexun 081280173 "报60.10元,涨幅66.94%", "总市值1396.93亿元"
    let h = summary("688041");
    let c = h.at(Basis::Close).unwrap();
    assert_eq!(fixed(c.gain_pct, 2), "66.94");
    assert_eq!(yi(c.market_cap.unwrap()), "1396.93");
    // tmtpost 6219033: "70 yuan…up 94.44%"
    assert_eq!(fixed(h.at(Basis::Open).unwrap().gain_pct, 2), "94.44");
    // 芯原股份: 中国经济网 (nanmuxuan) "開盤價150.00元,漲幅289.31%" / "報148.00元,漲幅284.12%"
    let x = summary("688521");
    assert_eq!(fixed(x.at(Basis::Open).unwrap().gain_pct, 2), "289.31");
    assert_eq!(fixed(x.at(Basis::Close).unwrap().gain_pct, 2), "284.12");
    // 中芯国际: icsmart "报收82.92元/股,涨幅201.97%,市值5917.52亿元"
    let m = summary("中芯国际");
    let c = m.at(Basis::Close).unwrap();
    assert_eq!(fixed(c.gain_pct, 2), "201.97");
    assert_eq!(yi(c.market_cap.unwrap()), "5917.52");
}

/// Every figure the data file quotes from a page reproduces from the data,
/// except the ones the file marks as conflicting, which must not.
#[test]
fn every_published_figure_in_the_data() {
    let data = Dataset::builtin().unwrap();
    let mut reproduced = 0;
    let mut conflicts = 0;
    for ipo in data.ipos() {
        let s = returns::compute(ipo).unwrap();
        for c in check_all(&ipo.published, &s) {
            let p = &c.published;
            match (&p.conflict, c.verdict) {
                (None, Verdict::Reproduces) => reproduced += 1,
                (Some(_), Verdict::Differs) => conflicts += 1,
                // 壁仞's 825.71亿港元: no share count is stated, so it cannot be checked.
                (None, Verdict::Unverifiable) if ipo.total_shares.is_none() => {}
                (conflict, verdict) => panic!(
                    "{} {} {:?}: {verdict:?} (conflict marked: {conflict:?}), computed {:?}",
                    ipo.code, p.printed, p.basis, c.computed
                ),
            }
        }
    }
    assert!(reproduced >= 35, "{reproduced}");
    assert!(conflicts >= 5, "{conflicts}");
}

#[test]
fn a_figure_at_the_wrong_basis_is_traced_to_its_price() {
    // An article that prints Moore Threads' opening jump as if it were the close.
    let data = Dataset::from_toml(
        r#"
[[ipo]]
code = "688795"
name_zh = "摩尔线程"
board = "star"
listing_date = "2025-12-05"
issue_price = "114.28"
prices = { open = "650.00", close = "600.50" }
[[ipo.published]]
kind = "gain_pct"
basis = "close"
printed = "468.78%"
source = "test"
"#,
        "test",
    )
    .unwrap();
    let ipo = &data.ipos()[0];
    let checks = check_all(&ipo.published, &returns::compute(ipo).unwrap());
    assert_eq!(checks[0].verdict, Verdict::Differs);
    assert_eq!(checks[0].fits_basis, Some(Basis::Open));
}

#[test]
fn headline_wording_from_the_data() {
    let data = Dataset::builtin().unwrap();
    let lines = |q: &str, lang| {
        let ipo = data.find(q).unwrap();
        headline::headlines(ipo, &returns::compute(ipo).unwrap(), lang)
    };
    let metax = lines("688802", Lang::Zh);
    let open = &metax.iter().find(|h| h.basis == Basis::Open).unwrap().text;
    // press: "中一签盈利近30万元" (issue #2 reference point)
    assert!(open.contains("中一签（500股）浮盈近30万元"), "{open}");
    assert!(open.contains("高开568.83%"), "{open}");
    let close = &metax.iter().find(|h| h.basis == Basis::Close).unwrap().text;
    // "首日收涨692.95%，市值3320亿元"
    assert!(close.contains("首日收涨692.95%"), "{close}");
    assert!(close.contains("市值3320亿元"), "{close}");
    let moore = lines("688795", Lang::Zh);
    let close = &moore.iter().find(|h| h.basis == Basis::Close).unwrap().text;
    // "逾24万元" for 243,110
    assert!(close.contains("浮盈逾24万元"), "{close}");
    let open = &moore.iter().find(|h| h.basis == Basis::Open).unwrap().text;
    // "冲破3055亿元" for 3055.18亿
    assert!(open.contains("冲破3055亿元"), "{open}");
    let biren = lines("壁仞", Lang::En);
    assert!(biren[0].text.contains("HK$3,220"), "{}", biren[0].text);
    let en = lines("MetaX", Lang::En);
    assert!(en[0].text.contains("nearly ¥300,000"), "{}", en[0].text);
}

#[test]
fn display_rounding_is_half_up() {
    // 1.44 × 13.77 = 19.8288 → 19.83 (工业富联, market-rules.md §4); a
    // midpoint rounds up, not to even.
    assert_eq!(round_half_up(d("19.8288"), 2), d("19.83"));
    assert_eq!(fixed(d("692.945"), 2), "692.95");
}
