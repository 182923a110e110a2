#!/usr/bin/env node
// npm run bench [-- --quick]: what claude-hooks costs at the prompt, at a cd, at a switch and at
// start-up, in the shapes users' configs and directories come in, measured side by side with
// the in-shell floor and with direnv on the same machine, in the same run. Writes
// docs/benchmarks.md (keeping its hand-written part, below HAND_WRITTEN).
//
// Method: each case runs inside one shell process, N times in a loop timed by the shell's own
// clock, and the same loop is timed in a shell with no hook loaded (the prompt runs its empty
// hook list, `cd` is the shell's own); (with - without) / N is what the hook adds to one call, so
// shell start-up, loading the init and the shell's own `cd` are not counted. The loops run the
// events an interactive shell fires around a command line (see commandLine in bench-lib.mjs),
// and a check in a real terminal (tmux) compares. Samples are taken in rounds: one sample of
// every case of a shell per round, so a ratio is the median of ratios within a round.
//
//   --quick        fewer shapes, rounds and shorter loops, every shell; prints, leaves
//                  docs/benchmarks.md alone (CI runs this; it fails when the hot path starts a process)
//   --shell fish   only this shell (repeatable), for a quick look while working on one template
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchShell, SHELLS, floorCase, inRounds, median, medianRatio, wallMs, which } from './bench-lib.mjs';
import { enterLeaveLines, haveTmux, typedMs } from './bench-terminal.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.cjs');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const quick = process.argv.includes('--quick');
const onlyShells = process.argv.flatMap((a, i, all) => (a === '--shell' && all[i + 1] ? [all[i + 1]] : []));
const started = Date.now();

/** How much to sample. On 2 busy cores the full run takes ~5-8 minutes, --quick ~1. */
const PLAN = quick
  ? { rounds: 5, loopMs: 40, sourceRounds: 5, startupRounds: 7, terminal: { pairs: 15, rounds: 2 } }
  : { rounds: 11, loopMs: 250, sourceRounds: 21, startupRounds: 25, terminal: { pairs: 50, rounds: 5 } };

// ---- the sandbox: directories at the depths measured, a marker, an .envrc, the configs ----

// A short root, so that depth 3 (three directories below /) exists inside it.
const sandbox = mkdtempSync('/tmp/cbb-');
process.on('exit', () => rmSync(sandbox, { recursive: true, force: true }));
const sandboxDepth = sandbox.split('/').filter(Boolean).length;
if (sandboxDepth > 2) throw new Error(`bench: ${sandbox} is too deep for a depth-3 case`);
const home = join(sandbox, 'home');
const scratch = join(sandbox, 'scratch');
const env = {
  PATH: process.env.PATH,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_DATA_HOME: join(home, '.local/share'),
  LANG: 'C.UTF-8',
  CLAUDE_HOOKS_QUIET: '1',
  DIRENV_LOG_FORMAT: '',
};
const configFile = join(home, '.config/claude-hooks/config.toml');
mkdirSync(join(home, '.config/claude-hooks'), { recursive: true });
mkdirSync(scratch);

