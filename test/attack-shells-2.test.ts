// Attacks on the generated shell integration, round 2: a hostile repository (what a marker
// holds, where it is) and a user with an unusual but legitimate set-up (functions named like
// fish builtins, variables with value-changing attributes), in real bash, zsh, fish and bash 3.2.
// Each describe is one class of input, generated; the oracle is the TypeScript that `status` and
// `doctor` use (src/status/marker.ts) or the contract in docs/how-it-works.md.
//
// Tests marked KNOWN BUG are `it.fails`: they fail on the templates as they are (the bug is
// described above each, with its smallest reproduction). Flip them to `it` once fixed.
import { execFileSync } from 'node:child_process';
import { chownSync, lchownSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { readMarker } from '../src/status/marker.js';
import { CLI, makeSandbox } from './helpers/sandbox.js';
import { parseEnv0, runWithInit, SHELL_NOISE, shellsUnderTest, type TestShell } from './helpers/shells.js';

const SHELLS = shellsUnderTest();
const quote = (shell: TestShell, s: string) => (shell === 'fish' ? fishQuote(s) : posixQuote(s));
const isBash = (shell: TestShell) => shell === 'bash' || shell === 'bash32';
/** A seed per run, printed, so a failing draw can be replayed (CLAUDE_HOOKS_ATTACK_SEED). */
const SEED = Number(process.env.CLAUDE_HOOKS_ATTACK_SEED ?? Date.now() % 2 ** 31);
const DRAWS = Number(process.env.CLAUDE_HOOKS_ATTACK_DRAWS ?? 24);
const PROFILES = ['anthropic', 'bedrock', 'vertex', 'foundry', 'mantle', 'anthropic-aws', 'anthropic-google-cloud', 'gateway'];
/** Every switch in these sessions quiet, and no hint about a missing region or project. */
const QUIET = {
  CLAUDE_HOOKS_QUIET: '1',
  AWS_REGION: 'eu-west-3',
  CLOUD_ML_REGION: 'r',
  ANTHROPIC_VERTEX_PROJECT_ID: 'p',
  ANTHROPIC_FOUNDRY_RESOURCE: 'f',
};

// ---- what a marker holds: every shell reads it as status and doctor do ----------------------

/** The profile the shell hook switches to in a directory whose marker holds `content`, as the
 *  TypeScript reads markers: its profile when that is one of ours, else none. */
function oracle(dir: string): string {
  const m = readMarker(dir);
  return m && !m.problem && PROFILES.includes(m.profile) ? m.profile : '';
}

/** Writes each content as a marker in its own directory, enters each in `shell` (a prompt, the
 *  profile it left, back home, a prompt), and returns what the shell switched to and what the
 *  TypeScript says it should have, by content. */
async function markerVerdicts(shell: TestShell, contents: (string | Buffer)[], env: Record<string, string> = {}) {
  const sb = makeSandbox();
  const steps: string[] = [];
  const expected: string[] = [];
  contents.forEach((content, i) => {
    const dir = join(sb.home, `m${i}`);
    mkdirSync(dir);
    writeFileSync(join(dir, '.claude-backend'), content);
    expected.push(oracle(dir));
    const profile = shell === 'fish' ? '$CLAUDE_HOOKS_PROFILE' : '${CLAUDE_HOOKS_PROFILE-}';
    steps.push(`cd ${quote(shell, dir)}`, 'prompt', `printf '%s=%s\\n' m${i} "${profile}"`, 'cd ~', 'prompt');
  });
  const run = await runWithInit(sb, shell, steps.join('\n'), { env: { ...QUIET, ...env } });
  expect(run.exitCode, run.stderr).toBe(0);
  const got = new Map(run.stdout.split('\n').filter((l) => /^m\d+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const show = (c: string | Buffer) => JSON.stringify(typeof c === 'string' ? c : c.toString('latin1'));
  // One line per content where the shell and the TypeScript part ways: the failure message.
  const differ = contents.flatMap((c, i) => (got.get(`m${i}`) === expected[i] ? [] : [`${show(c)}: ${shell} switched to '${got.get(`m${i}`) ?? '(no report)'}', status reads '${expected[i]}'`]));
  return differ;
}

const NAMES = fc.constantFrom('bedrock', 'vertex', 'foundry', 'anthropic-aws', 'mantle');
/** Which blanks String.trim, the shells' [[:space:]] and fish's `string trim` each take. */
const ASCII_BLANKS = [' ', '\t', '\r', '\v', '\f'];
/** Unicode's White_Space beyond ASCII: glibc's iswspace takes most of them (not U+00A0,
 *  U+2007, U+202F), so in a UTF-8 locale bash and zsh [[:space:]] trims them; fish's `string
 *  trim` and the TypeScript do not. */
const UNICODE_BLANKS = ['\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u205f', '\u3000', '\u00a0', '\u2007', '\u202f', '\u0085'];
const BOM = '\ufeff';
const blanks = (set: string[], max = 3) => fc.array(fc.constantFrom(...set), { maxLength: max }).map((a) => a.join(''));
/** A second line, which never counts. */
const rest = fc.constantFrom('', '\n', '\nvertex\n', '\r\n', '\n\n');
/** One character at a time into `name` at a drawn position. */
const insert = (piece: fc.Arbitrary<string>) =>
  fc.tuple(NAMES, piece, fc.nat()).map(([name, p, at]) => name.slice(0, at % (name.length + 1)) + p + name.slice(at % (name.length + 1)));

interface MarkerClass {
  name: string;
  arb: fc.Arbitrary<string>;
  /** Drawn cases that failed once, kept: each runs every time. */
  regressions: string[];
  /** Shells where this class is a known template bug (the test is it.fails there). */
  broken: TestShell[];
}

const MARKER_CLASSES: MarkerClass[] = [
  {
    // Held: ASCII blanks around the name, a byte-order mark at the start, CRLF, a second line,
    // upper case, names of 64 and 65 characters, and the 256-character window.
    name: 'ASCII blanks, a leading byte-order mark, case, length and the 256-character window',
    arb: fc.oneof(
      fc.tuple(fc.constantFrom('', BOM), blanks(ASCII_BLANKS), NAMES, blanks(ASCII_BLANKS), rest).map((p) => p.join('')),
      fc.tuple(NAMES, rest).map(([n, r]) => n.toUpperCase() + r),
      fc.tuple(fc.integer({ min: 63, max: 66 }), rest).map(([n, r]) => 'b'.repeat(n) + r),
      fc.tuple(fc.integer({ min: 245, max: 258 }), NAMES).map(([n, name]) => ' '.repeat(n) + name),
    ),
    regressions: ['bedrock\r\r\n', '\ufeff \tvertex\f\n', '\v\fbedrock\v', ' '.repeat(249) + 'bedrock', 'BEDROCK\n'],
    broken: [],
  },
  {
    // KNOWN BUG (bash 5, bash 3.2, fish): none of them reads a NUL byte as status does. bash 5's
    // `read` drops it (shells/bash.sh:540), so "bed\0rock" is bedrock; bash 3.2's `read`
    // (same line) and fish's (shells/fish.fish:391) stop at it, so "vertex\0anything" is
    // vertex. zsh, status and doctor read the line with the NUL in it: not a profile name.
    // Smallest: printf 'vertex\0x\n' > .claude-backend; cd there: bash 3.2 and fish switch to
    // vertex; printf 'bed\0rock\n': bash 5 switches to bedrock. (bash 5 warns "ignored null
    // byte" on stderr, which the hook throws away.) Harmless in itself (only a profile name can
    // come out), but a marker that status calls broken switches the shell.
    // Which reading is right is the lead's call (refuse a NUL in every shell, or have status
    // stop at it as bash 3.2 and fish do, and bash 5 too); they must agree.
    name: 'a NUL byte in or around the name',
    arb: fc.oneof(insert(fc.constantFrom('\0', '\0\0')), fc.tuple(NAMES, fc.constantFrom('\0', ' \0', '\0\n')).map(([n, z]) => z + n), fc.tuple(NAMES).map(([n]) => n + '\0')),
    regressions: ['bed\0rock\n', '\0vertex\n', 'vertex\0', 'vertex\0x\n'],
    broken: ['bash', 'bash32', 'fish'],
  },
  {
    // KNOWN BUG (fish): fish drops the first byte-order mark anywhere in the line, not only at
    // its start (shells/fish.fish:396, `string replace -- $_cb_bom '' "$line"` without an anchor),
    // so "bed\uFEFFrock" and " \uFEFFvertex" switch fish; bash, zsh, status and doctor refuse them.
    // Smallest: printf 'bed\xef\xbb\xbfrock\n' > .claude-backend; cd there in fish: bedrock.
    // A fix: string replace -r -- '^\uFEFF' '' (or string sub -s 2 when it starts with one).
    name: 'a byte-order mark that is not at the start',
    arb: fc.oneof(insert(fc.constant(BOM)), fc.tuple(blanks(ASCII_BLANKS.slice(0, 2)).filter((b) => b !== ''), NAMES).map(([b, n]) => b + BOM + n), fc.tuple(NAMES).map(([n]) => n + BOM)),
    regressions: ['bed\ufeffrock\n', ' \ufeffvertex\n'],
    broken: ['fish'],
  },
  {
    // KNOWN BUG (bash, bash 3.2, zsh): they trim the name with [[:space:]] (shells/bash.sh:544-545,
    // shells/zsh.zsh:423-424), which in a UTF-8 locale is glibc's iswspace: U+3000, U+2003,
    // U+2028, ... go too. So "\u3000bedrock" switches bash and zsh under LANG=C.UTF-8, and not
    // under LC_ALL=C; fish (`string trim`), status and doctor trim ASCII blanks only and refuse it.
    // The same marker means two things depending on the shell and the locale.
    // Smallest: printf '\xe3\x80\x80bedrock\n' > .claude-backend; cd there in bash: bedrock.
    // A fix: trim a fixed set, e.g. [$' \t\r\v\f'] (what src/status/marker.ts trims), not [[:space:]].
    name: 'Unicode white space around the name',
    arb: fc.tuple(blanks(UNICODE_BLANKS, 2), NAMES, blanks(UNICODE_BLANKS, 2), rest).filter(([a, , b]) => a + b !== '').map((p) => p.join('')),
    regressions: ['\u3000bedrock\n', 'vertex\u2003\n', '\u2028bedrock'],
    broken: ['bash', 'bash32', 'zsh'],
  },
];

describe(`what a marker holds: each shell reads it as status does (seed ${SEED}, ${DRAWS} draws a class)`, () => {
  for (const c of MARKER_CLASSES) {
    const drawn = fc.sample(c.arb, { seed: SEED, numRuns: DRAWS });
    for (const shell of SHELLS) {
      const known = c.broken.includes(shell);
      (known ? it.fails : it)(`${shell}: ${c.name}${known ? ' (KNOWN BUG)' : ''}`, async () => {
        const differ = await markerVerdicts(shell, [...c.regressions, ...drawn]);
        expect(differ).toEqual([]);
      });
    }
  }
});

// ---- trusted directories: a sibling is not inside ---------------------------------------------

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

// KNOWN BUG (fish): _cb_read_marker passes the marker's directory to _cb_trusted through a
// command substitution (shells/fish.fish:382, `_cb_trusted (string replace -r -- '/[^/]*$' '' $f)`),
// which splits it at newlines: a directory named "team\nx" beside the trusted "team" arrives as
// "…/team", which _cb_trusted (fish.fish:369, a prefix test) takes as trusted. So another user's
// marker in /srv/team<newline>x counts in fish; bash, zsh, status and doctor ignore it.
// Smallest (as root): trustedDirectories = ["/srv/team"]; mkdir "/srv/team\nx"; a marker there
// owned by nobody; cd there in fish: it switches.
// A fix: set -l d (string replace ...); _cb_trusted "$d" (a quoted variable is one argument), or
// pass $f and cut it inside _cb_trusted.
describe.skipIf(!asRoot)("trusted directories: another user's marker beside one, not in it", () => {
  /** Names of siblings of the trusted ~/team: none is in it. */
  const SIBLINGS = ['team\nx', 'team\n', 'team\n\nsub', 'team2', 'team x', 'team\tx', 'tea', 'team.d'];
  for (const shell of SHELLS) {
    const known = shell === 'fish';
    (known ? it.fails : it)(`${shell}: a sibling of a trusted directory is not trusted${known ? ' (KNOWN BUG)' : ''}`, async () => {
      const sb = makeSandbox();
      sb.writeConfig('trustedDirectories = ["~/team"]\n');
      mkdirSync(join(sb.home, 'team'));
      const steps: string[] = [];
      SIBLINGS.forEach((name, i) => {
        const dir = join(sb.home, name);
        mkdirSync(dir);
        writeFileSync(join(dir, '.claude-backend'), 'vertex\n');
        chownSync(join(dir, '.claude-backend'), NOBODY, NOBODY);
        const profile = shell === 'fish' ? '$CLAUDE_HOOKS_PROFILE' : '${CLAUDE_HOOKS_PROFILE-}';
        steps.push(`cd ${quote(shell, dir)}`, 'prompt', `printf '%s=%s\\n' s${i} "${profile}"`, 'cd ~', 'prompt');
      });
      // And a marker of nobody's really in it, which counts: the test can tell trust at all.
      mkdirSync(join(sb.home, 'team', 'in'));
      writeFileSync(join(sb.home, 'team', 'in', '.claude-backend'), 'vertex\n');
      chownSync(join(sb.home, 'team', 'in', '.claude-backend'), NOBODY, NOBODY);
      const profile = shell === 'fish' ? '$CLAUDE_HOOKS_PROFILE' : '${CLAUDE_HOOKS_PROFILE-}';
      steps.push(`cd ${quote(shell, join(sb.home, 'team', 'in'))}`, 'prompt', `printf 'in=%s\\n' "${profile}"`);
      const run = await runWithInit(sb, shell, steps.join('\n'), { env: QUIET });
      expect(run.exitCode, run.stderr).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines).toContain('in=vertex');
      const trusted = SIBLINGS.filter((_, i) => !lines.includes(`s${i}=`));
      expect(trusted.map((s) => JSON.stringify(s))).toEqual([]);
    });
  }
});

// ---- fish: a user's function named like a builtin our code calls ------------------------------

// KNOWN BUG (fish): fish runs a function before a builtin of the same name, and printf,
// contains, path, math and count may be redefined (string, test, set, read may not). The fish
// template calls them bare, so a user's function runs inside our hook. The likeliest: a
// `path` function from a config older than fish 3.5 (which added the builtin), e.g. one that
// lists $PATH: the hook (shells/fish.fish:59, `path is -f -q -- $_cb_cands`) then prints the
// user's PATH at every prompt, and when it returns non-zero no marker is ever found.
// Smallest: function path; return 1; end; claude-hooks init fish | source; cd into a marked
// directory: no switch. Same for printf (_cb_warn, _cb_clean: messages lost), contains (cb-use:
// every profile unknown), math (the load: the name pattern), count (cb-reload).
// A fix: `builtin path`, `builtin printf`, `builtin contains`, `builtin math`, `builtin count`.
describe.skipIf(!SHELLS.includes('fish'))("fish: the user's functions named like the builtins our code calls", () => {
  for (const name of ['path', 'printf', 'contains', 'math', 'count']) {
    it.fails(`${name} (KNOWN BUG)`, async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'p'));
      writeFileSync(join(sb.home, 'p', '.claude-backend'), 'vertex\n');
      const log = join(sb.root, 'calls.log');
      // The user's function: answers as a different command would, and says when one of our
      // functions called it (fish's own, such as cd, call count: not ours to judge).
      const ours = `status stack-trace | string match -q -r -- "in function '(_cb_|cb-)"`;
      const before = `function ${name}; ${ours}; and echo ${name} >> ${fishQuote(log)}; return 1; end`;
      const script = ['cd p', 'prompt', 'dump marked', 'cd ~', 'prompt', 'cb-use bedrock', 'dump used', 'cb-status >/dev/null', 'cb-reload', 'cb-off', 'dump off'].join('\n');
      const run = await runWithInit(sb, 'fish', script, { before, env: { ...QUIET, CLAUDE_HOOKS_QUIET: '' } });
      let calls = '';
      try {
        calls = readFileSync(log, 'utf8');
      } catch {
        // never called: the file is not there
      }
      expect(calls, `our code called the user's ${name}`).toBe('');
      expect(run.dumps.marked!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.dumps.used!.get('CLAUDE_HOOKS_PROFILE')).toBe('bedrock');
      expect(run.dumps.off!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
    });
  }
});

