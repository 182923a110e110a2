import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { InputError } from '../errors.js';
import { homeDir, xdgDir } from '../paths.js';
import { BUILTIN_PROFILES } from './builtin.js';
import { looksSecret } from './managed.js';
import { ALLOWED_RULE, knownNames, profileMaySet } from './allowed-vars.js';
import { secretKind } from '../secrets.js';
import { planFor } from './plan.js';
import { PROFILE_FIELDS, PROFILE_NAME, REGION_FIELD_NAMES, REGION_NAME, REGION_RULE, SHELL_NAME, TOP_FIELDS, type FieldSpec, type ProfileField } from './schema.js';
import { backendSpec, BACKENDS, findBackend, type Backend } from './backends.js';
import type { Config, DirectoryRule, Profile, SecretSource } from './types.js';

export { PROFILE_NAME } from './schema.js';


type Env = Record<string, string | undefined>;

/** `$CLAUDE_HOOKS_CONFIG`, else `$XDG_CONFIG_HOME/claude-hooks/config.toml`, else `~/.config/...`. */
export function configPath(env: Env = process.env): string {
  if (env.CLAUDE_HOOKS_CONFIG) return env.CLAUDE_HOOKS_CONFIG;
  return join(xdgDir('XDG_CONFIG_HOME', env), 'claude-hooks', 'config.toml');
}



/** The path as a person would type it: `~/.config/...` when under HOME. */
export function displayPath(path: string, env: Env = process.env): string {
  const h = homeDir(env);
  return path === h || path.startsWith(h + '/') ? '~' + path.slice(h.length) : path;
}

/** Built-ins only: what `init` falls back to when the config cannot be used. */
export function builtinConfig(env: Env = process.env): Config {
  return { path: configPath(env), profiles: BUILTIN_PROFILES.map((p) => ({ ...p, env: {} })), directories: [] };
}

/** A parsed config plus the literal secrets it holds, which only `claude-hooks secret` reads. */
export interface LoadedConfig {
  config: Config;
  /** Literal secrets by `${profile}.${key}`; never rendered, never printed but by `secret`. */
  inlineSecrets: Map<string, string>;
  /** False when there is no file: the built-ins only. */
  exists: boolean;
}

/** Reads and validates the user's config. A missing file is not an error: built-ins only.
 *  Anything else wrong throws InputError with one line naming the file, key and what was expected. */
export function loadConfig(env: Env = process.env): Config {
  return loadConfigWithSecrets(env).config;
}

export function loadConfigWithSecrets(env: Env = process.env): LoadedConfig {
  const path = configPath(env);
  let text: string;
  let mode: number;
  try {
    ({ text, mode } = readConfigText(path));
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !env.CLAUDE_HOOKS_CONFIG) return { config: builtinConfig(env), inlineSecrets: new Map(), exists: false };
    throw new InputError(`${path}: cannot read the config (${code ?? String(err)})`);
  }
  return { ...parseConfigWithSecrets(text, path, env, mode), exists: true };
}

const MAX_CONFIG_BYTES = 1024 * 1024;

/** What a file is, for a person: `a FIFO`, `a directory`... */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/** The config's text and mode. Opened without blocking and checked on the open file itself, so
 *  a FIFO or a device (which would hang shell start-up, or never end) is refused, not read;
 *  bytes that are not UTF-8 are refused with their line, never read as U+FFFD. */
function readConfigText(path: string): { text: string; mode: number } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputError(`${path}: not a regular file (${kindOf(stat)}); expected the config as a TOML file`);
    if (stat.size > MAX_CONFIG_BYTES) throw new InputError(`${path}: ${stat.size} bytes; a config is at most ${MAX_CONFIG_BYTES} bytes`);
    const bytes = readFileSync(fd);
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), mode: stat.mode };
    } catch {
      throw new InputError(`${path}:${firstBadLine(bytes)}: not valid UTF-8; save the config as UTF-8`);
    }
  } finally {
    closeSync(fd);
  }
}

