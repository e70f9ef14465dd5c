# bash completion for claimdiff(1)                          -*- shell-script -*-
#
# Installed as $(PREFIX)/share/bash-completion/completions/claimdiff, where
# bash-completion loads it on first use; or source it from ~/.bashrc. Uses
# plain bash only (compgen, compopt), so it works without bash-completion.

_claimdiff_options='--all --color --colour --dump-text --expect --explain
    --fail-on --format --help --jobs --only --rules --version -h -j'

# Files the command reads: directories, and names ending in one of the
# extensions given (without the dot).
_claimdiff_files()
{
    local cur=$1 f
    shift
    local IFS=$'\n'
    for f in $(compgen -f -- "$cur"); do
        if [[ -d $f ]]; then
            COMPREPLY+=("$f")
            continue
        fi
        local ext
        for ext in "$@"; do
            if [[ $f == *."$ext" ]]; then
                COMPREPLY+=("$f")
                break
            fi
        done
    done
    compopt -o filenames 2>/dev/null
}

_claimdiff()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD - 1]}
    local joined=0
    COMPREPLY=()

    # "--format=js": bash splits at '=' (COMP_WORDBREAKS) into "--format",
    # "=", "js"; without '=' in COMP_WORDBREAKS it stays one word.
    if [[ $cur == = ]]; then
        cur=
        joined=1
    elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
        joined=1
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
        joined=2
    fi

    local values=
    case $prev in
    --format) values='text json jsonl html' ;;
    --color | --colour) values='auto always never' ;;
    --only) values='conflict partial agree' ;;
    --fail-on) values='conflict partial' ;;
    --dump-text)
        # Its value is optional, so only a joined one is a value.
        [[ $joined -ne 0 ]] && values='marked body'
        ;;
    --expect)
        _claimdiff_files "$cur" json
        return
        ;;
    --rules)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        return
        ;;
    -j|--jobs)
        local n
        n=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 4)
        COMPREPLY=($(compgen -W "$(seq 1 "$n")" -- "$cur"))
        return
        ;;
    esac
    if [[ -n $values ]]; then
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
        if [[ $joined -eq 2 ]]; then
            COMPREPLY=("${COMPREPLY[@]/#/$prev=}")
        fi
        return
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$_claimdiff_options" -- "$cur"))
        return
    fi

    # The subcommand, if any, is the first argument.
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W 'extract compare' -- "$cur"))
    fi
    if [[ ${COMP_WORDS[1]} == compare && $COMP_CWORD -gt 1 ]]; then
        _claimdiff_files "$cur" jsonl
    else
        _claimdiff_files "$cur" txt html htm
    fi
} &&
    complete -F _claimdiff claimdiff

# ex: filetype=sh
