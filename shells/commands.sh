# ---- shared by bash and zsh (shells/commands.sh): what cb-use, cb-off, cb-status, cb-reload do ----
# Written, as posix.sh, in the syntax both read alike, and run once each shell's entry point has
# set your options aside (bash: _cb_entry; zsh: emulate -L zsh).

# Claude Code reads settings files on top of the environment, and their `env` wins: a line
# for each that sets one of the variables (a regular file, read up to 64 KiB, never run).
_cb_settings_note() {
    local _cb_f _cb_v _cb_found _cb_user=${CLAUDE_CONFIG_DIR-${HOME-}/.claude}
    # CLAUDE_CONFIG_DIR set and empty: Claude Code takes the directory it starts in.
    _cb_user=${_cb_user:-${PWD-}}
    for _cb_f in "${_cb_managed_settings[@]}" "${PWD-}/.claude/settings.local.json" \
        "${PWD-}/.claude/settings.json" "$_cb_user/settings.json"; do
        [[ -f $_cb_f && -s $_cb_f && -r $_cb_f ]] || continue
        _cb_read_head "$_cb_f" 65536
        _cb_found=
        for _cb_v in "${_cb_managed[@]}"; do
            case $_cb_r in
            *"\"$_cb_v\":"* | *"\"$_cb_v\" :"*) _cb_found+="${_cb_found:+, }$_cb_v" ;;
            esac
        done
        if [[ -n $_cb_found ]]; then
            _cb_found+=', over this shell: claude-hooks status says what Claude Code will use'
            _cb_show "settings  $_cb_f sets $_cb_found"
        fi
    done
    return 0
}

