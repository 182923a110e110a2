// claude-hooks status against the real Claude Code CLI: for every case, the provider and the
// key source (and the auth method) we predict must be what `claude auth status` says, offline,
// in a throw-away HOME. The CLI is the pinned dev dependency @anthropic-ai/claude-code.
// Cases with managed settings (a machine-wide file) are in managed-settings.serial.test.ts.
import { describe, expect, it } from 'vitest';
import { SELECTORS } from '../src/profiles/managed.js';
import { KEY, S, available, compare, type Case } from './helpers/oracle.js';

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

describe.skipIf(!available).concurrent('status agrees with `claude auth status`', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => compare(c));
});

// Skipped with the oracle, so that a file whose oracle did not run never shows green.
describe.skipIf(!available)('the oracle cases', () => {
  it('are at least 30, each named once, and put every selector and every settings level to the test', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const text = (c: Case) => JSON.stringify([c.env, c.user, c.project, c.local, c.parentProject]);
    for (const selector of SELECTORS) expect(CASES.filter((c) => text(c).includes(selector)).length, selector).toBeGreaterThanOrEqual(2);
    for (const level of ['user', 'project', 'local', 'parentProject', 'configDir', 'userIsDirectory'] as const) {
      expect(CASES.some((c) => c[level] !== undefined), level).toBe(true);
    }
  });
});
