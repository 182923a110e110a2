// What the status oracle tests share: the pinned Claude Code CLI, a case (settings files and
// environment) set up in a throw-away HOME, and the comparison of `claude-hooks status` with
// `claude auth status` on it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  /**
   * Any other files: `~/x` under HOME, `@/x` under the sandbox root, anything else under the
   * working directory's parent project (home/work/project). Strings are written as they are.
   */
  files?: Record<string, string | Buffer>;
  /** A bash script run in the sandbox root before the files are written ($HOME, $WORK, $ROOT set). */
  setup?: string;
  /** Where Claude Code starts, relative to the project directory (default: the project itself). */
  cwd?: string;
}

export function where(sb: { root: string; home: string }, work: string, path: string): string {
  if (path.startsWith('~/')) return join(sb.home, path.slice(2));
  if (path.startsWith('@/')) return join(sb.root, path.slice(2));
  return join(work, path);
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
  if (c.setup) execFileSync('bash', ['-c', c.setup], { cwd: sb.root, env: { PATH: process.env.PATH, HOME: sb.home, WORK: work, ROOT: sb.root }, stdio: 'pipe' });
  for (const [path, text] of Object.entries(c.files ?? {})) write(where(sb, work, path), text as string);
  const env = { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', ...(c.configDir ? { CLAUDE_CONFIG_DIR: userDir } : {}), ...subst(c.env ?? {}, sb.root) };
  return { sb, work: c.cwd ? join(work, c.cwd) : work, files, env };
}

/** `$ROOT` in a value stands for the sandbox root. */
function subst(env: Record<string, string>, root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replaceAll('$ROOT', root)]));
}

/** `claude auth status --json` in the case's sandbox, with stdin closed. */
export async function claudeAuthStatus(sb: ReturnType<typeof makeSandbox>, cwd: string, env: Record<string, string>, format: '--json' | '--text' = '--json') {
  return execa(CLAUDE, ['auth', 'status', format], { cwd, env: sb.env(env), extendEnv: false, reject: false, timeout: 30_000, stdin: 'ignore' });
}

/** The three answers `claude auth status` gives and `status --json` predicts. */
export interface Answer {
  provider: string;
  apiKeySource: string | null;
  authMethod: string;
}

/**
 * Our prediction first (Claude Code writes its global config, ~/.claude.json, as it runs),
 * checked to leave every file as it was; then the real CLI.
 */
export async function bothAnswers(c: Case): Promise<{ ours: Answer; theirs: Answer | { error: string }; stdout: string }> {
  const { sb, work, files, env } = setUp(c);
  // Digests: comparing 2 MiB buffers element by element takes vitest minutes.
  const snapshot = () => files.map((f) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : null));
  const before = snapshot();
  const run = await cli(sb, ['status', '--json', '--dir', work], env);
  expect(run.exitCode, run.stderr).toBe(0);
  // Strictly read-only: every file byte for byte.
  expect(snapshot()).toEqual(before);
  const predicted = JSON.parse(run.stdout) as Answer & { provider: string };
  const ours = { provider: predicted.provider, apiKeySource: predicted.apiKeySource, authMethod: predicted.authMethod };
  const real = await claudeAuthStatus(sb, work, env);
  let theirs: Answer | { error: string };
  try {
    const said = JSON.parse(real.stdout) as { apiProvider: string; apiKeySource?: string; authMethod: string };
    theirs = { provider: said.apiProvider, apiKeySource: said.apiKeySource ?? null, authMethod: said.authMethod };
  } catch {
    theirs = { error: `exit ${real.exitCode}: ${real.stderr.slice(0, 300)}` };
  }
  return { ours, theirs, stdout: run.stdout };
}

export async function compare(c: Case) {
  const { ours, theirs, stdout } = await bothAnswers(c);
  expect(ours, c.name).toEqual(theirs);
  expect(stdout).not.toContain(KEY);
}
