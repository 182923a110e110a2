// The user's own files (~/.bashrc, ~/.zshrc, fish's conf.d, an .envrc): every byte outside our
// block stays as it was, a symlink (stow, chezmoi, home-manager) stays a link to the same file,
// concurrent runs leave one block, and setup says what it sees that would make the block misbehave.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withBlockBytes, withoutBlockBytes, BLOCK_START, BLOCK_END } from '../src/block.js';
import { cli, makeSandbox, type Sandbox } from './helpers/sandbox.js';
import { shellBinary } from './helpers/shells.js';

// Latin-1 and broken UTF-8, CRLF, a NUL, and no newline at the end.
const LATIN1 = Buffer.concat([Buffer.from('# mine\r\nexport NAME="Jos'), Buffer.from([0xe9, 0x20, 0xff, 0xc3, 0x28, 0x00]), Buffer.from('"\nalias ll="ls -l"')]);

const rcOf = (sb: Sandbox, shell: 'bash' | 'zsh' | 'fish') =>
  shell === 'bash' ? join(sb.home, '.bashrc') : shell === 'zsh' ? join(sb.home, '.zshrc') : join(sb.xdg, 'fish', 'conf.d', 'claude-hooks.fish');

async function loads(sb: Sandbox, shell: 'bash' | 'zsh', rc: string) {
  const bin = shellBinary(shell)!;
  const args = shell === 'zsh' ? ['-f', '-c', `source '${rc}'; cb-bedrock; echo "use=$CLAUDE_CODE_USE_BEDROCK"`] : ['--norc', '-c', `. '${rc}'; cb-bedrock; echo "use=$CLAUDE_CODE_USE_BEDROCK"`];
  return execa(bin, args, { env: sb.env({ AWS_REGION: 'us-east-1' }), extendEnv: false, reject: false });
}

describe('our block in a file of bytes', () => {
  const ours = (b: Uint8Array) => Buffer.from(b).toString('latin1').includes('claude-hooks');
  it('puts the block in and takes it out, giving back any bytes at all', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }).filter((b) => !ours(b)), fc.boolean(), (bytes, created) => {
        const before = Buffer.from(bytes);
        const body = 'eval "$(claude-hooks init bash)" # ünï\n';
        const withIt = withBlockBytes(before, body, '/f', created && before.length === 0);
        expect(withIt.subarray(0, before.length)).toEqual(before);
        expect(withIt.toString('utf8')).toContain(body);
        expect(withoutBlockBytes(withIt, '/f').bytes).toEqual(before);
        // Twice is once.
        expect(withBlockBytes(withIt, body, '/f')).toEqual(withIt);
      }),
      { seed: 17, numRuns: 500 },
    );
  });
  it('remembers that it created the file, so that taking the block out can remove it', () => {
    const made = withBlockBytes(Buffer.alloc(0), 'x\n', '/f', true);
    expect(made.toString()).toMatch(new RegExp(`^${BLOCK_START}.*\\n`));
    expect(withoutBlockBytes(made, '/f')).toEqual({ bytes: Buffer.alloc(0), created: true });
    expect(withoutBlockBytes(withBlockBytes(Buffer.alloc(0), 'x\n', '/f'), '/f')).toEqual({ bytes: Buffer.alloc(0), created: false });
    expect(withoutBlockBytes(Buffer.from(`${BLOCK_START}\nx\n${BLOCK_END}\n`), '/f').created).toBe(false);
  });
});

