// status and doctor as people and scripts read them: every finding with its fix, masking,
// colours, the migration guide, and --live against the real claude.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { canMarkRoot, withMarkerAtRoot } from './helpers/rootfs.js';
import { CLI, ROOT, cli, makeSandbox, type Sandbox } from './helpers/sandbox.js';

const KEY = 'sk-ant-api03-doctor-test-key-000009876';

interface Setup {
  env?: Record<string, string>;
  user?: unknown;
  project?: unknown;
  managed?: string;
  marker?: string;
  config?: string;
  /** Other files, relative to HOME. */
  files?: Record<string, string>;
}

function setUp(o: Setup) {
  const sb = makeSandbox();
  const work = join(sb.home, 'work');
  mkdirSync(work, { recursive: true });
  const json = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));
  if (o.user !== undefined) {
    mkdirSync(join(sb.home, '.claude'), { recursive: true });
    writeFileSync(join(sb.home, '.claude', 'settings.json'), json(o.user));
  }
  if (o.project !== undefined) {
    mkdirSync(join(work, '.claude'), { recursive: true });
    writeFileSync(join(work, '.claude', 'settings.json'), json(o.project));
  }
  const managed = join(sb.root, 'managed-settings.json');
  if (o.managed !== undefined) writeFileSync(managed, o.managed);
  if (o.marker !== undefined) writeFileSync(join(work, '.claude-backend'), o.marker);
  if (o.config !== undefined) sb.writeConfig(o.config);
  for (const [path, text] of Object.entries(o.files ?? {})) {
    mkdirSync(join(sb.home, path, '..'), { recursive: true });
    writeFileSync(join(sb.home, path), text);
  }
  // The real managed path needs root: point the tests at the sandbox's.
  const env = { CLAUDE_HOOKS_MANAGED_SETTINGS: managed, ...o.env };
  return { sb, work, env };
}

async function doctor(o: Setup, extra: string[] = []) {
  const { sb, work, env } = setUp(o);
  const r = await cli(sb, ['doctor', '--json', '--dir', work, ...extra], env);
  const body = JSON.parse(r.stdout) as { findings: Array<{ id: string; severity: string; message: string; fix: string }> };
  return { ...r, findings: body.findings, ids: body.findings.map((f) => `${f.severity}:${f.id}`), sb, work };
}

