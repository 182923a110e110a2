// status against the pinned `claude auth status` on the auth sources the other oracle tests do
// not draw, each read from the 2.1.332 binary's own code (the `s.X` env registry, the token and
// key sources behind `claude auth status`) and then measured:
// - bare mode: CLAUDE_CODE_SIMPLE (what `claude --bare` sets), from the shell, the global config,
//   the user's, a project's and a local settings file;
// - an Anthropic profile: ~/.config/anthropic (XDG_CONFIG_HOME, ANTHROPIC_CONFIG_DIR), its
//   active_config, ANTHROPIC_PROFILE, the federation variables ANTHROPIC_FEDERATION_RULE_ID and
//   ANTHROPIC_ORGANIZATION_ID, against tokens, helpers, logins and /login keys;
// - CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR and ANTHROPIC_UNIX_SOCKET, which set a claude.ai login
//   aside for a /login key.
// Each class that disagreed once is kept below by name (the world that showed it, minimised);
// then CLAUDE_HOOKS_AUTH_RUNS (default 60) generated worlds over all of these at once
// (CLAUDE_HOOKS_AUTH_SEED replays a run), compared on provider, key source and auth method.
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pool } from './helpers/pool.js';
import { KEY, S, available, bothAnswers, claudeAuthStatus, compare, setUp, type Case } from './helpers/oracle.js';
import { cli } from './helpers/sandbox.js';

const RUNS = Number(process.env.CLAUDE_HOOKS_AUTH_RUNS ?? 60);
const SEED = Number(process.env.CLAUDE_HOOKS_AUTH_SEED ?? 4);
const JOBS = Number(process.env.CLAUDE_HOOKS_ORACLE_JOBS ?? 4);

// The sandbox's XDG_CONFIG_HOME is $ROOT/xdg (helpers/sandbox.ts).
const PROFILES = '@/xdg/anthropic';
const OIDC = S({ authentication: { type: 'oidc_federation' } });
const USER_OAUTH = S({ authentication: { type: 'user_oauth' } });
const LOGIN = S({ claudeAiOauth: { accessToken: 'sk-ant-oat01-test', refreshToken: 'r', expiresAt: Date.now() + 864e5, scopes: ['user:inference', 'user:profile'] } });
const CLAUDE_AI = '~/.claude/.credentials.json';
const LOGIN_KEY = { '~/.claude.json': S({ primaryApiKey: 'sk-ant-api03-login' }) };
const HELPER = S({ apiKeyHelper: 'echo sk-ant-helper' });
const FEDERATION = { ANTHROPIC_FEDERATION_RULE_ID: 'fdrl_01', ANTHROPIC_ORGANIZATION_ID: 'org_01' };
const ACTIVE_OIDC = { [`${PROFILES}/configs/default.json`]: OIDC };
const ACTIVE_USER_OAUTH = { [`${PROFILES}/configs/default.json`]: USER_OAUTH, [`${PROFILES}/credentials/default.json`]: 'sk-ant-oat01-profile' };

