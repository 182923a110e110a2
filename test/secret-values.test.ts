// Secrets recognised by value, not only by name (issue 15, item 8): a key in a header variable,
// a password in a URL, a key inside a command, a JWT or Bearer token. The config refuses them
// unless it is private and opts in; they are never in generated code, the init cache or any
// output; every file we write that may hold user data is 0600.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets, secretKind } from '../src/secrets.js';
import { parseConfig } from '../src/profiles/config.js';
import { cli, makeSandbox } from './helpers/sandbox.js';
import { initShell, runWithInit, shellsUnderTest } from './helpers/shells.js';

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const b64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`));

/** [the secret as written, the part that must never be shown whole]. */
const secrets: fc.Arbitrary<[string, string]> = fc.oneof(
  b64url(20, 60).map((s) => [`sk-ant-api03-${s}`, `sk-ant-api03-${s}`]),
  alnum(24, 48).map((s) => [`sk-proj-${s}`, `sk-proj-${s}`]),
  alnum(24, 48).map((s) => [`sk-${s}`, `sk-${s}`]),
  fc.tuple(fc.constantFrom('AKIA', 'ASIA'), fc.stringMatching(/^[A-Z0-9]{16}$/)).map(([p, s]) => [p + s, p + s]),
  fc.stringMatching(/^[A-Za-z0-9/+]{37}$/).map((s) => `Ab1${s}`).map((s) => [s, s]),
  fc.tuple(b64url(10, 40), b64url(10, 80), b64url(10, 60)).map(([h, p, s]) => [`eyJ${h}.eyJ${p}.${s}`, `eyJ${h}.eyJ${p}.${s}`]),
  fc.tuple(alnum(12, 40), fc.integer({ min: 0, max: 9 })).map(([t, d]) => [`Bearer ${t}${d}`, `${t}${d}`]),
  fc.tuple(alnum(1, 10), alnum(6, 24)).map(([u, p]) => [`https://${u}:${p}@gw.example.com/v1`, p]),
  fc.tuple(fc.constantFrom('x-api-key', 'X-Api-Key', 'Authorization', 'api-key', 'x-goog-api-key'), alnum(12, 40), fc.integer({ min: 0, max: 9 })).map(([h, v, d]) => [`${h}: ${v}${d}`, `${v}${d}`]),
  alnum(36, 40).map((s) => [`ghp_${s}`, `ghp_${s}`]),
);

/** True when `shown` holds more of `secret` than a mask shows (its last four characters). */
function leaks(shown: string, secret: string): boolean {
  const hidden = secret.slice(secret.startsWith('sk-ant-') ? 7 : 4, -4);
  return shown.includes(secret) || (hidden.length >= 4 && shown.includes(hidden));
}

// Values that are not secrets and must stay readable: models, regions, ARNs, hashes, URLs.
const BENIGN = [
  'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6',
  'claude-opus-4-1@20250805',
  'eu-west-1',
  'us-east5',
  'https://llm-gateway.example.com:8443/v1/anthropic',
  'ssh://git@github.com/acme/repo.git',
  '0123456789abcdef0123456789abcdef01234567', // a git commit
  '6f1c8c7e-2d4b-4e0a-9f3a-1b2c3d4e5f60',
  'my-sso-profile',
  'op read op://Private/Anthropic/credential',
  'gateway-cli token --audience claude',
  'Basic authentication is not used',
  '/home/me/.config/claude-hooks/config.toml',
  'sk-ant-',
  'profiles.p.apiKey: allowInlineSecrets is on, but the file can be read by others', // a regression: once masked as a header
  'Authorization: see the gateway docs',
  'DISABLE_TELEMETRY=1',
];