// ---- where you are: a directory removed under you, a symlinked one -----------------------------

/** How each shell runs the CLI and says its exit status. */
function cliLine(shell: TestShell, args: string): string {
  const run = `${quote(shell, process.execPath)} ${quote(shell, CLI)} ${args}`;
  return shell === 'fish' ? `${run}; echo "rc=$status"` : `${run}; echo "rc=$?"`;
}

describe('a directory removed while the shell is in it', () => {
  for (const shell of SHELLS) {
    // Found: status, doctor and envrc --write died with node's stack trace (ENOENT, uv_cwd);
    // now one line naming the command, exit 2, like any bad input (src/here.ts).
    it(`${shell}: the hook lets go of its marker, and status, doctor and envrc say one line`, async () => {
      const sb = makeSandbox();
      const dir = join(sb.home, 'gone');
      mkdirSync(dir);
      writeFileSync(join(dir, '.claude-backend'), 'vertex\n');
      const script = [
        'cd gone',
        'prompt',
        'dump in',
        `rm -rf ${quote(shell, dir)}`,
        'prompt',
        'dump removed',
        cliLine(shell, 'status'),
        cliLine(shell, 'doctor --no-verify'),
        cliLine(shell, 'envrc bedrock --write'),
        cliLine(shell, 'status --dir .'),
      ].join('\n');
      const run = await runWithInit(sb, shell, script, { env: QUIET });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.in!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      // No marker governs a directory that is gone: back to the user's own variables.
      expect(run.dumps.removed!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('rc='))).toEqual(['rc=2', 'rc=2', 'rc=2', 'rc=2']);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(4);
      for (const [i, command] of ['status', 'doctor', 'envrc', 'status'].entries()) {
        expect(lines[i]).toMatch(new RegExp(`^claude-hooks: ${command}: the current directory no longer exists`));
      }
      expect(run.stderr).not.toMatch(/uv_cwd|at .*\.cjs/);
    });
  }
});