/** The mismatch classes found in round truth4: before the fix, status said otherwise on each. */
const CLASSES: Record<string, Case[]> = {
  // Before: status took the helper, the tokens, the logins. Claude Code: ANTHROPIC_API_KEY or nothing.
  'bare mode (CLAUDE_CODE_SIMPLE) takes ANTHROPIC_API_KEY only': [
    { name: 'bare: a helper of the user settings is ignored', env: { CLAUDE_CODE_SIMPLE: '1' }, user: HELPER },
    { name: 'bare: a claude.ai login is ignored', env: { CLAUDE_CODE_SIMPLE: '1' }, files: { [CLAUDE_AI]: LOGIN } },
    { name: 'bare: CLAUDE_CODE_OAUTH_TOKEN is ignored', env: { CLAUDE_CODE_SIMPLE: '1', CLAUDE_CODE_OAUTH_TOKEN: 'sk-ant-oat01-x' } },
    { name: 'bare: ANTHROPIC_AUTH_TOKEN is ignored', env: { CLAUDE_CODE_SIMPLE: '1', ANTHROPIC_AUTH_TOKEN: 'tok' } },
    { name: 'bare: a /login key is no key source', env: { CLAUDE_CODE_SIMPLE: '1' }, files: LOGIN_KEY },
    { name: 'bare: in Bedrock mode a /login key is no key source either', env: { CLAUDE_CODE_SIMPLE: '1', CLAUDE_CODE_USE_BEDROCK: '1' }, files: LOGIN_KEY },
    { name: 'bare: the key beats a helper', env: { CLAUDE_CODE_SIMPLE: '1', ANTHROPIC_API_KEY: KEY }, user: HELPER },
    { name: 'bare: a blank key beats a /login key', env: { CLAUDE_CODE_SIMPLE: 'true', ANTHROPIC_API_KEY: ' ' }, files: LOGIN_KEY },
    { name: 'bare: a blank key beats a claude.ai login', env: { CLAUDE_CODE_SIMPLE: '1', ANTHROPIC_API_KEY: ' ' }, files: { [CLAUDE_AI]: LOGIN } },
    { name: 'bare: " YES " turns it on', env: { CLAUDE_CODE_SIMPLE: ' YES ' }, user: HELPER },
    { name: 'bare: "0" does not', env: { CLAUDE_CODE_SIMPLE: '0' }, user: HELPER },
    { name: 'bare: from the user settings', user: S({ apiKeyHelper: 'echo k', env: { CLAUDE_CODE_SIMPLE: '1' } }) },
    { name: 'bare: from the global config (a boolean)', env: { CLAUDE_CODE_OAUTH_TOKEN: 't' }, files: { '~/.claude.json': S({ env: { CLAUDE_CODE_SIMPLE: true } }) } },
    { name: "bare: not from a project's settings", project: S({ env: { CLAUDE_CODE_SIMPLE: '1' } }), user: HELPER },
    { name: 'bare: not from a local settings file', local: S({ env: { CLAUDE_CODE_SIMPLE: '1' } }), files: { [CLAUDE_AI]: LOGIN } },
  ],
  // Before: status said none (or claude.ai). Claude Code: oauth_token, the profile's.
  'an Anthropic profile authenticates': [
    { name: 'profile: the active default, workload identity federation', files: ACTIVE_OIDC },
    { name: "profile: the active default, a user's OAuth login with its credentials", files: ACTIVE_USER_OAUTH },
    { name: 'profile: a user OAuth profile without credentials is not usable', files: { [`${PROFILES}/configs/default.json`]: USER_OAUTH } },
    { name: 'profile: blank credentials are none', files: { [`${PROFILES}/configs/default.json`]: USER_OAUTH, [`${PROFILES}/credentials/default.json`]: ' \n' } },
    { name: 'profile: credentials_path is followed', setup: 'mkdir -p xdg/anthropic/configs && printf tok > creds && printf \'{"authentication":{"type":"user_oauth","credentials_path":"%s/creds"}}\' "$ROOT" > xdg/anthropic/configs/default.json' },
    { name: 'profile: another type is not one', files: { [`${PROFILES}/configs/default.json`]: S({ authentication: { type: 'api_key' } }) } },
    { name: 'profile: a config that is not JSON', files: { [`${PROFILES}/configs/default.json`]: '{"authentication":' } },
    { name: 'profile: a byte order mark makes it no JSON', files: { [`${PROFILES}/configs/default.json`]: `\ufeff${OIDC}` } },
    { name: 'profile: active_config names the active one', files: { [`${PROFILES}/active_config`]: 'work\n', [`${PROFILES}/configs/work.json`]: OIDC } },
    { name: 'profile: active_config naming a missing one: no fall-back to default', files: { [`${PROFILES}/active_config`]: 'work', ...ACTIVE_OIDC } },
    { name: 'profile: ANTHROPIC_PROFILE names one', env: { ANTHROPIC_PROFILE: 'work' }, files: { [`${PROFILES}/configs/work.json`]: OIDC } },
    { name: 'profile: ANTHROPIC_PROFILE is trimmed', env: { ANTHROPIC_PROFILE: ' default ' }, files: ACTIVE_OIDC },
    { name: 'profile: a blank ANTHROPIC_PROFILE is none', env: { ANTHROPIC_PROFILE: '  ' }, files: ACTIVE_OIDC },
    { name: 'profile: ANTHROPIC_PROFILE naming a missing one: no fall-back', env: { ANTHROPIC_PROFILE: 'nope' }, files: ACTIVE_OIDC },
    { name: 'profile: ANTHROPIC_PROFILE naming a missing one: not the federation variables either', env: { ANTHROPIC_PROFILE: 'nope', ...FEDERATION } },
    { name: 'profile: the user settings empty ANTHROPIC_PROFILE', env: { ANTHROPIC_PROFILE: 'nope' }, user: S({ env: { ANTHROPIC_PROFILE: '' } }), files: ACTIVE_OIDC },
    { name: 'profile: the federation variables', env: FEDERATION },
    { name: 'profile: federation needs both not blank', env: { ANTHROPIC_FEDERATION_RULE_ID: 'r', ANTHROPIC_ORGANIZATION_ID: ' ' } },
    { name: 'profile: federation from the user settings', user: S({ env: FEDERATION }) },
    { name: 'profile: federation from the global config', files: { '~/.claude.json': S({ env: FEDERATION }) } },
    { name: "profile: not federation from a project's settings", project: S({ env: FEDERATION }) },
    { name: 'profile: not federation from a local settings file', local: S({ env: FEDERATION }) },
    { name: "profile: not ANTHROPIC_PROFILE from a project's settings", project: S({ env: { ANTHROPIC_PROFILE: 'work' } }), files: { [`${PROFILES}/configs/work.json`]: OIDC } },
    { name: 'profile: ANTHROPIC_CONFIG_DIR, relative to the working directory', env: { ANTHROPIC_CONFIG_DIR: 'ac' }, files: { 'ac/configs/default.json': OIDC } },
    { name: 'profile: ANTHROPIC_CONFIG_DIR from the user settings', user: S({ env: { ANTHROPIC_CONFIG_DIR: 'ac' } }), files: { 'ac/configs/default.json': OIDC } },
    { name: "profile: not ANTHROPIC_CONFIG_DIR from a project's settings", project: S({ env: { ANTHROPIC_CONFIG_DIR: '$ROOT/ac' } }), files: { '@/ac/configs/default.json': OIDC } },
    { name: 'profile: a blank ANTHROPIC_CONFIG_DIR is XDG_CONFIG_HOME', env: { ANTHROPIC_CONFIG_DIR: ' ' }, files: ACTIVE_OIDC },
    { name: 'profile: a blank XDG_CONFIG_HOME is ~/.config', env: { XDG_CONFIG_HOME: ' ' }, files: { '~/.config/anthropic/configs/default.json': OIDC } },
    { name: 'profile: with XDG_CONFIG_HOME set, ~/.config is not read', files: { '~/.config/anthropic/configs/default.json': OIDC } },
    { name: 'profile: XDG_CONFIG_HOME from the global config', files: { '~/.claude.json': S({ env: { XDG_CONFIG_HOME: 'x' } }), 'x/anthropic/configs/default.json': OIDC } },
    { name: "profile: not XDG_CONFIG_HOME from a project's settings", project: S({ env: { XDG_CONFIG_HOME: 'x' } }), files: { 'x/anthropic/configs/default.json': OIDC } },
    { name: 'profile: HOME from the user settings', env: { XDG_CONFIG_HOME: '' }, setup: 'mkdir -p home/.claude alt/.config/anthropic/configs && printf \'{"env":{"HOME":"%s/alt"}}\' "$ROOT" > home/.claude/settings.json && printf \'{"authentication":{"type":"oidc_federation"}}\' > alt/.config/anthropic/configs/default.json' },
    // Against the other sources.
    { name: 'profile: beats a claude.ai login', files: { ...ACTIVE_OIDC, [CLAUDE_AI]: LOGIN } },
    { name: 'profile: named, a user OAuth one, beats a claude.ai login', env: { ANTHROPIC_PROFILE: 'default' }, files: { ...ACTIVE_USER_OAUTH, [CLAUDE_AI]: LOGIN } },
    { name: 'profile: the active user OAuth one yields to a claude.ai login', files: { ...ACTIVE_USER_OAUTH, [CLAUDE_AI]: LOGIN } },
    { name: 'profile: ...but not to a login without the inference scope', files: { ...ACTIVE_USER_OAUTH, [CLAUDE_AI]: S({ claudeAiOauth: { accessToken: 'a', scopes: ['user:profile'] } }) } },
    { name: 'profile: federation beats a claude.ai login', env: FEDERATION, files: { [CLAUDE_AI]: LOGIN } },
    { name: 'profile: a /login key is sent instead', files: { ...ACTIVE_OIDC, ...LOGIN_KEY } },
    { name: 'profile: a blank key is a key source, the profile authenticates', env: { ANTHROPIC_API_KEY: ' ' }, files: ACTIVE_OIDC },
    { name: 'profile: the key beats it', env: { ...FEDERATION, ANTHROPIC_API_KEY: KEY } },
    { name: 'profile: a helper beats it', user: HELPER, files: ACTIVE_OIDC },
    { name: "profile: a project's helper beats it", env: FEDERATION, project: HELPER },
    { name: 'profile: CLAUDE_CODE_OAUTH_TOKEN beats it', env: { CLAUDE_CODE_OAUTH_TOKEN: 't' }, files: ACTIVE_OIDC },
    { name: 'profile: ANTHROPIC_AUTH_TOKEN beats it', env: { ANTHROPIC_AUTH_TOKEN: 't' }, files: ACTIVE_OIDC },
    { name: 'profile: not in bare mode', env: { ...FEDERATION, CLAUDE_CODE_SIMPLE: '1' } },
    { name: 'profile: not with ANTHROPIC_UNIX_SOCKET', env: { ...FEDERATION, ANTHROPIC_UNIX_SOCKET: '/nonexistent.sock' } },
    { name: 'profile: third party in Vertex mode', env: { CLAUDE_CODE_USE_VERTEX: '1' }, files: { ...ACTIVE_OIDC, ...LOGIN_KEY } },
    { name: 'profile: ANTHROPIC_BASE_URL does not set it aside', env: { ANTHROPIC_BASE_URL: 'https://proxy.example' }, files: ACTIVE_OIDC },
    { name: 'profile: a bogus CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR does not set it aside', env: { ...FEDERATION, CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR: '77' } },
  ],
  // Before: status said claude.ai (or oauth_token). Claude Code: api_key, the /login key's.
  'a /login key over a login the shell sets aside': [
    { name: 'CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: the /login key beats a claude.ai login', env: { CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: '77' }, files: { ...LOGIN_KEY, [CLAUDE_AI]: LOGIN } },
    { name: 'CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: the /login key beats CLAUDE_CODE_OAUTH_TOKEN', env: { CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: 'x', CLAUDE_CODE_OAUTH_TOKEN: 't' }, files: LOGIN_KEY },
    { name: 'CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: a blank one sets nothing aside', env: { CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: ' ' }, files: { ...LOGIN_KEY, [CLAUDE_AI]: LOGIN } },
    { name: 'CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: without a /login key the login stays', env: { CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: '77' }, files: { [CLAUDE_AI]: LOGIN } },
    { name: 'CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: from the user settings it sets nothing aside', user: S({ env: { CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: '77' } }), files: { ...LOGIN_KEY, [CLAUDE_AI]: LOGIN } },
    { name: 'CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: from the global config neither', files: { '~/.claude.json': S({ primaryApiKey: 'k', env: { CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR: '77' } }), [CLAUDE_AI]: LOGIN } },
    { name: 'ANTHROPIC_UNIX_SOCKET: the /login key beats a claude.ai login', env: { ANTHROPIC_UNIX_SOCKET: '/nonexistent.sock' }, files: { ...LOGIN_KEY, [CLAUDE_AI]: LOGIN } },
    { name: 'ANTHROPIC_UNIX_SOCKET: not CLAUDE_CODE_OAUTH_TOKEN', env: { ANTHROPIC_UNIX_SOCKET: '/nonexistent.sock', CLAUDE_CODE_OAUTH_TOKEN: 't' }, files: { ...LOGIN_KEY, [CLAUDE_AI]: LOGIN } },
    { name: 'ANTHROPIC_UNIX_SOCKET: a blank one sets nothing aside', env: { ANTHROPIC_UNIX_SOCKET: ' ' }, files: { ...LOGIN_KEY, [CLAUDE_AI]: LOGIN } },
    { name: 'ANTHROPIC_UNIX_SOCKET: from the user settings it sets nothing aside', user: S({ env: { ANTHROPIC_UNIX_SOCKET: '/nonexistent.sock' } }), files: { ...LOGIN_KEY, [CLAUDE_AI]: LOGIN } },
  ],
};

