//! Articles (`daxin audit`): any text is read, claim by claim, in time and
//! memory linear in its length. The grammar is built once, as a page or a
//! batch of articles would build it.
#![no_main]

use std::sync::OnceLock;

use daxin::audit::Auditor;
use daxin::data::Dataset;
use libfuzzer_sys::fuzz_target;

fn data() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| Dataset::builtin().expect("the built-in data reads"))
}

fuzz_target!(|data_in: &[u8]| {
    thread_local! {
        static AUDITOR: Auditor<'static> = Auditor::new(data());
    }
    let text = String::from_utf8_lossy(data_in);
    AUDITOR.with(|a| {
        let _ = a.audit(&text);
    });
});
