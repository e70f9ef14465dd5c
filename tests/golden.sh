#!/bin/sh
# Golden tests of the CLI, printed as TAP.
#
# fixtures/expected/<case>.json: JSON output, compared structurally (jq -S:
# key order and white space do not matter, values and order of arrays do).
# fixtures/expected/<case>.txt: text output, compared byte for byte.
# fixtures/expected/<case>.jsonl: JSON Lines output, compared byte for byte
# (it carries no rules hash).
# fixtures/expected/<case>.args: the arguments, one per line, paths
# relative to the repository. With --regen, the expected files are
# rewritten from the current output (review the diff before committing).
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
regen=0
# The rules hash changes with every rule edit; what the rules do shows in
# the rest of the output.
norm="del(.tool.rules)"
[ "${1:-}" = "--regen" ] && regen=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0
for args in fixtures/expected/*.args; do
    [ -f "$args" ] || continue
    case=$(basename "$args" .args)
    # Word splitting on newlines only: each line is one argument.
    set -f
    old_ifs=$IFS
    IFS='
'
    set -- $(cat "$args")
    IFS=$old_ifs
    set +f
    for ext in json txt jsonl; do
        want="fixtures/expected/$case.$ext"
        [ -f "$want" ] || [ $regen -eq 1 ] || continue
        fmt=text
        [ "$ext" = json ] && fmt=json
        [ "$ext" = jsonl ] && fmt=jsonl
        n=$((n + 1))
        "$CLAIMDIFF" --format "$fmt" "$@" >"$tmp/out" 2>"$tmp/err"
        if [ $regen -eq 1 ]; then
            cp "$tmp/out" "$want"
            echo "ok $n - $case.$ext regenerated"
            continue
        fi
        if [ "$ext" = json ]; then
            jq -S "$norm" "$want" >"$tmp/want.n" 2>&1 && jq -S "$norm" "$tmp/out" >"$tmp/out.n" 2>&1
            cmp=$(diff -u "$tmp/want.n" "$tmp/out.n")
        else
            cmp=$(diff -u "$want" "$tmp/out")
        fi
        if [ -z "$cmp" ]; then
            echo "ok $n - $case.$ext"
        else
            echo "not ok $n - $case.$ext differs from $want"
            echo "$cmp" | head -40 | sed 's/^/# /'
            failures=$((failures + 1))
        fi
    done
done
echo "1..$n"
[ $failures -eq 0 ]