# cb-use, cb-off, cb-reload and the start of cb-status, once each shell's entry point has set
# its options aside. A failure returns 1 (2 for a bad argument) after one line saying why.
_cb_use() {
    local IFS=' '
    _cb_direnv_owns && return 1
    if [ $# -ne 1 ] || [ -z "$1" ]; then
        _cb_clean "usage: cb-use <profile>; profiles: ${_cb_profiles[*]}"
        printf '%s\n' "$_cb_c" >&2
        return 2
    fi
    if ! _cb_known "$1"; then
        _cb_warn "unknown profile '$1'; known: ${_cb_profiles[*]}"
        return 2
    fi
    _cb_switch "$1" manual "$1" || return 1
    _cb_manual=$1
    _cb_auto=
}

# cb-bedrock and the other shortcuts: $1 is the command's name, $2 its profile. An argument
# after them is a mistake (`cb-bedrock --region eu-west-1`): refused with the usage, rather than
# ignored as if the switch had done what was asked.
_cb_use_shortcut() {
    if [ $# -ne 2 ]; then
        printf 'usage: %s (no arguments; other settings go in a profile: cb-use <profile>)\n' "$1" >&2
        return 2
    fi
    _cb_use "$2"
}

# shellcheck disable=SC2120 # cb-off passes its arguments, through _cb_entry
_cb_off() {
    if [ $# -ne 0 ]; then
        printf 'usage: cb-off (no arguments)\n' >&2
        return 2
    fi
    _cb_direnv_owns && return 1
    # Said only when a profile was active: a second cb-off has nothing to give back.
    local _cb_was=${_cb_active-}
    _cb_switch '' '' || return 1
    _cb_manual=
    _cb_auto=
    _cb_forget_secrets
    if [ -n "$_cb_was" ]; then
        _cb_say_off
    elif [ -n "${CLAUDE_HOOKS_PROFILE-}" ]; then
        _cb_parent_profile
        _cb_warn "cb-off: nothing to put back in this shell: $_cb_r; cb-off there gives yours back"
        return 1
    else
        _cb_say "already off: no profile was active"
    fi
}

# Which profile is active and why, what governs here when that is something else, and the
# settings files that override the shell (_cb_settings_note).
_cb_status_head() {
    if [ $# -ne 0 ]; then
        printf 'usage: cb-status (no arguments; for JSON: claude-hooks status --json)\n' >&2
        return 2
    fi
    if _cb_direnv_governs; then
        _cb_about "${CLAUDE_HOOKS_PROFILE-}" || _cb_r=unknown
        _cb_show "profile   ${CLAUDE_HOOKS_PROFILE-}: $_cb_r"
        _cb_show "why       direnv: .envrc in $CLAUDE_HOOKS_DIRENV"
    elif [ -n "${_cb_active-}" ]; then
        _cb_about "$_cb_active" || _cb_r=unknown
        _cb_show "profile   $_cb_active: $_cb_r"
        _cb_show "why       $_cb_why"
    elif [ -n "${CLAUDE_HOOKS_PROFILE-}" ]; then
        _cb_show "profile   $CLAUDE_HOOKS_PROFILE (set by a parent shell)"
    else
        printf 'profile   none: your own variables, as you set them\n'
    fi
    _cb_governor
    if [ -n "$_cb_gprofile" ] &&
        { [ "${_cb_why-}" != "$_cb_gwhy" ] || [ "$_cb_gprofile" != "${_cb_active-}" ]; }; then
        _cb_show "here      $_cb_gwhy says '$_cb_gprofile'; your manual choice holds until you leave"
    elif [ -n "$_cb_gbad" ]; then
        _cb_show "here      $_cb_gwhy $_cb_gbad; not used"
    fi
    _cb_settings_note
    printf 'variables in this shell (what Claude Code starts from)\n'
}

# The lines of cb-status after its head: the variables Claude Code reads, secrets masked.
_cb_status() {
    local _cb_v _cb_shown=
    _cb_status_head "$@" || return
    for _cb_v in "${_cb_managed[@]}"; do
        if [[ $_cb_v == CLAUDE_HOOKS_PROFILE ]] || ! _cb_value_of "$_cb_v"; then
            continue
        fi
        if _cb_is_secret "$_cb_v" "$_cb_r"; then
            _cb_mask "$_cb_r"
        fi
        _cb_show "  $_cb_v=${_cb_r:-(empty)}"
        _cb_shown=1
    done
    [[ -n $_cb_shown ]] || printf '  (none of the variables Claude Code reads is set)\n'
}

# Re-reads the config: prints this integration ($1: the shell) again and loads it, then
# re-applies the active profile so edited values take effect.
_cb_reload() {
    local _cb_code
    if [ $# -ne 1 ]; then
        printf 'usage: cb-reload (no arguments)\n' >&2
        return 2
    fi
    # CLAUDE_HOOKS_RELOADING: a config that does not load is an error here, said in one line,
    # not the built-in profiles that a new shell falls back to.
    # (Exit 2, init's, for a config that does not load: bad input.)
    _cb_code=$(CLAUDE_HOOKS_RELOADING=1 _cb_cli init "$1") || {
        _cb_r=$?
        _cb_warn "cb-reload: \"claude-hooks init $1\" failed; keeping the profiles loaded before"
        [ "$_cb_r" -eq 2 ] && return 2
        return 1
    }
    # Key commands may have changed: fetch again at the next switch. Before the new code
    # replaces the list of where the old profiles kept them.
    _cb_forget_secrets
    eval "$_cb_code"
    _cb_say "reloaded $_cb_config_file: ${#_cb_profiles[@]} profiles"
    # A manual switch to a profile gone from the config ends too, when it is behind a directory's
    # profile (the active one is _cb_reapply_active's): leaving does not bring it back.
    if [ -n "${_cb_manual-}" ] && ! _cb_known "$_cb_manual"; then
        [ "$_cb_manual" = "${_cb_active-}" ] ||
            _cb_warn "profile '$_cb_manual' is gone from the config; leaving here will not switch back to it"
        _cb_manual=
    fi
    # Under direnv the variables are direnv's until you leave; the new profile data applies then
    # (_cb_on_governor_change).
    if _cb_direnv_governs; then
        _cb_reapply=1
    else
        _cb_reapply_active || return 1
    fi
}
