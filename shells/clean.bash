# shellcheck shell=bash
# ---- shared by the bash integration and direnv's library (both bash, 3.2 included) ----

# The name NAME takes in a profile's rendered functions (_cb_about_NAME, _cb_apply_NAME), into
# _cb_fn: _u for each _ and _h for each - of profile $1 (anthropic-aws: anthropic_haws). In
# POSIX mode bash takes only identifiers as function names. (The bash dialect renders them so.)
_cb_fn_of() {
    _cb_fn=${1//_/_u}
    _cb_fn=${_cb_fn//-/_h}
}

# Text from outside (a marker, a directory's name, a variable's value, the config) is shown
# with its control characters escaped, so it cannot drive the terminal: ESC sequences clear
# the screen, retitle the window or write the clipboard. $1, escaped, goes into _cb_c: C0
# controls as \x01..\x1f (newline and tab too: a message is one line), DEL as \x7f, the C1
# controls U+0080..U+009F as \u0080..\u009f, and the format characters that reorder a line
# (the bidi controls, U+2028, U+2029: the rendered _cb_wide_ctl_*) as \u202e. Builtins only;
# every message goes through it, whole.
_cb_clean() {
    _cb_c=$1
    # Only ASCII without a control (nearly every message) returns at once. (A pattern, not =~:
    # =~ would overwrite your BASH_REMATCH.)
    case $1 in
    *[[:cntrl:]]* | *[![:ascii:]]*) ;;
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
    for _cb_h in "${_cb_wide_ctl_bytes[@]}"; do
        printf -v _cb_ch %b "$_cb_h"
        _cb_ctl+=("$_cb_ch")
    done
    _cb_ctl_esc+=("${_cb_wide_ctl_esc[@]}")
    _cb_ctl_ready=1
}

# Whether $1 and $2 have the same modification time, or are both missing: a cached copy (bash)
# and direnv's library compare the config with the stamp written beside them, both ways, so an
# older file restored in its place is seen too.
_cb_same_time() {
    if [[ -e $1 ]]; then
        [[ -e $2 && ! $1 -nt $2 && ! $2 -nt $1 ]]
    else
        [[ ! -e $2 ]]
    fi
}
