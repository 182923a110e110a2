// claude-hooks completion bash|zsh|fish: tab completion for the CLI itself, generated from one
// table. Profile names come from `claude-hooks __profiles` when you press tab, so they follow
// the config (cb-use has its own completion, built into the init).
import type { ShellName } from '../render/types.js';

interface CommandSpec {
  /** Words after the command: fixed ones, or the user's profile names. */
  args?: readonly string[] | 'profiles';
  flags: readonly string[];
  /** A second level: `profiles show <profile>`. */
  sub?: Record<string, 'profiles'>;
}

export const COMPLETION_TABLE: Record<string, CommandSpec> = {
  init: { args: ['bash', 'zsh', 'fish', 'direnv'], flags: ['--write', '--cache'] },
  setup: { args: ['bash', 'zsh', 'fish'], flags: ['--dry-run', '--undo', '--cache'] },
  envrc: { args: 'profiles', flags: ['--region', '--aws-profile', '--write', '--dir'] },
  profiles: { args: ['show'], flags: ['--json'], sub: { show: 'profiles' } },
  status: { flags: ['--json', '--dir', '--verify'] },
  doctor: { flags: ['--json', '--dir', '--verify', '--live', '--migrate'] },
  config: { args: ['init', 'check', 'path'], flags: [] },
  completion: { args: ['bash', 'zsh', 'fish'], flags: [] },
};

const COMMANDS = Object.keys(COMPLETION_TABLE);

function bash(): string {
  const cases = Object.entries(COMPLETION_TABLE)
    .map(([cmd, spec]) => {
      const fixed = Array.isArray(spec.args) ? spec.args.join(' ') : '';
      const dynamic = spec.args === 'profiles' ? ' $(claude-hooks __profiles 2>/dev/null)' : '';
      const sub = spec.sub ? `\n        if [[ \${COMP_WORDS[2]-} == show && $COMP_CWORD -eq 3 ]]; then words=$(claude-hooks __profiles 2>/dev/null); fi` : '';
      return `    ${cmd})\n        words="${[fixed, ...spec.flags, '--help'].filter(Boolean).join(' ')}${dynamic}"${sub}\n        ;;`;
    })
    .join('\n');
  return `# claude-hooks completion for bash: eval "$(claude-hooks completion bash)"
# shellcheck disable=SC2207 # COMPREPLY=($(compgen ...)) is how bash completion is written
_claude_hooks_complete() {
    local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} words
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "${COMMANDS.join(' ')} --help --version" -- "$cur"))
        return 0
    fi
    if [[ $prev == --dir ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
        return 0
    fi
    case \${COMP_WORDS[1]} in
${cases}
    *) words= ;;
    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _claude_hooks_complete claude-hooks
`;
}

function zsh(): string {
  const cases = Object.entries(COMPLETION_TABLE)
    .map(([cmd, spec]) => {
      const fixed = Array.isArray(spec.args) ? spec.args : [];
      const dynamic = spec.args === 'profiles' ? ' ${(f)"$(claude-hooks __profiles 2>/dev/null)"}' : '';
      const sub = spec.sub ? `\n        if [[ \${words[3]-} == show ]] && (( CURRENT == 4 )); then compadd -- \${(f)"$(claude-hooks __profiles 2>/dev/null)"}; return; fi` : '';
      return `    ${cmd})${sub}\n        compadd -- ${[...fixed, ...spec.flags, '--help'].join(' ')}${dynamic} ;;`;
    })
    .join('\n');
  return `# claude-hooks completion for zsh (after compinit): source <(claude-hooks completion zsh)
_claude_hooks() {
    emulate -L zsh
    if (( CURRENT == 2 )); then
        compadd -- ${COMMANDS.join(' ')} --help --version
        return
    fi
    if [[ \${words[CURRENT-1]} == --dir ]]; then
        _files -/
        return
    fi
    case \${words[2]} in
${cases}
    esac
}
(( $+functions[compdef] )) && compdef _claude_hooks claude-hooks
`;
}

function fish(): string {
  const lines = [
    '# claude-hooks completion for fish: claude-hooks completion fish | source',
    'complete -c claude-hooks -e',
    'complete -c claude-hooks -f',
    `complete -c claude-hooks -n __fish_use_subcommand -a '${COMMANDS.join(' ')}'`,
    'complete -c claude-hooks -n __fish_use_subcommand -l help -l version',
  ];
  for (const [cmd, spec] of Object.entries(COMPLETION_TABLE)) {
    const when = `'__fish_seen_subcommand_from ${cmd}'`;
    // Once a second-level word (`profiles show`) is there, the first-level words are done.
    const argsWhen = spec.sub ? `'__fish_seen_subcommand_from ${cmd}; and not __fish_seen_subcommand_from ${Object.keys(spec.sub).join(' ')}'` : when;
    if (Array.isArray(spec.args)) lines.push(`complete -c claude-hooks -n ${argsWhen} -a '${spec.args.join(' ')}'`);
    if (spec.args === 'profiles') lines.push(`complete -c claude-hooks -n ${when} -a '(claude-hooks __profiles 2>/dev/null)'`);
    if (spec.sub) lines.push(`complete -c claude-hooks -n '__fish_seen_subcommand_from show' -a '(claude-hooks __profiles 2>/dev/null)'`);
    for (const flag of [...spec.flags, '--help']) {
      const takesDir = flag === '--dir';
      lines.push(`complete -c claude-hooks -n ${when} -l ${flag.slice(2)}${takesDir ? " -r -a '(__fish_complete_directories)'" : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function completionScript(shell: ShellName): string {
  return shell === 'bash' ? bash() : shell === 'zsh' ? zsh() : fish();
}
