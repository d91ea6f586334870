//! AKShare `stock_dxsyl_em` (Eastmoney 打新收益率). It has no first-day
//! price: 开盘溢价 and 首日涨幅 are percentages, and the check column tells
//! the price the published gain implies.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::EmDxsyl,
    columns: &[
        ("股票代码", Some(Field::Code)),
        ("股票简称", Some(Field::Name)),
        ("发行价", Some(Field::IssuePrice)),
        ("最新价", Some(Field::Latest)),
        ("网上发行中签率", Some(Field::WinRate)),
        ("网上有效申购股数", None),
        ("网上有效申购户数", None),
        ("网上超额认购倍数", None),
        ("网下配售中签率", None),
        ("网下有效申购股数", None),
        ("网下有效申购户数", None),
        ("网下配售认购倍数", None),
        ("总发行数量", Some(Field::TotalIssued)),
        ("开盘溢价", None),
        ("首日涨幅", Some(Field::FirstDayGainPct)),
        ("上市日期", Some(Field::ListingDate)),
    ],
    signature: &["开盘溢价", "网上发行中签率", "首日涨幅"],
};
