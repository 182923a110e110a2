// Claude Code's global config (~/.claude.json; locations.ts says which file), as far as it
// decides the backend and the key (checked against 2.1.332; see docs/status.md):
// - its `env` applies like a settings file's, weaker than every settings file but stronger
//   than the shell; only string, number and boolean values count (as text), anything else is
//   skipped, and an `env` that is not an object is skipped; the settings schema does not apply;
// - `primaryApiKey` (the key a /login to the Anthropic Console stores) is a key source when it
//   is truthy in JavaScript terms;
// - a file that is not JSON stops Claude Code (it reports the file corrupted and backs it up),
//   and so does a legacy .config.json that is not JSON next to a .claude.json.
import { existsSync } from 'node:fs';
import { readBounded } from './read-bounded.js';
import { jsonKind } from './settings.js';

export interface GlobalConfig {
  path: string;
  state: 'missing' | 'ok' | 'invalid' | 'unreadable';
  problem?: string;
  env: Record<string, string>;
  /** A /login key is stored (never its value: only that there is one). */
  hasPrimaryApiKey: boolean;
}

// The global config is Claude Code's own file; no size limit applies to it that we know of,
// but we read no more than this.
const LIMIT = 64 * 1024 * 1024;

export function readGlobalConfig(paths: { legacy: string; current: string }): GlobalConfig {
  const legacy = readBounded(paths.legacy, LIMIT);
  // An empty (0-byte) legacy file is passed over; one byte (white space, a byte order mark) is
  // enough to make it win (measured on 2.1.332: test/attack-cli-2.status.test.ts).
  const useLegacy = (legacy.kind === 'bytes' && legacy.bytes.length > 0) || legacy.kind === 'too-large';
  const path = useLegacy ? paths.legacy : paths.current;
  const config: GlobalConfig = { path, state: 'missing', env: {}, hasPrimaryApiKey: false };
  const read = useLegacy ? legacy : readBounded(path, LIMIT);
  if (read.kind === 'missing') return config;
  // A directory is passed over; a FIFO makes Claude Code 2.1.332 wait on it forever.
  if (read.kind === 'not-a-file') return read.what === 'a directory' ? config : { ...config, state: 'unreadable', problem: `${read.what}, not a file: Claude Code waits on it and never starts` };
  if (read.kind !== 'bytes') return { ...config, state: 'unreadable', problem: read.kind === 'too-large' ? 'too large' : `unreadable (${read.code})` };
  // A UTF-8 byte order mark is skipped; UTF-16 is not decoded (2.1.332 calls such a file corrupted).
  const text = read.bytes.toString('utf8', read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf ? 3 : 0);
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    const twoFiles = useLegacy && existsSync(paths.current) ? `, and ${paths.current} is there too` : '';
    return { ...config, state: 'invalid', problem: `not valid JSON${twoFiles}: Claude Code stops with an error` };
  }
  if (jsonKind(data) !== 'object') return { ...config, state: 'ok' };
  const obj = data as Record<string, unknown>;
  const env: Record<string, string> = {};
  if (jsonKind(obj.env) === 'object') {
    for (const [name, value] of Object.entries(obj.env as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') env[name] = String(value);
    }
  }
  return { ...config, state: 'ok', env, hasPrimaryApiKey: Boolean(obj.primaryApiKey) };
}
