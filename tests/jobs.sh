#!/bin/sh
# -j N gives the same bytes as -j 1, printed as TAP: on the seeds, the
# HTML fixture and a bad input (stdout, stderr and exit status), and on a
# generated corpus of a few hundred documents (skipped without python3).
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

# same NAME ARGS...: -j 1 and -j 2, 3 and 0 agree on stdout, stderr, status.
same() {
    name=$1
    shift
    "$CLAIMDIFF" -j 1 "$@" >"$tmp/1.out" 2>"$tmp/1.err"
    echo $? >"$tmp/1.rc"
    for j in 2 3 0; do
        n=$((n + 1))
        "$CLAIMDIFF" -j $j "$@" >"$tmp/j.out" 2>"$tmp/j.err"
        echo $? >"$tmp/j.rc"
        if cmp -s "$tmp/1.out" "$tmp/j.out" && cmp -s "$tmp/1.err" "$tmp/j.err" &&
            cmp -s "$tmp/1.rc" "$tmp/j.rc"; then
            echo "ok $n - $name: -j $j = -j 1"
        else
            echo "not ok $n - $name: -j $j differs from -j 1"
            diff "$tmp/1.out" "$tmp/j.out" | head -10 | sed 's/^/# /'
            diff "$tmp/1.err" "$tmp/j.err" | head -5 | sed 's/^/# /'
            failures=$((failures + 1))
        fi
    done
}

mkdir "$tmp/bad"
printf 'a\0b' >"$tmp/bad/binary.txt"
same "seeds, json" --format json --all --explain fixtures/seeds/*.txt \
    fixtures/golden/page.html
same "seeds and bad inputs, text" --all fixtures/seeds/*.txt \
    "$tmp/bad/binary.txt" "$tmp/missing.txt" fixtures/golden/furniture.txt
same "seeds, jsonl" --format jsonl fixtures/seeds

# The test must be able to fail: its own comparison sees a difference.
"$CLAIMDIFF" -j 2 --format json fixtures/seeds/000_*.txt >"$tmp/a"
"$CLAIMDIFF" -j 2 --format json fixtures/seeds/001_*.txt >"$tmp/b"
n=$((n + 1))
if cmp -s "$tmp/a" "$tmp/b"; then
    echo "not ok $n - outputs of different inputs differ"
    failures=$((failures + 1))
else
    echo "ok $n - outputs of different inputs differ"
fi

for bad in x -1 257 2x ""; do
    n=$((n + 1))
    "$CLAIMDIFF" -j "$bad" fixtures/seeds >/dev/null 2>"$tmp/err"
    rc=$?
    if [ $rc -eq 2 ] && grep -q "^claimdiff: --jobs: expected a number" "$tmp/err"; then
        echo "ok $n - -j '$bad' is a usage error"
    else
        echo "not ok $n - -j '$bad' gave status $rc"
        failures=$((failures + 1))
    fi
done

if command -v python3 >/dev/null 2>&1; then
    python3 scripts/gen-corpus.py --docs 240 --stories 12 --out "$tmp/gen" \
        --seed 7 >/dev/null
    same "240 generated documents, json" --format json --all "$tmp/gen"
    same "240 generated documents, text" "$tmp/gen"
else
    echo "ok $((n + 1)) # SKIP python3 not found: no generated corpus"
    n=$((n + 1))
fi

echo "1..$n"
[ $failures -eq 0 ]
