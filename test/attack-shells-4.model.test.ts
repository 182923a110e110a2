// Attack round 4: the switching contract checked against a model of it, not only shell against
// shell. differential.property.test.ts requires bash, zsh and fish to agree with each other: a
// fault all three share passes it. Here a small model of the rules the docs state (README "Your
// variables stay yours", docs/how-it-works.md "What a switch does" and "Per directory",
// /work/shared/design.md "Switching semantics") predicts the state of every variable after each
// step of a generated session, and each real shell must match it:
//
// - a switch: (1) every managed variable that is not what the last switch left is yours, and
//   becomes the baseline; (2) every managed variable goes back to the baseline; (3) the profile
//   clears, then sets (`claude-hooks profiles --json` says what, per config); (4) what it left is
//   recorded. cb-off does (1) and (2) and forgets the baseline.
// - per directory, at each prompt: the nearest marker up the tree, else the longest map entry,
//   else nothing. Only a change of that answer acts: a marker or map entry switches to its
//   profile, one naming an unknown profile does nothing, nothing goes back to the last manual
//   choice or, with none (or after cb-off), to the user's own variables.
// - cb-reload re-reads the config and re-applies the active profile; the map it reads is the
//   one the next prompt goes by.
// - exported and not are told apart (bash 4.4+, zsh, fish); bash 3.2 has the documented limit
//   that a restored variable comes back exported.
//
// Half the sessions run under the user's strictest settings (set -euo pipefail and glob options;
// zsh's NO_UNSET, ERR_EXIT, ERR_RETURN, ...), and half in a shell started from a switched one.
//
// Values a user sets by hand are drawn from pools that no profile sets, so "what the last switch
// left" is never ambiguous. Seeds are fixed; a seed that found a fault stays here with its date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { cli, makeSandbox, type Sandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, variableStep, type TestShell } from './helpers/shells.js';

const RUNS = Number(process.env.CLAUDE_HOOKS_MODEL_RUNS ?? 10);
const SEEDS = [11, 12, 13, ...(process.env.CLAUDE_HOOKS_MODEL_SEED ? [Number(process.env.CLAUDE_HOOKS_MODEL_SEED)] : [])];
const STEPS = 40;

const SHELLS = shellsUnderTest();
const quote = (shell: TestShell, s: string) => (shell === 'fish' ? fishQuote(s) : posixQuote(s));

// ---- the world: a tree, markers, three versions of the config ---------------------------------

const DIRS = ['', 'a', 'a/b', 'a/b/c', 'm', 'm/in', 'g*', 'g*/in', 'sp ace', 'sp ace/x', 'n'];
const INITIAL_MARKERS: Record<string, string> = { a: 'bedrock', 'g*': 'vx', n: 'nope' };
const CONFIGS = [
  ['[profiles.work]', 'backend = "bedrock"', 'region = "eu-west-1"', 'awsProfile = "work-sso"', 'env = { ANTHROPIC_SMALL_FAST_MODEL = "haiku" }', '[profiles.vx]', 'backend = "vertex"', 'projectId = "p1"', 'region = "europe-west1"', '[directories]', '"~/t/m" = "work"', '"~/t/sp ace" = "vx"'],
  ['[profiles.work]', 'backend = "bedrock"', 'region = "ap-south-1"', 'model = "m-work"', '[profiles.vx]', 'backend = "vertex"', 'projectId = "p2"', '[directories]', '"~/t/m" = "vx"', '"~/t/a/b" = "work"'],
  ['[profiles.work]', 'backend = "vertex"', 'projectId = "p3"', 'region = "us-east5"', '[profiles.vx]', 'backend = "foundry"', 'resource = "r1"'],
  // vx gone: the active profile ends; markers naming it name an unknown profile.
  ['[profiles.work]', 'backend = "bedrock"', 'region = "eu-west-1"', '[directories]', '"~/t/g*" = "work"'],
  // Half-written: cb-reload keeps what the shell had (docs/profiles.md).
  ['[profiles.work]', 'backend = "bedrock"', 'region = "eu-'],
].map((lines) => lines.join('\n') + '\n');
const MAPS: Array<Record<string, string> | null> = [{ m: 'work', 'sp ace': 'vx' }, { m: 'vx', 'a/b': 'work' }, {}, { 'g*': 'work' }, null];

