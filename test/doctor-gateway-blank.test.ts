// doctor's gateway-ignored names what Claude Code lacks to take gateway mode: ANTHROPIC_BASE_URL
// and ANTHROPIC_AUTH_TOKEN, each unset or blank (white space is none to 2.1.332). doctor read
// the token's masked value (a token of one space shows as …) and found it set, so with a blank
// token it said "ignores it without : it uses the Anthropic API", naming nothing. Every pair of
// a URL and a token, blank in each spelling, from the shell or user settings, against the
// pinned `claude auth status` (which must not say gateway) and doctor (which must name exactly
// the blank ones).
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { available, claudeAuthStatus, setUp, type Case } from './helpers/oracle.js';
import { CLI } from './helpers/sandbox.js';

const URLS = ['https://gateway.example', '', ' ', '\u3000'];
const TOKENS = ['gateway-token-0000000000000001', '', ' ', '\t', '\u00a0'];
const blank = (v: string) => v.trim() === '';

const CASES = URLS.flatMap((url) => TOKENS.map((token) => ({ url, token })))
  .filter(({ url, token }) => blank(url) || blank(token))
  .flatMap(({ url, token }, i) => [{ url, token, from: i % 2 ? ('shell' as const) : ('settings' as const) }]);

describe.concurrent.skipIf(!available)('gateway-ignored names exactly the blank ones', () => {
  it.each(CASES.map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, { url, token, from }) => {
    const vars = { ANTHROPIC_BASE_URL: url, ANTHROPIC_AUTH_TOKEN: token };
    const c: Case = from === 'shell' ? { name: 'gw', env: { CLAUDE_CODE_USE_GATEWAY: '1', ...vars } } : { name: 'gw', env: { CLAUDE_CODE_USE_GATEWAY: '1' }, user: JSON.stringify({ env: vars }) };
    const { sb, work, env } = setUp(c);
    const said = JSON.parse((await claudeAuthStatus(sb, work, env)).stdout) as { apiProvider: string };
    expect(said.apiProvider).not.toBe('gateway');
    const run = await execa(process.execPath, [CLI, 'doctor', '--json', '--no-verify', '--dir', work], { env: sb.env(env), extendEnv: false, reject: false, cwd: sb.home });
    const found = (JSON.parse(run.stdout) as { findings: Array<{ id: string; message: string }> }).findings.find((f) => f.id === 'gateway-ignored');
    const missing = Object.entries(vars).filter(([, v]) => blank(v)).map(([n]) => n);
    expect(found?.message).toMatch(new RegExp(`ignores it without ${missing.join(' and ')}: it uses the Anthropic API$`));
  });
});
