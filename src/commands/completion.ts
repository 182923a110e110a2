// claude-hooks completion bash|zsh|fish: tab completion for the CLI itself, generated from the
// same declarations as the parser and the help (src/cli/commands/), so the three cannot
// disagree. Profile names come from the shell integration when it is loaded (its _cb_profiles
// and _cb_about, which puts a profile's backend in _cb_b): a tab then starts no process.
// Without it, `claude-hooks __profiles`.
import { COMMANDS } from '../cli/commands/index.js';
import { GLOBAL_OPTIONS, HELP_OPTION, type Command, type Option } from '../cli/spec.js';
import type { ShellName } from '../render/types.js';

/** One place a tab can be pressed: a command (or `profiles show`) and what may follow it. */
interface Place {
  path: string[];
  /** Words with what each is: subcommands, fixed choices. */
  words: Array<[word: string, what: string]>;
  /** Offer the user's profile names too. */
  profiles: boolean;
  /** Flags, and options that take a value (their value is not completed from `words`). */
  options: Array<[flag: string, what: string]>;
  /** Options after which a directory comes. */
  dirOptions: string[];
  /** Options after which some other value comes (nothing to offer). */
  valueOptions: string[];
  /** The subcommands' names, for telling this place from theirs. */
  subs: string[];
}

const visible = (list: readonly Command[] | undefined) => (list ?? []).filter((c) => !c.hidden);

/** A description short enough for a completion menu: up to the first `;` or ` (`, at most 60. */
function brief(text: string): string {
  const cut = text.split(/;| \(/)[0]!.trim();
  return cut.length <= 60 ? cut : cut.slice(0, cut.lastIndexOf(' ', 58)) + '…';
}

function flagsOf(o: Option): Array<[string, string]> {
  const out: Array<[string, string]> = [[`--${o.name}`, brief(o.describe)]];
  if (o.value === undefined && o.default === true) out.push([`--no-${o.name}`, `do not ${brief(o.describe)}`]);
  return out;
}

function places(): Place[] {
  const out: Place[] = [];
  const visit = (c: Command, parent: string[]) => {
    const path = [...parent, c.name];
    const subs = visible(c.subcommands);
    const first = c.args?.[0];
    const options = [...(c.options ?? []), HELP_OPTION];
    out.push({
      path,
      words: [...subs.map((s) => [s.name, brief(s.summary)] as [string, string]), ...(first?.choices ?? []).map((w) => [w, first!.what] as [string, string])],
      profiles: first?.completes === 'profiles',
      options: options.flatMap(flagsOf),
      dirOptions: options.filter((o) => o.value !== undefined && o.completes === 'directories').map((o) => `--${o.name}`),
      valueOptions: options.filter((o) => o.value !== undefined && o.completes !== 'directories').map((o) => `--${o.name}`),
      subs: subs.map((s) => s.name),
    });
    for (const s of subs) visit(s, path);
  };
  for (const c of visible(COMMANDS)) visit(c, []);
  return out;
}

const TOP: Array<[string, string]> = [...visible(COMMANDS).map((c) => [c.name, brief(c.summary)] as [string, string]), ['help', 'show help for a command']];
const GLOBAL_FLAGS: Array<[string, string]> = GLOBAL_OPTIONS.flatMap((o) => [[`--${o.name}`, brief(o.describe)] as [string, string], [`-${o.short}`, brief(o.describe)] as [string, string]]);

/** What completes after each command, for tests and scripts: the same data the scripts hold. */
export const COMPLETION_TABLE: Record<string, { args?: readonly string[] | 'profiles'; flags: readonly string[]; sub?: Record<string, 'profiles'> }> = Object.fromEntries(
  places()
    .filter((p) => p.path.length === 1)
    .map((p) => {
      const subPlaces = places().filter((q) => q.path.length === 2 && q.path[0] === p.path[0]);
      const sub = Object.fromEntries(subPlaces.filter((q) => q.profiles).map((q) => [q.path[1]!, 'profiles' as const]));
      return [
        p.path[0]!,
        {
          ...(p.profiles ? { args: 'profiles' as const } : p.words.length ? { args: p.words.map(([w]) => w) } : {}),
          flags: p.options.map(([f]) => f).filter((f) => f !== '--help'),
          ...(Object.keys(sub).length ? { sub } : {}),
        },
      ];
    }),
);

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const fishq = (s: string) => `'${s.replace(/[\\']/g, '\\$&')}'`;

function bash(): string {
  const all = places();
  const arm = (p: Place) => {
    const words = [...p.words.map(([w]) => w), ...p.options.map(([f]) => f)].join(' ');
    return `${p.profiles ? '        _claude_hooks_profiles\n' : ''}        words+=" ${words}"`;
  };
  const cases = all
    .filter((p) => p.path.length === 1)
    .map((p) => {
      const subs = all.filter((q) => q.path.length === 2 && q.path[0] === p.path[0]);
      const inner = subs.length
        ? `        case \${COMP_WORDS[2]-} in\n${subs.map((q) => `        ${q.path[1]})\n${arm(q).replace(/^/gm, '    ')}\n            ;;`).join('\n')}\n        *)\n${arm(p).replace(/^/gm, '    ')}\n            ;;\n        esac`
        : arm(p);
      return `    ${p.path[0]})\n${inner}\n        ;;`;
    })
    .join('\n');
  const dirOptions = [...new Set(all.flatMap((p) => p.dirOptions))];
  const valueOptions = [...new Set(all.flatMap((p) => p.valueOptions))];
  return `# claude-hooks completion for bash: eval "$(claude-hooks completion bash)"
# Generated from the same declarations as the parser and --help. Profile names come from the
# shell integration when it is loaded (no process), else from claude-hooks __profiles.
# shellcheck disable=SC2207 # COMPREPLY=($(compgen ...)) is how bash completion is written

# Adds the profile names to the caller's \`words\`.
_claude_hooks_profiles() {
    if [[ -n \${_cb_profiles[0]+x} ]]; then
        words+=" \${_cb_profiles[*]}"
    else
        words+=" $(claude-hooks __profiles 2>/dev/null)"
    fi
}

_claude_hooks_complete() {
    local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} words=
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "${[...TOP.map(([w]) => w), ...GLOBAL_FLAGS.map(([f]) => f)].join(' ')}" -- "$cur"))
        return 0
    fi
    case $prev in
    ${dirOptions.join(' | ')})
        COMPREPLY=($(compgen -d -- "$cur"))
        return 0
        ;;
    ${valueOptions.join(' | ')})
        COMPREPLY=()
        return 0
        ;;
    esac
    case \${COMP_WORDS[1]} in
${cases}
    help)
        words="${visible(COMMANDS).map((c) => c.name).join(' ')}"
        ;;
    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _claude_hooks_complete claude-hooks
`;
}