describe('claude-hooks doctor', () => {
  it.each<[string, Setup, string[]]>([
    ['a clean Anthropic setup', { env: { ANTHROPIC_API_KEY: KEY, CLAUDE_HOOKS_SHELL: 'bash:1' } }, ['info:shell-parent']],
    ['settings env over the shell', { env: { CLAUDE_CODE_USE_BEDROCK: '0', ANTHROPIC_API_KEY: KEY }, user: { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_PROFILE: 'p' } } }, ['error:settings-override', 'warning:settings-override', 'warning:settings-override', 'error:key-in-bedrock']],
    ['a model override only warns', { env: { ANTHROPIC_MODEL: 'a' }, user: { env: { ANTHROPIC_MODEL: 'b' } } }, ['warning:settings-override']],
    ['an apiKeyHelper in Bedrock mode', { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_PROFILE: 'p' }, user: { apiKeyHelper: 'echo k' } }, ['warning:helper-third-party']],
    ['a token in Bedrock mode', { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_PROFILE: 'p', ANTHROPIC_AUTH_TOKEN: 'tok-tok-tok-tok-tok' } }, ['error:key-in-bedrock']],
    ['two backends on', { env: { CLAUDE_CODE_USE_VERTEX: '1', CLAUDE_CODE_USE_FOUNDRY: '1', ANTHROPIC_FOUNDRY_RESOURCE: 'r' } }, ['warning:several-backends']],
    ['Bedrock without a region or credentials', { env: { CLAUDE_CODE_USE_BEDROCK: '1' } }, ['warning:bedrock-no-region', 'warning:bedrock-no-credentials']],
    ['Bedrock with the region of the AWS profile', { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_PROFILE: 'p' }, files: { '.aws/config': '[profile p]\nregion = eu-west-3\n' } }, []],
    ['Bedrock with an AWS_REGION that is not a region', { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_PROFILE: 'p', AWS_REGION: 'a-b-1', AWS_DEFAULT_REGION: 'eu-west-1' } }, ['warning:bedrock-region-ignored']],
    ['Bedrock credentials from awsCredentialExport', { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1' }, user: { awsCredentialExport: 'creds' } }, []],
    ['a non-Bedrock model id', { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_PROFILE: 'p', ANTHROPIC_MODEL: 'claude-sonnet-4-5' } }, ['error:bedrock-model-id']],
    ['Bedrock model ids and ARNs pass', { env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_PROFILE: 'p', ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc' } }, []],
    ['Vertex without project and region', { env: { CLAUDE_CODE_USE_VERTEX: '1' } }, ['error:vertex-no-project', 'warning:vertex-no-region']],
    ['Foundry without a resource', { env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }, ['error:foundry-no-resource']],
    ['a settings file with a comment', { user: '{\n  // mine\n  "env": {}\n}\n' }, ['error:settings-invalid']],
    ['a broken managed file', { managed: '{ nope' }, ['error:settings-invalid']],
    ['a marker naming an unknown profile', { marker: 'nope\n' }, ['error:marker-unknown-profile']],
    ['a broken claude-hooks config', { config: '[profiles.x]\nbackend = 1\n' }, ['error:config-invalid']],
  ])('%s', async (_name, setup, expected) => {
    const env = { CLAUDE_HOOKS_SHELL: 'bash:1', ...setup.env };
    const r = await doctor({ ...setup, env });
    const relevant = r.ids.filter((id) => id !== 'info:shell-parent' || expected.includes(id));
    expect(relevant).toEqual(expected);
    expect(r.exitCode).toBe(expected.some((e) => e.startsWith('error:')) ? 1 : 0);
    for (const f of r.findings) expect(f.fix.length).toBeGreaterThan(0);
    expect(r.stdout).not.toContain(KEY);
    expect(r.stdout).not.toContain('tok-tok-tok-tok-tok');
  });

  it('names the file, line and column of invalid JSON', async () => {
    const r = await doctor({ user: '{\n  "env": {},\n  // mine\n}\n' });
    const f = r.findings.find((x) => x.id === 'settings-invalid')!;
    expect(f.message).toBe(`${join(r.sb.home, '.claude', 'settings.json').replace(r.sb.home, '~')} is not valid JSON at line 3, column 3: Expected double-quoted property name: Claude Code ignores the whole file, silently`);
  });

  it('says whether this shell loaded the hooks', async () => {
    const none = await doctor({});
    expect(none.ids).toContain('info:shell-not-loaded');
    // cli() runs node straight from this test process: its parent pid is ours.
    const mine = await doctor({ env: { CLAUDE_HOOKS_SHELL: `bash:${process.pid}` } });
    expect(mine.ids).toEqual([]);
  });

  it('prints aligned findings without colour for NO_COLOR, with colour for FORCE_COLOR', async () => {
    const { sb, work, env } = setUp({ env: { CLAUDE_CODE_USE_VERTEX: '1' } });
    const plain = await cli(sb, ['doctor', '--dir', work], { ...env, NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(plain.stdout).not.toContain('\x1b[');
    expect(plain.stdout).toMatch(/^error    Google Vertex AI mode with no ANTHROPIC_VERTEX_PROJECT_ID\n {9}fix: set projectId/m);
    expect(plain.stdout).toMatch(/^info {5}the claude-hooks shell integration is not loaded/m);
    const colour = await cli(sb, ['doctor', '--dir', work], { ...env, FORCE_COLOR: '1' });
    expect(colour.stdout).toContain('\x1b[31merror');
  });

  it('--live compares the prediction with the real claude', async () => {
    const bin = join(ROOT, 'node_modules', '.bin');
    const r = await doctor({ env: { ANTHROPIC_API_KEY: KEY, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', PATH: `${bin}:${process.env.PATH}` } }, ['--live']);
    // A fresh HOME: Claude Code has never run, and asking would write its first-run file.
    expect(r.findings.find((f) => f.id.startsWith('live-claude'))).toMatchObject({ id: 'live-claude-skipped' });
    expect(existsSync(join(r.sb.home, '.claude.json'))).toBe(false);
  }, 60_000);

  it("asks the user's own claude by default once it has run, and names its version when it disagrees", async () => {
    const bin = join(ROOT, 'node_modules', '.bin');
    const env = { ANTHROPIC_API_KEY: KEY, PATH: `${bin}:${process.env.PATH}` };
    const { sb, work } = setUp({ env });
    // Claude Code has run here before (its first run writes ~/.claude.json); after that,
    // asking it changes nothing.
    await execa(join(bin, 'claude'), ['auth', 'status'], { env: sb.env(env), extendEnv: false, cwd: sb.home, stdin: 'ignore' });
    const before = readFileSync(join(sb.home, '.claude.json'), 'utf8');
    const mtime = statSync(join(sb.home, '.claude.json')).mtimeMs;
    const agree = await cli(sb, ['doctor', '--json', '--dir', work], env);
    const found = (JSON.parse(agree.stdout) as { findings: Array<{ id: string; message: string }> }).findings;
    expect(found.find((f) => f.id.startsWith('live-claude'))).toMatchObject({ id: 'live-claude-agrees', message: 'Claude Code 2.1.332 agrees (claude auth status): firstParty/ANTHROPIC_API_KEY/api_key' });
    expect(readFileSync(join(sb.home, '.claude.json'), 'utf8')).toBe(before);
    expect(statSync(join(sb.home, '.claude.json')).mtimeMs).toBe(mtime);
    // --no-verify: not asked.
    const skipped = await cli(sb, ['doctor', '--json', '--no-verify', '--dir', work], env);
    expect(skipped.stdout).not.toContain('live-claude');
    // A claude that reads something we do not: a stand-in answering another provider.
    const fake = join(sb.root, 'fakebin');
    mkdirSync(fake);
    writeFileSync(join(fake, 'claude'), '#!/bin/sh\ncase "$1" in --version) echo "9.9.9 (Claude Code)";; *) echo \'{"apiProvider":"mantle","authMethod":"third_party"}\';; esac\n', { mode: 0o755 });
    const fakeEnv = { ...env, PATH: `${fake}:${process.env.PATH}` };
    const differ = await cli(sb, ['status', '--verify', '--dir', work], fakeEnv);
    expect(differ.exitCode).toBe(1);
    expect(differ.stdout).toContain('Claude Code 9.9.9 says mantle/none/third_party (claude auth status), claude-hooks predicted firstParty/ANTHROPIC_API_KEY/api_key');
    const json = await cli(sb, ['status', '--json', '--verify', '--dir', work], fakeEnv);
    expect(JSON.parse(json.stdout).verified).toMatchObject({ claudeVersion: '9.9.9', agrees: false, theirs: { apiProvider: 'mantle' } });
  }, 60_000);
});

describe('claude-hooks status', () => {
  it('says what Claude Code will use, where each value comes from, and masks secrets', async () => {
    const { sb, work, env } = setUp({
      env: { ANTHROPIC_API_KEY: KEY, AWS_REGION: 'us-east-1', NO_COLOR: '1' },
      user: { env: { CLAUDE_CODE_USE_BEDROCK: '1' }, apiKeyHelper: 'echo sk-ant-api03-in-a-command-123456' },
    });
    const r = await cli(sb, ['status', '--dir', work], env);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`will use Amazon Bedrock (CLAUDE_CODE_USE_BEDROCK=1, from user settings ~/.claude/settings.json)`);
    expect(r.stdout).toMatch(/^ {2}key source {2}ANTHROPIC_API_KEY sk-ant-…9876, from your shell \(Bedrock does not use it, but Claude Code 2\.1\.197 sends it along: see claude-hooks doctor\)$/m);
    expect(r.stdout).toMatch(/^ {2}AWS_REGION=us-east-1 +your shell$/m);
    expect(r.stdout).toMatch(/^ {2}user +~\/\.claude\/settings\.json +read$/m);
    const json = await cli(sb, ['status', '--json', '--dir', work], env);
    const data = JSON.parse(json.stdout);
    expect(data).toMatchObject({
      schemaVersion: 1,
      provider: 'bedrock',
      apiKeySource: 'ANTHROPIC_API_KEY',
      region: { variable: 'AWS_REGION', value: 'us-east-1', origin: { kind: 'shell' } },
      apiKeyHelper: { command: 'echo sk-ant-…3456', level: 'user' },
    });
    expect(json.stdout + r.stdout).not.toContain(KEY);
    expect(json.stdout + r.stdout).not.toContain('in-a-command');
  });
});

describe('claude-hooks status: the settings levels and the masks', () => {
  it('reads project and local settings, strongest first, and masks each kind of secret exactly', async () => {
    const { sb, work, env } = setUp({
      env: {
        CLAUDE_CODE_USE_VERTEX: '1',
        ANTHROPIC_API_KEY: KEY,
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz1234',
        ANTHROPIC_AUTH_TOKEN: 'short-token', // under 16 characters: none of it is shown
      },
      user: { env: { CLAUDE_CODE_USE_BEDROCK: '1' } },
      // The project turns Bedrock off again and Foundry on, with a value to trim and lower-case.
      project: { env: { CLAUDE_CODE_USE_BEDROCK: '0', CLAUDE_CODE_USE_FOUNDRY: ' TRUE ' } },
    });
    // A local file with a known key of the wrong type: Claude Code ignores all of it.
    writeFileSync(join(work, '.claude', 'settings.local.json'), JSON.stringify({ apiKeyHelper: 5, env: { CLAUDE_CODE_USE_BEDROCK: '1' } }));
    const r = await cli(sb, ['status', '--json', '--dir', work], env);
    expect(r.exitCode, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    // Foundry beats Vertex; Bedrock is off, the project's word beating the user's.
    expect(data.provider).toBe('foundry');
    expect(data.selectorsOn).toEqual(['CLAUDE_CODE_USE_FOUNDRY', 'CLAUDE_CODE_USE_VERTEX']);
    expect(data.variables.CLAUDE_CODE_USE_BEDROCK).toEqual({ value: '0', origin: { kind: 'settings', level: 'project', path: join(work, '.claude', 'settings.json') } });
    expect(data.settings.map((f: { level: string; state: string }) => `${f.level}:${f.state}`)).toEqual(['managed:missing', 'local:invalid', 'project:ok', 'user:ok']);
    const shown = Object.fromEntries(Object.entries(data.variables as Record<string, { value: string }>).map(([k, v]) => [k, v.value]));
    expect(shown).toEqual({
      CLAUDE_CODE_USE_BEDROCK: '0',
      CLAUDE_CODE_USE_FOUNDRY: ' TRUE ',
      CLAUDE_CODE_USE_VERTEX: '1',
      ANTHROPIC_API_KEY: 'sk-ant-…9876',
      ANTHROPIC_AUTH_TOKEN: '…',
      AWS_ACCESS_KEY_ID: 'AKIA…MPLE',
      AWS_SECRET_ACCESS_KEY: '…1234',
    });
  });

  it.skipIf(!canMarkRoot())('doctor walks all the way up to a marker at / itself', async () => {
    const { sb, work, env } = setUp({ config: '[profiles.work]\nbackend = "anthropic"\n' });
    const [bin, ...args] = withMarkerAtRoot(sb, 'nope\n', work);
    const r = await execa(bin!, [...args, process.execPath, CLI, 'doctor', '--json', '--dir', work], { env: sb.env({ ...env, CLAUDE_HOOKS_SHELL: 'bash:1' }), extendEnv: false, reject: false });
    const findings = JSON.parse(r.stdout).findings as Array<{ id: string; message: string }>;
    expect(findings.filter((f) => f.id === 'marker-unknown-profile').map((f) => f.message)).toEqual(["/.claude-backend names unknown profile 'nope'"]);
  });
});

describe('claude-hooks doctor --migrate', () => {
  it('prints the exact lines to remove and the profile to write, and edits nothing', async () => {
    const settings = '{\n  "apiKeyHelper": "op read op://v/anthropic",\n  "env": {\n    "CLAUDE_CODE_USE_BEDROCK": "1",\n    "AWS_REGION": "eu-west-1",\n    "AWS_PROFILE": "work",\n    "ANTHROPIC_API_KEY": "sk-ant-api03-in-settings-000011112222"\n  },\n  "model": "opus"\n}\n';
    const { sb, work, env } = setUp({ user: settings });
    const r = await cli(sb, ['doctor', '--migrate', '--dir', work], env);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('In ~/.claude/settings.json, remove these lines');
    for (const [n, line] of [[2, '"apiKeyHelper": "op read op://v/anthropic",'], [4, '"CLAUDE_CODE_USE_BEDROCK": "1",'], [5, '"AWS_REGION": "eu-west-1",'], [6, '"AWS_PROFILE": "work",'], [7, '"ANTHROPIC_API_KEY": "…"']] as const) {
      expect(r.stdout).toContain(`${String(n).padStart(4)}  ${line}`);
    }
    expect(r.stdout).not.toContain('"model"');
    expect(r.stdout).toContain('apiKeyCommand = "op read op://v/anthropic"');
    expect(r.stdout).toContain('region = "eu-west-1"');
    expect(r.stdout).toContain('awsProfile = "work"');
    expect(r.stdout).not.toContain('in-settings');
    expect(readFileSync(join(sb.home, '.claude', 'settings.json'), 'utf8')).toBe(settings);
  });
});

export type { Sandbox };
