#!/bin/sh
# Builds the libFuzzer target for ingest's value parsers and runs it.
#   Fuzz/run-values.sh [seconds]      (default 60; the corpus grows in Fuzz/corpus/values)
# Needs a Swift toolchain with -sanitize=fuzzer (Linux).
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
BUILD=.build-fuzz/values
mkdir -p "$BUILD"
FLAGS="-O -parse-as-library -sanitize=fuzzer,address"

# Model as its own module, as the parsers import it (its sources sit in subfolders too).
swiftc $FLAGS -wmo -module-name Model -emit-module -emit-module-path "$BUILD/Model.swiftmodule" \
    -c $(find Sources/Model -name '*.swift' | sort) -o "$BUILD/Model.o"

I=Sources/Ingest
swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name ValuesFuzz -I "$BUILD" \
    Fuzz/values/ValuesFuzz.swift \
    $I/NumberText.swift $I/CountParser.swift $I/MoneyParser.swift $I/MoneyUnit.swift $I/DateParser.swift \
    $I/ChoiceParser.swift $I/ValueProblem.swift $I/RawCell.swift $I/FieldBytes.swift $I/HeaderText.swift \
    "$BUILD/Model.o" -o "$BUILD/values-fuzz"

mkdir -p Fuzz/corpus/values "$BUILD/corpus"
# New inputs go to the scratch corpus; the committed seeds stay small.
"$BUILD/values-fuzz" -max_total_time="$SECONDS_TO_RUN" ${FUZZ_SEED:+-seed=$FUZZ_SEED} -max_len=64 -timeout=5 \
    "$BUILD/corpus" Fuzz/corpus/values
