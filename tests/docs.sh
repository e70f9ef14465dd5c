#!/bin/sh
# The documentation against the program, printed as TAP: the man page renders
# without warnings, --help fits one screen, the bash completion completes,
# and every option of the option table in src/opts.c (read from the source,
# so an option added later is checked too) appears in --help, the man page
# and the completion.
set -u
: "${CLAIMDIFF:=build/claimdiff}"
export LC_ALL=C TZ=UTC NO_COLOR=1
man=docs/claimdiff.1
comp=completion/claimdiff.bash
comp_path=$(pwd)/$comp
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
    [ $# -lt 2 ] || printf '%s\n' "$2" | sed 's/^/#   /'
}

# check DESCRIPTION COMMAND...: ok when COMMAND succeeds.
check()
{
    desc=$1
    shift
    if "$@" >"$tmp/check.out" 2>&1; then
        ok "$desc"
    else
        not_ok "$desc" "$(head -20 "$tmp/check.out")"
    fi
}

# complete_in DIR WORD...: what the completion offers for the command line
# WORD... (the last word is the one being completed), sorted, on one line.
# Bash splits "--format=x" into "--format" "=" "x" itself, so callers pass
# the words that way when they mean that split.
complete_in()
{
    dir=$1
    shift
    (cd "$dir" && bash --norc --noprofile -c '
        . "$1"
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        _claimdiff
        [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$comp_path" claimdiff "$@") | sort | tr '\n' ' ' | sed 's/ $//'
}

completions()
{
    complete_in . "$@"
}

# expect_completion DESCRIPTION WANT WORD...
expect_completion()
{
    desc=$1
    want=$2
    shift 2
    got=$(completions "$@")
    if [ "$got" = "$want" ]; then
        ok "completion: $desc"
    else
        not_ok "completion: $desc" "want: $want
got:  $got"
    fi
}

# ---- the man page -------------------------------------------------------

if ! command -v groff >/dev/null 2>&1; then
    not_ok "groff is installed (scripts/deps.sh --test installs it)"
else
    groff -man -Tutf8 -ww -z "$man" >"$tmp/groff.out" 2>&1
    if [ $? -eq 0 ] && [ ! -s "$tmp/groff.out" ]; then
        ok "$man renders without warnings"
    else
        not_ok "$man renders without warnings" "$(head -20 "$tmp/groff.out")"
    fi
fi
# -Tascii and no overstriking: options read as typed ("--all").
groff -man -Tascii -P-cbou "$man" >"$tmp/man.txt" 2>/dev/null
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS OUTPUT \
    'EXIT STATUS' ENVIRONMENT FILES EXAMPLES 'SEE ALSO'; do
    check "man page has section $section" grep -qx "$section" "$tmp/man.txt"
done
for word in NO_COLOR CLAIMDIFF_TIMINGS agree partial conflict single; do
    check "man page mentions $word" grep -qw "$word" "$tmp/man.txt"
done
version=$("$CLAIMDIFF" --version | sed -n 's/^claimdiff \([^ ]*\) .*/\1/p')
check "man page is of version $version" \
    grep -q "^\.TH CLAIMDIFF 1 \"[^\"]*\" \"claimdiff $version\"" "$man"

# ---- --help and --version ----------------------------------------------

"$CLAIMDIFF" --help >"$tmp/help.txt" 2>&1
status=$?
check "--help exits 0" test "$status" -eq 0
lines=$(wc -l <"$tmp/help.txt")
check "--help fits 24 lines ($lines)" test "$lines" -le 24
wide=$(awk 'length($0) > 80' "$tmp/help.txt")
check "--help fits 80 columns" test -z "$wide"
check "--help names the extract command" grep -q 'claimdiff extract ' \
    "$tmp/help.txt"
check "--help names the compare command" grep -q 'claimdiff compare ' \
    "$tmp/help.txt"
check "--version prints the version and the rules' version" \
    sh -c '"$1" --version | grep -Eqx "claimdiff [0-9][^ ]* \(rules [^ )]+\)"' \
    _ "$CLAIMDIFF"

# ---- every option of the option table is documented ---------------------

# The long_options table: name and the value getopt_long returns. A name
# whose value an earlier row already returns is an alias ("colour"); the
# one-screen --help may leave it out.
awk -F, '
    /long_options\[\] *= *\{/ { on = 1; next }
    on && /^};/ { on = 0 }
    on && /\{"/ {
        name = $1; sub(/.*\{"/, "", name); sub(/".*/, "", name)
        val = $4; gsub(/[ }]/, "", val)
        print name, (seen[val]++ ? "alias" : "main")
    }' src/opts.c >"$tmp/longopts"
count=$(wc -l <"$tmp/longopts")
check "the option table in src/opts.c is found ($count options)" \
    test "$count" -ge 5
# Short options: the letters of getopt_long's option string.
shorts=$(sed -n 's/.*getopt_long([^"]*"\([^"]*\)".*/\1/p' src/opts.c |
    tr -d '+:-' | sed 's/./& /g')
check "getopt_long's short option string is found" test -n "$shorts"

all_options=$(completions --)
while read -r name kind; do
    opt="--$name"
    if [ "$kind" = main ]; then
        check "$opt is in --help" \
            grep -Eq -- "$opt([^a-z-]|\$)" "$tmp/help.txt"
    fi
    check "$opt is in the man page" \
        grep -Eq -- "$opt([^a-z-]|\$)" "$tmp/man.txt"
    case " $all_options " in
    *" $opt "*) ok "$opt is completed" ;;
    *) not_ok "$opt is completed" "completion of --: $all_options" ;;
    esac