/** The 1-based line of the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}

/** `mode` is the file's permission bits, which decide whether literal secrets are allowed. */
export function parseConfig(text: string, path: string, env: Env = process.env, mode = 0o600): Config {
  return parseConfigWithSecrets(text, path, env, mode).config;
}

function parseConfigWithSecrets(text: string, path: string, env: Env, mode: number): Omit<LoadedConfig, 'exists'> {
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
  const lines = new LineFinder(text);
  const fail = (keyPath: string[], expected: string): never => {
    const line = lines.find(keyPath);
    throw new InputError(`${path}${line ? `:${line}` : ''}: ${formatPath(keyPath)}: ${expected}`);
  };

  for (const key of Object.keys(doc)) {
    if (!Object.hasOwn(TOP_FIELDS, key)) fail([key], `unknown key${didYouMean(key, Object.keys(TOP_FIELDS))}; expected ${Object.keys(TOP_FIELDS).join(', ')}`);
  }
  const allowInline = doc.allowInlineSecrets ?? false;
  if (typeof allowInline !== 'boolean') fail(['allowInlineSecrets'], `expected true or false, got ${typeOf(allowInline)}`);
  const privateFile = (mode & 0o077) === 0;
  const inlineSecrets = new Map<string, string>();
  // A literal secret passes only in a private file that says it wants them.
  // `kind` says what the value looks like when it was recognised by its value, not its name.
  const acceptSecret = (keyPath: string[], kind?: string) => {
    if (!allowInline) {
      fail(
        keyPath,
        `${kind ? `this looks like ${kind}: ` : ''}a literal secret in the config is refused: use apiKeyCommand = "op read op://vault/item/field" (or keep it in your environment); to allow it anyway, chmod 600 ${path} and set allowInlineSecrets = true`,
      );
    }
    if (!privateFile) {
      fail(keyPath, `allowInlineSecrets is on, but ${path} can be read by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`);
    }
  };

  const profiles = new Map<string, Profile>(BUILTIN_PROFILES.map((p) => [p.name, { ...p, env: {} }]));
  const rawProfiles = doc.profiles ?? {};
  if (!isTable(rawProfiles)) fail(['profiles'], 'expected [profiles.<name>] tables');
  for (const [name, raw] of Object.entries(rawProfiles as Record<string, unknown>)) {
    const at = ['profiles', name];
    if (!PROFILE_NAME.test(name)) fail(at, 'a profile name is lower-case letters, digits, "-" and "_", starting with a letter or digit, at most 64 long');
    if (!isTable(raw)) fail(at, `expected a table, got ${typeOf(raw)}`);
    const profile = readProfile(name, raw as Record<string, unknown>, profiles.get(name), (key, expected) => fail([...at, ...key], expected), (key, value, kind) => {
      acceptSecret([...at, ...key], kind);
      inlineSecrets.set(`${name}.${key.join('.')}`, value);
    });
    profiles.set(name, profile);
  }

  const directories: DirectoryRule[] = [];
  const rawDirs = doc.directories ?? {};
  if (!isTable(rawDirs)) fail(['directories'], 'expected a table of "path" = "profile"');
  const dirKeys = new Map<string, string>();
  for (const [key, value] of Object.entries(rawDirs as Record<string, unknown>)) {
    const at = ['directories', key];
    if (typeof value !== 'string') fail(at, `expected a profile name, got ${typeOf(value)}`);
    if (!profiles.has(value as string)) fail(at, `names profile "${value as string}", which is not defined; known: ${[...profiles.keys()].join(', ')}`);
    // The shells keep the map as text, a line a directory (bash 3.2): no control characters.
    if (/[\x00-\x1f\x7f]/.test(key)) fail(at, 'expected a directory without control characters (tab, newline, escape)');
    const dir = expandDir(key, env);
    if (!dir) fail(at, 'expected an absolute path or one starting with ~/');
    // "~/a", "/home/me/a/" and "/home/me//a" are one directory: which profile would win?
    const twin = dirKeys.get(dir as string);
    if (twin !== undefined) fail(at, `is the same directory as "${twin}"; keep one of them`);
    dirKeys.set(dir as string, key);
    directories.push({ dir: dir as string, profile: value as string });
  }

  const trustedDirectories = readTrustedDirectories(doc.trustedDirectories, env, fail);

  return { config: { path, profiles: [...profiles.values()], directories, ...(trustedDirectories.length ? { trustedDirectories } : {}) }, inlineSecrets };
}

