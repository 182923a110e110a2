# claude-hooks for fish: switch Claude Code between the backends it supports, per shell and per
# directory. Load it from ~/.config/fish/config.fish with:
#   claude-hooks init fish | source
#
# How it works (docs/how-it-works.md has the long version):
# - The data comes first, rendered from your config: _cb_managed lists the variables Claude Code
#   reads to choose a backend, its credentials and its models (nothing else is ever touched);
#   each profile is two small functions at the end, _cb_about_NAME and _cb_apply_NAME.
# - The first switch records your own values of them: the baseline, telling unset from empty,
#   exported from not, and global from universal. Every switch puts the baseline back, then
#   applies the profile on top; cb-off puts the baseline back and forgets it.
# - After each switch we record what we left (_cb_as_NAME, _cb_av_NAME). A variable that differs
#   from that at the next switch was changed by hand: it is yours again and joins the baseline.
#   A switch looks only at what the last one recorded (_cb_recorded) and at what the new
#   profile changes: any other variable is yours and is never touched.
# - On every cd and before every prompt, _cb_hook finds what governs the directory (the nearest
#   marker file up the tree, else the [directories] map) and acts only when that changes, so a
#   manual switch holds until you enter a directory governed by something else. Where a marker
#   could be, and what the map says, is worked out once per directory; a prompt then tests one
#   file per level.
# - What runs at a prompt, a cd or a switch is builtins only (fish runs builtins in command
#   substitutions without forking): no external command. A builtin that a function of yours
#   may share a name with (printf, contains, path, math, ...) is called as `builtin NAME`.
# - Switches write global variables only, never universal ones: a universal variable of yours
#   is shadowed while a profile needs it gone, and comes back as it was.
# - The sections are those of the bash and zsh integrations, in the same order, with the same
#   function names.

# ---- the hot path, first: fish spends longer on each function call the further into the
# sourced text the function sits. Here rather than with the other entry points, a usual prompt
# runs 18% fewer instructions, 23% with a 1000-entry map (callgrind, fish 3.6) ----

# What runs at every cd and before every prompt: finds what governs the directory, and acts
# only when that changed (bash calls this part _cb_update; here it is inline, as in zsh, as a
# fish function call costs as much as the rest of a usual prompt). fish keeps $status across
# event handlers itself: nothing to save here.
function _cb_hook --on-variable PWD --on-event fish_prompt
    set -l fish_trace
    _cb_governor
    test "x$_cb_gkey" = "x$_cb_last_gkey"; or _cb_on_governor_change
end

# When direnv's hook is in this shell, whether the .envrc it will load here (the nearest in the
# directories $argv, innermost first) says `use claude`: its directory into _cb_envrc_dir, else
# empty. direnv loads at the prompt, after our PWD handler; until it has, that directory is
# direnv's already, and a marker in its tree does not switch (docs/direnv.md).
function _cb_envrc_find
    set -g _cb_envrc_dir
    builtin functions -q __direnv_export_eval; or return 0
    for d in $argv
        test -f $d/.envrc; or continue
        # Read as text, never run: a line `use claude ...`, indented by up to 8 blanks. Its NULs
        # left out, as bash leaves them out of the file it runs: read -z stops at each one.
        set -l text
        while read -z -n 8192 -l piece
            set text "$text$piece"
            test (string length -- "$text") -lt 8192; or break
        end <$d/.envrc 2>/dev/null
        string match -q -r -- '(^|\n)[ \t]{0,8}use[ \t]claude[ \t]' $text; and set -g _cb_envrc_dir $d
        return 0
    end
end

# What governs the current directory, into _cb_gkey (empty: nothing), _cb_gprofile, _cb_gwhy.
function _cb_governor
    set -g _cb_gprofile
    set -g _cb_gbad
    set -g _cb_gkey
    set -g _cb_gwhy
    # An .envrc with `use claude` governs its directory: direnv applies and restores it. (The
    # variable is tested here first: a call at every prompt where it is unset would cost more.)
    if test -n "$CLAUDE_HOOKS_DIRENV"; and _cb_direnv_governs
        set -g _cb_gkey "direnv:$CLAUDE_HOOKS_DIRENV"
        set -g _cb_gwhy "direnv: .envrc in $CLAUDE_HOOKS_DIRENV"
        return 0
    end
    test "x$PWD" = "x$_cb_cands_pwd"; or _cb_walk
    if test -n "$_cb_envrc_dir"
        set -g _cb_gkey "direnv-to-load:$_cb_envrc_dir"
        set -g _cb_gwhy "direnv: .envrc in $_cb_envrc_dir (not loaded yet)"
        return 0
    end
    # `path is` (fish 3.5+) answers "is any of these a file" in one builtin: with no marker up
    # the tree (most prompts) that is the whole check, at a fifth of a loop's cost.
    if set -q _cb_no_path; or builtin path is -f -q -- $_cb_cands
        for f in $_cb_cands
            if test -f $f
                set -g _cb_gwhy "$_cb_marker at $f"
                _cb_read_marker $f
                return 0
            end
        end
    end
    if test -n "$_cb_map_dir"
        set -g _cb_gkey "map:$_cb_map_dir:$_cb_map_profile"
        set -g _cb_gprofile $_cb_map_profile
        set -g _cb_gwhy "directory map: $_cb_map_dir"
    end
