#!/bin/sh
# Builds the libFuzzer target for the legacy .xls/.et reader (compound file + BIFF) and runs it.
#   Fuzz/run-xls.sh [seconds]      (default 30; new inputs go to .build-fuzz/xls/corpus)
# Needs a Swift toolchain with -sanitize=fuzzer (Linux) and libxml2's headers (the XLSX module, whose
# row types the reader shares, links it). A crash leaves its input in .build-fuzz/xls/; once fixed,
# keep it in Fuzz/corpus/xls as regress-<what> so it is replayed. Seeds: Fuzz/xls/make_seeds.py.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-30}"
BUILD=.build-fuzz/xls
mkdir -p "$BUILD/corpus"
FLAGS="-O -parse-as-library -sanitize=fuzzer,address"

# Zip, XLSX and CSV as their own modules, as Sources/XLS imports them.
swiftc $FLAGS -wmo -module-name Zip -emit-module -emit-module-path "$BUILD/Zip.swiftmodule" \
    -I Sources/CZlib -c Sources/Zip/*.swift -o "$BUILD/Zip.o"
swiftc $FLAGS -wmo -module-name XLSX -emit-module -emit-module-path "$BUILD/XLSX.swiftmodule" \
    -I "$BUILD" -I Sources/CZlib -I Sources/CLibXML2 $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    -c Sources/XLSX/*.swift -o "$BUILD/XLSX.o"
for c in Sources/CTextScan/*.c; do clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CTextScan/include -c "$c" -o "$BUILD/$(basename "$c" .c).o"; done
clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CMappedFile/include -c Sources/CMappedFile/MappedFile.c -o "$BUILD/MappedFile.o"
swiftc $FLAGS -wmo -module-name CSV -I Sources/CTextScan/include -I Sources/CMappedFile/include -emit-module -emit-module-path "$BUILD/CSV.swiftmodule" \
    -c Sources/CSV/*.swift -o "$BUILD/CSV.o"

# The fuzz target and Sources/XLS in one module, so the target sees internal types too.
swiftc $FLAGS -use-ld=lld -module-name XLSFuzz -I "$BUILD" -I Sources/CTextScan/include -I Sources/CMappedFile/include -I Sources/CZlib -I Sources/CLibXML2 \
    $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    Fuzz/xls/XLSFuzz.swift Sources/XLS/*.swift "$BUILD/Zip.o" "$BUILD/XLSX.o" "$BUILD/CSV.o" "$BUILD/CPUFeatures.o" "$BUILD/UTF8Validation.o" "$BUILD/ByteMasks.o" "$BUILD/MappedFile.o" -lxml2 -lz -o "$BUILD/xls-fuzz"

# Swift's own crash backtracer would get in the way of AddressSanitizer's report. Leak checks are off
# (memory the Swift runtime caches across runs looks like a leak to libFuzzer).
SWIFT_BACKTRACE=enable=no "$BUILD/xls-fuzz" -max_total_time="$SECONDS_TO_RUN" ${FUZZ_SEED:+-seed=$FUZZ_SEED} -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -detect_leaks=0 -dict=Fuzz/xls/xls.dict -artifact_prefix="$BUILD/" "$BUILD/corpus" Fuzz/corpus/xls
