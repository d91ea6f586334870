//! Broker terms (`daxin.toml`): any text is read into terms or refused.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = daxin::config::Config::from_toml(text, "fuzz");
    }
});
