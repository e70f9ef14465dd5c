#!/bin/sh
# Run every test: the cmocka unit tests, the CLI golden tests and the
# bad-input tests. Prints a closing "N passed, N failed" line and exits
# non-zero if anything failed.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
: "${TESTBIN:=build/tests}"
export CLAIMDIFF LC_ALL=C TZ=UTC NO_COLOR=1
pass=0
fail=0
failed=""

for t in "$TESTBIN"/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    if "$t" >"$TESTBIN/$name.log" 2>&1; then
        n=$(grep -c '^\[       OK \]' "$TESTBIN/$name.log")
        pass=$((pass + n))
        echo "ok   $name ($n tests)"
    else
        n=$(grep -c '^\[  FAILED  \]' "$TESTBIN/$name.log")
        ok=$(grep -c '^\[       OK \]' "$TESTBIN/$name.log")
        [ "$n" -gt 0 ] || n=1
        pass=$((pass + ok))
        fail=$((fail + n))
        failed="$failed $name"
        echo "FAIL $name"
        sed 's/^/    /' "$TESTBIN/$name.log" | grep -vE '^\s+\[ (RUN|      OK) ' | tail -40
    fi
done

# Every tests/*.sh script except this one, in name order; each prints TAP-ish
# "ok"/"not ok" lines.
for script in tests/*.sh; do
    [ "$script" = tests/run.sh ] && continue
    out=$(sh "$script" 2>&1)
    status=$?
    echo "$out" | grep -vE '^ok ' || true
    p=$(echo "$out" | grep -c '^ok ')
    f=$(echo "$out" | grep -c '^not ok ')
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
    fi
    pass=$((pass + p))
    fail=$((fail + f))
    [ "$f" -eq 0 ] || failed="$failed $script"
    if [ "$f" -eq 0 ]; then
        echo "ok   $script ($p tests)"
    else
        echo "FAIL $script"
    fi
done

echo
[ -z "$failed" ] || echo "failed:$failed"
echo "tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
