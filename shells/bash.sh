# shellcheck shell=bash
# claude-hooks for bash: switch Claude Code between Anthropic, Bedrock, Vertex and Foundry.
# Load it from ~/.bashrc with:   eval "$(claude-hooks init bash)"
#
# How it works (docs/how-it-works.md has the long version):
# - _cb_managed lists the variables Claude Code reads to choose a backend, its credentials
#   and its models. Nothing else is ever touched.
# - The first switch records your own values of them: the baseline, telling unset from empty
#   and exported from not. Every switch puts the baseline back, then applies the profile on
#   top; cb-off puts the baseline back and forgets it.
# - After each switch we record what we left (_cb_a_NAME). A variable that differs from that
#   at the next switch was changed by hand: it is yours again and joins the baseline.
# - At every prompt _cb_hook finds what governs the directory (the nearest .claude-backend up
#   the tree, else the [directories] map) and acts only when that changes, so a manual switch
#   holds until you enter a directory governed by something else.
# - What runs at a prompt is builtins only: no subshell, no external command, no node.
# Works on bash 3.2 (macOS) to 5.x, under set -u and set -e.

#@data

# A cached copy (claude-hooks init bash --cache) refreshes itself when the config or claude-hooks
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
        return 1
    fi
    if ! _cb_same_time "$_cb_config_file" "$_cb_cache_file.config-time" || ! _cb_same_time "$_cb_cli_file" "$_cb_cache_file.cli-time"; then
        _cb_refreshing=1
        eval "$(_cb_cli init bash --cache)"
        unset -v _cb_refreshing
        return 0
    fi
fi
# A broken config, said at every load of a cached copy as `init` says it at every start.
if [[ -n $_cb_config_warning ]]; then
    printf '%s\n' "$_cb_config_warning" >&2
fi

_cb_psets=()

# bash 4.4 and later can read a variable's export flag without a subshell (${name@a});
# before that every set variable is taken as exported.
if [ "${BASH_VERSINFO[0]}" -gt 4 ] || { [ "${BASH_VERSINFO[0]}" -eq 4 ] && [ "${BASH_VERSINFO[1]}" -ge 4 ]; }; then
    _cb_has_attrs=1
else
    _cb_has_attrs=
fi

# The state of variable $1, into _cb_r: 'u' unset, 'x'+value exported, 's'+value set only.
# (bash 3.2 parses ${!1@a} without complaint; it only runs where _cb_has_attrs says it can.)
# A missing record (_cb_a_NAME, _cb_b_NAME) means 'u', so unset variables cost nothing to keep.
_cb_state() {
    if [[ -z ${!1+x} ]]; then
        _cb_r=u
    elif [[ -n $_cb_has_attrs && ${!1@a} != *x* ]]; then
        _cb_r=s${!1}
    else
        _cb_r=x${!1}
    fi
}

# Puts variable $1 back into state $2 (as written by _cb_state).
_cb_restore() {
    case $2 in
    u) unset -v "$1" ;;
    x*) export "$1=${2#x}" ;;
    s*)
        unset -v "$1"
        printf -v "$1" '%s' "${2#s}"
        ;;
    esac
}

# Used by _cb_profile_apply (rendered above). _cb_psets collects what the profile sets, so the
# switch records those instead of testing every variable afterwards. While _cb_fetching is set
# (the fetch pass of _cb_switch) they change nothing: only _cb_secret works, filling its cache.
_cb_put() {
    [[ -z ${_cb_fetching-} ]] || return 0
    export "$1=$2"
    _cb_psets+=("$1")
}

_cb_drop() {
    [[ -z ${_cb_fetching-} ]] || return 0
    unset -v "$@"
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
        if [ -z "${!_cb_cache-}" ]; then
            if _cb_val=$(command sh -c "$_cb_keyrun" claude-hooks "$4") && [ -n "$_cb_val" ]; then
                printf -v "$_cb_cache" '%s' "$_cb_val"
            else
                _cb_warn "$3 failed or printed nothing; $2 is not set"
            fi
        fi
        return 0
    fi
    if [ -n "${!_cb_cache-}" ]; then
        export "$2=${!_cb_cache}"
        _cb_psets+=("$2")
    else
        unset -v "$2"
    fi
}

