//! AKShare `stock_xgsglb_em` (Eastmoney 新股申购与中签), A-share boards: the
//! columns as AKShare writes them, and the ones daxin reads (older or variant
//! names too).

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::EmXgsglb,
    header: &[
        "股票代码",
        "股票简称",
        "申购代码",
        "发行总数",
        "网上发行",
        "顶格申购需配市值",
        "申购上限",
        "发行价格",
        "最新价",
        "首日收盘价",
        "申购日期",
        "中签号公布日",
        "中签缴款日期",
        "上市日期",
        "发行市盈率",
        "行业市盈率",
        "中签率",
        "询价累计报价倍数",
        "配售对象报价家数",
        "连续一字板数量",
        "涨幅",
        "每中一签获利",
    ],
    reads: &[
        ("股票代码", Field::Code),
        ("股票简称", Field::Name),
        ("发行总数", Field::TotalIssued),
        ("网上发行", Field::OnlineIssued),
        ("发行价格", Field::IssuePrice),
        ("最新价", Field::Latest),
        ("首日收盘价", Field::FirstClose),
        ("申购日期", Field::SubscriptionDate),
        ("上市日期", Field::ListingDate),
        ("中签率", Field::WinRate),
        ("连续一字板数量", Field::LimitUpDays),
        ("涨幅", Field::GainPct),
        ("每中一签获利", Field::ProfitPerLot),
        ("申购上限", Field::ApplyCap),
        ("顶格申购需配市值", Field::FullQuotaMv),
        // older or variant names
        ("证券代码", Field::Code),
        ("证券简称", Field::Name),
        ("股票名称", Field::Name),
        ("上市首日收盘价", Field::FirstClose),
        ("首日开盘价", Field::FirstOpen),
        ("上市首日开盘价", Field::FirstOpen),
        ("网上发行数量", Field::OnlineIssued),
        ("网上中签率", Field::WinRate),
        ("一字板数量", Field::LimitUpDays),
        ("每签获利", Field::ProfitPerLot),
    ],
    signature: &["每中一签获利", "每签获利", "连续一字板数量"],
    ignores: &[
        // AKShare 1.17.39 and later (2025-08-24 on): after 申购代码
        "交易所",
        "板块",
        "序号",
    ],
};
