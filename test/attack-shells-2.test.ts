// Attacks on the generated shell integration, round 2: a hostile repository (what a marker
// holds, where it is) and a user with an unusual but legitimate set-up (functions named like
// fish builtins, variables with value-changing attributes), in real bash, zsh, fish and bash 3.2.
// Each describe is one class of input, generated; the oracle is the TypeScript that `status` and
// `doctor` use (src/status/marker.ts) or the contract in docs/how-it-works.md.
//
// Each class that found a bug says so above its test ("Found: ..."), with what was wrong; all
// are fixed. A new finding that cannot be fixed at once goes in as `it.fails` with its smallest
// reproduction, to be flipped to `it` with the fix.
import { execFileSync } from 'node:child_process';
import { chownSync, lchownSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { MARKER_PROBLEMS, readMarker } from '../src/status/marker.js';
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
    // Found: none read a NUL as status did. bash 5's `read` dropped it ("bed\0rock" was
    // bedrock); bash 3.2's and fish's stopped at it ("vertex\0x" was vertex); zsh and status
    // kept it (not a profile name). Now a NUL ends the line everywhere, as a newline does: bash
    // reads up to a NUL (-d ''), zsh cuts there, status splits there too.
    name: 'a NUL byte in or around the name',
    arb: fc.oneof(insert(fc.constantFrom('\0', '\0\0')), fc.tuple(NAMES, fc.constantFrom('\0', ' \0', '\0\n')).map(([n, z]) => z + n), fc.tuple(NAMES).map(([n]) => n + '\0')),
    regressions: ['bed\0rock\n', '\0vertex\n', 'vertex\0', 'vertex\0x\n'],
    broken: [],
  },
  {
    // Found: fish dropped the first byte-order mark anywhere in the line, not only at its start
    // (a `string replace` without an anchor), so "bed\uFEFFrock" switched fish alone.
    name: 'a byte-order mark that is not at the start',
    arb: fc.oneof(insert(fc.constant(BOM)), fc.tuple(blanks(ASCII_BLANKS.slice(0, 2)).filter((b) => b !== ''), NAMES).map(([b, n]) => b + BOM + n), fc.tuple(NAMES).map(([n]) => n + BOM)),
    regressions: ['bed\ufeffrock\n', ' \ufeffvertex\n'],
    broken: [],
  },
  {
    // Found: bash and zsh trimmed the name with [[:space:]], which in a UTF-8 locale is glibc's
    // iswspace (U+3000, U+2003, U+2028, ...): "\u3000bedrock" switched them under C.UTF-8, not
    // under LC_ALL=C, never in fish or status. Every reader now trims MARKER_BLANKS (rendered as
    // _cb_blanks).
    name: 'Unicode white space around the name',
    arb: fc.tuple(blanks(UNICODE_BLANKS, 2), NAMES, blanks(UNICODE_BLANKS, 2), rest).filter(([a, , b]) => a + b !== '').map((p) => p.join('')),
    regressions: ['\u3000bedrock\n', 'vertex\u2003\n', '\u2028bedrock'],
    broken: [],
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

// Found: fish passed the marker's directory to _cb_trusted through a command substitution,
// which split it at newlines: another user's marker in ~/team<newline>x counted as under the
// trusted ~/team. It goes through `string collect -N` now (one argument, newlines kept).
describe.skipIf(!asRoot)("trusted directories: another user's marker beside one, not in it", () => {
  /** Names of siblings of the trusted ~/team: none is in it. */
  const SIBLINGS = ['team\nx', 'team\n', 'team\n\nsub', 'team2', 'team x', 'team\tx', 'tea', 'team.d'];
  for (const shell of SHELLS) {
    it(`${shell}: a sibling of a trusted directory is not trusted`, async () => {
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

// Found: fish runs a function before a builtin of the same name, and printf, contains, path,
// math and count may be redefined (string, test, set, read may not). The fish template called
// them bare, so a user's function ran inside our hook: an old `path` function (from before fish
// 3.5 added the builtin) printed $PATH at every prompt, or hid every marker. They are called as
// `builtin NAME` now.
describe.skipIf(!SHELLS.includes('fish'))("fish: the user's functions named like the builtins our code calls", () => {
  for (const name of ['path', 'printf', 'contains', 'math', 'count']) {
    it(name, async () => {
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

// Found: a switch assigned with `export NAME=value`, and a variable the user declared integer
// (-i), upper (-u) or lower case (-l) rewrote the value (AWS_REGION=eu-west-1 went out as -1);
// under -i a model id with a colon was an arithmetic error that stopped the switch half-way.
// _cb_plain now refuses them as it refuses arrays (bash 4.4+, zsh), and bash unsets before it
// assigns, so bash before 4.4, which cannot see the attributes, sets the value exactly.
describe('a managed variable declared integer, upper or lower case', () => {
  const CASES = [
    { name: 'AWS_REGION', value: 'eu-west-1' },
    { name: 'AWS_PROFILE', value: 'Work-SSO' },
    { name: 'ANTHROPIC_MODEL', value: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' },
  ];
  for (const shell of SHELLS.filter((s) => s !== 'fish')) {
    const attrs = shell === 'bash32' ? ['-i'] : ['-i', '-u', '-l'];
    it(`${shell}: the switch sets the profile's value exactly, or refuses`, async () => {
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

// Found: bash keeps a leading // in $PWD (`cd //srv/x`, or a script's cd "$root/$dir" with
// root=/), as POSIX allows; zsh and fish make it /. bash's walk compared //srv/x with the map's
// /srv/x and never matched (trustedDirectories alike). _cb_walk folds the // first.
describe('a $PWD that starts with //', () => {
  for (const shell of SHELLS) {
    it(`${shell}: the directory map applies as under /`, async () => {
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

// Found (direnv library): `use claude B` applied B on top of whatever the .envrc had done so
// far, so after `use claude A` in the same load (the usual way: a project's .envrc that says
// `source_up` under a parent's that says `use claude`) it did not start from the user's
// variables, as cb-use does: bedrock then anthropic left no ANTHROPIC_API_KEY and the parent's
// AWS_PROFILE and AWS_REGION in place. The first use_claude of a load now keeps the managed
// variables' states, and each later one puts them back (taking what the .envrc changed in
// between as the user's) before it applies.
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
  it('gives the environment a lone `use claude B` gives', async () => {
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

// Found (bash, bash 3.2, zsh, fish, and status/doctor, which judge the same way): the ownership
// rule was checked after following a link (-O, statSync). So another user who may write a
// directory you enter (a shared checkout, /tmp) made your shell switch to a profile of their
// choosing by linking .claude-backend to one of your own markers. A link now counts only in a
// directory of yours too (the shells cannot ask who owns a link without a process).
describe.skipIf(!asRoot)("another user's link to a marker of yours", () => {
  for (const shell of SHELLS) {
    it(`${shell}: does not count`, async () => {
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
      const doctor = quote(shell, join(sb.root, 'doctor.json'));
      const script = ['cd own-link', 'prompt', 'dump own', 'cd ~', 'prompt', `cd ${quote(shell, shared)}`, 'prompt', 'dump shared', cliLine(shell, `doctor --no-verify --json > ${doctor}`)].join('\n');
      const run = await runWithInit(sb, shell, script, { env: QUIET });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.own!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.dumps.shared!.get('CLAUDE_HOOKS_PROFILE')).toBeUndefined();
      // doctor judges it as the hook does.
      const findings = (JSON.parse(readFileSync(join(sb.root, 'doctor.json'), 'utf8')) as { findings: { id: string; message: string }[] }).findings;
      expect(findings.filter((f) => f.id === 'marker-unknown-profile').map((f) => f.message)).toEqual([`${join(shared, '.claude-backend')} ${MARKER_PROBLEMS['foreign-owner']}`]);
    });
  }
});
