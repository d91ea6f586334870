//! daxin's own record format as CSV (`daxin list --format csv`): the same
//! fields as the built-in data. Only the columns a batch row uses are
//! mapped; `daxin show --data FILE` reads all of them.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::Daxin,
    columns: &[
        ("code", Some(Field::Code)),
        ("namezh", Some(Field::Name)),
        ("nameen", None),
        ("aliases", None),
        ("board", Some(Field::BoardCol)),
        ("currency", None),
        ("listingdate", Some(Field::ListingDate)),
        ("subscriptiondate", Some(Field::SubscriptionDate)),
        ("paymentdate", None),
        ("issueprice", Some(Field::IssuePrice)),
        ("lotshares", Some(Field::LotShares)),
        ("totalshares", Some(Field::TotalShares)),
        ("sharesoffered", Some(Field::TotalIssued)),
        ("onlineinitialshares", None),
        ("capshares", None),
        ("floatshares", None),
        ("winrates", None),
        ("open", Some(Field::FirstOpen)),
        ("high", None),
        ("low", None),
        ("close", Some(Field::FirstClose)),
        ("avg", Some(Field::FirstAvg)),
        ("exit", None),
        ("exitdate", None),
        ("grey", None),
        ("netprofit", None),
        ("revenue", None),
        ("eps", None),
        ("revenuepershare", None),
        ("peatissue", None),
        ("psatissue", None),
        ("sources", None),
        // a user's own spreadsheet
        ("name", Some(Field::Name)),
        ("板块", Some(Field::BoardCol)),
        ("每签股数", Some(Field::LotShares)),
        ("每手股数", Some(Field::LotShares)),
        ("发行后总股本", Some(Field::TotalShares)),
        ("总股本", Some(Field::TotalShares)),
    ],
    signature: &["issueprice", "namezh"],
};
