// Where Claude Code looks for its settings, its global config and its logins (checked against
// 2.1.332; see docs/status.md).
import { readdirSync } from 'node:fs';
import { platform } from 'node:os';
import { join, resolve } from 'node:path';
import { homeDir } from '../paths.js';
import { repositoryLocalSettings } from './git-root.js';

export type Level = 'managed' | 'local' | 'project' | 'user' | 'global';

type Env = Record<string, string | undefined>;

/**
 * The home directory Claude Code started in `dir` takes: $HOME as it is, relative to `dir` when
 * relative (measured: HOME=../.. reads ../../.claude/settings.json from where it starts).
 * Claude Code takes it once, at start: an env block that sets HOME moves nothing.
 */
export function claudeHome(dir: string, env: Env): string {
  return resolve(dir, homeDir(env));
}

/**
 * Claude Code's config directory: $CLAUDE_CONFIG_DIR taken as it is, relative to the working
 * directory when relative (no ~ expansion; an empty value is the working directory itself),
 * else ~/.claude. `set` is CLAUDE_CONFIG_DIR where it is not the shell's: 2.1.332 reads the
 * user settings where the global config's env puts it, and the login where the env of every
 * file but a project's puts it (predict.ts).
 */
export function configDir(dir: string, env: Env, set: string | undefined = env.CLAUDE_CONFIG_DIR): string {
  return set === undefined ? join(claudeHome(dir, env), '.claude') : resolve(dir, set);
}

/**
 * The global config (~/.claude.json): `.config.json` in the config directory when that file
 * exists and is not empty (the legacy name, which then wins outright; global-config.ts decides), else `.claude.json` in $CLAUDE_CONFIG_DIR
 * when it is set and not empty, else ~/.claude.json.
 */
export function globalConfigPaths(dir: string, env: Env): { legacy: string; current: string } {
  const set = env.CLAUDE_CONFIG_DIR;
  return {
    legacy: join(configDir(dir, env), '.config.json'),
    current: set ? join(resolve(dir, set), '.claude.json') : join(claudeHome(dir, env), '.claude.json'),
  };
}

/** The claude.ai login: `.credentials.json` in the config directory (which one: predict.ts). */
export function credentialsPath(configDirectory: string): string {
  return join(configDirectory, '.credentials.json');
}

export function managedSettingsPath(env: Env): string {
  return (
    env.CLAUDE_HOOKS_MANAGED_SETTINGS ?? // tests only: the real path needs root to write
    (platform() === 'darwin' ? '/Library/Application Support/ClaudeCode/managed-settings.json' : '/etc/claude-code/managed-settings.json')
  );
}

/** managed-settings.d/*.json next to the managed file, in the order Claude Code applies them. */
export function managedDropIns(env: Env): string[] {
  const dropIn = join(managedSettingsPath(env), '..', 'managed-settings.d');
  try {
    return readdirSync(dropIn)
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .sort()
      .map((name) => join(dropIn, name));
  } catch {
    return [];
  }
}

/** The managed settings files, strongest first: the drop-ins, the last in name order first,
 *  then managed-settings.json. */
export function managedSettingsFiles(env: Env): string[] {
  return [...managedDropIns(env).reverse(), managedSettingsPath(env)];
}

/**
 * Every settings file Claude Code reads for Claude Code started in `dir`, strongest first:
 * managed (the drop-ins, the last in name order strongest, then managed-settings.json),
 * settings.local.json of the repository root (when `dir` is below it), settings.local.json and
 * settings.json of `dir` itself (not of its parents), and the user's settings.json.
 */
export function settingsLocations(dir: string, env: Env = process.env, userDir: string = configDir(dir, env)): Array<{ level: Level; path: string }> {
  const repoLocal = repositoryLocalSettings(dir);
  return [
    ...managedSettingsFiles(env).map((path) => ({ level: 'managed' as const, path })),
    ...(repoLocal ? [{ level: 'local' as const, path: repoLocal }] : []),
    { level: 'local', path: join(dir, '.claude', 'settings.local.json') },
    { level: 'project', path: join(dir, '.claude', 'settings.json') },
    { level: 'user', path: join(userDir, 'settings.json') },
  ];
}
