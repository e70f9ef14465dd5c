#!/bin/sh
# The progress line, printed as TAP: on stderr at a terminal once a run
# lasts a second; never in a pipe or a file, never for a quick run. The
# terminal comes from script(1); without it or python3 the checks that
# need them are skipped.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); echo "not ok $n - $1"; failures=$((failures + 1)); }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }

# at_tty FILE CMD: run CMD with stderr on a terminal, its stderr in FILE.
at_tty() {
    out=$1
    shift
    script -qec "$* 2>&1 >/dev/null" /dev/null >"$out" 2>&1
}

if ! command -v python3 >/dev/null 2>&1; then
    skip "python3 not found: no corpus long enough"
    echo "1..$n"
    exit 0
fi
python3 scripts/gen-corpus.py --docs 200 --stories 10 --out "$tmp/gen" \
    --seed 5 >/dev/null
# The same 200 documents five times: a run of well over a second.
set -- "$tmp/gen" "$tmp/gen" "$tmp/gen" "$tmp/gen" "$tmp/gen"

"$CLAIMDIFF" --format json "$@" >/dev/null 2>"$tmp/pipe.err"
[ -s "$tmp/pipe.err" ] && fail "stderr to a file stays empty" ||
    ok "stderr to a file stays empty"
"$CLAIMDIFF" extract -j 2 "$@" 2>&1 >/dev/null | cat >"$tmp/pipe2.err"
[ -s "$tmp/pipe2.err" ] && fail "extract: stderr to a pipe stays empty" ||
    ok "extract: stderr to a pipe stays empty"

if ! command -v script >/dev/null 2>&1; then
    skip "script(1) not found: no terminal"
    echo "1..$n"
    exit 0
fi
start=$(date +%s)
at_tty "$tmp/tty.err" "$CLAIMDIFF" --format json "$@"
took=$(($(date +%s) - start))
if grep -q '/1000 files, [0-9.]* MB/s' "$tmp/tty.err"; then
    ok "a long run at a terminal shows files done / total and MB/s"
elif [ "$took" -lt 2 ]; then
    skip "the run took under two seconds here; nothing to show"
else
    fail "a long run at a terminal shows files done / total and MB/s"
    od -c "$tmp/tty.err" | head -5 | sed 's/^/# /'
fi
# The last thing written erases the line, so the prompt comes back clean.
tail -c 4 "$tmp/tty.err" | od -c | grep -q '\\r 033   \[   K' &&
    ok "the line is erased at the end" ||
    { [ "$took" -lt 2 ] && skip "no line to erase" ||
        fail "the line is erased at the end"; }

at_tty "$tmp/quick.err" "$CLAIMDIFF" fixtures/seeds
[ -s "$tmp/quick.err" ] && fail "a quick run at a terminal shows nothing" ||
    ok "a quick run at a terminal shows nothing"

echo "1..$n"
[ $failures -eq 0 ]
