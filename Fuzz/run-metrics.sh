#!/bin/sh
# Builds the libFuzzer target from CSV bytes to figures (Fuzz/metrics, a package of its own that
# depends on this one) and runs it.
#   Fuzz/run-metrics.sh [seconds]      (default 30; new inputs go to .build-fuzz/metrics/corpus)
# A crash leaves its input in .build-fuzz/metrics/; once fixed, keep it in Fuzz/corpus/metrics as
# regress-<what> so it is replayed.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-30}"
BUILD=.build-fuzz/metrics
mkdir -p "$BUILD/corpus"
ln -sfn "$PWD" "$BUILD/SafetyStats"     # the main package, by a name that does not depend on the checkout

swift build --package-path Fuzz/metrics --scratch-path "$BUILD/build" -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
BIN="$(swift build --package-path Fuzz/metrics --scratch-path "$BUILD/build" -c release --show-bin-path)/MetricsFuzz"

# Leaks are not checked: Foundation and libdispatch keep caches for the life of the process.
ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$BIN" -max_total_time="$SECONDS_TO_RUN" ${FUZZ_SEED:+-seed=$FUZZ_SEED} -max_len=8192 -timeout=10 \
    -rss_limit_mb=2048 -detect_leaks=0 -dict=Fuzz/metrics/metrics.dict -artifact_prefix="$BUILD/" "$BUILD/corpus" Fuzz/corpus/metrics
