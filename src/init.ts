import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './files.js';
import { xdgDir } from './paths.js';
import { InputError } from './errors.js';
import { builtinConfig, loadConfig } from './profiles/config.js';
import type { Config } from './profiles/types.js';
import { renderInit } from './render/render.js';
import { writeStdout } from './stdout.js';
import { warn } from './print.js';
import type { Target } from './render/types.js';
import { VERSION } from './version.js';

/** The command line that runs this CLI again, for `cb-reload` in the generated code. */
export function selfCommand(): string[] {
  const script = process.argv[1];
  return script ? [process.execPath, realpathSync(script)] : ['claude-hooks'];
}

/** `claude-hooks init <shell>`: prints the integration. A broken config must never break
 *  shell start-up (or a direnv load), so it warns on stderr and falls back to the built-ins. */
export function runInit(target: Target, prefix?: string): void {
  writeStdout(initCode(target, { prefix }));
}

/** `init --cmd PREFIX` (or CLAUDE_HOOKS_CMD): the word in front of -use, -off, -bedrock, ...
 *  It becomes part of function names in every shell, so only a plain word will do. */
export function isPrefix(word: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/.test(word) && word.length <= 32;
}

export function checkPrefix(prefix: string): string {
  if (!isPrefix(prefix)) {
    throw new InputError('init: --cmd expects a word of letters, digits, _ and inner -, starting with a letter (at most 32), as in --cmd ch');
  }
  return prefix;
}

/** Where `init <shell> --cache` keeps its copy. */
export function cacheFile(shell: Target, env: Record<string, string | undefined> = process.env): string {
  return join(xdgDir('XDG_CACHE_HOME', env), 'claude-hooks', `init.${shell}`);
}

/** `init <shell> --cache`: the integration, also kept in a file the start-up line sources
 *  without starting node; the file refreshes itself when the config or claude-hooks changes. */
export async function runInitCached(shell: Exclude<Target, 'direnv'>, prefix?: string): Promise<void> {
  const file = cacheFile(shell);
  const code = initCode(shell, { cacheFile: file, prefix });
  await writeFileAtomic(file, code, 0o600, false, true); // private, whatever an older version left
  writeStdout(code);
}

/** The integration's text, for direnv's library file or a cached copy when those are given. */
export function initCode(target: Target, files: { libFile?: string; cacheFile?: string; prefix?: string | undefined } = {}): string {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    warn(`${err.message}; using the built-in profiles only`);
    config = builtinConfig();
  }
  const { prefix, ...paths } = files;
  // The prefix a shell asked for before (see _cb_cli) holds for cb-reload and a cache refresh.
  let commandPrefix = prefix;
  if (commandPrefix === undefined && process.env.CLAUDE_HOOKS_CMD && target !== 'direnv') {
    try {
      commandPrefix = checkPrefix(process.env.CLAUDE_HOOKS_CMD);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      warn(`CLAUDE_HOOKS_CMD: ${err.message.replace(/^init: --cmd /, '')}; using cb`);
    }
  }
  return renderInit(target, config, { cli: selfCommand(), version: VERSION, ...paths, ...(commandPrefix ? { commandPrefix } : {}) });
}
