# shellcheck shell=bash
# claude-hooks for bash: switch Claude Code between the backends it supports, per shell and per
# directory. Load it from ~/.bashrc with:   eval "$(claude-hooks init bash)"
#
# How it works (docs/how-it-works.md has the long version):
# - The data comes first, rendered from your config: _cb_managed lists the variables Claude Code
#   reads to choose a backend, its credentials and its models (nothing else is ever touched);
#   each profile is two small functions at the end, _cb_about_NAME and _cb_apply_NAME.
# - The first switch records your own values of them: the baseline, telling unset from empty
#   and exported from not. Every switch puts the baseline back, then applies the profile on
#   top; cb-off puts the baseline back and forgets it.
# - After each switch we record what we left (_cb_a_NAME). A variable that differs from that
#   at the next switch was changed by hand: it is yours again and joins the baseline.
# - At every prompt _cb_hook finds what governs the directory (the nearest marker file up the
#   tree, else the [directories] map) and acts only when that changes, so a manual switch holds
#   until you enter a directory governed by something else. Where a marker could be, and what
#   the map says, is worked out once per directory; a prompt then tests one file per level.
# - What runs at a prompt, a cd or a switch is builtins only: no subshell, no external command.
# - What is shared with zsh is in the middle: shells/posix.sh (messages, masking, what governs
#   a directory and what to do when that changes), then shells/commands.sh (the cb-* commands).
# Works on bash 3.2 (macOS) to 5.x, under set -u and set -e, and in POSIX mode (where the commands
# are aliases: a function's name must be an identifier there).

# While this file loads, your aliases and set -a are set aside; _cb_loaded puts them back at its
# end and before each early return. bash expands an alias as it reads a function, so an alias of
# printf or unset would be inside our code for good, and set -a would export every variable we
# keep. (These two lines are read with your aliases on: hence the backslashes.)
# Words, not letters: your nocasematch is still on here, and would take a for A.
case $- in *a*) \set +a; _cb_loading=' allexport' ;; *) _cb_loading= ;; esac
if \shopt -q expand_aliases; then \shopt -u expand_aliases; _cb_loading+=' aliases'; fi
_cb_loaded() {
    case $_cb_loading in *' aliases'*) shopt -s expand_aliases ;; esac
    case $_cb_loading in *' allexport'*) set -a ;; esac
    unset -v _cb_loading
}

#@data

#@include clean.bash

# A cached copy (claude-hooks init bash --cache) refreshes itself when the config or claude-hooks
# is not the file it was made from (edited, removed, created, or replaced by an older one): the
# stamps beside it carry their modification times, compared both ways with builtins. It hands
# back to the start-up line when claude-hooks moved. (Once per load, whatever the clocks say.)
# (_cb_same_time, in clean.bash above, says whether two files have the same modification time.)
if [[ -n $_cb_cache_file && -z ${_cb_refreshing-} ]]; then
    if [[ ! -e $_cb_cli_file ]]; then
        _cb_loaded
        return 1
    fi
    # So does a shell that names another config than this copy's (CLAUDE_HOOKS_CONFIG,
    # XDG_CONFIG_HOME or HOME, in _cb_config_env): the copy becomes its config's.
    if [[ ${CLAUDE_HOOKS_CONFIG-}$'\n'${XDG_CONFIG_HOME-}$'\n'${HOME-} != "$_cb_config_env" ]] ||
        ! _cb_same_time "$_cb_config_file" "$_cb_cache_file.config-time" ||
        ! _cb_same_time "$_cb_cli_file" "$_cb_cache_file.cli-time"; then
        _cb_refreshing=1
        _cb_loaded # the fresh copy sets them aside again, as it loads
        eval "$(_cb_cli init bash --cache)"
        unset -v _cb_refreshing
        return 0
    fi
fi
# A broken config, said at every load of a cached copy as `init` says it at every start.
if [[ -n $_cb_config_warning ]]; then
    printf '%s\n' "$_cb_config_warning" >&2
fi

# bash 4.4 and later read a variable's attributes without a subshell (${name@a}); before that
# every set variable is taken as exported.
_cb_modern=
if [ "${BASH_VERSINFO[0]}" -gt 4 ] ||
    { [ "${BASH_VERSINFO[0]}" -eq 4 ] && [ "${BASH_VERSINFO[1]}" -ge 4 ]; }; then
    _cb_modern=1
fi
# What _cb_walk works out for a directory; nothing, until the first prompt. (No marker list is
# empty, which bash before 4.4 would call unbound under set -u: / is a directory, never a marker.)
_cb_cands_pwd=
_cb_cands=(/)
_cb_map_dir=
_cb_map_profile=
_cb_envrc_dir=
# Our line of PROMPT_COMMAND (installed at the end). $_ is expanded when it runs, not here.
# shellcheck disable=SC2016
_cb_hook_line='_cb_hook "$_"'

# ---- variables: their state, and putting them back ----

