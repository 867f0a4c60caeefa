#!/usr/bin/env bash
# Fuzzes the readers of user files with libFuzzer for a fixed time each:
#   FuzzConfig  the scheduler config reader (DDIMConfiguration(jsonData:), validate, scheduler)
#   FuzzPoints  the CSV points reader (PointsFile)
# Usage: Tests/Fuzz/run.sh SECONDS   (per target; Linux, Swift 6 toolchain with libFuzzer)
# Crashing inputs are kept in Tests/Fuzz/.crashes/; the exit status is 1 when any target found one.
set -euo pipefail
seconds=${1:?usage: run.sh SECONDS}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
flags=(-c release -Xswiftc -sanitize=fuzzer,address)
swift build "${flags[@]}"
bin=$(swift build "${flags[@]}" --show-bin-path)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p .crashes
status=0
for target in FuzzConfig FuzzPoints; do
    seeds=("Seeds/$(echo "${target#Fuzz}" | tr '[:upper:]' '[:lower:]')")
    # The hub's configs (the parity fixtures) seed the config reader too.
    if [[ $target == FuzzConfig ]]; then seeds+=(../DDIMTests/Fixtures/hub_configs); fi
    mkdir -p "$corpus/$target"
    echo "== $target for $seconds s (seeds: ${seeds[*]})"
    if "$bin/$target" "$corpus/$target" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -max_len=65536 -artifact_prefix="$here/.crashes/$target-" -print_final_stats=1 2> "$corpus/$target.log"; then
        grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done)" "$corpus/$target.log" || true
        echo "$target: clean"
    else
        tail -40 "$corpus/$target.log"
        echo "$target: FAILED (input saved in Tests/Fuzz/.crashes/)"
        status=1
    fi
done
exit $status
