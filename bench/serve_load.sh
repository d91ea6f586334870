#!/usr/bin/env bash
# Load test of `daxin serve` on loopback (issue #16): 10,000 requests at
# 64 concurrent connections to each of three pages, with ApacheBench (`ab`,
# Debian's apache2-utils; installed when missing). Prints ab's counts,
# failures and latency percentiles, and the server's peak memory (VmHWM).
# Usage: bash bench/serve_load.sh [REQUESTS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
C="${2:-64}"
PORT="${DAXIN_LOAD_PORT:-18422}"
command -v ab >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apache2-utils >/dev/null; }
cargo build --locked --release --quiet
"${CARGO_TARGET_DIR:-target}/release/daxin" serve --port "$PORT" 2>/dev/null &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/style.css" && break
  sleep 0.1
done

echo "commit $(git rev-parse --short HEAD) · $(nproc) cores · $N requests per page at $C connections (keep-alive)"
for path in "/ipo/688802" "/" "/api/ipo/688802"; do
  echo "== GET $path"
  ab -q -k -n "$N" -c "$C" "http://127.0.0.1:$PORT$path" \
    | grep -E "^(Complete requests|Failed requests|Non-2xx|Requests per second|Time per request.*mean\)|  50%|  90%|  99%| 100%)"
done
echo "server peak RSS: $(grep VmHWM /proc/$SERVER/status | awk '{print $2, $3}')"
