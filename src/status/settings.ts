// Claude Code's settings files, read strictly read-only, the way Claude Code 2.1.332 reads them
// (each rule checked against `claude auth status`; see docs/status.md):
// - where: locations.ts;
// - bytes: at most 2 MiB (2097152 bytes; a bigger file is ignored); a regular file only (a FIFO,
//   a device or a directory counts as no file, and is never read, so status cannot hang); a
//   UTF-8 or UTF-16LE byte order mark is skipped, any other encoding is read as UTF-8;
// - strict JSON: a comment, a trailing comma, an empty file, or anything but an object makes
//   Claude Code ignore the whole file, and so does a known key holding a JSON kind its schema
//   never accepts (settings-schema.ts, derived from the CLI by scripts/settings-schema.mjs),
//   except in a managed file;
// - `env` values become text as JavaScript's String() makes it: 1 -> "1", true -> "true",
//   null -> "null", [1, 2] -> "1,2", [] -> "", {} -> "[object Object]"; an object String()
//   cannot convert ({"toString": 1}) makes Claude Code ignore the whole file.
import { readBounded } from './read-bounded.js';
import { VOIDING_KINDS, type JsonKind } from './settings-schema.js';
import { settingsLocations, type Level } from './locations.js';

export type { Level } from './locations.js';
export { settingsLocations } from './locations.js';

/** Claude Code ignores a settings file bigger than this (bytes, byte order mark included). */
export const SETTINGS_SIZE_LIMIT = 2 * 1024 * 1024;

export interface SettingsFile {
  level: Level;
  path: string;
  state: 'missing' | 'ok' | 'invalid' | 'unreadable';
  /** Why Claude Code ignores the file, with line and column where JSON says. */
  problem?: string;
  env: Record<string, string>;
  /** The apiKeyHelper key when the file has one, empty included (an empty one turns a weaker one off). */
  apiKeyHelper?: string;
  awsCredentialExport?: string;
  awsAuthRefresh?: string;
}

type Env = Record<string, string | undefined>;

/** `userDir`: the config directory whose settings.json is the user's (locations.ts). */
export function readSettings(dir: string, env: Env = process.env, userDir?: string): SettingsFile[] {
  return settingsLocations(dir, env, userDir).map(({ level, path }) => readSettingsFile(level, path));
}

/** Text the way Claude Code decodes a settings file: one UTF-8 or UTF-16LE byte order mark skipped. */
export function decodeSettingsText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  return bytes.toString('utf8');
}

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean' | 'object';
}

/**
 * Arrays Claude Code's engine converts to text inside one another before it gives up: an array
 * or object element inside this many arrays becomes "" (measured on 2.1.332 with `claude auth
 * status --text`, which shows the GCP project as it took it: 62 arrays around "x" give "x", 63
 * give ""; 62 arrays around {} give "", 61 "[object Object]"; 62 arrays around {"toString": 1}
 * give "" where 61 make the file invalid). V8's String() has no such limit, and overflows its
 * stack on a few thousand, which would void a file Claude Code keeps.
 */
export const ARRAY_TEXT_DEPTH = 62;

/**
 * An env value as text, the way Claude Code's schema coerces it (JavaScript's String(), as its
 * engine does it); undefined when it cannot, which makes Claude Code reject the whole file: an
 * object of its own `toString` (JSON cannot make it a function, so String() throws), wherever it
 * is converted.
 */
export function envText(value: unknown): string | undefined {
  const text = (v: unknown, arrays: number): string | undefined => {
    if (v === null || typeof v !== 'object') return String(v);
    if (arrays >= ARRAY_TEXT_DEPTH) return '';
    if (!Array.isArray(v)) return Object.hasOwn(v, 'toString') ? undefined : '[object Object]';
    const parts: string[] = [];
    for (const element of v) {
      const part = element === null || element === undefined ? '' : text(element, arrays + 1);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return parts.join(',');
  };
  return text(value, 0);
}

export function readSettingsFile(level: Level, path: string): SettingsFile {
  const file: SettingsFile = { level, path, state: 'missing', env: {} };
  const read = readBounded(path, SETTINGS_SIZE_LIMIT);
  switch (read.kind) {
    case 'missing':
      return file;
    case 'too-large':
      return { ...file, state: 'unreadable', problem: `larger than Claude Code's limit for a settings file (${read.size} bytes, over ${SETTINGS_SIZE_LIMIT})` };
    case 'not-a-file':
      return { ...file, state: 'unreadable', problem: `${read.what}, not a file` };
    case 'unreadable':
      return { ...file, state: 'unreadable', problem: `unreadable (${read.code})` };
  }
  const text = decodeSettingsText(read.bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ...file, state: 'invalid', problem: `not valid JSON${jsonPosition(text, (err as Error).message)}: ${jsonReason((err as Error).message)}` };
  }
  if (jsonKind(data) !== 'object') return { ...file, state: 'invalid', problem: 'not a JSON object' };
  const obj = data as Record<string, unknown>;
  // Managed files are another matter: a wrongly-typed key there does not void the file
  // (checked by hand on 2.1.332, managed-settings.serial.test.ts in CI).
  for (const [key, value] of level === 'managed' ? [] : Object.entries(obj)) {
    const voiding = Object.hasOwn(VOIDING_KINDS, key) ? VOIDING_KINDS[key]! : [];
    if (voiding.includes(jsonKind(value))) return { ...file, state: 'invalid', problem: `invalid: "${key}" cannot be ${article(jsonKind(value))}` };
  }
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries((obj.env ?? {}) as Record<string, unknown>)) {
    const text = envText(value);
    if (text === undefined) return { ...file, state: 'invalid', problem: `invalid: "env".${JSON.stringify(name.slice(0, 64))} is an object that cannot be turned into text` };
    vars[name] = text;
  }
  const str = (k: string) => (typeof obj[k] === 'string' ? { [k]: obj[k] as string } : {});
  return { ...file, state: 'ok', env: vars, ...str('apiKeyHelper'), ...str('awsCredentialExport'), ...str('awsAuthRefresh') };
}

function article(kind: JsonKind): string {
  return kind === 'null' ? 'null' : kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`;
}

/** ` at line L, column C` from V8's JSON error, which gives a position (or line and column). */
function jsonPosition(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return ` at line ${lc[1]}, column ${lc[2]}`;
  if (text.trim() === '') return ' (the file is empty)';
  const pos = /at position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (at === undefined) return '';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

function jsonReason(message: string): string {
  return message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
}
