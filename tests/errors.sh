#!/bin/sh
# Bad input and usage errors, printed as TAP. Every input is made here, in
# a temporary directory, so the repository holds no binary or huge files.
# Each case checks the exit status and the exact stderr line, and that the
# good inputs given alongside still reach the report.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

good="$tmp/good.txt"
printf 'A headline\n\nThe minister said on Monday that talks would resume.\n' >"$good"

# check NAME WANT_STATUS WANT_STDERR_LINE WANT_DOCS ARGS...
# WANT_DOCS: documents expected in the JSON output (- to skip the check).
check() {
    name=$1 want_status=$2 want_err=$3 want_docs=$4
    shift 4
    n=$((n + 1))
    "$CLAIMDIFF" --format json "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    problem=""
    [ "$status" -eq "$want_status" ] || problem="exit status $status, want $want_status"
    if [ -n "$want_err" ] && ! grep -qxF -- "$want_err" "$tmp/err"; then
        problem="$problem; stderr lacks: $want_err"
    fi
    if [ "$want_docs" != - ]; then
        docs=$(jq '.documents | length' "$tmp/out" 2>/dev/null)
        [ "$docs" = "$want_docs" ] || problem="$problem; $docs documents, want $want_docs"
    fi
    if [ -z "$problem" ]; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name: $problem"
        sed 's/^/# stderr: /' "$tmp/err" | head -5
        failures=$((failures + 1))
    fi
}

check "a missing file is named and the others still processed" 2 \
    "claimdiff: $tmp/missing.txt: No such file or directory" 1 \
    "$tmp/missing.txt" "$good"

printf 'abc\000def\n' >"$tmp/data.bin"
check "a binary file is skipped with a message" 2 \
    "claimdiff: $tmp/data.bin: binary file, skipped" 1 "$tmp/data.bin" "$good"

: >"$tmp/empty.txt"
check "an empty file is skipped with a message" 2 \
    "claimdiff: $tmp/empty.txt: empty file, skipped" 1 "$tmp/empty.txt" "$good"

printf '  \n\t\n \302\240 \n' >"$tmp/blank.txt"
check "a white-space-only file is skipped with a message" 2 \
    "claimdiff: $tmp/blank.txt: no text (only white space), skipped" 1 \
    "$tmp/blank.txt" "$good"

printf 'Caf\351 in Z\374rich said \377 hello.\n' >"$tmp/latin1.txt"
check "invalid UTF-8 is repaired and reported as a warning" 0 "" 1 "$tmp/latin1.txt"
n=$((n + 1))
w=$(jq -r '.documents[0].warnings[0]' "$tmp/out")
bytes=$(jq -r '.documents[0].bytes' "$tmp/out")
if [ "$w" = "invalid UTF-8 repaired: 3 bytes replaced by '?'" ] && [ "$bytes" = 29 ]; then
    echo "ok $n - repaired text keeps its length"
else
    echo "not ok $n - repaired text keeps its length: warning '$w', bytes $bytes"
    failures=$((failures + 1))
fi

mkdir -p "$tmp/nothing"
printf 'x' >"$tmp/nothing/readme.md"
check "a directory with nothing readable is named" 2 \
    "claimdiff: $tmp/nothing: directory holds no .txt, .html or .htm file, skipped" \
    1 "$tmp/nothing" "$good"

mkdir -p "$tmp/loop/sub"
cp "$good" "$tmp/loop/sub/a.txt"
ln -s .. "$tmp/loop/sub/up"
check "a directory loop through a symlink ends" 0 "" 1 "$tmp/loop"

mkdir -p "$tmp/tree/b" "$tmp/tree/a"
cp "$good" "$tmp/tree/b/2.txt"
cp "$good" "$tmp/tree/a/1.html.txt"
cp "$good" "$tmp/tree/c.htm"
check "a directory gives its files recursively" 0 "" 3 "$tmp/tree"
n=$((n + 1))
order=$(jq -r '[.documents[].path] | join(" ")' "$tmp/out")
if [ "$order" = "$tmp/tree/a/1.html.txt $tmp/tree/b/2.txt $tmp/tree/c.htm" ]; then
    echo "ok $n - directory files come in sorted order"
else
    echo "not ok $n - directory files come in sorted order: $order"
    failures=$((failures + 1))
fi

check "standard input is read as -" 0 "" 1 - <"$good"

check "an unknown option is a usage error" 2 "claimdiff: unknown option '--bogus'" - \
    --bogus "$good"
check "no input is a usage error" 2 "claimdiff: no input given" -
check "a bad --format value is a usage error" 2 \
    "claimdiff: --format: unknown value 'xml'" - --format xml "$good"

# A 100 MB file on a single line: processed, in bounded time and memory.
awk 'BEGIN { s = "The officials said that five people were killed on Monday in the city. ";
             for (i = 0; i < 1400000; i++) printf "%s", s }' >"$tmp/long.txt"
check "a 100 MB single line is processed" 0 "" 2 "$tmp/long.txt" "$good"
n=$((n + 1))
if "$CLAIMDIFF" --version | grep -q '^claimdiff [0-9]'; then
    echo "ok $n - --version names the tool"
else
    echo "not ok $n - --version names the tool"
    failures=$((failures + 1))
fi
n=$((n + 1))
if "$CLAIMDIFF" --help | grep -q '^usage: claimdiff'; then
    echo "ok $n - --help prints usage on stdout"
else
    echo "not ok $n - --help prints usage on stdout"
    failures=$((failures + 1))
fi

echo "1..$n"
[ $failures -eq 0 ]
