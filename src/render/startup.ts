// The user's own shell, for messages that show a line to type or to add: a fish user is shown
// fish (`set -gx AWS_REGION us-east-1`), never only the bash line.
import { homeDir, xdgDir } from '../paths.js';
import { join } from 'node:path';
import { bash } from './bash.js';
import { fish } from './fish.js';
import { SHELLS, type Dialect, type ShellName } from './types.js';
import { zsh } from './zsh.js';

type Env = Record<string, string | undefined>;

const DIALECT: Record<ShellName, Dialect> = { bash, zsh, fish };

/** The shell whose integration is loaded (CLAUDE_HOOKS_SHELL=fish:1234), else $SHELL's, else bash. */
export function userShell(env: Env = process.env): ShellName {
  for (const word of [env.CLAUDE_HOOKS_SHELL?.split(':')[0], env.SHELL?.split('/').pop()]) {
    if ((SHELLS as readonly string[]).includes(word ?? '')) return word as ShellName;
  }
  return 'bash';
}

/** How `shell` sets a variable by hand: `export NAME=value`, `set -gx NAME value`. */
export function exportLine(shell: ShellName, name: string, value: string): string {
  return DIALECT[shell].exportLine(name, value);
}

/** The start-up file each shell reads in every interactive session (what `setup` writes). */
export function startupFile(shell: ShellName, env: Env = process.env): string {
  if (shell === 'bash') return join(homeDir(env), '.bashrc');
  if (shell === 'zsh') return join(env.ZDOTDIR || homeDir(env), '.zshrc');
  return join(xdgDir('XDG_CONFIG_HOME', env), 'fish', 'conf.d', 'claude-hooks.fish');
}

/** The line that loads the integration, with `cmd` the way to run claude-hooks. */
export function plainInitLine(shell: ShellName, cmd = 'claude-hooks'): string {
  if (shell === 'bash') return `eval "$(${cmd} init bash)"`;
  if (shell === 'zsh') return `source <(${cmd} init zsh)`;
  return `${cmd} init fish | source`;
}
