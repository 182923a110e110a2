// Attacker input at the prompt, in the real shells (issue 15): what a hostile repository, a
// hostile directory name or a hostile environment value can make the generated code print,
// read or run. Each guarantee here is named in docs/security.md.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/profiles/config.js';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { CLI, cli, makeSandbox } from './helpers/sandbox.js';
import { requireTool } from './helpers/tools.js';
import { parseEnv0, runWithInit, shellsUnderTest, withoutNoise, type TestShell } from './helpers/shells.js';

const quote = (shell: TestShell, s: string) => (shell === 'fish' ? fishQuote(s) : posixQuote(s));
const promptCmd = 'prompt';

/** What the terminal must never get from us: C0 controls other than newline and tab, DEL, and
 *  the C1 controls U+0080..U+009F (which a UTF-8 terminal obeys like ESC sequences). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/u;

// Pieces attackers use: escape sequences (title, clear, clipboard), every C0 and C1 control,
// DEL, and ordinary text around them.
const C0 = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1));
const C1 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i));
const SEQUENCES = ['\x1b]2;pwned\x07', '\x1b[2J', '\x1b]52;c;cHduZWQ=\x07', '\x9b31m', '\x1bP$q\x1b\\', '\x1b[6n'];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...C0, ...C1, '\x7f'), weight: 3 },
  { arbitrary: fc.constantFrom(...SEQUENCES), weight: 2 },
  { arbitrary: fc.constantFrom('a', 'vertex', ' ', '-', 'é', '中', '😀', '$(x)', "'", '"', '\\', '%s'), weight: 3 },
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
/** A directory name: no `/`, no NUL, not `.` or `..`, short enough for any file system. */
const dirName = hostile.map((s) => s.replace(/\//g, '_').replace(/\0/g, '')).filter((s) => s !== '.' && s !== '..' && Buffer.byteLength(s) < 200);

interface Case {
  dir: string;
  marker: string;
  value: string;
}
const caseArb: fc.Arbitrary<Case> = fc.record({
  dir: dirName,
  // What the marker holds: hostile text, or a real profile name (so the switch message, which
  // names the directory, is printed too).
  marker: fc.oneof(hostile, fc.constant('vertex'), fc.constant('bedrock')),
  value: hostile.map((s) => s.replace(/\0/g, '')),
});

function controls(text: string): string[] {
  return [...text].filter((c) => CONTROL.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: no control character reaches the terminal`, () => {
    it('from generated directory names, markers and environment values (switch messages, warnings, cb-status)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(caseArb, { minLength: 3, maxLength: 6 }), async (cases) => {
          const sb = makeSandbox();
          const steps: string[] = [];
          cases.forEach((c, i) => {
            const dir = join(sb.home, `${i}-${c.dir}`);
            mkdirSync(dir);
            writeFileSync(join(dir, '.claude-backend'), c.marker + '\n');
            const setValue =
              shell === 'fish' ? `set -gx ANTHROPIC_MODEL ${quote(shell, c.value)}` : `export ANTHROPIC_MODEL=${quote(shell, c.value)}`;
            steps.push(setValue, `cd ${quote(shell, dir)}`, promptCmd, 'cb-status', `cb-use ${quote(shell, c.value)}`, 'cd ~', promptCmd, 'cb-status');
          });
          // A parent shell's profile, and a direnv directory, named by hostile values.
          const last = cases[cases.length - 1]!.value;
          steps.push(
            shell === 'fish' ? `set -gx CLAUDE_HOOKS_PROFILE ${quote(shell, last)}` : `export CLAUDE_HOOKS_PROFILE=${quote(shell, last)}`,
            'cb-status',
            shell === 'fish' ? `set -gx CLAUDE_HOOKS_DIRENV ${quote(shell, last)}` : `export CLAUDE_HOOKS_DIRENV=${quote(shell, last)}`,
            'cb-status',
            'cb-bedrock',
          );
          const run = await runWithInit(sb, shell, steps.join('\n'), {
            env: { AWS_REGION: last, CLOUD_ML_REGION: 'r', ANTHROPIC_VERTEX_PROJECT_ID: 'p' },
          });
          expect(run.stdout).toContain('variables'); // cb-status ran
          expect(controls(run.stdout), run.stdout).toEqual([]);
          expect(controls(run.stderr), run.stderr).toEqual([]);
        }),
        { numRuns: Number(process.env.CLAUDE_HOOKS_SECURITY_RUNS ?? 8) },
      );
    });
  });
}

describe('one sanitizer per shell language', () => {
  it('direnv runs the same _cb_clean as the bash integration', async () => {
    const body = (text: string, name: string) => {
      const start = text.indexOf(`\n${name}() {\n`);
      return start < 0 ? '' : text.slice(start, text.indexOf('\n}\n', start) + 3);
    };
    // What each really loads: both include shells/clean.bash, rendered.
    const fn = async (target: string) => {
      const text = (await cli(makeSandbox(), ['init', target])).stdout;
      return body(text, '_cb_clean') + body(text, '_cb_ctl_table');
    };
    expect(await fn('direnv')).toBe(await fn('bash'));
    expect(await fn('bash')).toContain('_cb_ctl_esc');
  });
});

/** Runs the built CLI in `cwd` (status and doctor judge the marker of the current directory). */
async function cliIn(sb: ReturnType<typeof makeSandbox>, cwd: string, args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, [CLI, ...args], { env: sb.env(env), extendEnv: false, reject: false, cwd, timeout: 20_000 });
}

// A marker is shown only when it holds a profile name: a symlink to a credentials file, or to
// /proc/self/environ, must not make any message print what that file says (item 2).
const SECRET = 'TOPSECRET-4242-credential';
function disclosureMarkers(sb: ReturnType<typeof makeSandbox>): Record<string, string> {
  const creds = join(sb.home, '.git-credentials');
  writeFileSync(creds, `https://user:${SECRET}@github.com\n`, { mode: 0o600 });
  const dirs: Record<string, string> = {};
  const make = (name: string, fill: (marker: string) => void) => {
    const dir = join(sb.home, name);
    mkdirSync(dir);
    fill(join(dir, '.claude-backend'));
    dirs[name] = dir;
  };
  make('link-to-creds', (m) => symlinkSync(creds, m));
  make('link-to-environ', (m) => symlinkSync('/proc/self/environ', m));
  make('secret-text', (m) => writeFileSync(m, `${SECRET}\n`));
  make('secret-after-name', (m) => writeFileSync(m, `vertex ${SECRET}\n`));
  make('unknown-name', (m) => writeFileSync(m, 'nosuchprofile\n'));
  return dirs;
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: marker content that is not a profile name is never shown`, () => {
    it('says what is wrong with it, without it, in warnings and cb-status', async () => {
      const sb = makeSandbox();
      const dirs = disclosureMarkers(sb);
      const steps = Object.values(dirs).flatMap((d) => [`cd ${quote(shell, d)}`, promptCmd, 'cb-status', 'cd ~', promptCmd]);
      const run = await runWithInit(sb, shell, steps.join('\n'), { env: { CB_SECRET_ENV: SECRET } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      const warn = (name: string, what: string) => `claude-hooks: .claude-backend at ${dirs[name]}/.claude-backend ${what}`;
      expect(run.stderr.split('\n')).toEqual(
        expect.arrayContaining([
          expect.stringContaining(warn('link-to-creds', 'does not hold a profile name; expected one profile name (')),
          expect.stringContaining(warn('link-to-environ', 'is empty; expected one profile name (')),
          expect.stringContaining(warn('secret-text', 'does not hold a profile name; ')),
          expect.stringContaining(warn('secret-after-name', 'does not hold a profile name; ')),
          // A name, only unknown: that may be shown.
          expect.stringContaining(warn('unknown-name', "names unknown profile 'nosuchprofile'; known: ")),
        ]),
      );
      expect(run.stdout).toContain(`here      .claude-backend at ${dirs['link-to-creds']}/.claude-backend does not hold a profile name; not used`);
    });
  });
}

describe('status and doctor: marker content that is not a profile name is never shown', () => {
  it('names the problem, not the content', async () => {
    const sb = makeSandbox();
    const dirs = disclosureMarkers(sb);
    for (const [name, dir] of Object.entries(dirs)) {
      for (const args of [['status'], ['status', '--json'], ['doctor'], ['doctor', '--json']]) {
        const r = await cliIn(sb, dir, args, { CB_SECRET_ENV: SECRET });
        expect(r.stdout + r.stderr, `${name}: ${args.join(' ')}`).not.toContain(SECRET);
      }
      const doctor = await cliIn(sb, dir, ['doctor'], { CB_SECRET_ENV: SECRET });
      const expected = name === 'unknown-name' ? "names unknown profile 'nosuchprofile'" : name === 'link-to-environ' ? 'is empty' : 'does not hold a profile name';
      expect(doctor.stdout + doctor.stderr, name).toContain(`${dir}/.claude-backend ${expected}`);
    }
  });
});

// Nothing at the prompt may block (item 3): FIFOs, devices and /proc's pseudo-files, as the
// marker or as what a symlinked marker points at, are refused before any read. A hang fails
// the test through the timeout instead of stalling the run.
function blockingMarkers(sb: ReturnType<typeof makeSandbox>): Array<[string, string, 'ignore' | 'empty']> {
  const out: Array<[string, string, 'ignore' | 'empty']> = [];
  const make = (name: string, expected: 'ignore' | 'empty', fill: (marker: string) => void) => {
    const dir = join(sb.home, name);
    mkdirSync(dir);
    fill(join(dir, '.claude-backend'));
    out.push([name, dir, expected]);
  };
  const fifo = join(sb.root, 'fifo-no-writer');
  execFileSync('mkfifo', [fifo]);
  make('fifo', 'ignore', (m) => execFileSync('mkfifo', [m]));
  make('link-to-fifo', 'ignore', (m) => symlinkSync(fifo, m));
  make('link-to-dev-zero', 'ignore', (m) => symlinkSync('/dev/zero', m));
  make('link-to-dev-stdin', 'ignore', (m) => symlinkSync('/dev/stdin', m));
  make('link-to-proc-environ', 'empty', (m) => symlinkSync('/proc/self/environ', m));
  // Reading /proc/kmsg waits for the next kernel message, for ever; only root may open it.
  if (process.getuid?.() === 0 && existsSync('/proc/kmsg')) make('link-to-proc-kmsg', 'empty', (m) => symlinkSync('/proc/kmsg', m));
  return out;
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: nothing at the prompt blocks`, () => {
    it('refuses FIFOs, devices and /proc pseudo-files before reading, linked or not', async () => {
      const sb = makeSandbox();
      const markers = blockingMarkers(sb);
      const steps = markers.flatMap(([name, dir]) => [`cd ${quote(shell, dir)}`, promptCmd, promptCmd, 'cb-status', `dump ${name}`, 'cd ~', promptCmd]);
      steps.push('echo finished');
      // A parent marker, which the ignored ones must not hide.
      writeFileSync(join(sb.home, '.claude-backend'), 'vertex\n');
      const run = await runWithInit(sb, shell, steps.join('\n'), { timeout: 15_000, env: { CLAUDE_HOOKS_QUIET: '1', CLOUD_ML_REGION: 'r', ANTHROPIC_VERTEX_PROJECT_ID: 'p' } });
      expect(run.exitCode, `timed out or failed: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('finished');
      for (const [name, dir, expected] of markers) {
        if (expected === 'ignore') {
          // Passed over: the marker of the directory above governs.
          expect(run.dumps[name]!.get('CLAUDE_HOOKS_PROFILE'), name).toBe('vertex');
        } else {
          expect(run.stderr, name).toContain(`claude-hooks: .claude-backend at ${dir}/.claude-backend is empty; `);
        }
      }
    });
  });
}

describe('status and doctor do not block either', () => {
  it('on the same markers', async () => {
    const sb = makeSandbox();
    for (const [name, dir] of blockingMarkers(sb)) {
      for (const args of [['status'], ['doctor']]) {
        const r = await cliIn(sb, dir, args);
        expect(r.timedOut, `${name}: ${args.join(' ')}`).toBe(false);
      }
    }
  });
});

// Secrets under a traced shell (item 6): the generated functions turn tracing off for their own
// bodies and put it back, so no key a switch moves (fetched, yours, AWS) is in the trace.
const KEYS = {
  ANTHROPIC_API_KEY: 'sk-ant-api03-TRACE-baseline-111111111',
  AWS_ACCESS_KEY_ID: 'AKIATRACEKEYID222222',
  AWS_SECRET_ACCESS_KEY: 'TRACE/aws/secret/access/key/333333333',
  AWS_SESSION_TOKEN: 'TRACE-aws-session-token-4444444444',
};
const FETCHED = 'sk-ant-api03-TRACE-fetched-555555555';
const keyLeaks = (text: string) => [...Object.values(KEYS), FETCHED].filter((k) => text.includes(k) || text.includes(k.slice(-12)));

function secretConfig(sb: ReturnType<typeof makeSandbox>): void {
  const fetch = join(sb.root, 'fetch-key');
  writeFileSync(fetch, `#!/bin/sh\nprintf '%s\\n' '${FETCHED}'\n`, { mode: 0o755 });
  sb.writeConfig(`[profiles.personal]\nbackend = "anthropic"\napiKeyCommand = "${fetch}"\n\n[profiles.work]\nbackend = "bedrock"\nregion = "us-east-1"\n`);
  mkdirSync(join(sb.home, 'proj'));
  writeFileSync(join(sb.home, 'proj', '.claude-backend'), 'personal\n');
}

/** Switches of every kind: manual, fetched key, Bedrock with AWS keys, by marker, and back. */
const SWITCHES = ['cb-use personal', 'cb-status', 'cb-bedrock', 'cb-status', 'cb-use work', 'cd proj', promptCmd, 'cb-status', 'cd ~', promptCmd, 'cb-anthropic', 'cb-status', 'cb-off', 'cb-status'];

for (const shell of shellsUnderTest()) {
  describe(`${shell}: a traced shell prints no key`, () => {
    const traceOn = shell === 'fish' ? 'set -g fish_trace 1' : shell === 'zsh' ? 'setopt xtrace' : 'set -x';
    it('switches and cb-status under tracing, which stays on for the user', async () => {
      const sb = makeSandbox();
      secretConfig(sb);
      const check = shell === 'fish' ? 'test -n "$fish_trace"; and echo still-tracing' : shell === 'zsh' ? '[[ -o xtrace ]] && echo still-tracing' : 'case $- in *x*) echo still-tracing ;; esac';
      const run = await runWithInit(sb, shell, [traceOn, ...SWITCHES, 'echo TRACE-PROBE', check].join('\n'), { env: KEYS });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).toContain('echo TRACE-PROBE'); // the trace was on, and is on after
      expect(run.stdout).toContain('still-tracing');
      expect(keyLeaks(run.stderr + run.stdout)).toEqual([]);
    });
  });
}

// Readonly variables (item 10): a switch that cannot apply completely applies nothing, says so
// in one line, fails, and never ends the shell, under set -e too. fish has no readonly
// variables of the user's, so it is not in this test.
for (const shell of shellsUnderTest().filter((s) => s !== 'fish')) {
  describe(`${shell}: a readonly variable stops the whole switch`, () => {
    const errexit = shell === 'zsh' ? 'setopt err_exit' : 'set -e';
    const rc = 'echo "rc=$?"';
    it.each([
      ['a manual switch', 'readonly ANTHROPIC_API_KEY', 'cb-bedrock', 'cannot switch to bedrock: ANTHROPIC_API_KEY is readonly'],
      ['switching off, after the user made the profile\'s variable readonly', 'cb-bedrock\nreadonly CLAUDE_CODE_USE_BEDROCK', 'cb-off', 'cannot switch off: CLAUDE_CODE_USE_BEDROCK is readonly'],
      ['a switch by marker', 'readonly ANTHROPIC_API_KEY', `cd proj\n${promptCmd}`, 'cannot switch to bedrock: ANTHROPIC_API_KEY is readonly'],
    ])('%s', async (_name, setup, action, message) => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'proj'));
      writeFileSync(join(sb.home, 'proj', '.claude-backend'), 'bedrock\n');
      const env = { ANTHROPIC_API_KEY: 'sk-ant-readonly-key', AWS_REGION: 'us-east-1', CLAUDE_HOOKS_QUIET: '1' };
      const back = action.startsWith('cd') ? ['cd ~', promptCmd] : [];
      const script = [setup, 'dump before', action, rc, 'dump after', ...back, errexit, action, 'echo still-alive', 'dump errexit'].join('\n');
      const run = await runWithInit(sb, shell, script, { env });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain('still-alive');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toEqual([`claude-hooks: ${message} in this shell; nothing changed`, `claude-hooks: ${message} in this shell; nothing changed`]);
      if (!action.startsWith('cd')) expect(run.stdout).toContain('rc=1');
      expect(withoutNoise(run.dumps.after!)).toEqual(withoutNoise(run.dumps.before!));
      expect(withoutNoise(run.dumps.errexit!)).toEqual(withoutNoise(run.dumps.before!));
    });

    it('leaves no record behind: a variable unset after the refusal stays unset at cb-off', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.bedrock]\nregion = "eu-west-1"\n');
      const env = { ANTHROPIC_API_KEY: 'sk-ant-readonly-key', AWS_REGION: 'mine', CLAUDE_HOOKS_QUIET: '1' };
      const run = await runWithInit(sb, shell, ['readonly ANTHROPIC_API_KEY', 'cb-bedrock 2>/dev/null', 'unset AWS_REGION', 'cb-off', 'dump off'].join('\n'), { env });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.off!.has('AWS_REGION')).toBe(false);
    });
  });
}

// Whose marker (item 5): as git's safe.directory, a marker counts only when you own it (as
// root, when root does), or when it is under one of the config's trustedDirectories. Needs
// root, to hand files to another user and to run a shell as `nobody`.
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const canDropRoot =
  asRoot &&
  (() => {
    try {
      execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
      return true;
    } catch {
      return false;
    }
  })();
if (!canDropRoot) console.warn('\n  SKIPPING marker ownership tests: they need root and setpriv\n');

function marker(dir: string, content: string, uid?: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.claude-backend'), content);
  if (uid !== undefined) chownSync(join(dir, '.claude-backend'), uid, uid);
}

const OWNED = (path: string) =>
  `claude-hooks: .claude-backend at ${path}/.claude-backend is owned by another user: only your own markers count (or those under trustedDirectories in your config); not switching`;

for (const shell of canDropRoot ? shellsUnderTest() : []) {
  describe(`${shell}: only your own markers count`, () => {
    it('as root: ignores another user\'s marker with one line, unless its directory is trusted', async () => {
      const sb = makeSandbox();
      sb.writeConfig('trustedDirectories = ["~/shared"]\n');
      marker(join(sb.home, 'foreign'), 'vertex\n', NOBODY);
      marker(join(sb.home, 'shared', 'x'), 'vertex\n', NOBODY);
      marker(join(sb.home, 'mine'), 'vertex\n');
      const steps = ['foreign', 'shared/x', 'mine'].flatMap((d, i) => [`cd ${quote(shell, join(sb.home, d))}`, promptCmd, promptCmd, 'cb-status', `dump d${i}`, 'cd ~', promptCmd]);
      const run = await runWithInit(sb, shell, steps.join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1', CLOUD_ML_REGION: 'r', ANTHROPIC_VERTEX_PROJECT_ID: 'p' } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.d0!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.dumps.d1!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.dumps.d2!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.stderr.trim().split('\n')).toEqual([OWNED(join(sb.home, 'foreign'))]);
      expect(run.stdout).toContain(`here      .claude-backend at ${join(sb.home, 'foreign')}/.claude-backend is owned by another user; not used`);
    });

    it('as another user: ignores root\'s marker, and a link to it, and follows its own', async () => {
      const sb = makeSandbox();
      marker(join(sb.home, 'rootowned'), 'vertex\n');
      marker(join(sb.home, 'mine'), 'vertex\n', NOBODY);
      mkdirSync(join(sb.home, 'link'));
      symlinkSync(join(sb.home, 'rootowned', '.claude-backend'), join(sb.home, 'link', '.claude-backend'));
      const steps = ['rootowned', 'link', 'mine'].flatMap((d, i) => [`cd ${quote(shell, join(sb.home, d))}`, promptCmd, promptCmd, `dump d${i}`, 'cd ~', promptCmd]);
      const run = await runWithInit(sb, shell, steps.join('\n'), { asNobody: true, env: { CLAUDE_HOOKS_QUIET: '1', CLOUD_ML_REGION: 'r', ANTHROPIC_VERTEX_PROJECT_ID: 'p' } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.d0!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.dumps.d1!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.dumps.d2!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.stderr.trim().split('\n')).toEqual([OWNED(join(sb.home, 'rootowned')), OWNED(join(sb.home, 'link'))]);
    });
  });
}

describe.skipIf(!asRoot)('status and doctor: only your own markers count', () => {
  it('doctor names another user\'s marker, and accepts it under trustedDirectories', async () => {
    const sb = makeSandbox();
    marker(join(sb.home, 'foreign'), 'nosuchprofile\n', NOBODY);
    const plain = await cliIn(sb, join(sb.home, 'foreign'), ['doctor']);
    expect(plain.stdout + plain.stderr).toContain(`${join(sb.home, 'foreign')}/.claude-backend is owned by another user`);
    sb.writeConfig('trustedDirectories = ["~/foreign"]\n');
    const trusted = await cliIn(sb, join(sb.home, 'foreign'), ['doctor']);
    expect(trusted.stdout + trusted.stderr).toContain("names unknown profile 'nosuchprofile'");
  });
});

describe('config: trustedDirectories', () => {
  it('takes absolute and ~/ paths, and names the key for anything else', () => {
    const env = { HOME: '/home/u' };
    expect(parseConfig('trustedDirectories = ["~/shared", "/workspace/", "/"]\n', '/c.toml', env).trustedDirectories).toEqual(['/home/u/shared', '/workspace', '/']);
    expect(parseConfig('', '/c.toml', env).trustedDirectories).toBeUndefined();
    expect(() => parseConfig('trustedDirectories = "/w"\n', '/c.toml', env)).toThrow(/^\/c\.toml:1: trustedDirectories: expected a list of directories/);
    expect(() => parseConfig('trustedDirectories = ["rel/dir"]\n', '/c.toml', env)).toThrow(/trustedDirectories: item 1: expected an absolute path or one starting with ~\/, got "rel\/dir"/);
    expect(() => parseConfig('trustedDirectories = [1]\n', '/c.toml', env)).toThrow(/trustedDirectories: item 1: .* got a number/);
  });
});

// Shell options that leak (item 7): bash set -a (zsh ALL_EXPORT) would export the fetched-key
// cache and the baseline records to every child; bash set -k made a switch print the whole
// environment. fish exports nothing it is not told to; it runs the same checks.
for (const shell of shellsUnderTest()) {
  describe(`${shell}: export-everything options do not export our variables`, () => {
    const allExport = shell === 'fish' ? '' : shell === 'zsh' ? 'setopt all_export' : 'set -a';
    it('the key cache and the records stay in the shell; the option stays on', async () => {
      const sb = makeSandbox();
      secretConfig(sb);
      const check = shell === 'fish' ? 'echo options-ok' : shell === 'zsh' ? '[[ -o all_export ]] && echo options-ok' : 'case $- in *a*) echo options-ok ;; esac';
      const steps = [allExport, 'cb-use personal', 'dump personal', 'cb-bedrock', 'dump bedrock', 'cd proj', promptCmd, 'dump proj', 'cd ~', promptCmd, 'cb-off', 'dump off', check];
      const run = await runWithInit(sb, shell, steps.join('\n'), { env: { ...KEYS, CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain('options-ok');
      for (const [name, env] of Object.entries(run.dumps)) {
        expect([...env.keys()].filter((k) => k.startsWith('_cb_')), name).toEqual([]);
      }
      // The fetched key is exported only as the variable it is for, while its profile is on.
      expect(run.dumps.personal!.get('ANTHROPIC_API_KEY')).toBe(FETCHED);
      for (const name of ['bedrock', 'off']) expect([...run.dumps[name]!.values()].filter((v) => v.includes(FETCHED)), name).toEqual([]);
    });
  });
}

for (const shell of shellsUnderTest().filter((s) => s === 'bash' || s === 'bash32')) {
  describe(`${shell}: set -k`, () => {
    it('a switch neither prints the environment nor loses a value', async () => {
      const sb = makeSandbox();
      secretConfig(sb);
      const steps = ['set -k', 'cb-bedrock', 'dump bedrock', 'cb-use personal', 'dump personal', 'cb-status', 'cd proj', promptCmd, 'cd ~', promptCmd, 'cb-off', 'dump off', 'case $- in *k*) echo options-ok ;; esac'];
      const run = await runWithInit(sb, shell, steps.join('\n'), { env: { ...KEYS, CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain('options-ok');
      expect(run.stdout + run.stderr).not.toMatch(/declare -x|^export /m);
      expect(keyLeaks(run.stdout + run.stderr)).toEqual([]);
      expect(run.dumps.bedrock!.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
      expect(run.dumps.personal!.get('ANTHROPIC_API_KEY')).toBe(FETCHED);
      expect(run.dumps.off!.get('ANTHROPIC_API_KEY')).toBe(KEYS.ANTHROPIC_API_KEY);
    });
  });
}

// Key commands run from a fixed directory (item 4): your home, never the directory you are in,
// where a repository's relative paths and PATH shims (node_modules/.bin) would pick what runs.
function keyCommandTrap(sb: ReturnType<typeof makeSandbox>) {
  const good = { key: 'sk-ant-api03-GOOD-home-key-1111', token: 'GOOD-token-from-real-op-2222' };
  const evil = { key: 'sk-ant-api03-EVIL-repo-key-6666', token: 'EVIL-token-from-repo-shim-7777' };
  writeFileSync(join(sb.home, 'key.txt'), good.key + '\n');
  const bin = join(sb.root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'op'), `#!/bin/sh\necho ${good.token}\n`, { mode: 0o755 });
  // The hostile repository: a key.txt of its own, and an `op` shim where a relative PATH entry finds it.
  const repo = join(sb.home, 'repo');
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(repo, 'key.txt'), evil.key + '\n');
  writeFileSync(join(repo, 'node_modules', '.bin', 'op'), `#!/bin/sh\necho ${evil.token}\n`, { mode: 0o755 });
  sb.writeConfig('[profiles.gw]\nbackend = "anthropic"\napiKeyCommand = "cat key.txt"\nauthTokenCommand = "op read op://vault/token"\n');
  const path = `node_modules/.bin:${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`;
  return { good, evil, repo, path };
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: key commands run from your home directory`, () => {
    it('not from a hostile directory with its own relative files and PATH shims', async () => {
      const sb = makeSandbox();
      const { good, repo, path } = keyCommandTrap(sb);
      writeFileSync(join(repo, '.claude-backend'), 'gw\n');
      const setPath = shell === 'fish' ? `set -gx PATH ${path.split(':').map((p) => quote(shell, p)).join(' ')}` : `export PATH=${quote(shell, path)}`;
      // cb-off forgets the fetched keys: the switch by marker fetches them again.
      const steps = [setPath, `cd ${quote(shell, repo)}`, 'cb-use gw', 'dump manual', 'cb-off', 'cd ~', promptCmd, `cd ${quote(shell, repo)}`, promptCmd, 'dump marker'];
      const run = await runWithInit(sb, shell, steps.join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.exitCode, run.stderr).toBe(0);
      for (const name of ['manual', 'marker']) {
        expect(run.dumps[name]!.get('ANTHROPIC_API_KEY'), name).toBe(good.key);
        expect(run.dumps[name]!.get('ANTHROPIC_AUTH_TOKEN'), name).toBe(good.token);
        expect(run.dumps[name]!.get('PWD'), name).toBe(repo); // the shell itself stayed there
      }
    });
  });
}

describe.skipIf(!requireTool('direnv', ['direnv', 'version']))('direnv: key commands run from your home directory', () => {
  it('not from the .envrc directory', async () => {
    const sb = makeSandbox();
    const { good, repo, path } = keyCommandTrap(sb);
    expect((await cli(sb, ['init', 'direnv', '--write'])).exitCode).toBe(0);
    writeFileSync(join(repo, '.envrc'), 'use claude gw\n');
    await execa('direnv', ['allow', repo], { env: sb.env(), extendEnv: false });
    const r = await execa('direnv', ['exec', repo, 'env', '-0'], { env: sb.env({ PATH: path }), extendEnv: false, reject: false, cwd: repo, encoding: 'buffer' });
    const env = parseEnv0(Buffer.from(r.stdout));
    expect(env.get('ANTHROPIC_API_KEY'), Buffer.from(r.stderr).toString()).toBe(good.key);
    expect(env.get('ANTHROPIC_AUTH_TOKEN')).toBe(good.token);
  });
});

// (set -k is not tested here: direnv's own stdlib stops working under it, before `use claude`.)
describe.skipIf(!requireTool('direnv', ['direnv', 'version']))('direnv: an .envrc under set -x prints no key', () => {
  it.each(['set -x'])('%s', async (option) => {
    const sb = makeSandbox();
    secretConfig(sb);
    expect((await cli(sb, ['init', 'direnv', '--write'])).exitCode).toBe(0);
    const dir = join(sb.home, 'envrc');
    mkdirSync(dir);
    writeFileSync(join(dir, '.envrc'), `${option}\nuse claude personal\n`);
    await execa('direnv', ['allow', dir], { env: sb.env(), extendEnv: false });
    const r = await execa('direnv', ['exec', dir, 'env', '-0'], { env: sb.env(KEYS), extendEnv: false, reject: false, cwd: sb.home, encoding: 'buffer' });
    const stderr = Buffer.from(r.stderr).toString();
    expect(parseEnv0(Buffer.from(r.stdout)).get('ANTHROPIC_API_KEY'), stderr).toBe(FETCHED);
    expect(keyLeaks(stderr)).toEqual([]);
    expect(stderr).not.toContain('declare -x');
  });
});
