//! The source formats, one module each: the columns each table has, in its
//! own order, and what daxin reads from each. A header is matched against
//! its format's table first, then against every other table, so that a
//! user's own spreadsheet mixing names from two sources still reads.
//!
//! Names here are as `header_key` leaves them: hyphens, spaces and
//! underscores removed, ASCII lower-cased, units in brackets split off
//! (`网上-发行中签率` → `网上发行中签率`, `发行总数（万股）` → `发行总数`).

use super::layout::Field;
use super::SourceFormat;

mod daxin;
mod em_dxsyl;
mod em_xgsglb;
mod em_xgsglb_bse;
mod ths;

/// One source's table layout.
pub(super) struct Spec {
    /// Which format.
    pub format: SourceFormat,
    /// Every column the source writes (and older or variant names), with
    /// the field daxin reads from it; `None` for a column it leaves alone.
    pub columns: &'static [(&'static str, Option<Field>)],
    /// Columns only this source has: one of them present tells the format.
    pub signature: &'static [&'static str],
}

/// The formats in the order detection tries them: the most specific
/// signature first.
const SPECS: [&Spec; 5] = [
    &em_xgsglb_bse::SPEC,
    &em_xgsglb::SPEC,
    &em_dxsyl::SPEC,
    &ths::SPEC,
    &daxin::SPEC,
];

/// The format a header's (normalised) names tell; the AKShare
/// `stock_xgsglb_em` layout when none does.
pub(super) fn detect(names: &[String]) -> SourceFormat {
    SPECS
        .iter()
        .find(|s| s.signature.iter().any(|sig| names.iter().any(|n| n == sig)))
        .map_or(SourceFormat::EmXgsglb, |s| s.format)
}

/// The field a normalised header name holds: by `format`'s own table,
/// else by any other's. `None` for a column daxin does not read.
pub(super) fn field(format: SourceFormat, name: &str) -> Option<Field> {
    let lookup = |s: &Spec| s.columns.iter().find(|(n, _)| *n == name).map(|(_, f)| *f);
    let own = SPECS.iter().find(|s| s.format == format);
    if let Some(known) = own.and_then(|s| lookup(s)) {
        return known;
    }
    SPECS.iter().find_map(|s| lookup(s).flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_reads_a_code_and_an_issue_price() {
        for s in SPECS {
            let has = |f: Field| s.columns.iter().any(|(_, g)| *g == Some(f));
            assert!(has(Field::Code), "{:?}", s.format);
            assert!(has(Field::IssuePrice), "{:?}", s.format);
        }
    }

    #[test]
    fn signatures_belong_to_one_format() {
        for s in SPECS {
            for sig in s.signature {
                let others = SPECS
                    .iter()
                    .filter(|t| t.format != s.format)
                    .filter(|t| t.signature.contains(sig))
                    .count();
                assert_eq!(others, 0, "{sig}");
            }
        }
    }

    #[test]
    fn a_column_known_but_unused_is_not_taken_from_another_table() {
        // 发行总数 is the IPO's size in every table: never total shares
        assert_eq!(
            field(SourceFormat::EmXgsglb, "发行总数"),
            Some(Field::TotalIssued)
        );
        assert_eq!(field(SourceFormat::EmDxsyl, "开盘溢价"), None);
        // a name from another source still reads
        assert_eq!(
            field(SourceFormat::Ths, "首日收盘价"),
            Some(Field::FirstClose)
        );
    }
}