end

#@data

# A cached copy (claude-hooks init fish --cache) refreshes itself when the config or claude-hooks
# is not the file it was made from (edited, removed, created, or replaced by an older one): the
# stamps beside it carry their modification times, compared both ways with builtins. It hands
# back to the start-up line when claude-hooks moved. (Once per load, whatever the clocks say.)
# Whether $argv[1] and $argv[2] have the same modification time, or are both missing.
function _cb_same_time
    if test -e $argv[1]
        test -e $argv[2]; and not test $argv[1] -nt $argv[2]; and not test $argv[2] -nt $argv[1]
    else
        not test -e $argv[2]
    end
end
if test -n "$_cb_cache_file"; and not set -q _cb_refreshing
    test -e "$_cb_cli_file"; or return 1
    # So does a shell that names another config than this copy's (CLAUDE_HOOKS_CONFIG,
    # XDG_CONFIG_HOME or HOME, in _cb_config_env): the copy becomes its config's.
    set -l config_env "$CLAUDE_HOOKS_CONFIG"\n"$XDG_CONFIG_HOME"\n"$HOME"
    if test "x$config_env" != "x$_cb_config_env"
        or not _cb_same_time "$_cb_config_file" "$_cb_cache_file.config-time"
        or not _cb_same_time "$_cb_cli_file" "$_cb_cache_file.cli-time"
        set -g _cb_refreshing 1
        _cb_cli init fish --cache | builtin source
        set -e _cb_refreshing
        return 0
    end
end
# A broken config, said at every load of a cached copy as `init` says it at every start.
test -z "$_cb_config_warning"; or builtin printf '%s\n' "$_cb_config_warning" >&2
set -g _cb_cands_pwd
set -g _cb_envrc_dir
builtin -q path; or set -g _cb_no_path 1
# What a profile name is, as a pattern.
set -g _cb_name_re "^[$_cb_name_first][$_cb_name_rest]{0,"(builtin math $_cb_name_max - 1)"}\$"

# ---- variables: their state, and putting them back ----

# The state of variable $argv[1], into _cb_rs (u unset, x exported global, s unexported global,
# U universal) and _cb_rv (its values, a list).
function _cb_state
    set -g _cb_rv $$argv[1]
    # The usual case first: one test for a variable a switch exported.
    if set -q -g -x $argv[1]
        set -g _cb_rs x
    else if not set -q $argv[1]
        set -g _cb_rs u
    else if set -q -g $argv[1]
        set -g _cb_rs s
    else
        set -g _cb_rs U
    end
end

# Puts variable $argv[1] back into state $argv[2] with values $argv[3..].
function _cb_restore
    set -l n $argv[1]
    switch $argv[2]
        case u
            _cb_drop $n
        case U
            set -e -g $n
        case x
            set -gx $n $argv[3..-1]
        case s
            set -g -u $n $argv[3..-1]
    end
end

# What the rendered _cb_apply_NAME functions call. Each value is recorded as what the switch
# left (_cb_as_, _cb_av_) right here, where it is known, and _cb_psets lists it.
function _cb_put
    set -gx $argv[1] $argv[2]
    set -g _cb_as_$argv[1] x
    set -g _cb_av_$argv[1] $argv[2]
    set -a _cb_psets $argv[1]
end

# fish exports a universal variable even under an unexported global of the same name, so a
# universal one is hidden behind an exported empty global: Claude Code reads empty as unset.
function _cb_drop
    set -e -g $argv
    for n in $argv
        set -q $n; and set -gx $n
    end
end