/** zsh: each word with its description (compadd -d), padded into two columns. */
function zshAdd(items: Array<[string, string]>): string {
  const width = Math.max(...items.map(([w]) => w.length));
  return `_ch_w+=(${items.map(([w]) => sq(w)).join(' ')}); _ch_d+=(${items.map(([w, d]) => sq(`${w.padEnd(width)}  -- ${d}`)).join(' ')})`;
}

function zsh(): string {
  const all = places();
  const arm = (p: Place, indent: string) =>
    [
      ...(p.dirOptions.length ? [`if [[ \${words[CURRENT-1]} == (${p.dirOptions.join('|')}) ]]; then _files -/; return; fi`] : []),
      ...(p.valueOptions.length ? [`[[ \${words[CURRENT-1]} == (${p.valueOptions.join('|')}) ]] && return`] : []),
      ...(p.profiles ? ['_claude_hooks_profiles'] : []),
      zshAdd([...p.words, ...p.options]),
    ]
      .map((l) => indent + l)
      .join('\n');
  const cases = all
    .filter((p) => p.path.length === 1)
    .map((p) => {
      const subs = all.filter((q) => q.path.length === 2 && q.path[0] === p.path[0]);
      const body = subs.length
        ? `        case \${words[3]-} in\n${subs.map((q) => `        ${q.path[1]})\n${arm(q, '            ')} ;;`).join('\n')}\n        *)\n${arm(p, '            ')} ;;\n        esac`
        : arm(p, '        ');
      return `    ${p.path[0]})\n${body} ;;`;
    })
    .join('\n');
  return `# claude-hooks completion for zsh (after compinit): source <(claude-hooks completion zsh)
# Generated from the same declarations as the parser and --help. Profile names come from the
# shell integration when it is loaded (no process), else from claude-hooks __profiles.

# Adds the profile names, each with its backend, to the caller's _ch_w and _ch_d.
_claude_hooks_profiles() {
    local _ch_n _ch_line
    if (( \${+_cb_profiles} && \${+functions[_cb_about]} )); then
        for _ch_n in $_cb_profiles; do
            _cb_about $_ch_n
            _ch_w+=($_ch_n)
            _ch_d+=("\${(r:14:)_ch_n}  -- profile, \${_cb_b} backend")
        done
    else
        for _ch_line in \${(f)"$(claude-hooks __profiles --backends 2>/dev/null)"}; do
            _ch_n=\${_ch_line%%$'\\t'*}
            _ch_w+=($_ch_n)
            _ch_d+=("\${(r:14:)_ch_n}  -- profile, \${_ch_line#*$'\\t'} backend")
        done
    fi
}

_claude_hooks() {
    emulate -L zsh
    local -a _ch_w _ch_d
    if (( CURRENT == 2 )); then
        ${zshAdd([...TOP, ...GLOBAL_FLAGS])}
        compadd -l -d _ch_d -- $_ch_w
        return
    fi
    case \${words[2]} in
${cases}
    help)
        ${zshAdd(TOP.filter(([w]) => w !== 'help'))} ;;
    esac
    (( \${#_ch_w} )) && compadd -l -d _ch_d -- $_ch_w
}
(( $+functions[compdef] )) && compdef _claude_hooks claude-hooks
`;
}