const PROFILES = ['anthropic', 'bedrock', 'vertex', 'foundry', 'gateway', 'mantle', 'work', 'vx'];
// Variables a user edits by hand, and the values: exported ones and unexported ones from
// separate pools, neither holding a value any profile sets.
const HAND = ['ANTHROPIC_API_KEY', 'ANTHROPIC_MODEL', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_REGION', 'CLAUDE_CODE_USE_BEDROCK', 'CLAUDE_CODE_USE_VERTEX', 'CLOUD_ML_REGION', 'ANTHROPIC_VERTEX_PROJECT_ID', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_BASE_URL'];
const EXPORTED_VALUES = ['a', '', 'b c', '*', 'x\\y', '-n'];
const LOCAL_VALUES = ['l', 'l m', '$HOME'];
const INITIAL: Record<string, string> = { ANTHROPIC_API_KEY: 'k0', AWS_REGION: 'r0', AWS_ACCESS_KEY_ID: 'id0' };
const INITIAL_LOCAL: Record<string, string> = { ANTHROPIC_MODEL: 'l0' };
/** A shell started from one switched to bedrock (docs/switching.md): it inherits the switch, and
 *  that is what "your own variables" are in it; cb-off and leaving come back to it. */
const FROM_PARENT: Record<string, string> = { AWS_REGION: 'r0', AWS_ACCESS_KEY_ID: 'id0', CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_HOOKS_PROFILE: 'bedrock' };
const initialOf = (fromParent: boolean) => (fromParent ? FROM_PARENT : INITIAL);

type Op =
  | { kind: 'use'; profile: string }
  | { kind: 'off' }
  | { kind: 'set'; name: string; value: string }
  | { kind: 'local'; name: string; value: string }
  | { kind: 'unset'; name: string }
  | { kind: 'cd'; dir: string }
  | { kind: 'mark'; dir: string; profile: string }
  | { kind: 'unmark'; dir: string }
  | { kind: 'reload'; config: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('use' as const), profile: fc.constantFrom(...PROFILES) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'off' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), name: fc.constantFrom(...HAND), value: fc.constantFrom(...EXPORTED_VALUES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('local' as const), name: fc.constantFrom(...HAND), value: fc.constantFrom(...LOCAL_VALUES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unset' as const), name: fc.constantFrom(...HAND) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('cd' as const), dir: fc.constantFrom(...DIRS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('mark' as const), dir: fc.constantFrom(...DIRS), profile: fc.constantFrom('bedrock', 'vertex', 'work', 'vx', 'nope') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unmark' as const), dir: fc.constantFrom(...DIRS) }) },
  // Config 3 (a profile removed) is left to the regression below until its fault is fixed: with
  // it, most runs would stop at that one fault and find no other.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), config: fc.constantFrom(0, 1, 2, 4) }) },
);

// ---- the model -------------------------------------------------------------------------------

/** A variable's state: unset, or its value and whether it is exported. */
type Var = { value: string; exported: boolean } | undefined;
type Env = Map<string, Var>;
interface Spec {
  sets: Record<string, string>;
  clears: string[];
}

const same = (a: Var, b: Var) => (a === undefined ? b === undefined : b !== undefined && a.value === b.value && a.exported === b.exported);

class Model {
  env: Env = new Map();
  baseline: Env | null = null;
  recorded: Env | null = null;
  active: string | null = null;
  manual: string | null = null;
  governor = 'none';
  cwd = '';
  markers = new Map(Object.entries(INITIAL_MARKERS));
  config = 0;

  /** The profile a parent shell switched to, which this shell shows when it has none of its own. */
  private readonly inherited: string | null;

  constructor(
    private readonly names: string[],
    private readonly specs: Array<Record<string, Spec>>,
    fromParent = false,
  ) {
    for (const n of names) this.env.set(n, undefined);
    const { CLAUDE_HOOKS_PROFILE: inherited, ...initial } = initialOf(fromParent);
    this.inherited = inherited ?? null;
    for (const [n, v] of Object.entries(initial)) this.env.set(n, { value: v, exported: true });
    for (const [n, v] of Object.entries(INITIAL_LOCAL)) this.env.set(n, { value: v, exported: false });
  }

  /** Steps 1 and 2 of a switch: the user's own changes join the baseline, and everything goes back to it. */
  private restore() {
    if (this.baseline === null) this.baseline = new Map(this.env);
    else for (const n of this.names) if (!same(this.env.get(n), this.recorded!.get(n))) this.baseline.set(n, this.env.get(n));
    for (const n of this.names) this.env.set(n, this.baseline.get(n));
  }

  switchTo(profile: string) {
    const spec = this.specs[this.config]![profile]!;
    this.restore();
    for (const n of spec.clears) this.env.set(n, undefined);
    for (const [n, v] of Object.entries(spec.sets)) this.env.set(n, { value: v, exported: true });
    this.recorded = new Map(this.env);
    this.active = profile;
  }

