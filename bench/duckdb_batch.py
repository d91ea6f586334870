"""The work of `daxin batch` on the generated AKShare table in DuckDB SQL,
with DECIMAL columns (exact): per-lot profit and gain at the first close and
at the latest price, a check against the published figures, written back as
CSV by DuckDB itself.

    python bench/duckdb_batch.py IN.csv OUT.csv

Lots are 500 shares for every row: the SQL knows no dated lot rule."""
import sys

import duckdb

src, dst = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute(
    f"""
COPY (
  WITH t AS (
    SELECT 股票代码 AS code, 股票简称 AS name, 上市日期 AS listed,
           CAST(发行价格 AS DECIMAL(18,2)) AS issue,
           CAST(首日收盘价 AS DECIMAL(18,2)) AS close,
           TRY_CAST(最新价 AS DECIMAL(18,2)) AS latest,
           TRY_CAST(每中一签获利 AS DECIMAL(18,2)) AS pub_profit,
           TRY_CAST(涨幅 AS DECIMAL(18,2)) AS pub_gain
    FROM read_csv('{src}', all_varchar = true, header = true, nullstr = '-')
  )
  SELECT code, name, listed, issue, close,
         ROUND((close - issue) * 500, 2) AS profit_per_lot,
         ROUND((close - issue) * 100 / issue, 2) AS gain_pct,
         latest,
         ROUND((latest - issue) * 500, 2) AS latest_profit_per_lot,
         ROUND((latest - issue) * 100 / issue, 2) AS latest_gain_pct,
         pub_profit, pub_gain,
         CASE WHEN ROUND((close - issue) * 500, 2) = pub_profit
               AND ROUND((close - issue) * 100 / issue, 2) = pub_gain
              THEN 'ok' ELSE 'differs' END AS "check"
  FROM t
) TO '{dst}' (HEADER, DELIMITER ',')
"""
)
