//! daxin's own record files (`--data`): TOML, JSON or CSV text is read into
//! records or refused with an error, and every record read computes or
//! errs — never a panic.
#![no_main]

use daxin::data::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = Dataset::from_file_text(text, "fuzz") {
        for ipo in d.ipos() {
            let _ = daxin::report::ipo::IpoReport::build(ipo, &daxin::report::ipo::Request::new(daxin::Lang::Zh));
        }
    }
});