  /** A change of directory to a profile that is already active does not apply it again, so a
   *  variable changed by hand is not overwritten by a mere change of directory (shells/posix.sh
   *  `_cb_select`, a choice the docs leave open). */
  private select(profile: string) {
    if (profile !== this.active) this.switchTo(profile);
  }

  off() {
    if (this.baseline === null) return;
    this.restore();
    this.baseline = this.recorded = null;
    this.active = null;
  }

  /** What governs the current directory, as a key that changes when the answer does. */
  private governing(): { key: string; profile: string | null } {
    for (let d: string | null = this.cwd; d !== null; d = d === '' ? null : d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '') {
      const m = this.markers.get(d);
      if (m !== undefined) return { key: `marker ${d} ${m}`, profile: m in this.specs[this.config]! ? m : null };
    }
    const map = MAPS[this.config]!;
    const hit = Object.keys(map)
      .filter((e) => this.cwd === e || this.cwd.startsWith(e + '/'))
      .sort((a, b) => b.length - a.length)[0];
    if (hit !== undefined) return { key: `map ${hit} ${map[hit]}`, profile: map[hit]! };
    return { key: 'none', profile: null };
  }

  prompt() {
    const g = this.governing();
    if (g.key === this.governor) return;
    this.governor = g.key;
    if (g.profile !== null) this.select(g.profile);
    else if (g.key !== 'none') return; // a marker naming no profile of yours: said, not switched
    else if (this.manual !== null && this.manual in this.specs[this.config]!) this.select(this.manual);
    else this.off();
  }

  step(o: Op) {
    switch (o.kind) {
      case 'use':
        if (!(o.profile in this.specs[this.config]!)) return; // unknown profile: said, nothing changes
        this.switchTo(o.profile);
        this.manual = o.profile;
        return;
      case 'off':
        this.off();
        this.manual = null;
        return;
      case 'set':
        this.env.set(o.name, { value: o.value, exported: true });
        return;
      case 'local':
        this.env.set(o.name, { value: o.value, exported: false });
        return;
      case 'unset':
        this.env.set(o.name, undefined);
        return;
      case 'cd':
        this.cwd = o.dir;
        return this.prompt();
      case 'mark':
        this.markers.set(o.dir, o.profile);
        return this.prompt();
      case 'unmark':
        this.markers.delete(o.dir);
        return this.prompt();
      case 'reload':
        if (MAPS[o.config] === null) return this.prompt(); // does not load: nothing changes
        this.config = o.config;
        if (this.active !== null && this.active in this.specs[this.config]!) this.switchTo(this.active);
        else if (this.active !== null) {
          this.off(); // "the active one ends"
          this.manual = null;
        }
        return this.prompt();
    }
  }

  /** The state as the shells report it: one line a variable, and the profile. */
  snapshot(): string {
    const lines = this.names.map((n) => {
      const v = this.env.get(n);
      return v === undefined ? `${n} unset` : `${n}=${JSON.stringify(v.value)}${v.exported ? '' : ' (not exported)'}`;
    });
    const shown = this.active ?? this.inherited;
    lines.push(shown === null ? 'CLAUDE_HOOKS_PROFILE unset' : `CLAUDE_HOOKS_PROFILE=${JSON.stringify(shown)}`);
    return lines.join('\n');
  }
}

// ---- the real shells -------------------------------------------------------------------------

/** `st NAME`: every tracked variable, set or not, with its value, NUL-separated; `dump` (the
 *  helper's) writes the exported environment beside it. */
function stateFunction(shell: TestShell, names: string[]): string {
  const all = [...names, 'CLAUDE_HOOKS_PROFILE'].join(' ');
  if (shell === 'fish') {
    return `set -g _t_names ${all}
function st; for n in $_t_names; if set -q $n; printf 'S%s=%s\\0' $n "$$n"; else; printf 'U%s=\\0' $n; end; end > $CB_DUMP/$argv[1].vars; dump $argv[1]; end`;
  }
  if (shell === 'zsh') {
    return `_t_names=(${all})
st() { \\local n; for n in $_t_names; do if (( \${(P)+n} )); then printf 'S%s=%s\\0' "$n" "\${(P)n}"; else printf 'U%s=\\0' "$n"; fi; done > "$CB_DUMP/$1.vars"; dump "$1"; }`;
  }
  return `_t_names='${all}'
st() { \\local n; for n in $_t_names; do if [ -n "\${!n+x}" ]; then printf 'S%s=%s\\0' "$n" "\${!n}"; else printf 'U%s=\\0' "$n"; fi; done > "$CB_DUMP/$1.vars"; dump "$1"; }`;
}

