//! AKShare `stock_xgsglb_em` for the Beijing Stock Exchange (北交所): its own
//! columns, with the first-day average price and the profit per 100 shares.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::EmXgsglbBse,
    header: &[
        "代码",
        "简称",
        "申购代码",
        "发行总数",
        "网上发行总数",
        "申购上限",
        "发行价格",
        "申购日期",
        "中签率",
        "上市日期",
        "上市首日-均价",
        "上市首日-每百股获利",
    ],
    reads: &[
        ("代码", Field::Code),
        ("简称", Field::Name),
        ("发行总数", Field::TotalIssued),
        ("网上发行总数", Field::OnlineIssued),
        ("发行价格", Field::IssuePrice),
        ("申购日期", Field::SubscriptionDate),
        ("中签率", Field::WinRate),
        ("上市日期", Field::ListingDate),
        ("上市首日-均价", Field::FirstAvg),
        ("上市首日-每百股获利", Field::ProfitPer100),
        // variant names
        ("首日均价", Field::FirstAvg),
        ("每百股获利", Field::ProfitPer100),
    ],
    signature: &["上市首日-每百股获利", "每百股获利"],
    ignores: &["序号"],
};
