//! AKShare `stock_dxsyl_em` (Eastmoney 打新收益率). It has no first-day
//! price: the open and the close are the fen prices that 开盘溢价 and 首日涨幅
//! imply. Those two are fractions (0.4398) in AKShare to 1.8.0, the tables
//! with a 打新收益 column, and percentages (44.0162) since 1.8.1; the unit is
//! settled per column (`units`).

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
        ("开盘溢价", Field::OpenPremium),
        ("上市日期", Field::ListingDate),
    ],
    signature: &["开盘溢价", "网上-发行中签率", "首日涨幅"],
    ignores: &[
        // AKShare to 1.8.0 (Eastmoney JS.aspx): 打新收益 is a rate (0.03),
        // not yuan per lot; 市场 is the exchange (sh / sz)
        "打新收益",
        "市场",
        "序号",
    ],
};