# The state of variable $1, into _cb_r: 'u' unset, 'x'+value exported, 's'+value set only, 'a'
# an array (never what a switch left: a profile sets plain values, so an array is yours, as in
# zsh). (bash 3.2 parses ${!1@a} without complaint; it only runs where _cb_modern says it can.
# Before 4.4 an array reads as its element 0.)
# A missing record (_cb_a_NAME, _cb_b_NAME) means 'u', so unset variables cost nothing to keep.
_cb_state() {
    if [[ -z ${!1+x} ]]; then
        _cb_r=u
    elif [[ -z $_cb_modern ]]; then
        _cb_r=x${!1}
    else
        case ${!1@a} in
        *[aA]*) _cb_r=a ;;
        *x*) _cb_r=x${!1} ;;
        *) _cb_r=s${!1} ;;
        esac
    fi
}

# Puts variable $1 back into state $2 (as written by _cb_state).
_cb_restore() {
    case $2 in
    u) unset -v "$1" ;;
    x*)
        unset -v "$1"
        export "$1=${2#x}"
        ;;
    s*)
        unset -v "$1"
        printf -v "$1" '%s' "${2#s}"
        ;;
    esac
}

# What the rendered _cb_apply_NAME functions call. _cb_psets collects what the profile sets, so
# the switch records those instead of testing every variable afterwards. While _cb_fetching is set
# (the fetch pass of _cb_switch) they change nothing: only _cb_secret works, filling its cache.
_cb_put() {
    [[ -z ${_cb_fetching-} ]] || return 0
    # Unset first: a declared type that bash before 4.4 cannot see (_cb_plain) goes with it.
    unset -v "$1"
    export "$1=$2"
    _cb_psets+=("$1")
}

_cb_drop() {
    [[ -z ${_cb_fetching-} ]] || return 0
    unset -v "$@"
}

# Your shell options, set aside while our code runs. Every entry point (the prompt hook and the
# cb-* commands) starts by asking _cb_aside, and when one of them is on runs again through
# _cb_guarded:
# - xtrace (set -x) would print every key a switch moves (yours, fetched ones, AWS secrets);
# - errexit (set -e) would end your shell at the first failing step. A command that fails
#   says why in one line and returns 0 under set -e: a typo must not close the terminal;
# - allexport (set -a) would export what we keep in shell variables, the fetched keys and
#   your baseline among them, to every program you start;
# - keyword (set -k) turns `export "NAME=value"` into a bare `export`, which prints the
#   whole environment, and empties `local name=value`.
# - errtrace (set -E) would run your ERR trap inside our functions, at every test of ours that
#   answers no.
# - nocasematch (shopt) would make every `case` and `[[ == ]]` of ours ignore case: ~/A would
#   keep ~/a's marker, a marker saying BEDROCK would pass for bedrock. It comes back last: on,
#   `case $_cb_o in *e*)` would take set -E (errtrace) for set -e and turn errexit on.
# - localvar_inherit (shopt, bash 5) gives every `local` the caller's value: our locals would
#   start with yours (cb-reload lost the profile under IFS='' before IFS was set explicitly).
# The options are put back as they were, whatever the command returns. (Every entry point also
# makes IFS local, set to the default, so that yours does not change how our code splits and
# joins.)
_cb_guarded() {
    local _cb_o _cb_rc _cb_nocase _cb_inherit IFS
    { _cb_o=$-; set +xeakE; } 2>/dev/null
    IFS=$' \t\n'
    _cb_nocase=
    if shopt -q nocasematch; then
        _cb_nocase=1
        shopt -u nocasematch
    fi
    _cb_inherit=
    case ${BASHOPTS-} in
    *localvar_inherit*)
        _cb_inherit=1
        shopt -u localvar_inherit
        ;;
    esac
    _cb_rc=0
    "$@" || _cb_rc=$?
    [[ -z $_cb_inherit ]] || shopt -s localvar_inherit
    case $_cb_o in *a*) set -a ;; esac
    case $_cb_o in *k*) set -k ;; esac
    case $_cb_o in *E*) set -E ;; esac
    case $_cb_o in *e*) set -e; _cb_rc=0 ;; esac
    [[ -z $_cb_nocase ]] || shopt -s nocasematch
    case $_cb_o in *x*) set -x ;; esac
    return "$_cb_rc"
}

# Whether an option above is on: in $- (x, e, a, k, E), or nocasematch or localvar_inherit in
# BASHOPTS (bash before 4.1 has none, nor one with no shopt on: shopt is asked there).
_cb_aside() {
    case $-/${BASHOPTS-} in
    *[xeakE]*/* | */*nocasematch* | */*localvar_inherit*) return 0 ;;
    */) shopt -q nocasematch ;;
    *) return 1 ;;
    esac
}


# ---- profiles: what they are, and switching ----

# Whether $1 is a profile of the config: in _cb_profiles, as the functions of a profile that
# cb-reload took out of the config are still defined. (Profile names hold no space.)
_cb_known() {
    # A word of a name's characters first: "anthropic bedrock" is in the list's text too.
    case ${1-} in
    '' | *[!$_cb_name_rest]*) return 1 ;;
    esac
    case " ${_cb_profiles[*]} " in
    *" $1 "*) return 0 ;;
    *) return 1 ;;
    esac
}

