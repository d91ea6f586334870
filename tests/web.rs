//! Route tests of `daxin serve` (issue #16), in process through
//! `tower::ServiceExt::oneshot` (no socket): status codes, the figures on
//! the pages against the CLI's JSON, escaping of every input, body limits,
//! and the headers every response carries.

use std::process::{Command, Stdio};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::NaiveDate;
use daxin::config::Config;
use daxin::data::Dataset;
use daxin::num::{big, group};
use daxin::web::{router, AppState, LedgerReader, CSP, MAX_ARTICLE};
use daxin::Lang;
use rust_decimal::Decimal;
use tower::ServiceExt;

const TODAY: &str = "2026-01-05";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn app() -> Router {
    router(AppState::new(
        Dataset::builtin().unwrap(),
        Config::default(),
        today(),
    ))
}

struct Resp {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

fn send(app: Router, req: Request<Body>) -> Resp {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(async move {
        let res = app.oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        Resp {
            status,
            headers,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    })
}

fn get(uri: &str) -> Resp {
    send(
        app(),
        Request::get(uri)
            .header(header::HOST, "127.0.0.1:8421")
            .body(Body::empty())
            .unwrap(),
    )
}

fn post(uri: &str, content_type: &str, body: Vec<u8>) -> Resp {
    send(
        app(),
        Request::post(uri)
            .header(header::HOST, "127.0.0.1:8421")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
}

fn form(pairs: &[(&str, &str)]) -> Vec<u8> {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

/// Percent-encodes a query value.
fn q(s: &str) -> String {
    String::from_utf8(form(&[("x", s)])).unwrap()[2..].to_string()
}

/// The CLI's stdout for `args` (and `stdin`), which must succeed.
fn cli(args: &[&str], stdin: Option<&str>) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_daxin"))
        .args(args)
        .env_remove("DAXIN_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-daxin-test")
        .env("HOME", "/nonexistent-daxin-test")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        use std::io::Write;
        c.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(c.stdin.take());
    let out = c.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of the element carrying `data-k="key"` (the first one).
fn cell(page: &str, key: &str) -> String {
    let at = page
        .find(&format!("data-k=\"{key}\""))
        .unwrap_or_else(|| panic!("no data-k={key}"));
    let rest = &page[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest[start..].find('<').unwrap() + start;
    rest[start..end].to_string()
}

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

// ---- status codes and headers ----

#[test]
fn status_codes() {
    for (uri, want) in [
        ("/", StatusCode::OK),
        ("/?lang=en&sort=close&dir=asc", StatusCode::OK),
        ("/ipo/688802", StatusCode::OK),
        ("/ipo/MetaX?lang=en", StatusCode::OK),
        ("/ipo/6082.HK?margin_lots=10&leverage=10&margin_rate=3.99%25&deadline=2025-12-29&results_date=2025-12-31", StatusCode::OK),
        ("/ipo/nosuch", StatusCode::NOT_FOUND),
        ("/ipo/688802?commission=0.025", StatusCode::BAD_REQUEST),
        ("/lot", StatusCode::OK),
        ("/lot?issue_price=104.66&board=star&date=2025-12-08&close=829.90", StatusCode::OK),
        ("/lot?issue_price=-1&board=star", StatusCode::BAD_REQUEST),
        ("/lot?issue_price=%E2%80%94&board=star", StatusCode::BAD_REQUEST),
        ("/odds", StatusCode::OK),
        ("/odds?ipo=688802&sh=500000", StatusCode::OK),
        ("/odds?ipo=688802&sh=abc", StatusCode::BAD_REQUEST),
        ("/odds?board=bse&sh=1", StatusCode::BAD_REQUEST),
        ("/path", StatusCode::OK),
        ("/path?issue_price=13.77&board=sse-main&date=2018-06-08&days=3", StatusCode::OK),
        ("/path?issue_price=13.77&board=sse-main&date=2018-06-08&days=999", StatusCode::BAD_REQUEST),
        ("/audit", StatusCode::OK),
        ("/batch", StatusCode::OK),
        ("/wins", StatusCode::OK),
        ("/style.css", StatusCode::OK),
        ("/no/such/page", StatusCode::NOT_FOUND),
        ("/api/ipo/nosuch", StatusCode::NOT_FOUND),
        ("/api/lot?issue_price=0", StatusCode::BAD_REQUEST),
        ("/api/wins", StatusCode::NOT_FOUND),
    ] {
        let r = get(uri);
        assert_eq!(r.status, want, "{uri}: {}", &r.body[..r.body.len().min(400)]);
        // every response, errors included, carries the policy
        assert_eq!(r.headers[header::CONTENT_SECURITY_POLICY], CSP, "{uri}");
        assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{uri}");
    }
    let r = post("/ipo/688802", "text/plain", Vec::new());
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[test]
fn only_loopback_host_names_are_served() {
    for (host, want) in [
        ("127.0.0.1:8421", StatusCode::OK),
        ("localhost:8421", StatusCode::OK),
        ("[::1]:8421", StatusCode::OK),
        ("attacker.example:8421", StatusCode::MISDIRECTED_REQUEST),
        ("127.0.0.1.nip.io", StatusCode::MISDIRECTED_REQUEST),
    ] {
        let r = send(
            app(),
            Request::get("/")
                .header(header::HOST, host)
                .body(Body::empty())
                .unwrap(),
        );
        assert_eq!(r.status, want, "{host}");
    }
}

#[test]
fn pages_load_nothing_from_elsewhere_and_need_no_script() {
    for uri in [
        "/",
        "/ipo/688802",
        "/lot?issue_price=19.60&board=hkex&lot_size=200&open=35.70",
        "/odds?ipo=688802&sh=500000",
        "/path?issue_price=13.77&board=sse-main&date=2018-06-08&days=3",
    ] {
        let b = get(uri).body;
        assert!(!b.contains("<script"), "{uri}");
        assert!(!b.contains(" src="), "{uri}");
        assert!(
            !b.contains("style=\""),
            "{uri}: an inline style breaks the CSP"
        );
        assert!(
            b.contains("<link rel=\"stylesheet\" href=\"/style.css\">"),
            "{uri}"
        );
    }
}

// ---- the figures on the page equal the CLI's JSON ----

#[test]
fn ipo_api_is_the_cli_json_and_the_page_shows_its_figures() {
    let json = cli(&["show", "688802", "--format", "json"], None);
    let api = get("/api/ipo/688802");
    assert_eq!(api.status, StatusCode::OK);
    assert_eq!(api.body, json, "/api/ipo is `daxin show --format json`");
    assert_eq!(
        get("/api/ipo/MetaX?lang=en&fees=1&commission=%E4%B8%872.5&sell_date=2025-12-17&explain=1")
            .body,
        cli(
            &[
                "show",
                "MetaX",
                "--lang",
                "en",
                "--fees",
                "--commission",
                "万2.5",
                "--sell-date",
                "2025-12-17",
                "--explain",
                "--format",
                "json"
            ],
            None
        )
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page = get("/ipo/688802").body;
    let figures = v["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 3);
    for f in figures {
        let b = f["basis"].as_str().unwrap();
        assert_eq!(
            cell(&page, &format!("{b}.price")),
            f["price"].as_str().unwrap()
        );
        assert_eq!(
            cell(&page, &format!("{b}.profit_per_lot")),
            group(dec(&f["profit_per_lot"]), 2)
        );
        assert_eq!(
            cell(&page, &format!("{b}.gain_pct")),
            format!("{}%", f["gain_pct"].as_str().unwrap())
        );
        assert_eq!(
            cell(&page, &format!("{b}.market_cap")),
            big(dec(&f["market_cap"]), Lang::Zh)
        );
        assert_eq!(
            cell(&page, &format!("{b}.net_profit_per_lot")),
            group(dec(&f["net_profit_per_lot"]), 2)
        );
        assert_eq!(
            cell(&page, &format!("{b}.break_even_price")),
            f["break_even_price"].as_str().unwrap()
        );
    }
    // (700 − 104.66) × 500, as the README and the press give it
    assert_eq!(cell(&page, "open.profit_per_lot"), "297,670.00");
    assert!(page.contains("<svg"), "the per-lot chart");
    // the headline sentences and the working
    assert!(page.contains("浮盈近30万元"));
    assert!(page.contains("<details"));
}

#[test]
fn lot_page_is_daxin_lot() {
    let args = [
        "lot",
        "--issue-price",
        "19.60",
        "--board",
        "hkex",
        "--lot-size",
        "200",
        "--open",
        "35.70",
        "--close",
        "34.46",
        "--deadline",
        "2025-12-29",
        "--sell-date",
        "2026-01-02",
        "--lang",
        "en",
        "--format",
        "json",
    ];
    let json = cli(&args, None);
    let query = "issue_price=19.60&board=hkex&lot_size=200&open=35.70&close=34.46&deadline=2025-12-29&sell_date=2026-01-02&lang=en";
    assert_eq!(get(&format!("/api/lot?{query}")).body, json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page = get(&format!("/lot?{query}")).body;
    for f in v["figures"].as_array().unwrap() {
        let b = f["basis"].as_str().unwrap();
        assert_eq!(
            cell(&page, &format!("{b}.profit_per_lot")),
            group(dec(&f["profit_per_lot"]), 2)
        );
    }
    // 壁仞科技 at the open: (35.70 − 19.60) × 200
    assert_eq!(cell(&page, "open.profit_per_lot"), "3,220.00");
}

#[test]
fn odds_path_headline_list_and_audit_apis_are_the_cli_json() {
    assert_eq!(
        get("/api/odds?ipo=688802&sh=500000&lang=en").body,
        cli(
            &["odds", "688802", "--sh", "500000", "--lang", "en", "--format", "json"],
            None
        )
    );
    assert_eq!(
        get("/api/path?issue_price=13.77&board=sse-main&date=2018-06-08&days=3&explain=1").body,
        cli(
            &[
                "path",
                "--issue-price",
                "13.77",
                "--board",
                "sse-main",
                "--date",
                "2018-06-08",
                "--days",
                "3",
                "--explain",
                "--format",
                "json"
            ],
            None
        )
    );
    assert_eq!(
        get("/api/headline/688802?basis=open").body,
        cli(
            &["headline", "688802", "--basis", "open", "--format", "json"],
            None
        )
    );
    assert_eq!(
        get("/api/list").body,
        cli(&["list", "--format", "json"], None)
    );
    let article = "沐曦股份首日收涨692.95%，中一签浮盈近30万元。\n壁仞科技盘中最高涨幅达120%。\n";
    let api = post(
        "/api/audit?lang=en&explain=1",
        "text/plain; charset=utf-8",
        article.as_bytes().to_vec(),
    );
    assert_eq!(api.status, StatusCode::OK);
    assert_eq!(
        api.body,
        cli(
            &["audit", "--lang", "en", "--explain", "--format", "json"],
            Some(article)
        )
    );
}

#[test]
fn odds_and_path_pages_show_the_reports_figures() {
    let v: serde_json::Value =
        serde_json::from_str(&get("/api/odds?ipo=688802&sh=500000").body).unwrap();
    let page = get("/odds?ipo=688802&sh=500000").body;
    assert_eq!(cell(&page, "numbers"), v["numbers"].to_string());
    assert_eq!(
        cell(&page, "expected_profit"),
        group(dec(&v["expected_profit"]), 2)
    );
    // 12 numbers × 0.03348913% × ¥362,620 (the library's own doc example)
    assert_eq!(cell(&page, "expected_profit"), "1,457.26");
    assert!(page.contains("<svg"));
    let page = get("/path?issue_price=13.77&board=sse-main&date=2018-06-08&days=3").body;
    // 工业富联's run: 19.83, 21.81, 23.99 (the Taipei Times' 23.99 on day 3)
    assert_eq!(cell(&page, "3.price"), "23.99");
    assert_eq!(cell(&page, "1.profit_per_lot"), "6,060.00");
}

#[test]
fn audit_box_marks_each_claim_in_place() {
    let article = "沐曦股份首日收涨692.95%，中一签浮盈近30万元。\n壁仞科技盘中最高涨幅达120%。";
    let r = post(
        "/audit",
        "application/x-www-form-urlencoded",
        form(&[("text", article), ("lang", "en")]),
    );
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<mark class=\"ok\""), "{}", r.body);
    assert!(
        r.body.contains("<mark class=\"warn\""),
        "approximate: 120% vs 118.78%"
    );
    assert!(r.body.contains("true at the closing price, 829.90"));
    assert!(r.body.contains("nearest: the high gives 118.78%"));
}

#[test]
fn batch_page_recomputes_each_row() {
    let table = std::fs::read_to_string("fixtures/import/akshare_xgsglb_gpu.csv").unwrap();
    let r = post(
        "/batch",
        "application/x-www-form-urlencoded",
        form(&[("table", &table)]),
    );
    assert_eq!(r.status, StatusCode::OK);
    // 沐曦股份's row: (829.90 − 104.66) × 500, and it checks
    assert!(r.body.contains(">362620.00<"), "{}", r.body);
    assert!(r.body.contains("badge ok"));
    let r = post(
        "/batch",
        "application/x-www-form-urlencoded",
        form(&[("table", "a,b\n1,2\n")]),
    );
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[test]
fn wins_page_reports_the_servers_ledger_as_the_cli_does() {
    let dir = std::env::temp_dir().join(format!("daxin-web-wins-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("wins.toml");
    let text = "[[win]]\ncode = \"688802\"\naccount = \"华泰\"\ndate = \"2025-12-05\"\npaid = \"2025-12-09\"\nshares = 500\n\n[[win.sale]]\ndate = \"2025-12-17\"\nprice = \"829.90\"\nshares = 500\n";
    std::fs::write(&path, text).unwrap();
    let owned = text.to_string();
    let read: LedgerReader = Arc::new(move || Ok(Some(owned.clone())));
    let state = AppState::with_clock(
        Dataset::builtin().unwrap(),
        Config::default(),
        Arc::new(today),
        Some(("wins.toml".into(), read)),
    );
    let req = |uri: &str| {
        Request::get(uri)
            .header(header::HOST, "localhost")
            .body(Body::empty())
            .unwrap()
    };
    let page = send(router(state.clone()), req("/wins"));
    assert_eq!(page.status, StatusCode::OK);
    // the README's figure: 沐曦股份 sold at the close nets 362,282.18
    assert_eq!(cell(&page.body, "net_profit"), "362,282.18");
    let api = send(router(state), req("/api/wins"));
    let p = path.to_str().unwrap();
    assert_eq!(
        api.body,
        cli(
            &["wins", "report", "--ledger", p, "--today", TODAY, "--format", "json"],
            None
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn strategy_page_and_api_are_daxin_strategy() {
    let file = "fixtures/strategy/a-share-2025.csv";
    let table = std::fs::read_to_string(file).unwrap();
    let fields = [
        ("table", table.as_str()),
        ("sh", "200000"),
        ("sz", "150000"),
        ("lang", "en"),
    ];
    let api = post(
        "/api/strategy",
        "application/x-www-form-urlencoded",
        form(&fields),
    );
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let want = cli(
        &[
            "strategy", file, "--sh", "200000", "--sz", "150000", "--lang", "en", "--format",
            "json",
        ],
        None,
    );
    assert_eq!(api.body, want);
    // 华电新能 has no cap at all (none in the row or the SSE main board's
    // rules): null, not a "no cap" marker printed as shares
    let v: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let hd = v["rows"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["code"] == "600930"))
        .unwrap();
    assert_eq!(hd["cap_shares"], serde_json::Value::Null);
    let page = post(
        "/strategy",
        "application/x-www-form-urlencoded",
        form(&fields),
    );
    assert_eq!(page.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&want).unwrap();
    let total = dec(&json["expected_profit"]);
    assert!(
        page.body
            .contains(&format!("data-k=\"expected_profit\">{}<", group(total, 2))),
        "{}",
        page.body
    );
    // 摩尔线程 at 20万 of Shanghai value: its cap of 11,000 shares is 22
    // numbers; 22 × 0.03635054 % × 243,110 (its published 每中一签获利)
    let row = &page.body[page.body.find("data-code=\"688795\"").unwrap()..];
    assert_eq!(cell(row, "expected_profit"), "1,944.18");
    // with explain, the working comes along, as --explain gives it
    let mut with = fields.to_vec();
    with.push(("explain", "1"));
    let api = post(
        "/api/strategy",
        "application/x-www-form-urlencoded",
        form(&with),
    );
    let want = cli(
        &[
            "strategy",
            file,
            "--sh",
            "200000",
            "--sz",
            "150000",
            "--lang",
            "en",
            "--format",
            "json",
            "--explain",
        ],
        None,
    );
    assert_eq!(api.body, want);
}

#[test]
fn strategy_errors_name_the_field() {
    let r = post(
        "/strategy",
        "application/x-www-form-urlencoded",
        form(&[("sh", "-5")]),
    );
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("sh：市值不能为负"), "{}", r.body);
    let r = post(
        "/api/strategy",
        "application/x-www-form-urlencoded",
        form(&[("sz", "1")])
            .into_iter()
            .chain(b"&accounts=3".iter().copied())
            .collect(),
    );
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("accounts 用于分配 total"), "{}", r.body);
    // a blank table is the built-in data
    let r = post(
        "/api/strategy",
        "application/x-www-form-urlencoded",
        form(&[("sh", "100000")]),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

// ---- escaping: script and markup in every input ----

const EVIL: &str = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

fn assert_escaped(what: &str, body: &str) {
    assert!(!body.contains("<script>alert"), "{what}: raw script");
    assert!(!body.contains("<img src=x"), "{what}: raw markup");
}

#[test]
fn script_and_markup_in_every_input_come_back_escaped() {
    let e = q(EVIL);
    let uris = [
        format!("/?lang={e}&sort={e}&dir={e}"),
        format!("/ipo/{e}"),
        format!("/ipo/688802?lang={e}&commission={e}&min_commission={e}&pay_date={e}&sell_date={e}"),
        format!("/ipo/6082.HK?handling_fee={e}&margin_lots={e}&leverage={e}&margin_rate={e}&deadline={e}&results_date={e}"),
        format!("/lot?issue_price={e}&board={e}&date={e}&lot_size={e}&open={e}&high={e}&low={e}&close={e}&shares={e}&name={e}&commission={e}&sell_date={e}"),
        format!("/lot?issue_price=10&board=star&date=2025-01-02&close=12&name={e}"),
        format!("/odds?ipo={e}&board={e}&sh={e}&sz={e}&cap={e}&win_rate={e}&date={e}"),
        format!("/odds?board={e}&sh=1"),
        format!("/path?issue_price={e}&board={e}&date={e}&days={e}&lot_size={e}"),
        format!("/path?issue_price=10&board={e}&date=2020-01-02&days=2"),
        format!("/wins?by={e}&lang={e}"),
        format!("/audit?lang={e}"),
        format!("/batch?lang={e}"),
        format!("/{e}?lang={e}"),
        format!("/api/ipo/{e}"),
        format!("/api/lot?issue_price={e}"),
    ];
    for u in &uris {
        let r = get(u);
        assert_escaped(u, &r.body);
        if u.starts_with("/api/") {
            assert_eq!(
                r.headers[header::CONTENT_TYPE],
                "application/json; charset=utf-8"
            );
            assert!(!r.body.contains('<'), "{u}: {}", r.body);
        }
    }
    // the value typed comes back, escaped, in the form or the message
    let r = get(&format!(
        "/lot?issue_price=10&board=star&date=2025-01-02&close=12&name={e}"
    ));
    assert!(
        r.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        r.body
    );
    let r = get(&format!("/lot?issue_price={e}&board=star"));
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("&lt;script&gt;"), "{}", r.body);

    let article = format!("沐曦股份{EVIL}首日收涨692.95%，中一签浮盈近30万元。{EVIL}");
    let r = post(
        "/audit",
        "application/x-www-form-urlencoded",
        form(&[("text", &article), ("lang", EVIL)]),
    );
    assert_eq!(r.status, StatusCode::OK);
    assert_escaped("audit", &r.body);
    assert!(r.body.contains("&lt;img src=x"), "{}", r.body);

    let table = format!(
        "股票代码,股票简称,发行价格,首日收盘价,上市日期\n688802,{EVIL},104.66,829.90,2025-12-17\n{EVIL},x,{EVIL},1,2025-01-01\n"
    );
    let r = post(
        "/batch",
        "application/x-www-form-urlencoded",
        form(&[("table", &table)]),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_escaped("batch", &r.body);
    assert!(r.body.contains("&lt;img src=x"));

    let r = post(
        "/batch",
        "application/x-www-form-urlencoded",
        form(&[("table", EVIL)]),
    );
    assert_escaped("batch header", &r.body);

    let table = format!(
        "股票代码,股票简称,发行价格,首日收盘价,上市日期,申购日期,中签率\n688802,{EVIL},104.66,829.90,2025-12-17,2025-12-05,0.03348913\n{EVIL},x,{EVIL},1,2025-01-01,-,-\n"
    );
    for f in ["sh", "total", "accounts", "basis", "from", "to", "lang"] {
        let r = post(
            "/strategy",
            "application/x-www-form-urlencoded",
            form(&[("table", &table), ("sz", "100000"), (f, EVIL)]),
        );
        assert_escaped(f, &r.body);
        assert!(r.body.contains("&lt;img src=x"), "{f}: {}", r.body);
    }
    let r = post(
        "/api/strategy",
        "application/x-www-form-urlencoded",
        form(&[("table", EVIL), ("sh", EVIL)]),
    );
    assert_escaped("api strategy", &r.body);
    assert!(!r.body.contains('<'), "{}", r.body);
}

#[test]
fn a_ledger_with_markup_comes_back_escaped() {
    let text = format!(
        "[[win]]\ncode = \"688802\"\naccount = \"{}\"\ndate = \"2025-12-05\"\nshares = 500\n",
        EVIL.replace('"', "\\\"")
    );
    let read: LedgerReader = Arc::new(move || Ok(Some(text.clone())));
    let state = AppState::with_clock(
        Dataset::builtin().unwrap(),
        Config::default(),
        Arc::new(today),
        Some((EVIL.into(), read)),
    );
    let r = send(
        router(state),
        Request::get("/wins?by=account")
            .header(header::HOST, "localhost")
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_escaped("wins", &r.body);
    assert!(r.body.contains("&lt;script&gt;alert(1)"));
}

// ---- limits ----

#[test]
fn an_article_of_one_mebibyte_is_read_and_a_larger_one_refused() {
    let at_limit = "a".repeat(MAX_ARTICLE);
    let r = post(
        "/audit",
        "application/x-www-form-urlencoded",
        form(&[("text", &at_limit)]),
    );
    assert_eq!(r.status, StatusCode::OK);
    let over = "a".repeat(MAX_ARTICLE + 1);
    let r = post(
        "/audit",
        "application/x-www-form-urlencoded",
        form(&[("text", &over)]),
    );
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // a body past the form's limit is refused before it is read
    let huge = "a".repeat(4 * MAX_ARTICLE);
    let r = post(
        "/audit",
        "application/x-www-form-urlencoded",
        form(&[("text", &huge)]),
    );
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    let r = post("/api/audit", "text/plain", over.into_bytes());
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    let r = post("/api/audit", "text/plain", at_limit.into_bytes());
    assert_eq!(r.status, StatusCode::OK);
}

#[test]
fn a_strategy_table_past_four_mebibytes_is_refused() {
    let over = "a".repeat(daxin::web::MAX_TABLE + 1);
    for uri in ["/strategy", "/api/strategy"] {
        let r = post(
            uri,
            "application/x-www-form-urlencoded",
            form(&[("table", &over), ("sh", "1")]),
        );
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{uri}");
    }
}

// ---- the self-contained files ----

#[test]
fn format_html_writes_one_self_contained_file() {
    let page = cli(&["show", "688802", "--format", "html"], None);
    let lot = cli(
        &[
            "lot",
            "--issue-price",
            "13.77",
            "--board",
            "sse-main",
            "--date",
            "2018-05-28",
            "--close",
            "19.83",
            "--format",
            "html",
            "--lang",
            "en",
        ],
        None,
    );
    let audit = cli(
        &["audit", "--format", "html"],
        Some("沐曦股份首日收涨692.95%。"),
    );
    let batch = cli(
        &[
            "batch",
            "fixtures/import/akshare_xgsglb_gpu.csv",
            "--format",
            "html",
        ],
        None,
    );
    for (what, p) in [
        ("show", &page),
        ("lot", &lot),
        ("audit", &audit),
        ("batch", &batch),
    ] {
        assert!(p.starts_with("<!DOCTYPE html>"), "{what}");
        assert!(p.contains("<style>"), "{what}: the stylesheet inline");
        assert!(!p.contains("<link"), "{what}");
        assert!(!p.contains("<script"), "{what}");
        assert!(!p.contains(" src="), "{what}");
        assert!(!p.contains("href=\"/"), "{what}: no link back to a server");
    }
    assert!(page.contains("<svg") && page.contains("297,670.00"));
    // 工业富联 at its first close: (19.83 − 13.77) × 1000
    assert!(lot.contains("6,060.00") && lot.contains("lang=\"en\""));
    assert!(audit.contains("<mark class=\"ok\""));
    assert!(batch.contains(">362620.00<"));
    let err = Command::new(env!("CARGO_BIN_EXE_daxin"))
        .args(["rules", "--board", "star", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&err.stderr).contains("只用于 show、lot、batch 与 audit"));
}

#[test]
fn batch_html_shows_each_rows_working_with_explain() {
    // --explain on `batch --format html` (and the page's checkbox) adds the
    // working of each row, in the page's language; without it, no column
    let muxi = "(829.90 − 104.66) × 500 = 362,620.00; (829.90 − 104.66) ÷ 104.66 × 100 = 692.95%";
    let args = [
        "batch",
        "fixtures/import/akshare_xgsglb_gpu.csv",
        "--format",
        "html",
    ];
    let plain = cli(&args, None);
    assert!(!plain.contains("计算过程") && !plain.contains(muxi));
    let mut with = args.to_vec();
    with.push("--explain");
    let zh = cli(&with, None);
    assert!(
        zh.contains("<th>计算过程</th>") && zh.contains(muxi),
        "{zh}"
    );
    with.extend(["--lang", "en"]);
    let en = cli(&with, None);
    assert!(en.contains("<th>working</th>") && en.contains(muxi));

    let table = std::fs::read_to_string("fixtures/import/akshare_xgsglb_gpu.csv").unwrap();
    let r = post(
        "/batch",
        "application/x-www-form-urlencoded",
        form(&[("table", &table), ("explain", "1")]),
    );
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains(muxi) && r.body.contains("checked"),
        "{}",
        r.body
    );
}

#[test]
fn the_chinese_page_names_checks_and_rates_in_chinese() {
    // the trial: `show --format html` (zh) printed `(gain_pct @ open)`,
    // `中签率 (final)` and `(market_cap)` where the terminal prints
    // （开盘价·涨幅）, 最终 and （发行时·总市值）
    let zh = cli(&["show", "688802", "--format", "html"], None);
    assert!(
        zh.contains("中签率 (最终)") && zh.contains("(开盘价·涨幅)"),
        "{zh}"
    );
    for raw in ["@ open", "@ close", "(final)", "(market_cap", "(gain_pct"] {
        assert!(!zh.contains(raw), "{raw}");
    }
    let en = cli(
        &["show", "688802", "--format", "html", "--lang", "en"],
        None,
    );
    assert!(en.contains("(gain_pct @ open)") && en.contains("Win rate (final)"));
}

#[test]
fn the_chinese_batch_page_names_boards_and_prices() {
    // the re-trial: the zh batch page showed `star`, `chinext` and `close`
    let zh = cli(
        &[
            "batch",
            "fixtures/import/akshare_xgsglb_gpu.csv",
            "--format",
            "html",
        ],
        None,
    );
    assert!(zh.contains(">科创板<") && zh.contains(">创业板<") && zh.contains(">收盘价<"));
    assert!(!zh.contains(">star<") && !zh.contains(">close<"));
}

#[test]
fn the_audit_api_reads_a_gbk_body_and_pages_are_titled_in_their_language() {
    // the re-trial: a GB18030 body gave HTTP 400 and English plain text,
    // though `daxin audit` reads the same file; a zh 404 was titled
    // "404 Not Found"
    let (gbk, _, _) = encoding_rs::GB18030.encode("沐曦股份首日收涨692.95%。");
    let r = post("/api/audit", "text/plain", gbk.into_owned());
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("\"confirmed\""), "{}", r.body);
    let r = get("/no-such-page");
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("<title>404 · 出错了"), "{}", r.body);
}
