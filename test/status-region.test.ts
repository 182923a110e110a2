// The Bedrock region: what `status --json` says against Claude Code 2.1.332. `claude auth status
// --text` shows the region it takes from AWS_REGION / AWS_DEFAULT_REGION (or its default); the
// region of an AWS profile it only reads when it sends a request, so those cases run `claude -p`
// against a recording server and read the region of the SigV4 signature.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/sandbox.js';
import { CLAUDE, available, claudeAuthStatus, setUp, type Case } from './helpers/oracle.js';
import { RecordingServer } from './e2e/server.js';

async function ourRegion(c: Case) {
  const { sb, work, env } = setUp(c);
  const run = await cli(sb, ['status', '--json', '--dir', work], env);
  expect(run.exitCode, run.stderr).toBe(0);
  const status = JSON.parse(run.stdout) as { region: { value: string; variable: string | null } | null };
  return { sb, work, env, region: status.region };
}

const BEDROCK = { CLAUDE_CODE_USE_BEDROCK: '1' };
const VARIABLE_CASES: Array<[string, Record<string, string>, Case['files']?]> = [
  ['AWS_REGION', { AWS_REGION: 'eu-west-1' }],
  ['AWS_DEFAULT_REGION', { AWS_DEFAULT_REGION: 'eu-west-2' }],
  ['AWS_REGION beats AWS_DEFAULT_REGION', { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' }],
  ['nothing: the default', {}],
  ['an empty AWS_REGION', { AWS_REGION: '' }],
  ['AWS_REGION with spaces around', { AWS_REGION: ' ap-south-1 ' }],
  ...['foo', 'EU-WEST-1', 'ab-c-1', 'us-east-10', 'a-b-1', 'us_east_1', 'x-y-z-1', '123', 'a1', 'ab.cd', 'ab--cd', '-ab', 'ab-'].map(
    (v): [string, Record<string, string>] => [`AWS_REGION=${v} (and AWS_DEFAULT_REGION to fall back to)`, { AWS_REGION: v, AWS_DEFAULT_REGION: 'eu-north-1' }],
  ),
  ['AWS_REGION from user settings beats the shell', { AWS_REGION: 'eu-west-1' }, { '~/.claude/settings.json': JSON.stringify({ env: { AWS_REGION: 'sa-east-1' } }) }],
  ['AWS_REGION from project settings is taken', { AWS_REGION: 'eu-west-1' }, { '.claude/settings.json': JSON.stringify({ env: { AWS_REGION: 'sa-east-1' } }) }],
];

describe.skipIf(!available).concurrent('the Bedrock region agrees with `claude auth status --text`', () => {
  it.each(VARIABLE_CASES)('%s', async (name, vars, files) => {
    const c: Case = { name, env: { ...BEDROCK, ...vars }, files };
    const { sb, work, env, region } = await ourRegion(c);
    const text = (await claudeAuthStatus(sb, work, env, '--text')).stdout;
    const said = /^AWS region: (\S+)/m.exec(text)?.[1];
    expect(said, text).toBeDefined();
    expect(region?.value).toBe(said);
  });
});

// `claude -p` against a recording server: the region of the AWS profile. About five seconds each.
const WIRE_CASES: Array<[string, Record<string, string>, Record<string, string>]> = [
  ['[default] of ~/.aws/config', {}, { '~/.aws/config': '[default]\nregion = ap-south-1\n' }],
  ['[profile p] of ~/.aws/config', { AWS_PROFILE: 'p' }, { '~/.aws/config': '[profile p]\nregion = ap-south-2\n[default]\nregion = ap-south-1\n', '~/.aws/credentials': '[p]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = s\n' }],
  ['[p] of ~/.aws/config is not a profile', { AWS_PROFILE: 'p' }, { '~/.aws/config': '[p]\nregion = ap-south-2\n', '~/.aws/credentials': '[p]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = s\n' }],
  ['the credentials file beats the config file', {}, { '~/.aws/config': '[default]\nregion = ap-south-1\n', '~/.aws/credentials': '[default]\nregion = eu-north-1\n' }],
  ['AWS_DEFAULT_REGION beats the config file', { AWS_DEFAULT_REGION: 'eu-west-2' }, { '~/.aws/config': '[default]\nregion = ap-south-1\n' }],
  ['an AWS_REGION that is not a region, then the config file', { AWS_REGION: 'a-b-1' }, { '~/.aws/config': '[default]\nregion = ap-south-1\n' }],
  // Relative paths are from where Claude Code starts (home/work/project), not from where status runs.
  ['a relative HOME: its ~/.aws/config', { HOME: '../..' }, { '~/.aws/config': '[default]\nregion = ap-northeast-2\n' }],
  ['a relative AWS_CONFIG_FILE', { AWS_CONFIG_FILE: 'aws-config' }, { 'aws-config': '[default]\nregion = ap-northeast-3\n' }],
  // The AWS SDK's home follows HOME as the global config's and user settings' env leave it
  // (else USERPROFILE, else the home Claude Code started with); a project's moves nothing.
  ['HOME from user settings: its .aws', {}, { '~/.claude/settings.json': '{"env":{"HOME":"alt"}}', 'alt/.aws/config': '[default]\nregion = ap-southeast-2\n', '~/.aws/config': '[default]\nregion = ap-southeast-1\n' }],
  ['HOME from the global config: its .aws', {}, { '~/.claude.json': '{"env":{"HOME":"alt"}}', 'alt/.aws/config': '[default]\nregion = ap-southeast-2\n', '~/.aws/config': '[default]\nregion = ap-southeast-1\n' }],
  ['HOME emptied by user settings, USERPROFILE there: its .aws', {}, { '~/.claude/settings.json': '{"env":{"HOME":"","USERPROFILE":"alt"}}', 'alt/.aws/config': '[default]\nregion = ap-southeast-2\n', '~/.aws/config': '[default]\nregion = ap-southeast-1\n' }],
  ['HOME emptied by user settings: the home Claude Code started with', {}, { '~/.claude/settings.json': '{"env":{"HOME":""}}', '~/.aws/config': '[default]\nregion = ap-southeast-1\n' }],
  ['HOME from project settings moves nothing', {}, { '.claude/settings.json': '{"env":{"HOME":"alt"}}', 'alt/.aws/config': '[default]\nregion = ap-southeast-2\n', '~/.aws/config': '[default]\nregion = ap-southeast-1\n' }],
  ['HOME from local settings moves nothing', {}, { '.claude/settings.local.json': '{"env":{"HOME":"alt"}}', 'alt/.aws/config': '[default]\nregion = ap-southeast-2\n', '~/.aws/config': '[default]\nregion = ap-southeast-1\n' }],
  ['USERPROFILE from project settings moves nothing', {}, { '.claude/settings.json': '{"env":{"USERPROFILE":"alt"}}', '~/.claude/settings.json': '{"env":{"HOME":""}}', 'alt/.aws/config': '[default]\nregion = ap-southeast-2\n', '~/.aws/config': '[default]\nregion = ap-southeast-1\n' }],
  ['AWS_CONFIG_FILE from user settings', {}, { '~/.claude/settings.json': '{"env":{"AWS_CONFIG_FILE":"c2"}}', 'c2': '[default]\nregion = ap-southeast-3\n' }],
];

describe.skipIf(!available).sequential('the Bedrock region of an AWS profile agrees with the signature of a real request', () => {
  it.each(WIRE_CASES)('%s', async (name, vars, files) => {
    const { sb, work, env, region } = await ourRegion({ name, env: { ...BEDROCK, ...vars }, files });
    const server = new RecordingServer(join(sb.root, 'step'));
    const url = await server.start();
    try {
      mkdirSync(join(sb.home, '.aws'), { recursive: true });
      writeFileSync(join(sb.root, 'step'), 'run');
      await execa(CLAUDE, ['-p', 'hi'], {
        cwd: work,
        env: sb.env({ ...env, AWS_ACCESS_KEY_ID: 'AKIATEST', AWS_SECRET_ACCESS_KEY: 'secret', ANTHROPIC_BEDROCK_BASE_URL: url }),
        extendEnv: false,
        reject: false,
        timeout: 60_000,
        stdin: 'ignore',
      });
      const signed = [...new Set(server.requests.map((r) => /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(r.headers.authorization ?? '')?.[1]))];
      expect(signed).toEqual([region?.value]);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
