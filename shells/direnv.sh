# shellcheck shell=bash
# claude-hooks for direnv: `use claude <profile>` in an .envrc switches Claude Code's backend
# while you are in that directory; direnv restores your variables when you leave.
# Install with:   claude-hooks init direnv --write
# (writes ${DIRENV_CONFIG:-${XDG_CONFIG_HOME:-~/.config}/direnv}/lib/claude-hooks.sh, which direnv loads)
#
# In an .envrc:
#   use claude bedrock
#   use claude work --region eu-west-1 --aws-profile acme
#
# direnv runs the .envrc in its own bash and keeps the difference it made, so this file only
# applies the profile: the same clears and sets as cb-use in your shell. Profile data is
# rendered in below, so a load runs no node, unless your config changed since this file was
# written (then the data is printed afresh for that load) or the profile fetches a key.
# It exports CLAUDE_HOOKS_DIRENV (the .envrc's directory): while it is set, the shell hooks
# of `claude-hooks init` leave the backend to direnv.

#@data

#@include clean.bash

# direnv's log_error, cleaned.
_cb_error() {
    _cb_clean "claude-hooks: $1"
    log_error "$_cb_c"
}

_cb_put() {
    export "$1=$2"
}

_cb_drop() {
    unset -v "$@"
}

# Sets $2 from the output of command $4 (run by sh, from your home directory: _cb_keyrun) at
# every load: each load is a fresh bash, and direnv keeps the result for as long as you stay.
# Never printed; on failure unset.
# An .envrc's own set -x would print the key into direnv's output, and its set -k would turn
# the export into a bare `export`, which prints the environment: both are off in here.
_cb_secret() {
    local _cb_val _cb_o
    { _cb_o=$-; set +xk; } 2>/dev/null
    if _cb_val=$(command sh -c "$_cb_keyrun" claude-hooks "$4") && [ -n "$_cb_val" ]; then
        export "$2=$_cb_val"
    else
        unset -v "$2"
        _cb_error "$3 failed or printed nothing; $2 is not set"
    fi
    case $_cb_o in *k*) set -k ;; esac
    case $_cb_o in *x*) set -x ;; esac
}

_cb_need() {
    local _cb_hint=$1 _cb_n
    shift
    for _cb_n in "$@"; do
        if [ -n "${!_cb_n-}" ]; then
            return 0
        fi
    done
    _cb_error "$_cb_hint"
}

# Exports the values given on the `use claude` line. Run before the profile, so its checks
# see them, and after, so they win over the profile's own.
# Where they go (_cb_region_var, _cb_aws_var) the profile's _cb_about_NAME says.
_cb_direnv_overrides() {
    if [ -n "$1" ]; then
        export "$_cb_region_var=$1"
    fi
    if [ -n "$2" ]; then
        unset -v "${_cb_aws_keys[@]}"
        export "$_cb_aws_var=$2"
    fi
}

# What profile $1 is, from its rendered _cb_about_NAME, into use_claude's locals; fails for an
# unknown profile. (_cb_fn, also a local of use_claude, then names its _cb_apply_NAME.)
_cb_about() {
    local IFS=' '
    # A name, and one of _cb_profiles, not any function defined: a fresh rendering of a changed
    # config (see `use claude`) leaves the library's functions of profiles it dropped.
    case ${1-} in
    '' | *[!$_cb_name_rest]*) return 1 ;;
    esac
    case " ${_cb_profiles[*]} " in
    *" $1 "*) ;;
    *) return 1 ;;
    esac
    _cb_fn_of "$1"
    "_cb_about_$_cb_fn"
}

# A second `use claude` in one load (an .envrc that says source_up under a parent's that says
# `use claude` too) starts from your variables, as cb-use does, not from what the first left:
# the first keeps the state of every managed variable (_cb_base: 'u' unset, 'x'+value), and
# after each the states it left (_cb_left). A later one takes a variable the .envrc changed
# since as yours, and puts every variable back to its state in _cb_base before it applies.
# (The values are your keys too: the .envrc's set -x and set -k are off in here, as in _cb_secret.)
_cb_keep_states() {
    local _cb_i=0 _cb_v _cb_o
    { _cb_o=$-; set +xk; } 2>/dev/null
    for _cb_v in "${_cb_managed[@]}"; do
        if [ -n "${!_cb_v+x}" ]; then
            eval "$1[_cb_i]=\"x\${!_cb_v}\""
        else
            eval "$1[_cb_i]=u"
        fi
        _cb_i=$((_cb_i + 1))
    done
    case $_cb_o in *k*) set -k ;; esac
    case $_cb_o in *x*) set -x ;; esac
}

