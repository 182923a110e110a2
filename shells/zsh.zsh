# claude-hooks for zsh: switch Claude Code between Anthropic, Bedrock, Vertex and Foundry.
# Load it from ~/.zshrc (after compinit, for completion of cb-use) with:
#   source <(claude-hooks init zsh)
#
# How it works (docs/how-it-works.md has the long version):
# - _cb_managed lists the variables Claude Code reads to choose a backend, its credentials
#   and its models. Nothing else is ever touched.
# - The first switch records your own values of them: the baseline, telling unset from empty
#   and exported from not. Every switch puts the baseline back, then applies the profile on
#   top; cb-off puts the baseline back and forgets it.
# - After each switch we record what we left (_cb_a_NAME). A variable that differs from that
#   at the next switch was changed by hand: it is yours again and joins the baseline.
# - Before every prompt and after every cd, _cb_hook finds what governs the directory (the
#   nearest .claude-backend up the tree, else the [directories] map) and acts only when that
#   changes, so a manual switch holds until you enter a directory governed by something else.
# - What runs at a prompt is builtins only: no subshell, no external command, no node.
# - Every entry point (the hook, the cb-* commands, completion) starts with `emulate -L zsh`,
#   and the helpers they call inherit it, so your options (KSH_ARRAYS, SH_WORD_SPLIT, NO_UNSET,
#   ERR_EXIT, ALL_EXPORT, ...) stay yours and do not change how this code runs. XTRACE, which
#   emulate leaves alone, is turned off too (until the entry point returns): a trace would
#   print every key a switch moves. The helpers are internal: call them only through an
#   entry point.

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
    [[ -e $_cb_cli_file ]] || return 1
    if ! _cb_same_time "$_cb_config_file" "$_cb_cache_file.config-time" || ! _cb_same_time "$_cb_cli_file" "$_cb_cache_file.cli-time"; then
        typeset -g _cb_refreshing=1
        eval "$(_cb_cli init zsh --cache)"
        unset _cb_refreshing
        return 0
    fi
fi
# A broken config, said at every load of a cached copy as `init` says it at every start.
[[ -z $_cb_config_warning ]] || print -r -- "$_cb_config_warning" >&2

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

# Used by _cb_profile_apply (rendered above). While _cb_fetching is set (the fetch pass of
# _cb_switch) they change nothing: only _cb_secret works, filling its cache.
_cb_put() {
    [[ -z ${_cb_fetching-} ]] || return 0
    export -- "$1=$2"
    _cb_psets+=($1)
}

_cb_drop() {
    [[ -z ${_cb_fetching-} ]] || return 0
    unset -v -- "$@"
}

# Sets $2 from the output of command $4, run by sh from your home directory (_cb_keyrun) at
# the first switch to the profile in this shell and kept in an unexported variable
# (_cb_k<id>_<name>) for later switches. The output is never printed; on failure $2 is left
# unset rather than holding some other key. $3 names the source in messages.
# The command runs in the fetch pass (_cb_fetching set), before the switch changes anything,
# so a Ctrl-C there leaves the shell as it was; the apply pass only reads the cache.
_cb_secret() {
    local _cb_cache=_cb_k${1}_${2} _cb_val
    if [[ -n ${_cb_fetching-} ]]; then
        if [[ -z ${(P)_cb_cache-} ]]; then
            if _cb_val=$(command sh -c "$_cb_keyrun" claude-hooks "$4") && [[ -n $_cb_val ]]; then
                typeset -g -- "$_cb_cache=$_cb_val"
            else
                _cb_warn "$3 failed or printed nothing; $2 is not set"
            fi
        fi
        return 0
    fi
    if [[ -n ${(P)_cb_cache-} ]]; then
        export -- "$2=${(P)_cb_cache}"
        _cb_psets+=($2)
    else
        unset -v -- $2
    fi
}