# The guard: bash before 4.4 calls "${empty[@]}" unbound under set -u.
_cb_forget_secrets() {
    if [ ${#_cb_secret_caches[@]} -gt 0 ]; then
        unset -v "${_cb_secret_caches[@]}"
    fi
}

# Your shell options, set aside while our code runs. Every entry point (the prompt hook and the
# cb-* commands) starts with a `case $-` that, when one of them is on, runs it again through
# _cb_guarded:
# - xtrace (set -x) would print every key a switch moves (yours, fetched ones, AWS secrets);
# - errexit (set -e) would end your shell at the first failing step. A command that fails
#   says why in one line and returns 0 under set -e: a typo must not close the terminal;
# - allexport (set -a) would export what we keep in shell variables, the fetched keys and
#   your baseline among them, to every program you start;
# - keyword (set -k) turns `export "NAME=value"` into a bare `export`, which prints the
#   whole environment, and empties `local name=value`.
# The options are put back as they were, whatever the command returns.
_cb_guarded() {
    local _cb_o _cb_rc
    { _cb_o=$-; set +xeak; } 2>/dev/null
    _cb_rc=0
    "$@" || _cb_rc=$?
    case $_cb_o in *a*) set -a ;; esac
    case $_cb_o in *k*) set -k ;; esac
    case $_cb_o in *e*) set -e; _cb_rc=0 ;; esac
    case $_cb_o in *x*) set -x ;; esac
    return "$_cb_rc"
}

# Prints the hint $1 when every variable named after it is unset or empty.
_cb_need() {
    [[ -z ${_cb_fetching-} ]] || return 0
    local _cb_hint=$1 _cb_n
    shift
    for _cb_n in "$@"; do
        if [ -n "${!_cb_n-}" ]; then
            return 0
        fi
    done
    _cb_warn "$_cb_hint"
}

