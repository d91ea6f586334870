//! Reading a header row: which column holds each field, the unit the
//! header names (`（万股）`), and which source the table came from.

use rust_decimal::Decimal;

use super::SourceFormat;
use crate::error::{Error, Result};
use crate::input;

/// The fields `daxin batch` reads, whatever a source calls them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 股票代码 / 代码.
    Code,
    /// 股票简称 / 简称.
    Name,
    /// 发行价格 / 发行价.
    IssuePrice,
    /// 首日收盘价.
    FirstClose,
    /// 上市首日-均价 (BSE).
    FirstAvg,
    /// 首日开盘价.
    FirstOpen,
    /// 最新价.
    Latest,
    /// 上市日期.
    ListingDate,
    /// 申购日期.
    SubscriptionDate,
    /// 中签率 (%).
    WinRate,
    /// 涨幅 (%), as published.
    GainPct,
    /// 首日涨幅 (%), as published.
    FirstDayGainPct,
    /// 每中一签获利 / 打新收益 (元), as published.
    ProfitPerLot,
    /// 上市首日-每百股获利 (BSE), as published.
    ProfitPer100,
    /// 连续一字板数量.
    LimitUpDays,
    /// 发行总数: the shares offered in the IPO.
    TotalIssued,
    /// Total shares after the IPO (daxin's `total_shares`, 发行后总股本):
    /// what market value is reckoned on.
    TotalShares,
    /// 网上发行.
    OnlineIssued,
    /// A board column (daxin's record CSV).
    BoardCol,
    /// A lot-size column (daxin's record CSV).
    LotShares,
}

/// Which column holds each field, and the unit the header names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The source format.
    pub format: SourceFormat,
    cols: Vec<(Field, usize, Decimal)>,
    /// `cols` indexed by `Field as usize`, for the per-row lookups.
    index: [Option<(usize, Decimal)>; FIELD_COUNT],
    /// One more than the highest column a field uses.
    pub(super) width: usize,
    /// Header cells no field maps to (kept for the report).
    pub unused: Vec<String>,
}

const FIELD_COUNT: usize = 20;

/// Normalises a header cell: BOM, spaces, full-width brackets and the
/// hyphen variants removed; returns the name and the unit multiplier the
/// header names (`（万股）` → 10⁴).
fn header_key(raw: &str) -> (String, Decimal) {
    let s = input::normalize(raw.trim_start_matches('\u{feff}'));
    let s = s.replace(['（', '('], "(").replace(['）', ')'], ")");
    let (name, unit) = match s.split_once('(') {
        Some((n, rest)) => (n.to_string(), rest.trim_end_matches(')').to_string()),
        None => (s.clone(), String::new()),
    };
    let mult = if unit.starts_with('万') {
        Decimal::from(10_000u64)
    } else if unit.starts_with('亿') {
        Decimal::from(100_000_000u64)
    } else {
        Decimal::ONE
    };
    let name = name.replace(['-', ' ', '_'], "");
    (name, mult)
}

fn field_of(name: &str) -> Option<Field> {
    Some(match name {
        "股票代码" | "代码" | "证券代码" | "code" => Field::Code,
        "股票简称" | "简称" | "证券简称" | "股票名称" | "name" | "namezh" => {
            Field::Name
        }
        "发行价格" | "发行价" | "issueprice" => Field::IssuePrice,
        "首日收盘价" | "上市首日收盘价" | "close" => Field::FirstClose,
        "上市首日均价" | "首日均价" | "avg" => Field::FirstAvg,
        "首日开盘价" | "上市首日开盘价" | "open" => Field::FirstOpen,
        "最新价" => Field::Latest,
        "上市日期" | "listingdate" => Field::ListingDate,
        "申购日期" | "subscriptiondate" => Field::SubscriptionDate,
        "中签率" | "网上发行中签率" | "网上中签率" => Field::WinRate,
        "涨幅" => Field::GainPct,
        "首日涨幅" => Field::FirstDayGainPct,
        "每中一签获利" | "打新收益" | "每签获利" => Field::ProfitPerLot,
        "上市首日每百股获利" | "每百股获利" => Field::ProfitPer100,
        "连续一字板数量" | "一字板数量" => Field::LimitUpDays,
        "发行总数" | "总发行数量" | "sharesoffered" => Field::TotalIssued,
        "totalshares" | "发行后总股本" | "总股本" => Field::TotalShares,
        "网上发行" | "网上发行数量" => Field::OnlineIssued,
        "board" | "板块" => Field::BoardCol,
        "lotshares" | "每签股数" | "每手股数" => Field::LotShares,
        _ => return None,
    })
}

impl Layout {
    /// Maps a header row to fields, and tells the format (unless `from`
    /// names it). Every format needs a code and an issue price.
    pub fn detect(header: &[&str], from: Option<SourceFormat>) -> Result<Layout> {
        let mut cols = Vec::new();
        let mut unused = Vec::new();
        let mut names = Vec::new();
        for (i, h) in header.iter().enumerate() {
            let (name, mult) = header_key(h);
            let lower = name.to_ascii_lowercase();
            match field_of(&name).or_else(|| field_of(&lower)) {
                Some(f) if !cols.iter().any(|(g, _, _)| *g == f) => cols.push((f, i, mult)),
                _ => unused.push(h.to_string()),
            }
            names.push(name);
        }
        let has = |n: &str| names.iter().any(|x| x == n);
        let format =
            from.unwrap_or(if has("上市首日每百股获利") || has("每百股获利") {
                SourceFormat::EmXgsglbBse
            } else if has("每中一签获利") {
                SourceFormat::EmXgsglb
            } else if has("开盘溢价") || has("网上发行中签率") || has("首日涨幅") {
                SourceFormat::EmDxsyl
            } else if has("打新收益") {
                SourceFormat::Ths
            } else if names.iter().any(|n| n.eq_ignore_ascii_case("issueprice")) {
                SourceFormat::Daxin
            } else {
                SourceFormat::EmXgsglb
            });
        let mut index = [None; FIELD_COUNT];
        for (f, i, m) in &cols {
            index[*f as usize] = Some((*i, *m));
        }
        let width = cols.iter().map(|(_, i, _)| i + 1).max().unwrap_or(0);
        let l = Layout {
            format,
            cols,
            index,
            width,
            unused,
        };
        for (f, what) in [
            (Field::Code, "a code column (股票代码 / 代码)"),
            (
                Field::IssuePrice,
                "an issue-price column (发行价格 / 发行价)",
            ),
        ] {
            if l.col(f).is_none() {
                return Err(Error::invalid(
                    "header",
                    &header.join(","),
                    format!("no {what}; use --from to name the format"),
                ));
            }
        }
        Ok(l)
    }

    pub(super) fn col(&self, f: Field) -> Option<(usize, Decimal)> {
        self.index[f as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn header_units_and_detection() {
        let ths = [
            "股票代码",
            "股票简称",
            "发行价",
            "发行总数（万股）",
            "中签率（%）",
            "打新收益（元）",
            "上市日期",
        ];
        let l = Layout::detect(&ths, None).unwrap();
        assert_eq!(l.format, SourceFormat::Ths);
        assert_eq!(l.col(Field::TotalIssued).unwrap().1, d("10000"));
        let dx = [
            "股票代码",
            "股票简称",
            "发行价",
            "最新价",
            "网上-发行中签率",
            "开盘溢价",
            "首日涨幅",
            "上市日期",
        ];
        assert_eq!(
            Layout::detect(&dx, None).unwrap().format,
            SourceFormat::EmDxsyl
        );
        assert!(Layout::detect(&["a", "b"], None).is_err());
    }
}