done <"$tmp/longopts"
for letter in $shorts; do
    opt="-$letter"
    check "$opt is in --help" grep -Eq -- "(^|[ ,])$opt([ ,=]|\$)" "$tmp/help.txt"
    check "$opt is in the man page" \
        grep -Eq -- "(^|[ ,])$opt([ ,=]|\$)" "$tmp/man.txt"
    case " $(completions -) " in
    *" $opt "*) ok "$opt is completed" ;;
    *) not_ok "$opt is completed" ;;
    esac
done

# ---- the bash completion ------------------------------------------------

check "the completion file is valid bash" bash -n "$comp"
expect_completion "--format values" "html json jsonl text" --format ""
expect_completion "--format=j, split at =" "json jsonl" --format = j
expect_completion "--format=, split at =" "html json jsonl text" --format = ""
expect_completion "--format=j, one word" "--format=json --format=jsonl" \
    --format=j
expect_completion "--color values" "always auto never" --color ""
expect_completion "--colour values" "always auto never" --colour ""
expect_completion "--only values" "agree conflict partial" --only ""
expect_completion "--fail-on values" "conflict partial" --fail-on ""
expect_completion "--dump-text= values" "body marked" --dump-text = ""
expect_completion "--f options" "--fail-on --format" --f

mkdir -p "$tmp/files/dir" "$tmp/files/empty"
for f in a.txt b.html c.htm d.jsonl e.pdf f.json g; do
    : >"$tmp/files/$f"
done
got=$(complete_in "$tmp/files/empty" "")
if [ "$got" = "compare extract" ]; then
    ok "completion: the subcommands"
else
    not_ok "completion: the subcommands" "got: $got"
fi
got=$(complete_in "$tmp/files/empty" com)
if [ "$got" = "compare" ]; then
    ok "completion: a subcommand by its prefix"
else
    not_ok "completion: a subcommand by its prefix" "got: $got"
fi
got=$(complete_in "$tmp/files" "")
want="a.txt b.html c.htm compare dir empty extract"
if [ "$got" = "$want" ]; then
    ok "completion: articles, directories and subcommands first"
else
    not_ok "completion: articles, directories and subcommands first" \
        "want: $want
got:  $got"
fi
got=$(complete_in "$tmp/files" --all "")
want="a.txt b.html c.htm dir empty"
if [ "$got" = "$want" ]; then
    ok "completion: articles and directories after an option"
else
    not_ok "completion: articles and directories after an option" \
        "want: $want
got:  $got"
fi
got=$(complete_in "$tmp/files" compare "")
want="d.jsonl dir empty"
if [ "$got" = "$want" ]; then
    ok "completion: compare takes .jsonl files"
else
    not_ok "completion: compare takes .jsonl files" "want: $want
got:  $got"
fi
got=$(complete_in "$tmp/files" --expect "")
want="dir empty f.json"
if [ "$got" = "$want" ]; then
    ok "completion: --expect takes .json files"
else
    not_ok "completion: --expect takes .json files" "want: $want
got:  $got"
fi
got=$(complete_in "$tmp/files" --dump-text "")
want="a.txt b.html c.htm dir empty"
if [ "$got" = "$want" ]; then
    ok "completion: a value of --dump-text only after ="
else
    not_ok "completion: a value of --dump-text only after =" "want: $want
got:  $got"
fi
got=$(completions -j "")
case "$got" in
1*) ok "completion: -j takes a number" ;;
*) not_ok "completion: -j takes a number" "got: $got" ;;
esac
got=$(complete_in "$tmp/files" --rules "")
want="dir empty"
if [ "$got" = "$want" ]; then
    ok "completion: --rules takes directories"
else
    not_ok "completion: --rules takes directories" "want: $want
got:  $got"
fi

# ---- make install-docs ---------------------------------------------------

if make -s install-docs DESTDIR="$tmp/inst" PREFIX=/usr >"$tmp/inst.out" 2>&1 &&
    cmp -s "$man" "$tmp/inst/usr/share/man/man1/claimdiff.1" &&
    cmp -s "$comp" "$tmp/inst/usr/share/bash-completion/completions/claimdiff"
then
    ok "make install-docs installs the man page and the completion"
else
    not_ok "make install-docs installs the man page and the completion" \
        "$(cat "$tmp/inst.out")"
fi

echo "1..$n"
[ "$failures" -eq 0 ]