_cb_forget_secrets() {
    (( ${#_cb_secret_caches} )) && unset -v -- $_cb_secret_caches
    return 0
}

# Prints the hint $1 when every variable named after it is unset or empty.
_cb_need() {
    [[ -z ${_cb_fetching-} ]] || return 0
    local _cb_hint=$1 _cb_n
    shift
    for _cb_n in "$@"; do
        [[ -n ${(P)_cb_n-} ]] && return 0
    done
    _cb_warn "$_cb_hint"
}

# Text from outside (a marker, a directory's name, a variable's value, the config) is shown
# with its control characters escaped, so it cannot drive the terminal: ESC sequences clear
# the screen, retitle the window or write the clipboard. $1, escaped, goes into _cb_c: C0
# controls (NUL too) as \x00..\x1f (newline and tab too: a message is one line), DEL as \x7f,
# the C1 controls U+0080..U+009F as \u0080..\u009f. Builtins only; text without a control
# character (nearly all) costs one pattern match. Every message goes through it, whole.
_cb_clean() {
    typeset -g _cb_c=$1
    [[ $1 == *[[:cntrl:]]* || $1 == *$'\xc2'[$'\x80'-$'\x9f']* ]] || return 0
    (( ${#_cb_ctl} )) || _cb_ctl_table
    local _cb_i
    for _cb_i in {1..${#_cb_ctl}}; do
        _cb_c=${_cb_c//${_cb_ctl[_cb_i]}/${_cb_ctl_esc[_cb_i]}}
    done
}

# The control characters and how _cb_clean shows them, built the first time it needs them.
_cb_ctl_table() {
    local _cb_i _cb_h _cb_ch
    typeset -ga _cb_ctl _cb_ctl_esc
    for _cb_i in {0..31} 127 {128..159}; do
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
}

# A message on stderr, cleaned. _cb_say is the same, unless CLAUDE_HOOKS_QUIET is set.
_cb_warn() {
    _cb_clean "claude-hooks: $1"
    print -r -- "$_cb_c" >&2
}

_cb_say() {
    [[ -n ${CLAUDE_HOOKS_QUIET-} ]] || _cb_warn "$1"
}

# A line of cb-status on stdout, cleaned.
_cb_show() {
    _cb_clean "$1"
    print -r -- "$_cb_c"
}

# Switches to profile $1 for reason $2, or with an empty $1 back to the baseline; says $3,
# if given, once it knows it can.
_cb_switch() {
    local _cb_v _cb_s _cb_rec
    local -a _cb_todo _cb_back
    typeset -g _cb_fetching= # an earlier switch stopped by Ctrl-C in its fetch pass left it set
    # Only variables that are set, or that we keep a record of, can need anything: the
    # others (most of them) are unset now and were unset in the baseline.
    _cb_list_set
    _cb_todo+=(${${(k)parameters[(I)_cb_[ab]_*]}#_cb_[ab]_})
    for _cb_v in ${(u)_cb_todo}; do
        # _cb_state, inlined: this loop is what a switch costs. (u): a variable set and
        # recorded is listed up to three times, visited once.
        if (( ! ${(P)+_cb_v} )); then
            _cb_s=u
        elif [[ ${(Pt)_cb_v} == *-export* ]]; then
            _cb_s=x${(P)_cb_v}
        else
            _cb_s=s${(P)_cb_v}
        fi
        _cb_rec=_cb_a_$_cb_v
        if [[ $_cb_s != "${(P)_cb_rec-u}" ]]; then
            # Not what we left (or never switched): the current value is the user's own,
            # and already in place.
            if [[ $_cb_s == u ]]; then
                unset -v -- _cb_b_$_cb_v
            else
                typeset -g -- "_cb_b_$_cb_v=$_cb_s"
            fi
        else
            _cb_rec=_cb_b_$_cb_v
            [[ $_cb_s == "${(P)_cb_rec-u}" ]] || _cb_back+=($_cb_v)
        fi
    done
    # All or nothing: if one of the variables this switch changes (those going back to the
    # baseline, the profile's own) is readonly, it changes none of them, says so and fails.
    # (zsh would stop half-way, at the first one.)
    typeset -ga _cb_pv
    _cb_profile_vars "$1"
    if ! _cb_writable $_cb_back $_cb_pv; then
        _cb_warn "cannot switch ${1:+to }${1:-off}: $_cb_r readonly in this shell; nothing changed"
        return 1
    fi
    # Nor is an array of yours changed: a profile sets plain variables (export would stop the
    # switch half-way, at the first array), and an array could not be put back as it was.
    if ! _cb_plain $_cb_back $_cb_pv; then
        _cb_warn "cannot switch ${1:+to }${1:-off}: $_cb_r: an array in this shell, and a profile sets plain variables; unset it first; nothing changed"
        return 1
    fi
    # What the switch is about, said before the hints the profile may print.
    [[ -z ${3-} ]] || _cb_say "$3"
    # Fetch first, then apply: the profile's key commands run before anything changes, so a
    # Ctrl-C while one runs leaves the shell as it was, and cb-off never takes half a switch
    # for your own values.
    if [[ -n $1 ]]; then
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

# Makes profile $1 (reason $2) active without re-applying it when it already is, so a
# variable changed by hand is not overwritten by a mere change of directory.
_cb_select() {
    if [[ $1 == "${_cb_active-}" ]]; then
        typeset -g _cb_why=$2
        return 0
    fi
    if [[ -n $1 ]]; then
        _cb_switch "$1" "$2" "$1 ($2)"
    else
        _cb_switch '' '' "off: your own variables are back"
    fi
}

# Succeeds when every variable named in "$@" may be changed; otherwise puts the readonly ones
# into _cb_r ("A is", "A, B are") and fails.
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

# Succeeds when none of the variables named in "$@" is an array or an association; otherwise
# puts them into _cb_r ("A, B") and fails.
_cb_plain() {
    local _cb_n
    typeset -g _cb_r=
    for _cb_n in ${(u)@}; do
        [[ ${(Pt)_cb_n} == (array|association)* ]] && _cb_r+="${_cb_r:+, }$_cb_n"
    done
    [[ -z $_cb_r ]]
}

# What governs the current directory, into _cb_gkey (empty: nothing), _cb_gprofile, _cb_gwhy.
# Reads the marker's first line with the read builtin: it is data, never executed.
_cb_governor() {
    local _cb_d _cb_f _cb_line
    typeset -g _cb_gkey= _cb_gprofile= _cb_gwhy= _cb_gbad='is empty'
    # An .envrc with `use claude` governs its directory: direnv applies and restores it.
    if [[ -n ${CLAUDE_HOOKS_DIRENV-} ]]; then
        _cb_gkey="direnv:$CLAUDE_HOOKS_DIRENV"
        _cb_gwhy="direnv: .envrc in $CLAUDE_HOOKS_DIRENV"
        return 0
    fi
    # Where a marker could be, nearest first: worked out once per directory...
    if [[ $PWD != "${_cb_cands_pwd-}" ]]; then
        typeset -g _cb_cands_pwd=$PWD
        typeset -ga _cb_cands
        _cb_cands=()
        _cb_d=${PWD%/}
        while true; do
            _cb_cands+=("$_cb_d/.claude-backend")
            [[ -z $_cb_d ]] && break
            _cb_d=${_cb_d%/*}
        done
    fi
    # ...and checked at every prompt with [[ -f ]] (faster here than one glob with qualifiers).
    for _cb_f in $_cb_cands; do
        [[ -f $_cb_f ]] && break
        _cb_f=
    done
    if [[ -n $_cb_f ]]; then
        _cb_gwhy=".claude-backend at $_cb_f"
        _cb_line=
        # What may be read (docs/security.md, "Markers"): a regular file, a symlink followed to
        # one, with something in it. A FIFO, a device or a socket is not -f (a read could wait
        # for ever), and the pseudo-files of /proc, which can block or hold another program's
        # environment, have no size. Never more than 256 characters.
        if [[ ! -O $_cb_f ]] && ! _cb_trusted ${_cb_f%/.claude-backend}; then
            # Whose it is, as git's safe.directory: only a marker you own counts (as root, one
            # root owns), or one under your config's trustedDirectories.
            _cb_gbad='is owned by another user'
        elif [[ ! -s $_cb_f ]]; then
            _cb_gbad='is empty'
        elif [[ ! -r $_cb_f ]]; then
            _cb_gbad='cannot be read'
        else
            # (zsh reads byte by byte: a 1 MB line took half a second), then the first line.
            { IFS= read -r -u 0 -k 256 _cb_line <$_cb_f; } 2>/dev/null
            _cb_line=${_cb_line%%$'\n'*}
            _cb_line=${_cb_line#$'\xef\xbb\xbf'}
            _cb_line=${_cb_line%$'\r'}
            _cb_line=${_cb_line#"${_cb_line%%[![:space:]]*}"}
            _cb_line=${_cb_line%"${_cb_line##*[![:space:]]}"}
            # A profile name ([a-z0-9][a-z0-9_-]*, at most 64) or nothing: anything else is
            # never shown, as it may be the first line of a file the marker links to.
            if [[ -z $_cb_line ]]; then
                _cb_gbad='is empty'
            elif [[ $_cb_line == [^abcdefghijklmnopqrstuvwxyz0123456789]* || $_cb_line == *[^abcdefghijklmnopqrstuvwxyz0123456789_-]* || ${#_cb_line} -gt 64 ]]; then
                _cb_gbad='does not hold a profile name'
            else
                _cb_gprofile=$_cb_line
                _cb_gkey="marker:$_cb_f:$_cb_line"
                return 0
            fi
        fi
        # Not usable: the key still changes with the content, so an edit is seen.
        _cb_gkey="bad:$_cb_f:$_cb_gbad:$_cb_line"
        return 0
    fi
    if [[ -n $_cb_has_dirmap ]] && _cb_dirmap "$PWD"; then
        _cb_gkey="map:$_cb_map_dir:$_cb_map_profile"
        _cb_gprofile=$_cb_map_profile
        _cb_gwhy="directory map: $_cb_map_dir"
    fi
    return 0
}

_cb_on_governor_change() {
    [[ $_cb_gkey == direnv:* ]] && return 0
    if [[ -z $_cb_gkey ]]; then
        # Nothing governs here: an automatic switch ends; a manual one holds.
        if [[ -n ${_cb_auto-} ]]; then
            typeset -g _cb_auto=
            if [[ -n ${_cb_manual-} ]]; then
                _cb_select $_cb_manual manual
            else
                _cb_select '' ''
            fi
        fi
        return 0
    fi
    if [[ -z $_cb_gprofile ]]; then
        if [[ $_cb_gbad == 'is owned by another user' ]]; then
            _cb_warn "$_cb_gwhy $_cb_gbad: only your own markers count (or those under trustedDirectories in your config); not switching"
        else
            _cb_warn "$_cb_gwhy $_cb_gbad; expected one profile name (${(j: :)_cb_profiles}); not switching"
        fi
        return 0
    fi
    if ! _cb_profile_describe $_cb_gprofile; then
        _cb_warn "$_cb_gwhy names unknown profile '$_cb_gprofile'; known: ${(j: :)_cb_profiles}; not switching"
        return 0
    fi
    typeset -g _cb_auto=1
    _cb_select $_cb_gprofile $_cb_gwhy
}

# The active backend for a prompt, into $cb_prompt: bedrock:eu-west-1, vertex:us-east5,
# anthropic, or nothing, with % doubled for prompt expansion. The hook keeps it current, so
# (with PROMPT_SUBST) PROMPT='%~ ${cb_prompt} %# ' shows it without a subshell;
# cb_prompt_info prints it, as it is, for anything else.
_cb_prompt_text() {
    typeset -g cb_prompt=${CLAUDE_HOOKS_PROFILE-}
    [[ -z $cb_prompt ]] && return 0
    local -i _cb_i=1
    local _cb_sel _cb_reg
    for _cb_sel in $_cb_region_sels; do
        if [[ ${(P)_cb_sel-} == 1 ]]; then
            _cb_reg=${_cb_region_vars[_cb_i]}
            [[ -n ${(P)_cb_reg-} ]] && cb_prompt+=:${(P)_cb_reg}
            return 0
        fi
        (( _cb_i++ ))
    done
}

cb_prompt_info() {
    emulate -L zsh
    setopt no_xtrace
    _cb_prompt_text
    print -rn -- $cb_prompt
    cb_prompt=${cb_prompt//\%/%%}
}

# The hook, run from precmd and chpwd. Keeps $? for the hooks after it, except under
# ERR_EXIT, where a non-zero return would end the shell. $- is read before emulate resets it.
_cb_hook() {
    local _cb_status=$? _cb_flags=$- _cb_f= _cb_line=
    emulate -L zsh
    setopt no_xtrace
    # Two usual prompts are answered here, without the governor, when there is no direnv and
    # the candidates are this directory's:
    if [[ -z ${CLAUDE_HOOKS_DIRENV-} && -n ${_cb_cands_pwd-} && $PWD == "$_cb_cands_pwd" ]]; then
        if [[ -z ${_cb_last_gkey-}$_cb_has_dirmap ]]; then
            # Nothing governed at the last one, there is no directory map, and none of the
            # candidates is a file. (The loop leaves the last candidate, /.claude-backend, in
            # _cb_f when it finds nothing.)
            for _cb_f in $_cb_cands; do
                [[ -f $_cb_f ]] && break
            done
            [[ -f $_cb_f ]] || _cb_f=idle
        elif [[ $_cb_last_gkey == "marker:$_cb_cands[1]:${_cb_gprofile-}" && -f $_cb_cands[1] && -O $_cb_cands[1] && -s $_cb_cands[1] ]]; then
            # This directory's own marker governed, and still names the same profile (it is
            # read again: it may have been edited). Most prompts of a day spent in a project.
            # It must still be a file of yours with a size (docs/security.md, "Markers"); one
            # that cannot be read reads as empty, and the governor says so.
            { IFS= read -r -u 0 -k 256 _cb_line <$_cb_cands[1]; } 2>/dev/null
            [[ ${_cb_line%%$'\n'*} == "$_cb_gprofile" ]] && _cb_f=idle
        fi
    fi
    if [[ $_cb_f != idle ]]; then
        _cb_governor
        if [[ $_cb_gkey != "${_cb_last_gkey-}" ]]; then
            typeset -g _cb_last_gkey=$_cb_gkey
            _cb_on_governor_change
        fi
    fi
    # _cb_prompt_text, without the call when no profile is active.
    if [[ -n ${CLAUDE_HOOKS_PROFILE-} ]]; then
        _cb_prompt_text
        cb_prompt=${cb_prompt//\%/%%}
    else
        typeset -g cb_prompt=
    fi
    [[ $_cb_flags == *e* ]] && return 0
    return $_cb_status
}

# The status of a failed cb-* command: $1, or 0 under ERR_EXIT (the entry point's $-, saved in
# _cb_flags), which would otherwise end the shell for a typo. It has said why already.
_cb_failed() {
    [[ $_cb_flags == *e* ]] && return 0
    return $1
}

# Inside a directory whose .envrc says `use claude`, direnv owns the backend: a switch here
# would be half undone when direnv restores its own variables on the way out.
_cb_direnv_owns() {
    [[ -z ${CLAUDE_HOOKS_DIRENV-} ]] && return 1
    _cb_warn "direnv sets the backend here (.envrc in $CLAUDE_HOOKS_DIRENV says: use claude ${CLAUDE_HOOKS_PROFILE-}); edit that .envrc, or leave the directory, to switch"
    return 0
}

cb-use() {
    # $- before emulate resets it: under ERR_EXIT a failure returns 0 (it said why), as a
    # typo must not close the terminal.
    local _cb_flags=$-
    emulate -L zsh
    setopt no_xtrace
    _cb_direnv_owns && { _cb_failed 1; return; }
    if (( $# != 1 )) || [[ -z $1 ]]; then
        _cb_clean "usage: cb-use <profile>; profiles: ${(j: :)_cb_profiles}"
        print -r -- "$_cb_c" >&2
        _cb_failed 2; return
    fi
    if ! _cb_profile_describe $1; then
        _cb_warn "unknown profile '$1'; known: ${(j: :)_cb_profiles}"
        _cb_failed 2; return
    fi
    _cb_switch $1 manual $1 || { _cb_failed 1; return; }
    typeset -g _cb_manual=$1 _cb_auto=
}

# cb-bedrock and the other shortcuts (rendered above) come here: $1 is the command's name, $2
# its profile. An argument after them is a mistake (`cb-bedrock --region eu-west-1`): refused
# with the usage, rather than ignored as if the switch had done what was asked.
_cb_shortcut() {
    local _cb_flags=$- # (see cb-use)
    emulate -L zsh
    setopt no_xtrace
    if (( $# != 2 )); then
        print -r -- "usage: $1 (no arguments; other settings go in a profile: cb-use <profile>)" >&2
        _cb_failed 2; return
    fi
    cb-use $2 || _cb_failed $?
}

cb-off() {
    local _cb_flags=$- # (see cb-use)
    emulate -L zsh
    setopt no_xtrace
    if (( $# )); then
        print -r -- 'usage: cb-off (no arguments)' >&2
        _cb_failed 2; return
    fi
    _cb_direnv_owns && { _cb_failed 1; return; }
    # Said only when a profile was active: a second cb-off has nothing to give back.
    local _cb_was=${_cb_active-}
    _cb_switch '' '' || { _cb_failed 1; return; }
    typeset -g _cb_manual= _cb_auto=
    _cb_forget_secrets
    if [[ -n $_cb_was ]]; then
        _cb_say "off: your own variables are back"
    else
        _cb_say "already off: no profile was active"
    fi
}

# Masks a secret for display, into _cb_r: sk-ant-…1234, AKIA…WXYZ, or … when short.
_cb_mask() {
    local _cb_keep=
    case $1 in
    sk-ant-*) _cb_keep=sk-ant- ;;
    AKIA* | ASIA*) _cb_keep=${1[1,4]} ;;
    esac
    if (( ${#1} >= 16 )); then
        _cb_r="$_cb_keep…${1[-4,-1]}"
    else
        _cb_r="$_cb_keep…"
    fi
}

# Claude Code reads settings files on top of the environment, and their `env` wins: a line
# for each that sets one of the variables (a regular file, read up to 64 KiB, never run).
_cb_settings_note() {
    local _cb_f _cb_text _cb_v _cb_found
    for _cb_f in $_cb_managed_settings ${PWD-}/.claude/settings.local.json ${PWD-}/.claude/settings.json ${CLAUDE_CONFIG_DIR:-${HOME-}/.claude}/settings.json; do
        [[ -f $_cb_f && -s $_cb_f && -r $_cb_f ]] || continue
        _cb_text=
        { IFS= read -r -u 0 -d '' -k 65536 _cb_text <$_cb_f; } 2>/dev/null
        _cb_found=
        for _cb_v in $_cb_managed; do
            [[ $_cb_text == *\"$_cb_v\"(' '|):* ]] && _cb_found+="${_cb_found:+, }$_cb_v"
        done
        [[ -n $_cb_found ]] && _cb_show "settings  $_cb_f sets $_cb_found, over this shell: claude-hooks status says what Claude Code will use"
    done
    return 0
}

cb-status() {
    local _cb_flags=$- # (see cb-use)
    emulate -L zsh
    setopt no_xtrace
    if (( $# )); then
        print -r -- 'usage: cb-status (no arguments; for JSON: claude-hooks status --json)' >&2
        _cb_failed 2; return
    fi
    local _cb_v _cb_shown=
    if [[ -n ${CLAUDE_HOOKS_DIRENV-} ]]; then
        _cb_profile_describe "${CLAUDE_HOOKS_PROFILE-}" || _cb_r=unknown
        _cb_show "profile   ${CLAUDE_HOOKS_PROFILE-}: $_cb_r"
        _cb_show "why       direnv: .envrc in $CLAUDE_HOOKS_DIRENV"
    elif [[ -n ${_cb_active-} ]]; then
        _cb_profile_describe $_cb_active || _cb_r=unknown
        _cb_show "profile   $_cb_active: $_cb_r"
        _cb_show "why       $_cb_why"
    elif [[ -n ${CLAUDE_HOOKS_PROFILE-} ]]; then
        _cb_show "profile   $CLAUDE_HOOKS_PROFILE (set by a parent shell)"
    else
        print -r -- "profile   none: your own variables, as you set them"
    fi
    _cb_governor
    if [[ -n $_cb_gprofile && ( ${_cb_why-} != "$_cb_gwhy" || $_cb_gprofile != "${_cb_active-}" ) ]]; then
        _cb_show "here      $_cb_gwhy says '$_cb_gprofile'; your manual choice holds until you leave"
    elif [[ $_cb_gkey == bad:* ]]; then
        _cb_show "here      $_cb_gwhy $_cb_gbad; not used"
    fi
    _cb_settings_note
    print -r -- "variables in this shell (what Claude Code starts from)"
    for _cb_v in $_cb_managed; do
        [[ $_cb_v == CLAUDE_HOOKS_PROFILE ]] && continue
        (( ${(P)+_cb_v} )) || continue
        _cb_r=${(P)_cb_v}
        (( ${_cb_secrets[(Ie)$_cb_v]} )) && _cb_mask $_cb_r
        [[ -z $_cb_r ]] && _cb_r='(empty)'
        _cb_show "  $_cb_v=$_cb_r"
        _cb_shown=1
    done
    [[ -n $_cb_shown ]] || print -r -- "  (none of the variables Claude Code reads is set)"
}

# Re-reads the config: prints this integration again and loads it, then re-applies the
# active profile so edited values take effect.
cb-reload() {
    local _cb_flags=$- # (see cb-use)
    emulate -L zsh
    setopt no_xtrace
    if (( $# )); then
        print -r -- 'usage: cb-reload (no arguments)' >&2
        _cb_failed 2; return
    fi
    local _cb_code
    if ! _cb_code=$(_cb_cli init zsh); then
        _cb_warn 'cb-reload: "claude-hooks init zsh" failed; keeping the profiles loaded before'
        _cb_failed 1; return
    fi
    # Key commands may have changed: fetch again at the next switch. Before the new code
    # replaces the list of where the old profiles kept them.
    _cb_forget_secrets
    eval "$_cb_code"
    _cb_say "reloaded $_cb_config_file: ${#_cb_profiles} profiles"
    # Under direnv the variables are direnv's until you leave; the new profile data applies then.
    if [[ -n ${_cb_active-} && -z ${CLAUDE_HOOKS_DIRENV-} ]]; then
        if _cb_profile_describe $_cb_active; then
            _cb_switch $_cb_active $_cb_why || { _cb_failed 1; return; }
        else
            _cb_warn "profile '$_cb_active' is gone from the config; your own variables are back"
            cb-off
        fi
    fi
}

_cb_complete_profiles() {
    emulate -L zsh
    setopt no_xtrace
    compadd -- $_cb_profiles
}

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
