//! The wins ledger (`wins.toml`): any text is read into a ledger or refused
//! with its line and field.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = daxin::wins::ledger::parse(text, "fuzz");
    }
});
