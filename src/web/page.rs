//! The frame every page shares: the document, the navigation, the language
//! switch, the stylesheet, and the display helpers (the CLI's rounding and
//! grouping, from [`crate::num`]).

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use rust_decimal::Decimal;

use crate::headline::Lang;
use crate::num::{self, fixed, group};

/// The stylesheet: served as `/style.css`, inlined in standalone files.
pub const CSS: &str = include_str!("style.css");

/// How a page is drawn: for the server (navigation, forms, the stylesheet
/// linked) or as one self-contained file (`--format html`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    /// The language of every line.
    pub lang: Lang,
    /// One file with its stylesheet inlined and no links to the server.
    pub standalone: bool,
}

impl Ctx {
    /// A page for the server.
    pub fn served(lang: Lang) -> Ctx {
        Ctx {
            lang,
            standalone: false,
        }
    }

    /// A self-contained file.
    pub fn file(lang: Lang) -> Ctx {
        Ctx {
            lang,
            standalone: true,
        }
    }

    /// The text in this page's language.
    pub fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        t(self.lang, zh, en)
    }
}

/// The text in `lang`.
pub fn t<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The `lang` parameter of a query string; Chinese when absent or unknown.
pub fn lang_of_query(q: Option<&str>) -> Lang {
    q.unwrap_or("")
        .split('&')
        .find_map(|kv| kv.strip_prefix("lang="))
        .and_then(|v| v.parse().ok())
        .unwrap_or_default()
}

/// The language's id, for links and forms.
pub fn lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// The same query string with `lang` set to `to`.
pub fn with_lang(query: Option<&str>, to: Lang) -> String {
    let mut parts: Vec<&str> = query
        .unwrap_or("")
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("lang="))
        .collect();
    let l = format!("lang={}", lang_id(to));
    parts.push(&l);
    parts.join("&")
}

const NAV: [(&str, &str, &str); 8] = [
    ("/", "新股列表", "IPOs"),
    ("/lot", "计算器", "Calculator"),
    ("/odds", "中签概率", "Odds"),
    ("/path", "连板路径", "Limit-up run"),
    ("/audit", "核查文章", "Check an article"),
    ("/batch", "批量核算", "Batch"),
    ("/strategy", "市值策略", "Strategy"),
    ("/wins", "我的中签", "My wins"),
];

/// A whole document. `here` is the page's path (for the navigation) and
/// `query` its query string (kept by the language switch).
pub fn document(ctx: Ctx, title: &str, here: &str, query: Option<&str>, body: Markup) -> Markup {
    let lang = ctx.lang;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let html_lang = t(lang, "zh-CN", "en");
    html! {
        (DOCTYPE)
        html lang=(html_lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · daxin" }
                @if ctx.standalone {
                    style { (PreEscaped(CSS)) }
                } @else {
                    link rel="stylesheet" href="/style.css";
                }
            }
            body {
                header.top {
                    div.bar {
                        @if ctx.standalone {
                            span.brand { "daxin " span.zh { "打新" } }
                        } @else {
                            a.brand href={ "/?lang=" (lang_id(lang)) } { "daxin " span.zh { "打新" } }
                            nav {
                                @for (path, zh, en) in NAV {
                                    a.current[path == here] href={ (path) "?lang=" (lang_id(lang)) } { (t(lang, zh, en)) }
                                }
                            }
                            a.lang href={ (here) "?" (with_lang(query, other)) } {
                                (t(lang, "English", "中文"))
                            }
                        }
                    }
                }
                main { (body) }
                footer {
                    p {
                        (t(lang,
                            "金额、价格与涨幅为精确十进制计算，显示时四舍五入（half-up）；数据与规则各附来源。",
                            "Exact decimal arithmetic; figures shown rounded half-up. Every value and rule carries its source."))
                    }
                }
            }
        }
    }
}

/// A page as a response.
pub fn respond(status: StatusCode, doc: Markup) -> Response {
    (status, Html(doc.into_string())).into_response()
}

/// A page that says what went wrong.
pub fn error_page(lang: Lang, status: StatusCode, msg: &str) -> Response {
    let ctx = Ctx::served(lang);
    let body = html! {
        section.card.error {
            h1 { (status.as_u16()) " · " (ctx.t("出错了", "Something is wrong")) }
            p { (msg) }
            p { a href={ "/?lang=" (lang_id(lang)) } { (ctx.t("返回新股列表", "Back to the IPOs")) } }
        }
    };
    // the title in the page's language too (`404 Not Found` was English)
    let title = format!(
        "{} · {}",
        status.as_u16(),
        ctx.t("出错了", "Something is wrong")
    );
    respond(status, document(ctx, &title, "", None, body))
}

/// A block that reports an input error above a form.
pub fn error_box(ctx: Ctx, msg: &str) -> Markup {
    html! {
        div.alert role="alert" {
            strong { (ctx.t("输入有误：", "Input error: ")) }
            (msg)
        }
    }
}

/// Money with thousands separators, half-up to the cent.
pub fn money(x: Decimal) -> String {
    group(x, num::MONEY_DP)
}

/// A percentage, half-up to 2 places, with its sign.
pub fn pct(x: Decimal) -> String {
    format!("{}%", fixed(x, num::PCT_DP))
}

/// A price at its own precision.
pub fn price(x: Decimal) -> String {
    fixed(x, num::price_dp(x))
}

/// `up` or `down` for a figure's sign (red up, green down, as the Chinese
/// markets colour them).
pub fn sign_class(x: Decimal) -> &'static str {
    if x.is_sign_negative() && !x.is_zero() {
        "num down"
    } else if x.is_zero() {
        "num"
    } else {
        "num up"
    }
}

/// A hidden `lang` field, so a form keeps the page's language.
pub fn lang_field(lang: Lang) -> Markup {
    html! { input type="hidden" name="lang" value=(lang_id(lang)); }
}