/** The directory `depth` levels below `/` (its path has `depth` parts): sandbox/l3/l4/... */
function atDepth(depth) {
  let dir = sandbox;
  for (let level = sandboxDepth + 1; level <= depth; level++) dir = join(dir, `l${level}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
// The top of the depth tree is what a map governs (the prompts below it are governed by the map).
const mappedTop = atDepth(3);
const marked = join(home, 'marked');
const envrcDir = join(home, 'envrc');
for (const d of [marked, envrcDir]) mkdirSync(join(d, 'a/b/c'), { recursive: true });
writeFileSync(join(marked, '.claude-backend'), 'bedrock\n');
// direnv gets the same variables the bedrock switch sets and clears.
writeFileSync(join(envrcDir, '.envrc'), 'export CLAUDE_CODE_USE_BEDROCK=1\nexport AWS_REGION=us-east-1\nunset ANTHROPIC_API_KEY ANTHROPIC_AUTH_TOKEN ANTHROPIC_BASE_URL\n');
const direnv = which('direnv');
if (direnv) execFileSync(direnv, ['allow', envrcDir], { env, stdio: 'ignore' });

/** Where a prompt is measured; direnv is measured in the matching place of its own tree. */
const POSITIONS = {
  'depth 3': { dir: atDepth(3), direnvDir: atDepth(3) },
  'depth 10': { dir: atDepth(10), direnvDir: atDepth(10) },
  'depth 30': { dir: atDepth(30), direnvDir: atDepth(30) },
  'marker dir': { dir: marked, direnvDir: envrcDir },
  'marker + 3': { dir: join(marked, 'a/b/c'), direnvDir: join(envrcDir, 'a/b/c') },
};

/** The configs measured: user profiles (on top of the 8 built-in ones) and map entries. */
const CONFIGS = {
  default: { label: 'default', profiles: 1, map: 0 },
  p5: { label: '5 profiles', profiles: 5, map: 0 },
  p5m10: { label: '5 profiles, 10-entry map', profiles: 5, map: 10 },
  p5m1000: { label: '5 profiles, 1000-entry map', profiles: 5, map: 1000 },
  p500m1000: { label: '500 profiles, 1000-entry map', profiles: 500, map: 1000 },
};
function configText({ profiles, map }) {
  const lines = ['[profiles.bedrock]', 'region = "us-east-1"', ''];
  const names = ['bedrock'];
  for (let i = 1; i < profiles; i++) {
    names.push(`p${i}`);
    lines.push(`[profiles.p${i}]`, 'backend = "vertex"', `region = "r${i}"`, `description = "profile ${i}"`, '');
  }
  if (!map) return lines.join('\n');
  // The depth tree's top is mapped, plus map-1 other directories, spread over the profiles.
  lines.push('[directories]', `"${mappedTop}" = "bedrock"`);
  for (let i = 1; i < map; i++) lines.push(`"${join(sandbox, 'elsewhere', `project-${i}`)}" = "${names[i % names.length]}"`);
  return lines.join('\n') + '\n';
}

/** A shape: a config and where the prompt is. The full run measures every depth and both
 *  marker places with the default config and with the 1000-entry map, every map size at depth
 *  10, and the biggest config at depth 10. */
const SHAPES = (
  quick
    ? [['default', 'depth 10'], ['default', 'marker + 3'], ['p5', 'depth 10'], ['p5m1000', 'depth 10'], ['p5m1000', 'depth 30'], ['p500m1000', 'depth 10']]
    : [
        ...Object.keys(POSITIONS).map((p) => ['default', p]),
        ['p5', 'depth 10'],
        ['p5m10', 'depth 10'],
        ...Object.keys(POSITIONS).map((p) => ['p5m1000', p]),
        ['p500m1000', 'depth 10'],
      ]
).map(([config, position]) => ({ config, position, name: `${config}@${position}` }));

/** enter/leave: a cd into a governed directory and a cd back home, each a command line. */
const ENTER_LEAVE = [
  { name: 'marker, default config', config: 'default', dir: marked },
  ...(quick ? [] : [{ name: 'map, 1000 entries', config: 'p5m1000', dir: atDepth(10) }]),
  { name: 'map, 500 profiles + 1000 entries', config: 'p500m1000', dir: atDepth(10) },
];
const SWITCH_CONFIGS = quick ? ['default'] : ['default', 'p500m1000'];

const shells = Object.keys(SHELLS).filter((s) => {
  if (onlyShells.length && !onlyShells.includes(s)) return false;
  if (!which(s)) console.warn(`skipping ${s}: not installed`);
  return Boolean(which(s));
});
const bench = Object.fromEntries(shells.map((s) => [s, new BenchShell(s, { env, dir: scratch, cwd: home })]));

/** Each config's integration, rendered once per shell (nothing in it reads the config later). */
const initFiles = {};
const initSizes = {};
for (const [key, config] of Object.entries(CONFIGS)) {
  writeFileSync(configFile, configText(config));
  for (const shell of shells) {
    const file = join(sandbox, `init.${key}.${shell}`);
    writeFileSync(file, execFileSync(process.execPath, [CLI, 'init', shell], { env, encoding: 'utf8' }));
    (initFiles[key] ??= {})[shell] = file;
    (initSizes[key] ??= {})[shell] = statSync(file).size;
  }
}
writeFileSync(configFile, configText(CONFIGS.default));

const direnvLoad = (shell) => (shell === 'fish' ? `${direnv} hook fish | source` : `eval "$(${direnv} hook ${shell})"`);
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s]`, ...a);

// ---- per prompt, in every shape, beside the floor and direnv ----

/** For one shell: each shape's prompt, each position's floor and direnv's prompt there, sampled
 *  in rounds. Returns per shape the medians and the medians of the ratios within a round. */
function measureShapes(shell) {
  const b = bench[shell];
  const prompt = SHELLS[shell].commandLine(SHELLS[shell].nop);
  const at = (dir) => `cd '${dir}'\n${prompt}`;
  const positions = [...new Set(SHAPES.map((s) => s.position))];
  const cases = {};
  for (const s of SHAPES) cases[s.name] = { load: SHELLS[shell].load(initFiles[s.config][shell]), setup: at(POSITIONS[s.position].dir), body: prompt };
  for (const p of positions) {
    cases[`floor@${p}`] = floorCase(shell, POSITIONS[p].dir);
    if (direnv) cases[`direnv@${p}`] = { load: direnvLoad(shell), setup: at(POSITIONS[p].direnvDir), body: prompt };
  }
  const thunks = {};
  for (const [name, c] of Object.entries(cases)) {
    const n = b.calibrate(c, PLAN.loopMs);
    thunks[name] = () => b.sample({ ...c, n }).hook;
  }
  const samples = inRounds(PLAN.rounds, thunks);
  return SHAPES.map((s) => {
    const ours = samples[s.name];
    const floor = samples[`floor@${s.position}`];
    const theirs = samples[`direnv@${s.position}`];
    return {
      ...s,
      shell,
      samples: ours,
      ms: median(ours),
      floorMs: median(floor),
      overFloor: medianRatio(ours, floor),
      direnvMs: theirs && median(theirs),
      direnvRatio: theirs && medianRatio(theirs, ours),
    };
  });
}

// ---- enter/leave, with the events, and switching ----

function measureEnterLeave(shell) {
  const b = bench[shell];
  const line = SHELLS[shell].commandLine;
  const setup = `cd '${home}'\n${SHELLS[shell].commandLine(SHELLS[shell].nop)}`;
  const thunks = {};
  const own = {};
  for (const c of ENTER_LEAVE) {
    const ours = { load: SHELLS[shell].load(initFiles[c.config][shell]), setup, body: `${line(`cd '${c.dir}'`)}; ${line(`cd '${home}'`)}` };
    const n = b.calibrate(ours, PLAN.loopMs);
    thunks[c.name] = () => {
      const s = b.sample({ ...ours, n }, true);
      (own[c.name] ??= []).push(s.shell);
      return s.hook;
    };
  }
  if (direnv) {
    const theirs = { load: direnvLoad(shell), setup, body: `${line(`cd '${envrcDir}'`)}; ${line(`cd '${home}'`)}` };
    const n = b.calibrate(theirs, PLAN.loopMs);
    thunks.direnv = () => b.sample({ ...theirs, n }).hook;
  }
  for (const key of SWITCH_CONFIGS) {
    const c = { load: SHELLS[shell].load(initFiles[key][shell]), setup: `cd '${home}'`, body: 'cb-bedrock; cb-anthropic', bareBody: SHELLS[shell].nop };
    const n = b.calibrate(c, PLAN.loopMs);
    thunks[`switch@${key}`] = () => b.sample({ ...c, n }).hook;
  }
  const samples = inRounds(PLAN.rounds, thunks);
  return {
    shell,
    cases: ENTER_LEAVE.map((c) => ({
      name: c.name,
      ms: median(samples[c.name]),
      shellMs: median(own[c.name]),
      direnvMs: samples.direnv && median(samples.direnv),
      direnvRatio: samples.direnv && medianRatio(samples.direnv, samples[c.name]),
    })),
    switches: Object.fromEntries(SWITCH_CONFIGS.map((k) => [k, median(samples[`switch@${k}`])])),
  };
}

// ---- sourcing the integration, each config in a new shell ----

function measureSourcing(shell) {
  const b = bench[shell];
  const keys = quick ? ['default', 'p500m1000'] : Object.keys(CONFIGS);
  const samples = inRounds(PLAN.sourceRounds, Object.fromEntries(keys.map((k) => [k, () => b.sourceMs(initFiles[k][shell])])));
  return keys.map((k) => ({ shell, config: k, ms: median(samples[k]), overDefault: medianRatio(samples[k], samples.default), bytes: initSizes[k][shell] }));
}

// ---- start-up: init, init --cache, the cached copy, interleaved with `node -e 0` ----

/** `init <shell>` and `init <shell> --cache` with a fresh cache (made just before, with this
 *  config), wall time; loading the cached copy in a new shell, by the shell's clock; each beside
 *  a `node -e 0` of the same round. */
function measureStartup(shell) {
  execFileSync(process.execPath, [CLI, 'init', shell, '--cache'], { env, stdio: 'ignore' });
  const cache = join(home, '.cache', 'claude-hooks', `init.${shell}`);
  const samples = inRounds(PLAN.startupRounds, {
    node: () => wallMs(process.execPath, ['-e', '0'], env),
    init: () => wallMs(process.execPath, [CLI, 'init', shell], env),
    initCache: () => wallMs(process.execPath, [CLI, 'init', shell, '--cache'], env),
    cached: () => bench[shell].sourceMs(cache),
  });
  const figure = (k) => ({ ms: median(samples[k]), overNode: medianRatio(samples[k], samples.node) });
  return { shell, node: median(samples.node), init: figure('init'), initCache: figure('initCache'), cached: figure('cached') };
}

/** Peak memory in MiB, as the process itself reports it at exit (scripts/maxrss.cjs). */
function peakMemory(args) {
  const r = spawnSync(process.execPath, ['-r', fileURLToPath(new URL('maxrss.cjs', import.meta.url)), ...args], { env, encoding: 'utf8' });
  return Number(/claude-hooks-bench-maxrss-kb=(\d+)/.exec(r.stderr)?.[1]) / 1024;
}

// ---- processes started on the hot path (strace) ----

/** Processes started for prompts in every position, cds into and out of a marked and a mapped
 *  directory, and manual switches, with the default config and the biggest one. */
function countProcesses(shell) {
  const line = SHELLS[shell].commandLine;
  const steps = [
    ...Object.values(POSITIONS).flatMap((p) => [line(`cd '${p.dir}'`), line(SHELLS[shell].nop)]),
    line(`cd '${marked}'`), line(`cd '${home}'`), line(`cd '${atDepth(10)}'`), line(`cd '${home}'`),
    'cb-bedrock', 'cb-anthropic', 'cb-off',
  ];
  const script = (key) => `${SHELLS[shell].load(initFiles[key][shell])}\n${Array.from({ length: 3 }, () => steps.join('\n')).join('\n')}\n`;
  const counts = ['default', 'p500m1000'].map((k) => bench[shell].processStarts(script(k)));
  return counts.includes(undefined) ? undefined : counts.reduce((a, b) => a + b, 0);
}

// ---- the real terminal ----

/** direnv's hook as text, running direnv through `bin` (it names its own absolute path). */
function direnvHookVia(shell, bin) {
  const hook = execFileSync(direnv, ['hook', shell], { env, encoding: 'utf8' }).split(direnv).join(bin);
  const file = join(sandbox, `direnv-hook.${shell}`);
  writeFileSync(file, hook);
  return SHELLS[shell].load(file);
}

/** How many times direnv runs per `cd`, typed in tmux and in the scripted loop: if the loop
 *  fires the events a terminal does, the two agree. Counted by a wrapper that logs each run. */
function direnvRunsPerCd(shell, pairs = 3) {
  const count = join(sandbox, `direnv-count.${shell}`);
  const wrapper = join(sandbox, 'direnv-counting');
  writeFileSync(wrapper, `#!/bin/sh\necho run >> '${count}'\nexec '${direnv}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const load = direnvHookVia(shell, wrapper);
  const runs = () => (existsSync(count) ? readFileSync(count, 'utf8').split('\n').length - 1 : 0);
  // Typed: the lines before and after the cds only read the count; the prompt after the first
  // of them runs direnv once more, which is taken off.
  const lines = [`wc -l < '${count}' > '${count}.before'`, ...enterLeaveLines(envrcDir, home, pairs), `wc -l < '${count}' > '${count}.after'`];
  typedMs({ shell, load, lines, env, dir: sandbox, cwd: home });
  const typed = (Number(readFileSync(`${count}.after`, 'utf8')) - Number(readFileSync(`${count}.before`, 'utf8')) - 1) / (2 * pairs);
  // Scripted: the enter/leave loop of the timings, counted from its start.
  const line = SHELLS[shell].commandLine;
  bench[shell].run(
    `${load}\ncd '${home}'\n${line(SHELLS[shell].nop)}\n${SHELLS[shell].nop} > '${count}'\n${SHELLS[shell].loop(pairs, `${line(`cd '${envrcDir}'`)}; ${line(`cd '${home}'`)}`)}\n`,
    'count',
  );
  const scripted = runs() / (2 * pairs);
  rmSync(count, { force: true });
  return { typed, scripted };
}

/** Per enter/leave typed into an interactive shell in tmux: with our hook, with direnv's, less
 *  the same keystrokes with no hook, in rounds. Coarse: each typed line also costs the line
 *  editor, the terminal and a prompt, the same with or without a hook. */
function measureTerminal(shell) {
  const pairs = PLAN.terminal.pairs;
  const run = (load, dir) => typedMs({ shell, load, lines: enterLeaveLines(dir, home, pairs), env, dir: sandbox, cwd: home });
  const thunks = {
    none: () => run('', marked),
    ours: () => run(SHELLS[shell].load(initFiles.default[shell]), marked),
    ...(direnv ? { direnv: () => run(direnvLoad(shell), envrcDir) } : {}),
  };
  const samples = inRounds(PLAN.terminal.rounds, thunks);
  const perPair = (k) => samples[k] && median(samples[k].map((ms, i) => (ms - samples.none[i]) / pairs));
  return { shell, ours: perPair('ours'), direnv: perPair('direnv'), lineMs: median(samples.none) / (2 * pairs) };
}

// ---- run ----

const shapeRows = [];
const enterRows = [];
const sourceRows = [];
const startRows = [];
const forks = {};
const terminalRows = [];
const eventChecks = {};
for (const shell of shells) {
  log(shell, 'shapes');
  shapeRows.push(...measureShapes(shell));
  log(shell, 'enter/leave');
  enterRows.push(measureEnterLeave(shell));
  log(shell, 'sourcing');
  sourceRows.push(...measureSourcing(shell));
  log(shell, 'start-up');
  startRows.push(measureStartup(shell));
  forks[shell] = countProcesses(shell);
  if (haveTmux() && direnv) eventChecks[shell] = direnvRunsPerCd(shell);
  if (haveTmux()) {
    log(shell, 'terminal');
    terminalRows.push(measureTerminal(shell));
  }
}
if (!haveTmux()) console.warn('bench: no tmux, the real-terminal check is skipped');
const memory = { init: peakMemory([CLI, 'init', 'zsh']), node: peakMemory(['-e', '0']) };
const elapsedMin = (Date.now() - started) / 60000;

// ---- the report ----

const f = (ms) => (ms === undefined ? 'n/a' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const times = (x) => (x === undefined || !Number.isFinite(x) ? 'n/a' : `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×`);
const label = (key) => CONFIGS[key].label;

/** The targets of issue 16, each a bound on a ratio within this run: at most (`max`) or at least. */
const TARGETS = [
  { key: 'floor', text: 'per prompt at most 2× the in-shell floor, in every shape', limit: 2, max: true, short: 'per prompt ÷ floor' },
  { key: 'map', text: 'a 1000-entry map at most 1.5× no map (per prompt, depth 10, 5 profiles)', limit: 1.5, max: true, short: '1000-entry map ÷ no map' },
  { key: 'sourcing', text: 'sourcing 500 profiles + 1000 entries at most 4× the default', limit: 4, max: true, short: 'sourcing the big config ÷ default' },
  { key: 'initCache', text: '`init <shell> --cache` at most 1.3× `node -e 0`', limit: 1.3, max: true, short: '`init --cache` ÷ node' },
  { key: 'processes', text: 'no process per prompt, `cd` or switch (strace)' },
  { key: 'direnv', text: 'at least 20× cheaper than direnv, in every shape (prompts and enter/leave)', limit: 20, max: false, short: 'direnv ÷ claude-hooks' },
];

/** The worst of several { ratio, where } against a target, and how many miss it. */
function worstOf(target, items) {
  const measured = items.filter((x) => Number.isFinite(x.ratio));
  if (!measured.length) return {};
  const worse = (a, b) => (target.max ? a.ratio > b.ratio : a.ratio < b.ratio);
  const worst = measured.reduce((a, x) => (worse(x, a) ? x : a));
  return { ...worst, misses: measured.filter((x) => !meets(target, x.ratio)).length, of: measured.length };
}
const meets = (target, ratio) => (target.max ? ratio <= target.limit : ratio >= target.limit);

/** What one shell scored on each target, by key: { ratio, where?, misses?, of? } or { count }. */
function scores(shell) {
  const rows = shapeRows.filter((r) => r.shell === shell);
  const at = (config) => rows.find((r) => r.config === config && r.position === 'depth 10');
  const byKey = Object.fromEntries(TARGETS.map((t) => [t.key, t]));
  const enter = enterRows.find((r) => r.shell === shell)?.cases ?? [];
  return {
    floor: worstOf(byKey.floor, rows.map((r) => ({ ratio: r.overFloor, where: `${label(r.config)} at ${r.position}` }))),
    // Two shapes of the same round, so the ratio is a median of ratios within a round.
    map: { ratio: at('p5m1000') && at('p5') ? medianRatio(at('p5m1000').samples, at('p5').samples) : undefined },
    sourcing: { ratio: sourceRows.find((r) => r.shell === shell && r.config === 'p500m1000')?.overDefault },
    initCache: { ratio: startRows.find((r) => r.shell === shell)?.initCache.overNode },
    processes: { count: forks[shell] },
    direnv: direnv
      ? worstOf(byKey.direnv, [
          ...rows.map((r) => ({ ratio: r.direnvRatio, where: `prompt, ${label(r.config)} at ${r.position}` })),
          ...enter.map((c) => ({ ratio: c.direnvRatio, where: `enter/leave, ${c.name}` })),
        ])
      : {},
  };
}
const SCORES = () => Object.fromEntries(shells.map((s) => [s, scores(s)]));

function verdictCell(target, score) {
  if (target.key === 'processes') {
    if (score.count === undefined) return 'not measured (no strace)';
    return score.count === 0 ? 'met: 0' : `**missed**: ${score.count}`;
  }
  if (!Number.isFinite(score.ratio)) return 'not measured';
  const where = score.where ? ` (${score.misses ? `${score.misses} of ${score.of} shapes miss; ` : ''}worst: ${score.where})` : '';
  return `${meets(target, score.ratio) ? 'met' : '**missed**'}: ${times(score.ratio)}${where}`;
}

/** The shells that miss `key`. */
function missing(all, key) {
  const target = TARGETS.find((t) => t.key === key);
  return shells.filter((s) => (key === 'processes' ? all[s].processes.count > 0 : Number.isFinite(all[s][key].ratio) && !meets(target, all[s][key].ratio)));
}

/** Targets met or missed by less than 10%: a rerun on a busier or quieter machine can land on
 *  the other side. */
function closeCalls(all) {
  const close = TARGETS.filter((t) => t.limit).flatMap((t) =>
    shells.filter((s) => Math.abs(all[s][t.key].ratio - t.limit) / t.limit < 0.1).map((s) => `${s} ${t.short} (${times(all[s][t.key].ratio)} for ${times(t.limit)})`),
  );
  if (!close.length) return [];
  return [
    '## Close calls',
    '',
    `Within 10% of the target: ${close.join(', ')}. Runs on this shared machine vary by about 10% from one to the next, and direnv's figures are mostly the start of a process, which a busy machine slows and a quiet one speeds up, while the hook's are a few dozen builtins; so a ratio moves with the machine's load (pairing the samples within a round removes the drift within a run, not between runs). A ratio this close to its target can land on the other side in a rerun.`,
    '',
  ];
}

/** For each missed target, what the run itself shows about it (never a guess). */
function whyMissed(all) {
  const out = [];
  const floorMiss = missing(all, 'floor');
  if (floorMiss.length) {
    out.push(`- per prompt over the floor (${floorMiss.join(', ')}): what the hook costs beyond the floor, default config:`);
    for (const shell of floorMiss) {
      const rows = shapeRows.filter((r) => r.shell === shell && r.config === 'default');
      const byDepth = rows.filter((r) => r.position.startsWith('depth')).map((r) => r.ms - r.floorMs);
      const flat = byDepth.length > 1 && Math.max(...byDepth) < 1.5 * Math.min(...byDepth);
      const note = flat ? '; about the same at every depth: a cost per prompt, not per level, so across depths the ratio is worst at the shallowest' : '';
      out.push(`  - ${shell}: ${rows.map((r) => `${f(r.ms - r.floorMs)} at ${r.position}`).join(', ')}${note}.`);
    }
  }
  const mapMiss = missing(all, 'map');
  if (mapMiss.length) {
    out.push(`- 1000-entry map (${mapMiss.join(', ')}): per prompt at depth 10, ${mapMiss.map((s) => {
      const r = (c) => shapeRows.find((x) => x.shell === s && x.config === c && x.position === 'depth 10');
      const sizes = [['p5', 'no map'], ['p5m10', '10 entries'], ['p5m1000', '1000 entries']].filter(([c]) => r(c));
      return `${s} ${sizes.map(([c, what]) => `${f(r(c).ms)} with ${what}`).join(', ')}`;
    }).join('; ')}.`);
  }
  const srcMiss = missing(all, 'sourcing');
  if (srcMiss.length) {
    out.push(`- sourcing 500 profiles + 1000 entries (${srcMiss.join(', ')}): the rendered integration is ${srcMiss.map((s) => `${(initSizes.p500m1000[s] / initSizes.default[s]).toFixed(0)}× the default's size in ${s} (${(initSizes.p500m1000[s] / 1024).toFixed(0)} KiB)`).join(', ')}; sourcing it takes ${srcMiss.map((s) => `${f(sourceRows.find((r) => r.shell === s && r.config === 'p500m1000').ms)} in ${s}`).join(', ')}.`);
  }
  const initMiss = missing(all, 'initCache');
  if (initMiss.length) {
    out.push(`- \`init --cache\` (${initMiss.join(', ')}): ${initMiss.map((s) => {
      const r = startRows.find((x) => x.shell === s);
      return `${s}: \`init\` alone is ${times(r.init.overNode)} \`node -e 0\`, \`init --cache\` ${f(r.initCache.ms - r.init.ms)} more than \`init\``;
    }).join('; ')}.`);
  }
  const direnvMiss = missing(all, 'direnv');
  if (direnvMiss.length) {
    const sw = enterRows.filter((r) => direnvMiss.includes(r.shell)).map((r) => `${r.shell} ${f(r.switches.default / 2)}`);
    out.push(`- against direnv (${direnvMiss.join(', ')}): one switch (half of \`cb-bedrock\` + \`cb-anthropic\`, default config) costs ${sw.join(', ')}; an enter or a leave is a switch plus the hook. direnv's figures are mostly the start of a process.`);
  }
  if (!out.length) return [];
  return ['## Why a target is missed', '', 'What this run shows about each miss:', '', ...out, ''];
}

