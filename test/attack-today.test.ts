// Attacks on the prompt segment's selector rule (e5a25d9) and on bash's directory map written
// out per bash version (3d6ba83), in the real shells. Each block says what broke before its fix.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BACKEND_SPECS, providerSpec, TRIMMED_SPACE } from '../src/profiles/backends.js';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { predict } from '../src/status/predict.js';
import { KEY, S, available, compare } from './helpers/oracle.js';
import { cli, makeSandbox } from './helpers/sandbox.js';
import { requireTool } from './helpers/tools.js';
import { runWithInit, shellBinary, shellsUnderTest, type TestShell } from './helpers/shells.js';

const shells = shellsUnderTest();
const set = (shell: TestShell, name: string, value: string | undefined) =>
  shell === 'fish'
    ? value === undefined ? `set -e ${name}` : `set -gx ${name} ${fishQuote(value)}`
    : value === undefined ? `unset ${name}` : `export ${name}=${posixQuote(value)}`;

// ---- 1. A traced shell printed the gateway's token at every prompt ----
// The segment tests that ANTHROPIC_AUTH_TOKEN is set; bash ran that test with the user's set -x
// in force (`[[ -n <token> ]]` in the trace), and fish under fish_trace (`test -n <token>`), at
// every prompt and in every cb_prompt_info.
const TOKEN = 'sk-ant-oat01-TRACED-gateway-token-9876543210';
for (const shell of shells) {
  describe(`${shell}: tracing the prompt prints no gateway token`, () => {
    it('at the prompt hook and in cb_prompt_info, the trace on', async () => {
      const sb = makeSandbox();
      const env = { CLAUDE_HOOKS_PROFILE: 'x', CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'https://gw.example', ANTHROPIC_AUTH_TOKEN: TOKEN, CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-west-1' };
      const script =
        shell === 'fish'
          ? ['set -g fish_trace 1', 'prompt', 'set seg (cb_prompt_info)', 'echo TRACE-PROBE', 'set -e fish_trace', 'echo "seg=[$seg]"']
          : [shell === 'zsh' ? 'setopt xtrace' : 'set -x', 'prompt', 'seg=$(cb_prompt_info)', 'echo TRACE-PROBE', shell === 'zsh' ? 'unsetopt xtrace' : 'set +x', 'echo "seg=[$seg]"'];
      const run = await runWithInit(sb, shell, script.join('\n'), { env });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).toContain('TRACE-PROBE'); // the trace was on
      expect(run.stdout).toContain('seg=[x]'); // the gateway counted: the test did run
      expect(run.stderr + run.stdout).not.toContain(TOKEN.slice(-16));
    });
  });
}

// ---- 2. White space as Claude Code trims it ----
// Claude Code reads a selector with String.prototype.trim (" true\u00a0" is on) and counts the
// gateway's URL and token only when they are not blank after trim (checked below against the
// pinned CLI). The shells matched [[:space:]], which is ASCII only in the C locale and in fish,
// and leaves out U+00A0, U+2007, U+202F and U+FEFF in glibc's UTF-8 locales; and they took a
// URL or token of spaces for set.

describe('TRIMMED_SPACE is what String.prototype.trim removes', () => {
  it('every code point', () => {
    const trimmed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      if (`${s}x${s}`.trim() === 'x') trimmed.push(s);
    }
    expect([...TRIMMED_SPACE].sort()).toEqual(trimmed.sort());
  });
});

