// The environment Claude Code ends up with: the shell's, then the global config's env, then each
// settings file's env from the weakest to the strongest, each value overwriting the one before
// (an empty value too: it unsets). Checked against 2.1.332; see docs/status.md.
import type { GlobalConfig } from './global-config.js';
import type { Level, SettingsFile } from './settings.js';

/** Where a value comes from: the shell's environment, or a file of Claude Code's. */
export type Origin = { kind: 'shell' } | { kind: 'settings'; level: Level; path: string };

export interface Effective {
  value: string;
  origin: Origin;
}

/**
 * Names a project's settings (.claude/settings.json and settings.local.json) cannot set: a
 * repository you clone must not pick your credentials, your endpoints or your cloud account.
 * Claude Code drops them from those files whatever the value, an empty one included, so the
 * shell's value stays. Measured with `claude auth status` (--text shows endpoints, resources
 * and regions): every name here but the four marked (binary) was seen ignored; those four are in
 * the same credential list of the 2.1.332 binary and cannot be seen offline.
 * Taken from a project: the CLAUDE_CODE_USE_* selectors, AWS_REGION, CLAUDE_CODE_SKIP_*_AUTH.
 */
export const PROJECT_REFUSED = new Set([
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'CLAUDE_CODE_OAUTH_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK', // (binary)
  'ANTHROPIC_FOUNDRY_API_KEY', // (binary)
  'ANTHROPIC_FOUNDRY_AUTH_TOKEN', // (binary)
  'ANTHROPIC_AWS_API_KEY', // (binary)
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_BEDROCK_BASE_URL',
  'ANTHROPIC_VERTEX_BASE_URL',
  'ANTHROPIC_FOUNDRY_BASE_URL',
  'ANTHROPIC_AWS_BASE_URL',
  'ANTHROPIC_GOOGLE_CLOUD_BASE_URL',
  'ANTHROPIC_BEDROCK_MANTLE_BASE_URL',
  'ANTHROPIC_AWS_WORKSPACE_ID',
  'ANTHROPIC_FOUNDRY_RESOURCE',
  'ANTHROPIC_VERTEX_PROJECT_ID',
  'CLOUD_ML_REGION',
]);

export function takenFrom(level: Level, name: string): boolean {
  return !((level === 'project' || level === 'local') && PROJECT_REFUSED.has(name.toUpperCase()));
}

/**
 * Whether Claude Code can put a file's env entry into its environment at all: a NUL character in
 * the name or the value (JSON's "\u0000") cannot be in an environment, and 2.1.332 passes such an
 * entry over, so the weaker value (another file's, or the shell's) stays. Measured with `claude
 * auth status`: "x\u0000y" as ANTHROPIC_API_KEY is no key, and "0\u0000" over the shell's
 * CLAUDE_CODE_USE_VERTEX=1 leaves Vertex on; in the global config's env alike.
 */
export function applicable(name: string, value: string): boolean {
  return !name.includes('\0') && !value.includes('\0');
}

type Env = Record<string, string | undefined>;

/** `settings` strongest first, as readSettings returns them; only files Claude Code keeps count. */
export function mergeEnv(shell: Env, global: GlobalConfig, settings: SettingsFile[]): Map<string, Effective> {
  const effective = new Map<string, Effective>();
  for (const [name, value] of Object.entries(shell)) if (value !== undefined) effective.set(name, { value, origin: { kind: 'shell' } });
  for (const [name, value] of Object.entries(global.env)) {
    if (applicable(name, value)) effective.set(name, { value, origin: { kind: 'settings', level: 'global', path: global.path } });
  }
  for (const file of [...settings].reverse()) {
    if (file.state !== 'ok') continue;
    for (const [name, value] of takenEntries(file)) effective.set(name, { value, origin: { kind: 'settings', level: file.level, path: file.path } });
  }
  return effective;
}

/**
 * The env entries Claude Code takes from a settings file. In a project's or a local file, names
 * that differ only in case are one name: the last written counts, under its own spelling, and the
 * others are passed over. Measured on 2.1.332 with `claude auth status`: a project's
 * {"CLAUDE_CODE_USE_VERTEX":"true","claude_code_use_vertex":"true"} leaves Vertex off, the other
 * order turns it on; an entry passed over for a NUL does not count. The user's and the global
 * config's env keep every spelling; the managed file's is taken as the user's (not measured).
 */
function takenEntries(file: SettingsFile): Array<[string, string]> {
  const entries = Object.entries(file.env).filter(([name, value]) => takenFrom(file.level, name) && applicable(name, value));
  if (file.level !== 'project' && file.level !== 'local') return entries;
  const last = new Map<string, [string, string]>();
  for (const entry of entries) {
    last.delete(entry[0].toUpperCase()); // re-added at the end: the order of the file is kept
    last.set(entry[0].toUpperCase(), entry);
  }
  return [...last.values()];
}
