// Hostile input at the prompt: directory names and .claude-backend files built to break,
// block or inject. Nothing may run, nothing may hang, the switch happens or a one-line
// warning says why not. Plus secret hygiene across every command's output.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { cli, makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, type TestShell } from './helpers/shells.js';

const quote = (shell: TestShell, s: string) => (shell === 'fish' ? fishQuote(s) : posixQuote(s));

const HOSTILE_DIRS = ['$(touch pwned)', '`touch pwned`', ';touch pwned;', '-n', 'new\nline', 'trailing ', 'ünï 中文 😀', '*', '[a]', "it's", '"q"', '\\back'];

for (const shell of shellsUnderTest()) {
  describe(`${shell}: hostile directories`, () => {
    it('enters and leaves each, switching inside and restoring outside, running nothing', async () => {
      const sb = makeSandbox();
      const steps: string[] = [];
      HOSTILE_DIRS.forEach((name, i) => {
        const dir = join(sb.home, name);
        mkdirSync(dir);
        writeFileSync(join(dir, '.claude-backend'), 'vertex\n');
        steps.push(`cd ${quote(shell, dir)}`, 'prompt', `dump in${i}`, 'cd ~', 'prompt', `dump out${i}`);
      });
      // A path of about 4,000 characters.
      let deep = join(sb.home, 'deep');
      for (let i = 0; i < 19; i++) deep = join(deep, 'd'.repeat(200));
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(sb.home, 'deep', '.claude-backend'), 'foundry\n');
      steps.push(`cd ${quote(shell, deep)}`, 'prompt', 'dump deep', 'cd ~', 'prompt', 'dump deepout');
      const env = { CLAUDE_HOOKS_QUIET: '1', ANTHROPIC_API_KEY: 'sk-ant-k', CLOUD_ML_REGION: 'r', ANTHROPIC_VERTEX_PROJECT_ID: 'p', ANTHROPIC_FOUNDRY_RESOURCE: 'f' };
      const run = await runWithInit(sb, shell, steps.join('\n'), { env });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      HOSTILE_DIRS.forEach((name, i) => {
        expect(run.dumps[`in${i}`]!.get('CLAUDE_CODE_USE_VERTEX'), name).toBe('1');
        expect(run.dumps[`out${i}`]!.has('CLAUDE_CODE_USE_VERTEX'), name).toBe(false);
        expect(run.dumps[`out${i}`]!.get('ANTHROPIC_API_KEY'), name).toBe('sk-ant-k');
      });
      expect(run.dumps.deep!.get('CLAUDE_CODE_USE_FOUNDRY')).toBe('1');
      expect(run.dumps.deepout!.has('CLAUDE_CODE_USE_FOUNDRY')).toBe(false);
      const pwned = (dir: string): boolean => readdirSync(dir, { withFileTypes: true }).some((e) => e.name === 'pwned' || (e.isDirectory() && !e.name.startsWith('d') && pwned(join(dir, e.name))));
      expect(pwned(sb.home)).toBe(false);
      expect(existsSync(join(sb.root, 'pwned'))).toBe(false);
    });
  });

  describe(`${shell}: hostile .claude-backend files`, () => {
    it.each<[string, (dir: string) => void, 'switch' | 'warn' | 'ignore']>([
      ['empty', (d) => writeFileSync(join(d, '.claude-backend'), ''), 'warn'],
      ['only whitespace', (d) => writeFileSync(join(d, '.claude-backend'), ' \t \r\n'), 'warn'],
      ['spaces around the name', (d) => writeFileSync(join(d, '.claude-backend'), '  vertex  \n'), 'switch'],
      ['a 1 MB line', (d) => writeFileSync(join(d, '.claude-backend'), 'v'.repeat(1 << 20)), 'warn'],
      ['shell code', (d) => writeFileSync(join(d, '.claude-backend'), '$(touch pwned); `touch pwned`\n'), 'warn'],
      ['a FIFO', (d) => execFileSync('mkfifo', [join(d, '.claude-backend')]), 'ignore'],
      ['a directory', (d) => mkdirSync(join(d, '.claude-backend')), 'ignore'],
      ['a symlink loop', (d) => symlinkSync('.claude-backend', join(d, '.claude-backend')), 'ignore'],
      ['a symlink to a marker elsewhere', (d) => (writeFileSync(join(d, '..', 'real-marker'), 'vertex\n'), symlinkSync(join(d, '..', 'real-marker'), join(d, '.claude-backend'))), 'switch'],
    ])('%s', async (_name, make, expected) => {
      const sb = makeSandbox();
      const dir = join(sb.home, 'p');
      mkdirSync(dir);
      make(dir);
      const run = await runWithInit(sb, shell, ['cd p', 'prompt', 'prompt', 'dump in', 'cd ~', 'prompt', 'dump out'].join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.exitCode).toBe(0);
      const lines = run.stderr.trim() ? run.stderr.trim().split('\n') : [];
      if (expected === 'switch') {
        expect(run.dumps.in!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
        expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^claude-hooks: vertex: no /)]));
      } else {
        expect(run.dumps.in!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
        if (expected === 'warn') {
          expect(lines).toHaveLength(1); // once, not at every prompt
          expect(lines[0]).toMatch(/^claude-hooks: \.claude-backend at .* (is empty|does not hold a profile name); .*not switching$/);
        } else expect(lines).toEqual([]);
      }
      expect(existsSync(join(dir, 'pwned'))).toBe(false);
      expect(existsSync(join(sb.home, 'pwned'))).toBe(false);
    });
  });
}