# Sets $argv[2] from the output of command $argv[4], run by sh from your home directory
# (_cb_keyrun) at the first switch to the profile in this shell and kept in an unexported global
# (_cb_k<id>_<name>) for later switches. The output is never printed; on failure the variable
# is left unset rather than holding some other key. $argv[3] names the source in messages.
function _cb_secret
    set -l cache _cb_k$argv[1]_$argv[2]
    if test -z "$$cache"
        # The whole output as one text, without its trailing newlines, as $(...) gives it in bash
        # and zsh: a command substitution alone would split it into lines, and keep only blanks.
        set -l val (command sh -c $_cb_keyrun claude-hooks $argv[4] | string collect)
        set -l st $pipestatus[1]
        if test $st -ne 0; or test -z "$val"
            _cb_drop $argv[2]
            _cb_warn "$argv[3] failed or printed nothing; $argv[2] is not set"
            return 0
        end
        set -g $cache $val
    end
    _cb_put $argv[2] $$cache
end

function _cb_forget_secrets
    for v in $_cb_secret_caches
        set -e -g $v
    end
end

# Prints the hint $argv[1] when every variable named after it is unset or empty, once per
# shell (_cb_hints_said): said again at every cd into a directory that switches, a hint is noise.
function _cb_need
    for n in $argv[2..-1]
        test -n "$$n"; and return 0
    end
    builtin contains -- $argv[1] $_cb_hints_said; and return 0
    set -g -a _cb_hints_said $argv[1]
    _cb_warn $argv[1]
end

# Text from outside (a marker, a directory's name, a variable's value, the config) is shown
# with its control characters escaped, so it cannot drive the terminal: ESC sequences clear
# the screen, retitle the window or write the clipboard. $argv[1], escaped, goes into _cb_c:
# C0 controls as \x01..\x1f (newline and tab too: a message is one line), DEL as \x7f, the C1
# controls U+0080..U+009F as \u0080..\u009f. Builtins only; text without a control character
# (nearly all) costs one `string match`. Every message goes through it, whole.
function _cb_clean
    set -g _cb_c "$argv[1]"
    # (The format characters of _cb_wide_ctl_class, the bidi controls among them, too.)
    string match -q -r -- "[\x00-\x1f\x7f-\x9f$_cb_wide_ctl_class]" $_cb_c; or return 0
    # Newlines first: each step below then reads and writes one line.
    set _cb_c (string replace -a -- \n '\x0a' $_cb_c)
    # `| string split`: with your IFS empty, a command substitution is not split into lines.
    # Each character once (a replace takes every occurrence): a hostile directory name holds
    # thousands of one ESC, which cost 3.5 s one at a time.
    set -l done
    for ch in (string match -a -r -- "[\x01-\x1f\x7f-\x9f$_cb_wide_ctl_class]" $_cb_c | string split -- \n)
        builtin contains -- $ch $done; and continue
        set -a done $ch
        set -l code (builtin printf '%d' "'$ch")
        if test $code -lt 128
            set _cb_c (string replace -a -- $ch (builtin printf '%s%02x' '\x' $code) $_cb_c)
        else
            set _cb_c (string replace -a -- $ch (builtin printf '%s%04x' '\u' $code) $_cb_c)
        end
    end
end

# A message on stderr, cleaned. _cb_say is the same, unless CLAUDE_HOOKS_QUIET is set.
function _cb_warn
    _cb_clean "claude-hooks: $argv[1]"
    builtin printf '%s\n' $_cb_c >&2
end

function _cb_say
    test -n "$CLAUDE_HOOKS_QUIET"; or _cb_warn $argv[1]
end

# A line of cb-status on stdout, cleaned.
function _cb_show
    _cb_clean "$argv[1]"
    builtin printf '%s\n' $_cb_c
end

# Masks a secret for display, into _cb_r, by the rendered rule: sk-ant-…1234, or … when short.
function _cb_mask
    set -l keep
    for k in $_cb_mask_keep
        string match -q -- "$k*" $argv[1]; and set keep $k; and break
    end
    if test (string length -- $argv[1]) -ge $_cb_mask_long
        set -g _cb_r "$keep…"(string sub -s -$_cb_mask_tail -- $argv[1])
    else
        set -g _cb_r "$keep…"
    end
end

# ---- profiles: what they are, and switching ----

# What profile $argv[1] is, from its rendered _cb_about_NAME (_cb_r, _cb_b, _cb_pv); fails for an
# unknown profile.
function _cb_about
    builtin contains -- "$argv[1]" $_cb_profiles; and _cb_about_$argv[1]
end

