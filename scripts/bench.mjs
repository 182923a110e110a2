#!/usr/bin/env node
// npm run bench [-- --quick]: what claude-hooks costs at the prompt, measured side by side with
// direnv on the same machine, in the same run. Writes docs/benchmarks.md.
//
// Method: each case runs inside one shell process, N times in a loop, and the same loop is timed
// in the same shell with no hook loaded (the prompt runs its empty hook list, `cd` is the shell's
// own); (with - without) / N is what the hook adds to one call, so shell start-up, init loading and
// the shell's own `cd` are not counted. Each figure is the median of several runs.
//
//   --quick        fewer, shorter runs; prints, leaves docs/benchmarks.md alone (CI runs this)
//   --shell fish   only this shell (repeatable), for a quick look while working on one template
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.cjs');
const quick = process.argv.includes('--quick');
const REPEATS = quick ? 3 : 9;
const onlyShells = process.argv.flatMap((a, i, all) => (a === '--shell' && all[i + 1] ? [all[i + 1]] : []));

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const sandbox = mkdtempSync(join(tmpdir(), 'claude-hooks-bench-'));
const home = join(sandbox, 'home');
const env = {
  PATH: process.env.PATH,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_DATA_HOME: join(home, '.local/share'),
  LANG: 'C.UTF-8',
  CLAUDE_HOOKS_QUIET: '1',
  DIRENV_LOG_FORMAT: '',
};
let deep = join(home, 'tree');
for (let i = 0; i < 10; i++) deep = join(deep, `level${i}`);
mkdirSync(deep, { recursive: true });
const marked = join(home, 'marked');
const envrcDir = join(home, 'envrc');
mkdirSync(marked);
mkdirSync(envrcDir);
writeFileSync(join(marked, '.claude-backend'), 'bedrock\n');
// direnv gets the same variables the bedrock switch sets and clears.
writeFileSync(join(envrcDir, '.envrc'), 'export CLAUDE_CODE_USE_BEDROCK=1\nexport AWS_REGION=us-east-1\nunset ANTHROPIC_API_KEY ANTHROPIC_AUTH_TOKEN ANTHROPIC_BASE_URL\n');
mkdirSync(join(home, '.config/claude-hooks'), { recursive: true });
writeFileSync(join(home, '.config/claude-hooks/config.toml'), '[profiles.bedrock]\nregion = "us-east-1"\n');

const direnv = which('direnv');
if (direnv) execFileSync(direnv, ['allow', envrcDir], { env, stdio: 'ignore' });

// `prompt` is what the shell runs before a prompt, whoever hooked into it (an empty list without).
const SHELLS = {
  bash: { args: ['--norc', '--noprofile'], load: (f) => `. '${f}'`, prompt: 'eval "$PROMPT_COMMAND"', loop: (n, b) => `i=0; while [ $i -lt ${n} ]; do ${b}; i=$((i+1)); done` },
  zsh: { args: ['-f'], load: (f) => `. '${f}'`, prompt: 'for f in $precmd_functions; do $f; done', loop: (n, b) => `repeat ${n}; do ${b}; done` },
  fish: { args: ['--no-config'], load: (f) => `source '${f}'`, prompt: 'emit fish_prompt', loop: (n, b) => `for i in (seq ${n}); ${b}; end` },
};