# What profile $1 is, from its rendered _cb_about_NAME (_cb_r, _cb_b, _cb_pv, ...); fails for an
# unknown profile.
_cb_about() {
    _cb_known "${1-}" || return 1
    _cb_pfetch=
    _cb_profile_fn about "$1"
}

_cb_profile_apply() {
    _cb_profile_fn apply "$1"
}

# Runs profile $2's rendered _cb_$1_NAME (about or apply; NAME spelt by _cb_fn_of).
_cb_profile_fn() {
    local _cb_fn
    _cb_fn_of "$2"
    "_cb_$1_$_cb_fn"
}

# Switches to profile $1 for reason $2, or with an empty $1 back to the baseline; says $3,
# if given, once it knows it can.
_cb_switch() {
    local _cb_v _cb_s _cb_rec _cb_todo=() _cb_an _cb_bn _cb_back=() _cb_seen=' '
    local _cb_mine=() _cb_mine_s=() _cb_i
    _cb_fetching= # an earlier switch stopped by Ctrl-C in its fetch pass left it set
    # What this switch can change: the variables the last one recorded (below), and those the
    # new profile changes (_cb_pv) that are set now, so your value is kept first. Any other is
    # yours, and no switch changes it: not looked at. A cd into a marked directory and out runs
    # 24% fewer instructions than when every managed variable was tested (callgrind).
    _cb_pv=()
    [[ -z $1 ]] || _cb_about "$1"
    for _cb_v in ${_cb_pv[@]+"${_cb_pv[@]}"}; do
        [[ -z ${!_cb_v+x} ]] || _cb_todo+=("$_cb_v")
    done
    # The records, listed once: ${!prefix@} scans every variable of the shell. A baseline
    # record the loop below adds joins _cb_bn there, so that list stays a superset.
    _cb_an=("${!_cb_a_@}")
    _cb_bn=("${!_cb_b_@}")
    for _cb_v in ${_cb_an[@]+"${_cb_an[@]}"} ${_cb_bn[@]+"${_cb_bn[@]}"}; do
        _cb_todo+=("${_cb_v#_cb_[ab]_}")
    done
    # A variable set and recorded is listed up to three times: visited once.
    for _cb_v in ${_cb_todo[@]+"${_cb_todo[@]}"}; do
        case $_cb_seen in
        *" $_cb_v "*) continue ;;
        esac
        _cb_seen+="$_cb_v "
        _cb_state "$_cb_v"
        _cb_s=$_cb_r
        _cb_rec=_cb_a_$_cb_v
        if [[ $_cb_s != "${!_cb_rec-u}" ]]; then
            # Not what we left (or never switched): the current value is the user's own,
            # and already in place. It joins the baseline below, once nothing refuses the switch.
            _cb_mine+=("$_cb_v")
            _cb_mine_s+=("$_cb_s")
        else
            _cb_rec=_cb_b_$_cb_v
            if [[ $_cb_s != "${!_cb_rec-u}" ]]; then
                _cb_back+=("$_cb_v")
            fi
        fi
    done
    # All or nothing: if one of the variables this switch changes (those going back to the
    # baseline, the profile's own) is readonly, it changes none of them, says so and fails.
    if ! _cb_writable ${_cb_pv[@]+"${_cb_pv[@]}"} ${_cb_back[@]+"${_cb_back[@]}"}; then
        _cb_warn "cannot switch ${1:+to }${1:-off}: $_cb_r readonly in this shell; nothing changed"
        return 1
    fi
    # Nor is an array of yours changed, or a variable of a declared type: a profile sets plain
    # values, an array could not be put back as it was, and a type would change the value.
    if ! _cb_plain ${_cb_pv[@]+"${_cb_pv[@]}"} ${_cb_back[@]+"${_cb_back[@]}"}; then
        _cb_warn "cannot switch ${1:+to }${1:-off}: $_cb_r; nothing changed"
        return 1
    fi
    # Your values join the baseline now, not in the loop above: a refused switch must leave no
    # record behind, or a later cb-off would bring back a variable you have unset since.
    _cb_i=0
    for _cb_v in ${_cb_mine[@]+"${_cb_mine[@]}"}; do
        _cb_s=${_cb_mine_s[_cb_i]}
        _cb_i=$((_cb_i + 1))
        if [[ $_cb_s == u ]]; then
            unset -v "_cb_b_$_cb_v"
        else
            printf -v "_cb_b_$_cb_v" '%s' "$_cb_s"
            _cb_bn+=("_cb_b_$_cb_v")
        fi
    done
    # What the switch is about, said before the hints the profile may print.
    if [[ -n ${3-} ]]; then
        _cb_say "$3"
    fi
    # Fetch first, then apply: the profile's key commands run before anything changes, so a
    # Ctrl-C while one runs leaves the shell as it was, and cb-off never takes half a switch
    # for your own values.
    if [[ -n $1 && -n $_cb_pfetch ]]; then
        _cb_fetching=1
        _cb_profile_apply "$1"
        _cb_fetching=
    fi
    for _cb_v in ${_cb_back[@]+"${_cb_back[@]}"}; do
        _cb_rec=_cb_b_$_cb_v
        _cb_restore "$_cb_v" "${!_cb_rec-u}"
    done
    if [[ -z $1 ]]; then
        unset -v ${_cb_an[@]+"${_cb_an[@]}"} ${_cb_bn[@]+"${_cb_bn[@]}"}
        _cb_active=
        _cb_why=
        return 0
    fi
    _cb_psets=()
    _cb_profile_apply "$1"
    export CLAUDE_HOOKS_PROFILE="$1"
    # What this switch leaves: a record for each variable that is set (none means unset).
    # Set now can be only what the baseline holds (the variables with a _cb_b_ record, after
    # the loop above) and what the profile set: no need to test all of them.
    unset -v ${_cb_an[@]+"${_cb_an[@]}"}
    for _cb_v in ${_cb_bn[@]+"${_cb_bn[@]}"} ${_cb_psets[@]+"${_cb_psets[@]}"} CLAUDE_HOOKS_PROFILE; do
        _cb_v=${_cb_v#_cb_b_}
        if [[ -n ${!_cb_v+x} ]]; then
            _cb_state "$_cb_v"
            printf -v "_cb_a_$_cb_v" '%s' "$_cb_r"
        fi
    done
    _cb_active=$1
    _cb_why=$2
}