const HAND_WRITTEN = '<!-- Written by hand from here on: `npm run bench` keeps everything below this line. -->';

function report() {
  const all = SCORES();
  const direnvVersion = direnv ? execFileSync(direnv, ['version'], { encoding: 'utf8' }).trim() : 'not installed';
  const byShell = (rows, fn) => rows.map((r) => fn(r));
  const termScripted = (shell, key) => {
    const c = enterRows.find((r) => r.shell === shell)?.cases[0];
    return key === 'direnv' ? c?.direnvMs : c?.ms;
  };
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)} (the run took ${elapsedMin.toFixed(0)} minutes); rerun it to measure your machine.`,
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, direnv ${direnvVersion}.`,
    '',
    '## Method',
    '',
    'Each case runs N times in a loop inside one shell, timed by the shell\'s own clock, and the same loop',
    'runs in a shell with no hook loaded; the difference divided by N is what the hook adds, so shell',
    "start-up, loading the init and the shell's own `cd` are not counted, for either tool. N is chosen",
    `per case so each loop lasts about ${PLAN.loopMs} ms. The loops run what an interactive shell runs`,
    'around each command line, the events the hooks listen to included: bash `PROMPT_COMMAND`; zsh',
    '`preexec_functions`, `chpwd_functions` (a `cd` fires them) and `precmd_functions`; fish the',
    '`fish_preexec` and `fish_postexec` events around the command (a `cd` fires `--on-variable PWD`), then',
    "`fish_prompt`. Without fish's preexec direnv's fish hook runs twice per `cd` instead of once; the",
    'check in a real terminal below counts it. Samples are taken in rounds, one of every case of a shell',
    `per round, ${PLAN.rounds} rounds: figures are medians, and a ratio is the median of the ratios within a round`,
    '(it can differ a little from the ratio of the two medians).',
    '',
    'The in-shell floor is one file test per directory from the prompt\'s directory up to `/`, in the',
    'same shell, with nothing else (bash and zsh `[[ -f ]]`, fish `test -f`): the least any hook that',
    'looks for a marker must do at a prompt (fish\'s hook asks one `path is` for all the levels at once,',
    'which can cost less than the floor\'s loop of `test -f`). "Depth N" is a directory N levels below `/`',
    'with no marker above it; in a config with a map, the map governs it (the map has an entry for the',
    'directory at depth 3). "marker dir" is the directory holding a `.claude-backend` (the hook reads the',
    'marker again at each prompt there, as it may have been edited), "marker + 3" three levels below it.',
    'direnv is measured in the same place of a tree with an allowed `.envrc` (setting the variables the',
    'bedrock switch sets) where ours has a marker, and with none where ours has none.',
    'Profiles are counted in the config, on top of the 8 built-in ones; "default" is a config with one.',
    '',
    '## Per prompt',
    '',
    '| config | where | shell | claude-hooks | floor | ÷ floor | direnv | direnv ÷ claude-hooks |',
    '|---|---|---|---|---|---|---|---|',
    ...byShell(
      [...shapeRows].sort((a, b) => SHAPES.indexOf(SHAPES.find((s) => s.name === a.name)) - SHAPES.indexOf(SHAPES.find((s) => s.name === b.name))),
      (r) => `| ${label(r.config)} | ${r.position} | ${r.shell} | ${f(r.ms)} | ${f(r.floorMs)} | ${times(r.overFloor)} | ${f(r.direnvMs)} | ${times(r.direnvRatio)} |`,
    ),
    '',
    '## Enter/leave and switching',
    '',
    'A `cd` into a governed directory (a `.claude-backend`, or a directory the map governs) and a `cd`',
    'back out, each a command line with its prompt; direnv\'s is into its `.envrc` directory and out.',
    '"The shell\'s own" is what the shell spends on the same two command lines with no hook at all (not',
    "counted in the hook's figure; fish's `cd` is a function that keeps the directory history).",
    '',
    '| case | shell | claude-hooks | direnv | direnv ÷ claude-hooks | the shell\'s own |',
    '|---|---|---|---|---|---|',
    ...enterRows.flatMap((r) => r.cases.map((c) => `| ${c.name} | ${r.shell} | ${f(c.ms)} | ${f(c.direnvMs)} | ${times(c.direnvRatio)} | ${f(c.shellMs)} |`)),
    '',
    `\`cb-bedrock\` + \`cb-anthropic\` (two switches): ${enterRows.map((r) => `${r.shell} ${SWITCH_CONFIGS.map((k) => `${f(r.switches[k])} (${label(k)})`).join(', ')}`).join('; ')}.`,
    '',
    '## In a real terminal',
    '',
    haveTmux()
      ? [
          `An interactive shell in tmux, sent the keystrokes of ${PLAN.terminal.pairs} pairs of \`cd\` into the marked directory and back`,
          '(the `.envrc` directory for direnv), one command line each, all at once so that the shell sets the',
          'pace; the time with the hook loaded less the time with none, per pair, by the system clock (`date`)',
          `read before the first \`cd\` and after the last, medians of ${PLAN.terminal.rounds} rounds. Coarse: every typed line also`,
          'costs the line editor, the terminal and the prompt, the same with or without a hook, and the',
          'interval holds one plain prompt more; the scripted figure of the same case is beside it.',
          '"direnv runs per `cd`" counts the runs of direnv (through a wrapper) typed in tmux and in the',
          'scripted loop: equal when the loop fires what the terminal fires (the bench fails otherwise).',
          '',
          '| shell | claude-hooks typed | scripted | direnv typed | scripted | one typed command line, no hook | direnv runs per `cd`: typed / scripted |',
          '|---|---|---|---|---|---|---|',
          ...shells.map((s) => {
            const t = terminalRows.find((r) => r.shell === s);
            const e = eventChecks[s];
            return `| ${s} | ${f(t?.ours)} | ${f(termScripted(s, 'ours'))} | ${f(t?.direnv)} | ${f(termScripted(s, 'direnv'))} | ${f(t?.lineMs)} | ${e ? `${e.typed.toFixed(2)} / ${e.scripted.toFixed(2)}` : 'n/a'} |`;
          }),
        ].join('\n')
      : 'Not measured: tmux is not installed.',
    '',
    '## Loading the integration',
    '',
    'Sourcing the rendered file once in a new shell, by the shell\'s clock (no node: what a cached start-up',
    `or \`eval\` of the output costs on top of running \`init\`). Medians of ${PLAN.sourceRounds}; the ratio is against the default`,
    'config sourced in the same round.',
    '',
    '| config | shell | size | sourcing | ÷ default |',
    '|---|---|---|---|---|',
    ...sourceRows.map((r) => `| ${label(r.config)} | ${r.shell} | ${(r.bytes / 1024).toFixed(0)} KiB | ${f(r.ms)} | ${times(r.overDefault)} |`),
    '',
    '## Start-up',
    '',
    `Wall time of \`claude-hooks init <shell>\` (with the default config to read) and of \`init <shell> --cache\` with`,
    'a fresh cache, each beside a `node -e 0` of the same round; and loading the cached copy in a new',
    `shell, by the shell's clock (no node starts while the copy is fresh). Medians of ${PLAN.startupRounds} rounds; ratios`,
    'are medians of the ratios within a round.',
    '',
    '| shell | `node -e 0` | `init` | ÷ node | `init --cache` | ÷ node | cached copy loaded | ÷ node |',
    '|---|---|---|---|---|---|---|---|',
    ...startRows.map((r) => `| ${r.shell} | ${f(r.node)} | ${f(r.init.ms)} | ${times(r.init.overNode)} | ${f(r.initCache.ms)} | ${times(r.initCache.overNode)} | ${f(r.cached.ms)} | ${r.cached.overNode.toFixed(2)}× |`),
    '',
    `Peak memory: \`init zsh\` ${memory.init.toFixed(0)} MiB, \`node -e 0\` ${memory.node.toFixed(0)} MiB.`,
    '',
    '## Processes',
    '',
    `Processes started by the shell (strace), for 3 times: a prompt in each place above, \`cd\`s into and out of a marked and a mapped directory, \`cb-bedrock\`, \`cb-anthropic\`, \`cb-off\`; with the default config and with 500 profiles + 1000 entries: ${shells.map((s) => `${s} ${forks[s] ?? 'not measured (no strace)'}`).join(', ')}. \`test/hotpath.test.ts\` requires zero in every \`npm test\`, and \`npm run bench -- --quick\` fails CI otherwise.`,
    '',
    '## Against the targets',
    '',
    'The targets of issue 16, as ratios within this run (the tables above have every shape).',
    '',
    `| target | ${shells.join(' | ')} |`,
    `|---|${shells.map(() => '---|').join('')}`,
    ...TARGETS.map((t) => `| ${t.text} | ${shells.map((s) => verdictCell(t, all[s][t.key])).join(' | ')} |`),
    '',
    ...closeCalls(all),
    ...whyMissed(all),
  ].join('\n');
}

