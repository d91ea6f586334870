//! Published 中签号 tail lists (`daxin numbers`): any text is read into
//! tails or refused, and the arithmetic count agrees with a loop over a
//! small range.
#![no_main]

use daxin::wins::numbers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&start, body)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let Ok(list) = numbers::parse_tails(text) else {
        return;
    };
    let start = u64::from(start) * 997;
    let count = 2_000u64;
    let counted = numbers::count_winners(&list, start, count);
    let looped = (start..start + count)
        .filter(|n| {
            let digits = n.to_string();
            list.effective().iter().any(|t| {
                // a number shorter than the tail is padded with zeros, as
                // numbers are printed at a fixed width
                let width = t.digits.len().max(digits.len());
                format!("{n:0width$}").ends_with(&t.digits)
            })
        })
        .count() as u128;
    assert_eq!(counted, looped);
});
