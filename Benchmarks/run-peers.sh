#!/usr/bin/env bash
# Side-by-side benchmark: the same files read by us and by the peers a statistician would use
# (pandas + openpyxl, pandas + calamine, polars + fastexcel, python-calamine; pandas/polars read_csv).
# Every reader is timed as a whole process with /usr/bin/time -f "%e %M" (wall s, peak RSS KB).
#
#   Benchmarks/run-peers.sh [--runs N] [--peer-runs N] [--slow-runs N] [--ours-only] [--build] FILE.xlsx|FILE.xls|FILE.csv …
#   Benchmarks/run-peers.sh [options] --peer-files DIR [FILE…]
#
# --peer-files DIR: the files are ones our code did not write — Benchmarks/make_peer_files.py
# writes (once; kept in DIR) the 1M hazard rows as DIR/peer-1m.xlsx with xlsxwriter and as
# DIR/peer-1m.csv and DIR/peer-1m-gb18030.csv with pandas, and these are measured (before any FILE).
#
# Ours, per file (median of --runs, default 3):
#   safetystats check --inputs DIR   DIR holds only FILE: reading it into the columnar model,
#                                    type detection and validation included
#   xlsx-bench FILE --runs 1         XLSX: inflate / floor / read phases and read ÷ floor
#   csv-bench FILE --phases map,records --runs N   CSV: the records phase gives the reader's MB/s
#   xls-bench FILE --runs N          XLS/ET: open (container, globals, shared strings) and read (every
#                                    sheet's rows); peers read every sheet too (an .xls sheet stops at
#                                    65 536 rows, so a large export is several sheets)
# Peers, per file (median of --peer-runs, default 3; pandas+openpyxl, minutes on 1M rows, of
# --slow-runs, default 1): Benchmarks/peers.py, run in a venv at
# ${BENCH_VENV:-/tmp/safetystats-bench-venv} that this script creates and pip-installs into (the
# peers are benchmark-only: the tool never installs or imports them).
# --ours-only skips the peers (to re-take our figures at a quiet moment).
# Then one whole-run line: safetystats run on the city scale (${BENCH_CITY:-/tmp/city}, generated if
# missing) and on the province scale if ${BENCH_PROVINCE:-/tmp/province} exists.
#
# Environment: BENCH_SKIP_OPENPYXL=1 skips pandas+openpyxl (minutes on 1M rows);
# BENCH_TIMEOUT (default 1800) bounds each peer process in seconds; BENCH_NO_PIP=1 uses the venv as is.
# A CSV is read as GB18030 by the peers when it is not valid UTF-8.
# Prints `uptime` before each file: figures taken at a load average above ~1.5 on 2 cores are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

runs=3
peer_runs=3
slow_runs=1
build=0
ours_only=0
peer_dir=""
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --peer-runs) peer_runs="$2"; shift 2 ;;
        --slow-runs) slow_runs="$2"; shift 2 ;;
        --build) build=1; shift ;;
        --ours-only) ours_only=1; shift ;;
        --peer-files) peer_dir="$2"; shift 2 ;;
        -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
        *) files+=("$1"); shift ;;
    esac
