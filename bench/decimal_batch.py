"""The work of `daxin batch` on the generated AKShare table with Python's
`decimal` module (exact, ROUND_HALF_UP), streaming row by row with `csv`.
A placeholder (`-`, `—`, empty, `nan`) is an unknown value, not an error.

    python bench/decimal_batch.py IN.csv OUT.csv
"""
import csv
import sys
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
LOT = Decimal(500)


def dec(s):
    s = s.strip()
    if s in ("", "-", "—", "--", "nan"):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def figures(price, issue):
    if price is None or issue is None or issue <= 0:
        return "", ""
    profit = ((price - issue) * LOT).quantize(CENT, ROUND_HALF_UP)
    gain = ((price - issue) * HUNDRED / issue).quantize(CENT, ROUND_HALF_UP)
    return profit, gain


src, dst = sys.argv[1], sys.argv[2]
with open(src, newline="", encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as g:
    r = csv.reader(f)
    w = csv.writer(g)
    head = next(r)
    ix = {h: i for i, h in enumerate(head)}
    ci, ni, ii, fi, li = ix["股票代码"], ix["股票简称"], ix["发行价格"], ix["首日收盘价"], ix["上市日期"]
    xi = ix["最新价"]
    gi, pi = ix["涨幅"], ix["每中一签获利"]
    w.writerow(["code", "name", "listing_date", "issue_price", "lot_shares", "price", "profit_per_lot",
                "gain_pct", "latest_price", "latest_profit_per_lot", "latest_gain_pct",
                "published_profit", "published_gain", "check"])
    for row in r:
        issue = dec(row[ii])
        profit, gain = figures(dec(row[fi]), issue)
        lp, lg = figures(dec(row[xi]), issue)
        pp, pg = dec(row[pi]), dec(row[gi])
        ok = (pp is not None and pg is not None and profit != ""
              and profit == pp.quantize(CENT, ROUND_HALF_UP) and gain == pg.quantize(CENT, ROUND_HALF_UP))
        w.writerow([row[ci], row[ni], row[li], row[ii], 500, row[fi], profit, gain, row[xi], lp, lg,
                    row[pi], row[gi], "ok" if ok else "differs"])
