#!/usr/bin/env bash
# Whole-process benchmark of `daxin batch` against what a data user would
# pick — pandas (float), polars (lazy, all cores, float), DuckDB (SQL with
# DECIMAL columns) and Python's decimal module — on the same two files, in
# one run:
#
#   generated — the AKShare stock_xgsglb_em layout, rows whose published
#               figures agree (every 50th off by ¥5);
#   mixed     — the same, but half the rows differ from their published
#               figures for a reason daxin names: an SSE main-board IPO of
#               2021–22 figured with 500-share lots (the rule then gave
#               1,000), a run of limit-up days, the latest price.
#
#     bash bench/run.sh [ROWS]        # default 1000000
#
# Needs: cargo, python3; pandas, polars and duckdb are installed into
# bench/.venv from PyPI when missing. Prints Markdown tables for
# BENCHMARKS.md: median wall time of five runs, rows/s, peak RSS, the ratio
# to daxin on one thread, and how many of the peer's cells differ from
# daxin's (profit per lot and gain at the close and the latest price, and
# whether the check says ok).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin daxin --example gen_akshare --example split_only --example floor_batch
./target/release/examples/gen_akshare "$rows" > "$work/generated.csv"
./target/release/examples/gen_akshare "$rows" mixed > "$work/mixed.csv"

if ! bench/.venv/bin/python -c 'import pandas, polars, duckdb' 2>/dev/null; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet pandas polars duckdb
fi
py=bench/.venv/bin/python
cores=$(nproc)

# run CMD… five times; print the median wall time (s) and the peak RSS (KiB)
measure() {
  local times=() rss=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f '%e %M' -o "$work/t" "$@" > /dev/null 2>&1
    read -r t m < "$work/t"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | tr '\n' ' '
  echo "$rss"
}

echo "rows: $rows per file · machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') · commit $(git rev-parse --short HEAD)"
for file in generated mixed; do
  in="$work/$file.csv"
  read -r d1_t d1_m < <(measure ./target/release/daxin batch "$in" -o "$work/daxin.csv" --jobs 1)
  read -r dn_t dn_m < <(measure ./target/release/daxin batch "$in" -o "$work/daxin-n.csv" --jobs "$cores")
  read -r p_t p_m < <(measure "$py" bench/pandas_batch.py "$in" "$work/pandas.csv")
  read -r l_t l_m < <(measure "$py" bench/polars_batch.py "$in" "$work/polars.csv")
  read -r k_t k_m < <(measure "$py" bench/duckdb_batch.py "$in" "$work/duckdb.csv")
  read -r q_t q_m < <(measure "$py" bench/decimal_batch.py "$in" "$work/decimal.csv")
  # context: reading and splitting alone, and the least work that writes
  # the same computed columns (no checks, no dated rules, integers)
  read -r s_t s_m < <(measure ./target/release/examples/split_only "$in")
  read -r f_t f_m < <(measure ./target/release/examples/floor_batch "$in" "$work/floor.csv")
  cmp -s "$work/daxin.csv" "$work/daxin-n.csv" || { echo "daxin --jobs $cores differs from --jobs 1" >&2; exit 1; }
  size=$(stat -c %s "$in")
  echo
  echo "**$file** ($((size / 1048576)) MiB)"
  echo
  echo "| tool | median wall time (s) | rows/s | peak RSS (MiB) | vs daxin, 1 thread | cells differing from daxin |"
  echo "|---|---:|---:|---:|---:|---:|"
  for row in "daxin batch --jobs 1:$d1_t:$d1_m:-" "daxin batch --jobs $cores:$dn_t:$dn_m:-" \
    "pandas (float):$p_t:$p_m:pandas" "polars, lazy, all cores (float):$l_t:$l_m:polars" \
    "DuckDB, SQL with DECIMAL:$k_t:$k_m:duckdb" "Python decimal:$q_t:$q_m:decimal" \
    "(read and split only, no work):$s_t:$s_m:-" "(floor — the same columns in integers, no checks):$f_t:$f_m:-"; do
    IFS=: read -r name t m peer <<< "$row"
    diff="—"
    if [ "$peer" != "-" ]; then
      read -r _ cells differ < <("$py" bench/compare.py "$work/daxin.csv" "$work/$peer.csv")
      diff="$differ of $cells"
    fi
    python3 - "$name" "$t" "$m" "$rows" "$d1_t" "$diff" <<'PY'
import sys
name, t, m, rows, d, diff = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
t = max(t, 0.01)  # GNU time prints to 10 ms
print(f"| {name} | {t:.2f} | {rows / t:,.0f} | {m / 1024:.1f} | {t / d:.2f}× | {diff} |")
PY
  done
done
