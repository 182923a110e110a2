// claude-hooks status against the real Claude Code CLI: for every case, the provider and the
// key source (and the auth method) we predict must be what `claude auth status` says, offline,
// in a throw-away HOME. The CLI is the pinned dev dependency @anthropic-ai/claude-code.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, makeSandbox } from './helpers/sandbox.js';

const CLAUDE = join(ROOT, 'node_modules', '.bin', 'claude');

function claudeWorks(): boolean {
  try {
    return existsSync(CLAUDE) && readFileSync(join(ROOT, 'node_modules', '@anthropic-ai', 'claude-code', 'package.json'), 'utf8').includes('"version"');
  } catch {
    return false;
  }
}

const available = claudeWorks();
if (!available) {
  if (process.env.CI === 'true') throw new Error('the Claude Code CLI (devDependency @anthropic-ai/claude-code) is missing, and CI=true requires it');
  console.warn('\n  SKIPPING the status oracle: node_modules/.bin/claude is missing (npm ci installs it)\n');
}

interface Case {
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

const KEY = 'sk-ant-api03-oracle-key-000000001234';
const S = (o: unknown) => JSON.stringify(o);

const CASES: Case[] = [
  { name: 'nothing at all' },
  { name: 'ANTHROPIC_API_KEY in the shell', env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'an empty ANTHROPIC_API_KEY', env: { ANTHROPIC_API_KEY: '' } },
  { name: 'ANTHROPIC_AUTH_TOKEN', env: { ANTHROPIC_AUTH_TOKEN: 'tok' } },
  { name: 'token and key', env: { ANTHROPIC_AUTH_TOKEN: 'tok', ANTHROPIC_API_KEY: KEY } },
  { name: 'apiKeyHelper in user settings', user: S({ apiKeyHelper: 'echo sk-ant-helper' }) },
  { name: 'apiKeyHelper and a key in the shell', user: S({ apiKeyHelper: 'echo k' }), env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'apiKeyHelper and a token', user: S({ apiKeyHelper: 'echo k' }), env: { ANTHROPIC_AUTH_TOKEN: 't' } },
  { name: 'an empty apiKeyHelper', user: S({ apiKeyHelper: '' }) },
  ...['1', 'true', 'TRUE', 'yes', 'on', ' 1 ', '0', 'false', 'no', '2', ''].map((v) => ({ name: `CLAUDE_CODE_USE_BEDROCK=${JSON.stringify(v)}`, env: { CLAUDE_CODE_USE_BEDROCK: v } })),
  { name: 'Vertex', env: { CLAUDE_CODE_USE_VERTEX: '1' } },
  { name: 'Foundry', env: { CLAUDE_CODE_USE_FOUNDRY: '1' } },
  { name: 'Bedrock and Vertex', env: { CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_CODE_USE_VERTEX: '1' } },
  { name: 'Vertex and Foundry', env: { CLAUDE_CODE_USE_VERTEX: '1', CLAUDE_CODE_USE_FOUNDRY: '1' } },
  { name: 'Bedrock and Foundry', env: { CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_CODE_USE_FOUNDRY: '1' } },
  { name: 'Bedrock with a left-over key', env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', ANTHROPIC_API_KEY: KEY } },
  { name: 'Bedrock with an apiKeyHelper', env: { CLAUDE_CODE_USE_BEDROCK: '1' }, user: S({ apiKeyHelper: 'echo k' }) },
  { name: 'user settings env turns Bedrock on over the shell', env: { CLAUDE_CODE_USE_BEDROCK: '0' }, user: S({ env: { CLAUDE_CODE_USE_BEDROCK: '1' } }) },
  { name: 'a key in user settings env', user: S({ env: { ANTHROPIC_API_KEY: 'sk-from-settings' } }) },
  { name: "settings env empties the shell's key", env: { ANTHROPIC_API_KEY: KEY }, user: S({ env: { ANTHROPIC_API_KEY: '' } }) },
  { name: 'project settings', project: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }) },
  { name: 'project beats user', user: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }), project: S({ env: { CLAUDE_CODE_USE_VERTEX: '0', CLAUDE_CODE_USE_FOUNDRY: '1' } }) },
  { name: 'local beats project', project: S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }), local: S({ env: { CLAUDE_CODE_USE_FOUNDRY: 'false' } }) },
  { name: 'apiKeyHelper in project settings', project: S({ apiKeyHelper: 'echo k' }) },
  { name: 'project settings of a parent directory are not read', parentProject: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }) },
  { name: 'JSON with a comment is ignored', env: { CLAUDE_CODE_USE_VERTEX: '1' }, user: '{\n  // comment\n  "env": {"CLAUDE_CODE_USE_BEDROCK": "1"}\n}\n' },
  { name: 'a trailing comma is ignored', project: '{"env": {"CLAUDE_CODE_USE_BEDROCK": "1"},}', user: S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }) },
  { name: 'malformed JSON is ignored', local: '{ "env": {"CLAUDE_CODE_USE_BEDROCK": "1" ', project: S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }) },
  { name: 'an empty file is ignored', user: '', env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'a JSON array is ignored', user: '[1, 2]', env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'env that is not an object voids the file', user: S({ env: 'x', apiKeyHelper: 'echo k' }) },
  { name: 'apiKeyHelper that is not a string voids the file', user: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' }, apiKeyHelper: 5 }) },
  { name: 'an unknown key is fine', user: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' }, somethingNew: 5 }) },
  { name: 'numbers and booleans in env', user: S({ env: { CLAUDE_CODE_USE_VERTEX: 1, CLAUDE_CODE_USE_FOUNDRY: true } }) },
  { name: 'CLAUDE_CONFIG_DIR moves the user settings', user: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }), configDir: true },
  { name: 'an unreadable user settings file', userIsDirectory: true, env: { ANTHROPIC_API_KEY: KEY } },
];

