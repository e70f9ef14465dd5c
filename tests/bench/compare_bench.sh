#!/bin/sh
# Comparison scaling: does comparing claims across n documents grow no
# faster than n log n? For n = 10, 100, 1,000 and 10,000 synthetic articles
# (scripts/gen-corpus.py, one story per five articles) run the full
# pipeline once with CLAIMDIFF_TIMINGS=1 and tabulate the per-stage times
# claimdiff reports on stderr ("claimdiff: timing STAGE SECONDS"); a stage
# that reports nothing reads n/a.
#
# The verdict compares t(10000)/t(1000) for the compare stage with
# (10000 log 10000)/(1000 log 1000) = 13.3, allowing a factor of 1.5 for
# noise; smaller runs take well under a millisecond and are shown only.
# BENCH_MAX=1000 stops before the 10,000-document run (and the verdict).
# Prints a report; exits 0 whatever it finds, like the rest of make bench.
set -eu
: "${CLAIMDIFF:=build/claimdiff}"
: "${BENCH_MAX:=10000}"
export LC_ALL=C
root=$(cd "$(dirname "$0")/../.." && pwd)
gen="$root/scripts/gen-corpus.py"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/claimdiff-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# now: seconds since the epoch with nanoseconds (GNU date), else whole.
now() {
    t=$(date +%s.%N)
    case $t in
    *N) date +%s ;;
    *) echo "$t" ;;
    esac
}

# stage FILE NAME: the seconds claimdiff reported for NAME, or n/a.
stage() {
    awk -v s="$2" '$1 == "claimdiff:" && $2 == "timing" && $3 == s {
        v = $4; found = 1 }
        END { print found ? v : "n/a" }' "$1"
}

printf '%6s %9s %11s %9s %11s %16s\n' \
    n "total s" "documents s" "link s" "compare s" "cmp/(nlog2n)*1e6"
: >"$tmp/results"
for n in 10 100 1000 10000; do
    [ "$n" -le "$BENCH_MAX" ] || continue
    dir="$tmp/corpus-$n"
    stories=$((n / 5))
    [ "$stories" -ge 1 ] || stories=1
    python3 "$gen" --docs "$n" --stories "$stories" --out "$dir"
    start=$(now)
    status=0
    CLAIMDIFF_TIMINGS=1 "$CLAIMDIFF" --format json "$dir" \
        >/dev/null 2>"$tmp/stderr" || status=$?
    end=$(now)
    if [ "$status" -ne 0 ]; then
        printf '%6s  claimdiff exited %s:\n' "$n" "$status"
        sed 's/^/        /' "$tmp/stderr" | head -5
        rm -rf "$dir"
        continue
    fi
    docs=$(stage "$tmp/stderr" documents)
    link=$(stage "$tmp/stderr" link)
    cmp=$(stage "$tmp/stderr" compare)
    awk -v n="$n" -v a="$start" -v b="$end" -v d="$docs" -v l="$link" \
        -v c="$cmp" 'BEGIN {
        per = (c == "n/a") ? "n/a" : \
            sprintf("%.4f", c / (n * log(n) / log(2)) * 1e6)
        printf "%6d %9.3f %11s %9s %11s %16s\n", n, b - a, d, l, c, per }'
    echo "$n $cmp" >>"$tmp/results"
    rm -rf "$dir"
done

awk '
    $1 == 1000 { t1 = $2 }
    $1 == 10000 { t2 = $2 }
    END {
        want = 10000 * log(10000) / (1000 * log(1000))
        if (t2 == "") {
            print "verdict: n/a (no 10,000-document run: BENCH_MAX," \
                " or claimdiff failed)"
        } else if (t1 == "n/a" || t2 == "n/a") {
            print "verdict: n/a (claimdiff reported no compare timing)"
        } else if (t1 <= 0) {
            printf "verdict: n/a (compare took %s s at 1,000 documents)\n", t1
        } else {
            r = t2 / t1
            printf "verdict: compare time x%.1f from 1,000 to 10,000 " \
                "documents (n log n: x%.1f, limit x%.1f): %s\n", r, want, \
                want * 1.5, (r <= want * 1.5) ? "within n log n" : \
                "GROWS FASTER THAN n log n"
        }
    }' "$tmp/results"
