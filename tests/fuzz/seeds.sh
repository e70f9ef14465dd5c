#!/bin/sh
# Write a seed corpus for one harness into DIR from fixture files: each file
# whole, and for plain text also each paragraph on its own, since short
# inputs let libFuzzer mutate faster. Seeds are named by their checksum, so
# running this again adds nothing. Usage: seeds.sh DIR FILE...
set -eu
dir=$1
shift
mkdir -p "$dir"
for f in "$@"; do
    sum=$(cksum <"$f" | cut -d' ' -f1)
    cp "$f" "$dir/seed-$sum"
    case $f in
    *.txt)
        # One paragraph a record (RS=""), printed without its newline.
        awk -v dir="$dir" 'BEGIN { RS = "" }
            { f = dir "/para-" NR "-" length($0); printf "%s", $0 > f; close(f) }' "$f"
        ;;
    esac
done
