#!/bin/sh
# Runs every fuzz target (Fuzz/run-*.sh) for a bounded time each; stops at the first finding.
#   Fuzz/run-all.sh [seconds per target]      (default 30)
# FUZZ_SEED=N fixes libFuzzer's seed (CI does), so a finding reproduces with the same command.
set -eu
cd "$(dirname "$0")"
SECONDS_EACH="${1:-30}"
for script in run-*.sh; do
    [ "$script" = run-all.sh ] && continue
    echo "== $script ($SECONDS_EACH s)"
    ./"$script" "$SECONDS_EACH"
done
