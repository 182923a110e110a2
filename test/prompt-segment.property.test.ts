// Property: the prompt segment names the region of the backend Claude Code will use. Generated
// worlds (every selector of the backend table with a value Claude Code reads as on or off, in any
// case and with spaces around, the regions, the gateway's URL and token, each exported or only a
// shell variable, which Claude Code never sees) go through predict(),
// which test/status-oracle.test.ts and test/status-differential.property.test.ts hold to the
// pinned `claude auth status`, and through cb_prompt_info in each shell: `<profile>` then
// `:<region>` when the winner has a region variable that is set.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKEND_SPECS, providerSpec } from '../src/profiles/backends.js';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { predict } from '../src/status/predict.js';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, type TestShell } from './helpers/shells.js';

const RUNS = 60;
const SEED = Number(process.env.CLAUDE_HOOKS_PROMPT_SEED ?? Date.now() % 2 ** 31);

const SELECTORS = BACKEND_SPECS.flatMap((b) => (b.selector ? [b.selector] : []));
const REGIONS = [...new Set(BACKEND_SPECS.flatMap((b) => (b.regionVariable ? [b.regionVariable] : [])))];
const NEEDS = [...new Set(BACKEND_SPECS.flatMap((b) => b.countsOnlyWith ?? []))];

/** A word Claude Code reads as on or as off, in a random case, with white space around or not. */
const word = fc.constantFrom('1', 'true', 'yes', 'on', '0', 'false', 'no', 'off', '2', 'y', 'enabled', '', '01', '1.0');
const caseOf = fc.array(fc.boolean(), { minLength: 8, maxLength: 8 });
// Unicode's white space too (JavaScript's trim() takes it): the shells trim it a character at a time.
const pad = fc.constantFrom('', ' ', '  ', '\t', '\n', ' \t', '\u00a0', '\u3000', '\ufeff', '\u2028', ' \u2003');
const selectorValue = fc
  .tuple(word, caseOf, pad, pad)
  .map(([w, upper, before, after]) => before + [...w].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + after);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** A variable's value, and whether it is exported: a shell variable that is not is set in the
 *  shell but absent from the environment Claude Code starts with. */
type Value = { value: string; exported: boolean };
type World = Record<string, Value | undefined>;
const valueOf = (a: fc.Arbitrary<string>): fc.Arbitrary<Value | undefined> =>
  maybe(fc.record({ value: a, exported: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }));
const world: fc.Arbitrary<World> = fc.record({
  ...Object.fromEntries(SELECTORS.map((s) => [s, valueOf(selectorValue)])),
  ...Object.fromEntries(REGIONS.map((r) => [r, valueOf(fc.constantFrom('eu-west-1', 'us-east5', ''))])),
  ...Object.fromEntries(NEEDS.map((n) => [n, valueOf(fc.constantFrom('https://gw.example', 'tok', ''))])),
});

/** bash before 4.4 cannot tell an exported variable from a set one without a subshell: there
 *  every set variable is taken as exported (shells/bash.sh, _cb_exported). */
const asSeenBy = (shell: TestShell, w: World): World =>
  shell === 'bash32' ? Object.fromEntries(Object.entries(w).map(([n, v]) => [n, v && { ...v, exported: true }])) : w;

/** What the segment must be, from predict() on the exported variables: the profile name, and the
 *  winner's region if it is set and exported. */
function expected(w: World, home: string): string {
  const exported = Object.entries(w).flatMap(([n, v]) => (v?.exported ? [[n, v.value]] : []));
  const env = { HOME: home, ...Object.fromEntries(exported) };
  const p = predict(home, env as Record<string, string>);
  const region = p.provider === 'firstParty' ? undefined : providerSpec(p.provider).regionVariable;
  const value = region && w[region]?.exported ? w[region].value : undefined;
  return `x${value ? ':' + value : ''}`;
}

