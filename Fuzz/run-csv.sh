#!/bin/sh
# Builds the libFuzzer target for the CSV reader, writer and GB18030 codec, and runs it.
#   Fuzz/run-csv.sh [seconds]      (default 30; new inputs go to .build-fuzz/csv/corpus)
# Needs a Swift toolchain with -sanitize=fuzzer (Linux). A crash leaves its input in
# .build-fuzz/csv/; once fixed, keep it in Fuzz/corpus/csv as regress-<what> so it is replayed.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-30}"
BUILD=.build-fuzz/csv
mkdir -p "$BUILD/corpus"

# The vector kernels and the SIGBUS-safe mappings (C), instrumented like the Swift code.
for c in Sources/CTextScan/*.c; do clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CTextScan/include -c "$c" -o "$BUILD/$(basename "$c" .c).o"; done
clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CMappedFile/include -c Sources/CMappedFile/MappedFile.c -o "$BUILD/MappedFile.o"

# The fuzz target and Sources/CSV in one module, so the target sees internal types too.
swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name CSVFuzz -I Sources/CTextScan/include -I Sources/CMappedFile/include \
    Fuzz/csv/CSVFuzz.swift Sources/CSV/*.swift "$BUILD/CPUFeatures.o" "$BUILD/UTF8Validation.o" "$BUILD/ByteMasks.o" \
    "$BUILD/MappedFile.o" -o "$BUILD/csv-fuzz"

# Swift's own crash backtracer would get in the way of AddressSanitizer's report.
SWIFT_BACKTRACE=enable=no "$BUILD/csv-fuzz" -max_total_time="$SECONDS_TO_RUN" ${FUZZ_SEED:+-seed=$FUZZ_SEED} -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -dict=Fuzz/csv/csv.dict -artifact_prefix="$BUILD/" "$BUILD/corpus" Fuzz/corpus/csv
