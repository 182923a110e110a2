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
export function runInit(target: Target): void {
  writeStdout(initCode(target));
}

/** Where `init <shell> --cache` keeps its copy. */
export function cacheFile(shell: Target, env: Record<string, string | undefined> = process.env): string {
  return join(xdgDir('XDG_CACHE_HOME', env), 'claude-hooks', `init.${shell}`);
}

/** `init <shell> --cache`: the integration, also kept in a file the start-up line sources
 *  without starting node; the file refreshes itself when the config or claude-hooks changes. */
export async function runInitCached(shell: Target): Promise<void> {
  const file = cacheFile(shell);
  const code = initCode(shell, { cacheFile: file });
  await writeFileAtomic(file, code, 0o600, false, true); // private, whatever an older version left
  writeStdout(code);
}

/** The integration's text, for direnv's library file or a cached copy when those are given. */
export function initCode(target: Target, files: { libFile?: string; cacheFile?: string } = {}): string {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    warn(`${err.message}; using the built-in profiles only`);
    config = builtinConfig();
  }
  return renderInit(target, config, { cli: selfCommand(), version: VERSION, ...files });
}
