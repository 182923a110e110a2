// Managed settings against the pinned CLI, locally and beside other tests: each case runs both
// `claude-hooks status --json` and `claude auth status --json` in a private mount namespace
// whose /etc is an overlay holding the case's /etc/claude-code, so no other process on the
// machine sees it (managed-settings.serial.test.ts writes the real /etc, and runs under CI
// only). Needs root, unshare and overlayfs; skipped with a message where they are missing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLAUDE, KEY, S, available, setUp, type Answer, type Case } from './helpers/oracle.js';
import { CLI } from './helpers/sandbox.js';

// $1 a mount point to use, $2 the directory to copy into /etc/claude-code, then the command.
const WRAP = [
  'set -e',
  'm=$1; src=$2; shift 2',
  'mount -t tmpfs claude-hooks-test "$m"',
  'mkdir "$m/u" "$m/w"',
  'mount -t overlay claude-hooks-test -o lowerdir=/etc,upperdir="$m/u",workdir="$m/w" /etc',
  'mkdir -p /etc/claude-code',
  'cp -a "$src"/. /etc/claude-code/',
  'exec "$@"',
].join('\n');

function canOverlayEtc(): boolean {
  if (process.getuid?.() !== 0) return false;
  const d = mkdtempSync(join(tmpdir(), 'claude-hooks-etc-'));
  try {
    mkdirSync(join(d, 'm'));
    mkdirSync(join(d, 's'));
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', WRAP, 'sh', join(d, 'm'), join(d, 's'), 'test', '-d', '/etc/claude-code'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
}
const ok = available && canOverlayEtc();
if (available && !ok) console.warn('\n  SKIPPING the managed settings attack: it needs root, unshare and overlayfs for a private /etc\n');

/** Managed files: `managed-settings.json`, `managed-settings.d/NAME`; a string is written as
 *  it is, `{fifo: true}` makes a FIFO, `{dir: true}` a directory. */
type Managed = Record<string, string | { fifo: true } | { dir: true }>;

async function inPrivateEtc(managed: Managed, c: Case): Promise<{ ours: Answer; theirs: Answer | { error: string }; doctor: () => Promise<Array<{ id: string; severity: string; message: string }>> }> {
  const { sb, work, env } = setUp(c);
  const src = join(sb.root, 'etc-claude-code');
  mkdirSync(join(src, 'managed-settings.d'), { recursive: true });
  for (const [name, what] of Object.entries(managed)) {
    const path = join(src, name);
    if (typeof what === 'string') writeFileSync(path, what);
    else if ('fifo' in what) execFileSync('mkfifo', [path]);
    else mkdirSync(path);
  }
  const mount = join(sb.root, 'mnt');
  mkdirSync(mount);
  const wrap = (cmd: string[]) => execa('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', WRAP, 'sh', mount, src, ...cmd], { cwd: work, env: sb.env(env), extendEnv: false, reject: false, timeout: 30_000, stdin: 'ignore' });
  const run = await wrap([process.execPath, CLI, 'status', '--json', '--dir', work]);
  expect(run.exitCode, run.stderr).toBe(0);
  expect(run.stdout).not.toContain(KEY);
  const p = JSON.parse(run.stdout) as Answer;
  const ours = { provider: p.provider, apiKeySource: p.apiKeySource, authMethod: p.authMethod };
  const real = await wrap([CLAUDE, 'auth', 'status', '--json']);
  const doctor = async () => (JSON.parse((await wrap([process.execPath, CLI, 'doctor', '--json', '--no-verify', '--dir', work])).stdout) as { findings: Array<{ id: string; severity: string; message: string }> }).findings;
  try {
    const said = JSON.parse(real.stdout) as { apiProvider: string; apiKeySource?: string; authMethod: string };
    return { ours, theirs: { provider: said.apiProvider, apiKeySource: said.apiKeySource ?? null, authMethod: said.authMethod }, doctor };
  } catch {
    return { ours, theirs: { error: `exit ${real.exitCode}${real.timedOut ? ' (timed out)' : ''}: ${real.stderr.slice(0, 200)}` }, doctor };
  }
}

