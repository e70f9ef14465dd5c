#!/bin/sh
# make check-browser: render the seeds' HTML report in headless Chromium
# (Debian package chromium; scripts/deps.sh --browser installs it), keep
# the screenshot as build/report.png, and check that the browser built the
# matrix (its rows and cells are in the DOM it dumps) and that the
# screenshot is a valid, non-blank PNG with the verdict colours in it.
# Printed as TAP. Not part of make check: a browser is a heavy dependency.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
: "${CHROMIUM:=chromium}"
export LC_ALL=C TZ=UTC NO_COLOR=1
out=build
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
    [ -s "$tmp/why" ] && tail -20 "$tmp/why" | sed 's/^/# /'
    : >"$tmp/why"
}

# Root needs --no-sandbox; a private profile keeps the run from touching
# (or depending on) the user's; the timeout stops a hung browser.
browse() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
        --no-first-run --hide-scrollbars --disable-dev-shm-usage \
        --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chromium.log"
}

page="$out/report.html"
"$CLAIMDIFF" --format html fixtures/seeds/*.txt >"$page" 2>"$tmp/why" ||
    not_ok "claimdiff writes the seeds' page"
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"

browse --dump-dom "$url" >"$tmp/dom.html"
count() { grep -o "$1" "$2" | wc -l; }
want_rows=$(count '<tr class="slot ' "$page")
got_rows=$(count '<tr class="slot ' "$tmp/dom.html")
want_cells=$(count '<td class="cell ' "$page")
got_cells=$(count '<td class="cell ' "$tmp/dom.html")
if [ "$want_rows" -gt 0 ] && [ "$got_rows" -eq "$want_rows" ] &&
    [ "$got_cells" -eq "$want_cells" ] &&
    grep -q '<table class="matrix">' "$tmp/dom.html"; then
    ok "the browser's DOM holds the matrix: $got_rows rows, $got_cells cells"
else
    echo "rows $got_rows of $want_rows, cells $got_cells of $want_cells" >"$tmp/why"
    cat "$tmp/chromium.log" >>"$tmp/why"
    not_ok "the browser's DOM holds the matrix"
fi

rm -f "$out/report.png"
browse --window-size=1400,3000 --screenshot="$out/report.png" "$url" >/dev/null
if [ -s "$out/report.png" ] &&
    python3 tests/browser/pngcheck.py "$out/report.png" 1000 2000 >"$tmp/why"; then
    ok "$out/report.png is a rendered page ($(sed 's/^pngcheck: //' "$tmp/why"))"
    : >"$tmp/why"
else
    cat "$tmp/chromium.log" >>"$tmp/why"
    not_ok "$out/report.png is a rendered page"
fi

echo "1..$n"
[ $failures -eq 0 ]
