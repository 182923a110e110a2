// Property: bash, zsh and fish agree. A random session of switches, hand edits and directory
// moves runs in each real shell (bash 3.2 too, when CLAUDE_HOOKS_TEST_BASH32 names one), and
// after every step the variables Claude Code reads must be the same in all of them. The templates are written separately, in three languages, and fish's
// takes shortcuts the others do not (it keeps the candidate list of the last directory, visits
// only the variables the last switch touched): a shortcut that goes wrong shows up as
// disagreement, without a model of the rules written a fourth time here. fish also runs with its
// shortcuts turned off, so a difference can be pinned on them.
// Each seed of SEEDS runs RUNS sessions, so a run checks the same sessions every time; a seed
// that ever found a bug stays in the list for good. CLAUDE_HOOKS_PROPERTY_RUNS raises the
// number of sessions, CLAUDE_HOOKS_PROPERTY_SEED adds a seed (to explore: any number).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, variableStep, type TestShell } from './helpers/shells.js';

const RUNS = Number(process.env.CLAUDE_HOOKS_PROPERTY_RUNS ?? 8);
// Add here the seed fast-check prints when this property fails, with the date and the bug.
const SEEDS = [1, 2, 3, ...(process.env.CLAUDE_HOOKS_PROPERTY_SEED ? [Number(process.env.CLAUDE_HOOKS_PROPERTY_SEED)] : [])];
const STEPS = 60;

// Variables Claude Code reads that profiles set, clear or leave alone.
const NAMES = ['ANTHROPIC_API_KEY', 'ANTHROPIC_MODEL', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_REGION', 'CLAUDE_CODE_USE_BEDROCK', 'CLAUDE_CODE_USE_VERTEX', 'CLOUD_ML_REGION', 'ANTHROPIC_VERTEX_PROJECT_ID', 'CLAUDE_HOOKS_PROFILE'];
const VALUES = ['a', 'b c', '', '1'];

// Directory names with glob characters, a space and a backslash: fish's shortcut for a step into
// a subdirectory compares paths with `string match`, which reads those as a pattern.
const DIRS = ['', 'a', 'a/b', 'a/b/c', 'x*y', 'x*y/sub', 'xZy', 'xZy/sub', 'q?r', 'q?r/in', 'sp ace', 'b\\s', 'b\\s/in', 'crlf', 'bad'];
const MARKERS: Record<string, string> = {
  a: 'bedrock\n',
  'a/b/c': 'vertex',
  'x*y': 'anthropic\n',
  xZy: 'foundry\n',
  'q?r': 'work',
  'b\\s': 'bedrock',
  crlf: '\ufeff vertex\r\n', // trimmed the slow way
  bad: 'no-such-profile\n', // said, not switched
};

type Op =
  | { kind: 'use'; profile: string }
  | { kind: 'off' }
  | { kind: 'set'; name: string; value: string }
  | { kind: 'local'; name: string; value: string }
  | { kind: 'unset'; name: string }
  | { kind: 'cd'; dir: string }
  | { kind: 'up' }
  | { kind: 'mark'; dir: string; text: string; here: boolean }
  | { kind: 'unmark'; dir: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('use' as const), profile: fc.constantFrom('anthropic', 'bedrock', 'vertex', 'foundry', 'mantle', 'anthropic-aws', 'anthropic-google-cloud', 'gateway', 'work') }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'off' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('set' as const), name: fc.constantFrom(...NAMES), value: fc.constantFrom(...VALUES) }), weight: 3 },
  // A shell variable that was never exported: a switch must give it back unexported.
  { arbitrary: fc.record({ kind: fc.constant('local' as const), name: fc.constantFrom(...NAMES), value: fc.constantFrom(...VALUES) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('unset' as const), name: fc.constantFrom(...NAMES) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('cd' as const), dir: fc.constantFrom(...DIRS) }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'up' as const }), weight: 2 },
  // Markers written, edited and removed between prompts, here or up the tree.
  // `here`: in the current directory when it is in the tree (an edit of the marker that governs).
  { arbitrary: fc.record({ kind: fc.constant('mark' as const), dir: fc.constantFrom(...DIRS), text: fc.constantFrom('bedrock\n', 'vertex', 'work\n', '\ufeffanthropic\r\n', '', 'nope\n'), here: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('unmark' as const), dir: fc.constantFrom(...DIRS) }), weight: 1 },
);