describe.skipIf(!available)('Claude Code trims selectors and the gateway values as JavaScript does (pinned CLI)', () => {
  const NBSP = '\u00a0';
  const cases = [
    { name: 'Bedrock on, NBSP around', env: { CLAUDE_CODE_USE_BEDROCK: `${NBSP}true${NBSP}` } },
    { name: 'Bedrock on, BOM and U+202F around', env: { CLAUDE_CODE_USE_BEDROCK: '\ufeffyes\u202f' } },
    { name: 'Bedrock off, NEL is not white space', env: { CLAUDE_CODE_USE_BEDROCK: '\u0085on' } },
    { name: 'Bedrock off, ZWSP is not white space', env: { CLAUDE_CODE_USE_BEDROCK: '\u200b1' } },
    { name: 'gateway with a URL of spaces', env: { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: '  ', ANTHROPIC_AUTH_TOKEN: 'tok', CLAUDE_CODE_USE_BEDROCK: '1' } },
    { name: 'gateway with a token of white space', env: { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'https://gw.example', ANTHROPIC_AUTH_TOKEN: `\t${NBSP}\n` } },
    // The same rule for the auth method: a token of white space is none, a key of it a key.
    { name: 'ANTHROPIC_AUTH_TOKEN of white space', env: { ANTHROPIC_AUTH_TOKEN: ' \ufeff' } },
    { name: 'ANTHROPIC_AUTH_TOKEN of white space, and a key', env: { ANTHROPIC_AUTH_TOKEN: ' ', ANTHROPIC_API_KEY: KEY } },
    { name: 'CLAUDE_CODE_OAUTH_TOKEN of white space', env: { CLAUDE_CODE_OAUTH_TOKEN: NBSP } },
    { name: 'CLAUDE_CODE_OAUTH_TOKEN of white space, a key and a helper', env: { CLAUDE_CODE_OAUTH_TOKEN: ' ', ANTHROPIC_API_KEY: KEY }, user: S({ apiKeyHelper: 'echo k' }) },
    { name: 'ANTHROPIC_API_KEY of white space is a key', env: { ANTHROPIC_API_KEY: '\t' } },
    { name: 'a padded token counts', env: { ANTHROPIC_AUTH_TOKEN: ' tok ' } },
  ];
  it.each(cases)('$name', async (c) => compare(c), 60_000);
});

const REGION: Record<string, string> = Object.fromEntries(BACKEND_SPECS.flatMap((b) => (b.regionVariable ? [[b.regionVariable, 'r-' + b.regionVariable.toLowerCase()]] : [])));
const OTHER_SPACE = ['\u0085', '\u200b', '\u180e', '\u2060', 'x']; // not trimmed
type World = Record<string, string | undefined>;
/** Each white space character (and some that are not) around a word, on Bedrock; and as the
 *  whole of the gateway's URL or token, with the gateway on. */
function worlds(): World[] {
  const out: World[] = [];
  for (const s of [...TRIMMED_SPACE, ...OTHER_SPACE]) {
    out.push({ CLAUDE_CODE_USE_BEDROCK: `${s}TRUE${s}` });
    out.push({ CLAUDE_CODE_USE_VERTEX: `${s}${s}on` });
    out.push({ CLAUDE_CODE_USE_GATEWAY: `1${s}`, ANTHROPIC_BASE_URL: 'https://gw.example', ANTHROPIC_AUTH_TOKEN: s, CLAUDE_CODE_USE_BEDROCK: '1' });
    out.push({ CLAUDE_CODE_USE_GATEWAY: 'yes', ANTHROPIC_BASE_URL: `${s}${s}`, ANTHROPIC_AUTH_TOKEN: 'tok', CLAUDE_CODE_USE_FOUNDRY: '1' });
  }
  return out;
}

function expected(w: World, home: string): string {
  const p = predict(home, { HOME: home, ...REGION, ...w } as Record<string, string>);
  const region = p.provider === 'firstParty' ? undefined : providerSpec(p.provider).regionVariable;
  return `x${region ? ':' + REGION[region] : ''}`;
}