describe('a symlinked directory: status and doctor look where the hook looks', () => {
  for (const shell of SHELLS) {
    // Found: the hooks walk up from $PWD (~/work/link, then ~/work), status and doctor from
    // the physical directory (~/elsewhere/proj): a marker in ~/work switched the shell, and
    // doctor, blind to it, said nothing of a broken one. They now start from $PWD when it is
    // the same directory (src/here.ts), as `pwd -L` does.
    it(`${shell}: doctor names the marker the hook read, and status the directory as you do`, async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'elsewhere', 'proj'), { recursive: true });
      mkdirSync(join(sb.home, 'work'));
      symlinkSync(join(sb.home, 'elsewhere', 'proj'), join(sb.home, 'work', 'link'));
      writeFileSync(join(sb.home, 'work', '.claude-backend'), 'bedrok\n');
      const out = (name: string) => quote(shell, join(sb.root, name));
      const script = ['cd work/link', 'prompt', cliLine(shell, `doctor --no-verify --json > ${out('doctor.json')}`), cliLine(shell, `status --json > ${out('status.json')}`)].join('\n');
      const run = await runWithInit(sb, shell, script, { env: QUIET });
      expect(run.exitCode, run.stderr).toBe(0);
      // The hook read ~/work/.claude-backend, through the link's logical parent.
      expect(run.stderr).toContain(`${join(sb.home, 'work', '.claude-backend')} names unknown profile 'bedrok'`);
      const [doctor, status] = ['doctor.json', 'status.json'].map((f) => JSON.parse(readFileSync(join(sb.root, f), 'utf8')) as Record<string, unknown>);
      const ids = (doctor!.findings as { id: string; message: string }[]).filter((f) => f.id === 'marker-unknown-profile');
      expect(ids.map((f) => f.message)).toEqual([`${join(sb.home, 'work', '.claude-backend')} names unknown profile 'bedrok'`]);
      expect(status!.dir).toBe(join(sb.home, 'work', 'link'));
    });
  }
});