function runScript(shell, script) {
  const file = join(sandbox, `bench-${shell}.script`);
  writeFileSync(file, script);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(which(shell), [...SHELLS[shell].args, file], { env, encoding: 'utf8', cwd: home });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${shell} bench script failed: ${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One sample of what a hook adds to one iteration of `body`: the loop after `load` + `setup`,
 *  less the same loop after `setup` alone (without a `setup`, less an empty loop). */
function sample(shell, { load, setup = '', body, n }) {
  const sh = SHELLS[shell];
  const withHook = runScript(shell, `${load}\n${setup}\n${sh.loop(n, body)}\n`);
  const without = runScript(shell, `${setup}\n${sh.loop(n, shell === 'fish' ? 'true' : ':')}\n`);
  const bare = setup ? runScript(shell, `${setup}\n${sh.loop(n, body)}\n`) : without;
  return { hook: (withHook - bare) / n, shell: (bare - without) / n };
}

/** Milliseconds per call for our case and, when given, direnv's, sampled in turn so both see the
 *  machine in the same state: on a shared 2-core machine the load drifts between runs, and a
 *  ratio of two medians taken minutes apart drifts with it. The ratio is the median of the
 *  ratios of each pair of samples. */
function perCall(shell, ours, theirs) {
  const samples = [];
  for (let r = 0; r < REPEATS; r++) {
    const a = sample(shell, ours);
    const b = theirs ? sample(shell, theirs) : undefined;
    samples.push({ ours: a.hook, shell: a.shell, theirs: b?.hook, ratio: b ? b.hook / a.hook : undefined });
  }
  return {
    ms: median(samples.map((x) => x.ours)),
    shellMs: median(samples.map((x) => x.shell)),
    theirsMs: theirs ? median(samples.map((x) => x.theirs)) : undefined,
    ratio: theirs ? median(samples.map((x) => x.ratio)) : undefined,
  };
}

const results = [];
for (const shell of Object.keys(SHELLS)) {
  if (onlyShells.length && !onlyShells.includes(shell)) continue;
  if (!which(shell)) {
    console.warn(`skipping ${shell}: not installed`);
    continue;
  }
  const sh = SHELLS[shell];
  const initFile = join(sandbox, `init.${shell}`);
  writeFileSync(initFile, execFileSync(process.execPath, [CLI, 'init', shell], { env, encoding: 'utf8' }));
  const ours = sh.load(initFile);
  const theirs = direnv ? (shell === 'fish' ? `${direnv} hook fish | source` : `eval "$(${direnv} hook ${shell})"`) : undefined;
  const n = quick ? 200 : 2000;
  const nDirenv = quick ? 20 : 200;
  const row = { shell };
  const enterLeave = (dir) => `cd '${dir}'; ${sh.prompt}; cd '${home}'; ${sh.prompt}`;
  const direnvCase = (c) => (theirs ? { ...c, load: theirs } : undefined);
  const promptCase = { setup: `cd '${deep}'\n${sh.prompt}`, body: sh.prompt };
  const prompt = perCall(shell, { ...promptCase, load: ours, n }, direnvCase({ ...promptCase, n: nDirenv }));
  const el = perCall(
    shell,
    { load: ours, setup: `cd '${home}'\n${sh.prompt}`, body: enterLeave(marked), n: n / 4 },
    direnvCase({ setup: `cd '${home}'\n${sh.prompt}`, body: enterLeave(envrcDir), n: nDirenv / 2 }),
  );
  // Not a target, but where users spend their day: a prompt inside a governed directory, where
  // the marker is read again (it may have been edited) and nothing changes.
  const inside = perCall(
    shell,
    { load: ours, setup: `cd '${marked}'\n${sh.prompt}`, body: sh.prompt, n },
    direnvCase({ setup: `cd '${envrcDir}'\n${sh.prompt}`, body: sh.prompt, n: nDirenv }),
  );
  Object.assign(row, {
    promptOurs: prompt.ms,
    promptDirenv: prompt.theirsMs,
    promptRatio: prompt.ratio,
    enterLeaveOurs: el.ms,
    enterLeaveDirenv: el.theirsMs,
    enterLeaveRatio: el.ratio,
    // What the shell itself spends on the same cds and prompts, hook or no hook (fish's cd is
    // a function keeping directory history): not counted above, reported beside.
    enterLeaveShell: el.shellMs,
    promptInsideOurs: inside.ms,
    promptInsideDirenv: inside.theirsMs,
    promptInsideRatio: inside.ratio,
    switchPair: perCall(shell, { load: ours, body: 'cb-bedrock; cb-anthropic', n: n / 4 }).ms,
  });
  results.push(row);
  console.log(shell, row);
}

/** The shapes configs come in, each measured in each shell: per prompt 10 levels below a
 *  governed directory, beside the in-shell floor (one file test per level, the least any hook
 *  that looks for a marker must do), and what sourcing the integration costs. */
const SHAPES = [
  { name: 'default', map: 0, profiles: 0 },
  { name: '100-entry map', map: 100, profiles: 0 },
  { name: '1000-entry map', map: 1000, profiles: 0 },
  { name: '500 profiles + 1000-entry map', map: 1000, profiles: 500 },
];
function shapeConfig({ map, profiles }) {
  const lines = ['[profiles.bedrock]', 'region = "us-east-1"', ''];
  for (let i = 0; i < profiles; i++) lines.push(`[profiles.p${i}]`, 'backend = "vertex"', `region = "r${i}"`, `description = "profile ${i}"`, '');
  lines.push('[directories]');
  // The tree's top is mapped (so the prompts below are governed by the map), plus map-1 others.
  if (map) lines.push(`"${join(home, 'tree')}" = "bedrock"`);
  for (let i = 1; i < map; i++) lines.push(`"${join(home, 'elsewhere', `project-${i}`)}" = "bedrock"`);
  return lines.join('\n') + '\n';
}
const FLOOR = {
  bash: (dirs) => ({ setup: `_f=(${dirs.map((d) => `'${d}/.claude-backend'`).join(' ')})`, body: 'for f in "${_f[@]}"; do [[ -f $f ]]; done' }),
  zsh: (dirs) => ({ setup: `_f=(${dirs.map((d) => `'${d}/.claude-backend'`).join(' ')})`, body: 'for f in $_f; do [[ -f $f ]]; done; :' }),
  fish: (dirs) => ({ setup: `set _f ${dirs.map((d) => `'${d}/.claude-backend'`).join(' ')}`, body: 'for f in $_f; test -f $f; end; true' }),
};
const shapeRows = [];
const configFile = join(home, '.config/claude-hooks/config.toml');
const defaultConfig = readFileSync(configFile, 'utf8');
const ancestors = (dir) => {
  const out = [];
  for (let d = dir; ; d = join(d, '..')) {
    out.push(d === '/' ? '' : d);
    if (d === '/') break;
  }
  return out;
};
for (const shape of SHAPES) {
  writeFileSync(configFile, shape.map || shape.profiles ? shapeConfig(shape) : defaultConfig);
  for (const shell of Object.keys(SHELLS)) {
    if ((onlyShells.length && !onlyShells.includes(shell)) || !which(shell)) continue;
    const sh = SHELLS[shell];
    const file = join(sandbox, `shape.${shell}`);
    writeFileSync(file, execFileSync(process.execPath, [CLI, 'init', shell], { env, encoding: 'utf8' }));
    const n = quick ? 200 : 1000;
    const prompt = perCall(shell, { load: sh.load(file), setup: `cd '${deep}'\n${sh.prompt}`, body: sh.prompt, n }).ms;
    const floorCase = FLOOR[shell](ancestors(deep));
    const floor = perCall(shell, { load: floorCase.setup, body: floorCase.body, n }).ms;
    const source = perCall(shell, { load: '', body: sh.load(file), n: quick ? 5 : 20 }).ms;
    const row = { shape: shape.name, shell, prompt, floor, source };
    shapeRows.push(row);
    console.log(row);
  }
}
writeFileSync(configFile, defaultConfig);

function timeCommand(args) {
  const samples = [];
  for (let r = 0; r < REPEATS * 3; r++) {
    const t0 = process.hrtime.bigint();
    execFileSync(process.execPath, args, { env, stdio: 'ignore' });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}
/** Peak memory in MiB, as the process itself reports it at exit (scripts/maxrss.cjs). */
function peakMemory(args) {
  const r = spawnSync(process.execPath, ['-r', fileURLToPath(new URL('maxrss.cjs', import.meta.url)), ...args], { env, encoding: 'utf8' });
  const kb = Number(/claude-hooks-bench-maxrss-kb=(\d+)/.exec(r.stderr)?.[1]);
  return kb / 1024;
}
const initMs = timeCommand([CLI, 'init', 'zsh']);
const nodeMs = timeCommand(['-e', '0']);
const initMb = peakMemory([CLI, 'init', 'zsh']);

/** Milliseconds a new zsh spends loading the integration: the plain line (a node start) against
 *  the cached copy of `setup --cache` (no node while the copy is fresh). */
function startup() {
  if (!which('zsh')) return undefined;
  execFileSync(process.execPath, [CLI, 'init', 'zsh', '--cache'], { env, stdio: 'ignore' });
  const cache = join(home, '.cache', 'claude-hooks', 'init.zsh');
  const zshTime = (code) => {
    const samples = [];
    for (let r = 0; r < REPEATS * 3; r++) {
      const t0 = process.hrtime.bigint();
      execFileSync(which('zsh'), ['-f', '-c', code], { env, stdio: 'ignore' });
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return median(samples);
  };
  const bare = zshTime(':');
  return { plain: zshTime(`source <('${process.execPath}' '${CLI}' init zsh)`) - bare, cached: zshTime(`source '${cache}'`) - bare };
}
const start = startup();
const nodeMb = peakMemory(['-e', '0']);

/** Processes a shell starts for `prompts` prompts in a deep directory and `pairs` enter/leave
 *  pairs of a marked one, counted by strace: every exec, fork and non-thread clone. */
function processStarts(shell) {
  if (!which('strace')) return undefined;
  const sh = SHELLS[shell];
  const initFile = join(sandbox, `init.${shell}`);
  const steps = Array.from({ length: 10 }, () => [`cd '${deep}'`, sh.prompt, sh.prompt, `cd '${marked}'`, sh.prompt, `cd '${home}'`, sh.prompt].join('\n')).join('\n');
  const script = join(sandbox, `strace-${shell}.script`);
  writeFileSync(script, `${sh.load(initFile)}\n${steps}\n`);
  const log = join(sandbox, `strace-${shell}.log`);
  const r = spawnSync('strace', ['-f', '-e', 'trace=execve,fork,vfork,clone,clone3', '-o', log, which(shell), ...sh.args, script], { env, cwd: home });
  if (r.status !== 0) return undefined;
  const starts = readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => /\b(execve|fork|vfork|clone3?)\(/.test(l) && !/CLONE_THREAD|resumed|unfinished|= -1/.test(l));
  return starts.length - 1; // the shell itself
}
const forks = Object.fromEntries(results.map((r) => [r.shell, processStarts(r.shell)]));

const f = (ms) => (ms === undefined ? 'n/a' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const times = (x) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×`;
// Ratios are the medians of paired samples (see perCall), not one median over the other.
const ratio = (x) => (x === undefined || !(x > 0) ? 'n/a' : times(x));
function verdict(x, target) {
  if (x === undefined) return 'not measured (no direnv)';
  return `${x >= target ? 'met' : 'missed'}: ${times(x)}`;
}
/** Targets met by less than 10%: worth saying, since a rerun on a busier or quieter machine
 *  can land on the other side. */
function closeCalls() {
  const close = results.flatMap((r) => [
    ...(r.promptRatio >= 40 && r.promptRatio < 44 ? [`${r.shell} per prompt (${times(r.promptRatio)} for 40×)`] : []),
    ...(r.enterLeaveRatio >= 30 && r.enterLeaveRatio < 33 ? [`${r.shell} enter/leave (${times(r.enterLeaveRatio)} for 30×)`] : []),
  ]);
  if (!close.length) return [];
  return [
    '## Close calls',
    '',
    `Met by less than 10%: ${close.join(', ')}. direnv's figures are mostly the start of a process, which a busy machine slows and a quiet one speeds up, while the hook's are a few dozen builtins; so the ratio moves with the machine's load (pairing the runs removes the drift within a run, not between runs). A ratio this close to its target can land on the other side in a rerun.`,
    '',
  ];
}

/** One reason per kind of missed target, for the report. */
function whyMissed() {
  const missed = (x, target) => x !== undefined && x < target;
  const prompt = results.filter((r) => missed(r.promptRatio, 40)).map((r) => r.shell);
  const enter = results.filter((r) => missed(r.enterLeaveRatio, 30)).map((r) => r.shell);
  const out = [];
  if (prompt.length) {
    out.push(
      `- per prompt (${prompt.join(', ')}): the hook looks for a \`.claude-backend\` in every directory up to \`/\` (14 here), one \`stat\` each, and for a deep directory the kernel's walk down each of those paths is most of the cost; bash and zsh test each directory with a builtin, fish asks one \`path is\` for all of them. Caching the answer would need a \`stat\` per directory too, to notice a marker created since.`,
    );
  }
  if (enter.length) {
    const perSwitch = results.map((r) => `${r.shell} ${f(r.switchPair / 2)}`).join(', ');
    out.push(
      `- enter/leave (${enter.join(', ')}): a switch visits the variables the last switch touched (all of them when one of the others was set by hand since), in interpreted shell: once to tell your own values from what the last switch left, once to record what this one leaves. One switch costs ${perSwitch}; direnv's enter or leave ${results.map((r) => `${r.shell} ${f(r.enterLeaveDirenv / 2)}`).join(', ')}.`,
    );
  }
  if (!(initMs / nodeMs <= 1.3)) out.push('- init: most of its time is Node starting; the bundle loads in a few milliseconds more.');
  if (!out.length) return [];
  return [
    '## Why a target is missed',
    '',
    '- Runs on this 2-core machine vary by about 10% from one to the next: a ratio within that of its target is a draw, not a regression.',
    ...out,
    '',
  ];
}

const direnvVersion = direnv ? execFileSync(direnv, ['version'], { encoding: 'utf8' }).trim() : 'not installed';
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}; rerun it to measure your machine.`,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, direnv ${direnvVersion}.`,
  '',
  'Method: each case runs N times in a loop inside one shell, and the same loop runs with no hook loaded;',
  'the difference divided by N is what the hook adds, so shell start-up, loading the init and the',
  `shell's own \`cd\` are not counted, for either tool. Medians of ${REPEATS} runs; each run of`,
  "claude-hooks is paired with one of direnv's, so both see the machine in the same state, and a ratio",
  'is the median of the runs\' ratios (it can differ a little from the ratio of the two medians).',
  '"Per prompt" is what the shell runs before a prompt (bash `PROMPT_COMMAND`, zsh `precmd_functions`,',
  'fish the `fish_prompt` event) in a directory 10 levels deep with no marker and no .envrc;',
  '"enter/leave" is a `cd` into a directory with a `.claude-backend` (or an allowed `.envrc` with the',
  'same variables), a prompt, a `cd` out and a prompt. Ratios say how many times cheaper claude-hooks is.',
  '',
  '| shell | per prompt: claude-hooks | direnv | ratio | enter/leave: claude-hooks | direnv | ratio | `cb-bedrock` + `cb-anthropic` |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.shell} | ${f(r.promptOurs)} | ${f(r.promptDirenv)} | ${ratio(r.promptRatio)} | ${f(r.enterLeaveOurs)} | ${f(r.enterLeaveDirenv)} | ${ratio(r.enterLeaveRatio)} | ${f(r.switchPair)} |`,
  ),
  '',
  `The shells' own cost of those two \`cd\`s and prompts, with no hook at all (not counted above): ${results.map((r) => `${r.shell} ${f(r.enterLeaveShell)}`).join(', ')}. fish's \`cd\` is a function that keeps the directory history.`,
  '',
  `A prompt inside a governed directory, nothing changing (not a target: the marker is read again, as it may have been edited): ${results.map((r) => `${r.shell} ${f(r.promptInsideOurs)}${r.promptInsideDirenv === undefined ? '' : ` against direnv's ${f(r.promptInsideDirenv)} in its .envrc directory (${ratio(r.promptInsideRatio)})`}`).join('; ')}.`,
  '',
  `\`claude-hooks init zsh\` (with a config to read): ${f(initMs)} wall time and ${initMb.toFixed(0)} MiB peak memory, against ${f(nodeMs)} and ${nodeMb.toFixed(0)} MiB for \`node -e 0\` (${(initMs / nodeMs).toFixed(2)}× the time).`,
  '',
  start ? `Loading the integration in a new zsh: ${f(start.plain)} with \`source <(claude-hooks init zsh)\`, ${f(start.cached)} from the cached copy of \`claude-hooks setup --cache\` (no node start while the copy is fresh).` : 'Loading the integration: not measured (no zsh).',
  '',
  `Processes started by the shell for 40 prompts, 10 \`cd\`s into a \`.claude-backend\` directory (switching) and 10 out (strace): ${results.map((r) => `${r.shell} ${forks[r.shell] ?? 'not measured (no strace)'}`).join(', ')}. \`test/hotpath.test.ts\` requires zero in every \`npm test\`.`,
  '',
  '## Shapes',
  '',
  'Per prompt 10 levels below the directory that governs (the map\'s, where there is a map), beside the',
  'in-shell floor: one file test per level up to `/`, in the same shell, with nothing else. Sourcing is the',
  'time to load the integration once (no node: the rendered file is sourced).',
  '',
  '| shape | shell | per prompt | floor | prompt / floor | sourcing | sourcing / default |',
  '|---|---|---|---|---|---|---|',
  ...shapeRows.map((r) => {
    const base = shapeRows.find((x) => x.shell === r.shell && x.shape === 'default');
    return `| ${r.shape} | ${r.shell} | ${f(r.prompt)} | ${f(r.floor)} | ${times(r.prompt / r.floor)} | ${f(r.source)} | ${base ? times(r.source / base.source) : 'n/a'} |`;
  }),
  '',
  '## Against the targets',
  '',
  '| target | result |',
  '|---|---|',
  ...results.map((r) => `| ${r.shell}: per prompt at least 40× cheaper than direnv | ${verdict(r.promptRatio, 40)} |`),
  ...results.map((r) => `| ${r.shell}: enter/leave at least 30× cheaper than direnv | ${verdict(r.enterLeaveRatio, 30)} |`),
  `| init at most 1.3× \`node -e 0\` | ${initMs / nodeMs <= 1.3 ? 'met' : 'missed'}: ${(initMs / nodeMs).toFixed(2)}× |`,
  ...results.map((r) => `| ${r.shell}: no process on the hot path | ${forks[r.shell] === 0 ? 'met: 0' : forks[r.shell] === undefined ? 'not measured' : `MISSED: ${forks[r.shell]}`} |`),
  '',
  ...closeCalls(),
  ...whyMissed(),
];
console.log(lines.join('\n'));
// --quick and --shell are for CI and a quick look: they check, but leave the recorded full run alone.
if (!quick && !onlyShells.length) writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), lines.join('\n'));
const forked = Object.entries(forks).filter(([, n]) => n !== undefined && n > 0);
if (forked.length) {
  console.error(`bench: the hot path started processes: ${forked.map(([s, n]) => `${s} ${n}`).join(', ')}`);
  process.exitCode = 1;
}