// ---- generated worlds over all of these at once ----------------------------------------------

interface World {
  shell: Record<string, string>;
  /** Where the bare-mode and profile variables are put: the shell, the user's settings, a project's. */
  at: 'shell' | 'user' | 'project' | 'global';
  vars: Record<string, string | boolean>;
  helper: 'none' | 'user' | 'project';
  profileFile: 'none' | 'oidc' | 'user_oauth' | 'user_oauth-no-credentials' | 'broken';
  profileName: 'default' | 'work';
  activeConfig: 'none' | 'work';
  claudeAi: boolean;
  loginKey: boolean;
}

const world: fc.Arbitrary<World> = fc.record({
  shell: fc
    .subarray(['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN', 'CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR', 'ANTHROPIC_UNIX_SOCKET', 'CLAUDE_CODE_USE_BEDROCK'], { maxLength: 3 })
    .chain((names) => fc.tuple(...names.map((n) => fc.constantFrom(...valuesOf(n)).map((v) => [n, v] as const))).map((pairs) => Object.fromEntries(pairs))),
  at: fc.constantFrom('shell', 'shell', 'user', 'project', 'global'),
  vars: fc
    .subarray(['CLAUDE_CODE_SIMPLE', 'ANTHROPIC_PROFILE', 'ANTHROPIC_FEDERATION_RULE_ID', 'ANTHROPIC_ORGANIZATION_ID'], { maxLength: 3 })
    .chain((names) => fc.tuple(...names.map((n) => fc.constantFrom(...valuesOf(n)).map((v) => [n, v] as const))).map((pairs) => Object.fromEntries(pairs))),
  helper: fc.constantFrom('none', 'none', 'user', 'project'),
  profileFile: fc.constantFrom('none', 'oidc', 'oidc', 'user_oauth', 'user_oauth-no-credentials', 'broken'),
  profileName: fc.constantFrom('default', 'work'),
  activeConfig: fc.constantFrom('none', 'none', 'work'),
  claudeAi: fc.boolean(),
  loginKey: fc.boolean(),
});

