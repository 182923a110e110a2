// claude-hooks setup: the init line in each shell's start-up file, idempotent, with a backup,
// and --undo giving back the file byte for byte; and the cached init that needs no node.
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cli, makeSandbox } from './helpers/sandbox.js';
import { initShell, shellBinary, shellsUnderTest } from './helpers/shells.js';
import { requireTool } from './helpers/tools.js';

const MINE = '# my own start-up file\nexport EDITOR="vim"  # ünïcödé\nalias ll="ls -l"'; // no newline at the end
const straceOk = requireTool('strace', ['strace', '-f', '-o', '/dev/null', 'true']);

for (const shell of shellsUnderTest()) {
  const target = initShell(shell); // bash 3.2 reads the same ~/.bashrc as bash 5
  const rcOf = (sb: ReturnType<typeof makeSandbox>) =>
    target === 'bash' ? join(sb.home, '.bashrc') : shell === 'zsh' ? join(sb.home, '.zshrc') : join(sb.xdg, 'fish', 'conf.d', 'claude-hooks.fish');
  const load = (rc: string, then: string) => {
    const bin = shellBinary(shell)!;
    // fish as a terminal runs it: setup's conf.d file loads only in interactive fish (issue 18).
    return shell === 'fish' ? [bin, '--no-config', '-i', '-c', `source '${rc}'; ${then}`] : shell === 'zsh' ? [bin, '-f', '-c', `source '${rc}'; ${then}`] : [bin, '--norc', '-c', `. '${rc}'; ${then}`];
  };

  describe(`${shell}: claude-hooks setup`, () => {
    it('adds one block, works, does nothing the second time, and --undo restores the bytes', async () => {
      const sb = makeSandbox();
      const rc = rcOf(sb);
      mkdirSync(join(rc, '..'), { recursive: true });
      if (shell !== 'fish') writeFileSync(rc, MINE);
      const original = existsSync(rc) ? readFileSync(rc) : undefined;

      const dry = await cli(sb, ['setup', target, '--dry-run']);
      expect(dry.exitCode, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('would add to');
      expect(existsSync(rc) ? readFileSync(rc) : undefined).toEqual(original);

      const first = await cli(sb, ['setup', target]);
      expect(first.exitCode, first.stderr).toBe(0);
      const written = readFileSync(rc, 'utf8');
      if (original) {
        expect(written.startsWith(MINE + '\n# >>> claude-hooks >>>')).toBe(true);
        expect(readFileSync(rc + '.claude-hooks.bak')).toEqual(original);
      }
      const again = await cli(sb, ['setup', target]);
      expect(again.stdout).toContain('already loads claude-hooks; nothing to do');
      expect(readFileSync(rc, 'utf8')).toBe(written);

      // A new shell that reads the file has the functions.
      const [bin, ...args] = load(rc, 'cb-bedrock; echo "use=$CLAUDE_CODE_USE_BEDROCK"');
      const r = await execa(bin!, args, { env: sb.env({ AWS_REGION: 'us-east-1' }), extendEnv: false, reject: false });
      expect(r.stdout).toContain('use=1');

      const undo = await cli(sb, ['setup', target, '--undo']);
      expect(undo.exitCode, undo.stderr).toBe(0);
      if (original) expect(readFileSync(rc)).toEqual(original);
      else expect(existsSync(rc)).toBe(false);
      const undoAgain = await cli(sb, ['setup', target, '--undo']);
      expect(undoAgain.stdout).toContain('nothing to undo');
    });

    it.skipIf(!straceOk)('--cache: starts no node when the cached copy is fresh, refreshes when the config changes', async () => {
      const sb = makeSandbox();
      const config = sb.writeConfig('[profiles.work]\nbackend = "bedrock"\nregion = "us-east-1"\n');
      const rc = rcOf(sb);
      mkdirSync(join(rc, '..'), { recursive: true });
      expect((await cli(sb, ['setup', target, '--cache'])).exitCode).toBe(0);
      const cache = join(sb.home, '.cache', 'claude-hooks', `init.${target}`);
      const run = async (then: string) => {
        const log = join(sb.root, `strace-${Math.random()}`);
        const r = await execa('strace', ['-f', '-e', 'trace=execve', '-o', log, ...load(rc, then)], { env: sb.env(), extendEnv: false, reject: false });
        const execs = readFileSync(log, 'utf8').split('\n').filter((l) => /execve\(/.test(l) && !/= -1/.test(l));
        return { ...r, nodeStarts: execs.filter((l) => /node/.test(l)).length };
      };
      const miss = await run('cb-use work; echo "region=$AWS_REGION"');
      expect(miss.stdout).toContain('region=us-east-1');
      expect(miss.nodeStarts).toBe(1); // no cache yet: node writes it
      expect(existsSync(cache)).toBe(true);
      const hit = await run('cb-use work; echo "region=$AWS_REGION"');
      expect(hit.stdout).toContain('region=us-east-1');
      expect(hit.nodeStarts).toBe(0);
      // The config changes: the next start refreshes, once.
      writeFileSync(config, '[profiles.work]\nbackend = "bedrock"\nregion = "eu-west-1"\n');
      const later = new Date(Date.now() + 5000);
      utimesSync(config, later, later);
      const refresh = await run('cb-use work; echo "region=$AWS_REGION"');
      expect(refresh.stdout).toContain('region=eu-west-1');
      expect(refresh.nodeStarts).toBe(1);
      utimesSync(cache, new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
      const hitAgain = await run('echo ok');
      expect(hitAgain.nodeStarts).toBe(0);
      expect(statSync(cache).size).toBeGreaterThan(1000);
    });
  });
}

describe('claude-hooks setup without a shell', () => {
  it('says so in one line when $SHELL is not bash, zsh or fish', async () => {
    const sb = makeSandbox();
    const r = await cli(sb, ['setup'], { SHELL: '/bin/tcsh' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe('claude-hooks: setup: cannot tell your shell from SHELL="/bin/tcsh"; name it: claude-hooks setup bash|zsh|fish (see claude-hooks --help)');
  });
});