function setUp(c: Case) {
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

async function compare(c: Case) {
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

describe.skipIf(!available).concurrent('status agrees with `claude auth status`', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => compare(c));
});

// Managed settings live at a fixed path under /etc: only where the tests may write there
// (root, on a throw-away CI machine, and no managed file of someone's own to disturb).
const MANAGED = '/etc/claude-code/managed-settings.json';
const managedOk = available && process.env.CI === 'true' && process.getuid?.() === 0 && !existsSync(MANAGED);

describe.skipIf(!managedOk).sequential('status agrees with `claude auth status` on managed settings', () => {
  const withManaged = async (managed: string, c: Case) => {
    mkdirSync('/etc/claude-code', { recursive: true });
    writeFileSync(MANAGED, managed);
    try {
      await compare(c);
    } finally {
      rmSync(MANAGED);
      if (readdirSync('/etc/claude-code').length === 0) rmSync('/etc/claude-code', { recursive: true });
    }
  };
  it('managed beats local', () => withManaged(S({ env: { CLAUDE_CODE_USE_VERTEX: '0' } }), { name: 'managed off, local on', local: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }) }));
  it('managed turns a backend on over the shell', () => withManaged(S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }), { name: 'managed foundry', env: { CLAUDE_CODE_USE_FOUNDRY: '0' } }));
  it('an invalid managed file stops claude auth status, and doctor says so', async () => {
    mkdirSync('/etc/claude-code', { recursive: true });
    writeFileSync(MANAGED, '{ nope');
    try {
      const { sb, work, env } = setUp({ name: 'invalid managed' });
      const real = await execa(CLAUDE, ['auth', 'status', '--json'], { cwd: work, env: sb.env(env), extendEnv: false, reject: false, timeout: 30_000 });
      expect(real.exitCode).not.toBe(0);
      expect(real.stderr + real.stdout).toContain('could not be parsed');
      const doctor = await cli(sb, ['doctor', '--json', '--dir', work], env);
      const found = (JSON.parse(doctor.stdout) as { findings: Array<{ id: string; severity: string; message: string }> }).findings;
      expect(found).toContainEqual(expect.objectContaining({ id: 'settings-invalid', severity: 'error', message: expect.stringContaining(MANAGED) }));
      expect(doctor.exitCode).toBe(1);
    } finally {
      rmSync('/etc/claude-code', { recursive: true });
    }
  });
});

it('the oracle has at least 30 cases', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
  expect(statSync(ROOT).isDirectory()).toBe(true);
});
