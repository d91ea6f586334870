"""The work of `daxin batch` on the generated AKShare table, in pandas with
float arithmetic: per-lot profit and gain at the first close and at the
latest price, a check against the published 每中一签获利 and 涨幅, written
back as CSV.

    python bench/pandas_batch.py IN.csv OUT.csv

Lots are 500 shares: the generated rows are all STAR, SSE main board after
2023, SZSE main board and ChiNext rows (the rules daxin applies by date give
500 for every one of them)."""
import sys

import pandas as pd

src, dst = sys.argv[1], sys.argv[2]
df = pd.read_csv(src, dtype={"股票代码": str}, na_values=["-"])
lot = 500
issue = df["发行价格"]
close = df["首日收盘价"]
df["lot_shares"] = lot
df["profit_per_lot"] = ((close - issue) * lot).round(2)
df["gain_pct"] = ((close / issue - 1) * 100).round(2)
latest = df["最新价"]
df["latest_profit_per_lot"] = ((latest - issue) * lot).round(2)
df["latest_gain_pct"] = ((latest / issue - 1) * 100).round(2)
ok_profit = (df["profit_per_lot"] - df["每中一签获利"]).abs() < 0.005
ok_gain = (df["gain_pct"] - df["涨幅"]).abs() < 0.005
df["check"] = "ok"
df.loc[~(ok_profit & ok_gain), "check"] = "differs"
df[["股票代码", "股票简称", "上市日期", "发行价格", "lot_shares", "首日收盘价", "profit_per_lot",
    "gain_pct", "最新价", "latest_profit_per_lot", "latest_gain_pct", "每中一签获利", "涨幅",
    "check"]].to_csv(dst, index=False)
