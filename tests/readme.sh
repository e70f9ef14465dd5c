#!/bin/sh
# The jq recipes of README.md, printed as TAP. Each recipe is the fenced
# block after a "<!-- recipe: NAME -->" line; it is run as written, in a
# directory whose story.json is the JSON output for fixtures/seeds/, and its
# output is checked for sense, not byte for byte.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
# Recipes run in other directories.
case $CLAIMDIFF in
*/*) CLAIMDIFF=$(cd "$(dirname "$CLAIMDIFF")" && pwd)/$(basename "$CLAIMDIFF") ;;
esac
readme=README.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

ok()
{
    n=$((n + 1))
    echo "ok $n - $1"
}

not_ok()
{
    n=$((n + 1))
    failures=$((failures + 1))
    echo "not ok $n - $1"
    [ $# -lt 2 ] || printf '%s\n' "$2" | head -20 | sed 's/^/#   /'
}

# recipe NAME: the recipe's shell text, empty when there is none.
recipe()
{
    awk -v want="$1" '
        $0 == "<!-- recipe: " want " -->" { grab = 1; next }
        grab == 1 && /^```/ { grab = 2; next }
        grab == 2 && /^```/ { exit }
        grab == 2 { print }' "$readme"
}

# run NAME DIR: run the recipe in DIR; its output in $tmp/NAME.out. Fails
# when the recipe is missing or exits non-zero.
run()
{
    recipe "$1" >"$tmp/$1.sh"
    if [ ! -s "$tmp/$1.sh" ]; then
        not_ok "README has the $1 recipe"
        return 1
    fi
    if (cd "$2" && sh "$tmp/$1.sh") >"$tmp/$1.out" 2>"$tmp/$1.err"; then
        ok "the $1 recipe runs"
        return 0
    fi
    not_ok "the $1 recipe runs" "$(cat "$tmp/$1.sh" "$tmp/$1.err")"
    return 1
}

# expect DESCRIPTION COMMAND...: ok when COMMAND succeeds.
expect()
{
    desc=$1
    shift
    if "$@" >/dev/null 2>&1; then
        ok "$desc"
    else
        not_ok "$desc" "$(cat "$tmp/out" 2>/dev/null)"
    fi
}

count=$(grep -c '^<!-- recipe: [a-z]* -->$' "$readme")
expect "README has five recipes (found $count)" test "$count" -eq 5

mkdir -p "$tmp/seeds"
"$CLAIMDIFF" --format json fixtures/seeds/*.txt >"$tmp/seeds/story.json"
ndocs=$(jq '.documents | length' "$tmp/seeds/story.json")

# A made-up pair that conflicts, since the seeds may not.
mkdir -p "$tmp/conflict/articles"
printf '%s\n\n%s\n' "Helicopter downed" "A Russian Xk-31 helicopter was \
shot down over Syria, killing five people. Russia and Turkey traded blame." \
    >"$tmp/conflict/articles/a.txt"
printf '%s\n\n%s\n' "Helicopter lost" "An Xk-31 helicopter was shot down \
over Syria, killing two people. Russia and Turkey traded blame." \
    >"$tmp/conflict/articles/b.txt"
(cd "$tmp/conflict" && "$CLAIMDIFF" --format json articles/*.txt >story.json)

# ---- every conflict, with file and line ---------------------------------
if run conflicts "$tmp/seeds"; then
    want=$(jq '[.comparisons[] | select(.verdict == "conflict")] | length' \
        "$tmp/seeds/story.json")
    got=$(grep -c '^[^ ]' "$tmp/conflicts.out")
    expect "conflicts: one heading per conflict in the seeds ($want)" \
        test "$got" -eq "$want"
fi
if run conflicts "$tmp/conflict"; then
    cp "$tmp/conflicts.out" "$tmp/out"
    got=$(grep -c '^[^ ]' "$tmp/conflicts.out")
    expect "conflicts: the made-up pair has one conflict ($got)" \
        test "$got" -eq 1
    expect "conflicts: each value names its file and line" \
        grep -q '^  articles/a\.txt:3: .*five' "$tmp/conflicts.out"
    expect "conflicts: both sources are listed" \
        grep -q '^  articles/b\.txt:3: .*two' "$tmp/conflicts.out"
fi

# ---- sources per event --------------------------------------------------
if run sources "$tmp/seeds"; then
    cp "$tmp/sources.out" "$tmp/out"
    expect "sources: not empty" test -s "$tmp/sources.out"
    expect "sources: every line is 'event: source, source...'" \
        sh -c '! grep -v "^[^ ].*: [^ ].*, [^ ]" "$1"' _ "$tmp/sources.out"
    expect "sources: an outlet's name stands for its document" \
        grep -q 'The Moscow Times' "$tmp/sources.out"
fi

# ---- quotes by speaker --------------------------------------------------
if run quotes "$tmp/seeds"; then
    cp "$tmp/quotes.out" "$tmp/out"
    expect "quotes: an object of speaker names to lists of quotes" \
        jq -e 'type == "object" and length > 0
               and all(.[]; type == "array" and length > 0)' \
        "$tmp/quotes.out"
    expect "quotes: every quote of the output is listed once" \
        jq -e --slurpfile s "$tmp/seeds/story.json" \
        '[.[][]] | length == ($s[0].quotes | length)' "$tmp/quotes.out"
    expect "quotes: speakers are entity names" \
        jq -e --slurpfile s "$tmp/seeds/story.json" \
        '[$s[0].entities[].name] as $names
         | any(keys[]; . as $k | $names | index($k))' "$tmp/quotes.out"
fi

# ---- entities with aliases ----------------------------------------------
if run aliases "$tmp/seeds"; then
    cp "$tmp/aliases.out" "$tmp/out"
    expect "aliases: not empty" test -s "$tmp/aliases.out"
    expect "aliases: every line is 'name (type): alias | alias...'" \
        sh -c '! grep -Ev "^.+ \((person|organization|group|country|place)\): .+ \| .+$" "$1"' \
        _ "$tmp/aliases.out"
fi

# ---- dates per document -------------------------------------------------
if run dates "$tmp/seeds"; then
    cp "$tmp/dates.out" "$tmp/out"
    lines=$(wc -l <"$tmp/dates.out")
    expect "dates: one line per document ($ndocs)" test "$lines" -eq "$ndocs"
    expect "dates: documents in input order" \
        sh -c 'cut -d: -f1 "$1" | sort -c' _ "$tmp/dates.out"
    expect "dates: ISO dates are listed" \
        grep -Eq '^fixtures/seeds/[^:]+\.txt: .*[0-9]{4}-[0-9]{2}-[0-9]{2}' \
        "$tmp/dates.out"
fi

echo "1..$n"
[ "$failures" -eq 0 ]