for (const shell of ['bash', 'zsh'] as const) {
  describe.skipIf(!shellBinary(shell))(`${shell}: setup and the user's start-up file`, () => {
    it('keeps Latin-1 bytes, and --undo gives them back, in the file and in the backup', async () => {
      const sb = makeSandbox();
      const rc = rcOf(sb, shell);
      writeFileSync(rc, LATIN1);
      const r = await cli(sb, ['setup', shell]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(readFileSync(rc).subarray(0, LATIN1.length)).toEqual(LATIN1);
      expect(readFileSync(`${rc}.claude-hooks.bak`)).toEqual(LATIN1);
      expect((await loads(sb, shell, rc)).stdout).toContain('use=1');
      const undo = await cli(sb, ['setup', shell, '--undo']);
      expect(undo.exitCode, undo.stderr).toBe(0);
      expect(readFileSync(rc)).toEqual(LATIN1);
      // The backup still holds the file as it was before setup, not the one with our block.
      expect(readFileSync(`${rc}.claude-hooks.bak`)).toEqual(LATIN1);
    });

    it('writes through a symlinked start-up file (stow, chezmoi), keeping the link, its target and its mode', async () => {
      const sb = makeSandbox();
      const rc = rcOf(sb, shell);
      const dotfiles = join(sb.home, 'dotfiles', shell);
      mkdirSync(dotfiles, { recursive: true });
      const target = join(dotfiles, 'rc');
      writeFileSync(target, LATIN1);
      chmodSync(target, 0o644);
      // A chain, as stow makes it: ~/.bashrc -> dotfiles/bash/rc-link -> rc (relative).
      symlinkSync('rc', join(dotfiles, 'rc-link'));
      symlinkSync(`dotfiles/${shell}/rc-link`, rc);
      const r = await cli(sb, ['setup', shell]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(lstatSync(rc).isSymbolicLink()).toBe(true);
      expect(readlinkSync(rc)).toBe(`dotfiles/${shell}/rc-link`);
      expect(lstatSync(join(dotfiles, 'rc-link')).isSymbolicLink()).toBe(true);
      expect(readFileSync(target).subarray(0, LATIN1.length)).toEqual(LATIN1);
      expect(readFileSync(target, 'latin1')).toContain(BLOCK_START);
      expect(statSync(target).mode & 0o777).toBe(0o644);
      // The backup is a copy of the bytes, never a link to the file it backs up.
      expect(lstatSync(`${rc}.claude-hooks.bak`).isFile()).toBe(true);
      expect(readFileSync(`${rc}.claude-hooks.bak`)).toEqual(LATIN1);
      expect(readdirSync(dotfiles).sort()).toEqual(['rc', 'rc-link']);
      expect((await loads(sb, shell, rc)).stdout).toContain('use=1');
      // An older claude-hooks left the backup as a link to the file itself: replaced, never
      // written through (that would write into the start-up file).
      await cli(sb, ['setup', shell, '--undo']);
      rmSync(`${rc}.claude-hooks.bak`);
      symlinkSync(rc, `${rc}.claude-hooks.bak`);
      expect((await cli(sb, ['setup', shell])).exitCode).toBe(0);
      expect(lstatSync(`${rc}.claude-hooks.bak`).isFile()).toBe(true);
      expect(readFileSync(`${rc}.claude-hooks.bak`)).toEqual(LATIN1);
      expect(readFileSync(target, 'latin1')).toContain(BLOCK_START);

      const undo = await cli(sb, ['setup', shell, '--undo']);
      expect(undo.exitCode, undo.stderr).toBe(0);
      expect(readlinkSync(rc)).toBe(`dotfiles/${shell}/rc-link`);
      expect(readFileSync(target)).toEqual(LATIN1);
      expect(statSync(target).mode & 0o777).toBe(0o644);
    });

    it('concurrent runs: one adds the block, the others find it, no traces, the backup without our block', async () => {
      for (let round = 0; round < 2; round++) {
        const sb = makeSandbox();
        const rc = rcOf(sb, shell);
        writeFileSync(rc, LATIN1);
        const runs = await Promise.all(Array.from({ length: 5 }, () => cli(sb, ['setup', shell])));
        for (const r of runs) {
          expect(r.exitCode, r.stderr).toBe(0);
          expect(r.stderr).toBe('');
        }
        expect(runs.filter((r) => r.stdout.includes('added to')).length).toBe(1);
        const text = readFileSync(rc, 'latin1');
        expect(text.split(BLOCK_START).length - 1).toBe(1);
        expect(readFileSync(`${rc}.claude-hooks.bak`)).toEqual(LATIN1);
        expect(readdirSync(sb.home).filter((f) => !['.bashrc', '.zshrc', '.bashrc.claude-hooks.bak', '.zshrc.claude-hooks.bak', '.cache'].includes(f))).toEqual([]);
        const undos = await Promise.all(Array.from({ length: 5 }, () => cli(sb, ['setup', shell, '--undo'])));
        for (const r of undos) expect(r.stderr).toBe('');
        expect(readFileSync(rc)).toEqual(LATIN1);
      }
    });

    it('leaves no start-up file behind where there was none, and keeps an empty one that was there', async () => {
      const sb = makeSandbox();
      const rc = rcOf(sb, shell);
      expect((await cli(sb, ['setup', shell])).exitCode).toBe(0);
      expect(existsSync(rc)).toBe(true);
      const undo = await cli(sb, ['setup', shell, '--undo']);
      expect(undo.exitCode, undo.stderr).toBe(0);
      expect(existsSync(rc)).toBe(false);
      expect(readdirSync(sb.home).filter((f) => f !== '.cache')).toEqual([]);

      writeFileSync(rc, '');
      await cli(sb, ['setup', shell]);
      await cli(sb, ['setup', shell, '--undo']);
      expect(readFileSync(rc, 'utf8')).toBe('');
    });

    it('notices an init line added by hand: adds no second one, and says which line when both are there', async () => {
      const sb = makeSandbox();
      const rc = rcOf(sb, shell);
      const hand = shell === 'bash' ? 'eval "$(claude-hooks init bash)"' : 'source <(claude-hooks init zsh --cache)';
      writeFileSync(rc, `# mine\n# eval "$(claude-hooks init ${shell})" (a comment is not a line that runs)\n  ${hand}\n`);
      const before = readFileSync(rc);
      const r = await cli(sb, ['setup', shell]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain(`line 3 already loads claude-hooks`);
      expect(readFileSync(rc)).toEqual(before);
      // Both: loaded twice, and setup says how to fix it.
      writeFileSync(rc, Buffer.concat([before, Buffer.from(`${BLOCK_START}\neval "$(claude-hooks init ${shell})"\n${BLOCK_END}\n`)]));
      const both = await cli(sb, ['setup', shell]);
      expect(both.stdout + both.stderr).toMatch(/line 3 also loads claude-hooks: it loads twice; remove line 3/);
    });
  });
}

describe.skipIf(!shellBinary('zsh'))('zsh: compinit after our block', () => {
  it('says that completion of cb-use will not work, and how to fix it', async () => {
    const sb = makeSandbox();
    const rc = rcOf(sb, 'zsh');
    writeFileSync(rc, '# mine\n');
    expect((await cli(sb, ['setup', 'zsh'])).exitCode).toBe(0);
    writeFileSync(rc, readFileSync(rc, 'utf8') + 'autoload -Uz compinit\ncompinit -i\n');
    const r = await cli(sb, ['setup', 'zsh']);
    expect(r.stdout + r.stderr).toMatch(/line 7 runs compinit after the claude-hooks block.*move the block below line 7/);
    // Before it, all is well: nothing said.
    writeFileSync(rc, 'autoload -Uz compinit; compinit\n');
    const fine = await cli(sb, ['setup', 'zsh']);
    expect(fine.stdout + fine.stderr).not.toMatch(/compinit/);
  });
});

describe.skipIf(!shellBinary('fish'))('fish: setup --undo', () => {
  it('leaves nothing of ours in conf.d, backups included', async () => {
    const sb = makeSandbox();
    const rc = rcOf(sb, 'fish');
    expect((await cli(sb, ['setup', 'fish'])).exitCode).toBe(0);
    expect((await cli(sb, ['setup', 'fish', '--cache'])).exitCode).toBe(0); // rewrites the block
    const undo = await cli(sb, ['setup', 'fish', '--undo']);
    expect(undo.exitCode, undo.stderr).toBe(0);
    expect(readdirSync(join(rc, '..'))).toEqual([]);
  });
});

function canUnshare(): boolean {
  try {
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs t /mnt'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!canUnshare())('setup and envrc on a read-only HOME', () => {
  it('say so in one line, exit 2, no trace, nothing changed', async () => {
    const sb = makeSandbox();
    const rc = join(sb.home, '.bashrc');
    writeFileSync(rc, LATIN1);
    mkdirSync(join(sb.home, 'p'));
    const ro = ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', sb.home];
    const cliFile = join(import.meta.dirname, '..', 'dist', 'cli.cjs');
    for (const [args, what] of [
      [['setup', 'bash'], `setup: cannot change ${rc} (EROFS)`],
      [['envrc', 'bedrock', '--write', '--dir', join(sb.home, 'p')], `envrc: cannot change ${join(sb.home, 'p', '.envrc')} (EROFS)`],
    ] as const) {
      const r = await execa(ro[0]!, [...ro.slice(1), process.execPath, cliFile, ...args], { env: sb.env(), extendEnv: false, reject: false });
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(`claude-hooks: ${what}`)]);
    }
    expect(readFileSync(rc)).toEqual(LATIN1);
  });
});

describe('envrc --write and the user\'s .envrc', () => {
  it('keeps bytes, writes through a symlink and keeps its mode', async () => {
    const sb = makeSandbox();
    const dir = join(sb.home, 'p');
    const shared = join(sb.home, 'shared');
    mkdirSync(dir);
    mkdirSync(shared);
    writeFileSync(join(shared, 'envrc'), LATIN1);
    chmodSync(join(shared, 'envrc'), 0o640);
    symlinkSync('../shared/envrc', join(dir, '.envrc'));
    const r = await cli(sb, ['envrc', 'bedrock', '--region', 'eu-west-1', '--write', '--dir', dir]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readlinkSync(join(dir, '.envrc'))).toBe('../shared/envrc');
    const bytes = readFileSync(join(shared, 'envrc'));
    expect(bytes.subarray(0, LATIN1.length)).toEqual(LATIN1);
    expect(bytes.toString('latin1')).toContain('use claude bedrock --region eu-west-1');
    expect(statSync(join(shared, 'envrc')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['.envrc']);
  });
});
