"""The work of `daxin batch` on the generated AKShare table, in polars (lazy,
all cores, float arithmetic): per-lot profit and gain at the first close and
at the latest price, a check against the published 每中一签获利 and 涨幅,
written back as CSV.

    python bench/polars_batch.py IN.csv OUT.csv

Lots are 500 shares for every row: polars knows no dated lot rule (the
mixed file's SSE main-board rows of 2021–22 had 1,000)."""
import sys

import polars as pl

src, dst = sys.argv[1], sys.argv[2]
lot = 500
issue = pl.col("发行价格")
close = pl.col("首日收盘价")
latest = pl.col("最新价")
q = (
    pl.scan_csv(src, schema_overrides={"股票代码": pl.Utf8}, null_values=["-"])
    .with_columns(
        ((close - issue) * lot).round(2).alias("profit_per_lot"),
        ((close / issue - 1) * 100).round(2).alias("gain_pct"),
        ((latest - issue) * lot).round(2).alias("latest_profit_per_lot"),
        ((latest / issue - 1) * 100).round(2).alias("latest_gain_pct"),
    )
    .with_columns(
        pl.when(
            ((pl.col("profit_per_lot") - pl.col("每中一签获利")).abs() < 0.005)
            & ((pl.col("gain_pct") - pl.col("涨幅")).abs() < 0.005)
        )
        .then(pl.lit("ok"))
        .otherwise(pl.lit("differs"))
        .alias("check")
    )
    .select(
        "股票代码", "股票简称", "上市日期", "发行价格", "首日收盘价", "profit_per_lot", "gain_pct",
        "最新价", "latest_profit_per_lot", "latest_gain_pct", "每中一签获利", "涨幅", "check",
    )
)
q.sink_csv(dst)
