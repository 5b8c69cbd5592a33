#!/bin/sh
# Builds the libFuzzer target for the XLSX sheet reader and runs it.
#   Fuzz/run-xlsx.sh [seconds]     (default 30; new inputs go to .build-fuzz/xlsx/corpus)
# Needs a Swift toolchain with -sanitize=fuzzer (Linux) and libxml2's headers (libxml2-dev).
# A crash leaves its input in .build-fuzz/xlsx/; once fixed, keep it in Fuzz/corpus/xlsx as
# regress-<what> so it is replayed.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-30}"
BUILD=.build-fuzz/xlsx
mkdir -p "$BUILD/corpus"
FLAGS="-O -parse-as-library -sanitize=fuzzer,address"
# XLSX_SOURCES=dir checks a patched copy of Sources/XLSX against the same corpus.
XLSX_SOURCES="${XLSX_SOURCES:-Sources/XLSX}"

# Zip as its own module, as the XLSX sources import it.
swiftc $FLAGS -wmo -module-name Zip -emit-module -emit-module-path "$BUILD/Zip.swiftmodule" \
    -I Sources/CZlib -c Sources/Zip/*.swift -o "$BUILD/Zip.o"

# The fuzz target and Sources/XLSX in one module, so the target can set the internal chunk size.
swiftc $FLAGS -use-ld=lld -module-name XLSXFuzz -I "$BUILD" -I Sources/CZlib -I Sources/CLibXML2 \
    $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    Fuzz/xlsx/XLSXFuzz.swift "$XLSX_SOURCES"/*.swift "$BUILD/Zip.o" -lxml2 -lz -o "$BUILD/xlsx-fuzz"

# Swift's own crash backtracer would get in the way of AddressSanitizer's report. Leak checks are off:
# memory that Dispatch and the Swift runtime cache across runs looks like a leak to libFuzzer, and
# checking for it after every run makes fuzzing about 13 times slower.
SWIFT_BACKTRACE=enable=no "$BUILD/xlsx-fuzz" -max_total_time="$SECONDS_TO_RUN" ${FUZZ_SEED:+-seed=$FUZZ_SEED} -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 -detect_leaks=0 -dict=Fuzz/xlsx/xlsx.dict -artifact_prefix="$BUILD/" "$BUILD/corpus" Fuzz/corpus/xlsx
