//! The user's broker terms from `daxin.toml`. Reading the file is the CLI's
//! business; this module only parses its text.
//!
//! ```toml
//! [cny]                       # A-share sales
//! commission = "0.025%"       # of the amount (万2.5); or a fraction, 0.00025
//! min_commission = "5"        # yuan per trade
//!
//! [hkd]                       # Hong Kong
//! commission = "0.03%"
//! min_commission = "7"
//! handling_fee = "0"          # per cash application
//! margin_handling_fee = "100" # per margin application
//! margin_rate = "3.99%"       # annual
//! ```
//!
//! ```
//! use daxin::config::Config;
//! use daxin::Currency;
//! let c = Config::from_toml("[cny]\ncommission = \"0.01%\"\n", "daxin.toml").unwrap();
//! assert_eq!(c.broker(Currency::Cny).commission_rate.to_string(), "0.0001");
//! assert_eq!(c.broker(Currency::Cny).min_commission.to_string(), "5"); // default kept
//! ```

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::board::Currency;
use crate::error::{Error, Result};
use crate::fees::{parse_rate, Broker};
use crate::input;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTerms {
    commission: Option<String>,
    min_commission: Option<String>,
    handling_fee: Option<String>,
    margin_handling_fee: Option<String>,
    margin_rate: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    cny: RawTerms,
    #[serde(default)]
    hkd: RawTerms,
}

/// Terms for one currency's market.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    /// Commission, handling fee.
    pub broker: Broker,
    /// Handling fee for a margin application.
    pub margin_handling_fee: Option<Decimal>,
    /// Annual margin rate, as a fraction.
    pub margin_rate: Option<Decimal>,
}

/// The parsed configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    cny: Terms,
    hkd: Terms,
}

impl Default for Config {
    fn default() -> Config {
        let terms = |c| Terms {
            broker: Broker::default_for(c),
            margin_handling_fee: None,
            margin_rate: None,
        };
        Config {
            cny: terms(Currency::Cny),
            hkd: terms(Currency::Hkd),
        }
    }
}

fn money(section: &str, field: &str, raw: &Option<String>) -> Result<Option<Decimal>> {
    raw.as_deref()
        .map(|s| input::parse_fee(&format!("[{section}] {field}"), s))
        .transpose()
}

fn terms(section: &str, raw: &RawTerms, mut t: Terms) -> Result<Terms> {
    if let Some(c) = &raw.commission {
        t.broker.commission_rate = parse_rate(&format!("[{section}] commission"), c)?;
    }
    if let Some(m) = money(section, "min_commission", &raw.min_commission)? {
        t.broker.min_commission = m;
    }
    if let Some(h) = money(section, "handling_fee", &raw.handling_fee)? {
        t.broker.handling_fee = h;
    }
    t.margin_handling_fee = money(section, "margin_handling_fee", &raw.margin_handling_fee)?;
    if let Some(r) = &raw.margin_rate {
        t.margin_rate = Some(parse_rate(&format!("[{section}] margin_rate"), r)?);
    }
    Ok(t)
}

impl Config {
    /// Parses `daxin.toml` text; `origin` names the file in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Config> {
        let wrap = |e: Error| Error::data(origin, crate::error::Why::of(&e));
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            Error::data(
                origin,
                crate::error::Why::toml(&e, text, e.to_string().trim_end()),
            )
        })?;
        let d = Config::default();
        Ok(Config {
            cny: terms("cny", &raw.cny, d.cny).map_err(wrap)?,
            hkd: terms("hkd", &raw.hkd, d.hkd).map_err(wrap)?,
        })
    }

    /// The terms for a currency.
    pub fn terms(&self, currency: Currency) -> Terms {
        match currency {
            Currency::Cny => self.cny,
            Currency::Hkd => self.hkd,
        }
    }

    /// The broker terms for a currency.
    pub fn broker(&self, currency: Currency) -> Broker {
        self.terms(currency).broker
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_section_and_field() {
        let e = Config::from_toml("[hkd]\ncommission = \"150%\"\n", "x.toml").unwrap_err();
        assert!(e.to_string().contains("[hkd] commission"), "{e}");
        let e = Config::from_toml("[hkd]\nmin_commission = \"-1\"\n", "x.toml").unwrap_err();
        assert!(e.to_string().contains("[hkd] min_commission"), "{e}");
        assert!(Config::from_toml("[usd]\n", "x.toml").is_err());
    }

    #[test]
    fn margin_terms() {
        let c = Config::from_toml(
            "[hkd]\nmargin_rate = \"3.99%\"\nmargin_handling_fee = \"100\"\n",
            "x",
        )
        .unwrap();
        let t = c.terms(Currency::Hkd);
        assert_eq!(t.margin_rate.unwrap().to_string(), "0.0399");
        assert_eq!(t.margin_handling_fee.unwrap().to_string(), "100");
    }
}
