#!/bin/sh
# The same article as plain text and wrapped in an HTML page must give the
# same entities and quotations (names, types, quoted words and speakers;
# spans differ because the HTML text is the extracted one). Printed as TAP.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failures=0

# Wrap each non-blank line of a text file as a paragraph of an article.
to_html() {
    printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>page</title></head>\n'
    printf '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>\n<article>\n'
    sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' "$1" |
        awk 'NF { sub(/^[ \t]+/, ""); print "<p>" $0 "</p>" }'
    printf '</article>\n<footer>Copyright notice</footer></body></html>\n'
}

# What must not depend on the input format. White space is compared
# folded: HTML collapses runs of it, no-break spaces included.
summary='[.entities[] | {type, name}] as $e
  | {entities: ($e | sort),
     quotes: [.quotes[] | {text: (.text | gsub("[\\s\u00a0]+"; " ")), speaker: (.speaker as $s | if $s then
        ([$e[]] | .[($s[1:] | tonumber) - 1].name) else null end)}]}'

for f in fixtures/seeds/*.txt; do
    base=$(basename "$f" .txt)
    to_html "$f" >"$tmp/$base.html"
    "$CLAIMDIFF" --format json "$f" | jq -S "$summary" >"$tmp/text.json"
    "$CLAIMDIFF" --format json "$tmp/$base.html" | jq -S "$summary" >"$tmp/html.json"
    n=$((n + 1))
    if d=$(diff -u "$tmp/text.json" "$tmp/html.json"); then
        echo "ok $n - $base as HTML gives the same entities and quotes"
    else
        echo "not ok $n - $base as HTML gives other entities or quotes"
        echo "$d" | head -20 | sed 's/^/# /'
        failures=$((failures + 1))
    fi
done
echo "1..$n"
[ $failures -eq 0 ]
