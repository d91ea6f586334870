//! AKShare `stock_xgsglb_em` (Eastmoney 新股申购与中签), A-share boards:
//! the columns in AKShare's order, then older or variant names.

use super::Spec;
use crate::import::layout::Field;
use crate::import::SourceFormat;

pub(super) const SPEC: Spec = Spec {
    format: SourceFormat::EmXgsglb,
    columns: &[
        ("股票代码", Some(Field::Code)),
        ("股票简称", Some(Field::Name)),
        ("申购代码", None),
        ("发行总数", Some(Field::TotalIssued)),
        ("网上发行", Some(Field::OnlineIssued)),
        ("顶格申购需配市值", None),
        ("申购上限", None),
        ("发行价格", Some(Field::IssuePrice)),
        ("最新价", Some(Field::Latest)),
        ("首日收盘价", Some(Field::FirstClose)),
        ("申购日期", Some(Field::SubscriptionDate)),
        ("中签号公布日", None),
        ("中签缴款日期", None),
        ("上市日期", Some(Field::ListingDate)),
        ("发行市盈率", None),
        ("行业市盈率", None),
        ("中签率", Some(Field::WinRate)),
        ("询价累计报价倍数", None),
        ("配售对象报价家数", None),
        ("连续一字板数量", Some(Field::LimitUpDays)),
        ("涨幅", Some(Field::GainPct)),
        ("每中一签获利", Some(Field::ProfitPerLot)),
        // older or variant names
        ("证券代码", Some(Field::Code)),
        ("证券简称", Some(Field::Name)),
        ("股票名称", Some(Field::Name)),
        ("上市首日收盘价", Some(Field::FirstClose)),
        ("首日开盘价", Some(Field::FirstOpen)),
        ("上市首日开盘价", Some(Field::FirstOpen)),
        ("网上发行数量", Some(Field::OnlineIssued)),
        ("网上中签率", Some(Field::WinRate)),
        ("一字板数量", Some(Field::LimitUpDays)),
        ("每签获利", Some(Field::ProfitPerLot)),
    ],
    signature: &["每中一签获利", "每签获利", "连续一字板数量"],
};