function setLine(shell: TestShell, name: string, v: Value | undefined): string {
  if (shell === 'fish') return v === undefined ? `set -e ${name}` : `set -e ${name}; set -g${v.exported ? 'x' : ''} ${name} ${fishQuote(v.value)}`;
  return v === undefined ? `unset ${name}` : `unset ${name}; ${v.exported ? 'export ' : ''}${name}=${posixQuote(v.value)}`;
}

const shells = shellsUnderTest();
describe('the prompt segment follows Claude Code', () => {
  // Kept worlds, run every time: a random draw may miss them. A selector, a gateway value or a
  // region that is only a shell variable, beside an exported selector that must win.
  const x = (value: string): Value => ({ value, exported: true });
  const shellOnly = (value: string): Value => ({ value, exported: false });
  // Each names every variable: the shell carries the last world's values into the next.
  const none: World = Object.fromEntries([...SELECTORS, ...REGIONS, ...NEEDS].map((n) => [n, undefined]));
  const KEPT: World[] = [
    { ...none, CLAUDE_CODE_USE_BEDROCK: shellOnly('1'), AWS_REGION: x('eu-west-1'), CLAUDE_CODE_USE_VERTEX: x('1'), CLOUD_ML_REGION: x('us-east5') },
    { ...none, CLAUDE_CODE_USE_BEDROCK: shellOnly('true'), AWS_REGION: x('eu-west-1'), CLAUDE_CODE_USE_VERTEX: x('yes'), CLOUD_ML_REGION: x('us-east5') },
    { ...none, CLAUDE_CODE_USE_GATEWAY: x('1'), ANTHROPIC_BASE_URL: shellOnly('https://gw.example'), ANTHROPIC_AUTH_TOKEN: x('tok'), CLAUDE_CODE_USE_VERTEX: x('1'), CLOUD_ML_REGION: x('us-east5') },
    { ...none, CLAUDE_CODE_USE_VERTEX: x('1'), CLOUD_ML_REGION: shellOnly('us-east5') },
  ];
  const worlds = [...KEPT, ...fc.sample(world, { numRuns: RUNS, seed: SEED })];
  for (const shell of shells) {
    it(`${shell}: the region of the backend that wins (seed ${SEED})`, async () => {
      const sb = makeSandbox();
      const show = shell === 'fish' ? 'echo "seg=["(cb_prompt_info)"]"' : 'echo "seg=[$(cb_prompt_info)]"';
      const script = worlds.flatMap((w) => [setLine(shell, 'CLAUDE_HOOKS_PROFILE', { value: 'x', exported: true }), ...Object.entries(w).map(([n, v]) => setLine(shell, n, v)), show]);
      const run = await runWithInit(sb, shell, script.join('\n'));
      expect(run.exitCode, run.stderr).toBe(0);
      const seen = run.stdout.split('\n').filter((l) => l.startsWith('seg='));
      const want = worlds.map((w) => `seg=[${expected(asSeenBy(shell, w), sb.home)}]`);
      // One world at a time, so a failure prints the world that broke it.
      want.forEach((line, i) => expect({ world: worlds[i], segment: seen[i] }).toEqual({ world: worlds[i], segment: line }));
    });
  }
});

// $cb_prompt, which a PS1 or PROMPT reads without a subshell, follows the active profile at every
// prompt: set after a switch, empty again after cb-off.
describe('$cb_prompt after each prompt', () => {
  for (const shell of shells.filter((s) => s !== 'fish')) {
    it(`${shell}: names the profile while one is active, and nothing after cb-off`, async () => {
      const sb = makeSandbox();
      const lines = ['export AWS_REGION=eu-west-1', 'cb-use bedrock 2>/dev/null', 'prompt', 'echo "seg=[$cb_prompt]"', 'cb-off 2>/dev/null', 'prompt', 'echo "seg=[$cb_prompt]"'];
      const run = await runWithInit(sb, shell, lines.join('\n'));
      expect(run.stdout.split('\n').filter((l) => l.startsWith('seg='))).toEqual(['seg=[bedrock:eu-west-1]', 'seg=[]']);
    });
  }
});
