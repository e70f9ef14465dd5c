#!/bin/sh
# --format jsonl against --format json, printed as TAP: every line is a
# JSON object on its own, and the lines of each type, without "type" and
# the added "path"s, are exactly the items of the matching JSON section.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

check() { # name, then the command's status
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1"
        failures=$((failures + 1))
    fi
}

set -- fixtures/seeds/*.txt fixtures/golden/page.html
"$CLAIMDIFF" --format json --all --explain "$@" >"$tmp/out.json"
"$CLAIMDIFF" --format jsonl --all --explain "$@" >"$tmp/out.jsonl"

# Each line parses alone (-R reads raw lines) and is a typed object.
jq -R -e -s 'split("\n") | map(select(length > 0) | fromjson
             | type == "object" and (.type | IN("document", "entity",
               "date", "quote", "claim", "comparison"))) | all' \
    "$tmp/out.jsonl" >/dev/null 2>&1
check "every line is one typed JSON object" $?

# Every "doc" on a line is followed by the path of that document.
jq -s -e '(map(select(.type == "document") | {(.id): .path}) | add) as $p
          | [.. | objects | select(has("doc")) | .path == $p[.doc]] | all' \
    "$tmp/out.jsonl" >/dev/null
check "every doc reference carries its document's path" $?

for pair in document:documents entity:entities date:dates quote:quotes \
    claim:claims comparison:comparisons; do
    type=${pair%%:*}
    section=${pair#*:}
    jq -c ".${section}[]" "$tmp/out.json" >"$tmp/want"
    jq -c "select(.type == \"$type\") | del(.type)
           | walk(if type == \"object\" and has(\"doc\") then del(.path)
                  else . end)
           | if has(\"entity_type\") then
                 to_entries | map(if .key == \"entity_type\"
                                  then .key = \"type\" else . end)
                 | from_entries
             else . end" "$tmp/out.jsonl" >"$tmp/got"
    [ -s "$tmp/want" ] || [ "$type" = comparison ] || {
        check "$section: fixture has items" 1
        continue
    }
    cmp -s "$tmp/want" "$tmp/got"
    check "$type lines are the JSON $section" $?
done

echo "1..$n"
[ $failures -eq 0 ]
