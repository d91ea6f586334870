#!/usr/bin/env bash
# Time and memory of `daxin audit` on large inputs (issue #12): a 1 MB
# article, a 1 MB "sentence" with no punctuation, and a 1 MB sentence of
# clauses joined by commas; and the article at 0.25, 0.5, 1 and 2 MB to show
# that the cost grows in proportion to the size. Each 1 MB input must take
# under 2 s and under 100 MiB.
#
#     bash bench/audit.sh
#
# Needs: cargo, python3 (to write the inputs), /usr/bin/time (GNU).
# Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin daxin
bin=target/release/daxin

python3 - "$work" <<'EOF'
import sys, pathlib
work = pathlib.Path(sys.argv[1])
# the project's test articles (written for it), in turn, to the size asked
base = (pathlib.Path("fixtures/audit/zh.md").read_text(encoding="utf-8") + "\n\n"
        + pathlib.Path("fixtures/audit/en.md").read_text(encoding="utf-8") + "\n\n")
def article(size):
    n = size // len(base.encode()) + 1
    return (base * n).encode()[:size].decode("utf-8", "ignore")
for name, size in [("article-0.25MB", 250_000), ("article-0.5MB", 500_000),
                   ("article-1MB", 1_000_000), ("article-2MB", 2_000_000)]:
    (work / f"{name}.md").write_text(article(size), encoding="utf-8")
# one "sentence" with no punctuation at all, claims all along it
run = "沐曦股份收涨692.95%中一签浮盈近30万元市值3320亿元"
(work / "sentence-1MB.txt").write_text(
    (run * (1_000_000 // len(run.encode()) + 1)).encode()[:1_000_000].decode("utf-8", "ignore"),
    encoding="utf-8")
# one sentence of clauses joined by commas, no full stop
clause = "沐曦股份收涨692.95%，中一签浮盈近30万元，"
(work / "clauses-1MB.txt").write_text(
    (clause * (1_000_000 // len(clause.encode()) + 1)).encode()[:1_000_000].decode("utf-8", "ignore"),
    encoding="utf-8")
EOF

echo "| input | bytes | claims | skipped | wall (s) | peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|"
for f in article-0.25MB.md article-0.5MB.md article-1MB.md article-2MB.md sentence-1MB.txt clauses-1MB.txt; do
  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" audit "$work/$f" --format json > "$work/out.json"
  read -r secs kib < "$work/t"
  counts=$(python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); print(len(v["claims"]), len(v["skipped"]))' "$work/out.json")
  read -r claims skipped <<< "$counts"
  bytes=$(wc -c < "$work/$f")
  echo "| $f | $bytes | $claims | $skipped | $secs | $((kib / 1024)) |"
done
