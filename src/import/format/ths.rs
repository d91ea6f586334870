//! 同花顺 via AKShare `stock_ipo_ths`: units in the header (`（万股）`,
//! `（%）`, `（元）`), which the layout reads as multipliers.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::Ths,
    header: &[
        "股票代码",
        "股票简称",
        "申购代码",
        "发行总数（万股）",
        "申购上限（万股）",
        "中签率（%）",
        "发行价",
        "打新收益（元）",
        "上市日期",
    ],
    reads: &[
        ("股票代码", Field::Code),
        ("股票简称", Field::Name),
        ("发行总数", Field::TotalIssued),
        ("中签率", Field::WinRate),
        ("发行价", Field::IssuePrice),
        ("打新收益", Field::ProfitPerLot),
        ("上市日期", Field::ListingDate),
        ("申购上限", Field::ApplyCap),
        // columns a user may add
        ("首日收盘价", Field::FirstClose),
        ("申购日期", Field::SubscriptionDate),
    ],
    signature: &["打新收益"],
    ignores: &[],
};
