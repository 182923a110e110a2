// What the status oracle tests share: the pinned Claude Code CLI, a case (settings files and
// environment) set up in a throw-away HOME, and the comparison of `claude-hooks status` with
// `claude auth status` on it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { expect } from 'vitest';
import { ROOT, cli, makeSandbox } from './sandbox.js';

/** The pinned CLI, or another version's (`npm run truth -- --claude-version X` sets this). */
export const CLAUDE = process.env.CLAUDE_HOOKS_CLAUDE || join(ROOT, 'node_modules', '.bin', 'claude');

function claudeWorks(): boolean {
  try {
    return existsSync(CLAUDE) && readFileSync(join(CLAUDE, '..', '..', '@anthropic-ai', 'claude-code', 'package.json'), 'utf8').includes('"version"');
  } catch {
    return false;
  }
}

export const available = claudeWorks();
if (!available) {
  if (process.env.CI === 'true') throw new Error('the Claude Code CLI (devDependency @anthropic-ai/claude-code) is missing, and CI=true requires it');
  console.warn('\n  SKIPPING the status oracle: node_modules/.bin/claude is missing (npm ci installs it)\n');
}

export interface Case {
  name: string;
  env?: Record<string, string>;
  user?: string;
  project?: string;
  local?: string;
  /** Settings files written under a parent of the working directory, which Claude Code does not read. */
  parentProject?: string;
  /** The user settings under $CLAUDE_CONFIG_DIR instead of ~/.claude. */
  configDir?: boolean;
  /** A directory where the user settings file would be: unreadable as a file. */
  userIsDirectory?: boolean;
}

export const KEY = 'sk-ant-api03-oracle-key-000000001234';
export const S = (o: unknown) => JSON.stringify(o);

export function setUp(c: Case) {
  const sb = makeSandbox();
  const work = join(sb.home, 'work', 'project');
  mkdirSync(work, { recursive: true });
  const files: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    files.push(path);
  };
  const userDir = c.configDir ? join(sb.root, 'claude-config') : join(sb.home, '.claude');
  if (c.user !== undefined) write(join(userDir, 'settings.json'), c.user);
  if (c.userIsDirectory) mkdirSync(join(userDir, 'settings.json'), { recursive: true });
  if (c.project !== undefined) write(join(work, '.claude', 'settings.json'), c.project);
  if (c.local !== undefined) write(join(work, '.claude', 'settings.local.json'), c.local);
  if (c.parentProject !== undefined) write(join(sb.home, 'work', '.claude', 'settings.json'), c.parentProject);
  const env = { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', ...(c.configDir ? { CLAUDE_CONFIG_DIR: userDir } : {}), ...c.env };
  return { sb, work, files, env };
}

export async function compare(c: Case) {
  const { sb, work, files, env } = setUp(c);
  const before = files.map((f) => readFileSync(f));
  const real = await execa(CLAUDE, ['auth', 'status', '--json'], { cwd: work, env: sb.env(env), extendEnv: false, reject: false, timeout: 30_000 });
  const said = JSON.parse(real.stdout) as { apiProvider: string; apiKeySource?: string; authMethod: string };
  const ours = await cli(sb, ['status', '--json', '--dir', work], env);
  expect(ours.exitCode, ours.stderr).toBe(0);
  const predicted = JSON.parse(ours.stdout) as { provider: string; apiKeySource: string | null; authMethod: string };
  expect({ provider: predicted.provider, apiKeySource: predicted.apiKeySource, authMethod: predicted.authMethod }, c.name).toEqual({
    provider: said.apiProvider,
    apiKeySource: said.apiKeySource ?? null,
    authMethod: said.authMethod,
  });
  // Strictly read-only: every settings file byte for byte.
  expect(files.map((f) => readFileSync(f))).toEqual(before);
  expect(ours.stdout).not.toContain(KEY);
}