// ---- a managed variable with an attribute that rewrites what is assigned ----------------------

// KNOWN BUG (bash, zsh): a switch assigns with `export NAME=value` (shells/bash.sh:111 _cb_put,
// :98 _cb_restore; shells/zsh.zsh:108, :95), and a variable the user declared integer (-i),
// upper case (-u) or lower case (-l) rewrites the value on the way in. The switch checks for
// readonly and array variables (_cb_writable, _cb_plain) and refuses them with one line, but
// not for these: AWS_REGION=eu-west-1 goes out as -1 (integer) or EU-WEST-1, AWS_PROFILE=Work-SSO
// as work-sso, and a model id with a dot or a colon under -i is an arithmetic error that stops
// the switch half-way (the script running it ends: bash "syntax error: invalid arithmetic
// operator", zsh "bad floating point constant"), with the selectors changed and no record made.
// Smallest: declare -i AWS_REGION; cb-use <a profile with region = "eu-west-1">; env: AWS_REGION=-1.
// A fix: _cb_plain (bash 4.4+: ${!n@a} has i, u, l or c; zsh: ${(Pt)n} has integer, float,
// lower, upper) refuses them like an array, or the switch unsets before it assigns.
// bash 3.2 cannot see attributes without a subshell (as with arrays): -i only, there.
describe('a managed variable declared integer, upper or lower case', () => {
  const CASES = [
    { name: 'AWS_REGION', value: 'eu-west-1' },
    { name: 'AWS_PROFILE', value: 'Work-SSO' },
    { name: 'ANTHROPIC_MODEL', value: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' },
  ];
  for (const shell of SHELLS.filter((s) => s !== 'fish')) {
    const attrs = shell === 'bash32' ? ['-i'] : ['-i', '-u', '-l'];
    it.fails(`${shell}: the switch sets the profile's value exactly, or refuses (KNOWN BUG)`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(['[profiles.work]', 'backend = "bedrock"', 'region = "eu-west-1"', 'awsProfile = "Work-SSO"', 'model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0"', ''].join('\n'));
      const cases = attrs.flatMap((attr) => CASES.map((c) => ({ attr, ...c })));
      // Each case in a subshell: one that ends the shell ends only its own.
      const steps = cases.map((c, i) => `( ${shell === 'zsh' ? 'typeset' : 'declare'} ${c.attr} ${c.name}; dump base${i}; cb-use work; dump work${i}; cb-off; dump off${i} )`);
      const run = await runWithInit(sb, shell, steps.join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1', ANTHROPIC_API_KEY: 'sk-ant-k' } });
      const wrong = cases.flatMap((c, i) => {
        const work = run.dumps[`work${i}`];
        const base = run.dumps[`base${i}`];
        const what = `${c.attr} ${c.name}`;
        if (!work || !base) return [`${what}: the switch ended the shell`];
        const refused = work.get('CLAUDE_HOOKS_PROFILE') === undefined && work.get('ANTHROPIC_API_KEY') === 'sk-ant-k';
        if (!refused && work.get(c.name) !== c.value) return [`${what}: exported ${JSON.stringify(work.get(c.name))}, not ${JSON.stringify(c.value)}`];
        return [];
      });
      expect(wrong).toEqual([]);
    });
  }
});

// ---- a $PWD that starts with // ----------------------------------------------------------------

// KNOWN BUG (bash, bash 3.2): bash keeps a leading // in $PWD (`cd //srv/x`, or a script's
// cd "$root/$dir" with root=/), as POSIX allows; zsh and fish make it /. bash's walk
// (shells/bash.sh:416 _cb_walk, :432 _cb_map_find, :484 _cb_trusted) cuts $PWD at each
// slash and compares the pieces with the map's and trustedDirectories' paths, which are
// normalized (/srv/x): //srv/x, //srv, / never equal them. So under //... the directory map
// never applies and a trusted directory's markers are another user's; zsh, fish and status
// (src/here.ts) see /srv/x. Smallest: [directories] "~/mapped" = "vertex";
// cd "/$HOME/mapped/sub" in bash: no switch (zsh, fish: vertex).
// A fix: where those start from $PWD, drop the extra slash first:
// [[ $_cb_d == //* ]] && _cb_d=${_cb_d#/} (bash turns three or more into one itself).
describe('a $PWD that starts with //', () => {
  for (const shell of SHELLS) {
    const known = isBash(shell);
    (known ? it.fails : it)(`${shell}: the directory map applies as under /${known ? ' (KNOWN BUG)' : ''}`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(['[directories]', '"~/mapped" = "vertex"', '"~/mapped/deep/er" = "foundry"', ''].join('\n'));
      mkdirSync(join(sb.home, 'mapped', 'deep', 'er', 'est'), { recursive: true });
      const places = ['mapped', 'mapped/deep', 'mapped/deep/er', 'mapped/deep/er/est'];
      const steps = places.flatMap((p, i) => [`cd ${quote(shell, '/' + join(sb.home, p))}`, 'prompt', `dump d${i}`, 'cd ~', 'prompt']);
      const run = await runWithInit(sb, shell, steps.join('\n'), { env: QUIET });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(places.map((_, i) => run.dumps[`d${i}`]!.get('CLAUDE_HOOKS_PROFILE') ?? '')).toEqual(['vertex', 'vertex', 'foundry', 'foundry']);
    });
  }
});