function prompt(shell: TestShell): string {
  return 'prompt';
}

function line(shell: TestShell, o: Op, tree: string, configPath: string, sb: Sandbox): string {
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
      return `cd ${q(join(tree, o.dir))}; ${prompt(shell)}`;
    case 'mark':
      return `printf '%s\\n' ${o.profile} > ${q(join(tree, o.dir, '.claude-backend'))}; ${prompt(shell)}`;
    case 'unmark':
      return `rm -f ${q(join(tree, o.dir, '.claude-backend'))}; ${prompt(shell)}`;
    case 'reload':
      return `cp ${q(join(sb.root, `config${o.config}.toml`))} ${q(configPath)}; cb-reload; ${prompt(shell)}`;
  }
}

function decode(vars: Map<string, string>, exported: Map<string, string>, names: string[]): string {
  const lines = [...names, 'CLAUDE_HOOKS_PROFILE'].map((n) => {
    if (vars.has(`U${n}`)) return `${n} unset`;
    const v = vars.get(`S${n}`);
    if (v === undefined) return `${n} missing from the dump`;
    if (n === 'CLAUDE_HOOKS_PROFILE') return `${n}=${JSON.stringify(v)}`;
    return `${n}=${JSON.stringify(v)}${exported.has(n) ? '' : ' (not exported)'}`;
  });
  return lines.join('\n');
}

/** The strictest settings a user's shell commonly has, which our code must live with. */
const STRICT: Partial<Record<TestShell, string>> = {
  bash: 'set -euo pipefail; shopt -s nullglob failglob extglob nocaseglob dotglob',
  bash32: 'set -euo pipefail; shopt -s nullglob failglob extglob nocaseglob dotglob',
  zsh: 'setopt nounset errexit errreturn pipefail nullglob extendedglob globsubst rcexpandparam warncreateglobal',
};

async function session(shell: TestShell, ops: Op[], names: string[], fromParent = false, strict = false): Promise<{ states: string[]; stderr: string }> {
  const sb = makeSandbox();
  const tree = join(sb.home, 't');
  for (const d of DIRS) mkdirSync(join(tree, d), { recursive: true });
  for (const [d, p] of Object.entries(INITIAL_MARKERS)) writeFileSync(join(tree, d, '.claude-backend'), `${p}\n`);
  CONFIGS.forEach((c, i) => writeFileSync(join(sb.root, `config${i}.toml`), c));
  const configPath = sb.writeConfig(CONFIGS[0]!);
  const locals = Object.entries(INITIAL_LOCAL).map(([n, v]) => (shell === 'fish' ? `set -g ${n} ${quote(shell, v)}` : `${n}=${quote(shell, v)}`));
  const script = [
    stateFunction(shell, names),
    `cd ${quote(shell, tree)}; ${prompt(shell)}`,
    ...ops.flatMap((o, i) => [line(shell, o, tree, configPath, sb), `st s${i}`]),
  ].join('\n');
  const run = await runWithInit(sb, shell, script, { env: { CLAUDE_HOOKS_QUIET: '1', ...initialOf(fromParent) }, before: [strict ? (STRICT[shell] ?? '') : '', ...locals].join('\n'), cwd: tree, timeout: 120_000 });
  expect(run.exitCode, run.stderr).toBe(0);
  return { states: ops.map((_, i) => decode(run.dumps[`s${i}.vars`] ?? new Map(), run.dumps[`s${i}`] ?? new Map(), names)), stderr: run.stderr };
}

/** What each profile sets and clears under each config, from the CLI itself. */
async function profileSpecs(): Promise<Array<Record<string, Spec>>> {
  return Promise.all(
    CONFIGS.map(async (c) => {
      const sb = makeSandbox();
      sb.writeConfig(c);
      const r = await cli(sb, ['profiles', '--json']);
      if (r.exitCode !== 0) return {}; // the half-written one: never the model's config
      const list = JSON.parse(r.stdout) as Array<{ name: string; sets: Record<string, string>; clears: string[] }>;
      return Object.fromEntries(list.map((p) => [p.name, { sets: p.sets, clears: p.clears }]));
    }),
  );
}

function trackedNames(specs: Array<Record<string, Spec>>): string[] {
  const names = new Set<string>([...HAND, ...Object.keys(INITIAL), ...Object.keys(FROM_PARENT), ...Object.keys(INITIAL_LOCAL)]);
  for (const byName of specs) for (const s of Object.values(byName)) for (const n of [...s.clears, ...Object.keys(s.sets)]) names.add(n);
  names.delete('CLAUDE_HOOKS_PROFILE');
  return [...names].sort();
}

