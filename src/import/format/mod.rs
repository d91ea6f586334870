//! The source formats, one module each: the columns each table has, as it
//! writes them and in its order, and the ones daxin reads (with older or
//! variant names). A header is matched against its format's table first,
//! then against every other table, so that a user's own spreadsheet mixing
//! names from two sources still reads; a column a format has but does not
//! read is not taken from another table.
//!
//! Names are compared as `layout::name_key` leaves them: hyphens, spaces
//! and underscores removed, ASCII lower-cased, units in brackets split off
//! (`网上-发行中签率` → `网上发行中签率`, `发行总数（万股）` → `发行总数`).

use super::layout::{name_key, Field};
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
    /// The columns as the source writes them, in its order.
    pub header: &'static [&'static str],
    /// The columns daxin reads, and the field each holds: the source's own
    /// names, then older or variant ones.
    pub reads: &'static [(&'static str, Field)],
    /// Columns only this source has: one of them present tells the format.
    pub signature: &'static [&'static str],
    /// Columns other versions of the source write and daxin leaves alone
    /// (never taken from another source's table).
    pub ignores: &'static [&'static str],
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

/// A format's layout.
pub(super) fn spec(format: SourceFormat) -> &'static Spec {
    match format {
        SourceFormat::EmXgsglb => &em_xgsglb::SPEC,
        SourceFormat::EmXgsglbBse => &em_xgsglb_bse::SPEC,
        SourceFormat::EmDxsyl => &em_dxsyl::SPEC,
        SourceFormat::Ths => &ths::SPEC,
        SourceFormat::Daxin => &daxin::SPEC,
    }
}

/// The format a header's names (as `name_key` leaves them) tell; the
/// AKShare `stock_xgsglb_em` layout when none does.
pub(super) fn detect(names: &[String]) -> SourceFormat {
    SPECS
        .iter()
        .find(|s| {
            s.signature
                .iter()
                .any(|sig| names.iter().any(|n| *n == name_key(sig)))
        })
        .map_or(SourceFormat::EmXgsglb, |s| s.format)
}

/// The field a header name (as `name_key` leaves it) holds: by `format`'s
/// own table, else by any other's. `None` for a column daxin does not
/// read.
pub(super) fn field(format: SourceFormat, name: &str) -> Option<Field> {
    let reads = |s: &Spec| {
        s.reads
            .iter()
            .find(|(n, _)| name_key(n) == name)
            .map(|(_, f)| *f)
    };
    let own = spec(format);
    if let Some(f) = reads(own) {
        return Some(f);
    }
    if own
        .header
        .iter()
        .chain(own.ignores)
        .any(|h| name_key(h) == name)
    {
        return None; // the format has the column and leaves it alone
    }
    SPECS.iter().find_map(|s| reads(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_reads_a_code_and_an_issue_price() {
        for s in SPECS {
            let has = |f: Field| s.reads.iter().any(|(_, g)| *g == f);
            assert!(has(Field::Code), "{:?}", s.format);
            assert!(has(Field::IssuePrice), "{:?}", s.format);
        }
    }

    #[test]
    fn what_a_format_reads_it_has_and_its_signature_too() {
        for s in SPECS {
            let keys: Vec<String> = s.header.iter().map(|h| name_key(h)).collect();
            // the source's own names come first in `reads`, and are columns
            // of its header; the format's signature is in its header or reads
            for sig in s.signature {
                let k = name_key(sig);
                assert!(
                    keys.contains(&k) || s.reads.iter().any(|(n, _)| name_key(n) == k),
                    "{sig}"
                );
            }
            assert!(keys.contains(&name_key(s.reads[0].0)), "{:?}", s.format);
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
        assert_eq!(
            field(SourceFormat::EmDxsyl, "开盘溢价"),
            Some(Field::OpenPremium)
        );
        // 打新收益 is a rate in stock_dxsyl_em, yuan per lot at 同花顺
        assert_eq!(field(SourceFormat::EmDxsyl, &name_key("打新收益")), None);
        assert_eq!(
            field(SourceFormat::Ths, &name_key("打新收益")),
            Some(Field::ProfitPerLot)
        );
        // AKShare 1.17's 板块: the code tells the board
        assert_eq!(field(SourceFormat::EmXgsglb, &name_key("板块")), None);
        // a name from another source still reads
        assert_eq!(
            field(SourceFormat::Ths, "首日收盘价"),
            Some(Field::FirstClose)
        );
    }
}