const ON = S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } });
const LOGIN = S({ claudeAiOauth: { accessToken: 'sk-ant-oat01-managed', refreshToken: 'r', expiresAt: Date.now() + 864e5, scopes: ['user:inference'], subscriptionType: 'pro' } });
const OFF = S({ env: { CLAUDE_CODE_USE_VERTEX: '0' } });
const FOUNDRY = S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } });
const D = 'managed-settings.d/';
const BASE = 'managed-settings.json';

const CASES: Array<[string, Managed, Case]> = [
  ['base on', { [BASE]: ON }, { name: 'base' }],
  ['a drop-in beats the base', { [BASE]: ON, [`${D}10.json`]: OFF }, { name: 'dropin' }],
  ['a drop-in that is a directory named .json', { [BASE]: ON, [`${D}10.json`]: { dir: true } }, { name: 'dir' }],
  ['a drop-in that is a FIFO', { [BASE]: ON, [`${D}10.json`]: { fifo: true } }, { name: 'fifo' }],
  ['the base file a FIFO, a drop-in on', { [BASE]: { fifo: true }, [`${D}10.json`]: FOUNDRY }, { name: 'base fifo' }],
  ['the base a directory', { [BASE]: { dir: true }, [`${D}10.json`]: FOUNDRY }, { name: 'base dir' }],
  ['a drop-in with a UTF-8 byte order mark', { [`${D}10.json`]: `\ufeff${ON}` }, { name: 'bom' }],
  ['a drop-in with a comment', { [BASE]: ON, [`${D}10.json`]: `// c\n${OFF}` }, { name: 'comment' }],
  ['an empty drop-in', { [BASE]: ON, [`${D}10.json`]: '' }, { name: 'empty' }],
  ['a drop-in that is an array', { [BASE]: ON, [`${D}10.json`]: '[]' }, { name: 'array' }],
  ['a drop-in named .JSON', { [BASE]: ON, [`${D}10.JSON`]: OFF }, { name: 'upper' }],
  ['a drop-in named just .json', { [BASE]: ON, [`${D}.json`]: OFF }, { name: 'dotjson' }],
  ['a drop-in over 2 MiB', { [BASE]: ON, [`${D}10.json`]: OFF + ' '.repeat(2 * 1024 * 1024) }, { name: 'big' }],
  ['managed apiKeyHelper', { [BASE]: S({ apiKeyHelper: 'echo k' }) }, { name: 'helper' }],
  ['managed empty apiKeyHelper over the user\'s', { [BASE]: S({ apiKeyHelper: '' }) }, { name: 'empty helper', user: S({ apiKeyHelper: 'echo k' }) }],
  ['managed key in env', { [BASE]: S({ env: { ANTHROPIC_API_KEY: 'sk-ant-managed' } }) }, { name: 'key' }],
  ['managed empties the shell\'s key', { [BASE]: S({ env: { ANTHROPIC_API_KEY: '' } }) }, { name: 'empty key', env: { ANTHROPIC_API_KEY: KEY } }],
  ['drop-ins sort by byte: 9 after 10', { [`${D}9.json`]: ON, [`${D}10.json`]: OFF }, { name: 'sort' }],
  ['a drop-in of env null voids nothing', { [BASE]: ON, [`${D}10.json`]: S({ env: { CLAUDE_CODE_USE_VERTEX: null } }) }, { name: 'null' }],
  // The classes of status-env-layers.property.test.ts, at the managed level.
  ['a NUL in a managed env value: the shell\'s stays', { [BASE]: S({ env: { CLAUDE_CODE_USE_VERTEX: '0\u0000' } }) }, { name: 'nul', env: { CLAUDE_CODE_USE_VERTEX: '1' } }],
  ['63 arrays in a managed env value are ""', { [BASE]: `{"env":{"ANTHROPIC_API_KEY":${'['.repeat(63)}"k"${']'.repeat(63)}}}` }, { name: 'deep', env: { ANTHROPIC_API_KEY: KEY } }],
  ['managed CLAUDE_CONFIG_DIR moves the login', { [BASE]: S({ env: { CLAUDE_CONFIG_DIR: 'alt' } }) }, { name: 'cfg login', files: { 'alt/.credentials.json': LOGIN } }],
  ['managed CLAUDE_CONFIG_DIR moves the login away', { [BASE]: S({ env: { CLAUDE_CONFIG_DIR: 'alt' } }) }, { name: 'cfg login away', files: { '~/.claude/.credentials.json': LOGIN } }],
  ['managed CLAUDE_CONFIG_DIR: the helper of the user settings there', { [BASE]: S({ env: { CLAUDE_CONFIG_DIR: 'alt' } }) }, { name: 'cfg helper', files: { 'alt/settings.json': S({ apiKeyHelper: 'echo k' }) } }],
  ['managed CLAUDE_CONFIG_DIR: not the env of the user settings there', { [BASE]: S({ env: { CLAUDE_CONFIG_DIR: 'alt' } }) }, { name: 'cfg env', files: { 'alt/settings.json': ON } }],
];