# Switches to profile $argv[1] for reason $argv[2], or with an empty $argv[1] back to the
# baseline; says $argv[3], if given. fish has no readonly variables: each can be put back.
function _cb_switch
    test -z "$argv[3]"; or _cb_say $argv[3]
    # What this switch can change: the variables the last one recorded (_cb_recorded), and
    # those the new profile changes (_cb_pv) that are set now, so your value is kept first.
    # Any other is yours and stays as it is, unlooked at: a switch visits ~5 variables, not
    # all ~50, and a cd into a marked directory and out runs a third of the instructions it
    # did (callgrind, fish 3.6).
    set -l visit $_cb_recorded
    if test -n "$argv[1]"
        _cb_about_$argv[1]
        for v in $_cb_pv
            set -q $v; and not builtin contains -- $v $visit; and set -a visit $v
        end
    end
    # For tests: every managed variable, the long way, which must come to the same.
    set -q _cb_visit_all; and set visit $_cb_managed
    for v in $visit
        set -l as _cb_as_$v
        set -l av _cb_av_$v
        set -l bs _cb_bs_$v
        set -l bv _cb_bv_$v
        # A missing record means unset.
        if not set -q $v
            if set -q $as
                # We left it set, and you unset it: unset is yours now.
                set -e -g $bs $bv
            else if set -q $bs
                _cb_restore $v $$bs $$bv
            end
            continue
        end
        _cb_state $v
        if not set -q $as; or test "x$_cb_rs" != "x$$as"; or test "x$_cb_rv" != "x$$av"
            # Not what we left (or never switched): the current value is yours, in place.
            set -g $bs $_cb_rs
            set -g $bv $_cb_rv
        else if not set -q $bs
            _cb_drop $v
        else if test "x$$bs" != "x$_cb_rs"; or test "x$$bv" != "x$_cb_rv"
            _cb_restore $v $$bs $$bv
        end
    end
    set -q visit[1]; and set -e -g _cb_as_$visit _cb_av_$visit
    if test -z "$argv[1]"
        set -q visit[1]; and set -e -g _cb_bs_$visit _cb_bv_$visit
        set -g _cb_recorded
        set -g _cb_active
        set -g _cb_why
        return 0
    end
    # What the profile sets it records itself (_cb_put, into _cb_psets). What else is set now
    # was visited above (restored, or yours): recorded here, with what holds your value.
    set -g _cb_psets
    _cb_apply_$argv[1]
    _cb_put CLAUDE_HOOKS_PROFILE $argv[1]
    set -g _cb_recorded $_cb_psets
    for v in $visit
        builtin contains -- $v $_cb_psets; and continue
        if set -q $v
            _cb_state $v
            set -g _cb_as_$v $_cb_rs
            set -g _cb_av_$v $_cb_rv
            set -a _cb_recorded $v
        else if set -q _cb_bs_$v
            set -a _cb_recorded $v
        end
    end
    set -g _cb_active $argv[1]
    set -g _cb_why $argv[2]
    # fish's `set` keeps the status before it: without this, a switch that worked would fail
    # with the last `set -q` above (`cb-bedrock && claude` would not run claude).
    return 0
end

# ---- what governs this directory ----

# For a new $PWD: where a marker could be, nearest first (_cb_cands), and the innermost
# directory of the map at or above it (_cb_map_dir, _cb_map_profile).
function _cb_walk
    set -g _cb_cands_pwd $PWD
    set -g _cb_cands /$_cb_marker
    set -g _cb_map_dir
    set -g _cb_map_profile
    set -l d ''
    set -l dirs /
    for part in (string split -n / -- $PWD)
        set d $d/$part
        set -p _cb_cands $d/$_cb_marker
        set -p dirs $d
    end
    _cb_envrc_find $dirs
    # The map is one text, a line "<directory>\t<profile>" each: one `string match` looks for
    # all these directories at once. (With 1000 entries as a list, each lookup spent 0.3 ms
    # just expanding it: a cd into a mapped directory and out cost 7 ms.)
    set -q _cb_map_text[1]; or return 0
    # A path that holds a tab or a newline is in no map (the config refuses them), and in the
    # text it could join two lines into one match: only the levels above it are looked for.
    set -l any (string match -v -r -- '[\t\n]' $dirs | string escape --style=regex | string join '|')
    # (`| string split`: with your IFS empty, the lines would stay one element.)
    set -l hits (string match -a -r -g -- "\n($any)\t([^\n]*)" $_cb_map_text | string split -- \n)
    # Directory, profile, directory, profile, ...: the innermost is the nearest in $dirs.
    for d in $dirs
        builtin contains -- $d $hits; or continue
        set -l i (builtin contains -i -- $d $hits)
        set -g _cb_map_dir $d
        set -g _cb_map_profile $hits[(builtin math $i + 1)]
        return 0
    end