// ---- direnv: a second `use claude` in one .envrc ------------------------------------------------

// KNOWN BUG (direnv library): `use claude B` applies B on top of whatever the .envrc has done
// so far (shells/direnv.sh:165-169, use_claude: _cb_apply_NAME with no baseline), so after
// `use claude A` in the same evaluation it does not start from the user's variables, as cb-use
// does. The usual way to get two: a project's .envrc that says `source_up` (the parent's
// `use claude bedrock`) and then its own `use claude anthropic`. There Claude Code gets no
// ANTHROPIC_API_KEY (bedrock cleared it; anthropic does not bring the user's back), and the
// parent's AWS_PROFILE and AWS_REGION stay, the user's AWS keys gone. A single `use claude B`
// in the same place gives the user's key back.
// Smallest: parent/.envrc: use claude bedrock; parent/child/.envrc: source_up; use claude
// anthropic; ANTHROPIC_API_KEY=k direnv exec parent/child env: no ANTHROPIC_API_KEY.
// A fix: the first use_claude of an evaluation keeps the managed variables' states (as
// _cb_switch keeps a baseline), and each later one puts them back before it applies.
const direnvOk = (() => {
  try {
    execFileSync('direnv', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error('direnv is missing, and CI=true requires it');
    console.warn('\n  SKIPPING direnv attacks: direnv is missing\n');
    return false;
  }
})();

describe.skipIf(!direnvOk)('direnv: `use claude B` after `use claude A` (source_up)', () => {
  const BASE = { ANTHROPIC_API_KEY: 'sk-ant-api03-direnv-baseline-0000', AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_PROFILE: 'mine', ANTHROPIC_MODEL: 'my-model' };
  const CHOICES = ['anthropic', 'bedrock', 'vertex', 'work', 'gateway', 'foundry'];
  const pairs = fc.sample(fc.tuple(fc.constantFrom(...CHOICES), fc.constantFrom(...CHOICES)), { seed: SEED, numRuns: 6 });
  const REGRESSIONS: [string, string][] = [
    ['bedrock', 'anthropic'],
    ['work', 'anthropic'],
    ['work', 'bedrock'],
  ];
  it.fails('gives the environment a lone `use claude B` gives (KNOWN BUG)', async () => {
    const sb = makeSandbox();
    sb.writeConfig(['[profiles.work]', 'backend = "bedrock"', 'region = "eu-west-1"', 'awsProfile = "work-sso"', 'model = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"', ''].join('\n'));
    const w = await execa(process.execPath, [CLI, 'init', 'direnv', '--write'], { env: sb.env(), extendEnv: false, reject: false });
    expect(w.exitCode, w.stderr).toBe(0);
    const envOf = async (dir: string) => {
      const r = await execa('direnv', ['exec', dir, 'env', '-0'], { env: sb.env({ ...BASE, DIRENV_LOG_FORMAT: '' }), extendEnv: false, reject: false, encoding: 'buffer', cwd: sb.home });
      const env = parseEnv0(Buffer.from(r.stdout));
      // direnv's own bookkeeping (DIRENV_DIFF, DIRENV_FILE, ...) names the directory.
      return new Map([...env].filter(([k]) => !k.startsWith('DIRENV_') && k !== 'CLAUDE_HOOKS_DIRENV' && !SHELL_NOISE.has(k)));
    };
    const allow = async (dir: string, envrc: string) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '.envrc'), envrc);
      await execa('direnv', ['allow', dir], { env: sb.env(), extendEnv: false });
    };
    const wrong: string[] = [];
    for (const [i, [a, b]] of [...REGRESSIONS, ...pairs].entries()) {
      const parent = join(sb.home, `p${i}`);
      await allow(parent, `use claude ${a}\n`);
      await allow(join(parent, 'child'), `source_up\nuse claude ${b}\n`);
      await allow(join(sb.home, `lone${i}`), `use claude ${b}\n`);
      const [both, lone] = [await envOf(join(parent, 'child')), await envOf(join(sb.home, `lone${i}`))];
      const names = [...new Set([...both.keys(), ...lone.keys()])].sort();
      const differ = names.filter((n) => both.get(n) !== lone.get(n)).map((n) => `${n}=${both.get(n) ?? '(unset)'}, alone ${lone.get(n) ?? '(unset)'}`);
      if (differ.length) wrong.push(`${a} then ${b}: ${differ.join('; ')}`);
    }
    expect(wrong).toEqual([]);
  });
});