const ALL = [...new Set(BACKEND_SPECS.flatMap((b) => [...(b.selector ? [b.selector] : []), ...(b.countsOnlyWith ?? [])]))];
for (const shell of shells) {
  describe(`${shell}: the segment trims as Claude Code does`, () => {
    it.each(['C.UTF-8', 'C'])('LC_ALL=%s', async (locale) => {
      const sb = makeSandbox();
      const ws = worlds();
      const show = shell === 'fish' ? 'echo "seg=["(cb_prompt_info)"]"' : 'echo "seg=[$(cb_prompt_info)]"';
      const script = ws.flatMap((w) => [...ALL.map((n) => set(shell, n, w[n])), show]);
      const env = { LC_ALL: locale, CLAUDE_HOOKS_PROFILE: 'x', ...REGION };
      const run = await runWithInit(sb, shell, script.join('\n'), { env });
      expect(run.exitCode, run.stderr).toBe(0);
      const seen = run.stdout.split('\n').filter((l) => l.startsWith('seg='));
      const codes = (w: World) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, [...v!].map((c) => c.codePointAt(0)!.toString(16)).join(' ')]));
      ws.forEach((w, i) => expect({ world: codes(w), segment: seen[i] }).toEqual({ world: codes(w), segment: `seg=[${expected(w, sb.home)}]` }));
    });
  });
}

