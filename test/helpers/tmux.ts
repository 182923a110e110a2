import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { cli, type Sandbox } from './sandbox.js';
import { initShell, shellBinary, type TestShell } from './shells.js';

/** A real interactive shell in a detached tmux session, with the init loaded the way a user
 *  loads it from their start-up file. Keystrokes in, screen out. */
export class Terminal {
  private constructor(private readonly socket: string) {}

  static async open(sb: Sandbox, shell: TestShell, env: Record<string, string>): Promise<Terminal> {
    const init = await cli(sb, ['init', initShell(shell)], env);
    const initFile = join(sb.root, `init.${shell}`);
    writeFileSync(initFile, init.stdout);
    const bin = shellBinary(shell)!;
    let command: string[];
    if (shell === 'zsh') {
      writeFileSync(join(sb.home, '.zshrc'), `PS1='%~ %# '\nsource '${initFile}'\n`);
      command = [bin, '-i'];
    } else if (shell === 'bash' || shell === 'bash32') {
      writeFileSync(join(sb.home, '.bashrc'), `PS1='\\w \\$ '\n. '${initFile}'\n`);
      command = [bin, '--rcfile', join(sb.home, '.bashrc'), '-i'];
    } else {
      command = [bin, '--no-config', '-i', '--init-command', `source '${initFile}'`];
    }
    return Terminal.start(command, { ...sb.env(env), TERM: 'xterm' }, sb.home);
  }

  /** `command` in a detached tmux session with exactly `env`: for a test that sets the shell up
   *  itself, as a newcomer would. */
  static async start(command: string[], env: Record<string, string>, cwd: string): Promise<Terminal> {
    const socket = `claude-hooks-test-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    await execa('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 't', '-x', '200', '-y', '60', '-c', cwd, ...command], {
      env,
      extendEnv: false,
    });
    return new Terminal(socket);
  }

  async type(line: string) {
    await execa('tmux', ['-L', this.socket, 'send-keys', '-t', 't', '-l', line]);
    await execa('tmux', ['-L', this.socket, 'send-keys', '-t', 't', 'Enter']);
  }

  /** Sends keys by tmux name (`C-c`, `Enter`), not as text. */
  async keys(...names: string[]) {
    await execa('tmux', ['-L', this.socket, 'send-keys', '-t', 't', ...names]);
  }

  async screen(): Promise<string> {
    return (await execa('tmux', ['-L', this.socket, 'capture-pane', '-p', '-J', '-S', '-200', '-t', 't'])).stdout;
  }

  /** Waits for `pattern` to appear on screen `times` times; fails with the screen if it does not. */
  async waitFor(pattern: RegExp, times = 1): Promise<string> {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    for (let i = 0; i < 150; i++) {
      const text = await this.screen();
      if ((text.match(global) ?? []).length >= times) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern} (x${times}); screen:\n${await this.screen()}`);
  }

  async close(): Promise<void> {
    await execa('tmux', ['-L', this.socket, 'kill-server'], { reject: false });
  }
}
