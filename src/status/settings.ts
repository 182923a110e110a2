// Claude Code's settings files, read strictly read-only, the way Claude Code reads them
// (checked against the real CLI, 2.1.332; see docs/status.md):
// - levels, strongest first: managed, .claude/settings.local.json and .claude/settings.json in
//   the working directory (not its parents, not the git root), then the user's file in
//   $CLAUDE_CONFIG_DIR or ~/.claude;
// - strict JSON: a comment or a trailing comma makes Claude Code ignore the whole file, and so
//   does a known key of the wrong type (`env` not an object, `apiKeyHelper` not a string, ...);
// - `env` values may be strings, numbers or booleans, used as strings.
import { readFileSync } from 'node:fs';
import { platform } from 'node:os';
import { homeDir } from '../paths.js';
import { join } from 'node:path';

export type Level = 'managed' | 'local' | 'project' | 'user';

export interface SettingsFile {
  level: Level;
  path: string;
  state: 'missing' | 'ok' | 'invalid' | 'unreadable';
  /** Why Claude Code ignores the file, with line and column where JSON says. */
  problem?: string;
  env: Record<string, string>;
  apiKeyHelper?: string;
  awsCredentialExport?: string;
  awsAuthRefresh?: string;
}

type Env = Record<string, string | undefined>;

/** Where Claude Code looks, strongest first. */
export function settingsLocations(dir: string, env: Env = process.env): Array<{ level: Level; path: string }> {
  const managed =
    env.CLAUDE_HOOKS_MANAGED_SETTINGS ?? // tests only: the real path needs root to write
    (platform() === 'darwin' ? '/Library/Application Support/ClaudeCode/managed-settings.json' : '/etc/claude-code/managed-settings.json');
  const userDir = env.CLAUDE_CONFIG_DIR || join(homeDir(env), '.claude');
  return [
    { level: 'managed', path: managed },
    { level: 'local', path: join(dir, '.claude', 'settings.local.json') },
    { level: 'project', path: join(dir, '.claude', 'settings.json') },
    { level: 'user', path: join(userDir, 'settings.json') },
  ];
}

// Known keys Claude Code checks the type of; a wrong type there voids the whole file.
const STRING_KEYS = ['apiKeyHelper', 'awsCredentialExport', 'awsAuthRefresh', 'model', 'outputStyle', 'forceLoginMethod'];
const OBJECT_KEYS = ['env', 'permissions', 'hooks'];

export function readSettings(dir: string, env: Env = process.env): SettingsFile[] {
  return settingsLocations(dir, env).map(({ level, path }) => readOne(level, path));
}

function readOne(level: Level, path: string): SettingsFile {
  const file: SettingsFile = { level, path, state: 'missing', env: {} };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return file;
    return { ...file, state: 'unreadable', problem: `cannot be read (${code ?? 'error'})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ...file, state: 'invalid', problem: `not valid JSON${jsonPosition(text, (err as Error).message)}: ${jsonReason((err as Error).message)}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ...file, state: 'invalid', problem: 'not a JSON object' };
  }
  const obj = data as Record<string, unknown>;
  for (const key of STRING_KEYS) {
    if (key in obj && typeof obj[key] !== 'string') return { ...file, state: 'invalid', problem: `"${key}" must be a string` };
  }
  for (const key of OBJECT_KEYS) {
    const v = obj[key];
    if (key in obj && (typeof v !== 'object' || v === null || Array.isArray(v))) return { ...file, state: 'invalid', problem: `"${key}" must be an object` };
  }
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries((obj.env ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') vars[name] = String(value);
  }
  return {
    ...file,
    state: 'ok',
    env: vars,
    ...(typeof obj.apiKeyHelper === 'string' ? { apiKeyHelper: obj.apiKeyHelper } : {}),
    ...(typeof obj.awsCredentialExport === 'string' ? { awsCredentialExport: obj.awsCredentialExport } : {}),
    ...(typeof obj.awsAuthRefresh === 'string' ? { awsAuthRefresh: obj.awsAuthRefresh } : {}),
  };
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
