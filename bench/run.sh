#!/usr/bin/env bash
# Whole-process benchmark of `daxin batch` against pandas (float) and
# Python's decimal module on the same generated file, in one run.
#
#     bash bench/run.sh [ROWS]        # default 1000000
#
# Needs: cargo, python3, and pandas (installed into bench/.venv from PyPI
# when missing). Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin daxin --example gen_akshare --example split_only --example floor_batch
./target/release/examples/gen_akshare "$rows" > "$work/in.csv"

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet pandas
fi
py=bench/.venv/bin/python

# run CMD… five times; print the median wall time (s) and the peak RSS (KiB)
measure() {
  local times=() rss=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f '%e %M' -o "$work/t" "$@" > /dev/null
    read -r t m < "$work/t"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | tr '\n' ' '
  echo "$rss"
}

read -r d_t d_m < <(measure ./target/release/daxin batch "$work/in.csv" -o "$work/daxin.csv")
# context: reading and splitting alone, and copying the bytes with an fsync
read -r s_t s_m < <(measure ./target/release/examples/split_only "$work/in.csv")
read -r c_t c_m < <(measure sh -c 'cat "$1" > "$2" && sync "$2"' sh "$work/in.csv" "$work/copy.csv")
# and the least work that writes the same computed columns, with no checks
read -r f_t f_m < <(measure ./target/release/examples/floor_batch "$work/in.csv" "$work/floor.csv")
read -r p_t p_m < <(measure "$py" bench/pandas_batch.py "$work/in.csv" "$work/pandas.csv")
read -r q_t q_m < <(measure "$py" bench/decimal_batch.py "$work/in.csv" "$work/decimal.csv")

size=$(stat -c %s "$work/in.csv")
out=$(stat -c %s "$work/daxin.csv")
echo "rows: $rows · input: $((size / 1048576)) MiB · daxin output: $((out / 1048576)) MiB · machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "| tool | median wall time (s) | rows/s | peak RSS (MiB) | vs daxin |"
echo "|---|---:|---:|---:|---:|"
for row in "daxin batch:$d_t:$d_m" "pandas (float):$p_t:$p_m" "Python decimal:$q_t:$q_m" \
  "(read and split only, no work):$s_t:$s_m" "(cat the input to a file, fsync):$c_t:$c_m" \
  "(floor, no checks — the same computed columns in integers):$f_t:$f_m"; do
  IFS=: read -r name t m <<< "$row"
  python3 - "$name" "$t" "$m" "$rows" "$d_t" <<'PY'
import sys
name, t, m, rows, d = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
t = max(t, 0.01)  # GNU time prints to 10 ms
print(f"| {name} | {t:.2f} | {rows / t:,.0f} | {m / 1024:.1f} | {t / d:.2f}× |")
PY
done
