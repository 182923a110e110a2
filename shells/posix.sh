# ---- shared by bash and zsh (shells/posix.sh): messages, masking, the hook's decisions ----
# Written in the syntax both read alike; zsh runs it under the `emulate -L zsh` of its entry
# points. What differs (indirect expansion, arrays, options) stays in each shell's template.

# A message on stderr, cleaned. _cb_say is the same, unless CLAUDE_HOOKS_QUIET is set.
_cb_warn() {
    _cb_clean "claude-hooks: $1"
    printf '%s\n' "$_cb_c" >&2
}

_cb_say() {
    [ -n "${CLAUDE_HOOKS_QUIET-}" ] || _cb_warn "$1"
}

# A line of cb-status on stdout, cleaned.
_cb_show() {
    _cb_clean "$1"
    printf '%s\n' "$_cb_c"
}

# Masks a secret for display, into _cb_r, by the rendered rule: sk-ant-…1234, or … when short.
_cb_mask() {
    local _cb_keep='' _cb_k
    for _cb_k in "${_cb_mask_keep[@]}"; do
        case $1 in
        "$_cb_k"*) _cb_keep=$_cb_k && break ;;
        esac
    done
    if [ ${#1} -ge "$_cb_mask_long" ]; then
        _cb_r="$_cb_keep…${1:${#1}-$_cb_mask_tail}"
    else
        _cb_r="$_cb_keep…"
    fi
}

# Sets $2 from the output of command $4, run by sh from your home directory (_cb_keyrun) at
# the first switch to the profile in this shell and kept in an unexported variable
# (_cb_k<id>_<name>) for later switches. The output is never printed; on failure $2 is left
# unset rather than holding some other key. $3 names the source in messages.
# The command runs in the fetch pass (_cb_fetching set), before the switch changes anything,
# so a Ctrl-C there leaves the shell as it was; the apply pass only reads the cache.
_cb_secret() {
    local _cb_cache=_cb_k${1}_${2} _cb_val
    _cb_value_of "$_cb_cache"
    if [[ -n ${_cb_fetching-} ]]; then
        if [[ -z $_cb_r ]]; then
            if _cb_val=$(command sh -c "$_cb_keyrun" claude-hooks "$4") && [[ -n $_cb_val ]]; then
                _cb_set "$_cb_cache" "$_cb_val"
            else
                _cb_warn "$3 failed or printed nothing; $2 is not set"
            fi
        fi
        return 0
    fi
    if [[ -n $_cb_r ]]; then
        _cb_put "$2" "$_cb_r"
    else
        unset -v "$2"
    fi
}

# The keys fetched so far. (The guard: bash before 4.4 calls "${empty[@]}" unbound under set -u.)
_cb_forget_secrets() {
    if [[ ${#_cb_secret_caches[@]} -gt 0 ]]; then
        unset -v "${_cb_secret_caches[@]}"
    fi
}

# Prints the hint $1 when every variable named after it is unset or empty, once per shell
# (_cb_hints_given, one a line): said again at every cd into a directory that switches, a hint
# is noise.
_cb_need() {
    [[ -z ${_cb_fetching-} ]] || return 0
    local _cb_hint=$1 _cb_n
    shift
    for _cb_n in "$@"; do
        _cb_value_of "$_cb_n"
        [[ -z $_cb_r ]] || return 0
    done
    case $'\n'${_cb_hints_given-} in
    *$'\n'"$_cb_hint"$'\n'*) return 0 ;;
    esac
    _cb_hints_given=${_cb_hints_given-}$_cb_hint$'\n'
    _cb_warn "$_cb_hint"
}

# $1 without the white space Claude Code trims around a value (JavaScript's trim(), Unicode's
# too: the rendered _cb_trimmed_space), into _cb_r. (For the prompt segment's rare values: a
# selector nearly always says 1, and a gateway's URL and token start with a letter: _cb_blank.)
# By bytes (LC_ALL=C here), so that a blank is its exact UTF-8 text in every locale: bash in
# UTF-8 takes a lone byte 0xA0 for U+00A0, which Claude Code reads as no character at all.
# The ASCII blanks' runs go at once, by a bracket expression: linear in the value, where a blank
# at a time cost the cube of a long padding (4,000 spaces around a 1: 9 s at every prompt). The
# others (a few bytes each) come off whole, a run of one at a time. (Not =~: it overwrites
# BASH_REMATCH.)
_cb_trim() {
    local LC_ALL=C _cb_t _cb_run _cb_ascii='' _cb_more=1
    for _cb_t in "${_cb_trimmed_space[@]}"; do
        [[ ${#_cb_t} -ne 1 ]] || _cb_ascii+=$_cb_t
    done
    _cb_r=$1
    while [[ -n $_cb_more ]]; do
        _cb_more=
        # The leading run, then what comes before the last byte not in a run.
        _cb_t=${_cb_r%%[!"$_cb_ascii"]*}
        _cb_r=${_cb_r:${#_cb_t}}
        _cb_t=${_cb_r%[!"$_cb_ascii"]*}
        [[ -z $_cb_r ]] || _cb_r=${_cb_r:0:${#_cb_t}+1}
        for _cb_t in "${_cb_trimmed_space[@]}"; do
            [[ ${#_cb_t} -gt 1 ]] || continue
            # A run of one blank at either end: the most of it that doubling finds, at once.
            _cb_run=$_cb_t
            while [[ $_cb_r == "$_cb_run$_cb_run"* ]]; do _cb_run+=$_cb_run; done
            if [[ $_cb_r == "$_cb_run"* ]]; then
                _cb_r=${_cb_r:${#_cb_run}} _cb_more=1
            fi
            _cb_run=$_cb_t
            while [[ $_cb_r == *"$_cb_run$_cb_run" ]]; do _cb_run+=$_cb_run; done
            if [[ $_cb_r == *"$_cb_run" ]]; then
                _cb_r=${_cb_r:0:${#_cb_r}-${#_cb_run}} _cb_more=1
            fi
        done
    done
}

# Whether value $1 is blank as Claude Code reads a gateway's URL and token: empty, or only white
# space (_cb_trim). One that starts with a letter or a digit (a URL, nearly every token) is not,
# and is not trimmed: a long token would cost every prompt a pass per blank character.
_cb_blank() {
    case $1 in
    '') return 0 ;;
    [[:alnum:]]*) return 1 ;;
    esac
    _cb_trim "$1"
    [ -z "$_cb_r" ]
}

# Whether text $1 (the first 8 KiB of an .envrc, read as text, never run) has a line
# `use claude ...`, indented by up to 8 blanks.
_cb_says_use_claude() {
    local _cb_text _cb_i=0
    _cb_text=$'\n'${1//$'\t'/ }
    while [ "$_cb_i" -lt 8 ]; do
        case $_cb_text in *$'\n '*) ;; *) break ;; esac
        _cb_text=${_cb_text//$'\n '/$'\n'}
        _cb_i=$((_cb_i + 1))
    done
    case $_cb_text in
    *$'\n'"use claude "*) return 0 ;;
    *) return 1 ;;
    esac
}

# What governs the current directory, into _cb_gkey (empty: nothing), _cb_gprofile, _cb_gwhy.
# (Plain assignments, globals: no caller has them local; zsh's typeset -g cost an idle prompt 15%.)
_cb_governor() {
    local _cb_f
    _cb_gprofile='' _cb_gbad='' _cb_gkey='' _cb_gwhy=''
    # An .envrc with `use claude` governs its directory: direnv applies and restores it. (The
    # variable is tested here first: a call at every prompt where it is unset would cost more.)
    if [[ -n ${CLAUDE_HOOKS_DIRENV-} ]] && _cb_direnv_governs; then
        _cb_gkey="direnv:$CLAUDE_HOOKS_DIRENV"
        _cb_gwhy="direnv: .envrc in $CLAUDE_HOOKS_DIRENV"
        return 0
    fi
    [[ ${PWD-} == "$_cb_cands_pwd" ]] || _cb_walk
    if [[ -n $_cb_envrc_dir ]]; then
        _cb_gkey="direnv-to-load:$_cb_envrc_dir"
        _cb_gwhy="direnv: .envrc in $_cb_envrc_dir (not loaded yet)"
        return 0
    fi
    # [[ -f ]] one by one: in bash twice as fast as [ -f ], in zsh faster than one glob.
    for _cb_f in "${_cb_cands[@]}"; do
        if [[ -f $_cb_f ]]; then
            _cb_gwhy="$_cb_marker at $_cb_f"
            _cb_read_marker "$_cb_f"
            return 0
        fi
    done
    if [[ -n $_cb_map_dir ]]; then
        _cb_gkey="map:$_cb_map_dir:$_cb_map_profile"
        _cb_gprofile=$_cb_map_profile
        _cb_gwhy="directory map: $_cb_map_dir"
    fi
}

# What the hook does when what governs the directory (_cb_gkey, from _cb_governor) is not what
# it was at the last prompt.
_cb_on_governor_change() {
    local IFS=' '
    _cb_last_gkey=$_cb_gkey
    case $_cb_gkey in
    direnv:*) return 0 ;;
    esac
    # Leaving direnv's directory after a cb-reload there: the active profile takes its new data.
    if [ -n "${_cb_reapply-}" ]; then
        _cb_reapply=
        _cb_reapply_active
    fi
    case $_cb_gkey in
    '' | direnv-to-load:*)
        # Nothing governs here, or direnv is about to (it starts from your variables, as cb-use
        # does): an automatic switch ends; a manual one holds.
        if [ -n "${_cb_auto-}" ]; then
            _cb_auto=
            if [ -n "${_cb_manual-}" ]; then
                _cb_select "$_cb_manual" manual
            else
                _cb_select '' ''
            fi
        fi
        return 0
        ;;
    esac
    if [ -z "$_cb_gprofile" ]; then
        case $_cb_gbad in
        'is owned by another user')
            _cb_r='only your own markers count (or those under trustedDirectories in your config)'
            _cb_warn "$_cb_gwhy $_cb_gbad: $_cb_r; not switching"
            ;;
        *) _cb_warn "$_cb_gwhy $_cb_gbad; expected one profile name (${_cb_profiles[*]}); not switching" ;;
        esac
    elif ! _cb_known "$_cb_gprofile"; then
        _cb_warn "$_cb_gwhy names unknown profile '$_cb_gprofile'; known: ${_cb_profiles[*]}; not switching"
    else
        _cb_auto=1
        _cb_select "$_cb_gprofile" "$_cb_gwhy"
    fi
}

# After a cb-reload: applies the active profile again, with the data just loaded, or, when the
# new config has no such profile, puts your own variables back.
_cb_reapply_active() {
    [ -n "${_cb_active-}" ] || return 0
    if _cb_known "$_cb_active"; then
        _cb_switch "$_cb_active" "$_cb_why"
    else
        _cb_warn "profile '$_cb_active' is gone from the config; switching off"
        _cb_off
    fi
}

# Makes profile $1 (reason $2) active without re-applying it when it already is, so a
# variable changed by hand is not overwritten by a mere change of directory.
_cb_select() {
    if [ "$1" = "${_cb_active-}" ]; then
        _cb_why=$2
    elif [ -n "$1" ]; then
        _cb_switch "$1" "$2" "$1 ($2)"
    else
        _cb_switch '' '' && _cb_say_off
    fi
}

# Says a switch off is done. In a shell started from a switched one, what comes back is what this
# shell started with: that shell's switch, as only the shell that switched has your own values.
_cb_say_off() {
    if [ -z "${CLAUDE_HOOKS_PROFILE-}" ]; then
        _cb_say "off: your own variables are back"
    else
        _cb_parent_profile
        _cb_say "off: back to what this shell started with, $_cb_r; cb-off there gives yours back"
    fi
}

# The switch this shell was started with, into _cb_r: "bedrock, switched on by the shell that
# started this one" (a name that is not a profile's is not shown).
_cb_parent_profile() {
    _cb_r='a profile'
    if _cb_known "${CLAUDE_HOOKS_PROFILE-}"; then
        _cb_r=$CLAUDE_HOOKS_PROFILE
    fi
    _cb_r="$_cb_r, switched on by the shell that started this one"
}

# Inside a directory whose .envrc says `use claude`, direnv owns the backend: a switch here
# would be half undone when direnv restores its own variables on the way out.
_cb_direnv_owns() {
    _cb_direnv_governs || return 1
    _cb_r="(.envrc in $CLAUDE_HOOKS_DIRENV says: use claude ${CLAUDE_HOOKS_PROFILE-})"
    _cb_warn "direnv sets the backend here $_cb_r; edit that .envrc, or leave the directory, to switch"
}
