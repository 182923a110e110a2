// What scripts/bench.mjs measures with: the shells as a benchmark drives them, a loop timed by the
// shell's own clock, paired samples, and the strace process count. No cases here, no report.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : undefined;
}

/** The median of a[i] / b[i]: a ratio of two figures sampled side by side, round after round.
 *  On a shared machine the load drifts between rounds; a ratio of two medians taken minutes
 *  apart drifts with it, the ratio within one round does not. */
export function medianRatio(a, b) {
  return median(a.map((x, i) => x / b[i]));
}

/** How the benchmark drives each shell. `commandLine(cmd)` is what an interactive shell runs
 *  for one typed command line, with the events the hooks (ours and direnv's) listen to:
 *  - bash: the command, then PROMPT_COMMAND before the next prompt (both hooks live there);
 *  - zsh: preexec_functions, the command (a `cd` runs chpwd_functions itself, in a script as at
 *    a terminal), then precmd_functions (both hooks are in chpwd and precmd);
 *  - fish: the fish_preexec event, the command (a `cd` fires `--on-variable PWD` handlers
 *    itself), fish_postexec, then fish_prompt. direnv's fish hook removes its PWD handler at
 *    fish_preexec and puts it back at fish_prompt: without the preexec a scripted `cd` runs
 *    direnv twice (PWD, then prompt), where a terminal runs it once.
 *  `timed(pre, loop, out)` runs `pre` untimed, then the loop timed by the shell's own clock
 *  (no process), and writes what it took to `out` (fish: to stderr); `elapsedMs(out, stderr)`
 *  reads it back. */
export const SHELLS = {
  bash: {
    args: ['--norc', '--noprofile'],
    load: (f) => `. '${f}'`,
    nop: ':',
    loop: (n, body) => `i=0; while [ $i -lt ${n} ]; do ${body}; i=$((i+1)); done`,
    commandLine: (cmd) => `${cmd}; eval "$PROMPT_COMMAND"`,
    timed: (pre, loop, out) => `${pre}\n_t0=$EPOCHREALTIME\n${loop}\n_t1=$EPOCHREALTIME\necho "$_t0 $_t1" > '${out}'\n`,
    elapsedMs: epochPairMs,
  },
  zsh: {
    args: ['-f'],
    load: (f) => `. '${f}'`,
    nop: ':',
    loop: (n, body) => `repeat ${n}; do ${body}; done`,
    commandLine: (cmd) => `for f in $preexec_functions; do $f; done; ${cmd}; for f in $precmd_functions; do $f; done`,
    timed: (pre, loop, out) => `zmodload zsh/datetime\n${pre}\n_t0=$EPOCHREALTIME\n${loop}\n_t1=$EPOCHREALTIME\necho "$_t0 $_t1" > '${out}'\n`,
    elapsedMs: epochPairMs,
  },
  fish: {
    args: ['--no-config'],
    load: (f) => `source '${f}'`,
    nop: 'true',
    // n items from builtins: `(seq n)` would start a process inside the timed loop.
    loop: (n, body) => `for i in (string split '' (string repeat -n ${n} x)); ${body}; end`,
    commandLine: (cmd) => `emit fish_preexec ${cmd.split(' ')[0]}; ${cmd}; emit fish_postexec ${cmd.split(' ')[0]}; emit fish_prompt`,
    // fish 3.6 has no clock variable; its `time` keyword is one, and prints to the shell's own
    // stderr (a redirection around it does not take it).
    timed: (pre, loop) => `${pre}\ntime begin\n${loop}\nend\n`,
    elapsedMs: fishTimeMs,
  },
};

function epochPairMs(out) {
  const [t0, t1] = readFileSync(out, 'utf8').trim().split(/\s+/).map(Number);
  if (!Number.isFinite(t1 - t0)) throw new Error('bench: no $EPOCHREALTIME in this shell (bash 5+ and zsh have it)');
  return (t1 - t0) * 1000;
}

function fishTimeMs(_out, stderr) {
  const m = [...stderr.matchAll(/Executed in\s+([\d.]+)\s+(micros|millis|secs|mins)/g)].at(-1);
  if (!m) throw new Error(`no timing in fish's output: ${stderr}`);
  return Number(m[1]) * { micros: 1e-3, millis: 1, secs: 1e3, mins: 6e4 }[m[2]];
}

/** A shell as the benchmark runs it: the sandbox's environment, scripts written under `dir`. */
export class BenchShell {
  constructor(name, { env, dir, cwd }) {
    this.name = name;
    this.sh = SHELLS[name];
    this.bin = which(name);
    Object.assign(this, { env, dir, cwd });
  }

