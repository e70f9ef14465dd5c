#!/bin/sh
# The bad-input corpus, printed as TAP. Small cases are files in tests/bad/;
# big ones are made here in a temporary directory, so the repository holds
# no huge file. Every case runs under `timeout` (a hang fails it) next to a
# good document, and checks the outcome CONTRACT.md gives: exit status, the
# exact stderr line naming the file, and that the good document (and the
# bad one, when it is readable) reaches the report. tests/errors.sh already
# covers a NUL in a text file, empty and white-space-only text, Latin-1
# bytes, one symlink loop and a 100 MB line; this extends those.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
# Seconds a case may take. The big ones take a few seconds in the release
# build and under a minute with ASan on a busy machine.
: "${BAD_TIMEOUT:=240}"
export LC_ALL=C TZ=UTC NO_COLOR=1
bad=$(dirname "$0")/bad
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

good="$tmp/good.txt"
printf 'A headline\n\nThe minister said on Monday that talks would resume.\n' >"$good"

# check NAME WANT_STATUS WANT_STDERR_LINE JQ_TEST ARGS...
# WANT_STDERR_LINE: "" for an empty stderr. JQ_TEST: a jq expression that
# must be true of the JSON output (- for none).
check() {
    name=$1 want_status=$2 want_err=$3 jq_test=$4
    shift 4
    n=$((n + 1))
    timeout "$BAD_TIMEOUT" "$CLAIMDIFF" --format json "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    problem=""
    if [ "$status" -eq 124 ]; then
        problem="timed out after ${BAD_TIMEOUT}s"
    elif [ "$status" -ne "$want_status" ]; then
        problem="exit status $status, want $want_status"
    fi
    if [ -z "$want_err" ]; then
        [ ! -s "$tmp/err" ] || problem="$problem; stderr not empty"
    elif ! grep -qxF -- "$want_err" "$tmp/err"; then
        problem="$problem; stderr lacks: $want_err"
    fi
    if [ "$jq_test" != - ] && [ "$(jq "$jq_test" "$tmp/out" 2>&1)" != true ]; then
        problem="$problem; output fails: $jq_test"
    fi
    if [ -z "$problem" ]; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name: $problem"
        sed 's/^/# stderr: /' "$tmp/err" | head -5
        failures=$((failures + 1))
    fi
}

# The good document, last of the inputs, is in the report.
good_too='(.documents | last | .path) == "'$good'"'

# ---- invalid UTF-8 ---------------------------------------------------

check "invalid UTF-8 of every kind is repaired byte for byte" 0 "" \
    '.documents[0].bytes == 200 and .documents[0].warnings[0] ==
     "invalid UTF-8 repaired: 15 bytes replaced by '"'?'"'" and
     .documents[0].title == "Talks resume" and '"$good_too" \
    "$bad/invalid-utf8.txt" "$good"

check "invalid UTF-8 in a page declared UTF-8 still gives its article" 0 "" \
    '.documents[0].title == "Talks resume" and .documents[0].bytes > 50 and
     '"$good_too" "$bad/invalid-utf8.html" "$good"

# ---- NUL bytes -------------------------------------------------------

printf 'The minister said on Monday that talks would resume.\n\000' \
    >"$tmp/nul-end.txt"
check "a NUL as the last byte makes the file binary" 2 \
    "claimdiff: $tmp/nul-end.txt: binary file, skipped" \
    '(.documents | length) == 1 and '"$good_too" "$tmp/nul-end.txt" "$good"

printf '<html><body><p>Talks\000 resume.</p></body></html>\n' >"$tmp/nul.html"
check "a NUL in a page makes it binary" 2 \
    "claimdiff: $tmp/nul.html: binary file, skipped" \
    '(.documents | length) == 1 and '"$good_too" "$tmp/nul.html" "$good"

# ---- quotation marks -------------------------------------------------

awk 'BEGIN { s = "\"\"\"\"\"\"\"\"\"\""; for (i = 0; i < 1000000; i++) printf "%s", s }' \
    >"$tmp/quotes.txt"
check "10 MB of one ASCII quotation mark" 0 "" \
    '.documents[0].bytes == 10000000 and '"$good_too" "$tmp/quotes.txt" "$good"

# U+201C is three bytes: 3,333,334 of them make 10 MB.
awk 'BEGIN { for (i = 0; i < 3333334; i++) printf "\342\200\234" }' \
    >"$tmp/curly.txt"
check "10 MB of one curly opening quotation mark" 0 "" \
    '.documents[0].bytes == 10000002 and '"$good_too" "$tmp/curly.txt" "$good"

# 100,000 marks opened before any closes: curly double and single quotes
# alternating, then a word, then the closing marks in reverse.
awk 'BEGIN { printf "The minister said ";
             for (i = 0; i < 50000; i++) printf "\342\200\234\342\200\230";
             printf "talks resume";
             for (i = 0; i < 50000; i++) printf "\342\200\231\342\200\235";
             printf ".\n" }' >"$tmp/nested.txt"
check "100,000 nested curly quotation marks" 0 "" \
    '(.documents | length) == 2 and '"$good_too" "$tmp/nested.txt" "$good"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "He said \"";
             printf "talks resume";
             for (i = 0; i < 100000; i++) printf "\"";
             printf ".\n" }' >"$tmp/nested-ascii.txt"
check "100,000 nested ASCII quotations with speech frames" 0 "" \
    '(.documents | length) == 2 and '"$good_too" "$tmp/nested-ascii.txt" "$good"