end

# Succeeds for a directory at or below one of trustedDirectories, whose markers count whoever
# owns them; fails elsewhere.
function _cb_trusted
    for t in $_cb_trusted_dirs
        set t (string trim -r -c / -- $t)/
        test (string sub -l (string length -- $t) -- $argv[1]/) = $t; and return 0
    end
    return 1
end

# Judges marker $argv[1] into _cb_gkey and _cb_gprofile, or _cb_gbad. Its first line is read
# with the read builtin: it is data, never executed. What may be read (docs/security.md,
# "Markers"): a regular file, a symlink followed to one, with something in it. A FIFO, a device
# or a socket is not -f (a read could wait for ever), and the pseudo-files of /proc, which can
# block or hold another program's environment, have no size.
function _cb_read_marker
    set -l f $argv[1]
    set -l line
    # Whose it is, as git's safe.directory: only a marker you own counts (as root, one root owns),
    # or one under your config's trustedDirectories. A link counts only in a directory of yours
    # too: -O follows it, and another user may link to a marker of yours from theirs.
    # (The directory by a named capture, into $dir: a command substitution would split a name
    # that holds a newline into two arguments, and "team<newline>x" would pass for "team".)
    string match -rq -- '(?s)^(?<dir>.*)/[^/]*$' $f
    # (fish before 3.4 sets no variable from a capture: there such a name is split.)
    set -q dir; or set -l dir (string replace -r -- '/[^/]*$' '' $f)
    if not test -O $f
        or begin; test -L $f; and not test -O "$dir/"; end
        and not _cb_trusted "$dir"
        set -g _cb_gbad 'is owned by another user'
    else if not test -s $f
        set -g _cb_gbad 'is empty'
    else if not test -r $f
        set -g _cb_gbad 'cannot be read'
    else
        # (fish's read ends the line at a NUL too, as every shell and status do.)
        read -n $_cb_read_max -- line <$f 2>/dev/null
        # A profile name or nothing: anything else is never shown, as it may be the first line
        # of a file the marker links to. A name alone on its line (nearly every marker) needs
        # no trimming, which costs two command substitutions.
        if not string match -q -r -- $_cb_name_re "$line"
            set line (string trim -c $_cb_blanks -- (string replace -r -- "^$_cb_bom" '' "$line"))
            if test -z "$line"
                set -g _cb_gbad 'is empty'
            else if not string match -q -r -- $_cb_name_re "$line"
                set -g _cb_gbad 'does not hold a profile name'
            end
        end
    end
    if test -z "$_cb_gbad"
        set -g _cb_gprofile $line
        set -g _cb_gkey "marker:$f:$line"
    else
        # Not usable: the key still changes with the content, so an edit is seen.
        set -g _cb_gkey "bad:$f:$_cb_gbad:$line"
    end
end

# The active backend for a prompt: bedrock:eu-west-1, vertex:us-east5, anthropic, or nothing.
# For fish_right_prompt or a theme: function fish_right_prompt; cb_prompt_info; end
function cb_prompt_info --description 'Print the active Claude Code backend for a prompt'
    # Untraced: it reads the gateway's token.
    set -l fish_trace
    test -n "$CLAUDE_HOOKS_PROFILE"; or return 0
    set -l text $CLAUDE_HOOKS_PROFILE
    # The selectors in the order Claude Code tries them (the rendered _cb_region_* lists). One
    # counts when it is exported (Claude Code sees no other) and on as Claude Code reads it (1,
    # true, yes or on, any case, white space around), and no variable named in _cb_sel_needs[i]
    # is blank (unset, empty or white space) or unexported; it gives the region.
    # (Builtins only: the lists are walked by dropping their first items, as seq is a program.)
    set -l regions $_cb_region_vars
    set -l needs $_cb_sel_needs
    for selector in $_cb_region_sels
        set -l region $regions[1]
        set -l need $needs[1]
        set -e regions[1] needs[1]
        # Most are unset; the one that is on usually says 1 (a call costs fish more than a test).
        set -qx $selector; or continue
        test "$$selector" = 1; or _cb_on "$$selector"; or continue
        set -l ready 1
        for name in (string split -n ' ' -- $need)
            set -qx $name; and not _cb_blank "$$name"; or set ready
        end
        test -n "$ready"; or continue
        test -n "$region"; and test -n "$$region"; and set -qx $region; and set text $text:$$region
        break
    end
    builtin printf '%s' $text
end

