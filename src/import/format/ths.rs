//! 同花顺 via AKShare `stock_ipo_ths`: units in the header (`（万股）`,
//! `（%）`, `（元）`), which the layout reads as multipliers.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::Ths,
    columns: &[
        ("股票代码", Some(Field::Code)),
        ("股票简称", Some(Field::Name)),
        ("申购代码", None),
        ("发行总数", Some(Field::TotalIssued)),
        ("申购上限", None),
        ("中签率", Some(Field::WinRate)),
        ("发行价", Some(Field::IssuePrice)),
        ("打新收益", Some(Field::ProfitPerLot)),
        ("上市日期", Some(Field::ListingDate)),
        ("首日收盘价", Some(Field::FirstClose)),
        ("申购日期", Some(Field::SubscriptionDate)),
    ],
    signature: &["打新收益"],
};
