// End to end with the real Claude Code CLI, offline: after each switch, in real bash, zsh and
// fish, `claude -p hi` sends its requests to a recording server on 127.0.0.1, and the recorded
// requests show which backend, account and region Claude Code really used, and which key.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, cli, makeSandbox, type Sandbox } from '../helpers/sandbox.js';
import { runWithInit, shellsUnderTest, withoutNoise, type TestShell } from '../helpers/shells.js';
import { requireTool } from '../helpers/tools.js';
import { Terminal } from '../helpers/tmux.js';
import { RecordingServer, TrapProxy, summary, type Recorded } from './server.js';

const BIN = join(ROOT, 'node_modules', '.bin');
const claudeOk = requireTool('the Claude Code CLI (npm ci installs the devDependency)', [join(BIN, 'claude'), '--version']);
const direnvOk = requireTool('direnv', ['direnv', 'version']);

const KEY = 'sk-ant-api03-e2e-baseline-key-0000-4242';
const KEY_ID = 'AKIAE2EBASELINE00001';
const PROFILES = '[profiles.bedrock-eu]\nbackend = "bedrock"\nregion = "eu-west-3"\n';

const servers: Array<RecordingServer | TrapProxy> = [];
const traps: TrapProxy[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
  // Nothing tried to go anywhere but the recording server, in any test of this file.
  for (const t of traps.splice(0)) expect(t.seen).toEqual([]);
});

/** A sandbox whose baseline shell talks to the Anthropic API with a key, and holds AWS keys
 *  for other tools; both base URLs point at a recording server. */
async function setUp(): Promise<{ sb: Sandbox; server: RecordingServer; env: Record<string, string> }> {
  const sb = makeSandbox();
  sb.writeConfig(PROFILES);
  const stepFile = join(sb.root, 'step');
  const server = new RecordingServer(stepFile);
  servers.push(server);
  const url = await server.start();
  const trap = new TrapProxy();
  servers.push(trap);
  traps.push(trap);
  const proxy = await trap.start();
  const env = {
    PATH: `${BIN}:${process.env.PATH}`,
    CB_STEP: stepFile,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    // Anything not aimed at the recording server goes to a proxy that refuses and tells.
    HTTPS_PROXY: proxy,
    HTTP_PROXY: proxy,
    NO_PROXY: '127.0.0.1,localhost',
    ANTHROPIC_BASE_URL: url,
    ANTHROPIC_BEDROCK_BASE_URL: url,
    ANTHROPIC_API_KEY: KEY,
    AWS_ACCESS_KEY_ID: KEY_ID,
    AWS_SECRET_ACCESS_KEY: 'e2e/secret/access/key/not/real/000000000',
    AWS_REGION: 'us-east-1',
  };
  return { sb, server, env };
}

/** `ask STEP`: label the requests, then run claude once. Its stdin is closed: with a pipe
 *  there, `claude -p` waits seconds for input that never comes. */
function askFunction(shell: TestShell): string {
  return shell === 'fish'
    ? 'function ask; echo $argv[1] > $CB_STEP; claude -p hi </dev/null >/dev/null 2>&1; true; end'
    : 'ask() { echo "$1" > "$CB_STEP"; claude -p hi </dev/null >/dev/null 2>&1 || true; }';
}

function expectAnthropic(requests: Recorded[], key: string) {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    expect(summary(r)).toMatch(/^POST \/v1\/messages \| no authorization \| x-api-key /);
    expect(r.headers['x-api-key']).toBe(key);
  }
}

function expectBedrock(requests: Recorded[], region: string) {
  const invokes = requests.filter((r) => r.method === 'POST');
  expect(invokes.length).toBeGreaterThan(0);
  for (const r of requests) {
    expect(summary(r), summary(r)).toMatch(new RegExp(`\\| sigv4 ${KEY_ID} ${region} bedrock \\| no x-api-key$`));
  }
  for (const r of invokes) expect(r.path).toMatch(/^\/model\/[^/]+\/invoke(-with-response-stream)?$/);
}

