//! Runs every row of a CSV file through both of `daxin batch`'s paths and
//! reports any row whose output bytes differ, with how many rows the fast
//! path took:
//!
//!     cargo run --release --example check_fast_path -- /tmp/ipos.csv
//!
//! A dev tool: the property tests compare the paths on generated rows; this
//! compares them on a whole file (the benchmark's, say). UTF-8 input only.

use std::io::Read;
use std::process::ExitCode;

use daxin::import::fast::FastPath;
use daxin::import::split::{self, Splitter, Step};
use daxin::import::{self, write, Layout, RowOut};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: check_fast_path FILE.csv");
        return ExitCode::from(2);
    };
    let mut text = Vec::new();
    if let Err(e) = std::fs::File::open(&path).and_then(|mut f| f.read_to_end(&mut text)) {
        eprintln!("{path}: {e}");
        return ExitCode::from(2);
    }
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text);
    let mut s = Splitter::new(b',');
    let Step::Row { row, consumed, .. } = s.next(text, true) else {
        eprintln!("{path}: no header");
        return ExitCode::from(2);
    };
    let header: Vec<String> = row
        .fields()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let layout = match Layout::detect(&refs, None) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(mut fast) = FastPath::new(&layout) else {
        eprintln!("{path}: the fast path does not take this layout");
        return ExitCode::from(2);
    };
    let (mut at, mut line, mut rows, mut taken, mut differ) = (consumed, 2u64, 0u64, 0u64, 0u64);
    let (mut got, mut want, mut general) = (Vec::new(), Vec::new(), RowOut::default());
    while let Some((text_line, used)) = split::first_line(&text[at..], true) {
        rows += 1;
        got.clear();
        if fast.line(text_line, line, b',', &mut got) {
            taken += 1;
            let Step::Row { row, .. } = s.next(&text[at..], true) else {
                break;
            };
            import::process_into(&layout, &row, &mut general);
            want.clear();
            write::csv_row(&mut want, line, layout.format, &general, false);
            if got != want {
                differ += 1;
                if differ <= 5 {
                    eprintln!(
                        "line {line}:\n  fast    {}  general {}",
                        String::from_utf8_lossy(&got),
                        String::from_utf8_lossy(&want)
                    );
                }
            }
        }
        at += used;
        line += 1;
    }
    println!("{rows} rows; the fast path took {taken}; {differ} differ");
    if differ == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
