// Never block on reading: every command that reads a file it is about to change (setup's
// start-up file and its lock, envrc's .envrc, init --cache's cached copy, init direnv --write's
// library, config init's config), and status reading a repository's .git and commondir, against
// each kind of file that is not a regular one. A FIFO made a plain read wait for a writer forever
// (a shell start-up with `init bash --cache` hung on a FIFO cache file); /dev/zero never ends.
// Each run must end within seconds with one line naming the file (exit 2), or for the start-up
// line, load without the cache and say why; and the special file must still be there.
import { lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, makeSandbox, type Sandbox } from './helpers/sandbox.js';

const KINDS = {
  FIFO: (path: string) => execFileSync('mkfifo', [path]),
  '/dev/zero': (path: string) => symlinkSync('/dev/zero', path),
  directory: (path: string) => mkdirSync(path),
} as const;
type Kind = keyof typeof KINDS;

/** What leaves `path` of `kind` where it was: a FIFO is still a FIFO, and so on. */
function stillThere(path: string, kind: Kind) {
  const st = lstatSync(path);
  if (kind === 'FIFO') expect(st.isFIFO(), path).toBe(true);
  if (kind === '/dev/zero') expect(st.isSymbolicLink(), path).toBe(true);
  if (kind === 'directory') expect(st.isDirectory(), path).toBe(true);
}

async function run(sb: Sandbox, args: string[], env: Record<string, string> = {}) {
  const r = await execa(process.execPath, [CLI, ...args], { env: sb.env({ SHELL: '/bin/bash', ...env }), extendEnv: false, reject: false, cwd: sb.home, timeout: 10_000, stdin: 'ignore' });
  expect(r.timedOut, `${args.join(' ')} blocked`).toBe(false);
  return r;
}

interface Target {
  name: string;
  /** The file the command reads before it writes, under the sandbox. */
  file: (sb: Sandbox) => string;
  args: (sb: Sandbox) => string[];
  /** A run that must still succeed (the start-up line), saying why it did without the file. */
  loadsAnyway?: boolean;
}

const TARGETS: Target[] = [
  { name: 'setup bash', file: (sb) => join(sb.home, '.bashrc'), args: () => ['setup', 'bash'] },
  { name: 'setup bash --dry-run', file: (sb) => join(sb.home, '.bashrc'), args: () => ['setup', 'bash', '--dry-run'] },
  { name: 'setup bash --undo', file: (sb) => join(sb.home, '.bashrc'), args: () => ['setup', 'bash', '--undo'] },
  { name: 'setup zsh', file: (sb) => join(sb.home, '.zshrc'), args: () => ['setup', 'zsh'] },
  { name: 'setup fish', file: (sb) => join(sb.xdg, 'fish', 'conf.d', 'claude-hooks.fish'), args: () => ['setup', 'fish'] },
  { name: "setup bash's lock", file: (sb) => join(sb.home, '..bashrc.claude-hooks.lock'), args: () => ['setup', 'bash'] },
  { name: 'setup bash, the backup', file: (sb) => join(sb.home, '.bashrc.claude-hooks.bak'), args: () => ['setup', 'bash'] },
  { name: 'envrc --write', file: (sb) => join(sb.home, 'p', '.envrc'), args: (sb) => ['envrc', 'bedrock', '--write', '--dir', join(sb.home, 'p')] },
  { name: 'init direnv --write', file: (sb) => join(sb.xdg, 'direnv', 'lib', 'claude-hooks.sh'), args: () => ['init', 'direnv', '--write'] },
  { name: 'config init', file: (sb) => join(sb.xdg, 'claude-hooks', 'config.toml'), args: () => ['config', 'init'] },
  { name: 'init bash --cache (the start-up line)', file: (sb) => join(sb.home, '.cache', 'claude-hooks', 'init.bash'), args: () => ['init', 'bash', '--cache'], loadsAnyway: true },
  { name: 'init fish --cache (the start-up line)', file: (sb) => join(sb.home, '.cache', 'claude-hooks', 'init.fish'), args: () => ['init', 'fish', '--cache'], loadsAnyway: true },
];