_cb_from_base() {
    local _cb_i=0 _cb_v _cb_now=() _cb_o
    if [ -z "${_cb_base_kept-}" ]; then
        _cb_base=()
        _cb_keep_states _cb_base
        _cb_base_kept=1
        return 0
    fi
    _cb_keep_states _cb_now
    { _cb_o=$-; set +xk; } 2>/dev/null
    for _cb_v in "${_cb_managed[@]}"; do
        # Changed by the .envrc since the last `use claude`: yours.
        [ "${_cb_now[_cb_i]}" = "${_cb_left[_cb_i]}" ] || _cb_base[_cb_i]=${_cb_now[_cb_i]}
        case ${_cb_base[_cb_i]} in
        u) unset -v "$_cb_v" ;;
        *) export "$_cb_v=${_cb_base[_cb_i]#x}" ;;
        esac
        _cb_i=$((_cb_i + 1))
    done
    case $_cb_o in *k*) set -k ;; esac
    case $_cb_o in *x*) set -x ;; esac
}

use_claude() {
    local IFS=' '
    local _cb_usage='use claude <profile> [--region REGION] [--aws-profile NAME]'
    local _cb_name=${1-} _cb_region='' _cb_aws='' _cb_code _cb_backend _cb_fn
    if [ -z "$_cb_name" ]; then
        _cb_error "$_cb_usage; profiles: ${_cb_profiles[*]}"
        return 1
    fi
    shift
    while [ $# -gt 0 ]; do
        case $1 in
        --region=*) _cb_region=${1#*=} ;;
        --aws-profile=*) _cb_aws=${1#*=} ;;
        --region | --aws-profile)
            if [ $# -lt 2 ]; then
                _cb_error "$1 needs a value; $_cb_usage"
                return 1
            fi
            if [ "$1" = --region ]; then _cb_region=$2; else _cb_aws=$2; fi
            shift
            ;;
        *)
            _cb_error "unknown argument '$1'; $_cb_usage"
            return 1
            ;;
        esac
        shift
    done

    # Reload when the config changes; and when it is not the file this library was written from
    # (edited, restored with an older date, removed: the stamp beside the library carries its
    # modification time), use the config as it is now, at the cost of one node start per load
    # until the library is written again.
    [ ! -f "$_cb_config_file" ] || watch_file "$_cb_config_file"
    if [ -n "${_cb_lib_file-}" ] && ! _cb_same_time "$_cb_config_file" "$_cb_lib_file.config-time" &&
        _cb_code=$(_cb_cli init direnv); then
        eval "$_cb_code"
        _cb_code="run 'claude-hooks init direnv --write' to make loads fast again"
        _cb_clean "claude-hooks: your config changed since $_cb_lib_file was written; $_cb_code"
        log_status "$_cb_c"
    fi

    if ! _cb_about "$_cb_name"; then
        _cb_error "unknown profile '$_cb_name'; known: ${_cb_profiles[*]}"
        return 1
    fi
    # Checked before anything changes, so a bad line leaves the environment alone.
    _cb_backend=$_cb_b
    if [ -n "$_cb_region" ]; then
        if [ -z "$_cb_region_var" ]; then
            _cb_error "--region is not for $_cb_backend profiles like '$_cb_name'"
            return 1
        fi
        # The rule config check and `claude-hooks envrc --region` apply (REGION_NAME in
        # src/profiles/schema.ts), at most 40 long; test/direnv.test.ts holds them to it.
        [ ${#_cb_region} -le 40 ] || _cb_region=-
        case $_cb_region in
        *[!a-z0-9-]* | -* | '')
            _cb_error "--region '$_cb_region' is not a region name (lower-case letters, digits and -)"
            return 1
            ;;
        esac
    fi
    if [ -n "$_cb_aws" ]; then
        if [ -z "$_cb_aws_var" ]; then
            _cb_error "--aws-profile is for ${_cb_aws_backends[*]} profiles; '$_cb_name' is $_cb_backend"
            return 1
        fi
        case $_cb_aws in
        *[!A-Za-z0-9_.@+=,-]* | -*)
            _cb_error "--aws-profile '$_cb_aws' is not an AWS profile name (letters, digits and _.@+=,-)"
            return 1
            ;;
        esac
    fi

    _cb_from_base
    _cb_direnv_overrides "$_cb_region" "$_cb_aws"
    "_cb_apply_$_cb_fn"
    _cb_direnv_overrides "$_cb_region" "$_cb_aws"
    export CLAUDE_HOOKS_PROFILE="$_cb_name"
    export CLAUDE_HOOKS_DIRENV="$PWD"
    _cb_left=()
    _cb_keep_states _cb_left
}

#@profiles
