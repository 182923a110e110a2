import { chmodSync, mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { xdgDir } from './paths.js';
import { InputError } from './errors.js';
import { builtinConfig, configPath, displayPath, loadConfig } from './profiles/config.js';
import { clipLine, inline } from './sanitize.js';
import { maskSecrets } from './secrets.js';
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

/** The stamps beside a cached copy: empty files whose modification time is exactly that of the
 *  config and of the CLI the copy was made from (a missing stamp: there was no config). A load
 *  compares them with builtins alone (`-nt` both ways): any other file in their place, older or
 *  newer, removed or new, makes it refresh. Not "newer than the cache": `cp -p` of an older
 *  config, `rm` of it, or an npm install (its files dated from the tarball) would go unseen. */
export function cacheStamps(file: string): { config: string; cli: string } {
  return { config: `${file}.config-time`, cli: `${file}.cli-time` };
}

export function mtimeNs(path: string): bigint | undefined {
  try {
    return statSync(path, { bigint: true }).mtimeNs;
  } catch {
    return undefined;
  }
}

/** PATH without its relative and empty entries. */
function absolutePath(path: string | undefined): string {
  return (path ?? '').split(delimiter).filter((dir) => isAbsolute(dir)).join(delimiter) || '/usr/bin:/bin';
}

/** Copies `from`'s modification time onto `stamp` to the nanosecond (`touch -r`: node's utimes
 *  rounds), or removes the stamp when there is no `from` or it changed since `seen`. */
export async function stampLike(stamp: string, from: string, seen: bigint | undefined): Promise<void> {
  // Right already (the config or the CLI did not change since the last copy): no `touch`, which
  // is a process of a few milliseconds at start-up.
  if (seen !== undefined && mtimeNs(stamp) === seen) return;
  rmSync(stamp, { force: true });
  if (seen === undefined) return;
  writeFileSync(stamp, '', { mode: 0o600 });
  const { execFileSync } = await import('node:child_process');
  // A new terminal runs this in whatever directory it opens in, a cloned repository's perhaps:
  // `touch` is looked up only in the absolute directories of PATH, from /. A relative entry
  // (node_modules/.bin, ./bin) or an empty one (the current directory) would find the
  // repository's own `touch` and run it.
  execFileSync('touch', ['-r', from, stamp], { stdio: 'ignore', cwd: '/', env: { ...process.env, PATH: absolutePath(process.env.PATH) } });
  if (mtimeNs(stamp) !== seen || mtimeNs(from) !== seen) rmSync(stamp, { force: true }); // changed meanwhile: stale at once
}

/** Makes the cache's directory (0700, whatever the umask), or checks the one there: a new shell
 *  sources the file in it. One another user owns (an XDG_CACHE_HOME on shared storage, made by
 *  someone else first) lets them put their file in the place of ours: refused, with the reason
 *  for the one-line warning. One of ours that anyone may write into (made under umask 0) is
 *  made private. (The start-up line also runs only a file the user owns.) */
function privateCacheDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = statSync(dir);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) throw Object.assign(new Error('owned by another user'), { code: 'owned by another user' });
  if (info.mode & 0o022) chmodSync(dir, 0o700);
}

/** `init <shell> --cache`: the integration, also kept in a file the start-up line sources
 *  without starting node; the file refreshes itself when the config or claude-hooks changes.
 *  When the file cannot be written (a read-only HOME, a full disk, ~/.cache a file), the
 *  integration still loads, without the cache, and one line says why. */
export async function runInitCached(shell: Exclude<Target, 'direnv'>, prefix?: string): Promise<void> {
  const file = cacheFile(shell);
  const stamps = cacheStamps(file);
  const configFile = configPath();
  const cliFile = selfCommand().at(-1)!;
  const seen = { config: mtimeNs(configFile), cli: mtimeNs(cliFile) };
  const code = initCode(shell, { cacheFile: file, prefix });
  try {
    privateCacheDir(dirname(file));
    // Loaded here, not with this file: `init` without --cache (every start-up that has no
    // cache) then does not load node:fs/promises.
    const { writeFileAtomic } = await import('./files.js');
    await writeFileAtomic(file, code, 0o600, false, true); // private, whatever an older version left
    await stampLike(stamps.config, configFile, seen.config);
    await stampLike(stamps.cli, cliFile, seen.cli);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    warn(`cannot write the cache ${displayPath(file)} (${reason}); loading without it`);
    writeStdout(initCode(shell, { prefix }));
    return;
  }
  writeStdout(code);
}

/** The config for `init`, or the built-ins and why: a broken config must never break shell
 *  start-up (or a direnv load). Not for cb-reload (CLAUDE_HOOKS_RELOADING set), in a shell that
 *  has its profiles already: there the built-ins would replace them, and switch off a profile of
 *  the user's own as gone. It says what is wrong in one line, and the shell keeps what it has. */
function configForInit(): { config: Config; warning?: string } {
  try {
    return { config: loadConfig() };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    if (process.env.CLAUDE_HOOKS_RELOADING) {
      warn(err.message);
      process.exit(2);
    }
    return { config: builtinConfig(), warning: `${err.message}; using the built-in profiles only` };
  }
}

/** The integration's text, for direnv's library file or a cached copy when those are given.
 *  A broken config is said on stderr now, or, in a cached copy, by the copy at every load. */
export function initCode(target: Target, files: { libFile?: string; cacheFile?: string; prefix?: string | undefined } = {}): string {
  const { config, warning } = configForInit();
  const { prefix, ...paths } = files;
  if (warning && !paths.cacheFile) warn(warning);
  const configWarning = warning && paths.cacheFile ? `claude-hooks: ${inline(clipLine(maskSecrets(warning)))}` : '';
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
  return renderInit(target, config, { cli: selfCommand(), version: VERSION, ...paths, configWarning, ...(commandPrefix ? { commandPrefix } : {}) });
}