# Succeeds when none of the variables named in "$@" is readonly (`local` refuses a readonly
# name; the locals vanish on return); else puts them into _cb_r ("A is", "A, B are") and fails.
_cb_writable() {
    [ $# -eq 0 ] && return 0
    { local "$@"; } 2>/dev/null && return 0
    local _cb_n
    _cb_r=
    for _cb_n in "$@"; do
        case " $_cb_r, " in
        *" $_cb_n, "*) ;;
        *) { local "$_cb_n"; } 2>/dev/null || _cb_r+="${_cb_r:+, }$_cb_n" ;;
        esac
    done
    case $_cb_r in
    *,*) _cb_r+=' are' ;;
    *) _cb_r+=' is' ;;
    esac
    return 1
}

# Succeeds when every variable named in "$@" takes a value as it is given: none is an array, or
# declared -i, -l, -u or -c, which rewrite what is assigned (eu-west-1 as an integer is -1, and
# a model id with a colon is an arithmetic error half-way through a switch). Otherwise puts why
# into _cb_r ("A, B: an array in this shell, ...", each named once) and fails. bash before 4.4
# cannot read the attributes without a subshell: there, an array with one element at index 0
# passes as a plain value, and a declared type goes when _cb_put unsets before it assigns.
_cb_plain() {
    local IFS=' ' _cb_n _cb_i _cb_u='' _cb_arrays='' _cb_typed='' _cb_refs=''
    case $- in *u*) _cb_u=1; set +u ;; esac
    for _cb_n in "$@"; do
        # Named once, though it may be both going back and the profile's.
        case ", $_cb_arrays, $_cb_typed, $_cb_refs, " in *", $_cb_n, "*) continue ;; esac
        if [[ -n $_cb_modern ]]; then
            # A name reference (declare -n) first: ${name@a} gives its target's attributes, and a
            # switch would write the target, not the name Claude Code reads.
            if [ -R "$_cb_n" ]; then
                _cb_refs+="${_cb_refs:+, }$_cb_n"
                continue
            fi
            case ${!_cb_n@a} in
            *[aA]*) _cb_arrays+="${_cb_arrays:+, }$_cb_n" ;;
            *[iluc]*) _cb_typed+="${_cb_typed:+, }$_cb_n" ;;
            esac
        else
            eval "_cb_i=\${!${_cb_n}[*]}"
            if [[ -n $_cb_i && $_cb_i != 0 ]]; then
                _cb_arrays+="${_cb_arrays:+, }$_cb_n"
            fi
        fi
    done
    [[ -z $_cb_u ]] || set -u
    _cb_r=
    if [[ -n $_cb_arrays ]]; then
        _cb_r="$_cb_arrays: an array in this shell, and a profile sets plain variables; unset it first"
    fi
    if [[ -n $_cb_typed ]]; then
        _cb_r+="${_cb_r:+; }$_cb_typed: declared -i, -l, -u or -c in this shell, which would change"
        _cb_r+=" the value a profile sets; unset it first"
    fi
    if [[ -n $_cb_refs ]]; then
        _cb_r+="${_cb_r:+; }$_cb_refs: a name reference (declare -n) in this shell, which a switch"
        _cb_r+=" would write through; unset -n it first"
    fi
    [[ -z $_cb_r ]]
}

# ---- what governs this directory ----

