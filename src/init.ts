import { realpathSync } from 'node:fs';
import { InputError } from './errors.js';
import { builtinConfig, loadConfig } from './profiles/config.js';
import type { Config } from './profiles/types.js';
import { renderInit } from './shells/render.js';
import type { Target } from './shells/types.js';
import { VERSION } from './version.js';

/** The command line that runs this CLI again, for `cb-reload` in the generated code. */
function selfCommand(): string[] {
  const script = process.argv[1];
  return script ? [process.execPath, realpathSync(script)] : ['claude-hooks'];
}

/** `claude-hooks init <shell>`: prints the integration. A broken config must never break
 *  shell start-up (or a direnv load), so it warns on stderr and falls back to the built-ins. */
export function runInit(target: Target): void {
  process.stdout.write(initCode(target));
}

/** The integration's text; `libFile` when it is being written as direnv's library. */
export function initCode(target: Target, libFile?: string): string {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`claude-hooks: ${err.message}; using the built-in profiles only\n`);
    config = builtinConfig();
  }
  return renderInit(target, config, { cli: selfCommand(), version: VERSION, ...(libFile ? { libFile } : {}) });
}
