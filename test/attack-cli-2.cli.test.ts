// Everyday CLI behaviour, attacked from the docs:
// - `help <command> <word>` for a command without subcommands said "expected  " with an empty
//   list; every usage error must name what was expected, never an empty list (generated over
//   every command path);
// - outside text shown to a person must carry no Bidi_Control character raw. The sanitizer
//   escaped the embeddings, overrides and isolates but not the marks U+061C, U+200E, U+200F,
//   which reorder the neutral characters around them as well. The set is derived from Unicode's
//   Bidi_Control property here, not kept by hand;
// - the shell integration's own sanitizer escaped none of them (fixed: see below).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import { parse, UsageError } from '../src/cli/parse.js';
import type { Command } from '../src/cli/spec.js';
import { block, forTerminal, inline, jsonText } from '../src/sanitize.js';
import { cli, makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest } from './helpers/shells.js';

/** Every command path: [status], [config], [config, check], ... hidden ones included. */
function paths(commands: readonly Command[], above: string[] = []): string[][] {
  return commands.flatMap((c) => [[...above, c.name], ...paths(c.subcommands ?? [], [...above, c.name])]);
}
const PATHS = paths(COMMANDS);

/** A usage error that lists nothing where it says what was expected. */
const EMPTY_LIST = /expected\s*(?:$|[(;:]\s*(?:$|[(;]))|expected\s{2,}/;

describe('usage errors always name what was expected', () => {
  it.each(PATHS.filter((p) => !COMMANDS.find((c) => c.name === p[0])?.hidden).map((p) => [p.join(' '), p]))('help %s <junk>: one line, exit 2, no empty list', async (_name, path) => {
    const r = await cli(makeSandbox(), ['help', ...path, 'junk']);
    // A command with subcommands looks `junk` up among them; one without has none to offer.
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^claude-hooks: [^\n]+$/);
    expect(r.stderr).not.toMatch(EMPTY_LIST);
    expect(r.stderr).toContain("'junk'");
  });

  it('any argument list over every command path (generated): no usage error with an empty list', () => {
    const words = [...new Set(PATHS.flat()), 'help', 'junk', '--json', '--dir', '-h', '--', '-', 'bash', 'x'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 6 }), (argv) => {
        try {
          parse(argv, COMMANDS);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          expect((err as Error).message, JSON.stringify(argv)).not.toMatch(EMPTY_LIST);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** Every Bidi_Control character, from Unicode itself. */
const BIDI_CONTROLS: string[] = [];
for (let c = 0; c <= 0x10ffff; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCodePoint(c);
  if (/\p{Bidi_Control}/u.test(ch)) BIDI_CONTROLS.push(ch);
}
const RAW_BIDI = /\p{Bidi_Control}/u;

describe('no Bidi_Control character reaches a terminal raw', () => {
  it('Unicode gives the marks as well as the embeddings, overrides and isolates', () => {
    expect(BIDI_CONTROLS.map((c) => c.codePointAt(0)!.toString(16))).toEqual(expect.arrayContaining(['61c', '200e', '200f', '202e', '2066']));
  });

  it.each(BIDI_CONTROLS.map((c) => [`U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`, c]))('%s: inline, block, forTerminal and jsonText escape it', (_name, ch) => {
    const text = `name${ch}gpj.exe`;
    for (const out of [inline(text), block(text), forTerminal(text, true), forTerminal(text, false), jsonText({ text })]) expect(out).not.toMatch(RAW_BIDI);
  });

  it('a profile description and a directory name, end to end (profiles, profiles show, status, --json)', async () => {
    const sb = makeSandbox();
    const all = BIDI_CONTROLS.join('x');
    sb.writeConfig(`[profiles.a]\nbackend = "anthropic"\ndescription = ${JSON.stringify(all).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
    const dir = join(sb.home, `evil${all}`);
    mkdirSync(join(dir, '.claude'), { recursive: true });
    writeFileSync(join(dir, '.claude', 'settings.json'), '{ broken');
    for (const args of [['profiles'], ['profiles', 'show', 'a'], ['profiles', '--json'], ['status', '--dir', dir], ['status', '--json', '--dir', dir], ['doctor', '--no-verify', '--dir', dir], ['status', '--dir', join(dir, 'missing')]]) {
      const r = await cli(sb, args, { FORCE_COLOR: '1' });
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(RAW_BIDI);
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(/evil|x\\u/);
    }
  });
});

// Found: the shell integration's _cb_clean escaped C0, DEL and C1 only, so a directory name
// (which a cloned repository chooses) with U+202E was printed raw by every shell, at the switch
// message and in cb-status. The format characters now come from src/sanitize.ts
// (FORMAT_CONTROLS), rendered into each shell as _cb_wide_ctl_*.
describe('the shell integration escapes Bidi_Control characters in what it prints', () => {
  async function switchInto(shell: ReturnType<typeof shellsUnderTest>[number]) {
    const sb = makeSandbox();
    const dir = join(sb.home, 'evil\u202egpj.exe\u200f');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.claude-backend'), 'bedrock\n');
    return runWithInit(sb, shell, `cd '${dir}'\nprompt\ncb-status`, { env: { AWS_REGION: 'us-east-1' }, timeout: 20_000 });
  }
  for (const shell of shellsUnderTest()) {
    // What the test below stands on: the directory is named, so only the escaping can fail it.
    it(`${shell}: the switch message and cb-status name the directory`, async () => {
      const r = await switchInto(shell);
      expect(r.stderr).toMatch(/claude-hooks: bedrock \(\.claude-backend at .*evil/);
      expect(r.stdout).toMatch(/why +\.claude-backend at .*evil/);
    });
    it(`${shell}: ... with no Bidi_Control character raw`, async () => {
      const r = await switchInto(shell);
      expect(r.stdout + r.stderr).not.toMatch(RAW_BIDI);
    });
  }
});