/** bash 3.2 cannot see the export flag without a subshell: where the model has a variable of
 *  the user's unexported, it may come back exported there (the documented limit), so the flag is
 *  not compared on those lines. An exported one must stay exported. */
function allowBash32Export(want: string, got: string): [string, string] {
  const w = want.split('\n');
  const g = got.split('\n');
  w.forEach((line, k) => {
    if (line.endsWith(' (not exported)')) {
      w[k] = line.slice(0, -' (not exported)'.length);
      g[k] = g[k]!.replace(/ \(not exported\)$/, '');
    }
  });
  return [w.join('\n'), g.join('\n')];
}

function expectMatches(shell: TestShell, ops: Op[], states: string[], model: Model) {
  ops.forEach((o, i) => {
    model.step(o);
    let want = model.snapshot();
    let got = states[i]!;
    if (shell === 'bash32') [want, got] = allowBash32Export(want, got);
    if (got !== want) {
      const diff = want
        .split('\n')
        .map((l, k) => [l, got.split('\n')[k]])
        .filter(([w, g]) => w !== g)
        .map(([w, g]) => `  model: ${w}\n  ${shell}: ${g}`)
        .join('\n');
      const history = ops
        .slice(0, i + 1)
        .map((p, k) => `${k}: ${JSON.stringify(p)}`)
        .join('\n');
      expect.fail(`${shell} differs from the model after step ${i}:\n${diff}\nsteps:\n${history}`);
    }
  });
}

/** Each counterexample the property (or an exploration with another seed) found, shrunk, kept
 *  for good; `known` while its fault is still in the templates. */
const REGRESSIONS: Array<{ name: string; ops: Op[]; known?: boolean }> = [
  // Found 2026-11-28 (seed 11, with config 3 in the draws), in bash, zsh and fish alike. A
  // manual switch to vx, a cd into a mapped directory (the map's profile takes over), then
  // cb-reload of a config without vx: the active profile (the map's) is still there and is
  // re-applied; the manual choice behind it is not dropped. Leaving the directory switches back
  // to "vx (manual)" with the values of the config that is gone (project p1, europe-west1), and
  // cb-status says "profile vx: unknown". The docs: cb-reload takes the config as it is now
  // (`cb-use vx` is refused from then on; an active vx would end); a profile gone from the config
  // must not come back from the shell's memory. Smallest reproduction (bash; zsh and fish alike):
  //   [profiles.vx] backend = "vertex" projectId = "p1"; [directories] "~/m" = "bedrock"
  //   cb-use vx; cd ~/m; <prompt>; <remove vx from the config>; cb-reload; cd ~; <prompt>
  //   → claude-hooks: vx (manual); CLAUDE_CODE_USE_VERTEX=1 ANTHROPIC_VERTEX_PROJECT_ID=p1
  // Right: cb-reload drops a manual choice whose profile is gone (saying so, as it does for the
  // active one), so leaving goes back to the user's own variables.
  {
    name: 'a manual choice whose profile cb-reload removed does not come back when you leave',
    ops: [
      { kind: 'use', profile: 'vx' },
      { kind: 'cd', dir: 'm' },
      { kind: 'reload', config: 3 },
    ],
  },
];

describe('the switching contract, against a model of it', () => {
  it.each(SEEDS)(`bash, zsh, fish (and bash 3.2) follow the model after every step (seed %i, ${RUNS} sessions of up to ${STEPS} steps)`, async (seed) => {
    const specs = await profileSpecs();
    const names = trackedNames(specs);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: STEPS, size: 'max' }), fc.boolean(), fc.boolean(), async (drawn, fromParent, strict) => {
        const ops = drawn;
        const results = await Promise.all(SHELLS.map((s) => session(s, ops, names, fromParent, strict)));
        SHELLS.forEach((s, k) => expectMatches(s, ops, results[k]!.states, new Model(names, specs, fromParent)));
      }),
      { numRuns: RUNS, seed },
    );
  }, 600_000);

  for (const r of REGRESSIONS) {
    for (const shell of SHELLS) {
      (r.known ? it.fails : it)(`${shell}: ${r.name}`, async () => {
        const specs = await profileSpecs();
        const names = trackedNames(specs);
        const { states } = await session(shell, r.ops, names);
        expectMatches(shell, r.ops, states, new Model(names, specs));
      });
    }
  }
});