function readProfile(
  name: string,
  raw: Record<string, unknown>,
  base: Profile | undefined,
  fail: (key: string[], expected: string) => never,
  acceptSecret: (key: string[], value: string, kind?: string) => void,
): Profile {
  const fields = Object.keys(PROFILE_FIELDS);
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(PROFILE_FIELDS, key)) fail([key], `unknown key${didYouMean(key, fields)}; expected one of ${fields.join(', ')}`);
  }
  let backend: Backend;
  const named = raw.backend === undefined ? undefined : typeof raw.backend === 'string' ? findBackend(raw.backend) : undefined;
  if (raw.backend === undefined) {
    if (!base) return fail(['backend'], `missing; expected one of ${BACKENDS.join(', ')}`);
    backend = base.backend;
  } else if (named) {
    backend = named.id;
  } else {
    return fail(['backend'], `expected one of ${BACKENDS.join(', ')}, got ${JSON.stringify(raw.backend)}`);
  }
  // [profiles.bedrock] fills in cb-bedrock: it cannot make cb-bedrock switch to another backend.
  if (base && BUILTIN_PROFILES.some((p) => p.name === name) && backend !== base.backend) {
    fail(['backend'], `[profiles.${name}] fills in the built-in ${name} profile, whose backend is ${base.backend}; name your ${backend} profile differently`);
  }
  const facts = backendSpec(backend);

  const profile: Profile = { name, backend, description: base?.description ?? '', env: {} };
  const secrets: SecretSource[] = [];
  const secretFields: string[] = [];
  for (const [key, value] of Object.entries(raw) as Array<[ProfileField, unknown]>) {
    const spec: FieldSpec = PROFILE_FIELDS[key];
    if (spec.backends && !spec.backends.includes(backend)) {
      fail([key], `only for backend${spec.backends.length > 1 ? 's' : ''} ${spec.backends.join(', ')}; this profile's backend is ${backend}`);
    }
    if (spec.type === 'env') {
      readEnv(value, (k, e) => fail([key, ...k], e)).forEach(([variable, v]) => {
        const kind = secretKind(v);
        if (looksSecret(variable) || kind) {
          acceptSecret([key, variable], v, kind ?? undefined);
          secrets.push({ variable, label: `${name}: env.${variable}`, inline: { profile: name, key: `env.${variable}` } });
        } else profile.env[variable] = v;
      });
      continue;
    }
    if (key === 'backend') continue;
    const text = readString(value, (e) => fail([key], e));
    switch (key) {
      case 'apiKeyCommand':
      case 'authTokenCommand': {
        if (!text.trim()) fail([key], 'expected a command, got an empty string');
        const variable = (key === 'authTokenCommand' ? facts.tokenVariable : facts.keyVariable) as string;
        // A command with a key written into it is itself a secret: read back at switch time and
        // run from there (render.ts), never written into the shell code.
        const kind = secretKind(text);
        if (kind) {
          acceptSecret([key], text, kind);
          secrets.push({ variable, label: `${name}: ${key}`, inline: { profile: name, key }, run: true });
        } else secrets.push({ variable, label: `${name}: ${key}`, command: text });
        break;
      }
      case 'apiKey':
        if (raw.apiKeyCommand !== undefined) fail([key], 'use apiKey or apiKeyCommand, not both');
        acceptSecret([key], text);
        secrets.push({ variable: facts.keyVariable as string, label: `${name}: apiKey`, inline: { profile: name, key } });
        break;
      default: {
        // The remaining fields are the profile's plain string values, stored under their own names;
        // one holding a secret (a password in baseUrl) is fetched at switch time instead.
        const kind = secretKind(text);
        if (!kind && REGION_FIELDS.has(key) && !REGION_NAME.test(text)) fail([key], `${REGION_RULE}, got ${JSON.stringify(text)}`);
        if (!kind) (profile as unknown as Record<string, string>)[key] = text;
        else if (key === 'description') fail([key], `this looks like ${kind}; a description is shown by cb-status and claude-hooks profiles: leave the secret out`);
        else {
          acceptSecret([key], text, kind);
          secretFields.push(key);
        }
      }
    }
  }
  // Your own profile says where its models are (a Bedrock region, a gateway's URL...); a built-in
  // one may take them from the environment.
  if (!BUILTIN_PROFILES.some((p) => p.name === name)) {
    for (const field of facts.configRequires) {
      if (!profile[field]) {
        const example = facts.require.find((r) => r.configExample.startsWith(`${field} =`))?.configExample ?? `${field} = "..."`;
        fail([field], `required for your own ${backend} profiles: add ${example}`);
      }
    }
  }
  for (const key of secretFields) {
    const variable = variableOf(profile, key);
    if (!variable) return fail([key], 'holds what looks like a secret, and sets no variable it could be fetched into');
    secrets.push({ variable, label: `${name}: ${key}`, inline: { profile: name, key } });
  }
  if (secrets.length) profile.secrets = secrets;
  return profile;
}

