import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, normalize } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { InputError } from '../errors.js';
import { BUILTIN_PROFILES } from './builtin.js';
import { looksSecret } from './managed.js';
import { BACKENDS, type Backend, type Config, type DirectoryRule, type Profile } from './types.js';

export const PROFILE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Variables a profile may not set: they would change how the shell itself or every program
// started from it behaves, far beyond choosing a Claude Code backend.
const FORBIDDEN_VARS =
  /^(PATH|HOME|SHELL|USER|LOGNAME|IFS|ENV|BASH_ENV|CDPATH|PS[0-4]|PROMPT_COMMAND|PROMPT|RPROMPT|ZDOTDIR|FPATH|TERM|TMPDIR|LD_.*|DYLD_.*|BASH.*|SHELLOPTS|GLOBIGNORE|HIST.*|NODE_OPTIONS|CLAUDE_HOOKS_.*|_cb_.*|fish_.*|__fish.*)$/;

const STRING_KEYS = [
  'description',
  'region',
  'awsProfile',
  'projectId',
  'resource',
  'baseUrl',
  'model',
  'opusModel',
  'sonnetModel',
  'haikuModel',
  'smallFastModel',
  'smallFastModelRegion',
] as const;
const PROFILE_KEYS = new Set<string>(['backend', 'env', ...STRING_KEYS]);

type Env = Record<string, string | undefined>;

/** `$CLAUDE_HOOKS_CONFIG`, else `$XDG_CONFIG_HOME/claude-hooks/config.toml`, else `~/.config/...`. */
export function configPath(env: Env = process.env): string {
  if (env.CLAUDE_HOOKS_CONFIG) return env.CLAUDE_HOOKS_CONFIG;
  // The XDG spec says a relative XDG_CONFIG_HOME is to be ignored.
  const xdg = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home(env), '.config');
  return join(xdg, 'claude-hooks', 'config.toml');
}

function home(env: Env): string {
  return env.HOME || homedir();
}

/** The path as a person would type it: `~/.config/...` when under HOME. */
export function displayPath(path: string, env: Env = process.env): string {
  const h = home(env);
  return path === h || path.startsWith(h + '/') ? '~' + path.slice(h.length) : path;
}

/** Built-ins only: what `init` falls back to when the config cannot be used. */
export function builtinConfig(env: Env = process.env): Config {
  return { path: configPath(env), profiles: BUILTIN_PROFILES.map((p) => ({ ...p, env: {} })), directories: [] };
}

/** Reads and validates the user's config. A missing file is not an error: built-ins only.
 *  Anything else wrong throws InputError with one line naming the file, key and what was expected. */
export function loadConfig(env: Env = process.env): Config {
  const path = configPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !env.CLAUDE_HOOKS_CONFIG) return builtinConfig(env);
    throw new InputError(`${path}: cannot read the config (${code ?? String(err)})`);
  }
  return parseConfig(text, path, env);
}

export function parseConfig(text: string, path: string, env: Env = process.env): Config {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof TomlError) {
      const first = err.message.split('\n')[0] ?? 'invalid TOML';
      throw new InputError(`${path}:${err.line}:${err.column}: not valid TOML: ${first.replace(/^Invalid TOML document: /, '')}`);
    }
    throw err;
  }
  const fail = (keyPath: string, expected: string, line?: number): never => {
    throw new InputError(`${path}${line ? `:${line}` : ''}: ${keyPath}: ${expected}`);
  };

  for (const key of Object.keys(doc)) {
    if (key !== 'profiles' && key !== 'directories') {
      fail(key, 'unknown key; expected [profiles.<name>] tables and a [directories] table', lineOfKey(text, key));
    }
  }

  const profiles = new Map<string, Profile>(BUILTIN_PROFILES.map((p) => [p.name, { ...p, env: {} }]));
  const rawProfiles = doc.profiles ?? {};
  if (!isTable(rawProfiles)) fail('profiles', 'expected a table of [profiles.<name>] tables');
  for (const [name, raw] of Object.entries(rawProfiles as Record<string, unknown>)) {
    const at = `profiles.${name}`;
    const line = lineOfTable(text, at);
    if (!PROFILE_NAME.test(name)) fail(at, 'profile names are lower-case letters, digits, "-" and "_", starting with a letter or digit', line);
    if (!isTable(raw)) fail(at, 'expected a table', line);
    profiles.set(name, readProfile(name, raw as Record<string, unknown>, profiles.get(name), (k, e) => fail(`${at}.${k}`, e, line)));
  }

  const directories: DirectoryRule[] = [];
  const rawDirs = doc.directories ?? {};
  if (!isTable(rawDirs)) fail('directories', 'expected a table of "path" = "profile"');
  for (const [key, value] of Object.entries(rawDirs as Record<string, unknown>)) {
    const at = `directories."${key}"`;
    const line = lineOfTable(text, 'directories');
    if (typeof value !== 'string') fail(at, 'expected a profile name (a string)', line);
    if (!profiles.has(value as string)) fail(at, `names profile "${value as string}", which is not defined; known: ${[...profiles.keys()].join(', ')}`, line);
    const dir = expandDir(key, env);
    if (!dir) fail(at, 'expected an absolute path or one starting with ~/', line);
    directories.push({ dir: dir as string, profile: value as string });
  }

  return { path, profiles: [...profiles.values()], directories };
}

