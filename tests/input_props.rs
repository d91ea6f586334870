//! Property tests of the input edge: no text makes a parser panic, and a
//! decimal printed then parsed is the same decimal.

use daxin::input::{parse_date, parse_decimal, parse_percent, parse_price, parse_shares};
use proptest::prelude::*;
use rust_decimal::Decimal;

proptest! {
    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = parse_decimal("f", &s);
        let _ = parse_price("f", &s);
        let _ = parse_shares("f", &s);
        let _ = parse_percent("f", &s);
        let _ = parse_date("f", &s);
    }

    #[test]
    fn numeric_looking_text_never_panics(s in "[0-9０-９.,，%万亿元\\-—+ ]{0,30}") {
        let _ = parse_decimal("f", &s);
        let _ = parse_shares("f", &s);
    }

    #[test]
    fn decimals_round_trip(m in any::<i64>(), scale in 0u32..=12) {
        let x = Decimal::new(m, scale);
        prop_assert_eq!(parse_decimal("f", &x.to_string()).unwrap(), x);
    }

    #[test]
    fn positive_prices_round_trip(cents in 1u64..=10_000_000_000) {
        let x = Decimal::new(cents as i64, 2);
        prop_assert_eq!(parse_price("p", &x.to_string()).unwrap().get(), x);
    }
}
