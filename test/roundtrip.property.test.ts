// Property: any value the config accepts reaches the environment byte for byte, in every
// real shell. Values are generated in batches (one shell run each) so the suite stays fast;
// The seeds are fixed, so every run checks the same values (a seed that ever found a bug stays
// in SEEDS); CLAUDE_HOOKS_PROPERTY_RUNS raises the number of batches, CLAUDE_HOOKS_PROPERTY_SEED
// adds a seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/profiles/config.js';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest } from './helpers/shells.js';

const BATCH = 40;
const RUNS = Number(process.env.CLAUDE_HOOKS_PROPERTY_RUNS ?? 5);
const SEEDS = [1, ...(process.env.CLAUDE_HOOKS_PROPERTY_SEED ? [Number(process.env.CLAUDE_HOOKS_PROPERTY_SEED)] : [])];

// Characters that break quoting, weighted up so that most values hold several of them.
const HOSTILE = [...`'"\\$\`!%*?[]{}()<>|&;#~= \t\n\r`, '\x01', '\x1b', '\x7f', '\u00a0', '\u2028', '\ufeff', 'é', '中', '😀', '\uf600', '\ue000'];
const codePoint = fc
  .integer({ min: 1, max: 0x10ffff })
  .filter((c) => c < 0xd800 || c > 0xdfff) // lone surrogates cannot be UTF-8, so no config holds one
  .map((c) => String.fromCodePoint(c));
const value = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE), weight: 3 }, { arbitrary: codePoint, weight: 1 }, { arbitrary: fc.constantFrom('a', 'Z', '0', '-', '/'), weight: 2 }), { maxLength: 24 }).map((cs) => cs.join(''));

/** A TOML basic string: every control character escaped, so any such value can be written. */
function tomlString(s: string): string {
  return `"${[...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') return '\\' + ch;
    if (c < 0x20 || c === 0x7f) return `\\u${c.toString(16).padStart(4, '0')}`;
    return ch;
  }).join('')}"`;
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: round-trip property`, () => {
    it.each(SEEDS)(`sets every accepted value exactly (seed %i: ${RUNS} batches of ${BATCH})`, async (seed) => {
      await fc.assert(
        fc.asyncProperty(fc.array(value, { minLength: BATCH, maxLength: BATCH }), async (values) => {
          const sb = makeSandbox();
          const toml = values.map((v, i) => `[profiles.p${i}]\nbackend = "anthropic"\nmodel = ${tomlString(v)}\nenv = { ANTHROPIC_X_VALUE = ${tomlString(v)} }\n`).join('\n');
          // Only values the loader accepts are part of the property.
          parseConfig(toml, '/c.toml', { HOME: sb.home });
          sb.writeConfig(toml);
          const script = values.map((_, i) => `cb-use p${i}\ndump d${i}`).join('\n');
          const run = await runWithInit(sb, shell, script, { env: { CLAUDE_HOOKS_QUIET: '1' } });
          expect(run.stderr).toBe('');
          values.forEach((v, i) => {
            expect(run.dumps[`d${i}`]!.get('ANTHROPIC_MODEL'), `value ${JSON.stringify(v)}`).toBe(v);
            expect(run.dumps[`d${i}`]!.get('ANTHROPIC_X_VALUE'), `value ${JSON.stringify(v)}`).toBe(v);
          });
        }),
        { numRuns: RUNS, seed },
      );
    });
  });
}