function valuesOf(name: string): Array<string | boolean> {
  switch (name) {
    case 'ANTHROPIC_API_KEY':
      return [KEY, ' ', ''];
    case 'CLAUDE_CODE_SIMPLE':
      return ['1', ' on ', '0', '', true];
    case 'ANTHROPIC_PROFILE':
      return ['work', ' default ', 'nope', ' '];
    case 'CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR':
      return ['77', ' '];
    case 'ANTHROPIC_UNIX_SOCKET':
      return ['/nonexistent.sock', ''];
    case 'CLAUDE_CODE_USE_BEDROCK':
      return ['1', '0'];
    default:
      return ['x1', ' '];
  }
}

function toCase(w: World, name: string): Case {
  const files: Record<string, string> = {};
  const env: Record<string, string> = { ...w.shell };
  const vars = Object.fromEntries(Object.entries(w.vars).map(([k, v]) => [k, w.at === 'shell' ? String(v) : v]));
  if (w.at === 'shell') Object.assign(env, vars);
  const user: Record<string, unknown> = {};
  if (w.at === 'user') user.env = vars;
  if (w.helper === 'user') user.apiKeyHelper = 'echo sk-ant-helper';
  const project: Record<string, unknown> = {};
  if (w.at === 'project') project.env = vars;
  if (w.helper === 'project') project.apiKeyHelper = 'echo sk-ant-helper';
  const global: Record<string, unknown> = {};
  if (w.at === 'global') global.env = vars;
  if (w.loginKey) global.primaryApiKey = 'sk-ant-api03-login';
  if (Object.keys(global).length) files['~/.claude.json'] = S(global);
  if (w.claudeAi) files[CLAUDE_AI] = LOGIN;
  const config = `${PROFILES}/configs/${w.profileName}.json`;
  if (w.profileFile === 'oidc') files[config] = OIDC;
  if (w.profileFile === 'broken') files[config] = '{"authentication":';
  if (w.profileFile.startsWith('user_oauth')) files[config] = USER_OAUTH;
  if (w.profileFile === 'user_oauth') files[`${PROFILES}/credentials/${w.profileName}.json`] = 'sk-ant-oat01-profile';
  if (w.activeConfig === 'work') files[`${PROFILES}/active_config`] = 'work\n';
  return {
    name,
    env,
    files,
    ...(Object.keys(user).length ? { user: S(user) } : {}),
    ...(Object.keys(project).length ? { project: S(project) } : {}),
  };
}

