// Drives headless Chromium over `daxin serve` with JavaScript disabled:
// loads each page, submits the forms as a person would, checks the figures
// in the resulting DOM and saves a screenshot of each page.
// Usage: node check.js BASE_URL OUT_DIR PROFILE_DIR BATCH_CSV STRATEGY_CSV
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, out, profile, batchCsv, strategyCsv] = process.argv.slice(2);
let passed = 0;
let failed = 0;

function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
}

async function text(page, selector) {
  const el = await page.$(selector);
  return el ? (await el.textContent()).trim() : null;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
}

(async () => {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });

  // The list of IPOs, sorted by the close's gain through the heading link.
  let res = await page.goto(`${base}/?lang=zh`);
  check('list loads', res.status() === 200);
  await Promise.all([page.waitForNavigation(), page.click('a[href*="sort=close"]')]);
  const first = await page.$eval('#ipos tbody tr', (tr) => tr.getAttribute('data-code'));
  check('list sorts by the close gain (沐曦股份 first)', first === '688802', first);
  check('list has the gain charts', (await page.$$('figure.chart svg')).length === 2);
  await shot(page, 'list');

  // One IPO: the figures, the headlines, the working, the fee form.
  res = await page.goto(`${base}/ipo/688802?lang=zh`);
  check('ipo page loads', res.status() === 200);
  check('ipo: open profit per lot 297,670.00', (await text(page, '[data-k="open.profit_per_lot"]')) === '297,670.00');
  check('ipo: close gain 692.95%', (await text(page, '[data-k="close.gain_pct"]')) === '692.95%');
  await page.click('details summary >> text=按我的券商费率计算');
  await page.fill('#commission', '万2.5');
  await page.fill('#sell_date', '2025-12-17');
  await Promise.all([page.waitForNavigation(), page.click('form.fields button[type=submit]')]);
  check('ipo fee form: net at the close 362,282.18', (await text(page, '[data-k="close.net_profit_per_lot"]')) === '362,282.18',
    await text(page, '[data-k="close.net_profit_per_lot"]'));
  await shot(page, 'ipo');

  // The language switch.
  await page.click('a.lang');
  check('language switch to English', (await page.getAttribute('html', 'lang')) === 'en');
  check('English page keeps the figures', (await text(page, '[data-k="open.profit_per_lot"]')) === '297,670.00');
  await shot(page, 'ipo-en');

  // The calculator, filled in and submitted.
  await page.goto(`${base}/lot?lang=en`);
  await page.fill('#issue_price', '104.66');
  await page.selectOption('#board', 'star');
  await page.fill('#date', '2025-12-08');
  await page.fill('#open', '700');
  await page.fill('#close', '829.90');
  await Promise.all([page.waitForNavigation(), page.click('#calc')]);
  check('calculator: open profit per lot 297,670.00', (await text(page, '[data-k="open.profit_per_lot"]')) === '297,670.00');
  check('calculator: close profit per lot 362,620.00', (await text(page, '[data-k="close.profit_per_lot"]')) === '362,620.00');
  await shot(page, 'calculator');

  // The calculator refuses a bad price with a message naming the field.
  await page.goto(`${base}/lot?lang=en`);
  await page.fill('#issue_price', '-5');
  await Promise.all([page.waitForNavigation(), page.click('#calc')]);
  const alert = (await text(page, '.alert')) || '';
  check('calculator: a negative price is refused, naming the field', alert.includes('issue_price'), alert);

  // The odds from 市值.
  await page.goto(`${base}/odds?lang=zh`);
  await page.selectOption('#ipo', '688802');
  await page.fill('#sh', '500000');
  await Promise.all([page.waitForNavigation(), page.click('#odds button[type=submit]')]);
  check('odds: 12 numbers', (await text(page, '[data-k="numbers"]')) === '12');
  check('odds: expected profit 1,457.26', (await text(page, '[data-k="expected_profit"]')) === '1,457.26');
  await shot(page, 'odds');

  // A limit-up run (工业富联, 2018).
  await page.goto(`${base}/path?lang=en`);
  await page.fill('#issue_price', '13.77');
  await page.selectOption('#board', 'sse-main');
  await page.fill('#date', '2018-06-08');
  await page.fill('#days', '5');
  await Promise.all([page.waitForNavigation(), page.click('#path-form button[type=submit]')]);
  check('path: day 3 closes at 23.99', (await text(page, '[data-k="3.price"]')) === '23.99');
  await shot(page, 'path');

  // The audit box.
  await page.goto(`${base}/audit?lang=en`);
  await page.fill('#text',
    '沐曦股份首日收涨692.95%，中一签浮盈近30万元。\n壁仞科技盘中最高涨幅达120%。\n摩尔线程收盘涨幅达468.78%。\n<script>alert(1)</script>');
  await Promise.all([page.waitForNavigation(), page.click('#check')]);
  const marks = await page.$$eval('.article mark', (ms) => ms.map((m) => m.className));
  check('audit: claims marked in place', marks.length >= 3, JSON.stringify(marks));
  check('audit: a confirmed and an approximate claim', marks.includes('ok') && marks.includes('warn'), JSON.stringify(marks));
  const article = await text(page, '.article');
  check('audit: markup in the article comes back as text', article.includes('<script>alert(1)</script>'));
  check('audit: no script element was made', (await page.$$('script')).length === 0);
  await shot(page, 'audit');

  // The batch form with a real table.
  await page.goto(`${base}/batch?lang=zh`);
  await page.fill('#table', fs.readFileSync(batchCsv, 'utf8'));
  await Promise.all([page.waitForNavigation(), page.click('#batch button[type=submit]')]);
  const rows = await page.$$('#rows tbody tr');
  check('batch: every row of the table', rows.length >= 5, String(rows.length));
  check('batch: 沐曦股份 362620.00', (await page.content()).includes('>362620.00<'));
  await shot(page, 'batch');

  // The strategy form: a year's table and the market value on each exchange.
  await page.goto(`${base}/strategy?lang=zh`);
  await page.fill('#table', fs.readFileSync(strategyCsv, 'utf8'));
  await page.fill('#sh', '200000');
  await page.fill('#sz', '150000');
  await Promise.all([page.waitForNavigation(), page.click('#strategy button[type=submit]')]);
  // 摩尔线程: 22 numbers (its 11,000-share cap) × 0.03635054 % × 243,110
  check('strategy: 摩尔线程 expects 1,944.18',
    (await text(page, '#rows tr[data-code="688795"] [data-k="expected_profit"]')) === '1,944.18');
  check('strategy: the spread and the curve are charted', (await page.$$('figure.chart svg')).length === 2);
  await shot(page, 'strategy');

  // My wins, from the ledger the server was started with.
  res = await page.goto(`${base}/wins?lang=zh`);
  check('wins loads', res.status() === 200);
  check('wins: net 362,282.18', (await text(page, '[data-k="net_profit"]')) === '362,282.18');
  await shot(page, 'wins');

  check('no Content-Security-Policy violation', violations.length === 0, violations.join(' | '));
  await context.close();
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  console.log(`browser: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
