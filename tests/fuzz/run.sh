#!/bin/sh
# Run every fuzz harness in BINDIR for FUZZ_TIME seconds each, on a seed
# corpus made from fixtures/ plus what earlier runs found (kept in
# BINDIR/corpus/NAME). A crash, leak, timeout (an input taking more than 10
# seconds: a hang) or memory blow-up fails the harness; libFuzzer leaves
# the input in BINDIR/artifacts/. Every harness first runs the inputs of
# tests/fuzz/regress/, each one a crash found and fixed before (named
# after what it broke). Ends with "fuzz: N passed, N failed".
# Usage: run.sh BINDIR
set -u
bin=$1
: "${FUZZ_TIME:=60}"
export LC_ALL=C TZ=UTC
txt=$(ls fixtures/seeds/*.txt fixtures/golden/*.txt)
html=$(ls fixtures/golden/*.html)
pass=0
fail=0
mkdir -p "$bin/artifacts"
for h in "$bin"/fuzz_*; do
    [ -x "$h" ] || continue
    name=${h##*/fuzz_}
    seeds="$bin/seeds/$name"
    rm -rf "$seeds"
    # shellcheck disable=SC2086
    case $name in
    load_html) sh tests/fuzz/seeds.sh "$seeds" $html $txt; dict=html ;;
    pipeline) sh tests/fuzz/seeds.sh "$seeds" $txt $html; dict=text ;;
    *) sh tests/fuzz/seeds.sh "$seeds" $txt; dict=text ;;
    esac
    mkdir -p "$bin/corpus/$name"
    log="$bin/fuzz_$name.log"
    "$h" -max_total_time="$FUZZ_TIME" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -dict="tests/fuzz/$dict.dict" \
        -artifact_prefix="$bin/artifacts/$name-" \
        "$bin/corpus/$name" "$seeds" tests/fuzz/regress >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ "$status" -eq 0 ]; then
        pass=$((pass + 1))
        echo "ok   fuzz_$name (${runs:-?} runs in ${FUZZ_TIME}s, ${cov:-cov: ?})"
    else
        fail=$((fail + 1))
        echo "FAIL fuzz_$name (exit $status; log $log)"
        grep -E 'ERROR|SUMMARY|Test unit written|fuzz: ' "$log" | head -10 | sed 's/^/    /'
    fi
done
echo
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
