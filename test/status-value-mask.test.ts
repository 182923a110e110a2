// cb-status masks a secret by its value too, not only by the variable's name: a password in
// ANTHROPIC_BASE_URL, a key pasted into ANTHROPIC_MODEL, a bearer token in a header variable
// (issue 15, item 8). The shell side matches SECRET_SHAPES (globs, builtins only); the
// TypeScript side's detector (findSecrets) must never find a secret that no shape matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets, SECRET_SHAPES } from '../src/secrets.js';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest } from './helpers/shells.js';

const alnum = (n: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${n}}$`));
const upnum = (n: number) => fc.stringMatching(new RegExp(`^[A-Z0-9]{${n}}$`));

/** One secret of each kind the detector knows, in the text it would hide in. */
const SECRETS = fc.oneof(
  alnum(24).map((k) => `sk-ant-api03-${k}`),
  alnum(24).map((k) => `sk-proj${k}`),
  upnum(16).map((k) => `AKIA${k}`),
  alnum(36).map((k) => `ghp_${k}`),
  alnum(35).map((k) => `AIza${k}`),
  alnum(20).map((k) => `xoxb-${k}`),
  fc.tuple(alnum(12), alnum(12), alnum(12)).map(([a, b, c]) => `eyJ${a}.${b}.${c}`),
  alnum(24).map((k) => `Bearer ${k}9`),
  alnum(16).map((p) => `https://bob:${p}9@gw.example.com`),
  alnum(24).map((k) => `x-api-key: ${k}9`),
  alnum(24).map((k) => `Authorization: Basic ${k}9`),
);

/** Shell glob (`*`, `?`) as a regular expression over the whole value. */
const globRe = (g: string) => new RegExp(`^${g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^]*').replace(/\?/g, '[^]')}$`);

describe('SECRET_SHAPES', () => {
  it('match every value in which the TypeScript detector finds a secret', () => {
    fc.assert(
      fc.property(SECRETS, fc.constantFrom('', 'prefix ', 'a=', 'x: '), (secret, before) => {
        const value = before + secret;
        expect(findSecrets(value).length, value).toBeGreaterThan(0);
        expect(SECRET_SHAPES.some((g) => globRe(g).test(value)), value).toBe(true);
      }),
      { seed: 1127, numRuns: 300 },
    );
  });
});

for (const shell of shellsUnderTest()) {
  describe(`${shell}: cb-status`, () => {
    it('masks a secret by its value in a variable whose name does not say secret', async () => {
      const samples = fc.sample(SECRETS, { seed: 42, numRuns: 12 });
      for (const [i, secret] of samples.entries()) {
        const sb = makeSandbox();
        const variable = ['ANTHROPIC_BASE_URL', 'ANTHROPIC_MODEL', 'ANTHROPIC_BEDROCK_BASE_URL'][i % 3]!;
        const run = await runWithInit(sb, shell, 'cb-status', { env: { [variable]: secret } });
        expect(run.exitCode, run.stderr).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^  ${variable}=`, 'm'));
        // No 6 characters in a row of the secret part beyond what the mask keeps (a known prefix
        // such as sk-ant- or AKIA, and the last 4).
        const part = findSecrets(secret).map((f) => secret.slice(f.start, f.end)).join('');
        for (let at = 7; at + 6 <= part.length - 4; at++) expect(run.stdout, `${secret}`).not.toContain(part.slice(at, at + 6));
      }
    }, 120_000);

    it('leaves ordinary values alone', async () => {
      const sb = makeSandbox();
      const run = await runWithInit(sb, shell, 'cb-status', { env: { ANTHROPIC_BASE_URL: 'https://gw.example.com/v1', ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' } });
      expect(run.stdout).toContain('ANTHROPIC_BASE_URL=https://gw.example.com/v1');
      expect(run.stdout).toContain('ANTHROPIC_MODEL=us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    });
  });
}
