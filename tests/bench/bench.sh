#!/bin/sh
# make bench: throughput of the release build, measured on this machine.
#
# - HTML extraction: every page of ../shared/htmlbench (when present) in
#   one process, as `claimdiff --dump-text=body pages/*.html`.
# - Full pipeline on plain text: the seed fixtures repeated into one corpus
#   of about 20 MB (a stand-in until the synthetic corpus generator lands).
# Prints MB/s and peak RSS; never a pass/fail verdict.
set -eu
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run LABEL BYTES CMD...: time CMD, print throughput and peak memory.
run() {
    label=$1 bytes=$2
    shift 2
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null
    read -r secs kb <"$tmp/time"
    awk -v l="$label" -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN {
        if (s <= 0) s = 0.01
        printf "%-34s %7.1f MB in %6.2f s  %7.1f MB/s  peak RSS %6.1f MB\n",
               l, b / 1e6, s, b / 1e6 / s, k / 1024 }'
}

bench=../shared/htmlbench/pages
if [ -d "$bench" ]; then
    bytes=$(cat "$bench"/*.html | wc -c)
    run "html: --dump-text=body, 124 pages" "$bytes" \
        "$CLAIMDIFF" --dump-text=body "$bench"/*.html
else
    echo "html: $bench not found, skipped"
fi

i=0
while [ "$(cat "$tmp"/*.txt 2>/dev/null | wc -c)" -lt 20000000 ]; do
    for f in fixtures/seeds/*.txt; do
        cp "$f" "$tmp/$i-$(basename "$f")"
    done
    i=$((i + 1))
    [ $i -lt 2000 ] || break
done
bytes=$(cat "$tmp"/*.txt | wc -c)
run "text: full pipeline, json" "$bytes" "$CLAIMDIFF" --format json "$tmp"
run "floor: wc -w over the same files" "$bytes" wc -w "$tmp"/*.txt

# Comparison scaling over 10 to 10,000 synthetic articles (BENCH_MAX=1000
# stops at 1,000); see tests/bench/compare_bench.sh.
echo
CLAIMDIFF=$CLAIMDIFF sh "$(dirname "$0")/compare_bench.sh"