done
[ ${#files[@]} -gt 0 ] || [ -n "$peer_dir" ] || { echo "usage: Benchmarks/run-peers.sh [--runs N] [--peer-runs N] [--slow-runs N] [--ours-only] [--build] [--peer-files DIR] FILE…" >&2; exit 2; }

venv="${BENCH_VENV:-/tmp/safetystats-bench-venv}"
timeout_s="${BENCH_TIMEOUT:-1800}"
city="${BENCH_CITY:-/tmp/city}"
province="${BENCH_PROVINCE:-/tmp/province}"
work=$(mktemp -d /tmp/safetystats-peers.XXXXXX)
trap 'rm -rf "$work"' EXIT

# --- ours: release build (only built if missing, or with --build) ---
for product in safetystats xlsx-bench csv-bench xls-bench; do
    if [ "$build" = 1 ] || [ ! -x ".build/release/$product" ]; then
        swift build -c release --product "$product" >/dev/null
    fi
done
bin=$repo/.build/release
built=$(stat -c %Y "$bin/safetystats" "$bin/xlsx-bench" "$bin/csv-bench" "$bin/xls-bench")

# --- peers: venv + pip ---
py=python3
if [ "$ours_only" = 0 ] || [ -n "$peer_dir" ]; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    py=$venv/bin/python
    if [ "${BENCH_NO_PIP:-0}" != 1 ]; then
        "$py" -m pip install --quiet --disable-pip-version-check pandas openpyxl python-calamine polars fastexcel pyarrow xlrd xlsxwriter
    fi
fi

# --- peer files: written by xlsxwriter and pandas, not by us ---
if [ -n "$peer_dir" ]; then
    if [ ! -s "$peer_dir/peer-1m.xlsx" ] || [ ! -s "$peer_dir/peer-1m.csv" ] || [ ! -s "$peer_dir/peer-1m-gb18030.csv" ]; then
        echo "writing the peer files into $peer_dir (xlsxwriter, pandas; a few minutes) …" >&2
        "$py" Benchmarks/make_peer_files.py "$peer_dir"
    fi
    files=("$peer_dir/peer-1m.xlsx" "$peer_dir/peer-1m.csv" "$peer_dir/peer-1m-gb18030.csv" ${files[@]+"${files[@]}"})
fi

echo "## machine"
echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' (Sources have uncommitted changes)'), release build of $(date -r "$bin/safetystats" '+%F %T')"
[ "$ours_only" = 1 ] || echo "peers: $("$py" -c 'import importlib.metadata as m; print(", ".join(f"{p} {m.version(p)}" for p in ["pandas","openpyxl","python-calamine","polars","fastexcel","pyarrow","xlrd"]))'), Python $("$py" -c 'import platform; print(platform.python_version())')"
echo

# timed CMD… → sets t_wall (s), t_rss (KB), t_status; output of CMD in $work/out
timed() {
    set +e
    timeout "$timeout_s" /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1
    t_status=$?
    set -e
    if [ -s "$work/time" ]; then
        read -r t_wall t_rss < <(tail -1 "$work/time")
    else
        t_wall=""; t_rss=""
    fi
}

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }

# row READER N-RUNS ROWS CMD… : times CMD N times, prints a Markdown row
row() {
    local name="$1" n="$2" rows="$3"; shift 3
    local walls=() rsss=() note=""
    for _ in $(seq "$n"); do
        timed "$@"
        if [ "$t_status" -ne 0 ]; then
            if [ "$t_status" -eq 124 ]; then note="timed out after ${timeout_s} s"
            else note="failed (exit $t_status): $(grep -v '^\s*$' "$work/out" | tail -1 | cut -c1-120)"; fi
            break
        fi
        walls+=("$t_wall"); rsss+=("$t_rss")
        # a peer prints `READER ROWS SECONDS`; ours' check prints 读取 N 行 in its summary
        local counted
        counted=$(awk -v r="${name%% *}" '$1 == r {n = $2} /读取 [0-9]+ 行/ {match($0, /读取 [0-9]+ 行/); n = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", n)} END {print n}' "$work/out")
        if [ -n "$counted" ]; then rows="$counted"; fi
    done
    if [ -n "$note" ]; then
        echo "| $name | – | – | – | $note |"
        return
    fi
    local wall rss
    wall=$(printf '%s\n' "${walls[@]}" | median)
    rss=$(printf '%s\n' "${rsss[@]}" | median)
    printf '| %s | %.2f | %.0f | %s | %s |\n' "$name" "$wall" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" \
        "$(awk -v r="$rows" -v w="$wall" 'BEGIN {if (r != "" && w > 0) printf "%.0f", r / w; else print "–"}')" \
        "$([ "$n" -gt 1 ] && echo "median of $n: $(printf '%s ' "${walls[@]}")s" || echo "1 run")"
}

header() {
    echo "| reader | wall s | peak RSS MB | rows/s | runs |"
    echo "|---|---:|---:|---:|---|"
}

