"""Counts the cells of a peer's output that differ from daxin's, row by row:
profit per lot and gain at the first close and at the latest price, and
whether the check says ok.

    python bench/compare.py DAXIN.csv PEER.csv

Prints: rows, cells compared, cells that differ."""
import csv
import sys
from decimal import Decimal, InvalidOperation

COLS = ["profit_per_lot", "gain_pct", "latest_profit_per_lot", "latest_gain_pct"]


def norm(s):
    s = (s or "").strip()
    try:
        return Decimal(s).quantize(Decimal("0.01")) if s else ""
    except InvalidOperation:
        return s


with open(sys.argv[1], newline="", encoding="utf-8") as a, open(sys.argv[2], newline="", encoding="utf-8") as b:
    da, db = csv.DictReader(a), csv.DictReader(b)
    rows = cells = differ = 0
    for ra, rb in zip(da, db):
        rows += 1
        for c in COLS:
            cells += 1
            if norm(ra[c]) != norm(rb.get(c, "")):
                differ += 1
        cells += 1
        if (ra["check"] == "ok") != (rb.get("check") == "ok"):
            differ += 1
    print(rows, cells, differ)