/** The part of docs/benchmarks.md written by hand, kept across runs. */
function handWritten() {
  const old = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const at = old.indexOf(HAND_WRITTEN);
  return at < 0 ? '' : `\n${old.slice(at)}`;
}

const text = report();
console.log(text);
log(`done in ${elapsedMin.toFixed(1)} min`);
// --quick and --shell are for CI and a quick look: they check, but leave the recorded full run alone.
if (!quick && !onlyShells.length) writeFileSync(DOC, `${text.trimEnd()}\n${handWritten()}`);
// The scripted loops stand for a terminal only if they fire what it fires: direnv's run count
// per cd tells (fish without its preexec event runs direnv twice).
const unlike = Object.entries(eventChecks).filter(([, c]) => c.typed !== c.scripted);
if (unlike.length) {
  console.error(`bench: direnv runs per cd differ, typed in tmux and scripted: ${unlike.map(([s, c]) => `${s} ${c.typed} / ${c.scripted}`).join(', ')}`);
  process.exitCode = 1;
}
const forked = Object.entries(forks).filter(([, n]) => n !== undefined && n > 0);
if (forked.length) {
  console.error(`bench: the hot path started processes: ${forked.map(([s, n]) => `${s} ${n}`).join(', ')}`);
  process.exitCode = 1;
}