# Whether value $argv[1] turns a selector on, as Claude Code reads it: one of _cb_on_words, in
# any case, with white space around.
function _cb_on
    test "$argv[1]" = 1; and return 0 # what it nearly always says
    _cb_trim $argv[1]
    set -l word (string lower -- "$_cb_r" | string collect)
    builtin contains -- "$word" $_cb_on_words
end

# Whether value $argv[1] is blank as Claude Code reads a gateway's URL and token: empty, or only
# white space. One that starts with a letter or a digit (a URL, nearly every token) is not, and
# is not trimmed.
function _cb_blank
    string match -q -r -- '^[[:alnum:]]' "$argv[1]"; and return 1
    _cb_trim "$argv[1]"
    test -z "$_cb_r"
end

# Sets _cb_r to $argv[1] without the white space Claude Code trims around a value (JavaScript's
# trim(), Unicode's too: _cb_trimmed_space). string collect keeps it one string (the newlines it
# drops at its end were trimmed already).
function _cb_trim
    set -l space (string join '' -- $_cb_trimmed_space | string collect -N)
    set -g _cb_r (string trim -c $space -- "$argv[1]" | string collect)
end

function _cb_on_governor_change
    set -g _cb_last_gkey $_cb_gkey
    string match -q -- 'direnv:*' "$_cb_gkey"; and return 0
    # Leaving direnv's directory after a cb-reload there: the active profile takes its new data.
    if set -q _cb_reapply[1]
        set -g _cb_reapply
        _cb_reapply_active; or return 0
    end
    if test -z "$_cb_gkey"; or string match -q -- 'direnv-to-load:*' "$_cb_gkey"
        # Nothing governs here, or direnv is about to (it starts from your variables, as cb-use
        # does): an automatic switch ends; a manual one holds.
        test -n "$_cb_auto"; or return 0
        set -g _cb_auto
        if test -n "$_cb_manual"
            _cb_select $_cb_manual manual
        else
            _cb_select '' ''
        end
    else if test -z "$_cb_gprofile"
        if test "$_cb_gbad" = 'is owned by another user'
            set -l rule 'only your own markers count (or those under trustedDirectories in your config)'
            _cb_warn "$_cb_gwhy $_cb_gbad: $rule; not switching"
        else
            _cb_warn "$_cb_gwhy $_cb_gbad; expected one profile name ($_cb_profiles); not switching"
        end
    else if not builtin contains -- $_cb_gprofile $_cb_profiles
        _cb_warn "$_cb_gwhy names unknown profile '$_cb_gprofile'; known: $_cb_profiles; not switching"
    else
        set -g _cb_auto 1
        _cb_select $_cb_gprofile $_cb_gwhy
    end
end

# Makes profile $argv[1] (reason $argv[2]) active without re-applying it when it already is,
# so a variable changed by hand is not overwritten by a mere change of directory.
function _cb_select
    if test "x$argv[1]" = "x$_cb_active"
        set -g _cb_why $argv[2]
    else if test -n "$argv[1]"
        _cb_switch $argv[1] $argv[2] "$argv[1] ($argv[2])"
    else
        _cb_switch '' ''; and _cb_say_off
    end
end

# Says a switch off is done. In a shell started from a switched one, what comes back is what this
# shell started with: that shell's switch, as only the shell that switched has your own values.
function _cb_say_off
    if test -z "$CLAUDE_HOOKS_PROFILE"
        _cb_say "off: your own variables are back"
    else
        _cb_parent_profile
        _cb_say "off: back to what this shell started with, $_cb_r; cb-off there gives yours back"
    end
end

# The switch this shell was started with, into _cb_r: "bedrock, switched on by the shell that
# started this one" (a name that is not a profile's is not shown).
function _cb_parent_profile
    set -g _cb_r 'a profile'
    builtin contains -- "$CLAUDE_HOOKS_PROFILE" $_cb_profiles; and set -g _cb_r $CLAUDE_HOOKS_PROFILE
    set -g _cb_r "$_cb_r, switched on by the shell that started this one"
end

# Whether direnv governs here: CLAUDE_HOOKS_DIRENV names the directory of an .envrc that says
# `use claude`, and $PWD is in it; or a cd left it and direnv's hook, in this shell, has yet to
# unload it (acting first, we would be half undone). A shell direnv does not run in (started by
# `direnv exec DIR`) takes the variable for stale outside DIR.
function _cb_direnv_governs
    test -n "$CLAUDE_HOOKS_DIRENV"; or return 1
    # Without the / at its end (none is /), then with one.
    set -l dir (string trim -r -c / -- "$CLAUDE_HOOKS_DIRENV" | string collect)
    set dir "$dir/"
    # (A prefix compared, not a glob: the name may hold * or ?. It ends in /, so collect keeps it.)
    set -l head (string sub -l (string length -- "$dir") -- "$PWD/" | string collect)
    test "x$head" = "x$dir"; or builtin functions -q __direnv_export_eval