// ---- 3. bash 3.2: a cd into a directory late in a long map took seconds ----
// The map is one text there; cutting it at the match (${_cb_map_text#*...}) takes bash 3.2
// time quadratic in the length before the match: 3 s for the last of 1000 entries, 30 s for
// the last of 3000 (a `case` over the whole text, which finds it, is linear).
describe.skipIf(!shellBinary('bash32') || !shells.includes('bash32'))('bash 3.2: a long directory map', () => {
  it('a cd into the last of 3000 entries, and into the first, is found in time', async () => {
    const sb = makeSandbox();
    const dirs = Array.from({ length: 3000 }, (_, i) => join(sb.home, 'src', 'github.com', 'someone', `project-${String(i).padStart(4, '0')}`));
    const map = dirs.map((d, i) => `${JSON.stringify(d)} = "${i % 3 ? 'w' : 'v'}"`).join('\n');
    sb.writeConfig(`[profiles.w]\nbackend = "bedrock"\nregion = "eu-west-1"\n\n[profiles.v]\nbackend = "vertex"\nprojectId = "p"\nregion = "us-east5"\n\n[directories]\n${map}\n`);
    for (const d of [dirs[2999]!, dirs[0]!]) mkdirSync(join(d, 'a', 'b'), { recursive: true });
    const script = [`cd '${dirs[2999]}/a/b'`, 'prompt', 'echo "last=$CLAUDE_HOOKS_PROFILE $_cb_map_dir"', `cd '${dirs[0]}/a/b'`, 'prompt', 'echo "first=$CLAUDE_HOOKS_PROFILE"', 'cd /', 'prompt', 'echo "none=${CLAUDE_HOOKS_PROFILE-}"'];
    const run = await runWithInit(sb, 'bash32', script.join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1' }, timeout: 8_000 });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toEqual([`last=w ${dirs[2999]}`, 'first=v', 'none=']);
  }, 20_000);
});

// ---- 4. cb-reload between this integration and an older one, in the same shell ----
// Before 3d6ba83 the bash integration kept the map as a flat list in _cb_map (and, in bash 4.4
// and later, loaded it into the associative array _cb_map_at). These are its lines, verbatim
// (52079de: the rendered data, then shells/bash.sh at the end), for one directory.
const OLDER = (dir: string) => [
  `_cb_map=(${posixQuote(dir)} 'w')`,
  'if [[ -n $_cb_modern ]]; then',
  '    declare -gA _cb_map_at=()',
  '    _cb_i=0',
  '    while [ "$_cb_i" -lt ${#_cb_map[@]} ]; do',
  '        _cb_map_at[${_cb_map[_cb_i]}]=${_cb_map[_cb_i + 1]}',
  '        _cb_i=$((_cb_i + 2))',
  '    done',
  '    unset -v _cb_i',
  'else',
  `    printf -v _cb_map_text '\\n%s\\t%s' \${_cb_map[@]+"\${_cb_map[@]}"}`,
  'fi',
].join('\n');

for (const shell of shells.filter((s) => s === 'bash' || s === 'bash32')) {
  describe(`${shell}: cb-reload between an older integration and this one`, () => {
    it('loads without a word on stderr either way, under set -u', async () => {
      const sb = makeSandbox();
      const dir = join(sb.home, "it's [mapped]");
      mkdirSync(dir);
      sb.writeConfig(`[profiles.w]\nbackend = "bedrock"\nregion = "eu-west-1"\n\n[directories]\n${JSON.stringify(dir)} = "w"\n`);
      // An older claude-hooks reloaded over this one (a downgrade), then this one again.
      const script = ['set -u', 'older() { eval "$1"; }', `older ${posixQuote(OLDER(dir))}`, 'echo "older=$?"', 'cb-reload >/dev/null', `cd ${posixQuote(dir)}`, 'prompt', 'echo "profile=${CLAUDE_HOOKS_PROFILE-}"'];
      const run = await runWithInit(sb, shell, script.join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n')).toEqual(['older=0', 'profile=w']);
    });
  });
}

// ---- 5. Hostile directory names in the map (held) ----
// Quotes, backslashes, brackets, expansions, glob characters, Unicode, a long name: each is
// found, at its level and below, in every shell (bash 5's associative array, bash 3.2's text,
// zsh, fish), and nothing in a name runs.
describe('hostile directory names in the map', () => {
  const NAMES = ["q'uote", 'dq"uote', 'back\\slash', 'br]ack[et', '$(touch PWNED)', '`touch PWNED`', 'gl*ob?[a]', 'ünï cødé 日本', 'L'.repeat(200), 'sp ace', '${HOME}', 'a=b', '~tilde', '-dash', '@', '%s', ']=(x)', "\\'mix\"", '*', '[[:alpha:]]', '\u00a0nbsp', 'p1'];
  for (const shell of shells) {
    it(shell, async () => {
      const sb = makeSandbox();
      const base = join(sb.home, 'm');
      const dirs = NAMES.map((n) => join(base, n));
      const map = dirs.map((d, i) => `${JSON.stringify(d)} = "${i % 2 ? 'w' : 'v'}"`).join('\n');
      sb.writeConfig(`[profiles.w]\nbackend = "bedrock"\nregion = "eu-west-1"\n\n[profiles.v]\nbackend = "vertex"\nprojectId = "p"\nregion = "us-east5"\n\n[directories]\n${map}\n`);
      for (const d of dirs) mkdirSync(join(d, 'sub', 'deeper'), { recursive: true });
      const q = (s: string) => (shell === 'fish' ? fishQuote(s) : posixQuote(s));
      const show = shell === 'fish' ? 'echo "at=$CLAUDE_HOOKS_PROFILE"' : 'echo "at=${CLAUDE_HOOKS_PROFILE-}"';
      const script = [...dirs.flatMap((d) => [`cd ${q(d)}`, 'prompt', show, `cd ${q(join(d, 'sub', 'deeper'))}`, 'prompt', show]), `cd ${q(base)}`, 'prompt', show];
      const run = await runWithInit(sb, shell, script.join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1' }, cwd: sb.home });
      expect(run.stderr).toBe('');
      const want = [...dirs.flatMap((_, i) => Array(2).fill(`at=${i % 2 ? 'w' : 'v'}`)), 'at='];
      expect(run.stdout.split('\n')).toEqual(want);
      expect(existsSync(join(sb.home, 'PWNED')) || dirs.some((d) => existsSync(join(d, 'PWNED')))).toBe(false);
    });
  }
});

// ---- 6. The segment's rule at a prompt starts no process (held) ----
// bash and zsh keep $cb_prompt current at every prompt: the regular expressions (=~) and the
// blank tests run there, builtins only, for values that take every path: the fast `1`, words
// with Unicode white space, a gateway whose token is blank, one that counts.
const strace = requireTool('strace', ['strace', '-f', '-o', '/dev/null', 'true']);
for (const shell of shells.filter((s) => s !== 'fish')) {
  describe.skipIf(!strace)(`${shell}: the segment at a prompt`, () => {
    it('starts no process, whatever the selectors say', async () => {
      const sb = makeSandbox();
      const worlds: World[] = [
        { CLAUDE_CODE_USE_BEDROCK: '1' },
        { CLAUDE_CODE_USE_BEDROCK: '\u00a0 TRUE\u3000' },
        { CLAUDE_CODE_USE_GATEWAY: 'yes', ANTHROPIC_BASE_URL: 'https://gw.example', ANTHROPIC_AUTH_TOKEN: '\ufeff', CLAUDE_CODE_USE_VERTEX: 'On' },
        { CLAUDE_CODE_USE_GATEWAY: 'on', ANTHROPIC_BASE_URL: 'https://gw.example', ANTHROPIC_AUTH_TOKEN: 'tok' },
      ];
      const prompt = shell === 'zsh' ? 'for f in $precmd_functions; do $f; done' : 'eval "$PROMPT_COMMAND"';
      const body = worlds.flatMap((w) => [...ALL.map((n) => set(shell, n, w[n])), prompt, 'echo "seg=[$cb_prompt]"']);
      const run = await runWithInit(sb, shell, body.join('\n'), { env: { CLAUDE_HOOKS_PROFILE: 'x', ...REGION } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout.split('\n')).toEqual(worlds.map((w) => `seg=[${expected(w, sb.home)}]`));
      // The same script under strace: only the shell itself starts.
      const bin = shellBinary(shell)!;
      const init = await cli(sb, ['init', shell === 'zsh' ? 'zsh' : 'bash']);
      const file = join(sb.root, 'traced');
      writeFileSync(file, [init.stdout, ...body].join('\n'));
      const log = join(sb.root, 'strace.log');
      const args = shell === 'zsh' ? ['-f', file] : ['--norc', '--noprofile', file];
      const r = await execa('strace', ['-f', '-e', 'trace=execve,fork,vfork,clone,clone3', '-o', log, bin, ...args], { env: sb.env({ CLAUDE_HOOKS_PROFILE: 'x', ...REGION }), extendEnv: false, reject: false });
      expect(r.exitCode, r.stderr).toBe(0);
      const starts = readFileSync(log, 'utf8').split('\n').filter((l) => /\b(execve|fork|vfork|clone3?)\(/.test(l) && !/CLONE_THREAD/.test(l) && !/resumed|unfinished|= -1/.test(l));
      expect(starts.slice(1)).toEqual([]);
    });
  });
}

// ---- bash's nocasematch (shopt) reached our pattern matches ----
// `shopt -s nocasematch` made `case` and `[[ == ]]` ignore case in our code too: the walk cache
// took ~/A for ~/a and kept ~/a's marker there; `cb-use W` passed _cb_known for profile w and
// then called _cb_about_W, which does not exist; in bash 3.2 a map directory matched in any
// case. Every entry point now sets it aside with the options of $- (_cb_aside, _cb_guarded).
describe('bash: the user\'s nocasematch', () => {
  for (const shell of shells.filter((s) => s === 'bash' || s === 'bash32')) {
    it(`${shell}: a directory that differs only in case is another directory`, async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'a'));
      mkdirSync(join(sb.home, 'A'));
      writeFileSync(join(sb.home, 'a', '.claude-backend'), 'bedrock\n');
      const script = ['shopt -s nocasematch', 'cd ~/a', 'prompt', 'echo "a=${CLAUDE_HOOKS_PROFILE-}"', 'cd ~/A', 'prompt', 'echo "A=${CLAUDE_HOOKS_PROFILE-}"', 'cb-use BEDROCK 2>/dev/null; echo "rc=$?"', 'shopt -q nocasematch && echo kept'];
      const run = await runWithInit(sb, shell, script.join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1', AWS_REGION: 'eu-west-1' } });
      expect(run.stdout.split('\n')).toEqual(['a=bedrock', 'A=', 'rc=2', 'kept']);
    });
  }
});
