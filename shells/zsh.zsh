# claude-hooks for zsh: switch Claude Code between the backends it supports, per shell and per
# directory. Load it from ~/.zshrc (after compinit, for completion of cb-use) with:
#   source <(claude-hooks init zsh)
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
# - Before every prompt and after every cd, _cb_hook finds what governs the directory (the
#   nearest marker file up the tree, else the [directories] map) and acts only when that
#   changes, so a manual switch holds until you enter a directory governed by something else.
#   Where a marker could be, and what the map says, is worked out once per directory; a prompt
#   then tests one file per level.
# - What runs at a prompt, a cd or a switch is builtins only: no subshell, no external command.
# - Every entry point (the hook, the cb-* commands, completion) starts with `emulate -L zsh`,
#   and the helpers they call inherit it, so your options (KSH_ARRAYS, SH_WORD_SPLIT, NO_UNSET,
#   ERR_EXIT, ALL_EXPORT, ...) stay yours and do not change how this code runs. XTRACE, which
#   emulate leaves alone, is turned off too (until the entry point returns): a trace would
#   print every key a switch moves. So is your ZERR trap where our code may fail a test
#   (emulate's LOCAL_TRAPS puts it back): each test of ours that answers no would run it. The
#   helpers are internal: call them only through an entry point.
# - What is shared with bash is in the middle: shells/posix.sh (messages, masking, what governs
#   a directory and what to do when that changes), then shells/commands.sh (the cb-* commands).

# While this file loads, your aliases and ALL_EXPORT are set aside (_cb_loading lists them), and
# put back at its end and before each early return. zsh expands an alias as it reads a function,
# so an alias of print or unset would be inside our code for good, and ALL_EXPORT would export
# every variable we keep. (These lines are read with your aliases on: hence the backslashes.
# Under `eval "$(claude-hooks init zsh)"` zsh reads the whole text first: load it with source.
# The putting back is written out, not a function: under your LOCAL_OPTIONS a function's setopt
# is undone when it returns.)
\typeset -ga _cb_loading
_cb_loading=()
if [[ -o allexport ]]; then \unsetopt allexport; _cb_loading+=(allexport); fi
if [[ -o aliases ]]; then \unsetopt aliases; _cb_loading+=(aliases); fi

#@data