function quote(shell: TestShell, s: string): string {
  return shell === 'fish' ? `'${s.replace(/[\\']/g, '\\$&')}'` : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Where each step runs, as a directory of the tree ('' its top) or null outside it: so that a
 *  marker can be written where the shell is, never outside the sandbox's tree. */
function placesOf(ops: Op[]): (string | null)[] {
  let cwd: string | null = '';
  return ops.map((o) => {
    const here = cwd;
    if (o.kind === 'cd') cwd = o.dir;
    if (o.kind === 'up') cwd = cwd === null || cwd === '' ? null : cwd.includes('/') ? cwd.slice(0, cwd.lastIndexOf('/')) : '';
    return here;
  });
}

/** One step in `shell`'s syntax; every step ends with the prompt the shell would draw. */
function line(shell: TestShell, o: Op, tree: string, cwd: string | null): string {
  const q = (s: string) => quote(shell, s);
  switch (o.kind) {
    case 'use':
      return `cb-use ${o.profile}`;
    case 'off':
      return 'cb-off';
    case 'set':
    case 'local':
    case 'unset':
      return variableStep(shell, o, q);
    case 'cd':
      return `cd ${q(join(tree, o.dir))}; prompt`;
    case 'up':
      return 'cd ..; prompt';
    case 'mark':
      return `printf '%s' ${q(o.text)} > ${q(join(tree, o.here && cwd !== null ? cwd : o.dir, '.claude-backend'))}; prompt`;
    case 'unmark':
      return `rm -f ${q(join(tree, o.dir, '.claude-backend'))}; prompt`;
  }
}

function makeTree(sb: Sandbox, withMap: boolean): string {
  const tree = join(sb.home, 't');
  for (const d of DIRS) mkdirSync(join(tree, d), { recursive: true });
  for (const [d, text] of Object.entries(MARKERS)) writeFileSync(join(tree, d, '.claude-backend'), text);
  sb.writeConfig(
    [
      '[profiles.bedrock]',
      'region = "us-east-1"',
      '[profiles.work]',
      'backend = "bedrock"',
      'awsProfile = "work-sso"',
      'region = "eu-west-1"',
      ...(withMap ? ['[directories]', '"~/t/sp ace" = "vertex"', '"~/t/a/b" = "work"'] : []),
    ].join('\n') + '\n',
  );
  return tree;
}

/** The managed variables after each step, as `NAME=value` or `NAME unset`, one string a step. */
async function session(shell: TestShell, ops: Op[], withMap: boolean, shortcuts = true): Promise<string[]> {
  const sb = makeSandbox();
  const tree = makeTree(sb, withMap);
  const places = placesOf(ops);
  const script = [
    // Inside the tree, `cd ..` from its top would leave it: the walk starts one level down.
    `cd ${quote(shell, tree)}; prompt`,
    shortcuts ? '' : 'set -g _cb_visit_all 1',
    ...ops.flatMap((o, i) => [line(shell, o, tree, places[i]!), `dump s${i}`]),
  ].join('\n');
  const run = await runWithInit(sb, shell, script, { env: { CLAUDE_HOOKS_QUIET: '1' }, cwd: tree });
  expect(run.exitCode, run.stderr).toBe(0);
  return ops.map((_, i) => {
    const env = run.dumps[`s${i}`]!;
    return NAMES.map((n) => (env.has(n) ? `${n}=${env.get(n)}` : `${n} unset`)).join('\n');
  });
}

const shells = shellsUnderTest();

/** Fails naming the first step where a session differs from the first one. */
function expectAgree(ops: Op[], named: Array<[string, string[]]>) {
  const [[firstName, first], ...rest] = named as [[string, string[]], ...Array<[string, string[]]>];
  ops.forEach((o, i) => {
    for (const [name, r] of rest) expect(r[i], `step ${i} (${JSON.stringify(o)}): ${name} against ${firstName}`).toBe(first[i]);
  });
}

describe('bash, zsh and fish agree', () => {
  it.each(SEEDS)(`after every step of random sessions (seed %i: ${RUNS} sessions of up to ${STEPS} steps, with and without a directory map)`, async (seed) => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: STEPS, size: 'max' }), fc.boolean(), async (ops, withMap) => {
        // bash 3.2 takes every set variable as exported (it cannot read the flag without a
        // subshell), so in a session with unexported variables it is held to bash 5 on the
        // same session with those exported instead.
        const hasLocal = ops.some((o) => o.kind === 'local');
        const main = shells.filter((s) => !(hasLocal && s === 'bash32'));
        const results = await Promise.all(main.map((s) => session(s, ops, withMap)));
        const named: Array<[string, string[]]> = main.map((s, k) => [s, results[k]!]);
        if (shells.includes('fish')) named.push(['fish without shortcuts', await session('fish', ops, withMap, false)]);
        expectAgree(ops, named);
        if (hasLocal && shells.includes('bash32')) {
          const exported = ops.map((o): Op => (o.kind === 'local' ? { ...o, kind: 'set' } : o));
          const [b5, b32] = await Promise.all([session('bash', exported, withMap), session('bash32', exported, withMap)]);
          expectAgree(exported, [['bash', b5!], ['bash32 (every variable exported)', b32!]]);
        }
      }),
      { numRuns: RUNS, seed },
    );
  }, 300_000);
});
