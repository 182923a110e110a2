// Attack round 4: what a key command prints, taken the same way by every shell. docs/profiles.md:
// the command's "output becomes ANTHROPIC_API_KEY"; "if the command fails or prints nothing, the
// switch still happens, ANTHROPIC_API_KEY is left unset (never some other key), and one line says
// so". The password managers it names print more than the key when asked carelessly (`pass show`
// without `| head -n 1` prints the metadata lines after the password), files edited on Windows
// end in \r\n, and an empty vault entry prints a newline alone.
//
// Generated outputs (lines, blank lines, \r, spaces, tabs) go to one
// profile each, and each shell switches to every one: the variable Claude Code gets (set or not,
// and its bytes) and whether the one line was said must be the same in bash, zsh, fish and bash
// 3.2, and "nothing" (only newlines) must leave it unset with the line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, type TestShell } from './helpers/shells.js';

const SHELLS = shellsUnderTest();
const SEED = 4;
const RUNS = Number(process.env.CLAUDE_HOOKS_KEYS_RUNS ?? 40);

/** Each output's outcome in one shell: `unset` or the value's bytes as hex, and `said` when the
 *  "failed or printed nothing" line came. */
async function outcomes(shell: TestShell, outputs: Buffer[]): Promise<string[]> {
  const sb = makeSandbox();
  const profiles = outputs.map((out, i) => {
    writeFileSync(join(sb.home, `key${i}`), out);
    return `[profiles.p${i}]\nbackend = "anthropic"\napiKeyCommand = "cat ~/key${i}"\n`;
  });
  sb.writeConfig(profiles.join('\n'));
  const steps = outputs.flatMap((_, i) => [`cb-use p${i} 2>${join(sb.root, `err${i}`)}`, `dump k${i}`]);
  const run = await runWithInit(sb, shell, steps.join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1' } });
  expect(run.exitCode, run.stderr).toBe(0);
  return outputs.map((_, i) => {
    const env = run.dumps[`k${i}`]!;
    const said = readFileSync(join(sb.root, `err${i}`), 'utf8').includes('printed nothing');
    const value = env.has('ANTHROPIC_API_KEY') ? Buffer.from(env.get('ANTHROPIC_API_KEY')!, 'utf8').toString('hex') : 'unset';
    return `${value}${said ? ' (said)' : ''}`;
  });
}

/** What `$(...)` gives: the output without its trailing newlines. Nothing left: unset, said. */
function expected(out: Buffer): string {
  let end = out.length;
  while (end > 0 && out[end - 1] === 0x0a) end--;
  return end === 0 ? 'unset (said)' : out.subarray(0, end).toString('hex');
}

const piece = fc.constantFrom('sk-ant-api03-k', 'k', '\n', '\r\n', '\n\n', ' ', '\t', 'url: https://x\n', '\r');
const outputArb = fc.array(piece, { minLength: 0, maxLength: 6 }).map((p) => Buffer.from(p.join(''), 'utf8'));

const describeOutput = (b: Buffer) => JSON.stringify(b.toString('utf8'));

describe('a key command\'s output', () => {
  const posix = SHELLS; // fish too, now that it takes the output whole (string collect)
  it(`${posix.join(', ')}: take it as $(...) does, and say when it is empty (seed ${SEED}, ${RUNS} outputs)`, async () => {
    const outputs = fc.sample(outputArb, { seed: SEED, numRuns: RUNS });
    const results = await Promise.all(posix.map((s) => outcomes(s, outputs)));
    outputs.forEach((out, i) => {
      for (const [k, shell] of posix.entries()) expect(results[k]![i], `${shell}: ${describeOutput(out)}`).toBe(expected(out));
    });
  });

  // fish, on the outputs of one line, with or without its newline: as bash and zsh.
  it.skipIf(!SHELLS.includes('fish'))(`fish: one line, as bash and zsh take it (seed ${SEED})`, async () => {
    const oneLine = fc.sample(outputArb, { seed: SEED, numRuns: RUNS * 3 }).filter((b) => {
      const text = b.toString('utf8').replace(/\n+$/, '');
      return text !== '' && !text.includes('\n');
    });
    const got = await outcomes('fish', oneLine);
    oneLine.forEach((out, i) => expect(got[i], describeOutput(out)).toBe(expected(out)));
  });

  // Found (fish 3.6; bash, zsh and bash 3.2 agree with the docs). Two outputs:
  // - only newlines (an empty vault entry, `pass show` of an empty file): fish exports
  //   ANTHROPIC_API_KEY='' and says nothing; the docs: "prints nothing ... left unset, and one line
  //   says so", as bash and zsh do.
  // - several lines (`pass show anthropic/api-key` without `| head -n 1`: the key, then
  //   "url: ..."): fish keeps the first line, bash and zsh the whole text; the same profile gives
  //   Claude Code a different key in each shell. fish's command substitution splits the output
  //   into lines, and the first becomes the value.
  // Smallest reproduction (fish; bash and zsh give unset + the line, and "a\nb"):
  //   [profiles.p] backend = "anthropic" apiKeyCommand = "printf '\n\n'"   → cb-use p; set -S ANTHROPIC_API_KEY
  //   apiKeyCommand = "printf 'a\nb\n'"                                      → ANTHROPIC_API_KEY=a
  // Right: the whole output as one string (`string collect`, which drops the trailing newlines as
  // $(...) does), so nothing is unset with the line, and every shell gives the same bytes.
  (SHELLS.includes('fish') ? it : it.skip)('fish: only newlines leave it unset with the line; several lines are kept whole', async () => {
    const outputs = [Buffer.from('\n\n'), Buffer.from('sk-ant-api03-k\nurl: https://x\n')];
    const got = await outcomes('fish', outputs);
    expect(got).toEqual(outputs.map(expected));
  });
});