# For a new $PWD: where a marker could be, nearest first (_cb_cands), and the innermost
# directory of the map at or above it (_cb_map_dir, _cb_map_profile), one lookup per level.
_cb_walk() {
    local _cb_d=${PWD-}
    _cb_cands_pwd=$_cb_d
    _cb_cands=(/)
    _cb_map_dir=
    _cb_map_profile=
    _cb_envrc_dir=
    # A $PWD that is not an absolute path governs nothing (a shell started in a directory that
    # is gone may have none): the walk up the tree would never reach /.
    case $_cb_d in /*) ;; *) return 0 ;; esac
    _cb_cands=()
    _cb_d=${_cb_d%/}
    # bash keeps a leading // of $PWD (cd //srv, as POSIX allows); the map, trustedDirectories,
    # zsh, fish and status all name that directory /srv.
    case $_cb_d in //* | /) _cb_d=${_cb_d#/} ;; esac
    _cb_map_find "$_cb_d"
    _cb_envrc_find "$_cb_d"
    while :; do
        _cb_cands+=("$_cb_d/$_cb_marker")
        [[ -n $_cb_d ]] || break
        _cb_d=${_cb_d%/*}
    done
}

# When direnv's hook is in this shell, whether the .envrc it will load here (the nearest at or
# above directory $1) says `use claude`: its directory into _cb_envrc_dir, else empty. direnv's
# hook may run after ours at this prompt; until it has loaded, that directory is direnv's
# already, and a marker in its tree does not switch (docs/direnv.md).
_cb_envrc_find() {
    local _cb_d=$1
    _cb_envrc_dir=
    declare -F _direnv_hook >/dev/null || return 0
    _cb_before_direnv
    while [[ ! -f $_cb_d/.envrc ]]; do
        [[ -n $_cb_d ]] || return 0
        _cb_d=${_cb_d%/*}
    done
    _cb_read_head "$_cb_d/.envrc" 8192
    if _cb_says_use_claude "$_cb_r"; then
        _cb_envrc_dir=${_cb_d:-/}
    fi
}

# The start of file $1, into _cb_r: about $2 characters, its NULs left out, as bash leaves them
# out of a file it runs (direnv's .envrc). Read with the read builtin: it is data, never run.
# (read -d '' stops at each NUL: one piece at a time; the last, at the end, fails but is read.)
_cb_read_head() {
    local _cb_piece=
    _cb_r=
    {
        while [[ ${#_cb_r} -lt $2 ]] && IFS= read -r -d '' -n $(($2 - ${#_cb_r})) _cb_piece; do
            _cb_r+=$_cb_piece _cb_piece=
        done
        _cb_r+=$_cb_piece
    } 2>/dev/null <"$1" || :
}

# Puts our prompt hook in front of direnv's, as the order `setup` gives, where your start-up file
# loaded direnv's hook after ours (each puts its own in front): ours must read the .envrc that
# direnv is about to load before direnv loads it on top of a marker's switch (docs/direnv.md).
# Only our own command moves, and only when it stands on its own (after a ; or a newline, before
# one or the end), with the separator after it: the rest keeps its order and its syntax.
_cb_before_direnv() {
    local _cb_before _cb_after _cb_blank=$' \t'
    # bash 5.1+ with PROMPT_COMMAND an array: direnv 2.34 and later put their hook in an element
    # of its own, in front of the one that starts with ours. Ours becomes an element of its own,
    # first.
    if [[ ${#PROMPT_COMMAND[@]} -gt 1 && ${PROMPT_COMMAND[0]} == _direnv_hook ]]; then
        case ${PROMPT_COMMAND[1]} in
        "$_cb_hook_line" | "$_cb_hook_line"$'\n'*) ;;
        *) return 0 ;;
        esac
        _cb_writable PROMPT_COMMAND || return 0
        _cb_after=${PROMPT_COMMAND[1]#"$_cb_hook_line"}
        _cb_after=${_cb_after#$'\n'}
        PROMPT_COMMAND=("$_cb_hook_line" _direnv_hook ${_cb_after:+"$_cb_after"} "${PROMPT_COMMAND[@]:2}")
        return 0
    fi
    case ${PROMPT_COMMAND-} in
    "$_cb_hook_line"*) return 0 ;;
    *_direnv_hook*"$_cb_hook_line"*) ;;
    *) return 0 ;;
    esac
    # What comes before ours and after it, without the blanks next to ours.
    _cb_before=${PROMPT_COMMAND%%"$_cb_hook_line"*}
    _cb_before=${_cb_before%"${_cb_before##*[!"$_cb_blank"]}"}
    _cb_after=${PROMPT_COMMAND#*"$_cb_hook_line"}
    _cb_after=${_cb_after#"${_cb_after%%[!"$_cb_blank"]*}"}
    case $_cb_before in *';' | *$'\n') ;; *) return 0 ;; esac
    case $_cb_after in
    '') ;;
    ';'* | $'\n'*) _cb_after=${_cb_after:1} ;;
    *) return 0 ;;
    esac
    _cb_writable PROMPT_COMMAND || return 0
    # shellcheck disable=SC2178 # a scalar here, or an array's element 0, as at the install
    PROMPT_COMMAND=$_cb_hook_line$'\n'$_cb_before$_cb_after
}

# The innermost directory of the map at or above directory $1 ($PWD, with no / at its end), into
# _cb_map_dir and _cb_map_profile. The map is an associative array where bash has them
# (_cb_map_at), else one text (_cb_map_text).
_cb_map_find() {
    local _cb_d=$1 _cb_v
    if [[ -z ${_cb_map_text+x} ]]; then
        [[ ${#_cb_map_at[@]} -gt 0 ]] || return 0
        # A lookup per level, in the associative array.
        while :; do
            _cb_v=${_cb_map_at[${_cb_d:-/}]-}
            if [[ -n $_cb_v ]]; then
                _cb_map_dir=${_cb_d:-/}
                _cb_map_profile=$_cb_v
                return 0
            fi
            [[ -n $_cb_d ]] || return 0
            _cb_d=${_cb_d%/*}
        done
    fi
    [[ -n $_cb_map_text ]] || return 0
    # Before bash 4.2: a lookup per level in the map as text, a line "<directory>\t<profile>"
    # each (the config refuses control characters in a directory), one pattern match each.
    # bash 3.2 costs quadratic time for a walk through a long list (${a[i]} walks it from its
    # start; a for loop builds the word list likewise): with 1000 entries a cd took 351M
    # instructions that way, 143M this way (callgrind). The line found, its profile is found
    # by one more match per profile the map names (_cb_map_values): cutting the text at the
    # line (${_cb_map_text#*...}) costs bash 3.2 time quadratic in the length before it, 3 s
    # for the last of 1000 entries, where a `case` is linear.
    while :; do
        case ${_cb_d:-/} in
        # A path that holds a tab or a newline is in no map (the config refuses them), and in
        # the text it could join two lines into one match: only the levels above it are.
        *[$'\t\n']*) ;;
        *)
            case $_cb_map_text in
            *$'\n'"${_cb_d:-/}"$'\t'*)
                for _cb_v in ${_cb_map_values[@]+"${_cb_map_values[@]}"}; do
                    case $_cb_map_text in
                    *$'\n'"${_cb_d:-/}"$'\t'"$_cb_v"$'\n'*)
                        _cb_map_dir=${_cb_d:-/}
                        _cb_map_profile=$_cb_v
                        return 0
                        ;;
                    esac
                done
                ;;
            esac
            ;;
        esac
        [[ -n $_cb_d ]] || return 0
        _cb_d=${_cb_d%/*}
    done
}

# Succeeds for a directory at or below one of trustedDirectories, whose markers count whoever
# owns them; fails elsewhere.
_cb_trusted() {
    local _cb_d=$1 _cb_t
    while :; do
        for _cb_t in ${_cb_trusted_dirs[@]+"${_cb_trusted_dirs[@]}"}; do
            [[ $_cb_t == "${_cb_d:-/}" ]] && return 0
        done
        [[ -n $_cb_d ]] || return 1
        _cb_d=${_cb_d%/*}
    done
}

# Whether direnv governs here: CLAUDE_HOOKS_DIRENV names the directory of an .envrc that says
# `use claude`, and $PWD is in it; or a cd left it, and direnv's hook, in this shell, has yet to
# unload it. A shell direnv does not run in (started by `direnv exec DIR`) takes the variable for
# stale outside DIR.
# direnv's hook runs after ours at this prompt, and a switch made before it unloads would be half
# undone: so it runs here first, once per directory (its own run then finds nothing to do), and
# a marked directory switches at this prompt, not the next. What it leaves decides: a variable
# still set is direnv's (a directory entered through a link, which direnv names by its real path).
_cb_direnv_governs() {
    [[ -n ${CLAUDE_HOOKS_DIRENV-} ]] || return 1
    # (In a variable: bash 5.2 matches no "${name%/}"/* pattern where the name is /.)
    local _cb_d=${CLAUDE_HOOKS_DIRENV%/} _cb_p=${PWD-}
    # A leading // of $PWD is folded, as in _cb_walk.
    case $_cb_p in //*) _cb_p=${_cb_p#/} ;; esac
    case $_cb_p/ in "$_cb_d"/*) return 0 ;; esac
    declare -F _direnv_hook >/dev/null || return 1
    # (DIRENV_DIR: direnv has an .envrc loaded, which its hook may unload.)
    if [[ -n ${DIRENV_DIR-} && ${_cb_direnv_left-} != "$_cb_p:$CLAUDE_HOOKS_DIRENV" ]]; then
        _cb_direnv_left=$_cb_p:$CLAUDE_HOOKS_DIRENV
        _direnv_hook
        # Unloaded: the next time a cd leaves it, its hook runs first again.
        [[ -n ${CLAUDE_HOOKS_DIRENV-} ]] || _cb_direnv_left=
    fi
    [[ -n ${CLAUDE_HOOKS_DIRENV-} ]]
}

# Judges marker $1 into _cb_gkey and _cb_gprofile, or _cb_gbad. Its first line is read with
# the read builtin: it is data, never executed. What may be read (docs/security.md, "Markers"):
# a regular file, a symlink followed to one, with something in it. A FIFO, a device or a
# socket is not -f (a read could wait for ever), and the pseudo-files of /proc, which can
# block or hold another program's environment, have no size.
_cb_read_marker() {
    local _cb_line=
    if { [[ ! -O $1 ]] || [[ -L $1 && ! -O ${1%/*}/ ]]; } && ! _cb_trusted "${1%/*}"; then
        # Whose it is, as git's safe.directory: only a marker you own counts (as root, one root
        # owns), or one under your config's trustedDirectories. A link counts only in a directory
        # of yours too: -O follows it, and another user may link to a marker of yours from theirs.
        _cb_gbad='is owned by another user'
    elif [[ ! -s $1 ]]; then
        _cb_gbad='is empty'
    elif [[ ! -r $1 ]]; then
        _cb_gbad='cannot be read'
    else
        # Up to a NUL (-d ''), then to the first newline: a NUL ends the line, as in every shell
        # and status (bash 5 would drop it from a line, and bed<NUL>rock read as bedrock).
        { IFS= read -r -d '' -n "$_cb_read_max" _cb_line <"$1"; } 2>/dev/null || :
        _cb_line=${_cb_line%%$'\n'*}
        # The same name as at the last prompt (most prompts of a day in a project): checked then.
        if [[ ${_cb_last_gkey-} != "marker:$1:$_cb_line" ]]; then
            _cb_line=${_cb_line#"$_cb_bom"}
            # The blanks of _cb_blanks, not [[:space:]], which in a UTF-8 locale takes Unicode's too.
            _cb_line=${_cb_line#"${_cb_line%%[!"$_cb_blanks"]*}"}
            _cb_line=${_cb_line%"${_cb_line##*[!"$_cb_blanks"]}"}
            # A profile name or nothing: anything else is never shown, as it may be the first
            # line of a file the marker links to.
            case $_cb_line in
            '') _cb_gbad='is empty' ;;
            [!$_cb_name_first]* | *[!$_cb_name_rest]*) _cb_gbad='does not hold a profile name' ;;
            *) [[ ${#_cb_line} -le $_cb_name_max ]] || _cb_gbad='does not hold a profile name' ;;
            esac
        fi
    fi
    if [[ -z $_cb_gbad ]]; then
        _cb_gprofile=$_cb_line
        _cb_gkey="marker:$1:$_cb_line"
    else
        # Not usable: the key still changes with the content, so an edit is seen.
        _cb_gkey="bad:$1:$_cb_gbad:$_cb_line"
    fi
}

# The active backend for a prompt, into $cb_prompt: bedrock:eu-west-1, vertex:us-east5,
# anthropic, or nothing. The hook keeps it current, so PS1='\w ${cb_prompt} \$ ' shows it
# without a subshell; cb_prompt_info prints it for anything else. The selectors in the order
# Claude Code tries them (the rendered _cb_region_* lists); the first that counts gives the region.
_cb_prompt_text() {
    cb_prompt=${CLAUDE_HOOKS_PROFILE-}
    [[ -n $cb_prompt ]] || return 0
    local _cb_i=0 _cb_sel _cb_reg
    for _cb_sel in "${_cb_region_sels[@]}"; do
        # Most are unset; the one that is on usually says 1.
        if [[ -n ${!_cb_sel-} ]] && _cb_counts "$_cb_sel" "${_cb_sel_needs[_cb_i]}"; then
            _cb_reg=${_cb_region_vars[_cb_i]}
            if [[ -n $_cb_reg && -n ${!_cb_reg-} ]] && _cb_exported "$_cb_reg"; then
                cb_prompt+=:${!_cb_reg}
            fi
            return 0
        fi
        _cb_i=$((_cb_i + 1))
    done
}

# Whether selector $1 counts: exported and on as Claude Code reads it (_cb_on), and no variable
# named in the words of $2 blank (unset, empty or white space) or unexported. They are the
# gateway's URL and token: never run under your set -x (see _cb_hook).
_cb_counts() {
    local IFS=' ' _cb_n
    _cb_exported "$1" && { [[ ${!1} == 1 ]] || _cb_on "${!1}"; } || return 1
    for _cb_n in $2; do
        _cb_exported "$_cb_n" && ! _cb_blank "${!_cb_n-}" || return 1
    done
}

# Whether value $1 turns a selector on, as Claude Code reads it: one of _cb_on_words, in any case,
# with white space around. (nocasematch is off here: every entry point sets yours aside.)
_cb_on() {
    [[ $1 == 1 ]] && return 0 # what it nearly always says
    local _cb_w _cb_rc=1
    _cb_trim "$1"
    shopt -s nocasematch
    for _cb_w in "${_cb_on_words[@]}"; do
        if [[ $_cb_r == "$_cb_w" ]]; then
            _cb_rc=0
            break
        fi
    done
    shopt -u nocasematch
    return "$_cb_rc"
}

# Whether variable $1 is in the environment Claude Code is started with: a shell variable that
# is not exported is not. (Before bash 4.4 a set variable is taken as exported, as in _cb_state.)
_cb_exported() {
    [[ -z $_cb_modern ]] || [[ -n ${!1+x} && ${!1@a} == *x* ]]
}

cb_prompt_info() {
    _cb_aside && { _cb_guarded cb_prompt_info; return; }
    local IFS
    IFS=$' \t\n'
    _cb_prompt_text
    printf '%s' "$cb_prompt"
}

#@include posix.sh

#@include commands.sh

# ---- entry points ----

# Finds what governs the directory, and acts only when that changed. (zsh and fish do this in
# their hook, where a call costs more.)
_cb_update() {
    _cb_governor
    [[ $_cb_gkey == "${_cb_last_gkey-}" ]] || _cb_on_governor_change
}

# The prompt hook. Keeps $? for whatever runs after it, except under set -e, where a
# non-zero return would end the shell. Under set -x, -e, -a, -k, nocasematch or localvar_inherit
# it runs with them set aside, as every cb-* command does (_cb_guarded).
_cb_hook() {
    # IFS local, set to the default: yours does not reach our code. (Not left unset: bash 3.2
    # reads a local unset IFS as empty when yours is unset.)
    local _cb_status=$? IFS
    IFS=$' \t\n'
    # The segment is guarded too: it reads the gateway's token.
    if _cb_aside; then
        _cb_guarded _cb_update
        _cb_guarded _cb_prompt_text
    else
        _cb_update
        _cb_prompt_text
    fi
    case $- in
    *e*) return 0 ;;
    esac
    # (Under set -k, `local` above cannot assign: 0 stands for the $? it lost.)
    return "${_cb_status:-0}"
}

# Every cb-* command runs "$@" through here, with your options set aside (_cb_guarded) and IFS
# local, set to the default.
_cb_entry() {
    _cb_aside && { _cb_guarded _cb_entry "$@"; return; }
    local IFS
    IFS=$' \t\n'
    # A cd earlier on the same command line (`cd ~/aws; cb-use work`): what governs the new
    # directory acts first, as zsh's chpwd and fish's PWD handler make it, so the prompt after
    # does not undo the command.
    _cb_update
    "$@"
}

# Sets shell variable $1 (not exported) to $2.
_cb_set() {
    printf -v "$1" '%s' "$2"
}

# Variable $1's value into _cb_r (empty when it is unset); fails when it is unset.
_cb_value_of() {
    _cb_r=${!1-}
    [[ -n ${!1+x} ]]
}

# Whether variable $1, holding $2, is a secret cb-status masks: by its name, or by its value (a
# password in a URL, in a variable whose name does not say so).
_cb_is_secret() {
    local _cb_s
    for _cb_s in "${_cb_secrets[@]}"; do
        [[ $_cb_s != "$1" ]] || return 0
    done
    for _cb_s in "${_cb_secret_shapes[@]}"; do
        # shellcheck disable=SC2254 # the shapes are glob patterns, on purpose unquoted
        case $2 in $_cb_s) return 0 ;; esac
    done
    return 1
}

# The commands you type. In POSIX mode (set -o posix, or bash started as sh) a function's name
# must be an identifier, so there they are aliases (which POSIX mode expands in scripts too);
# elsewhere functions, which scripts without POSIX mode can call. (`function NAME`: after a
# load in POSIX mode, NAME() would be read with the alias expanded: a syntax error at a reload.)
if [ -o posix ]; then
    alias cb-use='_cb_entry _cb_use' cb-off='_cb_entry _cb_off' cb-status='_cb_entry _cb_status'
    alias cb-reload='_cb_entry _cb_reload bash'
else
    function cb-use { _cb_entry _cb_use "$@"; }
    function cb-off { _cb_entry _cb_off "$@"; }
    function cb-status { _cb_entry _cb_status "$@"; }
    function cb-reload { _cb_entry _cb_reload bash "$@"; }
fi
# cb-bedrock and the other shortcuts (rendered below): see _cb_use_shortcut.
_cb_shortcut() {
    _cb_entry _cb_use_shortcut "$@"
}

complete -W "${_cb_profiles[*]}" cb-use

#@profiles

# Install the prompt hook once, in front of whatever the user had. Assigning to
# PROMPT_COMMAND changes only element 0 when it is an array (bash 5.1+), so the user's other
# elements stay; a newline, not `;`, separates us from their code, which may end in a comment.
# "$_" is handed to the hook so that the prompt commands after it see the last argument of the
# command line (bash sets $_ to a call's last word), as they see its $?.
if ! _cb_writable PROMPT_COMMAND; then
    _cb_warn "PROMPT_COMMAND is readonly here: directories will not switch by themselves; cb-* works"
else
    # (Every element: an array's second may hold ours, once direnv's hook is in front of it.)
    # shellcheck disable=SC2178,SC2128 # element 0 on purpose (above)
    case ${PROMPT_COMMAND[*]-} in
    *_cb_hook*) ;;
    *) PROMPT_COMMAND=$_cb_hook_line${PROMPT_COMMAND:+$'\n'$PROMPT_COMMAND} ;;
    esac
fi

# Lets `claude-hooks doctor` (a child of this shell) tell that the hooks are loaded here.
# (Two steps: under your set -k, `export NAME=value` is a bare `export`, printing every
# exported variable, your keys among them, at every shell start.)
CLAUDE_HOOKS_SHELL="bash:$$"
export CLAUDE_HOOKS_SHELL
_cb_loaded