/** The fields that name a region, checked by the one region rule. */
const REGION_FIELDS: ReadonlySet<string> = new Set(REGION_FIELD_NAMES);

/** The variable a profile field sets, asked of the plan itself, so that a new backend needs no
 *  second table: the one whose value is a probe put in that field. */
function variableOf(profile: Profile, key: string): string | undefined {
  const probe = '\u0000probe';
  const plan = planFor({ ...profile, [key]: probe } as Profile, '');
  return plan.set.find(([, value]) => value === probe)?.[0];
}

function readString(value: unknown, fail: (expected: string) => never): string {
  if (typeof value !== 'string') return fail(`expected a string, got ${typeOf(value)}`);
  if (value.includes('\0')) fail('expected no NUL character (an environment variable cannot hold one)');
  return value;
}

function readEnv(value: unknown, fail: (key: string[], expected: string) => never): Array<[string, string]> {
  if (!isTable(value)) return fail([], `expected a table of NAME = "value", got ${typeOf(value)}`);
  return Object.entries(value as Record<string, unknown>).map(([variable, v]) => {
    if (!SHELL_NAME.test(variable)) fail([variable], 'expected a shell variable name (letters, digits, "_", not starting with a digit)');
    if (!profileMaySet(variable)) fail([variable], `not a variable Claude Code reads${didYouMean(variable, knownNames())}; ${ALLOWED_RULE}`);
    return [variable, readString(v, (e) => fail([variable], e))];
  });
}

/** `trustedDirectories = ["~/shared", "/workspace"]`: where markers of other owners count. */
function readTrustedDirectories(value: unknown, env: Env, fail: (keyPath: string[], expected: string) => never): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail(['trustedDirectories'], `expected a list of directories, like ["~/shared", "/workspace"], got ${typeOf(value)}`);
  return value.map((item, i) => {
    const dir = typeof item === 'string' ? expandDir(item, env) : undefined;
    return dir ?? fail(['trustedDirectories'], `item ${i + 1}: expected an absolute path or one starting with ~/, got ${typeof item === 'string' ? JSON.stringify(item) : typeOf(item)}`);
  });
}

function expandDir(key: string, env: Env): string | undefined {
  let dir = key;
  if (dir === '~' || dir.startsWith('~/')) dir = homeDir(env) + dir.slice(1);
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
  if (v instanceof Date) return 'a date';
  return `a ${typeof v}`;
}

