//! The audit box (`/audit`, `daxin audit --format html`): an article pasted
//! in, every claim the library's [`crate::audit::audit`] found highlighted
//! in place, coloured by its verdict, with its basis.
//!
//! Kept in one module against the public entry point, so that a change of
//! the audit's report type touches only this file.

use axum::extract::{Form, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::audit::{normalize_text, Audit, Claim, Verdict};
use crate::headline::Lang;

use super::ipo::lang_of;
use super::page::{document, error_box, lang_field, lang_of_query, respond, t, Ctx};
use super::{AppState, MAX_ARTICLE};

/// The audit form.
#[derive(Debug, Deserialize)]
pub struct AuditForm {
    /// The article.
    #[serde(default)]
    pub text: String,
    /// Page language.
    pub lang: Option<String>,
}

fn verdict_word(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Confirmed => t(lang, "属实", "confirmed"),
        Verdict::Approximate => t(lang, "近似", "approximate"),
        Verdict::Contradicted => t(lang, "不符", "contradicted"),
        Verdict::Unverifiable => t(lang, "无法核实", "unverifiable"),
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Confirmed => "ok",
        Verdict::Approximate => "warn",
        Verdict::Contradicted => "bad",
        Verdict::Unverifiable => "na",
    }
}

/// The note of a claim, with the mixed-bases remark, as `daxin audit` words it.
fn why(c: &Claim, lang: Lang) -> String {
    let mut w = c.note.text(lang);
    if c.mixed_bases {
        w.push_str(t(
            lang,
            "；同句数字须按不同价格才成立",
            "; mixed bases: the sentence's figures hold only at different prices",
        ));
    }
    w
}

/// The JSON `daxin audit --format json` prints for the same text.
pub(crate) fn audit_json(a: &Audit, lang: Lang, explain: bool) -> String {
    let doc = crate::audit::report::AuditDoc::new(a, lang, explain);
    format!(
        "{}\n",
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    )
}

/// Where each claim's words are in the article, in characters: the audit
/// reads a copy whose characters map one to one onto the article's
/// (full-width and traditional forms folded), with line breaks inside a
/// sentence joined; a claim is looked for from the end of the one before.
fn locate(article: &str, claims: &[Claim]) -> Vec<Option<(usize, usize)>> {
    // claims are quoted as written: look for them in the article itself,
    // else in its folded copy (full-width and traditional forms)
    let raw: Vec<char> = article.chars().collect();
    let folded: Vec<char> = normalize_text(article).chars().collect();
    let mut from = 0;
    claims
        .iter()
        .map(|c| {
            let want: Vec<char> = c.text.chars().collect();
            let found = (from..raw.len())
                .find_map(|start| match_at(&raw, start, &want))
                .or_else(|| {
                    let want: Vec<char> = normalize_text(&c.text).chars().collect();
                    (from..folded.len()).find_map(|start| match_at(&folded, start, &want))
                });
            if let Some((_, end)) = found {
                from = end;
            }
            found
        })
        .collect()
}

fn match_at(norm: &[char], start: usize, want: &[char]) -> Option<(usize, usize)> {
    if want.is_empty() || norm.get(start) != want.first() {
        return None;
    }
    let (mut i, mut j) = (start, 0);
    while j < want.len() {
        let n = *norm.get(i)?;
        let w = want[j];
        if n == w || (w == ' ' && (n == '\n' || n == '\r')) {
            i += 1;
            j += 1;
        } else if n == '\n' || n == '\r' {
            i += 1;
        } else {
            return None;
        }
    }
    Some((start, i))
}

/// The article with each located claim marked.
fn highlighted(ctx: Ctx, article: &str, a: &Audit) -> Markup {
    let chars: Vec<char> = article.chars().collect();
    let spans = locate(article, &a.claims);
    let mut pieces: Vec<(String, Option<usize>)> = Vec::new();
    let mut at = 0;
    for (k, s) in spans.iter().enumerate() {
        if let Some((b, e)) = *s {
            if b < at {
                continue;
            }
            pieces.push((chars[at..b].iter().collect(), None));
            pieces.push((chars[b..e].iter().collect(), Some(k)));
            at = e;
        }
    }
    pieces.push((chars[at..].iter().collect(), None));
    html! {
        div.article {
            @for (text, claim) in &pieces {
                @match claim {
                    None => { (text) }
                    Some(k) => {
                        @let c = &a.claims[*k];
                        mark class=(verdict_class(c.verdict)) title={ (verdict_word(c.verdict, ctx.lang)) ": " (why(c, ctx.lang)) } {
                            (text) sup { a href={ "#c" (k + 1) } { (k + 1) } }
                        }
                    }
                }
            }
        }
    }
}