# A cached copy (claude-hooks init zsh --cache) refreshes itself when the config or claude-hooks
# is not the file it was made from (edited, removed, created, or replaced by an older one): the
# stamps beside it carry their modification times, compared both ways with builtins. It hands
# back to the start-up line when claude-hooks moved. (Once per load, whatever the clocks say.)
# Whether $1 and $2 have the same modification time, or are both missing.
_cb_same_time() {
    if [[ -e $1 ]]; then
        [[ -e $2 && ! $1 -nt $2 && ! $2 -nt $1 ]]
    else
        [[ ! -e $2 ]]
    fi
}
if [[ -n $_cb_cache_file && -z ${_cb_refreshing-} ]]; then
    if [[ ! -e $_cb_cli_file ]]; then
        (( ${#_cb_loading[@]} == 0 )) || setopt "${_cb_loading[@]}"; unset _cb_loading
        return 1
    fi
    # So does a shell that names another config than this copy's (CLAUDE_HOOKS_CONFIG,
    # XDG_CONFIG_HOME or HOME, in _cb_config_env): the copy becomes its config's.
    if [[ ${CLAUDE_HOOKS_CONFIG-}$'\n'${XDG_CONFIG_HOME-}$'\n'${HOME-} != "$_cb_config_env" ]] ||
        ! _cb_same_time "$_cb_config_file" "$_cb_cache_file.config-time" ||
        ! _cb_same_time "$_cb_cli_file" "$_cb_cache_file.cli-time"; then
        # zsh reads an eval's whole text before it runs any: the fresh copy is read with your
        # aliases still off, and puts back what it found (nothing), so what to put back waits here.
        typeset -ga _cb_refreshing
        _cb_refreshing=(1 "${_cb_loading[@]}")
        eval "$(_cb_cli init zsh --cache)"
        _cb_loading=("${_cb_refreshing[@]:1}")
        unset _cb_refreshing
        (( ${#_cb_loading[@]} == 0 )) || setopt "${_cb_loading[@]}"; unset _cb_loading
        return 0
    fi
fi
# A broken config, said at every load of a cached copy as `init` says it at every start.
[[ -z $_cb_config_warning ]] || print -r -- "$_cb_config_warning" >&2
# What _cb_walk works out for a directory; nothing, until the first prompt.
typeset -g _cb_cands_pwd= _cb_envrc_dir= _cb_map_dir= _cb_map_profile=
typeset -ga _cb_cands
_cb_cands=(/)

# ---- variables: their state, and putting them back ----

# The state of variable $1, into _cb_r: 'u' unset, 'x'+value exported, 's'+value set only.
# A missing record (_cb_a_NAME, _cb_b_NAME) means 'u', so unset variables cost nothing to keep.
_cb_state() {
    if (( ! ${(P)+1} )); then
        _cb_r=u
    elif [[ ${(Pt)1} == *-export* ]]; then
        _cb_r=x${(P)1}
    else
        _cb_r=s${(P)1}
    fi
}

# Puts variable $1 back into state $2 (as written by _cb_state).
_cb_restore() {
    case $2 in
    u) unset -v -- $1 ;;
    x*) export -- "$1=${2#x}" ;;
    s*)
        unset -v -- $1
        typeset -g -- "$1=${2#s}"
        ;;
    esac
}

# What the rendered _cb_apply_NAME functions call. _cb_psets collects what the profile sets, so
# the switch records those instead of testing every variable afterwards. While _cb_fetching is
# set (the fetch pass of _cb_switch) they change nothing: only _cb_secret works, filling its cache.
_cb_put() {
    [[ -z ${_cb_fetching-} ]] || return 0
    export -- "$1=$2"
    _cb_psets+=($1)
}

_cb_drop() {
    [[ -z ${_cb_fetching-} ]] || return 0
    unset -v -- "$@"
}

# Text from outside (a marker, a directory's name, a variable's value, the config) is shown
# with its control characters escaped, so it cannot drive the terminal: ESC sequences clear
# the screen, retitle the window or write the clipboard. $1, escaped, goes into _cb_c: C0
# controls (NUL too) as \x00..\x1f (newline and tab too: a message is one line), DEL as \x7f,
# the C1 controls U+0080..U+009F as \u0080..\u009f, and the format characters that reorder a
# line (the bidi controls, U+2028, U+2029: the rendered _cb_wide_ctl_*) as \u202e. Builtins
# only; every message goes through it, whole.
_cb_clean() {
    typeset -g _cb_c=$1
    # Only ASCII without a control (nearly every message) returns at once, as in bash.
    [[ $1 == *[[:cntrl:]]* || $1 == *[![:ascii:]]* ]] || return 0
    (( ${#_cb_ctl} )) || _cb_ctl_table
    local _cb_i
    # (Counted loops, not {1..n}: a function is parsed under the options it is defined with, and
    # your IGNORE_BRACES would keep {1..n} as it is.)
    for (( _cb_i = 1; _cb_i <= ${#_cb_ctl}; _cb_i++ )); do
        _cb_c=${_cb_c//${_cb_ctl[_cb_i]}/${_cb_ctl_esc[_cb_i]}}
    done
}

# The control characters and how _cb_clean shows them, built the first time it needs them.
_cb_ctl_table() {
    local _cb_i _cb_h _cb_ch
    typeset -ga _cb_ctl _cb_ctl_esc
    # C0 (0 to 31), DEL (127) and C1 (128 to 159).
    for (( _cb_i = 0; _cb_i < 160; _cb_i++ )); do
        (( _cb_i < 32 || _cb_i >= 127 )) || continue
        printf -v _cb_h '%02x' $_cb_i
        if (( _cb_i < 128 )); then
            printf -v _cb_ch "\\x$_cb_h"
            _cb_ctl+=("$_cb_ch")
            _cb_ctl_esc+=("\\x$_cb_h")
        else
            printf -v _cb_ch "\\xc2\\x$_cb_h"
            _cb_ctl+=("$_cb_ch")
            _cb_ctl_esc+=("\\u00$_cb_h")
        fi
    done
    for _cb_h in $_cb_wide_ctl_bytes; do
        printf -v _cb_ch "$_cb_h"
        _cb_ctl+=("$_cb_ch")
    done
    _cb_ctl_esc+=($_cb_wide_ctl_esc)
}

# ---- profiles: what they are, and switching ----

# Whether $1 is a profile of the config: in _cb_profiles, as the functions of a profile that
# cb-reload took out of the config are still defined.
_cb_known() {
    [[ -n ${1-} ]] && (( ${_cb_profiles[(Ie)$1]} ))
}

# What profile $1 is, from its rendered _cb_about_NAME (_cb_r, _cb_b, _cb_pv, ...); fails for an
# unknown profile.
_cb_about() {
    _cb_known "${1-}" || return 1
    typeset -g _cb_pfetch=
    _cb_about_$1
}

_cb_profile_apply() {
    _cb_apply_$1
}

# Switches to profile $1 for reason $2, or with an empty $1 back to the baseline; says $3,
# if given, once it knows it can.
_cb_switch() {
    local _cb_v _cb_rec
    local -i _cb_i
    local -a _cb_todo _cb_back _cb_mine _cb_mine_s
    typeset -g _cb_fetching= # an earlier switch stopped by Ctrl-C in its fetch pass left it set
    # What this switch can change: the variables the last one recorded (their _cb_a_ and _cb_b_
    # records), and those the new profile changes (_cb_pv) that are set now, so your value is
    # kept first. Any other is yours, and no switch changes it: not looked at. (u): a variable
    # set and recorded is listed up to three times, visited once.
    typeset -ga _cb_pv
    _cb_pv=()
    [[ -z $1 ]] || _cb_about $1
    _cb_todo=(${${(k)parameters[(I)_cb_[ab]_*]}#_cb_[ab]_})
    for _cb_v in $_cb_pv; do
        (( ${(P)+_cb_v} )) && _cb_todo+=($_cb_v)
    done
    for _cb_v in ${(u)_cb_todo}; do
        _cb_state $_cb_v
        _cb_rec=_cb_a_$_cb_v
        if [[ $_cb_r != "${(P)_cb_rec-u}" ]]; then
            # Not what we left (or never switched): the current value is the user's own,
            # and already in place. It joins the baseline below, once nothing refuses the switch.
            _cb_mine+=($_cb_v)
            _cb_mine_s+=("$_cb_r")
        else
            _cb_rec=_cb_b_$_cb_v
            [[ $_cb_r == "${(P)_cb_rec-u}" ]] || _cb_back+=($_cb_v)
        fi
    done
    # All or nothing: if one of the variables this switch changes (those going back to the
    # baseline, the profile's own) is readonly, it changes none of them, says so and fails.
    # (zsh would stop half-way, at the first one.)
    if ! _cb_writable $_cb_back $_cb_pv; then
        _cb_warn "cannot switch ${1:+to }${1:-off}: $_cb_r readonly in this shell; nothing changed"
        return 1
    fi
    # Nor is an array of yours changed, or a variable of a declared type: a profile sets plain
    # values (export would stop the switch half-way, at the first array), an array could not be
    # put back as it was, and a type would change the value.
    if ! _cb_plain $_cb_back $_cb_pv; then
        _cb_warn "cannot switch ${1:+to }${1:-off}: $_cb_r; nothing changed"
        return 1
    fi
    # Your values join the baseline now, not in the loop above: a refused switch must leave no
    # record behind, or a later cb-off would bring back a variable you have unset since.
    for (( _cb_i = 1; _cb_i <= $#_cb_mine; _cb_i++ )); do
        if [[ $_cb_mine_s[_cb_i] == u ]]; then
            unset -v -- _cb_b_$_cb_mine[_cb_i]
        else
            typeset -g -- "_cb_b_$_cb_mine[_cb_i]=$_cb_mine_s[_cb_i]"
        fi
    done
    # What the switch is about, said before the hints the profile may print.
    [[ -z ${3-} ]] || _cb_say "$3"
    # Fetch first, then apply: the profile's key commands run before anything changes, so a
    # Ctrl-C while one runs leaves the shell as it was, and cb-off never takes half a switch
    # for your own values.
    if [[ -n $1 && -n $_cb_pfetch ]]; then
        typeset -g _cb_fetching=1
        _cb_profile_apply $1
        typeset -g _cb_fetching=
    fi
    for _cb_v in $_cb_back; do
        _cb_rec=_cb_b_$_cb_v
        _cb_restore $_cb_v "${(P)_cb_rec-u}"
    done
    if [[ -z $1 ]]; then
        unset -m '_cb_[ab]_*'
        typeset -g _cb_active= _cb_why=
        return 0
    fi
    typeset -ga _cb_psets
    _cb_psets=()
    _cb_profile_apply $1
    export CLAUDE_HOOKS_PROFILE=$1
    # What this switch leaves: a record for each variable that is set (none means unset).
    # Set now can be only what the baseline holds (the variables with a _cb_b_ record, after
    # the loop above) and what the profile set: no need to test all of them.
    unset -m '_cb_a_*'
    for _cb_v in ${${(k)parameters[(I)_cb_b_*]}#_cb_b_} $_cb_psets CLAUDE_HOOKS_PROFILE; do
        if (( ${(P)+_cb_v} )); then
            _cb_state $_cb_v
            typeset -g -- "_cb_a_$_cb_v=$_cb_r"
        fi
    done
    typeset -g _cb_active=$1 _cb_why=$2
}

# Succeeds when none of the variables named in "$@" is readonly; else puts them into _cb_r
# ("A is", "A, B are") and fails.
_cb_writable() {
    local _cb_n
    typeset -g _cb_r=
    for _cb_n in ${(u)@}; do
        [[ ${(Pt)_cb_n} == *readonly* ]] && _cb_r+="${_cb_r:+, }$_cb_n"
    done
    [[ -z $_cb_r ]] && return 0
    [[ $_cb_r == *,* ]] && _cb_r+=' are' || _cb_r+=' is'
    return 1
}

# Succeeds when every variable named in "$@" takes a value as it is given: none is an array or
# an association, or of a type that rewrites what is assigned (integer, float, lower or upper
# case, padded left or right: eu-west-1 as an integer is -1, and a model id with a colon is an
# arithmetic error half-way through a switch). Otherwise puts why into _cb_r ("A, B: an array in
# this shell, ...") and fails.
_cb_plain() {
    local _cb_n _cb_arrays= _cb_typed=
    for _cb_n in ${(u)@}; do
        # case, not [[ == (array|association)* ]]: a ( stops the load under SH_GLOB (see above).
        case ${(Pt)_cb_n} in
        array* | association*) _cb_arrays+="${_cb_arrays:+, }$_cb_n" ;;
        integer* | float* | *-lower* | *-upper* | *-left* | *-right*) _cb_typed+="${_cb_typed:+, }$_cb_n" ;;
        esac
    done
    typeset -g _cb_r=
    if [[ -n $_cb_arrays ]]; then
        _cb_r="$_cb_arrays: an array in this shell, and a profile sets plain variables; unset it first"
    fi
    if [[ -n $_cb_typed ]]; then
        _cb_r+="${_cb_r:+; }$_cb_typed: declared -i, -F, -E, -l, -u, -L, -R or -Z in this shell,"
        _cb_r+=" which would change the value a profile sets; unset it first"
    fi
    [[ -z $_cb_r ]]
}

# ---- what governs this directory ----

# For a new $PWD: where a marker could be, nearest first (_cb_cands), and the innermost
# directory of the map at or above it (_cb_map_dir, _cb_map_profile), one lookup per level.
_cb_walk() {
    local _cb_d=${PWD-}
    typeset -g _cb_cands_pwd=$_cb_d _cb_map_dir= _cb_map_profile= _cb_envrc_dir=
    typeset -ga _cb_cands
    # (/ is a directory, never a marker: as in bash, no list of them is empty.)
    _cb_cands=(/)
    # A $PWD that is not an absolute path governs nothing (zsh started in a directory that is
    # gone sets '.'): the walk up the tree would never reach /.
    [[ $_cb_d == /* ]] || return 0
    _cb_cands=()
    _cb_d=${_cb_d%/}
    while true; do
        _cb_cands+=("$_cb_d/$_cb_marker")
        if [[ -z $_cb_map_dir ]] && (( ${#_cb_map} )) && _cb_map_get ${_cb_d:-/}; then
            _cb_map_dir=${_cb_d:-/}
            _cb_map_profile=$_cb_r
        fi
        [[ -z $_cb_d ]] && break
        _cb_d=${_cb_d%/*}
    done
    _cb_envrc_find ${PWD%/}
}

# When direnv's hook is in this shell, whether the .envrc it will load here (the nearest at or
# above directory $1) says `use claude`: its directory into _cb_envrc_dir, else empty. direnv's
# hook may run after ours at this prompt; until it has loaded, that directory is direnv's
# already, and a marker in its tree does not switch (docs/direnv.md).
_cb_envrc_find() {
    local _cb_d=$1
    typeset -g _cb_envrc_dir=
    (( ${+functions[_direnv_hook]} )) || return 0
    _cb_before_direnv
    while [[ ! -f $_cb_d/.envrc ]]; do
        [[ -n $_cb_d ]] || return 0
        _cb_d=${_cb_d%/*}
    done
    _cb_read_head $_cb_d/.envrc 8192
    _cb_says_use_claude "$_cb_r" && _cb_envrc_dir=${_cb_d:-/}
    return 0
}

# The start of file $1, into _cb_r: up to $2 characters, NULs and all (read -k reads on past
# them, as bash runs past them in a file: direnv's .envrc). Read with the read builtin: it is
# data, never run.
_cb_read_head() {
    _cb_r=
    { IFS= read -r -u 0 -d '' -k $2 _cb_r <$1; } 2>/dev/null || :
}

# Puts our hook in front of direnv's, as the order `setup` gives, where your start-up file loaded
# direnv's hook after ours (each puts its own in front): ours must read the .envrc that direnv is
# about to load before direnv loads it on top of a marker's switch (docs/direnv.md). Only ours
# moves; the other hooks keep their order.
_cb_before_direnv() {
    # (A list that add-zsh-hook -d emptied is unset, and a subscript of it nothing: tested first.)
    if (( ${+precmd_functions} )) && (( ${precmd_functions[(Ie)_cb_hook]} &&
        ${precmd_functions[(ie)_direnv_hook]} < ${precmd_functions[(ie)_cb_hook]} )); then
        precmd_functions=(_cb_hook ${precmd_functions:#_cb_hook})
    fi
    if (( ${+chpwd_functions} )) && (( ${chpwd_functions[(Ie)_cb_hook]} &&
        ${chpwd_functions[(ie)_direnv_hook]} < ${chpwd_functions[(ie)_cb_hook]} )); then
        chpwd_functions=(_cb_hook ${chpwd_functions:#_cb_hook})
    fi
}

# The profile the map gives directory $1 itself, into _cb_r; fails when it has none.
_cb_map_get() {
    _cb_r=${_cb_map[$1]-}
    [[ -n $_cb_r ]]
}

# Succeeds for a directory at or below one of trustedDirectories, whose markers count whoever
# owns them; fails elsewhere.
_cb_trusted() {
    local _cb_d=$1
    while true; do
        (( ${_cb_trusted_dirs[(Ie)${_cb_d:-/}]} )) && return 0
        [[ -z $_cb_d ]] && return 1
        _cb_d=${_cb_d%/*}
    done
}

# Whether direnv governs here: CLAUDE_HOOKS_DIRENV names the directory of an .envrc that says
# `use claude`, and $PWD is in it; or a cd left it and direnv's hook, in this shell, has yet to
# unload it (this prompt, after ours: acting first, we would be half undone). A shell direnv
# does not run in (started by `direnv exec DIR`) takes the variable for stale outside DIR.
_cb_direnv_governs() {
    [[ -n ${CLAUDE_HOOKS_DIRENV-} ]] || return 1
    local _cb_d=${CLAUDE_HOOKS_DIRENV%/}
    [[ $PWD/ == $_cb_d/* ]] || (( ${+functions[_direnv_hook]} ))
}

# Judges marker $1 into _cb_gkey and _cb_gprofile, or _cb_gbad. Its first line is read with
# the read builtin: it is data, never executed. What may be read (docs/security.md, "Markers"):
# a regular file, a symlink followed to one, with something in it. A FIFO, a device or a
# socket is not -f (a read could wait for ever), and the pseudo-files of /proc, which can
# block or hold another program's environment, have no size.
_cb_read_marker() {
    local _cb_line=
    if { [[ ! -O $1 ]] || [[ -L $1 && ! -O ${1%/*}/ ]]; } && ! _cb_trusted ${1%/*}; then
        # Whose it is, as git's safe.directory: only a marker you own counts (as root, one root
        # owns), or one under your config's trustedDirectories. A link counts only in a directory
        # of yours too: -O follows it, and another user may link to a marker of yours from theirs.
        _cb_gbad='is owned by another user'
    elif [[ ! -s $1 ]]; then
        _cb_gbad='is empty'
    elif [[ ! -r $1 ]]; then
        _cb_gbad='cannot be read'
    else
        # (zsh reads byte by byte up to a newline: a 1 MB line took half a second.)
        # (|| : as a line shorter than that ends the read with 1, which would run your ZERR trap.)
        { IFS= read -r -u 0 -k $_cb_read_max _cb_line <$1; } 2>/dev/null || :
        # A NUL ends the line, as a newline does (as in every shell and status).
        _cb_line=${${_cb_line%%$'\n'*}%%$'\0'*}
        # The same name as at the last prompt (most prompts of a day in a project): checked then.
        if [[ ${_cb_last_gkey-} != "marker:$1:$_cb_line" ]]; then
            _cb_line=${_cb_line#$_cb_bom}
            # The blanks of _cb_blanks, not [[:space:]], which in a UTF-8 locale takes Unicode's too.
            _cb_line=${_cb_line#"${_cb_line%%[!$_cb_blanks]*}"}
            _cb_line=${_cb_line%"${_cb_line##*[!$_cb_blanks]}"}
            # A profile name or nothing: anything else is never shown, as it may be the first
            # line of a file the marker links to.
            if [[ -z $_cb_line ]]; then
                _cb_gbad='is empty'
            elif [[ $_cb_line == [^${~_cb_name_first}]* || $_cb_line == *[^${~_cb_name_rest}]* ||
                ${#_cb_line} -gt $_cb_name_max ]]; then
                _cb_gbad='does not hold a profile name'
            fi
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
# anthropic, or nothing, with % doubled for prompt expansion. The hook keeps it current, so
# (with PROMPT_SUBST) PROMPT='%~ ${cb_prompt} %# ' shows it without a subshell;
# cb_prompt_info prints it, as it is, for anything else. The selectors in the order Claude Code
# tries them (the rendered _cb_region_* lists); the first that counts gives the region.
_cb_prompt_text() {
    typeset -g cb_prompt=${CLAUDE_HOOKS_PROFILE-}
    [[ -z $cb_prompt ]] && return 0
    local -i _cb_i=1
    local _cb_sel _cb_reg
    for _cb_sel in $_cb_region_sels; do
        # Most are unset; the one that is on usually says 1.
        if [[ -n ${(P)_cb_sel-} ]] && _cb_counts $_cb_sel $_cb_sel_needs[_cb_i]; then
            _cb_reg=${_cb_region_vars[_cb_i]}
            [[ -n $_cb_reg && -n ${(P)_cb_reg-} && ${(Pt)_cb_reg} == *-export* ]] && cb_prompt+=:${(P)_cb_reg}
            return 0
        fi
        (( _cb_i++ ))
    done
}

# Whether selector $1 counts: exported (Claude Code sees no other) and on as Claude Code reads it
# (_cb_on), and no variable named in the words of $2 blank (unset, empty or white space) or
# unexported.
_cb_counts() {
    local _cb_n
    [[ ${(Pt)1} == *-export* ]] && { [[ ${(P)1} == 1 ]] || _cb_on "${(P)1}"; } || return 1
    for _cb_n in ${=2}; do
        [[ ${(Pt)_cb_n} == *-export* ]] && ! _cb_blank "${(P)_cb_n-}" || return 1
    done
}

# Whether value $1 turns a selector on, as Claude Code reads it: one of _cb_on_words, in any case
# ((L) lowers it), with white space around.
_cb_on() {
    [[ $1 == 1 ]] && return 0 # what it nearly always says
    _cb_trim "$1"
    (( ${_cb_on_words[(Ie)${(L)_cb_r}]} ))
}

cb_prompt_info() {
    emulate -L zsh
    setopt no_xtrace
    trap - ZERR
    _cb_prompt_text
    print -rn -- $cb_prompt
    cb_prompt=${cb_prompt//\%/%%}
}

#@include posix.sh

#@include commands.sh

# ---- entry points ----
# Each saves $- before emulate resets it.

# The hook, run from precmd and chpwd. Keeps $? for the hooks after it, except under
# ERR_EXIT, where a non-zero return would end the shell.
_cb_hook() {
    local _cb_status=$? _cb_flags=$-
    emulate -L zsh
    setopt no_xtrace
    # What bash calls _cb_update, and the segment only when a profile is active: a call costs
    # zsh more than what these lines do: an idle prompt takes a third less time this way.
    _cb_governor
    # A change runs with your ZERR trap set aside, as the cb-* commands do. (Not at every prompt,
    # where nothing of ours fails: `trap -` cost an idle one 12%, callgrind.)
    [[ $_cb_gkey == "${_cb_last_gkey-}" ]] || { trap - ZERR; _cb_on_governor_change; }
    if [[ -n ${CLAUDE_HOOKS_PROFILE-} ]]; then
        _cb_prompt_text
        cb_prompt=${cb_prompt//\%/%%}
    else
        cb_prompt=
    fi
    [[ $_cb_flags == *e* ]] && return 0
    return $_cb_status
}

# Every cb-* command runs "$@" through here. no_aliases: cb-reload's eval reads all of the new
# code before its first line could set your aliases aside. Under ERR_EXIT a failure returns 0:
# the command has said why, and a typo must not close the terminal.
_cb_entry() {
    local _cb_flags=$-
    emulate -L zsh
    setopt no_xtrace no_aliases
    trap - ZERR
    "$@" && return 0
    local _cb_rc=$?
    [[ $_cb_flags == *e* ]] && return 0
    return $_cb_rc
}

cb-use() { _cb_entry _cb_use "$@"; }
cb-off() { _cb_entry _cb_off "$@"; }
cb-status() { _cb_entry _cb_status "$@"; }
cb-reload() { _cb_entry _cb_reload zsh "$@"; }
# cb-bedrock and the other shortcuts (rendered below): see _cb_use_shortcut.
_cb_shortcut() { _cb_entry _cb_use_shortcut "$@"; }

# Sets shell variable $1 (not exported) to $2.
_cb_set() {
    typeset -g -- "$1=$2"
}

# Variable $1's value into _cb_r (empty when it is unset); fails when it is unset.
_cb_value_of() {
    _cb_r=${(P)1-}
    (( ${(P)+1} ))
}

# Whether variable $1, holding $2, is a secret cb-status masks: by its name, or by its value (a
# password in a URL, in a variable whose name does not say so).
_cb_is_secret() {
    local _cb_s
    (( ${_cb_secrets[(Ie)$1]} )) && return 0
    for _cb_s in $_cb_secret_shapes; do
        [[ $2 == ${~_cb_s} ]] && return 0
    done
    return 1
}

_cb_complete_profiles() {
    emulate -L zsh
    setopt no_xtrace
    compadd -- $_cb_profiles
}

#@profiles

# Installs the hooks once, in front of the user's, so a prompt drawn in precmd already sees
# the switch; completion only where compinit has run.
_cb_install() {
    emulate -L zsh
    setopt no_xtrace
    typeset -ga precmd_functions chpwd_functions
    (( ${precmd_functions[(Ie)_cb_hook]} )) || precmd_functions=(_cb_hook $precmd_functions)
    (( ${chpwd_functions[(Ie)_cb_hook]} )) || chpwd_functions=(_cb_hook $chpwd_functions)
    if (( $+functions[compdef] )); then
        compdef _cb_complete_profiles cb-use
    fi
    return 0
}
_cb_install

# Lets `claude-hooks doctor` (a child of this shell) tell that the hooks are loaded here.
export CLAUDE_HOOKS_SHELL="zsh:$$"
(( ${#_cb_loading[@]} == 0 )) || setopt "${_cb_loading[@]}"; unset _cb_loading
