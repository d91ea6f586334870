//! daxin's own record format as CSV (`daxin list --format csv`): the columns
//! are `data::CSV_COLUMNS`; the ones a batch row uses are read. `daxin show
//! --data FILE` reads all of them.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::Daxin,
    header: &crate::data::CSV_COLUMNS,
    reads: &[
        ("code", Field::Code),
        ("name_zh", Field::Name),
        ("board", Field::BoardCol),
        ("listing_date", Field::ListingDate),
        ("subscription_date", Field::SubscriptionDate),
        ("issue_price", Field::IssuePrice),
        ("lot_shares", Field::LotShares),
        ("total_shares", Field::TotalShares),
        ("shares_offered", Field::TotalIssued),
        ("open", Field::FirstOpen),
        ("close", Field::FirstClose),
        ("avg", Field::FirstAvg),
        // a user's own spreadsheet
        ("name", Field::Name),
        ("板块", Field::BoardCol),
        ("每签股数", Field::LotShares),
        ("每手股数", Field::LotShares),
        ("发行后总股本", Field::TotalShares),
        ("总股本", Field::TotalShares),
    ],
    signature: &["issue_price", "name_zh"],
    ignores: &[],
};