end

# After a cb-reload: applies the active profile again, with the data just loaded, or, when the
# new config has no such profile, puts your own variables back.
function _cb_reapply_active
    test -n "$_cb_active"; or return 0
    if builtin contains -- $_cb_active $_cb_profiles
        _cb_switch $_cb_active $_cb_why
    else
        _cb_warn "profile '$_cb_active' is gone from the config; switching off"
        cb-off
    end
end

# Inside a directory whose .envrc says `use claude`, direnv owns the backend: a switch here
# would be half undone when direnv restores its own variables on the way out.
function _cb_direnv_owns
    _cb_direnv_governs; or return 1
    set -l which "(.envrc in $CLAUDE_HOOKS_DIRENV says: use claude $CLAUDE_HOOKS_PROFILE)"
    _cb_warn "direnv sets the backend here $which; edit that .envrc, or leave the directory, to switch"
end

# ---- entry points ----
# Each starts with a local, empty fish_trace: a trace would print every key a switch moves.
# Yours is back when it returns; the functions it calls see it too.

function cb-use --description 'Switch Claude Code to a claude-hooks profile'
    set -l fish_trace
    _cb_direnv_owns; and return 1
    if set -q argv[2]; or test -z "$argv[1]"
        _cb_clean "usage: cb-use <profile>; profiles: $_cb_profiles"
        builtin printf '%s\n' $_cb_c >&2
        return 2
    end
    if not builtin contains -- $argv[1] $_cb_profiles
        _cb_warn "unknown profile '$argv[1]'; known: $_cb_profiles"
        return 2
    end
    set -g _cb_manual $argv[1]
    set -g _cb_auto
    _cb_switch $argv[1] manual $argv[1]
end

# cb-bedrock and the other shortcuts (rendered below) come here: $argv[1] is the command's
# name, $argv[2] its profile. An argument after them is a mistake (`cb-bedrock --region x`):
# refused with the usage, rather than ignored as if the switch had done what was asked.
function _cb_shortcut
    set -l fish_trace
    if set -q argv[3]
        set -l usage 'usage: %s (no arguments; other settings go in a profile: cb-use <profile>)\n'
        builtin printf $usage $argv[1] >&2
        return 2
    end
    cb-use $argv[2]
end

function cb-off --description 'Put your own Claude Code variables back'
    set -l fish_trace
    if set -q argv[1]
        builtin printf 'usage: cb-off (no arguments)\n' >&2
        return 2
    end
    _cb_direnv_owns; and return 1
    # Said only when a profile was active: a second cb-off has nothing to give back.
    set -l was $_cb_active
    _cb_switch '' ''; or return 1
    set -g _cb_manual
    set -g _cb_auto
    _cb_forget_secrets
    if test -n "$was"
        _cb_say_off
    else if test -n "$CLAUDE_HOOKS_PROFILE"
        _cb_parent_profile
        _cb_warn "cb-off: nothing to put back in this shell: $_cb_r; cb-off there gives yours back"
        return 1
    else
        _cb_say "already off: no profile was active"
    end
end

# Claude Code reads settings files on top of the environment, and their `env` wins: a line
# for each that sets one of the variables (a regular file, read up to 64 KiB, never run).
function _cb_settings_note
    set -l user_dir $HOME/.claude
    set -q CLAUDE_CONFIG_DIR; and set user_dir "$CLAUDE_CONFIG_DIR"
    # CLAUDE_CONFIG_DIR set and empty: Claude Code takes the directory it starts in.
    test -n "$user_dir"; or set user_dir $PWD
    for f in $_cb_managed_settings $PWD/.claude/settings.local.json $PWD/.claude/settings.json \
            $user_dir/settings.json
        test -f $f -a -s $f -a -r $f; or continue
        set -l text
        read -z -n 65536 -l text <$f 2>/dev/null
        set -l found
        for v in (string match -r -a -g -- '"([A-Za-z0-9_]+)" ?:' $text | string split -- \n)
            builtin contains -- $v $_cb_managed; and not builtin contains -- $v $found; and set -a found $v
        end
        set -q found[1]; or continue
        set -l what 'over this shell: claude-hooks status says what Claude Code will use'
        _cb_show "settings  $f sets "(string join ', ' -- $found)", $what"
    end
    return 0
end

