#!/usr/bin/env bash
# A real browser on `daxin serve` (issue #16): starts the server on
# loopback, drives headless Chromium (Debian's `chromium`) with JavaScript
# disabled through playwright-core, loads each page, submits the calculator,
# the odds, the run, the audit box, the batch and the strategy forms, checks the DOM for
# the expected figures, and saves a screenshot of each page under
# target/browser/. Installs what it needs when missing: chromium and a CJK
# font from Debian's packages, playwright-core from npm (into target/).
set -euo pipefail
cd "$(dirname "$0")/../.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v node >/dev/null || need_apt+=(nodejs npm)
fc-list 2>/dev/null | grep -qi "cjk\|wqy\|droid sans fallback" || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

DRIVER=target/browser-driver
if [ ! -f "$DRIVER/node_modules/playwright-core/package.json" ]; then
  echo "== npm install playwright-core"
  mkdir -p "$DRIVER"
  npm install --prefix "$DRIVER" --no-audit --no-fund --loglevel=error playwright-core@1.65.1 >/dev/null
fi

echo "== cargo build"
cargo build --locked --quiet
OUT=target/browser
mkdir -p "$OUT"
PORT="${DAXIN_BROWSER_PORT:-18421}"
PROFILE="$(mktemp -d)"
LEDGER="$(mktemp -d)/wins.toml"
cp tests/browser/wins.toml "$LEDGER"

target/debug/daxin serve --port "$PORT" --ledger "$LEDGER" 2>"$OUT/serve.log" &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$PROFILE" "$(dirname "$LEDGER")"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/style.css"; then break; fi
  sleep 0.1
done

echo "== headless chromium"
NODE_PATH="$PWD/$DRIVER/node_modules" node tests/browser/check.js \
  "http://127.0.0.1:$PORT" "$OUT" "$PROFILE" "$PWD/fixtures/import/akshare_xgsglb_gpu.csv" \
  "$PWD/fixtures/strategy/a-share-2025.csv"
