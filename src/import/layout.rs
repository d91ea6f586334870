//! Reading a header row: which column holds each field, the unit the
//! header names (`（万股）`), and which source the table came from.

use rust_decimal::Decimal;

use super::{format, SourceFormat};
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
    /// 申购上限: the per-account cap, in shares (or the header's unit).
    ApplyCap,
    /// 顶格申购需配市值: the market value that earns the cap (Eastmoney
    /// gives it in 万元 without saying so in the header).
    FullQuotaMv,
    /// 开盘溢价: the open's premium over the issue price, as published.
    OpenPremium,
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
    /// The header text of each field's column, indexed like `index`, for
    /// error messages that name the column as the file does.
    headers: [Option<String>; FIELD_COUNT],
    /// Header cells no field maps to (kept for the report).
    pub unused: Vec<String>,
    /// The unit each rate column is read in (settled by
    /// [`Layout::settle_units`]; percent until then).
    pub(super) units: super::units::Units,
    /// The layout's version writes 开盘溢价 and 首日涨幅 as fractions
    /// (AKShare's `stock_dxsyl_em` to 1.8.0, told by its 打新收益 column).
    pub(super) fraction_version: bool,
}

const FIELD_COUNT: usize = Field::OpenPremium as usize + 1;

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

/// A header name as the format tables are compared: [`header_key`]'s name,
/// ASCII lower-cased (`issue_price` → `issueprice`).
pub(super) fn name_key(raw: &str) -> String {
    header_key(raw).0.to_ascii_lowercase()
}

impl Layout {
    /// Maps a header row to fields, and tells the format (unless `from`
    /// names it). Every format needs a code and an issue price.
    pub fn detect(header: &[&str], from: Option<SourceFormat>) -> Result<Layout> {
        // names as the format tables hold them: ASCII lower-cased
        let keys: Vec<(String, Decimal)> = header
            .iter()
            .map(|h| {
                let (name, mult) = header_key(h);
                (name.to_ascii_lowercase(), mult)
            })
            .collect();
        let names: Vec<String> = keys.iter().map(|(n, _)| n.clone()).collect();
        let format = from.unwrap_or_else(|| format::detect(&names));
        let mut cols: Vec<(Field, usize, Decimal)> = Vec::new();
        let mut unused = Vec::new();
        for (i, ((name, mult), h)) in keys.into_iter().zip(header).enumerate() {
            match format::field(format, &name) {
                Some(f) if !cols.iter().any(|(g, _, _)| *g == f) => cols.push((f, i, mult)),
                _ => unused.push(h.to_string()),
            }
        }
        let mut index = [None; FIELD_COUNT];
        let mut headers: [Option<String>; FIELD_COUNT] = Default::default();
        for (f, i, m) in &cols {
            index[*f as usize] = Some((*i, *m));
            headers[*f as usize] = header
                .get(*i)
                .map(|h| h.trim_start_matches('\u{feff}').trim().to_string());
        }
        let width = cols.iter().map(|(_, i, _)| i + 1).max().unwrap_or(0);
        let fraction_version =
            format == SourceFormat::EmDxsyl && names.iter().any(|n| *n == name_key("打新收益"));
        let l = Layout {
            format,
            cols,
            index,
            width,
            headers,
            unused,
            units: super::units::Units::default(),
            fraction_version,
        };
        for (f, en, zh) in [
            (Field::Code, "a code column", "代码列"),
            (Field::IssuePrice, "an issue-price column", "发行价列"),
        ] {
            let names = match f {
                Field::Code => "股票代码 / 代码",
                _ => "发行价格 / 发行价",
            };
            if l.col(f).is_none() {
                return Err(Error::invalid_at(
                    crate::why!("header", "表头"),
                    &header.join(","),
                    crate::why!(
                        "no {en} ({names}); use --from to name the format",
                        "没有{zh}（{names}）；请用 --from 指明格式"
                    ),
                ));
            }
        }
        Ok(l)
    }

    /// The header text of `f`'s column, else `default` (the field's usual
    /// name).
    pub(super) fn header<'a>(&'a self, f: Field, default: &'a str) -> &'a str {
        self.headers[f as usize].as_deref().unwrap_or(default)
    }

    pub(super) fn col(&self, f: Field) -> Option<(usize, Decimal)> {
        self.index[f as usize]
    }

    /// The unit multiplier `f`'s header names (`（万元）` → 10⁴, 1 when the
    /// header names none); `None` when the table has no such column.
    pub fn unit(&self, f: Field) -> Option<Decimal> {
        self.index[f as usize].map(|(_, m)| m)
    }

    /// Field `f` of a record as a number, times the unit its header names
    /// (`（万股）` → 10⁴): `Ok(None)` when the table has no such column or
    /// the cell is empty or a placeholder (`-`, `—`, `nan`); an error
    /// naming the column and the value for anything else that is not a
    /// number. For the columns `process` does not read (申购上限, 顶格申购需配市值).
    pub fn decimal<R: super::Record + ?Sized>(&self, rec: &R, f: Field) -> Result<Option<Decimal>> {
        match self.col(f).and_then(|(i, m)| rec.field(i).map(|b| (b, m))) {
            Some((b, m)) => {
                super::cell::cell_decimal(self.header(f, "?"), super::cell::trim_bytes(b), m)
            }
            None => Ok(None),
        }
    }

    /// Field `f` of a record as a date: `Ok(None)` when absent or a
    /// placeholder, an error naming the column otherwise.
    pub fn date<R: super::Record + ?Sized>(
        &self,
        rec: &R,
        f: Field,
    ) -> Result<Option<chrono::NaiveDate>> {
        match self.col(f).and_then(|(i, _)| rec.field(i)) {
            Some(b) => super::cell::cell_date(self.header(f, "?"), super::cell::trim_bytes(b)),
            None => Ok(None),
        }
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