# Text from outside (a marker, a directory's name, a variable's value, the config) is shown
# with its control characters escaped, so it cannot drive the terminal: ESC sequences clear
# the screen, retitle the window or write the clipboard. $1, escaped, goes into _cb_c: C0
# controls as \x01..\x1f (newline and tab too: a message is one line), DEL as \x7f, the C1
# controls U+0080..U+009F as \u0080..\u009f. Builtins only; text without a control character
# (nearly all) costs one pattern match. Every message goes through it, whole.
_cb_clean() {
    _cb_c=$1
    case $1 in
    *[[:cntrl:]]* | *$'\xc2'[$'\x80'-$'\x9f']*) ;;
    *) return 0 ;;
    esac
    [ -n "${_cb_ctl_ready-}" ] || _cb_ctl_table
    local _cb_i=0
    while [ "$_cb_i" -lt ${#_cb_ctl[@]} ]; do
        case $_cb_c in
        *"${_cb_ctl[_cb_i]}"*) _cb_c=${_cb_c//"${_cb_ctl[_cb_i]}"/"${_cb_ctl_esc[_cb_i]}"} ;;
        esac
        _cb_i=$((_cb_i + 1))
    done
}

# The control characters and how _cb_clean shows them, built the first time it needs them.
# (printf -v, not a $'...' list: bash 3.2 garbles \x01 and \x7f in array literals.)
_cb_ctl_table() {
    local _cb_i=1 _cb_h _cb_ch
    _cb_ctl=()
    _cb_ctl_esc=()
    while [ "$_cb_i" -lt 160 ]; do
        printf -v _cb_h '%02x' "$_cb_i"
        if [ "$_cb_i" -lt 32 ] || [ "$_cb_i" -eq 127 ]; then
            printf -v _cb_ch %b "\\x$_cb_h"
            _cb_ctl+=("$_cb_ch")
            _cb_ctl_esc+=("\\x$_cb_h")
        elif [ "$_cb_i" -ge 128 ]; then
            printf -v _cb_ch %b "\\xc2\\x$_cb_h"
            _cb_ctl+=("$_cb_ch")
            _cb_ctl_esc+=("\\u00$_cb_h")
        fi
        _cb_i=$((_cb_i + 1))
    done
    _cb_ctl_ready=1
}

# A message on stderr, cleaned. _cb_say is the same, unless CLAUDE_HOOKS_QUIET is set.
_cb_warn() {
    _cb_clean "claude-hooks: $1"
    printf '%s\n' "$_cb_c" >&2
}

_cb_say() {
    if [ -z "${CLAUDE_HOOKS_QUIET-}" ]; then
        _cb_warn "$1"
    fi
}

# A line of cb-status on stdout, cleaned.
_cb_show() {
    _cb_clean "$1"
    printf '%s\n' "$_cb_c"
}

# Switches to profile $1 for reason $2, or with an empty $1 back to the baseline; says $3,
# if given, once it knows it can.
_cb_switch() {
    local _cb_v _cb_s _cb_rec _cb_todo=() _cb_an _cb_bn _cb_back=() _cb_seen=' '
    _cb_fetching= # an earlier switch stopped by Ctrl-C in its fetch pass left it set
    # Only variables that are set, or that we keep a record of, can need anything: the
    # others (most of them) are unset now and were unset in the baseline.
    _cb_list_set
    # The records, listed once: ${!prefix@} scans every variable of the shell. A baseline
    # record the loop below adds joins _cb_bn there, so that list stays a superset.
    _cb_an=("${!_cb_a_@}")
    _cb_bn=("${!_cb_b_@}")
    for _cb_v in ${_cb_an[@]+"${_cb_an[@]}"} ${_cb_bn[@]+"${_cb_bn[@]}"}; do
        _cb_todo+=("${_cb_v#_cb_[ab]_}")
    done
    # _cb_state, inlined: this loop is what a switch costs. A variable set and recorded is
    # listed up to three times: visited once.
    for _cb_v in ${_cb_todo[@]+"${_cb_todo[@]}"}; do
        case $_cb_seen in
        *" $_cb_v "*) continue ;;
        esac
        _cb_seen+="$_cb_v "
        if [[ -z ${!_cb_v+x} ]]; then
            _cb_s=u
        elif [[ -n $_cb_has_attrs && ${!_cb_v@a} != *x* ]]; then
            _cb_s=s${!_cb_v}
        else
            _cb_s=x${!_cb_v}
        fi
        _cb_rec=_cb_a_$_cb_v
        if [[ $_cb_s != "${!_cb_rec-u}" ]]; then
            # Not what we left (or never switched): the current value is the user's own,
            # and already in place.
            if [[ $_cb_s == u ]]; then
                unset -v "_cb_b_$_cb_v"
            else
                printf -v "_cb_b_$_cb_v" '%s' "$_cb_s"
                _cb_bn+=("_cb_b_$_cb_v")
            fi
        else
            _cb_rec=_cb_b_$_cb_v
            if [[ $_cb_s != "${!_cb_rec-u}" ]]; then
                _cb_back+=("$_cb_v")
            fi
        fi
    done
    # All or nothing: if one of the variables this switch changes (those going back to the
    # baseline, the profile's own) is readonly, it changes none of them, says so and fails.
    # (One `local` over them all, in the rendered _cb_profile_writable.)
    if ! _cb_profile_writable "$1" ${_cb_back[@]+"${_cb_back[@]}"}; then
        _cb_readonly "${_cb_pv[@]}"
        _cb_warn "cannot switch ${1:+to }${1:-off}: $_cb_r readonly in this shell; nothing changed"
        return 1
    fi
    # Nor is an array of yours changed: a profile sets plain variables, and an array could not
    # be put back as it was.
    if ! _cb_plain "${_cb_pv[*]-}"; then
        _cb_warn "cannot switch ${1:+to }${1:-off}: $_cb_r: an array in this shell, and a profile sets plain variables; unset it first; nothing changed"
        return 1
    fi
    # What the switch is about, said before the hints the profile may print.
    if [[ -n ${3-} ]]; then
        _cb_say "$3"
    fi
    # Fetch first, then apply: the profile's key commands run before anything changes, so a
    # Ctrl-C while one runs leaves the shell as it was, and cb-off never takes half a switch
    # for your own values.
    if [[ -n $1 ]]; then
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

# Which of the variables named in "$@" are readonly, into _cb_r ("A is", "A, B are"), for the
# message of a switch _cb_profile_writable (rendered above) stopped.
_cb_readonly() {
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
}

# Succeeds when none of the variables named in the words of $1 is an array; otherwise puts
# the arrays into _cb_r ("A, B") and fails. bash before 4.4 cannot read the attributes
# without a subshell: there, an array with one element at index 0 passes as a plain value.
_cb_plain() {
    local IFS=' ' _cb_n _cb_i _cb_u=
    case $- in *u*) _cb_u=1; set +u ;; esac
    _cb_r=
    for _cb_n in $1; do
        if [[ -n $_cb_has_attrs ]]; then
            case ${!_cb_n@a} in *[aA]*) _cb_r+="${_cb_r:+, }$_cb_n" ;; esac
        else
            eval "_cb_i=\${!${_cb_n}[*]}"
            if [[ -n $_cb_i && $_cb_i != 0 ]]; then
                _cb_r+="${_cb_r:+, }$_cb_n"
            fi
        fi
    done
    [[ -z $_cb_u ]] || set -u
    [[ -z $_cb_r ]]
}

