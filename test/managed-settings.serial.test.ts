// Managed settings (/etc/claude-code/managed-settings.json) are machine-wide: every Claude Code
// run on the machine reads them, the other tests' included. So these cases run in a file of
// their own, after the rest of the suite and alone (package.json runs *.serial.test.ts in a
// second vitest run): written while e2e tests ran claude, a managed file turning Foundry on
// sent their requests away from the recording server.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/sandbox.js';
import { CLAUDE, S, available, compare, setUp, type Case } from './helpers/oracle.js';

// Managed settings live at a fixed path under /etc: only where the tests may write there
// (root, on a throw-away CI machine, and no managed file of someone's own to disturb).
const MANAGED = '/etc/claude-code/managed-settings.json';
const managedOk = available && process.env.CI === 'true' && process.getuid?.() === 0 && !existsSync(MANAGED);

describe.skipIf(!managedOk).sequential('status agrees with `claude auth status` on managed settings', () => {
  const withManaged = async (managed: string, c: Case) => {
    mkdirSync('/etc/claude-code', { recursive: true });
    writeFileSync(MANAGED, managed);
    try {
      await compare(c);
    } finally {
      rmSync(MANAGED);
      if (readdirSync('/etc/claude-code').length === 0) rmSync('/etc/claude-code', { recursive: true });
    }
  };
  it('managed beats local', () => withManaged(S({ env: { CLAUDE_CODE_USE_VERTEX: '0' } }), { name: 'managed off, local on', local: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }) }));
  it('managed turns a backend on over the shell', () => withManaged(S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }), { name: 'managed foundry', env: { CLAUDE_CODE_USE_FOUNDRY: '0' } }));
  // managed-settings.d/*.json: read without the base file, stronger than it, the last name (in
  // byte order) strongest, only *.json and not hidden; a wrongly-typed key voids none of them.
  const withDropIns = async (dropIns: Record<string, string>, base: string | null, c: Case) => {
    mkdirSync('/etc/claude-code/managed-settings.d', { recursive: true });
    if (base !== null) writeFileSync(MANAGED, base);
    for (const [name, text] of Object.entries(dropIns)) writeFileSync(`/etc/claude-code/managed-settings.d/${name}`, text);
    try {
      await compare(c);
    } finally {
      rmSync('/etc/claude-code', { recursive: true });
    }
  };
  const ON = S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } });
  const OFF = S({ env: { CLAUDE_CODE_USE_VERTEX: '0' } });
  it('a drop-in without the base file', () => withDropIns({ '10-a.json': ON }, null, { name: 'drop-in only' }));
  it('a drop-in beats the base file', () => withDropIns({ '10-a.json': ON }, OFF, { name: 'drop-in over base' }));
  it('and turns it off too', () => withDropIns({ '10-a.json': OFF }, ON, { name: 'drop-in off over base' }));
  it('the last drop-in by name wins', () => withDropIns({ '10-a.json': ON, '20-b.json': OFF }, null, { name: '20 beats 10' }));
  it('the last drop-in by name wins, the other way', () => withDropIns({ '10-a.json': OFF, '20-b.json': ON }, null, { name: '20 beats 10, on' }));
  it('names sort by bytes: a.json after B.json', () => withDropIns({ 'B.json': ON, 'a.json': OFF }, null, { name: 'byte order' }));
  it('a drop-in that is not .json is not read', () => withDropIns({ '10-a.txt': ON }, null, { name: 'not json' }));
  it('a hidden drop-in is not read', () => withDropIns({ '.10-a.json': ON }, null, { name: 'hidden' }));
  it('a wrongly-typed key does not void a managed file', () => withDropIns({ '10-a.json': S({ apiKeyHelper: 5, env: { CLAUDE_CODE_USE_VERTEX: '1' } }) }, null, { name: 'managed wrong type' }));
  it('managed beats the repository root\'s settings.local.json', () =>
    withDropIns({}, OFF, { name: 'managed over repo local', setup: 'cd "$WORK" && git init -q . && mkdir -p sub', files: { '.claude/settings.local.json': ON }, cwd: 'sub' }));

  it('an invalid managed file stops claude auth status, and doctor says so', async () => {
    mkdirSync('/etc/claude-code', { recursive: true });
    writeFileSync(MANAGED, '{ nope');
    try {
      const { sb, work, env } = setUp({ name: 'invalid managed' });
      const real = await execa(CLAUDE, ['auth', 'status', '--json'], { cwd: work, env: sb.env(env), extendEnv: false, reject: false, timeout: 30_000 });
      expect(real.exitCode).not.toBe(0);
      expect(real.stderr + real.stdout).toContain('could not be parsed');
      const doctor = await cli(sb, ['doctor', '--json', '--dir', work], env);
      const found = (JSON.parse(doctor.stdout) as { findings: Array<{ id: string; severity: string; message: string }> }).findings;
      expect(found).toContainEqual(expect.objectContaining({ id: 'settings-invalid', severity: 'error', message: expect.stringContaining(MANAGED) }));
      expect(doctor.exitCode).toBe(1);
    } finally {
      rmSync('/etc/claude-code', { recursive: true });
    }
  });
});

