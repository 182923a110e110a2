// Everyday CLI behaviour, attacked from the docs:
// - `help <command> <word>` for a command without subcommands said "expected  " with an empty
//   list; every usage error must name what was expected, never an empty list (generated over
//   every command path);
// - outside text shown to a person must carry no Bidi_Control character raw. The sanitizer
//   escaped the embeddings, overrides and isolates but not the marks U+061C, U+200E, U+200F,
//   which reorder the neutral characters around them as well. The set is derived from Unicode's
//   Bidi_Control property here, not kept by hand;
// - the shell integration's own sanitizer (shells/, the lead's) escapes none of them: kept as
//   it.fails below, with the reproduction.
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

// The shell integration's _cb_clean (shells/clean.bash for bash and direnv, shells/fish.fish;
// zsh shares clean.bash's rule) escapes C0, DEL and C1 only. src/sanitize.ts says the shells
// have "the same rule", but a directory name (which a cloned repository chooses) with U+202E is
// printed raw by every shell: at the switch message and in cb-status.
// Smallest reproduction (bash; zsh and fish the same):
//   d=$(printf '/tmp/evil\xe2\x80\xaegpj.exe'); mkdir -p "$d"; echo bedrock > "$d/.claude-backend"
//   bash --norc -c 'eval "$(claude-hooks init bash)"; cd "$1"; _cb_hook' x "$d" 2>&1 | od -c | grep 342
//   -> claude-hooks: bedrock (.claude-backend at /tmp/evil<U+202E>gpj.exe/.claude-backend)
// Diagnosis: the pattern in _cb_clean (`*[[:cntrl:]]* | *$'\xc2'[$'\x80'-$'\x9f']*`, fish's
// '[\x00-\x1f\x7f-\x9f]') has no case for the Bidi_Control characters (UTF-8 \xd8\x9c,
// \xe2\x80\x8e-\x8f, \xe2\x80\xaa-\xae, \xe2\x81\xa6-\xa9) nor U+2028/U+2029; _cb_ctl_table
// would need entries for them too. Owner: the lead (shells/*).
describe('the shell integration escapes Bidi_Control characters in what it prints', () => {
  async function switchInto(shell: ReturnType<typeof shellsUnderTest>[number]) {
    const sb = makeSandbox();
    const dir = join(sb.home, 'evil\u202egpj.exe\u200f');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.claude-backend'), 'bedrock\n');
    return runWithInit(sb, shell, `cd '${dir}'\nprompt\ncb-status`, { env: { AWS_REGION: 'us-east-1' }, timeout: 20_000 });
  }
  for (const shell of shellsUnderTest().filter((s) => s !== 'bash32')) {
    // What the it.fails below stands on: the directory is named, so only the escaping is missing.
    it(`${shell}: the switch message and cb-status name the directory`, async () => {
      const r = await switchInto(shell);
      expect(r.stderr).toMatch(/claude-hooks: bedrock \(\.claude-backend at .*evil/);
      expect(r.stdout).toMatch(/why +\.claude-backend at .*evil/);
    });
    it.fails(`${shell}: ... with no Bidi_Control character raw (shells/: the lead's)`, async () => {
      const r = await switchInto(shell);
      expect(r.stdout + r.stderr).not.toMatch(RAW_BIDI);
    });
  }
});
