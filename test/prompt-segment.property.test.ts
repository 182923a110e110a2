// Property: the prompt segment names the region of the backend Claude Code will use. Generated
// worlds (every selector of the backend table with a value Claude Code reads as on or off, in any
// case and with spaces around, the regions, the gateway's URL and token) go through predict(),
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
const pad = fc.constantFrom('', ' ', '  ', '\t', '\n', ' \t');
const selectorValue = fc
  .tuple(word, caseOf, pad, pad)
  .map(([w, upper, before, after]) => before + [...w].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + after);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

type World = Record<string, string | undefined>;
const world: fc.Arbitrary<World> = fc.record({
  ...Object.fromEntries(SELECTORS.map((s) => [s, maybe(selectorValue)])),
  ...Object.fromEntries(REGIONS.map((r) => [r, maybe(fc.constantFrom('eu-west-1', 'us-east5', ''))])),
  ...Object.fromEntries(NEEDS.map((n) => [n, maybe(fc.constantFrom('https://gw.example', 'tok', ''))])),
});

/** What the segment must be, from predict(): the profile name, and the winner's region if set. */
function expected(w: World, home: string): string {
  const env = { HOME: home, ...Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)) };
  const p = predict(home, env as Record<string, string>);
  const region = p.provider === 'firstParty' ? undefined : providerSpec(p.provider).regionVariable;
  const value = region ? w[region] : undefined;
  return `x${value ? ':' + value : ''}`;
}

function setLine(shell: TestShell, name: string, value: string | undefined): string {
  if (shell === 'fish') return value === undefined ? `set -e ${name}` : `set -gx ${name} ${fishQuote(value)}`;
  return value === undefined ? `unset ${name}` : `export ${name}=${posixQuote(value)}`;
}

const shells = shellsUnderTest();
describe('the prompt segment follows Claude Code', () => {
  const worlds = fc.sample(world, { numRuns: RUNS, seed: SEED });
  for (const shell of shells) {
    it(`${shell}: the region of the backend that wins (seed ${SEED})`, async () => {
      const sb = makeSandbox();
      const show = shell === 'fish' ? 'echo "seg=["(cb_prompt_info)"]"' : 'echo "seg=[$(cb_prompt_info)]"';
      const script = worlds.flatMap((w) => [setLine(shell, 'CLAUDE_HOOKS_PROFILE', 'x'), ...Object.entries(w).map(([n, v]) => setLine(shell, n, v)), show]);
      const run = await runWithInit(sb, shell, script.join('\n'));
      expect(run.exitCode, run.stderr).toBe(0);
      const seen = run.stdout.split('\n').filter((l) => l.startsWith('seg='));
      const want = worlds.map((w) => `seg=[${expected(w, sb.home)}]`);
      // One world at a time, so a failure prints the world that broke it.
      want.forEach((line, i) => expect({ world: worlds[i], segment: seen[i] }).toEqual({ world: worlds[i], segment: line }));
    });
  }
});
