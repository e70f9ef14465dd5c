#!/bin/sh
# Install the Debian packages claimdiff needs to build and test, if missing.
# Does nothing when everything is there; otherwise runs apt-get as root (or
# through sudo), or prints the exact command and stops.
# --test adds what make check needs; --fuzz what make fuzz needs (clang
# and its libFuzzer runtime).
set -eu

mode=${1:-}
# pkg-config module, Debian package
needs="libxml-2.0:libxml2-dev libpcre2-8:libpcre2-dev libcjson:libcjson-dev"
if [ "$mode" = "--test" ]; then
    needs="$needs cmocka:libcmocka-dev"
fi

missing=""
command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
# libstemmer (Snowball stemmers, for src/align.c) ships no pkg-config file.
[ -e /usr/include/libstemmer.h ] || missing="$missing libstemmer-dev"
for pair in $needs; do
    mod=${pair%%:*}
    pkg=${pair#*:}
    if ! pkg-config --exists "$mod" 2>/dev/null; then
        missing="$missing $pkg"
    fi
done
if [ "$mode" = "--test" ]; then
    command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
    command -v jq >/dev/null 2>&1 || missing="$missing jq"
    # tests/docs.sh renders the man page and runs the bash completion.
    command -v groff >/dev/null 2>&1 || missing="$missing groff-base"
    command -v bash >/dev/null 2>&1 || missing="$missing bash"
    command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
fi
if [ "$mode" = "--fuzz" ]; then
    # Debian ships libFuzzer's runtime apart from clang (libclang-rt-*-dev,
    # pulled in by libclang-rt-dev); without it -fsanitize=fuzzer fails.
    if ! command -v clang >/dev/null 2>&1; then
        missing="$missing clang libclang-rt-dev"
    elif ! [ -f "$(clang -print-resource-dir)/lib/linux/libclang_rt.fuzzer-$(uname -m).a" ]; then
        missing="$missing libclang-rt-dev"
    fi
fi
# make check-browser: a headless browser and a font it can render text with.
if [ "${1:-}" = "--browser" ]; then
    command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
    [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ||
        missing="$missing fonts-dejavu-core"
fi

[ -z "$missing" ] && exit 0

echo "deps: installing:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
else
    echo "deps: missing packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
# shellcheck disable=SC2086
$sudo apt-get install -y -qq $missing >&2
