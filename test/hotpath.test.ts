// What runs at every prompt and every cd must start no process: counted with strace, which
// sees every fork, clone and exec the shell makes. No timings here: see `npm run bench`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cli, makeSandbox } from './helpers/sandbox.js';
import { requireTool } from './helpers/tools.js';
import { initShell, shellBinary, shellsUnderTest } from './helpers/shells.js';


/** Process starts in an strace log: execs, forks, and clones that are not threads. */
function processStarts(log: string): string[] {
  return log
    .split('\n')
    .filter((l) => /\b(execve|fork|vfork|clone3?)\(/.test(l) && !/CLONE_THREAD/.test(l) && !/resumed|unfinished|= -1/.test(l));
}

const strace = requireTool('strace', ['strace', '-f', '-o', '/dev/null', 'true']);

for (const shell of shellsUnderTest()) {
  describe.skipIf(!strace)(`${shell}: hot path`, () => {
    it('starts no process at a prompt, a cd or a switch', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.work]\nbackend = "bedrock"\nregion = "us-east-1"\n\n[directories]\n"~/mapped" = "work"\n');
      let deep = join(sb.home, 'tree');
      for (let i = 0; i < 10; i++) deep = join(deep, `d${i}`);
      mkdirSync(deep, { recursive: true });
      mkdirSync(join(sb.home, 'mapped', 'x'), { recursive: true });
      mkdirSync(join(sb.home, 'marked'));
      writeFileSync(join(sb.home, 'marked', '.claude-backend'), 'vertex\n');
      const init = await cli(sb, ['init', initShell(shell)]);
      const initFile = join(sb.root, 'init');
      writeFileSync(initFile, init.stdout);

      const prompt = shell === 'fish' ? 'emit fish_prompt' : shell === 'zsh' ? 'for f in $precmd_functions; do $f; done' : 'eval "$PROMPT_COMMAND"';
      const twenty = Array.from({ length: 20 }, (_, i) => i + 1).join(' ');
      const loop = (body: string) => (shell === 'fish' ? `for i in ${twenty}\n${body}\nend` : `for i in ${twenty}; do\n${body}\ndone`);
      const steps = [
        `cd '${deep}'`, prompt,
        `cd '${join(sb.home, 'marked')}'`, prompt,
        `cd '${join(sb.home, 'mapped', 'x')}'`, prompt,
        'cd /', prompt,
        // Manual switches too: the profiles are rendered in, so no process is needed.
        'cb-bedrock', 'cb-use work', 'cb-anthropic', 'cb-off',
      ].join('\n');
      const script = join(sb.root, 'script');
      writeFileSync(script, `${shell === 'fish' ? 'source' : '.'} '${initFile}'\n${loop(steps)}\ncb-status\n`);
      const log = join(sb.root, 'strace.log');
      const bin = shellBinary(shell)!;
      const args = shell === 'fish' ? ['--no-config', script] : shell === 'zsh' ? ['-f', script] : ['--norc', '--noprofile', script];
      const r = await execa('strace', ['-f', '-e', 'trace=execve,fork,vfork,clone,clone3', '-o', log, bin, ...args], {
        env: sb.env(),
        extendEnv: false,
        reject: false,
      });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toContain('variables'); // cb-status ran: the script went all the way
      const starts = processStarts(readFileSync(log, 'utf8'));
      // The one process allowed: strace starting the shell itself.
      expect(starts[0]).toMatch(/execve\(/);
      expect(starts.slice(1)).toEqual([]);
    });
  });
}
