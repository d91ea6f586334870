//! AKShare `stock_dxsyl_em` (Eastmoney 打新收益率). It has no first-day
//! price: 开盘溢价 and 首日涨幅 are percentages, and the check column tells
//! the price the published gain implies.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::EmDxsyl,
    header: &[
        "股票代码",
        "股票简称",
        "发行价",
        "最新价",
        "网上-发行中签率",
        "网上-有效申购股数",
        "网上-有效申购户数",
        "网上-超额认购倍数",
        "网下-配售中签率",
        "网下-有效申购股数",
        "网下-有效申购户数",
        "网下-配售认购倍数",
        "总发行数量",
        "开盘溢价",
        "首日涨幅",
        "上市日期",
    ],
    reads: &[
        ("股票代码", Field::Code),
        ("股票简称", Field::Name),
        ("发行价", Field::IssuePrice),
        ("最新价", Field::Latest),
        ("网上-发行中签率", Field::WinRate),
        ("总发行数量", Field::TotalIssued),
        ("首日涨幅", Field::FirstDayGainPct),
        ("上市日期", Field::ListingDate),
    ],
    signature: &["开盘溢价", "网上-发行中签率", "首日涨幅"],
};
