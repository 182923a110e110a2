import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError } from './errors.js';

type Env = Record<string, string | undefined>;

/** The directory `command` runs in, named as the shell names it: $PWD when that is this very
 *  directory (as `pwd -L` decides: absolute, no . or .. in it, the same file), else the
 *  system's name for it. In a symlinked directory the two differ, and the shell hooks walk up
 *  from $PWD to find a marker: status and doctor must look where they look.
 *  A directory removed since the shell entered it has no name at all, and one deeper than the
 *  system's limit none it can give: one line saying which. */
export function currentDir(command: string, env: Env = process.env): string {
  let real: string;
  try {
    real = process.cwd();
  } catch (err) {
    // getcwd cannot give a name longer than the system allows (PATH_MAX: 4096 on Linux), and
    // nothing can be opened by such a name: say that, not that the directory is gone.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      const length = env.PWD && isAbsolute(env.PWD) ? ` (${env.PWD.length} characters)` : '';
      throw new InputError(`${command}: the current directory's name is longer than the system allows${length}; cd to one with a shorter name, or name one with --dir`);
    }
    throw new InputError(`${command}: the current directory no longer exists (removed or moved since the shell entered it); cd to one that does, or name one with --dir`);
  }
  const pwd = env.PWD;
  if (pwd && isAbsolute(pwd) && !pwd.split('/').some((part) => part === '.' || part === '..')) {
    try {
      const a = statSync(pwd);
      const b = statSync(real);
      // bash keeps a leading // (`cd //srv`): one directory, one name.
      const name = pwd.replace(/\/{2,}/g, '/');
      if (a.dev === b.dev && a.ino === b.ino) return name.length > 1 ? name.replace(/\/$/, '') : name;
    } catch {
      // $PWD names nothing (any more): the system's name
    }
  }
  return real;
}

/** `dir` from the command line as an absolute path: relative ones from currentDir. */
export function absoluteDir(command: string, dir: string, env: Env = process.env): string {
  return isAbsolute(dir) ? resolve(dir) : resolve(currentDir(command, env), dir);
}
