// Every built-in backend against the real Claude Code CLI, offline, in real bash, zsh and fish:
// - exclusive: from a shell where every selector is on, each cb-<backend> leaves Claude Code on
//   exactly its own provider (claude auth status), and cb-off gives the shell back byte for byte;
// - on the wire: with each backend's base URL pointed at the recording server, `claude -p hi`
//   after cb-mantle, cb-anthropic-aws, cb-anthropic-google-cloud and cb-gateway goes where the
//   profile says, signed or authorised as that backend, and never with the Anthropic key beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKEND_SPECS, SELECTORS } from '../../src/profiles/backends.js';
import { ROOT, makeSandbox } from '../helpers/sandbox.js';
import { runWithInit, shellsUnderTest, withoutNoise, type TestShell } from '../helpers/shells.js';
import { requireTool } from '../helpers/tools.js';
import { RecordingServer, summary, type Recorded } from './server.js';

const BIN = join(ROOT, 'node_modules', '.bin');
const claudeOk = requireTool('the Claude Code CLI (npm ci installs the devDependency)', [join(BIN, 'claude'), '--version']);

const KEY = 'sk-ant-api03-e2e-baseline-key-0000-4242';
const KEY_ID = 'AKIAE2EBASELINE00001';
const TOKEN = 'gateway-token-e2e-0000-7777';

const servers: RecordingServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

/** The environment of a user who has everything: every selector on, every backend's values,
 *  an Anthropic key and a gateway token, and every base URL at `url`. */
function everything(url: string): Record<string, string> {
  return {
    PATH: `${BIN}:${process.env.PATH}`,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
    ...Object.fromEntries(SELECTORS.map((s) => [s, '1'])),
    ANTHROPIC_API_KEY: KEY,
    ANTHROPIC_AUTH_TOKEN: TOKEN,
    ANTHROPIC_BASE_URL: url,
    ANTHROPIC_BEDROCK_BASE_URL: url,
    ANTHROPIC_BEDROCK_MANTLE_BASE_URL: url,
    ANTHROPIC_AWS_BASE_URL: url,
    ANTHROPIC_GOOGLE_CLOUD_BASE_URL: url,
    ANTHROPIC_VERTEX_BASE_URL: url,
    ANTHROPIC_FOUNDRY_BASE_URL: url,
    AWS_ACCESS_KEY_ID: KEY_ID,
    AWS_SECRET_ACCESS_KEY: 'e2e/secret/access/key/not/real/000000000',
    AWS_REGION: 'eu-central-1',
    ANTHROPIC_AWS_WORKSPACE_ID: 'wrkspc_e2e_aws',
    ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID: 'wrkspc_e2e_gcp',
    ANTHROPIC_GOOGLE_CLOUD_PROJECT: 'e2e-project',
    CLAUDE_CODE_SKIP_ANTHROPIC_GOOGLE_CLOUD_AUTH: '1',
    ANTHROPIC_VERTEX_PROJECT_ID: 'e2e-project',
    CLOUD_ML_REGION: 'us-east5',
    ANTHROPIC_FOUNDRY_RESOURCE: 'e2e-resource',
  };
}

function statusFunction(shell: TestShell, dir: string): string {
  return shell === 'fish'
    ? `function st; claude auth status </dev/null > ${dir}/$argv[1].json 2>/dev/null; true; end`
    : `st() { claude auth status </dev/null > "${dir}/$1.json" 2>/dev/null || true; }`;
}

function askFunction(shell: TestShell, stepFile: string): string {
  return shell === 'fish'
    ? `function ask; echo $argv[1] > ${stepFile}; claude -p hi </dev/null >/dev/null 2>&1; true; end`
    : `ask() { echo "$1" > '${stepFile}'; claude -p hi </dev/null >/dev/null 2>&1 || true; }`;
}

/** Nothing the backend sent carried the Anthropic key, and each request is `expected`. */
function expectOnly(requests: Recorded[], expected: RegExp) {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    expect(summary(r), summary(r)).toMatch(expected);
    expect(JSON.stringify(r.headers)).not.toContain(KEY);
  }
}

for (const shell of claudeOk ? shellsUnderTest() : []) {
  describe(`${shell}: every built-in backend with the real Claude Code`, () => {
    it('lands on exactly its own provider from a shell with every selector on, and cb-off restores the shell', async () => {
      const sb = makeSandbox();
      const env = everything('http://127.0.0.1:9');
      const builtins = BACKEND_SPECS.map((b) => b.id);
      const script = ['dump start', ...builtins.flatMap((id) => [`cb-${id}`, `st ${id}`]), 'cb-off', 'dump end'].join('\n');
      const run = await runWithInit(sb, shell, script, { env, before: statusFunction(shell, sb.root), timeout: 120_000 });
      expect(run.exitCode, run.stderr).toBe(0);
      for (const b of BACKEND_SPECS) {
        const said = JSON.parse(readFileSync(join(sb.root, `${b.id}.json`), 'utf8')) as { apiProvider: string };
        expect(said.apiProvider, `cb-${b.id}`).toBe(b.provider);
      }
      expect(withoutNoise(run.dumps.end!)).toEqual(withoutNoise(run.dumps.start!));
    }, 180_000);

    const wire: Array<[string, RegExp]> = [
      // Mantle: the Messages API, SigV4 for service bedrock-mantle in the baseline region.
      ['mantle', new RegExp(`^POST /v1/messages \\| sigv4 ${KEY_ID} eu-central-1 bedrock-mantle \\| no x-api-key$`)],
      // Claude Platform on AWS: SigV4 for aws-external-anthropic.
      ['anthropic-aws', new RegExp(`^POST /v1/messages \\| sigv4 ${KEY_ID} eu-central-1 aws-external-anthropic \\| no x-api-key$`)],
      // Claude Platform on Google Cloud (auth skipped: no Google credentials offline).
      ['anthropic-google-cloud', /^POST \/v1\/messages \| no authorization \| no x-api-key$/],
      // The gateway: the token as a bearer, no key.
      ['gateway', /^POST \/v1\/messages \| authorization Bearer \| no x-api-key$/],
    ];
    for (const [id, expected] of wire) {
      it(`cb-${id}: claude sends to that backend's endpoint, as that backend`, async () => {
        const sb = makeSandbox();
        const stepFile = join(sb.root, 'step');
        const server = new RecordingServer(stepFile);
        servers.push(server);
        const url = await server.start();
        const run = await runWithInit(sb, shell, [`cb-${id}`, `ask ${id}`, 'cb-anthropic', 'ask anthropic'].join('\n'), {
          env: everything(url),
          before: askFunction(shell, stepFile),
          timeout: 120_000,
        });
        expect(run.exitCode, run.stderr).toBe(0);
        expectOnly(server.of(id), expected);
        if (id === 'anthropic-aws') for (const r of server.of(id)) expect(r.headers['anthropic-workspace-id']).toBe('wrkspc_e2e_aws');
        if (id === 'gateway') for (const r of server.of(id)) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
        // And back: the Anthropic API with the baseline key.
        const back = server.of('anthropic');
        expect(back.length).toBeGreaterThan(0);
        for (const r of back) expect(r.headers['x-api-key']).toBe(KEY);
      }, 180_000);
    }
  });
}
