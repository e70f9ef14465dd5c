#!/bin/sh
# The HTML report end to end, printed as TAP:
# - golden: fixtures/expected/<case>.html against `--format html` with the
#   arguments of <case>.args, byte for byte (--regen rewrites the .html
#   files that exist; create an empty one to add a case; review the diff
#   before committing);
# - the seeds' page is well-formed XML and parses as HTML with no error
#   but libxml2's HTML 4 parser not knowing <details>/<summary> (xmllint,
#   Debian package libxml2-utils);
# - a file name full of markup reaches the page escaped.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
regen=0
[ "${1:-}" = "--regen" ] && regen=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

ok() {
    n=$((n + 1))
    echo "ok $n - $1"
}

not_ok() {
    n=$((n + 1))
    failures=$((failures + 1))
    echo "not ok $n - $1"
    [ -s "$tmp/why" ] && head -20 "$tmp/why" | sed 's/^/# /'
    : >"$tmp/why"
}

for args in fixtures/expected/*.args; do
    case=$(basename "$args" .args)
    want="fixtures/expected/$case.html"
    [ -f "$want" ] || continue
    set -f
    old_ifs=$IFS
    IFS='
'
    set -- $(cat "$args")
    IFS=$old_ifs
    set +f
    "$CLAIMDIFF" --format html "$@" >"$tmp/out" 2>"$tmp/err"
    if [ $regen -eq 1 ]; then
        cp "$tmp/out" "$want"
        ok "$case.html regenerated"
    elif diff -u "$want" "$tmp/out" >"$tmp/why"; then
        ok "$case.html"
    else
        not_ok "$case.html differs from $want"
    fi
done
[ $regen -eq 1 ] && exit 0

page="$tmp/seeds.html"
"$CLAIMDIFF" --format html fixtures/seeds/*.txt >"$page" 2>"$tmp/why"
if ! command -v xmllint >/dev/null 2>&1; then
    echo "xmllint not found (Debian package libxml2-utils)" >"$tmp/why"
    not_ok "xmllint is installed"
else
    if xmllint --noout --nonet "$page" 2>"$tmp/why"; then
        ok "the seeds' page is well-formed XML"
    else
        not_ok "the seeds' page is not well-formed XML"
    fi
    xmllint --html --noout --nonet "$page" 2>&1 |
        grep ': HTML parser error : ' | grep -vE 'Tag (details|summary) invalid' >"$tmp/why"
    if [ -s "$tmp/why" ]; then
        not_ok "the seeds' page has HTML parser errors"
    else
        ok "the seeds' page parses as HTML"
    fi
fi

# Markup in a file name and in the text must arrive as text.
mkdir -p "$tmp/in"
nasty="$tmp/in/<b>a&b \"c\".txt"
printf 'A <script>alert(1)</script> headline & more\n\nThe text says "x < y & z" here.\n' >"$nasty"
"$CLAIMDIFF" --format html "$nasty" >"$tmp/nasty.html" 2>"$tmp/why"
if grep -q '<script\|<b>' "$tmp/nasty.html"; then
    grep -n '<script\|<b>' "$tmp/nasty.html" >"$tmp/why"
    not_ok "markup from the input is escaped"
elif ! grep -q '&lt;b&gt;a&amp;b' "$tmp/nasty.html"; then
    echo "file name not found escaped" >"$tmp/why"
    not_ok "markup from the input is escaped"
else
    ok "markup from the input is escaped"
fi

echo "1..$n"
[ $failures -eq 0 ]
