// The benchmark's check in a real terminal: an interactive shell in tmux, sent keystrokes, so
// whatever an interactive shell really runs around a command line runs (line editing, the
// prompt, the events), not our imitation of it. Coarse on purpose: a sanity check that the
// scripted loops of scripts/bench.mjs are representative.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { which } from './bench-lib.mjs';

let sessions = 0;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function tmux(socket, ...args) {
  const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** The command starting `shell` interactively with `load` run at its start (our init, direnv's
 *  hook or nothing), with a plain prompt and no start-up files of the user's or the system's. */
function interactive(shell, bin, load, dir) {
  if (shell === 'bash') {
    writeFileSync(join(dir, 'bashrc'), `PS1='$ '\n${load}\n`);
    return { command: [bin, '--noprofile', '--rcfile', join(dir, 'bashrc'), '-i'], env: {} };
  }
  if (shell === 'zsh') {
    writeFileSync(join(dir, '.zshrc'), `PS1='%# '\n${load}\n`);
    return { command: [bin, '-d', '-i'], env: { ZDOTDIR: dir } }; // -d: no /etc/zsh files
  }
  const init = `function fish_prompt; echo -n '> '; end; set -g fish_greeting; ${load}`;
  return { command: [bin, '--no-config', '-i', '--init-command', init], env: {} };
}

/** Types `lines` into a new interactive `shell` that ran `load` at its start, each line a
 *  command of its own (each gets its prompt), and returns the milliseconds between the end of
 *  the first line and the start of the last, by the system clock the shell reads with `date`. */
export function typedMs({ shell, load, lines, env, dir, cwd }) {
  const bin = which(shell);
  const work = join(dir, `term-${shell}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(work, { recursive: true });
  const [t0, t1] = [join(work, 't0'), join(work, 't1')];
  const { command, env: extra } = interactive(shell, bin, load, work);
  // A socket of its own per session: a server just killed may still hold the last one.
  const socket = `claude-hooks-bench-${process.pid}-${shell}-${++sessions}`;
  const sessionEnv = Object.entries({ ...env, ...extra, TERM: 'xterm' }).map(([k, v]) => `${k}=${v}`);
  tmux(socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'b', '-x', '200', '-y', '50', '-c', cwd, 'env', '-i', ...sessionEnv, ...command);
  try {
    const typed = [`date +%s%N > '${t0}'`, ...lines, `date +%s%N > '${t1}.tmp'; mv '${t1}.tmp' '${t1}'`];
    // All keystrokes in one go (a carriage return is what Enter sends), so the shell, not the
    // rate at which we could start tmux clients, sets the pace.
    tmux(socket, 'send-keys', '-t', 'b', '-l', typed.map((l) => `${l}\r`).join(''));
    for (let waited = 0; !existsSync(t1); waited += 20) {
      if (waited > 120_000) throw new Error(`${shell} in tmux did not finish; screen:\n${tmux(socket, 'capture-pane', '-p', '-t', 'b')}`);
      sleep(20);
    }
    const ns = (f) => BigInt(readFileSync(f, 'utf8').trim());
    return Number(ns(t1) - ns(t0)) / 1e6;
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(work, { recursive: true, force: true });
  }
}

/** `pairs` times: a `cd` into `dir` and a `cd` back to `home`, one command line each. */
export function enterLeaveLines(dir, home, pairs) {
  return Array.from({ length: pairs }, () => [`cd '${dir}'`, `cd '${home}'`]).flat();
}

export const haveTmux = () => which('tmux') !== undefined;
