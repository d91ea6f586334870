//! The `daxin` command: argument parsing and printing only; every figure
//! comes from the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
