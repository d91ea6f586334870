//! AKShare `stock_xgsglb_em` for the Beijing Stock Exchange (北交所): its own
//! columns, with the first-day average price and the profit per 100 shares.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::EmXgsglbBse,
    columns: &[
        ("代码", Some(Field::Code)),
        ("简称", Some(Field::Name)),
        ("申购代码", None),
        ("发行总数", Some(Field::TotalIssued)),
        ("网上发行总数", Some(Field::OnlineIssued)),
        ("申购上限", None),
        ("发行价格", Some(Field::IssuePrice)),
        ("申购日期", Some(Field::SubscriptionDate)),
        ("中签率", Some(Field::WinRate)),
        ("上市日期", Some(Field::ListingDate)),
        ("上市首日均价", Some(Field::FirstAvg)),
        ("上市首日每百股获利", Some(Field::ProfitPer100)),
        // variant names
        ("首日均价", Some(Field::FirstAvg)),
        ("每百股获利", Some(Field::ProfitPer100)),
    ],
    signature: &["上市首日每百股获利", "每百股获利"],
};