function cb-status --description 'Show the Claude Code variables of this shell, and why'
    set -l fish_trace
    if set -q argv[1]
        builtin printf 'usage: cb-status (no arguments; for JSON: claude-hooks status --json)\n' >&2
        return 2
    end
    if _cb_direnv_governs
        _cb_about "$CLAUDE_HOOKS_PROFILE"; or set -g _cb_r unknown
        _cb_show "profile   $CLAUDE_HOOKS_PROFILE: $_cb_r"
        _cb_show "why       direnv: .envrc in $CLAUDE_HOOKS_DIRENV"
    else if test -n "$_cb_active"
        _cb_about $_cb_active; or set -g _cb_r unknown
        _cb_show "profile   $_cb_active: $_cb_r"
        _cb_show "why       $_cb_why"
    else if test -n "$CLAUDE_HOOKS_PROFILE"
        _cb_show "profile   $CLAUDE_HOOKS_PROFILE (set by a parent shell)"
    else
        builtin printf 'profile   none: your own variables, as you set them\n'
    end
    _cb_governor
    if test -n "$_cb_gprofile"; and begin
            test "x$_cb_why" != "x$_cb_gwhy"; or test "x$_cb_gprofile" != "x$_cb_active"
        end
        _cb_show "here      $_cb_gwhy says '$_cb_gprofile'; your manual choice holds until you leave"
    else if test -n "$_cb_gbad"
        _cb_show "here      $_cb_gwhy $_cb_gbad; not used"
    end
    _cb_settings_note
    builtin printf 'variables in this shell (what Claude Code starts from)\n'
    set -l shown
    for v in $_cb_managed
        test $v = CLAUDE_HOOKS_PROFILE; and continue
        set -q $v; or continue
        set -g _cb_r "$$v"
        if builtin contains -- $v $_cb_secrets
            _cb_mask $_cb_r
        else
            # A secret by its value, in a variable whose name does not say so (a password in a URL).
            for shape in $_cb_secret_shapes
                if string match -q -- $shape $_cb_r
                    _cb_mask $_cb_r
                    break
                end
            end
        end
        test -n "$_cb_r"; or set -g _cb_r '(empty)'
        _cb_show "  $v=$_cb_r"
        set shown 1
    end
    test -n "$shown"; or builtin printf '  (none of the variables Claude Code reads is set)\n'
end

# Re-reads the config: prints this integration again and loads it, then re-applies the
# active profile so edited values take effect.
function cb-reload --description 'Re-read the claude-hooks config'
    set -l fish_trace
    if set -q argv[1]
        builtin printf 'usage: cb-reload (no arguments)\n' >&2
        return 2
    end
    # CLAUDE_HOOKS_RELOADING: a config that does not load is an error here, said in one line,
    # not the built-in profiles that a new shell falls back to. init prints nothing on stdout
    # when it fails.
    set -lx CLAUDE_HOOKS_RELOADING 1
    set -l code (_cb_cli init fish | string collect)
    set -l init_status $pipestatus[1]
    set -e CLAUDE_HOOKS_RELOADING
    if test -z "$code"
        _cb_warn 'cb-reload: "claude-hooks init fish" failed; keeping the profiles loaded before'
        # (Exit 2, init's, for a config that does not load: bad input.)
        test "$init_status" = 2; and return 2
        return 1
    end
    # Key commands may have changed: fetch again at the next switch. Before the new code
    # replaces the list of where the old profiles kept them.
    _cb_forget_secrets
    builtin printf '%s\n' $code | builtin source
    _cb_say "reloaded $_cb_config_file: "(builtin count $_cb_profiles)" profiles"
    # A manual switch to a profile gone from the config ends too, when it is behind a directory's
    # profile (the active one is _cb_reapply_active's): leaving does not bring it back.
    if test -n "$_cb_manual"; and not builtin contains -- $_cb_manual $_cb_profiles
        test "x$_cb_manual" = "x$_cb_active"
        or _cb_warn "profile '$_cb_manual' is gone from the config; leaving here will not switch back to it"
        set -g _cb_manual
    end
    # Under direnv the variables are direnv's until you leave; the new profile data applies then
    # (_cb_on_governor_change).
    if _cb_direnv_governs
        set -g _cb_reapply 1
    else
        _cb_reapply_active
    end
end

builtin complete -c cb-use -e
builtin complete -c cb-use -x -a "$_cb_profiles"

#@profiles

# Lets `claude-hooks doctor` (a child of this shell) tell that the hooks are loaded here.
set -gx CLAUDE_HOOKS_SHELL fish:$fish_pid
