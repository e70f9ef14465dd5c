#!/bin/sh
# claimdiff extract + claimdiff compare against one run, printed as TAP:
# byte-identical output on the seeds (json, text, jsonl), with the inputs
# split over two record files and one read from stdin, with -j 2, and on
# the stories of /work/shared/corpus when that exists (skipped when not);
# bad record files: a message naming file and line, exit status 2.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); echo "not ok $n - $1"; failures=$((failures + 1)); }

# same NAME FILE1 FILE2: the two outputs are the same bytes.
same() {
    if cmp -s "$2" "$3"; then
        ok "$1"
    else
        fail "$1"
        diff "$2" "$3" | head -10 | sed 's/^/# /'
    fi
}

one=fixtures/seeds/000_2f50cd68122ddbe1.txt
set -- fixtures/seeds/*.txt fixtures/golden/page.html fixtures/golden/furniture.txt
"$CLAIMDIFF" extract "$@" >"$tmp/all.rec"
"$CLAIMDIFF" extract -j 2 "$@" >"$tmp/all-j2.rec"
same "extract -j 2 writes what -j 1 writes" "$tmp/all.rec" "$tmp/all-j2.rec"
# The first three inputs in one file, the rest in another (read as -).
"$CLAIMDIFF" extract "$1" "$2" "$3" >"$tmp/a.rec"
shift 3
"$CLAIMDIFF" extract "$@" >"$tmp/b.rec"
set -- fixtures/seeds/*.txt fixtures/golden/page.html fixtures/golden/furniture.txt

for fmt in json text jsonl; do
    "$CLAIMDIFF" --format $fmt --all --explain "$@" >"$tmp/run.$fmt"
    "$CLAIMDIFF" compare --format $fmt --all --explain "$tmp/all.rec" \
        >"$tmp/cmp.$fmt"
    same "seeds, $fmt: extract + compare = one run" "$tmp/run.$fmt" "$tmp/cmp.$fmt"
    "$CLAIMDIFF" compare --format $fmt --all --explain "$tmp/a.rec" - \
        <"$tmp/b.rec" >"$tmp/split.$fmt"
    same "seeds, $fmt: two record files (one on stdin) = one run" \
        "$tmp/run.$fmt" "$tmp/split.$fmt"
done

# The test can fail: records of other inputs give other output.
"$CLAIMDIFF" compare --format json "$tmp/a.rec" >"$tmp/part.json"
if cmp -s "$tmp/run.json" "$tmp/part.json"; then
    fail "compare of part of the records differs from the whole"
else
    ok "compare of part of the records differs from the whole"
fi

# Exit status and --fail-on follow the comparisons as in one run.
"$CLAIMDIFF" --fail-on=conflict "$@" >/dev/null 2>&1
want=$?
"$CLAIMDIFF" compare --fail-on=conflict "$tmp/all.rec" >/dev/null 2>&1
got=$?
[ "$want" -eq "$got" ] && ok "--fail-on status as in one run ($got)" ||
    fail "--fail-on status $got, one run gives $want"

if [ -d /work/shared/corpus ]; then
    for story in /work/shared/corpus/*/; do
        [ -d "$story" ] || continue
        name=$(basename "$story")
        "$CLAIMDIFF" --format json --all "$story" >"$tmp/story.run" 2>&1
        "$CLAIMDIFF" extract -j 2 "$story" 2>&1 |
            "$CLAIMDIFF" compare --format json --all - >"$tmp/story.cmp" 2>&1
        same "corpus $name: extract + compare = one run" \
            "$tmp/story.run" "$tmp/story.cmp"
    done
else
    ok "# SKIP /work/shared/corpus not found"
fi

# bad NAME STATUS PATTERN FILE...: compare fails with that status and a
# message matching PATTERN.
bad() {
    name=$1
    want=$2
    pattern=$3
    shift 3
    "$CLAIMDIFF" compare "$@" >/dev/null 2>"$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ] && grep -q -- "$pattern" "$tmp/err"; then
        ok "$name"
    else
        fail "$name (status $got)"
        sed 's/^/# /' "$tmp/err" | head -5
    fi
}

head -c 3000 "$tmp/a.rec" >"$tmp/cut.rec"
bad "a truncated file names its last line" 2 \
    "^claimdiff: $tmp/cut.rec:1: last line has no newline" "$tmp/cut.rec"
{ head -n 1 "$tmp/a.rec"; echo '{"type": "record", "format"'; } >"$tmp/json.rec"
bad "a line of bad JSON is named" 2 "^claimdiff: $tmp/json.rec:2:" \
    "$tmp/json.rec"
sed '1s/"rules":"[0-9a-f]*"/"rules":"0123456789abcdef"/' "$tmp/a.rec" >"$tmp/rules.rec"
bad "records of other rules are refused" 2 \
    "$tmp/rules.rec:1: record made with rules 0123456789abcdef" "$tmp/rules.rec"
"$CLAIMDIFF" --format jsonl "$one" >"$tmp/out.jsonl"
bad "--format jsonl output is refused" 2 \
    "$tmp/out.jsonl:1: a \"document\" line, not a record" "$tmp/out.jsonl"
sed '1s/"span":\[[0-9]*,[0-9]*\]/"span":[0,999999999]/' "$tmp/a.rec" >"$tmp/span.rec"
bad "a span past the text is refused" 2 "$tmp/span.rec:1: bad record:" \
    "$tmp/span.rec"
sed '2s/"speaker":[0-9-]*/"speaker":100000/' "$tmp/a.rec" >"$tmp/idx.rec"
bad "an index out of range is refused" 2 \
    "$tmp/idx.rec:2: bad record: \"speaker\" must be an integer" "$tmp/idx.rec"
seq 30 >"$tmp/numbers.rec"
bad "after ten bad lines the rest of a file is skipped" 2 \
    "^claimdiff: $tmp/numbers.rec: rest of the file skipped" "$tmp/numbers.rec"
[ "$(grep -c 'not a JSON object' "$tmp/err")" = 10 ] &&
    ok "... after naming each of the ten" ||
    fail "... after naming each of the ten"
bad "a missing file is named" 2 "^claimdiff: $tmp/none.rec:" "$tmp/none.rec"
# The good lines around a bad one are still compared.
"$CLAIMDIFF" compare --format json "$tmp/idx.rec" >"$tmp/idx.json" 2>/dev/null
[ "$(jq '.documents | length' "$tmp/idx.json")" = 2 ] &&
    ok "the other records of a file with a bad line are read" ||
    fail "the other records of a file with a bad line are read"

"$CLAIMDIFF" extract --all "$one" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "extract does not take --all" "$tmp/err" &&
    ok "extract refuses report options" || fail "extract refuses report options"

echo "1..$n"
[ $failures -eq 0 ]
