import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { InputError } from './errors.js';
import { fileURLToPath } from 'node:url';

/** The package's root directory, from wherever this code runs: the bundled dist/ (flat) or
 *  src/ under the tests (nested). Templates, the schema and package.json live there. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('claude-hooks: cannot find its own package.json');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();

type Env = Record<string, string | undefined>;

/** The user's home: $HOME, else what the system says. */
export function homeDir(env: Env = process.env): string {
  return env.HOME || homedir();
}

/** An XDG base directory: the variable when it is absolute (the spec says a relative one is
 *  to be ignored), else its default under the home directory. */
export function xdgDir(variable: 'XDG_CONFIG_HOME' | 'XDG_CACHE_HOME', env: Env = process.env): string {
  const value = env[variable];
  if (value && isAbsolute(value)) return value;
  return join(homeDir(env), variable === 'XDG_CONFIG_HOME' ? '.config' : '.cache');
}

/** `dir` (default: the working directory) as an absolute path; one line instead of a trace when
 *  the working directory has been removed under the shell (process.cwd() throws ENOENT). */
export function absoluteDir(command: string, dir: string | undefined): string {
  if (dir !== undefined && isAbsolute(dir)) return resolve(dir);
  let here: string;
  try {
    here = process.cwd();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`${command}: the current directory is gone (${code}); cd to one, or name it with --dir`);
  }
  return dir === undefined ? here : resolve(here, dir);
}