describe.concurrent('a file that is not a regular file, where a command reads before it writes', () => {
  for (const t of TARGETS) {
    for (const kind of Object.keys(KINDS) as Kind[]) {
      it(`${t.name}: ${kind}`, async () => {
        const sb = makeSandbox();
        const file = t.file(sb);
        mkdirSync(join(file, '..'), { recursive: true });
        // The backup is only read or written when there is a start-up file to back up.
        if (t.name.includes('backup')) writeFileSync(join(sb.home, '.bashrc'), 'export A=1\n');
        KINDS[kind](file);
        const r = await run(sb, t.args(sb), { XDG_CACHE_HOME: '' });
        // A backup that is a link is replaced by design (setup.ts), never written through.
        if (!(t.name.includes('backup') && kind === '/dev/zero')) stillThere(file, kind);
        if (t.loadsAnyway) {
          expect(r.exitCode, r.stderr).toBe(0);
          expect(r.stdout).toContain('cb-use');
          expect(r.stderr).toMatch(/^claude-hooks: cannot write the cache .*; loading without it$/);
          return;
        }
        // A directory in config init's place is "already there" for some, an error for others:
        // what matters is one line, no trace, and exit 0 or 2.
        expect([0, 2], r.stderr).toContain(r.exitCode);
        if (r.exitCode === 2) expect(r.stderr).toMatch(/^claude-hooks: [^\n]+$/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      });
    }
  }
});

describe.concurrent("status in a hostile repository: its .git file and commondir are read without blocking", () => {
  const layouts: Record<string, (root: string) => void> = {
    'commondir a FIFO': (root) => {
      writeFileSync(join(root, '.git'), 'gitdir: evil\n');
      execFileSync('mkfifo', [join(root, 'evil', 'commondir')]);
    },
    'commondir /dev/zero': (root) => {
      writeFileSync(join(root, '.git'), 'gitdir: evil\n');
      symlinkSync('/dev/zero', join(root, 'evil', 'commondir'));
    },
    'commondir a directory': (root) => {
      writeFileSync(join(root, '.git'), 'gitdir: evil\n');
      mkdirSync(join(root, 'evil', 'commondir'));
    },
    '.git a symlink to /dev/zero': (root) => symlinkSync('/dev/zero', join(root, '.git')),
    '.git a FIFO': (root) => execFileSync('mkfifo', [join(root, '.git')]),
  };
  for (const [name, make] of Object.entries(layouts)) {
    it(`${name}: status and doctor answer, and read the root's settings.local.json as Claude Code does`, async () => {
      const sb = makeSandbox();
      const root = join(sb.home, 'repo');
      mkdirSync(join(root, 'sub'), { recursive: true });
      mkdirSync(join(root, 'evil'), { recursive: true });
      mkdirSync(join(root, '.claude'), { recursive: true });
      writeFileSync(join(root, '.claude', 'settings.local.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }));
      make(root);
      const status = await run(sb, ['status', '--json', '--dir', join(root, 'sub')]);
      expect(status.exitCode, status.stderr).toBe(0);
      // Measured on 2.1.332: a gitdir whose commondir is no file leaves the checkout as the
      // root (its settings.local.json is read); a .git that is no file or directory is no root.
      const isRoot = name.startsWith('commondir');
      expect(JSON.parse(status.stdout).provider).toBe(isRoot ? 'vertex' : 'firstParty');
      const doctor = await run(sb, ['doctor', '--no-verify', '--dir', join(root, 'sub')]);
      expect([0, 1]).toContain(doctor.exitCode);
      rmSync(sb.root, { recursive: true, force: true });
    });
  }
});

// A working directory removed under the shell (a branch switch, a `rm -rf` in another
// terminal): process.cwd() throws ENOENT, and status, doctor and envrc --write printed a Node
// trace (exit 1). Each says it in one line now (exit 2); the start-up line still loads.
describe.concurrent('in a working directory that was removed', () => {
  const CASES: Array<[string[], number]> = [
    [['status'], 2],
    [['status', '--json'], 2],
    [['status', '--dir', '.'], 2],
    [['doctor', '--no-verify'], 2],
    [['envrc', 'bedrock', '--write'], 2],
    [['init', 'bash'], 0],
    [['profiles'], 0],
  ];
  it.each(CASES)('%j: exit %i, no trace', async (args, code) => {
    const sb = makeSandbox();
    const gone = join(sb.home, 'gone');
    mkdirSync(gone);
    const r = await execa('bash', ['-c', 'cd "$1" && rmdir "$1" && shift && exec "$@"', 'x', gone, process.execPath, CLI, ...args], { env: sb.env(), extendEnv: false, reject: false, timeout: 10_000, stdin: 'ignore' });
    expect(r.exitCode, r.stderr.slice(0, 300)).toBe(code);
    expect(r.stderr).not.toMatch(/\n\s+at |node:internal/);
    if (code === 2) expect(r.stderr).toMatch(/^claude-hooks: \w+: the current directory no longer exists/);
  });
});

// A home directory that cannot be written (mounted read-only, or full): each command that writes
// says so in one line, exit 2; init --cache still loads. config init and init direnv --write
// printed a Node trace (exit 1). Each run gets a private mount namespace: nothing else sees it.
const canMount = (() => {
  try {
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'true'], { stdio: 'ignore' });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
})();
if (!canMount) console.warn('\n  SKIPPING the read-only and full home tests: they need root and unshare\n');

describe.concurrent.skipIf(!canMount)('a home that cannot be written', () => {
  const MOUNTS = {
    'read-only': 'mount --bind "$H" "$H" && mount -o remount,bind,ro "$H"',
    full: 'mount -t tmpfs -o size=16k claude-hooks-full "$H" && head -c 16384 /dev/zero > "$H/fill" 2>/dev/null || true',
  } as const;
  // Each with the file it meant to write, which the line must name.
  const COMMANDS: Array<[string[], number, string]> = [
    [['setup', 'bash'], 2, '.bashrc'],
    [['setup', 'fish'], 2, 'claude-hooks.fish'],
    [['config', 'init'], 2, 'config.toml'],
    [['init', 'direnv', '--write'], 2, 'claude-hooks.sh'],
    [['envrc', 'bedrock', '--write', '--dir', '.'], 2, '.envrc'],
    [['init', 'bash', '--cache'], 0, 'init.bash'],
  ];
  for (const [kind, mount] of Object.entries(MOUNTS)) {
    it.each(COMMANDS)(`${kind}: %j exits %i with one line naming %s, no trace`, async (args, code, file) => {
      const sb = makeSandbox();
      const r = await execa('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `H="$1"; shift; ${mount}; cd "$H" && exec "$@"`, 'sh', sb.home, process.execPath, CLI, ...args], {
        env: sb.env({ SHELL: '/bin/bash', XDG_CACHE_HOME: '', XDG_CONFIG_HOME: '' }),
        extendEnv: false,
        reject: false,
        timeout: 10_000,
        stdin: 'ignore',
      });
      expect(r.exitCode, r.stderr.slice(0, 400)).toBe(code);
      expect(r.stderr).toMatch(/^claude-hooks: [^\n]+$/);
      expect(r.stderr).not.toMatch(/\n\s+at |node:internal/);
      expect(r.stderr).toContain(file);
      if (code === 0) expect(r.stdout).toContain('cb-use');
    });
  }
});
