#!/usr/bin/env node
// npm run mutants: plants each bug listed in scripts/mutants.txt, one at a time, in a
// throw-away copy of this tree (never in place: other work on the tree goes on undisturbed),
// builds the copy, runs the tests the bug names, and fails naming every bug they let through.
//   npm run mutants                    every mutant, two at a time
//   npm run mutants -- ID...           only those
//   npm run mutants -- --list          the list, and whether each search text is still there
//   --jobs N                           mutants run at once (default 2: the machine has 2 cores)
// A mutant whose search text is gone or no longer unique fails the run before anything is
// built: the code moved on, and the mutant must be written again, not skipped.
// First the named tests run on the unchanged copy: a test that fails anyway catches nothing.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIST = join(ROOT, 'scripts', 'mutants.txt');
const TIMEOUT_MS = 300_000;

const argv = process.argv.slice(2);
let jobs = 2;
const wanted = [];
let listOnly = false;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--jobs') jobs = Number(argv[++i]);
  else if (argv[i] === '--list') listOnly = true;
  else wanted.push(argv[i]);
}

/** The mutants of scripts/mutants.txt (its header says the format). */
function parseList(text) {
  const mutants = [];
  let m;
  let section = 'head';
  const trim = (lines) => {
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  };
  const finish = () => {
    if (m) mutants.push({ ...m, search: trim(m.search), replace: trim(m.replace) });
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      finish();
      m = { id: line.slice(3).trim(), file: '', tests: [], search: [], replace: [] };
      section = 'keys';
    } else if (!m) continue;
    else if (section === 'keys' && line === '--- search') section = 'search';
    else if (section === 'search' && line === '--- replace') section = 'replace';
    else if (section === 'keys') {
      const kv = /^(file|tests|only):\s*(.*)$/.exec(line);
      if (kv?.[1] === 'file') m.file = kv[2].trim();
      else if (kv?.[1] === 'tests') m.tests = kv[2].split(/\s+/).filter(Boolean);
      else if (kv?.[1] === 'only') m.only = kv[2].trim();
      else if (line.trim() !== '') throw new Error(`scripts/mutants.txt: ${m.id}: unexpected line ${JSON.stringify(line)} (expected file:, tests:, only: or --- search)`);
    } else m[section].push(line);
  }
  finish();
  return mutants;
}

const MUTANTS = parseList(readFileSync(LIST, 'utf8'));

/** Every problem with the list itself: stale or ambiguous search texts, unknown files. */
function checkList() {
  const problems = [];
  const ids = new Set();
  for (const m of MUTANTS) {
    if (ids.has(m.id)) problems.push(`${m.id}: the id is used twice`);
    ids.add(m.id);
    if (!m.tests.length) problems.push(`${m.id}: names no test file to catch it`);
    if (!m.search) problems.push(`${m.id}: has no search text`);
    let text;
    try {
      text = readFileSync(join(ROOT, m.file), 'utf8');
    } catch {
      problems.push(`${m.id}: ${m.file} does not exist`);
      continue;
    }
    const count = text.split(m.search).length - 1;
    if (count === 0) problems.push(`${m.id}: stale: ${m.file} no longer holds its search text ${JSON.stringify(m.search)}`);
    if (count > 1) problems.push(`${m.id}: ${m.file} holds its search text ${count} times; make it unique`);
    if (m.search === m.replace) problems.push(`${m.id}: the replacement changes nothing`);
    for (const t of m.tests ?? []) {
      try {
        readFileSync(join(ROOT, t));
      } catch {
        problems.push(`${m.id}: test file ${t} does not exist`);
      }
    }
  }
  for (const id of wanted) if (!ids.has(id)) problems.push(`${id}: no such mutant`);
  return problems;
}

/** A copy of the tree (sources, tests, scripts; not .git, dist or node_modules, which is linked). */
function copyTree() {
  const dir = mkdtempSync(join(tmpdir(), 'claude-hooks-mutant-'));
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(ROOT, src);
      return !/^(\.git|node_modules|dist|coverage)(\/|$)/.test(rel);
    },
  });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

function run(cmd, args, cwd) {
  return new Promise((resolve) => {
    // No colours: under CI=true vitest colours its summary, and the outcome is read from that text.
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      out += `\n(timed out after ${TIMEOUT_MS / 1000}s)`;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, out: out.replace(/\x1b\[[0-9;]*m/g, '') });
    });
  });
}