for (const shell of claudeOk ? shellsUnderTest() : []) {
  describe(`${shell}: Claude Code after each switch`, () => {
    it('talks to Bedrock or the Anthropic API exactly as switched, by hand and by directory', async () => {
      const { sb, server, env } = await setUp();
      mkdirSync(join(sb.home, 'eu-project'));
      writeFileSync(join(sb.home, 'eu-project', '.claude-backend'), 'bedrock-eu\n');
      const run = await runWithInit(
        sb,
        shell,
        [
          'dump start',
          'ask baseline',
          'cb-bedrock',
          'ask bedrock',
          'cb-anthropic',
          'ask anthropic',
          'cd eu-project', 'prompt',
          'ask directory',
          'cd ~', 'prompt',
          'ask outside',
          'cb-off',
          'ask off',
          'cb-vertex', 'cb-foundry', 'cb-bedrock', 'cb-use bedrock-eu', 'cd eu-project', 'prompt', 'cb-anthropic', 'cd ~', 'prompt', 'cb-bedrock', 'cb-off',
          'dump end',
        ].join('\n'),
        { env, before: askFunction(shell), timeout: 120_000 },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      expectAnthropic(server.of('baseline'), KEY);
      // cb-bedrock: signed for the baseline region and key id; the baseline key is not sent.
      expectBedrock(server.of('bedrock'), 'us-east-1');
      expectAnthropic(server.of('anthropic'), KEY);
      // The directory's profile: another region.
      expectBedrock(server.of('directory'), 'eu-west-3');
      // Leaving it: back to the shell's manual choice, the Anthropic API.
      expectAnthropic(server.of('outside'), KEY);
      expectAnthropic(server.of('off'), KEY);
      // Many switches later, cb-off: the environment is the one the shell started with.
      expect(withoutNoise(run.dumps.end!)).toEqual(withoutNoise(run.dumps.start!));
      // The evidence quoted in docs/how-it-works.md: CLAUDE_HOOKS_E2E_EVIDENCE=file writes it.
      if (process.env.CLAUDE_HOOKS_E2E_EVIDENCE && shell === 'bash') {
        const lines = ['baseline', 'bedrock', 'anthropic', 'directory', 'outside'].flatMap((step) => [...new Set(server.of(step).map((r) => `${step.padEnd(9)} ${summary(r)}`))]);
        writeFileSync(process.env.CLAUDE_HOOKS_E2E_EVIDENCE, lines.join('\n') + '\n');
      }
    });

    it.skipIf(!direnvOk)('follows an .envrc with use claude through direnv', async () => {
      const { sb, server, env } = await setUp();
      expect((await cli(sb, ['init', 'direnv', '--write'], env)).exitCode).toBe(0);
      const dir = join(sb.home, 'eu-envrc');
      mkdirSync(dir);
      writeFileSync(join(dir, '.envrc'), 'use claude bedrock-eu\n');
      await execa('direnv', ['allow', dir], { env: sb.env(env), extendEnv: false });
      const hook = shell === 'fish' ? 'direnv hook fish | source' : `eval "$(direnv hook ${shell === 'bash32' ? 'bash' : shell})"`;
      const run = await runWithInit(sb, shell, [hook, 'prompt', 'cd eu-envrc', 'prompt', 'ask inside', 'cd ~', 'prompt', 'ask outside'].join('\n'), {
        env: { ...env, DIRENV_LOG_FORMAT: '' },
        before: askFunction(shell),
        timeout: 120_000,
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expectBedrock(server.of('inside'), 'eu-west-3');
      expectAnthropic(server.of('outside'), KEY);
    });
  });
}

const tmuxOk = requireTool('tmux', ['tmux', '-V']);
const terminals: Terminal[] = [];
afterEach(async () => {
  for (const t of terminals.splice(0)) await t.close();
});

for (const shell of claudeOk && tmuxOk ? shellsUnderTest() : []) {
  describe(`${shell}: typed into an interactive shell`, () => {
    it('cd into a Bedrock directory and claude signs for its region; cd out and the key is back', async () => {
      const { sb, server, env } = await setUp();
      mkdirSync(join(sb.home, 'eu-project'));
      writeFileSync(join(sb.home, 'eu-project', '.claude-backend'), 'bedrock-eu\n');
      const t = await Terminal.open(sb, shell, env);
      terminals.push(t);
      const ask = async (step: string) => {
        writeFileSync(env.CB_STEP, step);
        await t.type(`claude -p hi </dev/null >/dev/null 2>&1; echo done-${step}`);
        await t.waitFor(new RegExp(`^done-${step}$`, 'm'));
      };
      await t.type('cd eu-project');
      await t.waitFor(/claude-hooks: bedrock-eu \(\.claude-backend at /);
      await ask('inside');
      await t.type('cd ~');
      await t.waitFor(/claude-hooks: off: your own variables are back/);
      await ask('outside');
      expectBedrock(server.of('inside'), 'eu-west-3');
      expectAnthropic(server.of('outside'), KEY);
    });
  });
}

describe.skipIf(!claudeOk)('a settings file that overrides the shell', () => {
  it('is flagged by doctor, and status predicts what Claude Code then really does', async () => {
    const { sb, server, env } = await setUp();
    mkdirSync(join(sb.home, '.claude'), { recursive: true });
    writeFileSync(join(sb.home, '.claude', 'settings.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '1' } }));
    // The shell asked for the Anthropic API...
    const run = await runWithInit(sb, 'bash', ['cb-anthropic', 'claude-hooks-status', 'claude-hooks-doctor', 'ask claude'].join('\n'), {
      env,
      before: [
        askFunction('bash'),
        `claude-hooks-status() { '${process.execPath}' '${join(ROOT, 'dist', 'cli.cjs')}' status --json > '${join(sb.root, 'status.json')}'; }`,
        `claude-hooks-doctor() { '${process.execPath}' '${join(ROOT, 'dist', 'cli.cjs')}' doctor --json > '${join(sb.root, 'doctor.json')}' || true; }`,
      ].join('\n'),
      timeout: 120_000,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const { readFileSync } = await import('node:fs');
    const status = JSON.parse(readFileSync(join(sb.root, 'status.json'), 'utf8'));
    const doctor = JSON.parse(readFileSync(join(sb.root, 'doctor.json'), 'utf8'));
    // ...but the settings file wins: status says Bedrock, doctor says why, and Claude Code agrees.
    expect(status.provider).toBe('bedrock');
    expect(doctor.findings).toContainEqual(expect.objectContaining({ id: 'settings-override', severity: 'error' }));
    expect(doctor.findings.map((f: { id: string }) => f.id)).toContain('key-in-bedrock');
    expectBedrock(server.of('claude'), 'us-east-1');
  });
});