function fish(): string {
  const lines = [
    '# claude-hooks completion for fish: claude-hooks completion fish | source',
    '# Generated from the same declarations as the parser and --help. Profile names come from the',
    '# shell integration when it is loaded (no process), else from claude-hooks __profiles.',
    'complete -c claude-hooks -e',
    'complete -c claude-hooks -f',
    '',
    '# Succeeds when the words typed so far (options aside) begin with $argv.',
    'function __claude_hooks_in',
    '    set -l typed (string match -v -- \'-*\' (commandline -opc))',
    '    set -e typed[1]',
    '    set -l n (count $argv)',
    '    test (count $typed) -ge $n; or return 1',
    '    test "$typed[1..$n]" = "$argv"',
    'end',
    '',
    '# The profile names, a tab, and each one\'s backend.',
    'function __claude_hooks_profiles',
    '    if set -q _cb_profiles[1]; and functions -q _cb_about',
    '        for n in $_cb_profiles',
    '            _cb_about $n',
    '            printf \'%s\\tprofile, %s backend\\n\' $n $_cb_b',
    '        end',
    "    else if command -q claude-hooks",
    "        claude-hooks __profiles --backends 2>/dev/null | string replace -r -- '\\t(.*)' '\\tprofile, $1 backend'",
    '    end',
    'end',
    '',
  ];
  for (const [w, d] of TOP) lines.push(`complete -c claude-hooks -n __fish_use_subcommand -a ${w} -d ${fishq(d)}`);
  for (const o of GLOBAL_OPTIONS) lines.push(`complete -c claude-hooks -n __fish_use_subcommand -s ${o.short} -l ${o.name} -d ${fishq(brief(o.describe))}`);
  for (const c of visible(COMMANDS)) lines.push(`complete -c claude-hooks -n '__claude_hooks_in help' -a ${c.name} -d ${fishq(brief(c.summary))}`);
  for (const p of places()) {
    const when = fishq([`__claude_hooks_in ${p.path.join(' ')}`, ...p.subs.map((s) => `not __claude_hooks_in ${p.path.join(' ')} ${s}`)].join('; and '));
    for (const [w, d] of p.words) lines.push(`complete -c claude-hooks -n ${when} -a ${fishq(w)} -d ${fishq(d)}`);
    if (p.profiles) lines.push(`complete -c claude-hooks -n ${when} -a '(__claude_hooks_profiles)'`);
    for (const [flag, d] of p.options) {
      const name = flag.slice(2);
      const takes = p.dirOptions.includes(flag) ? " -r -a '(__fish_complete_directories)'" : p.valueOptions.includes(flag) ? ' -r' : '';
      lines.push(`complete -c claude-hooks -n ${when} -l ${name}${name === 'help' ? ' -s h' : ''}${takes} -d ${fishq(d)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function completionScript(shell: ShellName): string {
  return shell === 'bash' ? bash() : shell === 'zsh' ? zsh() : fish();
}
