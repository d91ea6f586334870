"""The work of `daxin batch` on the generated AKShare table with Python's
`decimal` module (exact, ROUND_HALF_UP), streaming row by row with `csv`.

    python bench/decimal_batch.py IN.csv OUT.csv
"""
import csv
import sys
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
LOT = Decimal(500)

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
        issue = Decimal(row[ii])
        close = Decimal(row[fi])
        profit = ((close - issue) * LOT).quantize(CENT, ROUND_HALF_UP)
        gain = ((close - issue) * HUNDRED / issue).quantize(CENT, ROUND_HALF_UP)
        lp = lg = ""
        if row[xi] != "-":
            latest = Decimal(row[xi])
            lp = ((latest - issue) * LOT).quantize(CENT, ROUND_HALF_UP)
            lg = ((latest - issue) * HUNDRED / issue).quantize(CENT, ROUND_HALF_UP)
        pp, pg = Decimal(row[pi]), Decimal(row[gi])
        ok = profit == pp.quantize(CENT, ROUND_HALF_UP) and gain == pg.quantize(CENT, ROUND_HALF_UP)
        w.writerow([row[ci], row[ni], row[li], row[ii], 500, row[fi], profit, gain, row[xi], lp, lg,
                    row[pi], row[gi], "ok" if ok else "differs"])