  /** Runs `script`; throws with its stderr when it fails (a broken case must not pass as fast). */
  run(script, tag = 'run') {
    const file = join(this.dir, `${tag}.${this.name}`);
    writeFileSync(file, script);
    const r = spawnSync(this.bin, [...this.sh.args, file], { env: this.env, encoding: 'utf8', cwd: this.cwd });
    if (r.status !== 0) throw new Error(`${this.name} bench script ${file} failed (${r.status}): ${r.stderr}`);
    return r;
  }

  /** Milliseconds the shell spends in `loop`, after `pre` (loading, setting up: not counted). */
  time(pre, loop) {
    const out = join(this.dir, `elapsed.${this.name}`);
    const r = this.run(this.sh.timed(pre, loop, out), 'timed');
    return this.sh.elapsedMs(out, r.stderr);
  }

  /** One sample of what a hook adds to one run of `body`, in ms: the loop after `load` + `setup`,
   *  less the same loop after `setup` alone (running `bareBody` when `body` needs what `load`
   *  defines, as `cb-bedrock` does). With `ownCost`, also what the shell spends on `body` with
   *  no hook (less an empty loop). */
  sample({ load, setup = '', body, bareBody = body, n }, ownCost = false) {
    const withHook = this.time(`${load}\n${setup}`, this.sh.loop(n, body));
    const bare = this.time(setup, this.sh.loop(n, bareBody));
    const out = { hook: (withHook - bare) / n };
    if (ownCost) out.shell = (bare - this.time(setup, this.sh.loop(n, this.sh.nop))) / n;
    return out;
  }

  /** How many runs of `body` make a loop of about `targetMs`, from one short probe, so each
   *  case gets the same precision whatever it costs (and a slow case cannot take minutes). */
  calibrate({ load, setup = '', body }, targetMs, probe = 20) {
    const perRun = Math.max(this.time(`${load}\n${setup}`, this.sh.loop(probe, body)) / probe, 1e-3);
    return Math.min(Math.max(Math.round(targetMs / perRun), 10), 100000);
  }

  /** Milliseconds to source `file` once in a new shell (the shell's start itself not counted). */
  sourceMs(file) {
    return this.time('', this.sh.load(file));
  }

  /** Processes the shell starts running `script`, counted by strace: every exec, fork and
   *  clone that is not a thread, less the shell itself. undefined without strace. */
  processStarts(script) {
    if (!which('strace')) return undefined;
    const file = join(this.dir, `strace.${this.name}`);
    const log = `${file}.log`;
    writeFileSync(file, script);
    const r = spawnSync('strace', ['-f', '-e', 'trace=execve,fork,vfork,clone,clone3', '-o', log, this.bin, ...this.sh.args, file], {
      env: this.env,
      cwd: this.cwd,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${this.name} strace script failed: ${r.stderr}`);
    const starts = readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => /\b(execve|fork|vfork|clone3?)\(/.test(l) && !/CLONE_THREAD|resumed|unfinished|= -1/.test(l));
    return starts.length - 1;
  }
}

/** The in-shell floor at `dir`: one file test per level up to `/`, nothing else: the least a
 *  hook that looks for a marker must do at a prompt. A case for BenchShell.sample. */
export function floorCase(shell, dir) {
  const files = ancestors(dir).map((d) => `'${d}/.claude-backend'`).join(' ');
  if (shell === 'fish') return { load: `set _f ${files}`, body: 'for f in $_f; test -f $f; end; true' };
  if (shell === 'zsh') return { load: `_f=(${files})`, body: 'for f in $_f; do [[ -f $f ]]; done; :' };
  return { load: `_f=(${files})`, body: 'for f in "${_f[@]}"; do [[ -f $f ]]; done' };
}

/** `dir` and every directory above it, `/` written as '' (so `${d}/.claude-backend` works). */
export function ancestors(dir) {
  const parts = dir.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, parts.length - i).join('/')}`).concat(['']);
}

/** Runs each named thunk once per round, in turn, `rounds` times: the figures of one round saw
 *  the machine in the same state. Returns the samples by name. */
export function inRounds(rounds, thunks) {
  const out = Object.fromEntries(Object.keys(thunks).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    // Rotate the order too, so no case is always the one right after a slow one.
    const names = Object.keys(thunks);
    const order = names.slice(r % names.length).concat(names.slice(0, r % names.length));
    for (const k of order) out[k].push(thunks[k]());
  }
  return out;
}

/** Wall-clock milliseconds of one run of a command (node started from node). */
export function wallMs(cmd, args, env) {
  const t0 = process.hrtime.bigint();
  execFileSync(cmd, args, { env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