// ---- another user's link to a marker of yours ------------------------------------------------

// KNOWN BUG (bash, bash 3.2, zsh, fish; and status/doctor, which judge the same way): the
// ownership rule is checked after following a link (`[[ -O $1 ]]`, shells/bash.sh:531,
// shells/zsh.zsh:408, `test -O`, shells/fish.fish:382; statSync in src/status/marker.ts). So
// another user who may write a directory you enter (a shared checkout, /tmp) makes your shell
// switch to a profile of their choosing by linking .claude-backend to one of your own markers
// (~/personal/.claude-backend saying "personal"): exactly the "written by another user" case
// docs/security.md rule 2 is there to refuse, through a link. The link and the directory it sits
// in are theirs; only its target is yours.
// Smallest (as root): mkdir /tmp/shared; ln -s ~/p/.claude-backend /tmp/shared/.claude-backend;
// chown -h nobody /tmp/shared /tmp/shared/.claude-backend; cd /tmp/shared: the shell switches.
// A fix with builtins only: a marker that is a link ([[ -L ]]) counts only when the directory
// holding it is yours too ([[ -O ${1%/*} ]]), or trusted. (status: lstat the link as well.)
describe.skipIf(!asRoot)("another user's link to a marker of yours", () => {
  for (const shell of SHELLS) {
    it.fails(`${shell}: does not count (KNOWN BUG)`, async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'mine'));
      writeFileSync(join(sb.home, 'mine', '.claude-backend'), 'vertex\n');
      const shared = join(sb.root, 'shared');
      mkdirSync(shared);
      symlinkSync(join(sb.home, 'mine', '.claude-backend'), join(shared, '.claude-backend'));
      chownSync(shared, NOBODY, NOBODY);
      lchownSync(join(shared, '.claude-backend'), NOBODY, NOBODY);
      // Your own marker counts, through your own link too: the test can tell a switch at all.
      mkdirSync(join(sb.home, 'own-link'));
      symlinkSync(join(sb.home, 'mine', '.claude-backend'), join(sb.home, 'own-link', '.claude-backend'));
      const script = ['cd own-link', 'prompt', 'dump own', 'cd ~', 'prompt', `cd ${quote(shell, shared)}`, 'prompt', 'dump shared'].join('\n');
      const run = await runWithInit(sb, shell, script, { env: QUIET });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.own!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.dumps.shared!.get('CLAUDE_HOOKS_PROFILE')).toBeUndefined();
    });
  }
});
