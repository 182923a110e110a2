// The README's "Install", run literally as a newcomer would on a fresh machine: from a checkout,
// `npm pack` (which builds dist through `prepare`) and `npm install -g` of the tarball into a
// prefix of their own, `claude-hooks setup` for the shell in $SHELL, then a NEW interactive
// shell in a terminal (tmux) that reads its own start-up file, and `cb-bedrock` there.
// Nothing of the developer's is used: not dist/, not the test helpers' init files.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/sandbox.js';
import { shellBinary, shellsUnderTest } from './helpers/shells.js';
import { Terminal } from './helpers/tmux.js';
import { requireTool } from './helpers/tools.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The commands of the first sh block in `text` (after `after`, when given), as written there. */
function shBlock(text: string, after = ''): string[] {
  const section = after ? text.split(after)[1]!.split('\n## ')[0]! : text;
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** The commands of the README's Install block, as written there. */
function installBlock(): string[] {
  return shBlock(readFileSync(join(ROOT, 'README.md'), 'utf8'), '\n## Install\n');
}

// docs/getting-started.md opens with the same install (its setup comes per shell, after): the
// run below holds for both.
it('docs/getting-started.md installs with the commands of the README', () => {
  const guide = shBlock(readFileSync(join(ROOT, 'docs', 'getting-started.md'), 'utf8'));
  expect(guide.length).toBeGreaterThan(1);
  expect(installBlock().slice(0, guide.length)).toEqual(guide);
});

const hasTmux = requireTool('tmux');
const shells = shellsUnderTest().filter((s): s is 'bash' | 'zsh' | 'fish' => s !== 'bash32');

describe('install from a checkout, as the README says', () => {
  const work = mkdtempSync(join(tmpdir(), 'claude-hooks-newcomer-'));
  const prefix = join(work, 'prefix');
  const npmEnv = {
    ...process.env,
    npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME ?? work, '.npm'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    // The newcomer's own global prefix: `npm install -g` puts the command in its bin.
    npm_config_prefix: prefix,
    // dependencies from the cache when they are there (CI has just run npm ci)
    npm_config_prefer_offline: 'true',
  };
  const checkout = join(work, 'claude-hooks');

  beforeAll(async () => {
    // A checkout: the files git knows, as they are in this working tree.
    const files = (await execa('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })).stdout.split('\n').filter(Boolean);
    for (const f of files) {
      if (f.startsWith('dist/') || !existsSync(join(ROOT, f))) continue;
      mkdirSync(dirname(join(checkout, f)), { recursive: true });
      cpSync(join(ROOT, f), join(checkout, f));
    }
    expect(existsSync(join(checkout, 'dist'))).toBe(false);
    // `npm ci`, the first line, installs the build's tools: the ones this run already has.
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
    const lines = installBlock();
    expect(lines).toEqual(['npm ci', 'npm pack', `npm install -g ./claude-hooks-${version}.tgz`, 'claude-hooks setup']);
    await execa('npm', ['pack'], { cwd: checkout, env: npmEnv });
    await execa('npm', ['install', '-g', `./claude-hooks-${version}.tgz`], { cwd: checkout, env: npmEnv });
  }, 300_000);

  it('packs a tarball with dist built, the LICENSE, and nothing of the tests', async () => {
    const list = (await execa('tar', ['tzf', join(checkout, `claude-hooks-${version}.tgz`)])).stdout.split('\n');
    expect(list).toContain('package/dist/cli.cjs');
    expect(list).toContain('package/dist/commands-status.cjs');
    expect(list).toContain('package/LICENSE');
    expect(list).toContain('package/shells/fish.fish');
    expect(list.filter((f) => f.startsWith('package/test/') || f.startsWith('package/src/'))).toEqual([]);
    expect(readFileSync(join(checkout, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  for (const shell of shells) {
    it.skipIf(!hasTmux)(`${shell}: setup, then a new terminal has cb-bedrock`, async () => {
      const home = join(work, `home-${shell}`);
      mkdirSync(home, { recursive: true });
      const bin = shellBinary(shell)!;
      const env = {
        PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
        HOME: home,
        SHELL: bin,
        LANG: 'C.UTF-8',
        TERM: 'xterm',
      };
      const setup = await execa('claude-hooks', ['setup'], { env, extendEnv: false, cwd: home, reject: false });
      expect(setup.exitCode, setup.stderr).toBe(0);
      expect(setup.stdout).toMatch(/claude-hooks: added to /);
      // What setup wrote holds no path of this install (the command is on PATH).
      const rc = shell === 'bash' ? join(home, '.bashrc') : shell === 'zsh' ? join(home, '.zshrc') : join(home, '.config', 'fish', 'conf.d', 'claude-hooks.fish');
      expect(readFileSync(rc, 'utf8')).not.toContain(prefix);
      if (shell === 'fish') expect(readFileSync(rc, 'utf8')).toContain('if status is-interactive');

      const term = await Terminal.start([bin, '-i'], env, home);
      const waitFor = (pattern: RegExp) => term.waitFor(pattern);
      const type = (line: string) => term.type(line);
      try {
        const status = shell === 'fish' ? '$status' : '$?';
        await type(shell === 'fish' ? 'set -gx AWS_REGION us-east-1' : 'export AWS_REGION=us-east-1');
        await type('cb-bedrock; cb-status');
        await waitFor(/variables in this shell[^\n]*\n(?:.*\n)*\s+CLAUDE_CODE_USE_BEDROCK=1/);
        // A mistake is refused with the usage, exit 2, and nothing changes.
        await type(`cb-anthropic --now; echo "rc=${status}"; echo "use=$CLAUDE_CODE_USE_BEDROCK"`);
        // The output line, not the command line as typed (which holds `use=` too).
        const text = await waitFor(/^use=\S*$/m);
        expect(text).toContain('usage: cb-anthropic');
        expect(text).toContain('rc=2');
        expect(text).toContain('use=1');
      } finally {
        await term.close();
      }
    }, 60_000);

    // docs/getting-started.md, this shell's section, typed line by line into a terminal as it
    // is written there (from sh, which has no start-up file for setup to change): setup, exec
    // into the shell, then each command; every switch must say what it did.
    it.skipIf(!hasTmux)(`${shell}: docs/getting-started.md, typed as written`, async () => {
      const guide = readFileSync(join(ROOT, 'docs', 'getting-started.md'), 'utf8');
      const lines = shBlock(guide, `\n## ${shell}\n`);
      expect(lines[0]).toBe(`claude-hooks setup ${shell}`);
      expect(lines[1]).toBe(`exec ${shell}`);
      expect(lines).toContain('cb-bedrock');
      const home = join(work, `guide-${shell}`);
      mkdirSync(home, { recursive: true });
      const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: home, SHELL: shellBinary(shell)!, LANG: 'C.UTF-8', TERM: 'xterm' };
      const term = await Terminal.start(['sh'], env, home);
      const waitFor = (pattern: RegExp) => term.waitFor(pattern);
      const type = (line: string) => term.type(line);
      try {
        for (const line of lines) {
          // The shell's path on this machine may differ from the one the guide assumes.
          await type(line.replace(/^exec (bash|zsh|fish)$/, `exec ${shellBinary(shell)!}`));
          if (line.startsWith('claude-hooks setup')) await waitFor(/claude-hooks: added to /);
          if (line === 'cb-bedrock') await waitFor(/^claude-hooks: bedrock\b/m);
          if (line === 'cb-status') await waitFor(/variables in this shell[^\n]*\n(?:.*\n)*\s+CLAUDE_CODE_USE_BEDROCK=1/);
          if (line === 'cb-off') await waitFor(/^claude-hooks: off: your own variables are back$/m);
        }
        await type(shell === 'fish' ? 'echo "use=$CLAUDE_CODE_USE_BEDROCK"' : 'echo "use=${CLAUDE_CODE_USE_BEDROCK:-}"');
        const text = await waitFor(/^use=\S*$/m);
        expect(text).toMatch(lines.includes('cb-off') ? /^use=$/m : /^use=1$/m);
        expect(text).not.toMatch(/command not found|Unknown command|not found/);
      } finally {
        await term.close();
      }
    }, 60_000);
  }
});
