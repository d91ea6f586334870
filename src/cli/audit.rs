//! `daxin audit`: read an article (any of the encodings people save text
//! in), check it with [`daxin::audit`], draw the result.

use std::path::Path;

use daxin::data::Dataset;
use daxin::Lang;

use super::args::Format;
use super::{render, CliError, Output};

/// Reads the article at `file` (standard input for `None` or `-`), audits it
/// against `data` and draws the report.
pub fn audit_cmd(
    file: Option<&Path>,
    data: &Dataset,
    fmt: Format,
    lang: Lang,
    explain: bool,
) -> Result<Output, CliError> {
    let (bytes, name) = match file.filter(|p| p.as_os_str() != "-") {
        Some(p) => (
            std::fs::read(p).map_err(|e| CliError {
                msg: format!("{}: cannot read: {e}", p.display()),
                code: 2,
            })?,
            p.display().to_string(),
        ),
        None => {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map_err(|e| CliError {
                msg: format!("standard input: cannot read: {e}"),
                code: 2,
            })?;
            (b, "standard input".to_string())
        }
    };
    let decoded = daxin::audit::decode(&bytes);
    let a = daxin::audit::audit(&decoded.text, data);
    let mut out = render::audit(&a, fmt, lang, explain);
    if decoded.replaced > 0 {
        out.stderr.push_str(&match lang {
            Lang::Zh => format!(
                "{name}：按 {} 读取，{} 处无效字节已替换为 U+FFFD\n",
                decoded.encoding, decoded.replaced
            ),
            Lang::En => format!(
                "{name}: read as {}; {} invalid byte sequence(s) replaced by U+FFFD\n",
                decoded.encoding, decoded.replaced
            ),
        });
    }
    Ok(out)
}
