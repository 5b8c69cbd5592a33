#!/usr/bin/env bash
# Whole-run benchmark: generates a scale (default: city) and times `safetystats run` on it with a
# release build — wall time and peak RSS from /usr/bin/time -v, rows/s from the run's own count.
# Usage: Benchmarks/run-scales.sh [city|province|sample] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-city}"
runs="${2:-3}"
data="${BENCH_DATA:-/tmp/safetystats-bench}/$scale"
swift build -c release --product safetystats >/dev/null
bin=.build/release/safetystats
[ -f "$data/expected.json" ] || "$bin" generate --scale "$scale" --out "$data"
rows=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['rows']['read'])" "$data/expected.json")
echo "scale=$scale rows=$rows files=$(find "$data" -name '*.xlsx' -o -name '*.csv' | wc -l)"
for i in $(seq "$runs"); do
    /usr/bin/time -v "$bin" run --inputs "$data" --out "$data.out" --quiet 2> "$data.time"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$data.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$data.time")
    secs=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))" "$wall")
    echo "run $i: wall ${secs}s  peak RSS $((rss / 1024)) MB  $(python3 -c "print(int($rows/$secs))") rows/s"
done
