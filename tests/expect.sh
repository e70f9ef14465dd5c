#!/bin/sh
# --expect and --fail-on from the command line, printed as TAP: exit
# statuses 0/1/2, the printed drifts, and the project's own fixture
# expectations (fixtures/expected/*.json) checked through --expect.
# Inputs and hand-written expectations are under fixtures/expect/.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0
x=fixtures/expect
agree="$x/five-a.txt $x/five-b.txt"
conflict="$x/five-a.txt $x/seven.txt"

# check NAME WANT_STATUS ARGS... ; stdout must equal $tmp/want (if present),
# stderr must hold the line in $want_err (if set).
check() {
    name=$1 want_status=$2
    shift 2
    n=$((n + 1))
    "$CLAIMDIFF" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    problem=""
    [ "$status" -eq "$want_status" ] || problem="exit status $status, want $want_status"
    if [ -f "$tmp/want" ] && ! cmp -s "$tmp/want" "$tmp/out"; then
        problem="$problem; stdout differs"
    fi
    if [ -n "${want_err:-}" ] && ! grep -qxF -- "$want_err" "$tmp/err"; then
        problem="$problem; stderr lacks: $want_err"
    fi
    if [ -z "$problem" ]; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name: $problem"
        [ -f "$tmp/want" ] && diff "$tmp/want" "$tmp/out" | head -20 | sed 's/^/# /'
        sed 's/^/# stderr: /' "$tmp/err" | head -5
        failures=$((failures + 1))
    fi
    rm -f "$tmp/want"
    want_err=""
}

# want TEXT: the exact stdout the next check expects.
want() {
    printf '%s' "$1" >"$tmp/want"
}

# ---- holding and drifting ---------------------------------------------------

want '1 expectation holds
'
check "a hand-written subset holds" 0 --expect "$x/holds.json" $agree

want 'verdict changed: Zr-17 killed: how many people (killed)
  want agree, got conflict (five vs seven)
1 drift; 0 of 1 expectations hold
'
check "a changed verdict is printed and fails" 1 --expect "$x/verdict.json" $conflict

want 'value changed: Zr-17 killed: how many people (killed)
  fixtures/expect/seven.txt: want 5, got 7
1 drift; 1 of 2 expectations hold
'
check "a changed value is printed and fails" 1 --expect="$x/value.json" $conflict

want 'comparison gone: Zr-17 killed: by whom
  want: agree
event gone: Zr-17 landing (2 comparisons)
  Zr-17 landing: where
  Zr-17 landing: when
comparison gone: Zr-17: type
  want: missing.txt
  missing.txt: no document of this run has that name
3 drifts; 0 of 4 expectations hold
'
check "gone comparisons and events are printed and fail" 1 \
    --expect "$x/gone.json" $agree

want 'new conflict: Zr-17 killed: how many people (killed)
  fixtures/expect/five-a.txt 5, fixtures/expect/seven.txt 7 (five vs seven)
1 drift; 0 of 0 expectations hold
'
check "a full expectation fails on a new conflict" 1 \
    --expect "$x/no-conflict.json" $conflict
check "a full expectation holds without conflicts" 0 \
    --expect "$x/no-conflict.json" $agree

"$CLAIMDIFF" --format json $conflict >"$tmp/saved.json" 2>/dev/null
want '10 expectations hold
'
check "a saved output holds from another directory" 0 --expect "$tmp/saved.json" \
    "$PWD/$x/five-a.txt" "$PWD/$x/seven.txt"

# ---- bad expectation files ------------------------------------------------

want_err="claimdiff: $x/malformed.json:2:38: not valid JSON"
check "malformed JSON is named with its position" 2 \
    --expect "$x/malformed.json" $agree
want_err="claimdiff: $x/bad-verdict.json: comparisons[0].verdict: not one of agree, partial, conflict, single"
check "a wrong field is named" 2 --expect "$x/bad-verdict.json" $agree
want_err="claimdiff: $tmp/none.json: cannot read the expectation: No such file or directory"
check "a missing expectation file is named" 2 --expect "$tmp/none.json" $agree
want_err="claimdiff: --expect checks comparisons; --dump-text makes none"
check "--expect with --dump-text is a usage error" 2 \
    --expect "$x/holds.json" --dump-text $agree
want_err="claimdiff: --expect needs a value"
check "--expect without a file is a usage error" 2 --expect

# ---- --fail-on --------------------------------------------------------------

check "--fail-on conflict passes when sources agree" 0 --fail-on conflict $agree
check "--fail-on conflict fails on a conflict" 1 --fail-on conflict $conflict
check "--fail-on=partial fails on a conflict" 1 --fail-on=partial $conflict
# The seeds without 001, whose Aleppo "in the east of the country" is the
# seeds' one conflict: partial agreement, no conflict.
seeds=$(ls fixtures/seeds/*.txt | grep -v /001_)
check "--fail-on conflict passes on partial agreement" 0 --fail-on=conflict $seeds
check "--fail-on partial fails on partial agreement" 1 --fail-on partial $seeds
want_err="claimdiff: --fail-on: unknown value 'agree'"
check "--fail-on agree is a usage error" 2 --fail-on agree $agree

# ---- the project's own fixture expectations ----------------------------------

for args in fixtures/expected/*.args; do
    [ -f "$args" ] || continue
    case=$(basename "$args" .args)
    [ -f "fixtures/expected/$case.json" ] || continue
    set -f
    old_ifs=$IFS
    IFS='
'
    set -- $(cat "$args")
    IFS=$old_ifs
    set +f
    k=$(jq '.comparisons | length' "fixtures/expected/$case.json")
    if [ "$k" = 1 ]; then
        want '1 expectation holds
'
    else
        want "$k expectations hold
"
    fi
    check "fixtures/expected/$case.json holds" 0 \
        --expect "fixtures/expected/$case.json" "$@"
done

echo "1..$n"
[ $failures -eq 0 ]