# ---- HTML ------------------------------------------------------------

# libxml2 stops at 256 levels; the article text before the nesting stays.
awk 'BEGIN { printf "<html><body><article><p>The minister said on Monday that talks would resume.</p>";
             for (i = 0; i < 100000; i++) printf "<div>";
             printf "Deep text.";
             for (i = 0; i < 100000; i++) printf "</div>";
             printf "</article></body></html>\n" }' >"$tmp/deep.html"
check "100,000 nested divs stop with a warning" 0 "" \
    '.documents[0].warnings[0] ==
     "HTML parsing stopped early (nested too deeply); later text lost" and
     .documents[0].bytes > 50 and '"$good_too" "$tmp/deep.html" "$good"

awk 'BEGIN { printf "<html><body><p>The minister said on Monday that talks would resume.</p>";
             for (i = 0; i < 100000; i++) printf "<blockquote><table><tr><td><ul><li>";
             printf "</body></html>\n" }' >"$tmp/deep-mixed.html"
check "100,000 levels of unclosed quotes, tables and lists" 0 "" \
    '(.documents | length) == 2 and '"$good_too" "$tmp/deep-mixed.html" "$good"

# Entities defined in terms of each other are not expanded at all: the
# page stays a few hundred bytes, not 10^9 "lol"s.
check "an entity bomb (billion laughs) is not expanded" 0 "" \
    '.documents[0].bytes < 1000 and '"$good_too" "$bad/entity-laughs.html" "$good"

# 10 MB of character references: each becomes one to three bytes of text.
awk 'BEGIN { printf "<html><body><p>";
             for (i = 0; i < 400000; i++) printf "&amp;&nbsp;&#x201C;&#8221;&lt;";
             printf "</p></body></html>\n" }' >"$tmp/entities.html"
check "10 MB of character references" 0 "" \
    '.documents[0].bytes > 3000000 and '"$good_too" "$tmp/entities.html" "$good"

check "unclosed tags, broken references and an open comment" 0 "" \
    '(.documents[0].bytes > 50) and '"$good_too" "$bad/unclosed.html" "$good"

# ---- empty and white space ---------------------------------------------

: >"$tmp/empty.html"
check "an empty page is skipped with a message" 2 \
    "claimdiff: $tmp/empty.html: empty file, skipped" \
    '(.documents | length) == 1 and '"$good_too" "$tmp/empty.html" "$good"

printf ' \n\t\r\n' >"$tmp/blank.html"
check "a white-space-only page is skipped with a message" 2 \
    "claimdiff: $tmp/blank.html: no text (only white space), skipped" \
    '(.documents | length) == 1 and '"$good_too" "$tmp/blank.html" "$good"

# BOM, no-break space, zero-width space, ideographic space.
printf '\357\273\277\302\240\342\200\213\343\200\200\n' >"$tmp/unicode-space.txt"
check "Unicode white space only is skipped with a message" 2 \
    "claimdiff: $tmp/unicode-space.txt: no text (only white space), skipped" \
    '(.documents | length) == 1 and '"$good_too" "$tmp/unicode-space.txt" "$good"

check "a page of markup without a word is skipped with a message" 2 \
    "claimdiff: $bad/markup-only.html: no text (only markup and white space), skipped" \
    '(.documents | length) == 1 and '"$good_too" "$bad/markup-only.html" "$good"

check "a page that is only a comment names the file" 2 \
    "claimdiff: $bad/comment-only.html: no HTML document found" \
    '(.documents | length) == 1 and '"$good_too" "$bad/comment-only.html" "$good"

check "a document without a single name" 0 "" \
    '.documents[0].bytes == 7 and '"$good_too" "$bad/no-names.txt" "$good"

# ---- directory loops ---------------------------------------------------

# x and y link to each other, the top links to itself and, absolutely, to
# itself again: every file is read once, under its first path in order.
mkdir -p "$tmp/loops/x" "$tmp/loops/y"
cp "$good" "$tmp/loops/x/a.txt"
cp "$good" "$tmp/loops/y/b.txt"
ln -s ../y "$tmp/loops/x/to-y"
ln -s ../x "$tmp/loops/y/to-x"
ln -s . "$tmp/loops/self"
ln -s "$tmp/loops" "$tmp/loops/y/top"
check "mutual and self symlink loops read each file once" 0 "" \
    '[.documents[].path] == ["'"$tmp/loops/x/a.txt"'", "'"$tmp/loops/x/to-y/b.txt"'"]' \
    "$tmp/loops"

# Forty levels, each with two links to the next: 2^40 paths to one file.
mkdir -p "$tmp/fan"
i=0
while [ $i -lt 40 ]; do
    mkdir -p "$tmp/fan/d$i"
    ln -s "../d$((i + 1))" "$tmp/fan/d$i/l1"
    ln -s "../d$((i + 1))" "$tmp/fan/d$i/l2"
    i=$((i + 1))
done
mkdir -p "$tmp/fan/d40"
cp "$good" "$tmp/fan/d40/a.txt"
check "symlinks fanning out 2^40 ways end at once" 0 "" \
    '(.documents | length) == 1' "$tmp/fan/d0"

ln -s nowhere "$tmp/loops/x/dangling.txt"
check "a dangling symlink is named and the rest still read" 2 \
    "claimdiff: $tmp/loops/x/dangling.txt: No such file or directory" \
    '(.documents | length) == 2' "$tmp/loops"

echo "1..$n"
[ $failures -eq 0 ]