/** Generated worlds that once disagreed, kept as they were printed. */
const REGRESSIONS: World[] = [];

const managedThere = existsSync('/etc/claude-code/managed-settings.json') || existsSync('/etc/claude-code/managed-settings.d');

describe.skipIf(!available)('status agrees with `claude auth status` on auth sources: the classes found', () => {
  for (const [group, cases] of Object.entries(CLASSES)) {
    describe.concurrent(group, () => {
      for (const c of cases) it(c.name, () => compare(c), 60_000);
    });
  }
});

describe.skipIf(!available || managedThere)('status agrees with `claude auth status` on generated auth-source worlds', () => {
  it(`${RUNS} generated worlds and ${REGRESSIONS.length} kept ones (seed ${SEED})`, async () => {
    const worlds = [...REGRESSIONS, ...fc.sample(world, { seed: SEED, numRuns: RUNS })];
    const failures: string[] = [];
    const seen = new Map<string, number>();
    const started = Date.now();
    await pool(worlds.map((w, i) => [w, i] as const), JOBS, async ([w, i]) => {
      const { ours, theirs } = await bothAnswers(toCase(w, `world ${i}`));
      if ('error' in theirs) return void failures.push(`world #${i}: claude did not answer: ${theirs.error}\n  ${JSON.stringify(w)}`);
      const said = `${theirs.provider}/${theirs.apiKeySource}/${theirs.authMethod}`;
      seen.set(said, (seen.get(said) ?? 0) + 1);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) failures.push(`world #${i} (seed ${SEED}): ours ${JSON.stringify(ours)}, claude ${JSON.stringify(theirs)}\n  ${JSON.stringify(w)}`);
    });
    console.log(`auth sources: ${worlds.length - failures.length} of ${worlds.length} worlds agreed (seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    console.log(`what claude said: ${[...seen].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    // A generator that only ever lands on one answer tests nothing: the classes above must show up.
    for (const method of ['oauth_token', 'api_key', 'claude.ai', 'none']) expect([...seen.keys()].some((k) => k.endsWith(`/${method}`)), `no world where claude said ${method}`).toBe(true);
    expect(failures, `add a failing world to REGRESSIONS once fixed:\n${failures.join('\n')}`).toEqual([]);
  }, 120_000);
});

// The gateway's URL: Claude Code stops when it refuses it (gateway-url.ts); doctor must say so
// exactly then. Before: no finding, and status said gateway as if it would start.
const GATEWAY_URLS = [
  'https://gateway.example', ' https://gateway.example ', 'gateway.example', 'gateway.example/v1?x=1', 'HTTPS://gateway.example',
  'not a url', 'https://exa mple.com', 'https://gateway.example:99999', 'https://', '//gateway.example', 'ftp://x',
  'http://localhost:9', 'http://LOCALHOST', 'HTTP://127.0.0.1:9', 'http://[::1]:9', 'http://127.0.0.2:9', 'http://gateway.example', 'http://0.0.0.0',
];

describe.skipIf(!available)('doctor says gateway-url-invalid exactly when Claude Code refuses the gateway URL', () => {
  it.concurrent.each(GATEWAY_URLS)('ANTHROPIC_BASE_URL=%j', async (url) => {
    const { sb, work, env } = setUp({ name: url, env: { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_AUTH_TOKEN: 'gateway-token', ANTHROPIC_BASE_URL: url } });
    const [doctor, real] = await Promise.all([cli(sb, ['doctor', '--json', '--no-verify', '--dir', work], env), claudeAuthStatus(sb, work, env)]);
    const ids = (JSON.parse(doctor.stdout) as { findings: Array<{ id: string }> }).findings.map((f) => f.id);
    const refused = real.exitCode !== 0 && real.stderr.includes('ANTHROPIC_BASE_URL is invalid');
    if (!refused) expect(JSON.parse(real.stdout).apiProvider, real.stderr).toBe('gateway');
    expect(ids.includes('gateway-url-invalid'), `claude ${refused ? 'refused' : 'took'} it: ${real.stderr.trim()}`).toBe(refused);
  }, 60_000);
});