// Root reads every file: permissions are tested as `nobody`, where the tests run as root (CI).
const canDropRoot = process.getuid?.() === 0 && (() => {
  try {
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
    return true;
  } catch {
    return false;
  }
})();
if (!canDropRoot) console.warn('\n  SKIPPING permission tests: they need root and setpriv to run a shell as nobody\n');

for (const shell of canDropRoot ? shellsUnderTest() : []) {
  describe(`${shell}: files and directories it may not read`, () => {
    it('warns once about an unreadable marker, and finds a marker in a directory it may not list', async () => {
      const sb = makeSandbox();
      for (const d of ['locked', 'nolist']) mkdirSync(join(sb.home, d));
      writeFileSync(join(sb.home, 'locked', '.claude-backend'), 'vertex\n', { mode: 0o000 });
      writeFileSync(join(sb.home, 'nolist', '.claude-backend'), 'foundry\n', { mode: 0o644 });
      const { chmodSync, chownSync } = await import('node:fs');
      chmodSync(join(sb.home, 'locked', '.claude-backend'), 0o000);
      // Their own markers: only those count (docs/security.md, "Markers").
      for (const d of ['locked', 'nolist']) chownSync(join(sb.home, d, '.claude-backend'), 65534, 65534);
      chmodSync(join(sb.home, 'nolist'), 0o111); // enter, but not list
      // fish's own cd refuses a directory it cannot read, so only the others go in there.
      const nolist = shell === 'fish' ? [] : ['cd ../nolist', 'prompt', 'dump nolist'];
      const run = await runWithInit(sb, shell, ['cd locked', 'prompt', 'prompt', 'dump locked', ...nolist].join('\n'), {
        asNobody: true,
        env: { CLAUDE_HOOKS_QUIET: '1', ANTHROPIC_FOUNDRY_RESOURCE: 'r' },
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.locked!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.stderr.trim().split('\n')).toEqual([
        `claude-hooks: .claude-backend at ${join(sb.home, 'locked', '.claude-backend')} cannot be read; expected one profile name (anthropic bedrock vertex foundry mantle anthropic-aws anthropic-google-cloud gateway); not switching`,
      ]);
      if (shell !== 'fish') expect(run.dumps.nolist!.get('CLAUDE_HOOKS_PROFILE')).toBe('foundry');
    });
  });
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: bytes that are not UTF-8`, () => {
    it('restores a baseline value with invalid UTF-8 byte for byte', async () => {
      const sb = makeSandbox();
      // Set in the shell itself: an environment passed from node would have to be valid text.
      const set = shell === 'fish' ? "set -gx ANTHROPIC_BASE_URL \\xff\\xfe-\\xc3'(-'\\x80end" : "export ANTHROPIC_BASE_URL=$'\\xff\\xfe-\\xc3(-\\x80end'";
      const raw = (name: string) => {
        const buf = readFileSync(join(sb.root, name));
        const entries: Buffer[] = [];
        let start = 0;
        for (let i = 0; i < buf.length; i++) if (buf[i] === 0) (entries.push(buf.subarray(start, i)), (start = i + 1));
        return entries.find((e) => e.subarray(0, 19).toString() === 'ANTHROPIC_BASE_URL=');
      };
      const dump = (name: string) => `env -0 > '${join(sb.root, name)}'`;
      const run = await runWithInit(sb, shell, [set, dump('before'), 'cb-bedrock', dump('bedrock'), 'cb-anthropic', dump('anthropic'), 'cb-off', dump('after')].join('\n'), {
        env: { AWS_REGION: 'us-east-1', CLAUDE_HOOKS_QUIET: '1' },
      });
      expect(run.exitCode, run.stderr).toBe(0);
      const before = raw('before')!;
      expect([...before.subarray(19, 22)]).toEqual([0xff, 0xfe, 0x2d]);
      expect(raw('bedrock')).toBeUndefined();
      expect(raw('anthropic')).toEqual(before);
      expect(raw('after')).toEqual(before);
    });
  });
}

describe('secret hygiene', () => {
  // Random-looking, so that no run of their characters occurs in any output by chance.
  const SECRETS = {
    ANTHROPIC_API_KEY: 'sk-ant-api03-Qz8vKw3NpX7rLm2TyB6hJd4G',
    ANTHROPIC_AUTH_TOKEN: 'Vb5nHq2WxL9kTz4RmP7cYs3F',
    AWS_SECRET_ACCESS_KEY: 'wK3/pZ7qLx9Vn2Tb5Hr8Jm4Yc6Gd1Fs/Aq0e',
    AWS_SESSION_TOKEN: 'FQoGZXIvYXdzE7bKx2Lp9Wm4Rq6Tn3Hv8J',
    AWS_BEARER_TOKEN_BEDROCK: 'bdrk-Zp4Xq8Lm2Wv6Nt9Kc3Rj7Hy5',
    ANTHROPIC_FOUNDRY_API_KEY: 'fdry-Mx7Qw2Zk9Lp4Vt6Rc3Nj8Hb5',
  };
  const FETCHED = 'sk-ant-api03-Fh6Tq9Wz2Lk7Xm4Vp8Rc3Nb5J';
  // Any 6 characters in a row of a secret give it away, wherever they come from. A mask may
  // show the sk-ant-api03- prefix (public: every key has it) and the last 4, next to an
  // ellipsis, and nothing more; so the windows are taken from the rest.
  const leaks = (text: string) =>
    [...Object.values(SECRETS), FETCHED].filter((s) => {
      const secret = s.replace(/^sk-ant-api03-/, '');
      return Array.from({ length: secret.length - 5 }, (_, i) => secret.slice(i, i + 6)).some((w) => text.includes(w));
    });

  it('no command prints a secret, and no file it writes holds one', async () => {
    const sb = makeSandbox();
    // The key command is a script, as a password manager would be: the key is not in the command.
    const fetch = join(sb.root, 'fetch-key');
    writeFileSync(fetch, `#!/bin/sh\nprintf '%s\\n' '${FETCHED}'\n`, { mode: 0o755 });
    sb.writeConfig(`[profiles.personal]\nbackend = "anthropic"\napiKeyCommand = "${fetch}"\n\n[profiles.work]\nbackend = "bedrock"\nregion = "us-east-1"\n`);
    mkdirSync(join(sb.home, '.claude'), { recursive: true });
    writeFileSync(join(sb.home, '.claude', 'settings.json'), JSON.stringify({ apiKeyHelper: `echo ${SECRETS.ANTHROPIC_API_KEY}`, env: { ANTHROPIC_AUTH_TOKEN: SECRETS.ANTHROPIC_AUTH_TOKEN } }));
    const env = { ...SECRETS, CLAUDE_CODE_USE_BEDROCK: '1' };
    const proj = join(sb.home, 'proj');
    mkdirSync(proj);
    const commands = [
      ['init', 'bash'], ['init', 'zsh'], ['init', 'fish'], ['init', 'direnv'], ['init', 'direnv', '--write'],
      ['status'], ['status', '--json'], ['doctor'], ['doctor', '--json'], ['doctor', '--migrate'],
      ['profiles'], ['profiles', '--json'], ['profiles', 'show', 'personal'], ['config', 'check'], ['config', 'path'],
      ['envrc', 'work', '--write', '--dir', proj], ['envrc', 'nope'], ['init', 'tcsh'], ['--help'],
    ];
    for (const args of commands) {
      const r = await cli(sb, args, env);
      expect(leaks(r.stdout + r.stderr), args.join(' ')).toEqual([]);
    }
    const written = [join(proj, '.envrc'), join(sb.xdg, 'direnv', 'lib', 'claude-hooks.sh')];
    for (const f of written) expect(leaks(readFileSync(f, 'utf8')), f).toEqual([]);
    // And in every shell: cb-status after switching, fetching and clearing.
    for (const shell of shellsUnderTest()) {
      const run = await runWithInit(sb, shell, 'cb-use personal\ncb-status\ncb-bedrock\ncb-status\ncb-off\ncb-status', { env });
      expect(run.exitCode).toBe(0);
      expect(leaks(run.stdout + run.stderr), shell).toEqual([]);
    }
  });
});
