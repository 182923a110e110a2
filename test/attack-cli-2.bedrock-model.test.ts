// doctor's bedrock-model-id (an error) against what Claude Code really sends: with Bedrock's
// base URL at the recording server, `claude -p hi` puts the model id in the request path
// (/model/<id>/invoke-with-response-stream). doctor called ANTHROPIC_MODEL=sonnet "not a
// Bedrock model id", but Claude Code turns its aliases into the Bedrock id itself; "default",
// a first-party name, and an alias in ANTHROPIC_DEFAULT_SONNET_MODEL go out as they are.
// doctor must flag exactly the values Claude Code sends as something that is not a Bedrock id.
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLAUDE, available } from './helpers/oracle.js';
import { CLI, makeSandbox } from './helpers/sandbox.js';
import { RecordingServer } from './e2e/server.js';

const BEDROCK_ID = /^(arn:aws[a-z-]*:bedrock:|([a-z]{2,6}\.)?anthropic\.)/;

const CASES: Array<Record<string, string>> = [
  { ANTHROPIC_MODEL: 'sonnet' },
  { ANTHROPIC_MODEL: 'OPUS' },
  { ANTHROPIC_MODEL: ' haiku ' },
  { ANTHROPIC_MODEL: 'opusplan' },
  { ANTHROPIC_MODEL: 'haiku[1m]' },
  { ANTHROPIC_MODEL: 'default' },
  { ANTHROPIC_MODEL: 'claude-sonnet-4-5' },
  { ANTHROPIC_MODEL: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0' },
  { ANTHROPIC_MODEL: 'sonnet', ANTHROPIC_DEFAULT_SONNET_MODEL: 'haiku' },
];

describe.concurrent.skipIf(!available)('bedrock-model-id flags what Claude Code sends as no Bedrock id', () => {
  it.each(CASES.map((c) => [JSON.stringify(c), c]))('%s', async (_name, models) => {
    const sb = makeSandbox();
    const server = new RecordingServer(join(sb.root, 'step'));
    const url = await server.start();
    const env = sb.env({
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_TELEMETRY: '1',
      DISABLE_ERROR_REPORTING: '1',
      CLAUDE_CODE_MAX_RETRIES: '0',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '127.0.0.1,localhost',
      CLAUDE_CODE_USE_BEDROCK: '1',
      ANTHROPIC_BEDROCK_BASE_URL: url,
      AWS_ACCESS_KEY_ID: 'AKIAE2EBASELINE00001',
      AWS_SECRET_ACCESS_KEY: 'e2e/secret/access/key/not/real/000000000',
      AWS_REGION: 'eu-central-1',
      ...models,
    });
    try {
      await execa(CLAUDE, ['-p', 'hi'], { cwd: sb.home, env, extendEnv: false, reject: false, timeout: 60_000, stdin: 'ignore' });
    } finally {
      await server.stop();
    }
    const sent = server.requests.map((r) => /^\/model\/([^/]+)\/invoke-with-response-stream/.exec(r.path)?.[1]).filter((m): m is string => m !== undefined).map(decodeURIComponent);
    expect(sent.length, 'claude sent no request to the recording server').toBeGreaterThan(0);
    const notBedrock = sent.some((m) => !BEDROCK_ID.test(m));
    const doctor = await execa(process.execPath, [CLI, 'doctor', '--json', '--no-verify', '--dir', sb.home], { env, extendEnv: false, reject: false });
    const flagged = (JSON.parse(doctor.stdout) as { findings: Array<{ id: string }> }).findings.some((f) => f.id === 'bedrock-model-id');
    expect(flagged, `claude sent ${JSON.stringify(sent)}`).toBe(notBedrock);
  }, 90_000);
});
