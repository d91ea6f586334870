#!/usr/bin/env bash
# Runs every fuzz target for a fixed time and prints, per target, the
# executions and whether it found a crash. Needs the nightly toolchain and
# cargo-fuzz (cargo install cargo-fuzz). Usage: fuzz/run.sh [SECONDS]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
cargo +nightly fuzz build -O >/dev/null || exit 1
printf '%-12s %12s %10s %s\n' target executions exec/s result
for t in $(cargo +nightly fuzz list); do
  log=$(mktemp)
  mkdir -p corpus/$t
  # seed with the project's own fixtures of the matching kind
  case $t in
    table_rows) cp ../fixtures/import/*.csv corpus/$t/ 2>/dev/null ;;
    data_file) cp ../fixtures/ipos.toml corpus/$t/ ;;
    allotment) cp ../fixtures/hk/*.txt ../fixtures/hk/*.csv corpus/$t/ 2>/dev/null ;;
    article) cp ../fixtures/audit/*.md corpus/$t/ 2>/dev/null ;;
    tails) cp ../fixtures/wins/numbers/*.txt corpus/$t/ 2>/dev/null ;;
    broker) cp ../fixtures/wins/broker/*.csv ../fixtures/wins/broker/*.xls corpus/$t/ 2>/dev/null ;;
  esac
  cargo +nightly fuzz run -O $t corpus/$t -- -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1
  code=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ $code -eq 0 ]; then result="no crash, no hang"; else result="FOUND: $(grep -m1 -E 'panicked|ERROR|timeout' "$log")"; fi
  printf '%-12s %12s %10s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$result"
  rm -f "$log"
done