/// The whole result: the article marked, the claims, the skipped sentences.
fn result(ctx: Ctx, article: &str, a: &Audit) -> Markup {
    let lang = ctx.lang;
    let count = |v: Verdict| a.claims.iter().filter(|c| c.verdict == v).count();
    html! {
        section.card {
            h2 { (ctx.t("原文（已标出每条数字陈述）", "The article, each claim marked")) }
            p.legend {
                @for v in [Verdict::Confirmed, Verdict::Approximate, Verdict::Contradicted, Verdict::Unverifiable] {
                    span { mark class=(verdict_class(v)) { (verdict_word(v, lang)) } " " (count(v)) }
                }
            }
            (highlighted(ctx, article, a))
        }
        section.card {
            h2 { (ctx.t("逐条核查", "Claim by claim")) }
            @if a.claims.is_empty() {
                p.muted { (ctx.t("没有找到关于数据中新股的数字陈述。", "No claim about an IPO of the data was found.")) }
            } @else {
                div.scroll { table #claims {
                    thead { tr {
                        th { "#" }
                        th { (ctx.t("核查", "Verdict")) }
                        th { (ctx.t("新股", "IPO")) }
                        th { (ctx.t("原文", "Claim")) }
                        th { (ctx.t("依据", "Basis")) }
                    } }
                    tbody { @for (i, c) in a.claims.iter().enumerate() {
                        tr id={ "c" (i + 1) } data-verdict=(verdict_class(c.verdict)) {
                            td { (i + 1) }
                            td { span class={ "badge " (verdict_class(c.verdict)) } { (verdict_word(c.verdict, lang)) } }
                            td { (c.ipo) }
                            td { (c.text) }
                            td { (why(c, lang)) }
                        }
                    } }
                } }
            }
            @if !a.skipped.is_empty() {
                details {
                    summary { (ctx.t("未解析的句子", "Skipped sentences")) " (" (a.skipped.len()) ")" }
                    ul { @for s in &a.skipped { li { (s.text) " — " (s.reason.text(lang)) } } }
                }
            }
        }
    }
}

fn audit_form(ctx: Ctx, text: &str) -> Markup {
    html! {
        form #audit method="post" action="/audit" {
            (lang_field(ctx.lang))
            div.field {
                label for="text" { (ctx.t("粘贴一篇文章（中文或英文，最多 1 MiB）", "Paste an article (Chinese or English, up to 1 MiB)")) }
                textarea #text name="text" required { (text) }
            }
            p { button #check type="submit" { (ctx.t("核查", "Check")) } }
        }
    }
}

fn intro(ctx: Ctx) -> Markup {
    html! {
        h1 { (ctx.t("核查文章", "Check an article")) }
        p.sub { (ctx.t("找出文章中关于新股的涨幅、每签盈利、市值与价格，逐条说明按哪个价格成立（与 daxin audit 相同）。",
            "Finds the gains, per-lot profits, market values and prices an article states about IPOs, and says which price, if any, makes each true (as daxin audit does).")) }
    }
}

/// `GET /audit`.
pub async fn form_page(RawQuery(q): RawQuery) -> Response {
    let ctx = Ctx::served(lang_of_query(q.as_deref()));
    let title = ctx.t("核查文章", "Check an article");
    let body = html! { section.card { (intro(ctx)) (audit_form(ctx, "")) } };
    respond(
        StatusCode::OK,
        document(ctx, title, "/audit", q.as_deref(), body),
    )
}

/// `POST /audit`.
pub async fn submit(State(state): State<AppState>, Form(f): Form<AuditForm>) -> Response {
    let lang = lang_of(&f.lang);
    let ctx = Ctx::served(lang);
    let title = ctx.t("核查文章", "Check an article");
    let q = format!("lang={}", super::page::lang_id(lang));
    if f.text.len() > MAX_ARTICLE {
        let msg = format!(
            "{} {} > {MAX_ARTICLE}",
            ctx.t("文章过长（字节）：", "The article is too long (bytes):"),
            f.text.len()
        );
        let body =
            html! { section.card { (intro(ctx)) (error_box(ctx, &msg)) (audit_form(ctx, "")) } };
        return respond(
            StatusCode::PAYLOAD_TOO_LARGE,
            document(ctx, title, "/audit", Some(&q), body),
        );
    }
    let a = crate::audit::audit(&f.text, state.data());
    let body = html! {
        section.card { (intro(ctx)) (audit_form(ctx, &f.text)) }
        (result(ctx, &f.text, &a))
    };
    respond(
        StatusCode::OK,
        document(ctx, title, "/audit", Some(&q), body),
    )
}

/// The audit of `article` as one self-contained HTML file (`daxin audit --format html`).
pub fn audit_document(article: &str, a: &Audit, lang: Lang) -> String {
    let ctx = Ctx::file(lang);
    let body = html! {
        section.card { h1 { (ctx.t("文章核查", "Article check")) } }
        (result(ctx, article, a))
    };
    document(ctx, ctx.t("文章核查", "Article check"), "", None, body).into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_found_across_folded_characters_and_line_breaks() {
        let data = crate::data::Dataset::builtin().unwrap();
        let article = "沐曦股份首日收漲６９２．９５％，中一签\n浮盈近30万元。";
        let a = crate::audit::audit(article, &data);
        assert_eq!(a.claims.len(), 2, "{:?}", a.claims);
        let spans = locate(article, &a.claims);
        let chars: Vec<char> = article.chars().collect();
        let shown: Vec<String> = spans
            .iter()
            .map(|s| {
                s.map(|(b, e)| chars[b..e].iter().collect())
                    .unwrap_or_default()
            })
            .collect();
        assert!(shown[0].ends_with("６９２．９５％"), "{shown:?}");
        assert!(shown[1].contains("浮盈近30万元"), "{shown:?}");
    }
}
