#!/bin/sh
# Builds the libFuzzer target for the zip reader and writer and runs it.
#   Fuzz/run-zip.sh [seconds]      (default 30; new inputs go to .build-fuzz/zip/corpus)
# Needs a Swift toolchain with -sanitize=fuzzer (Linux). A crash leaves its input in
# .build-fuzz/zip/; once fixed, keep it in Fuzz/corpus/zip as regress-<what> so it is replayed.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-30}"
BUILD=.build-fuzz/zip
mkdir -p "$BUILD/corpus"

# The fuzz target and Sources/Zip in one module, so the target sees internal types too.
swiftc -O -parse-as-library -sanitize=fuzzer,address -use-ld=lld -module-name ZipFuzz \
    -I Sources/CZlib -lz \
    Fuzz/zip/ZipFuzz.swift Sources/Zip/*.swift -o "$BUILD/zip-fuzz"

# Swift's own crash backtracer would get in the way of AddressSanitizer's report. Leak checks are off:
# memory that Dispatch and the Swift runtime cache across runs looks like a leak to libFuzzer, and
# checking for it after every run makes fuzzing about 13 times slower.
SWIFT_BACKTRACE=enable=no "$BUILD/zip-fuzz" -max_total_time="$SECONDS_TO_RUN" ${FUZZ_SEED:+-seed=$FUZZ_SEED} -max_len=8192 -timeout=5 \
    -rss_limit_mb=1024 -detect_leaks=0 -dict=Fuzz/zip/zip.dict -artifact_prefix="$BUILD/" "$BUILD/corpus" Fuzz/corpus/zip