/** Claude Code stops on a broken managed file: doctor must say so, as an error naming it. */
async function check(managed: Managed, c: Case): Promise<string | null> {
  const { ours, theirs, doctor } = await inPrivateEtc(managed, c);
  if ('error' in theirs) {
    if (/timed out/.test(theirs.error)) return `claude auth status hung: ${theirs.error}`;
    const file = /(\/etc\/claude-code\/[^:]+):/.exec(theirs.error)?.[1];
    const found = (await doctor()).filter((f) => f.id === 'settings-invalid' && f.severity === 'error');
    return file && found.some((f) => f.message.includes(file)) ? null : `claude stopped (${theirs.error}), doctor said ${JSON.stringify(found)}`;
  }
  return JSON.stringify(ours) === JSON.stringify(theirs) ? null : `ours ${JSON.stringify(ours)}, claude ${JSON.stringify(theirs)}`;
}

describe.concurrent.skipIf(!ok)('managed settings in a private /etc: status agrees with `claude auth status`', () => {
  it.each(CASES)('%s', async (_name, managed, c) => {
    expect(await check(managed, c)).toBeNull();
  });
});

// ---- generated: a base file and drop-ins from a pool, with user settings and the shell -------

const SEED = Number(process.env.CLAUDE_HOOKS_ATTACK_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.CLAUDE_HOOKS_ATTACK_RUNS ?? 8);
const CONTENT = fc.constantFrom<string | { fifo: true } | { dir: true }>(ON, OFF, FOUNDRY, S({ apiKeyHelper: 'echo k' }), S({ apiKeyHelper: '' }), S({ env: { ANTHROPIC_API_KEY: '' } }), S({ env: { CLAUDE_CODE_USE_BEDROCK: 'yes' } }), `\ufeff${FOUNDRY}`, '', '{}', { dir: true }, { fifo: true }, S({ env: { CLAUDE_CODE_USE_VERTEX: 1 }, apiKeyHelper: 5 }), S({ env: { CLAUDE_CONFIG_DIR: 'alt' } }), S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1\u0000' } }));
const NAME = fc.constantFrom('10.json', '9.json', 'a.json', 'B.json', '.h.json', '20.txt', 'z.JSON');
const managedWorld = fc.record({
  base: fc.option(CONTENT, { freq: 2 }),
  dropIns: fc.dictionary(NAME, CONTENT, { maxKeys: 3 }),
  user: fc.option(fc.constantFrom(ON, OFF, S({ apiKeyHelper: 'echo u' }), S({ env: { ANTHROPIC_API_KEY: 'sk-ant-user' } })), { freq: 2 }),
  shell: fc.constantFrom<Record<string, string>>({}, { ANTHROPIC_API_KEY: KEY }, { CLAUDE_CODE_USE_FOUNDRY: '1' }, { CLAUDE_CODE_USE_VERTEX: '0' }),
});

describe.skipIf(!ok)('generated managed worlds', () => {
  it(`${RUNS} worlds (seed ${SEED})`, async () => {
    const worlds = fc.sample(managedWorld, { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    await Promise.all(
      [0, 1, 2].map(async (lane) => {
        for (let i = lane; i < worlds.length; i += 3) {
          const w = worlds[i]!;
          const managed: Managed = Object.fromEntries(Object.entries(w.dropIns).map(([n, t]) => [`${D}${n}`, t]));
          if (w.base !== null) managed[BASE] = w.base;
          const f = await check(managed, { name: `world ${i}`, env: w.shell, ...(w.user !== null ? { user: w.user } : {}) });
          if (f) failures.push(`world #${i} (seed ${SEED}): ${f}\n  ${JSON.stringify(w)}`);
        }
      }),
    );
    expect(failures, failures.join('\n')).toEqual([]);
  }, 180_000);
});
