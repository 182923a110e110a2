// Real interactive shells in tmux: the user's keystrokes, the shell's own prompt cycle, and
// what lands on the screen. This is the wiring the other tests stand in for with `prompt`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, makeSandbox } from './helpers/sandbox.js';
import { requireTool } from './helpers/tools.js';
import { shellBinary, shellsUnderTest } from './helpers/shells.js';


const tmuxOk = requireTool('tmux', ['tmux', '-V']);
const sockets: string[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) await execa('tmux', ['-L', s, 'kill-server'], { reject: false });
});

class Terminal {
  constructor(private socket: string) {}
  async type(line: string) {
    await execa('tmux', ['-L', this.socket, 'send-keys', '-t', 't', '-l', line]);
    await execa('tmux', ['-L', this.socket, 'send-keys', '-t', 't', 'Enter']);
  }
  async screen(): Promise<string> {
    return (await execa('tmux', ['-L', this.socket, 'capture-pane', '-p', '-J', '-S', '-200', '-t', 't'])).stdout;
  }
  /** Waits for `pattern` to appear on screen `times` times; fails with the screen if it does not. */
  async waitFor(pattern: RegExp, times = 1): Promise<string> {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    for (let i = 0; i < 100; i++) {
      const text = await this.screen();
      if ((text.match(global) ?? []).length >= times) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern} (x${times}); screen:\n${await this.screen()}`);
  }
}

for (const shell of shellsUnderTest().filter((s) => s !== 'bash32')) {
  describe.skipIf(!tmuxOk)(`${shell}: interactive session in tmux`, () => {
    it('cb-status follows cd into a .claude-backend directory and back out', async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'proj', 'sub'), { recursive: true });
      writeFileSync(join(sb.home, 'proj', '.claude-backend'), 'bedrock\n');
      const init = await cli(sb, ['init', shell]);
      const initFile = join(sb.root, `init.${shell}`);
      writeFileSync(initFile, init.stdout);
      const bin = shellBinary(shell)!;
      let command: string[];
      if (shell === 'zsh') {
        writeFileSync(join(sb.home, '.zshrc'), `PS1='%~ %# '\nsource '${initFile}'\n`);
        command = [bin, '-i'];
      } else if (shell === 'bash') {
        writeFileSync(join(sb.home, '.bashrc'), `PS1='\\w \\$ '\n. '${initFile}'\n`);
        command = [bin, '--rcfile', join(sb.home, '.bashrc'), '-i'];
      } else {
        command = [bin, '--no-config', '-i', '--init-command', `source '${initFile}'`];
      }
      const socket = `claude-hooks-test-${process.pid}-${shell}`;
      sockets.push(socket);
      const env = { ...sb.env({ AWS_REGION: 'us-west-2', ANTHROPIC_API_KEY: 'sk-ant-api03-interactive-key-9876' }), TERM: 'xterm' };
      await execa('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 't', '-x', '200', '-y', '60', '-c', sb.home, ...command], {
        env,
        extendEnv: false,
      });
      const t = new Terminal(socket);
      await t.type('cb-status');
      await t.waitFor(/profile +none/);
      await t.type('cd proj/sub');
      await t.waitFor(/claude-hooks: bedrock \(\.claude-backend at .*proj\/\.claude-backend\)/);
      await t.type('cb-status');
      const screen = await t.waitFor(/profile +bedrock: Amazon Bedrock/);
      const inside = screen.slice(screen.lastIndexOf('cd proj/sub'));
      expect(inside).toMatch(/why +\.claude-backend at .*\/proj\/\.claude-backend/);
      expect(inside).toContain('CLAUDE_CODE_USE_BEDROCK=1');
      expect(inside).not.toMatch(/ANTHROPIC_API_KEY=/);
      await t.type('cd ~');
      await t.waitFor(/claude-hooks: off: your own variables are back/);
      await t.type('cb-status');
      const outside = await t.waitFor(/profile +none/, 2);
      expect(outside).toContain('ANTHROPIC_API_KEY=sk-ant-…9876');
      expect(outside).not.toContain('interactive-key');
    });
  });
}