# Makes profile $1 (reason $2) active without re-applying it when it already is, so a
# variable changed by hand is not overwritten by a mere change of directory.
_cb_select() {
    if [ "$1" = "${_cb_active-}" ]; then
        _cb_why=$2
        return 0
    fi
    if [ -n "$1" ]; then
        _cb_switch "$1" "$2" "$1 ($2)"
    else
        _cb_switch '' '' "off: your own variables are back"
    fi
}

# What governs the current directory, into _cb_gkey (empty: nothing), _cb_gprofile, _cb_gwhy.
# Reads the marker's first line with the read builtin: it is data, never executed.
_cb_governor() {
    local _cb_d _cb_f _cb_line
    _cb_gkey=
    _cb_gprofile=
    _cb_gwhy=
    _cb_gbad='is empty'
    # An .envrc with `use claude` governs its directory: direnv applies and restores it.
    if [[ -n ${CLAUDE_HOOKS_DIRENV-} ]]; then
        _cb_gkey="direnv:$CLAUDE_HOOKS_DIRENV"
        _cb_gwhy="direnv: .envrc in $CLAUDE_HOOKS_DIRENV"
        return 0
    fi
    # Where a marker could be, nearest first: worked out once per directory...
    if [[ ${PWD-} != "${_cb_cands_pwd-}" ]]; then
        _cb_cands_pwd=${PWD-}
        _cb_cands=()
        _cb_d=${_cb_cands_pwd%/}
        while :; do
            _cb_cands+=("$_cb_d/.claude-backend")
            [[ -n $_cb_d ]] || break
            _cb_d=${_cb_d%/*}
        done
    fi
    # ...and checked at every prompt. [[ ]] rather than [ ]: here it is twice as fast.
    for _cb_f in "${_cb_cands[@]}"; do
        if [[ -f $_cb_f ]]; then
            _cb_gwhy=".claude-backend at $_cb_f"
            _cb_line=
            # What may be read (docs/security.md, "Markers"): a regular file, a symlink followed
            # to one, with something in it. A FIFO, a device or a socket is not -f (a read could
            # wait for ever), and the pseudo-files of /proc, which can block or hold another
            # program's environment, have no size. Never more than 256 characters.
            if [[ ! -O $_cb_f ]] && ! _cb_trusted "${_cb_f%/.claude-backend}"; then
                # Whose it is, as git's safe.directory: only a marker you own counts (as root,
                # one root owns), or one under your config's trustedDirectories.
                _cb_gbad='is owned by another user'
            elif [[ ! -s $_cb_f ]]; then
                _cb_gbad='is empty'
            elif [[ ! -r $_cb_f ]]; then
                _cb_gbad='cannot be read'
            else
                { IFS= read -r -n 256 _cb_line <"$_cb_f"; } 2>/dev/null || :
                _cb_line=${_cb_line#$'\xef\xbb\xbf'}
                _cb_line=${_cb_line%$'\r'}
                _cb_line=${_cb_line#"${_cb_line%%[![:space:]]*}"}
                _cb_line=${_cb_line%"${_cb_line##*[![:space:]]}"}
                # A profile name ([a-z0-9][a-z0-9_-]*, at most 64) or nothing: anything else is
                # never shown, as it may be the first line of a file the marker links to.
                # (Letters spelled out: a range like a-z follows the locale in bash 3.2.)
                case $_cb_line in
                '') _cb_gbad='is empty' ;;
                [!abcdefghijklmnopqrstuvwxyz0123456789]* | *[!abcdefghijklmnopqrstuvwxyz0123456789_-]*)
                    _cb_gbad='does not hold a profile name'
                    ;;
                *)
                    if [[ ${#_cb_line} -le 64 ]]; then
                        _cb_gprofile=$_cb_line
                        _cb_gkey="marker:$_cb_f:$_cb_line"
                        return 0
                    fi
                    _cb_gbad='does not hold a profile name'
                    ;;
                esac
            fi
            # Not usable: the key still changes with the content, so an edit is seen.
            _cb_gkey="bad:$_cb_f:$_cb_gbad:$_cb_line"
            return 0
        fi
    done
    if [[ -n $_cb_has_dirmap ]] && _cb_dirmap "${PWD-}"; then
        # shellcheck disable=SC2154 # _cb_dirmap (rendered) sets both.
        _cb_gkey="map:$_cb_map_dir:$_cb_map_profile"
        _cb_gprofile=$_cb_map_profile
        _cb_gwhy="directory map: $_cb_map_dir"
    fi
    return 0
}

_cb_on_governor_change() {
    local IFS=' '
    case $_cb_gkey in
    direnv:*) return 0 ;;
    esac
    if [ -z "$_cb_gkey" ]; then
        # Nothing governs here: an automatic switch ends; a manual one holds.
        if [ -n "${_cb_auto-}" ]; then
            _cb_auto=
            if [ -n "${_cb_manual-}" ]; then
                _cb_select "$_cb_manual" manual
            else
                _cb_select '' ''
            fi
        fi
        return 0
    fi
    if [ -z "$_cb_gprofile" ]; then
        case $_cb_gbad in
        'is owned by another user') _cb_warn "$_cb_gwhy $_cb_gbad: only your own markers count (or those under trustedDirectories in your config); not switching" ;;
        *) _cb_warn "$_cb_gwhy $_cb_gbad; expected one profile name (${_cb_profiles[*]}); not switching" ;;
        esac
        return 0
    fi
    if ! _cb_profile_describe "$_cb_gprofile"; then
        _cb_warn "$_cb_gwhy names unknown profile '$_cb_gprofile'; known: ${_cb_profiles[*]}; not switching"
        return 0
    fi
    _cb_auto=1
    _cb_select "$_cb_gprofile" "$_cb_gwhy"
}

# The active backend for a prompt, into $cb_prompt: bedrock:eu-west-1, vertex:us-east5,
# anthropic, or nothing. The hook keeps it current, so PS1='\w ${cb_prompt} \$ ' shows it
# without a subshell; cb_prompt_info prints it for anything else.
_cb_prompt_text() {
    cb_prompt=${CLAUDE_HOOKS_PROFILE-}
    if [[ -z $cb_prompt ]]; then
        return 0
    fi
    local _cb_i=0 _cb_sel _cb_reg
    for _cb_sel in "${_cb_region_sels[@]}"; do
        if [[ ${!_cb_sel-} == 1 ]]; then
            _cb_reg=${_cb_region_vars[_cb_i]}
            if [[ -n ${!_cb_reg-} ]]; then
                cb_prompt+=:${!_cb_reg}
            fi
            return 0
        fi
        _cb_i=$((_cb_i + 1))
    done
}

cb_prompt_info() {
    _cb_prompt_text
    printf '%s' "$cb_prompt"
}

# The prompt hook. Keeps $? for whatever runs after it, except under set -e, where a
# non-zero return would end the shell.
_cb_hook() {
    local _cb_status=$? _cb_f='' _cb_line=''
    # Two usual prompts are answered here, without the governor, when there is no direnv and
    # the candidates are this directory's:
    if [[ -z ${CLAUDE_HOOKS_DIRENV-} && -n ${_cb_cands_pwd-} && ${PWD-} == "$_cb_cands_pwd" ]]; then
        if [[ -z ${_cb_last_gkey-}$_cb_has_dirmap ]]; then
            # Nothing governed at the last one, there is no directory map, and none of the
            # candidates is a file. (The loop leaves the last candidate, /.claude-backend, in
            # _cb_f when it finds nothing.)
            for _cb_f in "${_cb_cands[@]}"; do
                [[ -f $_cb_f ]] && break
            done
            [[ -f $_cb_f ]] || _cb_f=idle
        elif [[ $_cb_last_gkey == "marker:${_cb_cands[0]}:${_cb_gprofile-}" && -f ${_cb_cands[0]} && -O ${_cb_cands[0]} && -s ${_cb_cands[0]} ]]; then
            # This directory's own marker governed, and still names the same profile (it is
            # read again: it may have been edited). Most prompts of a day spent in a project.
            # It must still be a file of yours with a size (docs/security.md, "Markers"); one
            # that cannot be read reads as empty, and the governor says so.
            { IFS= read -r -n 256 _cb_line <"${_cb_cands[0]}"; } 2>/dev/null || :
            [[ $_cb_line == "$_cb_gprofile" ]] && _cb_f=idle
        fi
    fi
    # Something may change: under set -x, -e, -a or -k that runs with them set aside, as every
    # cb-* command does (_cb_guarded). The usual prompts above touch nothing they could leak.
    if [[ ${_cb_f-} != idle ]]; then
        case $- in
        *[xeak]*) _cb_guarded _cb_update ;;
        *) _cb_update ;;
        esac
    fi
    # _cb_prompt_text, without the call when no profile is active.
    if [[ -n ${CLAUDE_HOOKS_PROFILE-} ]]; then
        _cb_prompt_text
    else
        cb_prompt=
    fi
    case $- in
    *e*) return 0 ;;
    esac
    # (Under set -k, `local` above cannot assign: 0 stands for the $? it lost.)
    return "${_cb_status:-0}"
}

# Finds what governs the directory, and acts only when that changed.
_cb_update() {
    _cb_governor
    if [[ $_cb_gkey != "${_cb_last_gkey-}" ]]; then
        _cb_last_gkey=$_cb_gkey
        _cb_on_governor_change
    fi
}

# Inside a directory whose .envrc says `use claude`, direnv owns the backend: a switch here
# would be half undone when direnv restores its own variables on the way out.
_cb_direnv_owns() {
    if [ -n "${CLAUDE_HOOKS_DIRENV-}" ]; then
        _cb_warn "direnv sets the backend here (.envrc in $CLAUDE_HOOKS_DIRENV says: use claude ${CLAUDE_HOOKS_PROFILE-}); edit that .envrc, or leave the directory, to switch"
        return 0
    fi
    return 1
}

cb-use() {
    case $- in *[xeak]*) _cb_guarded cb-use "$@"; return ;; esac
    local IFS=' '
    if _cb_direnv_owns; then
        return 1
    fi
    if [ $# -ne 1 ] || [ -z "$1" ]; then
        _cb_clean "usage: cb-use <profile>; profiles: ${_cb_profiles[*]}"
        printf '%s\n' "$_cb_c" >&2
        return 2
    fi
    if ! _cb_profile_describe "$1"; then
        _cb_warn "unknown profile '$1'; known: ${_cb_profiles[*]}"
        return 2
    fi
    _cb_switch "$1" manual "$1" || return 1
    _cb_manual=$1
    _cb_auto=
}

# cb-bedrock and the other shortcuts (rendered above) come here: $1 is the command's name, $2
# its profile. An argument after them is a mistake (`cb-bedrock --region eu-west-1`): refused
# with the usage, rather than ignored as if the switch had done what was asked.
_cb_shortcut() {
    case $- in *[xeak]*) _cb_guarded _cb_shortcut "$@"; return ;; esac
    if [ $# -ne 2 ]; then
        printf 'usage: %s (no arguments; other settings go in a profile: cb-use <profile>)\n' "$1" >&2
        return 2
    fi
    cb-use "$2"
}

# shellcheck disable=SC2120 # it takes none: the check is for the user who gives one anyway
cb-off() {
    case $- in *[xeak]*) _cb_guarded cb-off "$@"; return ;; esac
    if [ $# -ne 0 ]; then
        printf 'usage: cb-off (no arguments)\n' >&2
        return 2
    fi
    if _cb_direnv_owns; then
        return 1
    fi
    # Said only when a profile was active: a second cb-off has nothing to give back.
    local _cb_was=${_cb_active-}
    _cb_switch '' '' || return 1
    _cb_manual=
    _cb_auto=
    _cb_forget_secrets
    if [ -n "$_cb_was" ]; then
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
    AKIA* | ASIA*) _cb_keep=${1:0:4} ;;
    esac
    if [ ${#1} -ge 16 ]; then
        _cb_r="$_cb_keep…${1:${#1}-4}"
    else
        _cb_r="$_cb_keep…"
    fi
}

# Claude Code reads settings files on top of the environment, and their `env` wins: a line
# for each that sets one of the variables (a regular file, read up to 64 KiB, never run).
_cb_settings_note() {
    local _cb_f _cb_text _cb_v _cb_found
    for _cb_f in "$_cb_managed_settings" "${PWD-}/.claude/settings.local.json" "${PWD-}/.claude/settings.json" "${CLAUDE_CONFIG_DIR:-${HOME-}/.claude}/settings.json"; do
        [[ -f $_cb_f && -s $_cb_f && -r $_cb_f ]] || continue
        _cb_text=
        { IFS= read -r -d '' -n 65536 _cb_text <"$_cb_f"; } 2>/dev/null || :
        _cb_found=
        for _cb_v in "${_cb_managed[@]}"; do
            case $_cb_text in
            *"\"$_cb_v\":"* | *"\"$_cb_v\" :"*) _cb_found+="${_cb_found:+, }$_cb_v" ;;
            esac
        done
        if [[ -n $_cb_found ]]; then
            _cb_show "settings  $_cb_f sets $_cb_found, over this shell: claude-hooks status says what Claude Code will use"
        fi
    done
}

cb-status() {
    case $- in *[xeak]*) _cb_guarded cb-status "$@"; return ;; esac
    if [ $# -ne 0 ]; then
        printf 'usage: cb-status (no arguments; for JSON: claude-hooks status --json)\n' >&2
        return 2
    fi
    local IFS=' '
    local _cb_v _cb_s _cb_shown=
    if [ -n "${CLAUDE_HOOKS_DIRENV-}" ]; then
        _cb_profile_describe "${CLAUDE_HOOKS_PROFILE-}" || _cb_r=unknown
        _cb_show "profile   ${CLAUDE_HOOKS_PROFILE-}: $_cb_r"
        _cb_show "why       direnv: .envrc in $CLAUDE_HOOKS_DIRENV"
    elif [ -n "${_cb_active-}" ]; then
        _cb_profile_describe "$_cb_active" || _cb_r=unknown
        _cb_show "profile   $_cb_active: $_cb_r"
        _cb_show "why       $_cb_why"
    elif [ -n "${CLAUDE_HOOKS_PROFILE-}" ]; then
        _cb_show "profile   $CLAUDE_HOOKS_PROFILE (set by a parent shell)"
    else
        printf 'profile   none: your own variables, as you set them\n'
    fi
    _cb_governor
    if [ -n "$_cb_gprofile" ] && { [ "${_cb_why-}" != "$_cb_gwhy" ] || [ "$_cb_gprofile" != "${_cb_active-}" ]; }; then
        _cb_show "here      $_cb_gwhy says '$_cb_gprofile'; your manual choice holds until you leave"
    elif [[ $_cb_gkey == bad:* ]]; then
        _cb_show "here      $_cb_gwhy $_cb_gbad; not used"
    fi
    _cb_settings_note
    printf "variables in this shell (what Claude Code starts from)\n"
    for _cb_v in "${_cb_managed[@]}"; do
        if [ "$_cb_v" = CLAUDE_HOOKS_PROFILE ] || [ -z "${!_cb_v+x}" ]; then
            continue
        fi
        _cb_r=${!_cb_v}
        for _cb_s in "${_cb_secrets[@]}"; do
            if [ "$_cb_s" = "$_cb_v" ]; then
                _cb_mask "$_cb_r"
                break
            fi
        done
        if [ -z "$_cb_r" ]; then
            _cb_r='(empty)'
        fi
        _cb_show "  $_cb_v=$_cb_r"
        _cb_shown=1
    done
    if [ -z "$_cb_shown" ]; then
        printf '  (none of the variables Claude Code reads is set)\n'
    fi
}

# Re-reads the config: prints this integration again and loads it, then re-applies the
# active profile so edited values take effect.
cb-reload() {
    case $- in *[xeak]*) _cb_guarded cb-reload "$@"; return ;; esac
    if [ $# -ne 0 ]; then
        printf 'usage: cb-reload (no arguments)\n' >&2
        return 2
    fi
    local _cb_code
    if ! _cb_code=$(_cb_cli init bash); then
        _cb_warn 'cb-reload: "claude-hooks init bash" failed; keeping the profiles loaded before'
        return 1
    fi
    # Key commands may have changed: fetch again at the next switch. Before the new code
    # replaces the list of where the old profiles kept them.
    _cb_forget_secrets
    eval "$_cb_code"
    _cb_say "reloaded $_cb_config_file: ${#_cb_profiles[@]} profiles"
    # Under direnv the variables are direnv's until you leave; the new profile data applies then.
    if [ -n "${_cb_active-}" ] && [ -z "${CLAUDE_HOOKS_DIRENV-}" ]; then
        if _cb_profile_describe "$_cb_active"; then
            _cb_switch "$_cb_active" "$_cb_why" || return 1
        else
            _cb_warn "profile '$_cb_active' is gone from the config; your own variables are back"
            # shellcheck disable=SC2119 # cb-off takes no arguments
            cb-off
        fi
    fi
}

complete -W "${_cb_profiles[*]}" cb-use

# Install the prompt hook once, in front of whatever the user had. Assigning to
# PROMPT_COMMAND changes only element 0 when it is an array (bash 5.1+), so the user's other
# elements stay; a newline, not `;`, separates us from their code, which may end in a comment.
case ${PROMPT_COMMAND-} in
*_cb_hook*) ;;
*) PROMPT_COMMAND="_cb_hook${PROMPT_COMMAND:+
$PROMPT_COMMAND}" ;;
esac

# Lets `claude-hooks doctor` (a child of this shell) tell that the hooks are loaded here.
export CLAUDE_HOOKS_SHELL="bash:$$"