/** Builds the copy and runs `tests` there; stops at the first failing test. */
async function buildAndTest(dir, tests, pattern, { buildOnly = false } = {}) {
  const build = await run(process.execPath, ['scripts/build.mjs'], dir);
  if (build.code !== 0) {
    const errors = build.out.split('\n').filter((l) => /error/i.test(l) && !/^\s+at /.test(l));
    return { outcome: 'no-build', detail: `does not build: ${(errors.length ? errors : build.out.trim().split('\n').slice(-3)).slice(0, 3).join(' | ')}` };
  }
  return buildOnly ? { outcome: 'passed' } : testIn(dir, tests, pattern);
}

/** Runs `tests` in the built copy `dir`, stopping at the first failing test. */
async function testIn(dir, tests, pattern) {
  const args = [join(dir, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--bail=1', '--maxWorkers=1', '--minWorkers=1', ...(pattern ? ['-t', pattern] : []), ...tests];
  const r = await run(process.execPath, args, dir);
  const failed = [...r.out.matchAll(/^\s*(?:FAIL|×)\s+(.+?)(?:\s+\d+ms)?$/gm)].map((m) => m[1].trim());
  if (r.code === 0 && /Tests\s+\d+ passed/.test(r.out)) return { outcome: 'passed' };
  if (r.code === 0) return { outcome: 'no-tests', detail: 'no test ran: check the test files and the pattern' };
  return { outcome: 'failed', detail: failed[0] ?? r.out.trim().split('\n').slice(-8).join('\n') };
}

async function runMutant(m) {
  const started = Date.now();
  const dir = copyTree();
  try {
    const path = join(dir, m.file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(m.search, () => m.replace));
    const r = await buildAndTest(dir, m.tests, m.only);
    return { ...r, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pool(items, n, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

const problems = checkList();
if (listOnly) {
  for (const m of MUTANTS) console.log(`${m.id.padEnd(34)} ${m.file.padEnd(28)} ${m.tests.join(' ')}`);
}
if (problems.length) {
  console.error(`mutants: the list needs fixing first:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
if (listOnly) process.exit(0);

const chosen = wanted.length ? MUTANTS.filter((m) => wanted.includes(m.id)) : MUTANTS;
const t0 = Date.now();

// The tests on the unchanged tree: each file once, with every pattern its mutants use (none
// when one of them uses none).
const patterns = new Map();
for (const m of chosen) {
  for (const t of m.tests) {
    const seen = patterns.get(t);
    patterns.set(t, seen === undefined ? (m.only ?? null) : seen === null || !m.only ? null : `${seen}|${m.only}`);
  }
}
console.log(`mutants: checking that the named tests pass on the unchanged tree (${patterns.size} files)`);
const baseDir = copyTree();
const baseline = await (async () => {
  try {
    const build = await buildAndTest(baseDir, [], undefined, { buildOnly: true });
    if (build.outcome !== 'passed') return [{ pattern: '', ...build }];
    return await pool([...patterns], jobs, async ([file, pattern]) => ({ pattern: pattern ?? '', ...(await testIn(baseDir, [file], pattern ?? undefined)) }));
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }
})();
const broken = baseline.filter((b) => b.outcome !== 'passed');
if (broken.length) {
  for (const b of broken) console.error(`mutants: the unchanged tree fails already (${b.outcome}${b.pattern ? `, -t '${b.pattern}'` : ''}): ${b.detail}`);
  process.exit(1);
}

console.log(`mutants: planting ${chosen.length} bugs, ${jobs} at a time`);
const results = await pool(chosen, jobs, async (m) => {
  const r = await runMutant(m);
  const word = r.outcome === 'failed' ? 'caught  ' : r.outcome === 'passed' ? 'SURVIVED' : 'INVALID ';
  console.log(`${word} ${m.id.padEnd(34)} ${r.seconds.toFixed(0).padStart(4)}s  ${r.outcome === 'failed' ? `by ${r.detail.split('\n')[0]}` : r.outcome === 'passed' ? `${m.file}: nothing in ${m.tests.join(', ')} noticed` : r.detail}`);
  return { m, ...r };
});

const caught = results.filter((r) => r.outcome === 'failed');
const survived = results.filter((r) => r.outcome === 'passed');
const invalid = results.filter((r) => r.outcome !== 'failed' && r.outcome !== 'passed');
const minutes = ((Date.now() - t0) / 60_000).toFixed(1);
console.log(`\nmutants: ${caught.length} of ${results.length} caught (mutation score ${Math.round((100 * caught.length) / results.length)}%), in ${minutes} minutes`);
if (survived.length) console.error(`mutants: SURVIVED (no test noticed): ${survived.map((r) => r.m.id).join(', ')}`);
if (invalid.length) console.error(`mutants: INVALID (did not build, or no test ran): ${invalid.map((r) => r.m.id).join(', ')}`);
process.exit(survived.length || invalid.length ? 1 : 0);