function readProfile(
  name: string,
  raw: Record<string, unknown>,
  base: Profile | undefined,
  fail: (key: string, expected: string) => never,
): Profile {
  for (const key of Object.keys(raw)) {
    if (!PROFILE_KEYS.has(key)) fail(key, `unknown key; expected one of ${[...PROFILE_KEYS].join(', ')}`);
  }
  let backend: Backend;
  if (raw.backend === undefined) {
    if (!base) return fail('backend', `missing; expected one of ${BACKENDS.join(', ')}`);
    backend = base.backend;
  } else if (typeof raw.backend === 'string' && (BACKENDS as readonly string[]).includes(raw.backend)) {
    backend = raw.backend as Backend;
  } else {
    return fail('backend', `expected one of ${BACKENDS.join(', ')}, got ${JSON.stringify(raw.backend)}`);
  }

  const profile: Profile = { name, backend, description: base?.description ?? '', env: {} };
  for (const key of STRING_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') fail(key, `expected a string, got ${typeOf(value)}`);
    if ((value as string).includes('\0')) fail(key, 'expected no NUL character');
    profile[key] = value as string;
  }

  const env = raw.env ?? {};
  if (!isTable(env)) fail('env', 'expected a table of NAME = "value"');
  for (const [varName, value] of Object.entries(env as Record<string, unknown>)) {
    const key = `env.${varName}`;
    if (!SHELL_NAME.test(varName)) fail(key, 'expected a shell variable name (letters, digits, "_", not starting with a digit)');
    if (FORBIDDEN_VARS.test(varName)) fail(key, 'this variable changes how your shell or every program runs; a profile may not set it');
    if (looksSecret(varName)) {
      fail(key, 'looks like a secret, and secrets are never written into shell code; keep it in your own environment or a password manager');
    }
    if (typeof value !== 'string') fail(key, `expected a string, got ${typeOf(value)}`);
    if ((value as string).includes('\0')) fail(key, 'expected no NUL character');
    profile.env[varName] = value as string;
  }
  return profile;
}

function expandDir(key: string, env: Env): string | undefined {
  let dir = key;
  if (dir === '~' || dir.startsWith('~/')) dir = home(env) + dir.slice(1);
  if (!isAbsolute(dir) || dir.includes('\0')) return undefined;
  dir = normalize(dir);
  return dir.length > 1 ? dir.replace(/\/+$/, '') : dir;
}

function isTable(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function typeOf(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (isTable(v)) return 'a table';
  return `a ${typeof v}`;
}

// Best-effort line numbers, so an error points at the table the user has to fix.
function lineOfTable(text: string, dotted: string): number | undefined {
  const lines = text.split('\n');
  const [head, ...rest] = dotted.split('.');
  const pattern = new RegExp(`^\\s*\\[\\s*${escape(head ?? '')}${rest.map((r) => `\\s*\\.\\s*["']?${escape(r)}["']?`).join('')}\\s*\\]`);
  const i = lines.findIndex((l) => pattern.test(l));
  return i >= 0 ? i + 1 : undefined;
}

function lineOfKey(text: string, key: string): number | undefined {
  const i = text.split('\n').findIndex((l) => new RegExp(`^\\s*\\[?\\s*${escape(key)}\\b`).test(l));
  return i >= 0 ? i + 1 : undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
