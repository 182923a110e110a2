// Property: each shell's quoting gives back exactly the characters it was given. 10,000
// generated values per shell, in batches of 2,500 per shell process: each value is quoted by
// the dialect, assigned and exported in the real shell, and read back NUL-separated.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { makeSandbox } from './helpers/sandbox.js';
import { shellBinary, shellsUnderTest, type TestShell } from './helpers/shells.js';

const TOTAL = Number(process.env.CLAUDE_HOOKS_QUOTING_VALUES ?? 10_000);
// Fixed, so every run checks the same values; CLAUDE_HOOKS_PROPERTY_SEED picks others.
const SEED = Number(process.env.CLAUDE_HOOKS_PROPERTY_SEED ?? 1);
const BATCH = 2_500;

const HOSTILE = [...`'"\\$\`!%*?[]{}()<>|&;#~=^ \t\n\r`, '\x01', '\x07', '\x1b', '\x7f', '\u00a0', '\u2028', '\ufeff', 'é', '中', '😀', '\uf600', '\ue000', '\\\\', "'\\''", '$(', '${', '%s', '!!'];
const codePoint = fc
  .integer({ min: 1, max: 0x10ffff })
  .filter((c) => c < 0xd800 || c > 0xdfff) // lone surrogates are not text an environment can hold
  .map((c) => String.fromCodePoint(c));
const value = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE), weight: 4 }, { arbitrary: codePoint, weight: 1 }, { arbitrary: fc.constantFrom('a', '0', '-'), weight: 1 }), { maxLength: 40 })
  .map((cs) => cs.join(''));
const long = fc.string({ minLength: 1000, maxLength: 5000 }).map((s) => s.replace(/\0/g, ''));

function script(shell: TestShell, values: string[], out: string): string {
  if (shell === 'fish') {
    return values.map((v) => `set -gx CB_Q ${fishQuote(v)}; printf '%s\\0' "$CB_Q" >> ${fishQuote(out)}`).join('\n');
  }
  return values.map((v) => `export CB_Q=${posixQuote(v)}; printf '%s\\0' "$CB_Q" >> ${posixQuote(out)}`).join('\n');
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: quoting property`, () => {
    it(`reads back ${TOTAL} generated values exactly`, async () => {
      const sb = makeSandbox();
      const values = [...fc.sample(value, { numRuns: TOTAL - 20, seed: SEED }), ...fc.sample(long, { numRuns: 20, seed: SEED })];
      for (let start = 0; start < values.length; start += BATCH) {
        const batch = values.slice(start, start + BATCH);
        const out = join(sb.root, `out-${start}`);
        const file = join(sb.root, `script-${start}`);
        writeFileSync(file, script(shell, batch, out) + '\n');
        const args = shell === 'fish' ? ['--no-config', file] : shell === 'zsh' ? ['-f', file] : ['--norc', '--noprofile', file];
        const r = await execa(shellBinary(shell)!, args, { env: sb.env(), extendEnv: false, reject: false });
        expect(r.stderr).toBe('');
        const back = readFileSync(out, 'utf8').split('\0').slice(0, -1);
        expect(back.length).toBe(batch.length);
        batch.forEach((v, i) => {
          if (back[i] !== v) expect(back[i], `value ${JSON.stringify(v)}`).toBe(v);
        });
      }
    }, 120_000);
  });
}