/** `profiles.work.env.X`, quoting the parts a TOML key would need quoted. */
function formatPath(keyPath: string[]): string {
  return keyPath.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}

function didYouMean(word: string, known: string[]): string {
  // Lengths two apart are at least two edits apart: no need to measure (a 40 KB key against
  // every variable name Claude Code reads took seconds, at shell start-up too).
  const close = known.find((k) => Math.abs(word.length - k.length) <= 2 && editDistance(word.toLowerCase(), k.toLowerCase()) <= 2);
  return close ? ` (did you mean ${close}?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Best-effort line numbers for a key path, so an error points where the user has to fix it:
 *  the key's own line inside its table, else the table's header line. Lines are read with a
 *  small tokenizer, not regular expressions built from the keys: a key is the user's text, and
 *  one of 30 KB made such a pattern too large for V8 (a crash with a trace, at shell start-up
 *  too) and one of 20 KB took seconds to match. */
class LineFinder {
  private readonly lines: string[];
  constructor(text: string) {
    this.lines = text.split('\n');
  }

  find(keyPath: string[]): number | undefined {
    // The longest prefix of the path that is a [table] header, then the next key below it.
    for (let n = keyPath.length; n >= 1; n--) {
      const header = this.header(keyPath.slice(0, n));
      if (header === undefined) continue;
      const key = keyPath[n];
      if (key === undefined) return header + 1;
      for (let i = header + 1; i < this.lines.length && !/^\s*\[/.test(this.lines[i] ?? ''); i++) {
        if (firstKey(this.lines[i] ?? '') === key) return i + 1;
      }
      return header + 1;
    }
    // A top-level key: `key = ...`, or a table `[key.sub]` under it.
    const top = keyPath[0] ?? '';
    const i = this.lines.findIndex((l) => firstKey(l) === top || headerParts(l)?.[0] === top);
    return i >= 0 ? i + 1 : undefined;
  }

  private header(parts: string[]): number | undefined {
    const i = this.lines.findIndex((l) => {
      const found = headerParts(l);
      return found !== undefined && found.length === parts.length && found.every((p, k) => p === parts[k]);
    });
    return i >= 0 ? i : undefined;
  }
}

/** A key at `at` in `line`: quoted ("a.b", 'x') or bare (up to `.`, `=`, `]` or white space),
 *  with where it ends; undefined when there is none. Escapes in quoted keys are not decoded
 *  (best effort, as the line numbers are). */
function keyAt(line: string, at: number): { key: string; end: number } | undefined {
  let i = at;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const q = line[i];
  if (q === '"' || q === "'") {
    const close = line.indexOf(q, i + 1);
    return close < 0 ? undefined : { key: line.slice(i + 1, close), end: close + 1 };
  }
  let j = i;
  while (j < line.length && !'.=] \t'.includes(line[j]!)) j++;
  return j > i ? { key: line.slice(i, j), end: j } : undefined;
}

const skipBlank = (line: string, at: number) => {
  while (line[at] === ' ' || line[at] === '\t') at++;
  return at;
};

/** The first key of a `key = ...` or `key.sub = ...` line, or undefined. */
function firstKey(line: string): string | undefined {
  const k = keyAt(line, 0);
  if (!k) return undefined;
  const next = line[skipBlank(line, k.end)];
  return next === '=' || next === '.' ? k.key : undefined;
}

/** The dotted name of a `[table]` or `[[array]]` header line, as its parts, or undefined. */
function headerParts(line: string): string[] | undefined {
  let i = skipBlank(line, 0);
  if (line[i] !== '[') return undefined;
  i += line[i + 1] === '[' ? 2 : 1;
  const parts: string[] = [];
  for (;;) {
    const k = keyAt(line, i);
    if (!k) return undefined;
    parts.push(k.key);
    i = skipBlank(line, k.end);
    if (line[i] === ']') return parts;
    if (line[i] !== '.') return undefined;
    i++;
  }
}