for file in "${files[@]}"; do
    file=$(readlink -f "$file")
    name=$(basename "$file")
    size=$(stat -c %s "$file")
    dir="$work/in"; rm -rf "$dir"; mkdir -p "$dir"
    ln "$file" "$dir/$name" 2>/dev/null || cp "$file" "$dir/$name"
    echo "## $name ($size bytes)"
    echo
    echo "load before: $(uptime | sed 's/.*load average/load average/')"
    echo
    header
    rows=""
    row "safetystats check (ours, into the columnar model)" "$runs" "" "$bin/safetystats" check --inputs "$dir"
    case "$name" in
        *.xlsx|*.XLSX)
            if [ "$ours_only" = 0 ]; then
                for peer in pandas-calamine polars-fastexcel python-calamine pandas-openpyxl; do
                    if [ "$peer" = pandas-openpyxl ] && [ "${BENCH_SKIP_OPENPYXL:-0}" = 1 ]; then
                        echo "| pandas-openpyxl | – | – | – | skipped (BENCH_SKIP_OPENPYXL=1) |"
                    else
                        n="$peer_runs"; [ "$peer" = pandas-openpyxl ] && n="$slow_runs"
                        row "$peer" "$n" "" "$py" Benchmarks/peers.py "$peer" "$file"
                    fi
                done
            fi
            echo
            echo "xlsx-bench (ours, one process, phases):"
            echo
            "$bin/xlsx-bench" "$file" --runs 1 | tee "$work/xb" | sed 's/^/    /'
            awk '$1 == "floor" {f = $2} $1 == "read" {r = $2} END {if (f > 0) printf "\nread ÷ floor = %.2f (floor: inflate → libxml2 push SAX2, no-op callbacks, 1 thread)\n", r / f}' "$work/xb"
            ;;
        *.xls|*.XLS|*.et|*.ET)
            if [ "$ours_only" = 0 ]; then
                for peer in python-calamine-all pandas-calamine-all pandas-xlrd-all; do
                    row "$peer" "$peer_runs" "" "$py" Benchmarks/peers.py "$peer" "$file"
                done
            fi
            echo
            echo "xls-bench (ours, one process, every sheet, median of $runs):"
            echo
            "$bin/xls-bench" "$file" --runs "$runs" | sed 's/^/    /'
            ;;
        *)
            enc=$("$py" -c '
import codecs, sys
d = codecs.getincrementaldecoder("utf-8")()
with open(sys.argv[1], "rb") as f:
    try:
        while chunk := f.read(1 << 24):
            d.decode(chunk)
        d.decode(b"", final=True)
        print("utf-8")
    except UnicodeDecodeError:
        print("gb18030")' "$file")
            if [ "$ours_only" = 0 ]; then
                for peer in pandas-csv polars-csv; do
                    row "$peer ($enc)" "$peer_runs" "" "$py" Benchmarks/peers.py "$peer" "$file" --encoding "$enc"
                done
            fi
            echo
            echo "csv-bench (ours, one process, median of $runs):"
            echo
            "$bin/csv-bench" "$file" --runs "$runs" --phases map,records | sed 's/^/    /'
            ;;
    esac
    echo
    echo "load after: $(uptime | sed 's/.*load average/load average/')"
    echo
done

# --- whole runs ---
echo "## whole run (safetystats run, all output formats)"
echo
echo "load before: $(uptime | sed 's/.*load average/load average/')"
echo
echo "| scale | wall s | peak RSS MB | rows/s | runs |"
echo "|---|---:|---:|---:|---|"
[ -f "$city/expected.json" ] || "$bin/safetystats" generate --scale city --out "$city" >/dev/null
for scale_dir in "$city" "$province"; do
    [ -f "$scale_dir/expected.json" ] || continue
    rows=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['rows']['read'])" "$scale_dir/expected.json")
    row "$(basename "$scale_dir")" "$runs" "$rows" "$bin/safetystats" run --inputs "$scale_dir" --out "$scale_dir.out" --quiet
done
if [ "$(stat -c %Y "$bin/safetystats" "$bin/xlsx-bench" "$bin/csv-bench" "$bin/xls-bench")" != "$built" ]; then
    echo
    echo "WARNING: the release build changed during this run (someone rebuilt): our figures mix two builds."
fi