describe('the detector', () => {
  it('finds each kind of secret, in any surrounding text, and the mask hides it', () => {
    fc.assert(
      fc.property(secrets, fc.constantFrom('', ' ', 'value=', '"', 'echo ', 'X-Other: 1\n'), fc.constantFrom('', ' ', '"', '\n', ',x'), ([secret, part], before, after) => {
        const text = before + secret + after;
        expect(secretKind(text), text).not.toBeNull();
        const masked = maskSecrets(text);
        expect(leaks(masked, part), `${text} -> ${masked}`).toBe(false);
        expect(masked.startsWith(before)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(BENIGN)('leaves %s alone', (text) => {
    expect(findSecrets(text)).toEqual([]);
    expect(maskSecrets(text)).toBe(text);
  });

  it('shows what is needed to recognise a value: the prefix and last four, the URL around a password', () => {
    expect(maskSecrets('x-api-key: sk-ant-api03-abcdefghijkl1234')).toBe('x-api-key: sk-ant-…1234');
    expect(maskSecrets('https://me:hunter2@gw.example.com')).toBe('https://me:…@gw.example.com');
    expect(maskSecrets('key AKIAABCDEFGHIJKLMNOP here')).toBe('key AKIA…MNOP here');
  });
});

const FILE = '/home/u/.config/claude-hooks/config.toml';
const ENV = { HOME: '/home/u' };
const toml = (s: string) => JSON.stringify(s);
/** Each place a value goes in a profile, with the secret in it. */
const PLACES: Array<[string, (v: string) => string]> = [
  ['env.ANTHROPIC_CUSTOM_HEADERS', (v) => `backend = "anthropic"\nenv = { ANTHROPIC_CUSTOM_HEADERS = ${toml(v)} }`],
  ['env.HTTPS_PROXY', (v) => `backend = "anthropic"\nenv = { HTTPS_PROXY = ${toml(v)} }`],
  ['baseUrl', (v) => `backend = "anthropic"\nbaseUrl = ${toml(v)}`],
  ['apiKeyCommand', (v) => `backend = "anthropic"\napiKeyCommand = ${toml(`printf %s ${v}`)}`],
  ['authTokenCommand', (v) => `backend = "anthropic"\nauthTokenCommand = ${toml(`echo ${v}`)}`],
  ['model', (v) => `backend = "anthropic"\nmodel = ${toml(v)}`],
  ['region', (v) => `backend = "vertex"\nregion = ${toml(v)}`],
];

describe('the config', () => {
  it('refuses a secret value anywhere in a profile unless the file is private and opts in, never quoting it', () => {
    fc.assert(
      fc.property(secrets, fc.constantFrom(...PLACES), ([secret, part], [place, body]) => {
        const text = `[profiles.p]\n${body(secret)}\n`;
        let message = '';
        try {
          parseConfig(text, FILE, ENV, 0o644);
        } catch (err) {
          message = (err as Error).message;
        }
        expect(message, place).toMatch(new RegExp(`profiles\\.p\\.${place.replace('.', '\\.')}: this looks like .*: a literal secret in the config is refused`));
        expect(leaks(message, part)).toBe(false);
        // Opted in, but readable by others: still refused.
        expect(() => parseConfig(`allowInlineSecrets = true\n${text}`, FILE, ENV, 0o644)).toThrow(/can be read by others/);
        // Private and opted in: accepted, and the secret is in no profile value, only fetched.
        const config = parseConfig(`allowInlineSecrets = true\n${text}`, FILE, ENV, 0o600);
        const p = config.profiles.find((x) => x.name === 'p')!;
        expect(JSON.stringify({ ...p, secrets: p.secrets?.map((s) => ('command' in s ? s.command : s.inline)) })).not.toContain(part);
        expect(p.secrets?.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a secret in a description even when allowed: it is shown everywhere', () => {
    expect(() => parseConfig('allowInlineSecrets = true\n[profiles.p]\nbackend = "anthropic"\ndescription = "key sk-ant-api03-abcdefghijkl1234"\n', FILE, ENV, 0o600)).toThrow(
      /profiles\.p\.description: this looks like an Anthropic key; a description is shown/,
    );
  });
});

const KEY = 'sk-ant-api03-Kk1Kk2Kk3Kk4Kk5Kk6-7777';
const HEADER_KEY = 'sk-ant-api03-Hh1Hh2Hh3Hh4Hh5Hh6-8888';
const PASSWORD = 'pw-Pp1Pp2Pp3Pp4Pp5';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const ALL = [KEY, HEADER_KEY, PASSWORD, JWT];
const PRIVATE_CONFIG = `allowInlineSecrets = true
[profiles.gw]
backend = "anthropic"
baseUrl = "https://me:${PASSWORD}@gw.example.com"
apiKeyCommand = "printf %s ${KEY}"
env = { ANTHROPIC_CUSTOM_HEADERS = "x-api-key: ${HEADER_KEY}", ANTHROPIC_BETAS = "Bearer ${JWT}" }
`;

for (const shell of shellsUnderTest()) {
  describe(`${shell}: secrets by value, allowed by a private config`, () => {
    it('reach the variables exactly, and neither the init, its cache, cb-status nor any output', async () => {
      const sb = makeSandbox();
      chmodSync(sb.writeConfig(PRIVATE_CONFIG), 0o600);
      const init = await cli(sb, ['init', initShell(shell), '--cache']);
      expect(init.exitCode, init.stderr).toBe(0);
      const cache = join(sb.home, '.cache', 'claude-hooks', `init.${initShell(shell)}`);
      for (const s of ALL) {
        expect(init.stdout + init.stderr).not.toContain(s);
        expect(readFileSync(cache, 'utf8')).not.toContain(s);
      }
      expect(statSync(cache).mode & 0o777).toBe(0o600);
      const run = await runWithInit(sb, shell, ['cb-use gw', 'dump gw', 'cb-status', 'cb-off', 'dump off'].join('\n'));
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.gw!.get('ANTHROPIC_API_KEY')).toBe(KEY);
      expect(run.dumps.gw!.get('ANTHROPIC_BASE_URL')).toBe(`https://me:${PASSWORD}@gw.example.com`);
      expect(run.dumps.gw!.get('ANTHROPIC_CUSTOM_HEADERS')).toBe(`x-api-key: ${HEADER_KEY}`);
      expect(run.dumps.gw!.get('ANTHROPIC_BETAS')).toBe(`Bearer ${JWT}`);
      expect(run.dumps.off!.has('ANTHROPIC_CUSTOM_HEADERS')).toBe(false);
      for (const s of ALL) expect(run.stdout + run.stderr, s).not.toContain(s);
    }, 60_000);
  });
}

describe('every command masks secrets it finds by value', () => {
  it('status, doctor, doctor --migrate and profiles show', async () => {
    const sb = makeSandbox();
    mkdirSync(join(sb.home, '.claude'));
    const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLE12';
    writeFileSync(
      join(sb.home, '.claude', 'settings.json'),
      JSON.stringify({
        env: { ANTHROPIC_BASE_URL: `https://me:${PASSWORD}@gw.example.com`, ANTHROPIC_MODEL: `x-api-key: ${HEADER_KEY}`, CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1' },
        apiKeyHelper: `curl -s -H "Authorization: Bearer ${JWT}" https://vault`,
      }),
    );
    chmodSync(sb.writeConfig(PRIVATE_CONFIG), 0o600);
    const env = { AWS_SECRET_ACCESS_KEY: AWS_SECRET, ANTHROPIC_AUTH_TOKEN: JWT };
    for (const args of [['status'], ['status', '--json'], ['doctor'], ['doctor', '--json'], ['doctor', '--migrate'], ['profiles', 'show', 'gw'], ['profiles', '--json']]) {
      const r = await cli(sb, args, env);
      for (const s of [...ALL, AWS_SECRET]) expect(r.stdout + r.stderr, `${args.join(' ')}: ${s}`).not.toContain(s);
    }
  }, 60_000);
});

describe('files we write that may hold user data are 0600', () => {
  it('the init cache (even over an older 0644 one), the direnv library, a new .envrc, a setup backup', async () => {
    const sb = makeSandbox();
    const cacheDir = join(sb.home, '.cache', 'claude-hooks');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'init.bash'), 'old');
    chmodSync(join(cacheDir, 'init.bash'), 0o644);
    expect((await cli(sb, ['init', 'bash', '--cache'])).exitCode).toBe(0);
    expect(statSync(join(cacheDir, 'init.bash')).mode & 0o777).toBe(0o600);
    expect((await cli(sb, ['init', 'direnv', '--write'])).exitCode).toBe(0);
    expect(statSync(join(sb.xdg, 'direnv', 'lib', 'claude-hooks.sh')).mode & 0o777).toBe(0o600);
    const proj = join(sb.home, 'proj');
    mkdirSync(proj);
    expect((await cli(sb, ['envrc', 'bedrock', '--write', '--dir', proj])).exitCode).toBe(0);
    expect(statSync(join(proj, '.envrc')).mode & 0o777).toBe(0o600);
    writeFileSync(join(sb.home, '.bashrc'), 'export SECRET=x\n');
    chmodSync(join(sb.home, '.bashrc'), 0o644);
    expect((await cli(sb, ['setup', 'bash'])).exitCode).toBe(0);
    expect(statSync(join(sb.home, '.bashrc.claude-hooks.bak')).mode & 0o777).toBe(0o600);
  }, 60_000);
});
