// Attacks on the generated shell integration, round 3, from the docs alone: the direnv path, the
// cached init, cb-reload with a broken config, shells started from a switched shell, and the
// order in which the user's start-up file loads direnv and claude-hooks. Real bash, zsh, fish,
// bash 3.2 (CLAUDE_HOOKS_TEST_BASH32) and direnv, each with a throw-away HOME.
//
// Each `it.fails` is a fault found here that lives in the templates (shells/, src/render/),
// which this round may not change: its smallest reproduction, and above it what the docs promise.
// Flip it to `it` with the fix. Faults in the rest of src/ were fixed here; their tests are `it`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { CLI, cli, makeSandbox, type Sandbox } from './helpers/sandbox.js';
import { initShell, parseEnv0, runWithInit, shellBinary, shellsUnderTest, withoutNoise, type TestShell } from './helpers/shells.js';
import { allowed, cd, direnvHook, direnvSandbox } from './helpers/direnv.js';
import { requireTool } from './helpers/tools.js';

const SHELLS = shellsUnderTest();
const direnvOk = requireTool('direnv', ['direnv', 'version']);
const quote = (shell: TestShell, s: string) => (shell === 'fish' ? fishQuote(s) : posixQuote(s));
const isBash = (shell: TestShell) => shell === 'bash' || shell === 'bash32';
/** `printf 'NAME=value'` of a variable, or NAME unset, in the shell's syntax. */
const show = (shell: TestShell, label: string, name: string) =>
  shell === 'fish'
    ? `if set -q ${name}; printf '%s: ${name}=%s\\n' ${label} "$${name}"; else; printf '%s: ${name} unset\\n' ${label}; end`
    : `if [ -n "\${${name}+x}" ]; then printf '%s: ${name}=%s\\n' ${label} "\$${name}"; else printf '%s: ${name} unset\\n' ${label}; fi`;
const status = (shell: TestShell, label: string) => (shell === 'fish' ? `echo "${label}=$status"` : `echo "${label}=$?"`);

const WORK = '[profiles.work]\nbackend = "bedrock"\nregion = "eu-central-1"\n';
const QUIET = { AWS_REGION: 'us-west-2', CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'proj', ANTHROPIC_FOUNDRY_RESOURCE: 'res' };
const KEY = 'sk-ant-api03-attack3-baseline-key-0000';

// ---- cb-reload with a half-written config -----------------------------------------------------
//
// Found: an editor that saves in two writes, or a typo, and `cb-reload` at that moment: the
// integration is replaced by the built-in profiles (init's fallback for a new shell), the active
// profile of the user's own is declared "gone from the config" and switched off, the directory
// map is dropped, and cb-reload returns 0. The docs: cb-reload "re-read[s] the config after you
// edit it"; a broken config "never breaks your shell"; bad input gets "one clear line naming the
// file ... and what was expected, ... nothing half-applied" (brief, docs/profiles.md). The
// shell's own failure path already says "keeping the profiles loaded before": a config that does
// not load should take it too.
describe('cb-reload with a half-written config', () => {
  for (const shell of SHELLS) {
    it(`${shell}: keeps the profiles and the switch it had, says what is wrong, and fails`, async () => {
      const sb = makeSandbox();
      const config = sb.writeConfig(WORK);
      const half = 'region = "eu-';
      const script = [
        'cb-use work',
        // The editor's first write: the file cut in the middle of a string.
        `printf '%s\\n' '[profiles.work]' 'backend = "bedrock"' ${quote(shell, half)} > ${quote(shell, config)}`,
        'cb-reload',
        status(shell, 'reload'),
        show(shell, 'after', 'CLAUDE_HOOKS_PROFILE'),
        show(shell, 'after', 'AWS_REGION'),
        show(shell, 'after', 'ANTHROPIC_API_KEY'),
        'cb-use work',
        status(shell, 'use'),
      ].join('\n');
      const run = await runWithInit(sb, shell, script, { env: { ...QUIET, ANTHROPIC_API_KEY: KEY, CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.exitCode, run.stderr).toBe(0);
      // One line naming the file and line.
      expect(run.stderr).toContain(`${config}:3`);
      expect(run.stdout).toContain('after: CLAUDE_HOOKS_PROFILE=work');
      expect(run.stdout).toContain('after: AWS_REGION=eu-central-1');
      expect(run.stdout).toContain('after: ANTHROPIC_API_KEY unset');
      expect(run.stdout).toContain('use=0');
      expect(run.stdout).toContain('reload=2'); // bad input: the config
    });
  }
});

// ---- direnv hooked before claude-hooks, as the docs set it up -----------------------------------
//
// docs/direnv.md: install direnv "and its hook for your shell" (eval "$(direnv hook bash)" in
// ~/.bashrc), then `claude-hooks setup`, which appends its block to the same file: the claude-hooks
// line comes after direnv's. Both put their hook in front of the prompt's list, so ours runs
// first, before direnv has loaded or unloaded the directory it was just cd'd into.
// (test/direnv.test.ts hooks direnv after the init, which puts direnv first: these were unseen.)
describe.skipIf(!direnvOk)('direnv and the shell hooks: which hook runs first', () => {
  for (const shell of SHELLS) {
    // Found: docs/direnv.md, "direnv and the shell hooks": with an .envrc that says `use claude`,
    // "the hooks do not switch while direnv governs (a .claude-backend file in the same tree is
    // ignored there)". At the first prompt in such a directory our hook runs before direnv has
    // loaded it, reads the marker and switches to its profile (saying so, running its key
    // command, giving its hints); direnv's `use claude` then starts from what that switch left.
    // With `use claude anthropic` and a marker saying bedrock, the user gets "claude-hooks:
    // bedrock", then the Anthropic API *without their key* (Bedrock's switch removed it).
    // And an .envrc with a NUL before that line (review-5, fault 8): bash runs it past the NUL,
    // so the hooks must read it so too.
    for (const [envrc, shape] of [
      ['use claude anthropic\n', ''],
      ['# a comment\0with a NUL\nuse claude anthropic\n', ', a NUL before its line'],
    ] as const) {
      it(`${shell}: a .claude-backend beside a 'use claude' .envrc is ignored from the first prompt${shape}`, async () => {
        const sb = await direnvSandbox(WORK);
        const dir = await allowed(sb, 'p', envrc);
        writeFileSync(join(dir, '.claude-backend'), 'bedrock\n');
        const run = await runWithInit(sb, shell, ['prompt', cd(shell, dir), 'prompt', 'dump in', 'cd ~', 'prompt'].join('\n'), {
          before: direnvHook(shell),
          env: { ...QUIET, ANTHROPIC_API_KEY: KEY, DIRENV_LOG_FORMAT: '' },
        });
        expect(run.exitCode, run.stderr).toBe(0);
        expect(run.dumps.in!.get('CLAUDE_HOOKS_PROFILE')).toBe('anthropic');
        expect(run.dumps.in!.get('ANTHROPIC_API_KEY')).toBe(KEY);
        expect(run.stderr).not.toContain('claude-hooks: bedrock');
      });
    }

    // Found (fish): the same, whichever order the start-up file loads them in. direnv's fish
    // hook reacts to a cd only through a PWD handler it defines at a prompt and erases at every
    // fish_preexec, that is before each command typed: in an interactive fish, a typed `cd`
    // reaches our PWD handler alone, and direnv loads at the prompt, after our switch. (Here the
    // handler is left in place and runs after ours; the outcome is the same.) bash and zsh with
    // direnv's hook first (test/direnv.test.ts's order) are right.
    it(`${shell}: direnv hooked after the init: a marker inside a 'use claude anthropic' tree leaves the key`, async () => {
      const sb = await direnvSandbox(WORK);
      const dir = await allowed(sb, 'p', 'use claude anthropic\n');
      mkdirSync(join(dir, 'm'));
      writeFileSync(join(dir, 'm', '.claude-backend'), 'bedrock\n');
      const run = await runWithInit(sb, shell, [direnvHook(shell), 'prompt', cd(shell, join(dir, 'm')), 'prompt', 'dump in'].join('\n'), {
        env: { ...QUIET, ANTHROPIC_API_KEY: KEY, DIRENV_LOG_FORMAT: '' },
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.in!.get('CLAUDE_HOOKS_PROFILE')).toBe('anthropic');
      expect(run.dumps.in!.get('ANTHROPIC_API_KEY')).toBe(KEY);
      expect(run.stderr).not.toContain('claude-hooks: bedrock');
    });

    // Found by the property below: README, a marker's switch is undone when you leave ("leaving
    // switches back"); docs/direnv.md, `use claude` "applies the profile on top of the shell as it
    // is" (a *manual* switch made first is the documented exception). With direnv's hook running
    // first (hooked after the init, as test/direnv.test.ts does), a cd from a marked directory
    // straight into a `use claude anthropic` one loaded the .envrc on top of the marker's Bedrock
    // switch, before our hook had undone it: the Anthropic API without the user's key, and it
    // stayed so while they were there. Fixed in bash and zsh: at the first prompt our hook moves in
    // front of direnv's (fish's PWD handler already ran first). In the docs' order (direnv's hook
    // first in the start-up file, so ours runs first): ours sees the .envrc that direnv is about
    // to load, ends the marker's switch, and direnv starts from the user's variables.
    for (const order of ['after', 'before'] as const) {
      it(`${shell}: direnv hooked ${order} the init: from a marked directory into 'use claude anthropic', the key is back`, async () => {
        const sb = await direnvSandbox(WORK);
        const e = await allowed(sb, 'e', 'use claude anthropic\n');
        const aws = join(sb.home, 'aws');
        mkdirSync(aws);
        writeFileSync(join(aws, '.claude-backend'), 'bedrock\n');
        const steps = ['prompt', cd(shell, aws), 'prompt', 'dump aws', cd(shell, e), 'prompt', 'dump e'];
        const run = await runWithInit(sb, shell, (order === 'after' ? [direnvHook(shell), ...steps] : steps).join('\n'), {
          ...(order === 'before' ? { before: direnvHook(shell) } : {}),
          env: { ...QUIET, ANTHROPIC_API_KEY: KEY, DIRENV_LOG_FORMAT: '' },
        });
        expect(run.exitCode, run.stderr).toBe(0);
        expect(run.dumps.aws!.get('CLAUDE_HOOKS_PROFILE')).toBe('bedrock');
        expect(run.dumps.e!.get('CLAUDE_HOOKS_PROFILE')).toBe('anthropic');
        expect(run.dumps.e!.get('ANTHROPIC_API_KEY')).toBe(KEY);
        expect(run.stderr).not.toContain('expected one profile name');
      });
    }

    // The move in front of direnv's hook (above) takes only our own entry: the user's prompt
    // commands keep their order, run once, and still see the command line's $?.
    if (shell !== 'fish') {
      it(`${shell}: direnv hooked after the init: ours moves in front, and only ours`, async () => {
        const sb = await direnvSandbox(WORK);
        const mine = isBash(shell) ? 'PROMPT_COMMAND=\'echo "mine:$?"\'' : 'mine() { echo "mine:$?"; }; precmd_functions=(mine); chpwd_functions=(mine)';
        const lists = isBash(shell)
          ? `printf 'list:%s|\n' "$PROMPT_COMMAND"`
          : `printf 'list:%s|\n' "\${(j: :)precmd_functions}" "\${(j: :)chpwd_functions}"`;
        const run = await runWithInit(sb, shell, [direnvHook(shell), lists, 'prompt', lists, 'false', 'prompt', 'prompt', lists].join('\n'), {
          before: mine,
          env: { ...QUIET, DIRENV_LOG_FORMAT: '' },
        });
        expect(run.exitCode, run.stderr).toBe(0);
        const seen = run.stdout.split('list:').slice(1).map((l) => l.split('|')[0]);
        const ours = isBash(shell) ? ['_cb_hook "$_"\n_direnv_hook;echo "mine:$?"'] : ['_cb_hook _direnv_hook mine', '_cb_hook _direnv_hook mine'];
        expect(seen.slice(0, ours.length)).toEqual(isBash(shell) ? ['_direnv_hook;_cb_hook "$_"\necho "mine:$?"'] : ['_direnv_hook _cb_hook mine', '_direnv_hook _cb_hook mine']);
        expect(seen.slice(-ours.length)).toEqual(ours);
        // (zsh hands each precmd function the command's $? itself; the test's prompt() cannot.)
        expect(run.stdout.match(/mine:\d+/g)).toEqual(isBash(shell) ? ['mine:0', 'mine:1', 'mine:0'] : ['mine:0', 'mine:0', 'mine:0']);
      });
    }

    // Found (bash only): "when you leave, direnv restores what it changed" and a marker
    // "switches the shell when you cd into that directory". cd from a `use claude` directory
    // straight into a marked one: at the first prompt there our hook still sees direnv's
    // CLAUDE_HOOKS_DIRENV (direnv unloads after it), so nothing switches; the prompt shows, and
    // `claude` started now uses, the user's own backend. The switch comes one prompt late. zsh
    // (chpwd, then precmd) and fish (a PWD handler, then fish_prompt) get it right.
    it(`${shell}: cd from a direnv directory into a marked one switches at the first prompt`, async () => {
      const sb = await direnvSandbox(WORK);
      const p = await allowed(sb, 'p', 'use claude vertex\n');
      const aws = join(sb.home, 'aws');
      mkdirSync(aws);
      writeFileSync(join(aws, '.claude-backend'), 'bedrock\n');
      const run = await runWithInit(sb, shell, ['prompt', cd(shell, p), 'prompt', 'dump p', cd(shell, aws), 'prompt', 'dump aws'].join('\n'), {
        before: direnvHook(shell),
        env: { ...QUIET, ANTHROPIC_API_KEY: KEY, DIRENV_LOG_FORMAT: '' },
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.p!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.dumps.aws!.get('CLAUDE_HOOKS_PROFILE')).toBe('bedrock');
      expect(run.dumps.aws!.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
      expect(run.dumps.aws!.has('ANTHROPIC_API_KEY')).toBe(false);
    });
  }
});

// ---- the start-up line of `setup --cache` and XDG_CACHE_HOME ------------------------------------
//
// Found, fixed in src/commands/setup.ts: the line `setup --cache` writes took XDG_CACHE_HOME as
// it came, where `init --cache` takes it only when absolute (the XDG spec: a relative one is to
// be ignored). With a relative one (XDG_CACHE_HOME=.cache), a new terminal sourced
// ./.cache/claude-hooks/init.bash from the directory it opened in: a cloned repository's file,
// run as shell code at start-up (docs/security.md: "a file in it runs code at cd" is the first
// threat). fish with XDG_CACHE_HOME set and empty looked for /claude-hooks/init.fish, and so
// started node at every shell. Now every shell reads $HOME/.cache unless the variable is absolute.
const rcOf = (sb: Sandbox, shell: TestShell) =>
  isBash(shell) ? join(sb.home, '.bashrc') : shell === 'zsh' ? join(sb.home, '.zshrc') : join(sb.xdg, 'fish', 'conf.d', 'claude-hooks.fish');

/** A new interactive-like shell that reads setup's start-up file in `cwd` and runs `then`. */
async function startShell(sb: Sandbox, shell: TestShell, cwd: string, env: Record<string, string>, then: string) {
  const bin = shellBinary(shell)!;
  const rc = rcOf(sb, shell);
  const args = shell === 'fish' ? ['--no-config', '-i', '-c', `source '${rc}'; ${then}`] : shell === 'zsh' ? ['-f', '-c', `source '${rc}'; ${then}`] : ['--norc', '-c', `. '${rc}'; ${then}`];
  return execa(bin, args, { env: sb.env(env), extendEnv: false, reject: false, cwd, timeout: 30_000 });
}

describe('setup --cache: only an absolute XDG_CACHE_HOME counts', () => {
  for (const shell of SHELLS) {
    it(`${shell}: a relative XDG_CACHE_HOME never sources a file of the directory the terminal opens in`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(WORK);
      mkdirSync(join(rcOf(sb, shell), '..'), { recursive: true });
      const setup = await cli(sb, ['setup', initShell(shell), '--cache'], { SHELL: `/bin/${initShell(shell)}` });
      expect(setup.exitCode, setup.stderr).toBe(0);
      // The cache as init --cache writes it: under $HOME/.cache. A line appended to it shows
      // when a start reads it (the stamps, not the text, say whether it is fresh).
      const first = await startShell(sb, shell, sb.home, {}, 'true');
      expect(first.exitCode, first.stderr).toBe(0);
      const cache = join(sb.home, '.cache', 'claude-hooks', `init.${initShell(shell)}`);
      writeFileSync(cache, readFileSync(cache, 'utf8') + '\necho from-the-home-cache\n');
      // A repository that ships what a relative XDG_CACHE_HOME would name.
      const repo = join(sb.root, 'repo');
      const pwned = join(sb.root, 'pwned');
      for (const rel of ['.cache', 'cache']) {
        mkdirSync(join(repo, rel, 'claude-hooks'), { recursive: true });
        writeFileSync(join(repo, rel, 'claude-hooks', `init.${initShell(shell)}`), `echo hostile > '${pwned}'\n`);
      }
      const then = 'cb-use work 2>/dev/null; echo "region=$AWS_REGION"';
      const cases: Record<string, string>[] = [{ XDG_CACHE_HOME: '.cache' }, { XDG_CACHE_HOME: 'cache' }, { XDG_CACHE_HOME: '' }, {}];
      for (const env of cases) {
        const r = await startShell(sb, shell, repo, env, then);
        expect(r.exitCode, `${JSON.stringify(env)}: ${r.stderr}`).toBe(0);
        expect(() => statSync(pwned), JSON.stringify(env)).toThrow();
        expect(r.stdout.split('\n'), JSON.stringify(env)).toEqual(['from-the-home-cache', 'region=eu-central-1']);
      }
    });
  }
});

// ---- direnv's library and a config edit that changes no profile ----------------------------------
//
// Found, fixed in src/commands/direnv.ts: docs/direnv.md, "If your config is newer than the
// library, `use claude` prints your profiles afresh for that load (one node start) and says so;
// `claude-hooks init direnv --write` makes loads fast again." After an edit that changes no
// profile (a comment), `init direnv --write` found the library's text the same, said "is up to
// date" and left it older than the config: every load went on starting node and asking for the
// command that had just said there was nothing to do.
describe.skipIf(!direnvOk)('init direnv --write after a config edit that changes no profile', () => {
  it('makes loads fast again: the library is used as it is, with no line asking for the command', async () => {
    const sb = await direnvSandbox(WORK);
    const dir = await allowed(sb, 'p', 'use claude work\n');
    const config = join(sb.xdg, 'claude-hooks', 'config.toml');
    const lib = join(sb.xdg, 'direnv', 'lib', 'claude-hooks.sh');
    // The edit: a comment, dated after the library (a second on, for file systems in seconds).
    writeFileSync(config, `${WORK}# the EU account\n`);
    const later = new Date(statSync(lib).mtimeMs + 2000);
    utimesSync(config, later, later);
    const load = () => execa('direnv', ['exec', dir, 'env', '-0'], { env: sb.env({ DIRENV_LOG_FORMAT: 'direnv: %s' }), extendEnv: false, reject: false, encoding: 'buffer', cwd: sb.home });
    expect(Buffer.from((await load()).stderr).toString()).toContain('your config changed since');
    const again = await cli(sb, ['init', 'direnv', '--write']);
    expect(again.exitCode, again.stderr).toBe(0);
    const r = await load();
    expect(Buffer.from(r.stderr).toString()).not.toContain('your config changed since');
    expect(parseEnv0(Buffer.from(r.stdout)).get('AWS_REGION')).toBe('eu-central-1');
    // And the next run has nothing to do.
    const third = await cli(sb, ['init', 'direnv', '--write']);
    expect(third.stdout).toContain('is up to date');
  });
});

// ---- direnv's library and a config that changed but is not newer -------------------------------
//
// Found (shells/direnv.sh): `use claude` renders the profiles afresh only when the config is
// newer (-nt) than the library. A config restored from a backup with its old date (cp -p, rsync
// -a, a dotfiles tool that keeps times) or removed leaves the library's profiles in force: `use
// claude work` applies the profile as it was, while `cb-use work` in a new shell applies the one
// in the file (or says it is unknown). docs/direnv.md: "`use claude` does exactly what `cb-use`
// does in a shell" and "If your config is newer than the library, `use claude` prints your
// profiles afresh"; the cached init (src/init.ts, cacheStamps) already refuses "newer than" for
// this very reason ("`cp -p` of an older config, `rm` of it ... would go unseen").
describe.skipIf(!direnvOk)('direnv: a config replaced by an older file, or removed', () => {
  it('use claude applies the profile the config holds now, as cb-use does', async () => {
    const sb = await direnvSandbox(WORK);
    const dir = await allowed(sb, 'p', 'use claude work\n');
    const config = join(sb.xdg, 'claude-hooks', 'config.toml');
    // A backup of the config, older than the library, restored with its date.
    writeFileSync(config, WORK.replace('eu-central-1', 'us-east-2'));
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(config, old, old);
    const load = async () => {
      const r = await execa('direnv', ['exec', dir, 'env', '-0'], { env: sb.env({ DIRENV_LOG_FORMAT: 'direnv: %s' }), extendEnv: false, reject: false, encoding: 'buffer', cwd: sb.home });
      return { env: parseEnv0(Buffer.from(r.stdout)), stderr: Buffer.from(r.stderr).toString() };
    };
    expect((await load()).env.get('AWS_REGION')).toBe('us-east-2');
    // Removed: work is no profile any more.
    rmSync(config);
    const gone = await load();
    expect(gone.env.has('CLAUDE_CODE_USE_BEDROCK')).toBe(false);
    expect(gone.stderr).toContain("unknown profile 'work'");
  });
});

// ---- a shell started from a switched shell ------------------------------------------------------
//
// Found: getting-started.md has `exec bash` as the way to load the integration after setup, and
// people start shells from shells (exec bash, bash, tmux, nix-shell, poetry shell). In a
// directory with a marker, the parent has switched (Bedrock: ANTHROPIC_API_KEY removed). The new
// shell takes the switched environment for the user's own, so leaving the directory "goes back"
// to Bedrock and says `claude-hooks: off: your own variables are back`, with
// CLAUDE_CODE_USE_BEDROCK=1 still exported, the key gone and CLAUDE_HOOKS_PROFILE=bedrock. README:
// "leaving switches back"; cb-off "every variable exactly as you had it". The new shell cannot
// know the parent's baseline unless it is handed down; at the least it must not claim the
// user's variables are back while the marker's backend is still on. (The test asks for that
// much: a restore, or no such claim.)
describe('a shell started from a switched shell, in a marked directory', () => {
  for (const shell of SHELLS) {
    it(`${shell}: leaving the directory does not leave the marker's backend on while saying your variables are back`, async () => {
      const sb = makeSandbox();
      const aws = join(sb.home, 'aws');
      mkdirSync(aws);
      writeFileSync(join(aws, '.claude-backend'), 'bedrock\n');
      const bin = shellBinary(shell)!;
      const init = `${posixQuote(process.execPath)} ${posixQuote(CLI)} init ${initShell(shell)}`;
      const dump = join(sb.root, 'child-env');
      const child = join(sb.root, `child.${shell}`);
      const childText =
        shell === 'fish'
          ? [`${init} | source`, 'function prompt; emit fish_prompt; end', 'prompt', 'cd ~', 'prompt', `env -0 > ${fishQuote(dump)}`]
          : shell === 'zsh'
            ? [`source <(${init})`, 'prompt() { local f; for f in "${precmd_functions[@]}"; do "$f"; done; }', 'prompt', 'cd ~; for f in "${chpwd_functions[@]}"; do "$f"; done', 'prompt', `env -0 > ${posixQuote(dump)}`]
            : [`eval "$(${init})"`, 'prompt() { eval "$PROMPT_COMMAND"; }', 'prompt', 'cd ~', 'prompt', `env -0 > ${posixQuote(dump)}`];
      writeFileSync(child, childText.join('\n') + '\n');
      const args = shell === 'fish' ? '--no-config' : shell === 'zsh' ? '-f' : '--norc --noprofile';
      const run = await runWithInit(sb, shell, [cd(shell, aws), 'prompt', `exec ${quote(shell, bin)} ${args} ${quote(shell, child)}`].join('\n'), {
        env: { ...QUIET, ANTHROPIC_API_KEY: KEY },
      });
      expect(run.exitCode, run.stderr).toBe(0);
      const env = parseEnv0(readFileSync(dump));
      const claims = run.stderr.includes('your own variables are back');
      const restored = env.get('ANTHROPIC_API_KEY') === KEY && !env.has('CLAUDE_CODE_USE_BEDROCK');
      expect({ claims, restored, bedrock: env.get('CLAUDE_CODE_USE_BEDROCK') }).not.toMatchObject({ claims: true, restored: false });
    });
  }
});

// The same, by hand: in a shell started from one where cb-bedrock ran, cb-status says "profile
// bedrock (set by a parent shell)" and the prompt shows bedrock; cb-off answers "already off: no
// profile was active" and changes nothing: CLAUDE_CODE_USE_BEDROCK=1 and CLAUDE_HOOKS_PROFILE stay,
// the prompt keeps saying bedrock. README: `cb-off` "put[s] every variable back as it was before
// the first switch". It should restore, or say that it cannot (the switch was the parent's).
describe('cb-off in a shell started from a switched shell', () => {
  for (const shell of SHELLS) {
    it(`${shell}: does not answer "already off" while the parent's switch is on`, async () => {
      const sb = makeSandbox();
      const bin = shellBinary(shell)!;
      const init = `${posixQuote(process.execPath)} ${posixQuote(CLI)} init ${initShell(shell)}`;
      const dump = join(sb.root, 'child-env');
      const child = join(sb.root, `child.${shell}`);
      const load = shell === 'fish' ? `${init} | source` : shell === 'zsh' ? `source <(${init})` : `eval "$(${init})"`;
      writeFileSync(child, [load, 'cb-status', 'cb-off', `env -0 > ${quote(shell, dump)}`].join('\n') + '\n');
      const args = shell === 'fish' ? '--no-config' : shell === 'zsh' ? '-f' : '--norc --noprofile';
      const run = await runWithInit(sb, shell, ['cb-bedrock', `exec ${quote(shell, bin)} ${args} ${quote(shell, child)}`].join('\n'), { env: { ...QUIET, ANTHROPIC_API_KEY: KEY } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain('(set by a parent shell)');
      const env = parseEnv0(readFileSync(dump));
      const stillOn = env.get('CLAUDE_CODE_USE_BEDROCK') === '1';
      expect({ stillOn, saysAlreadyOff: run.stderr.includes('already off') }).not.toEqual({ stillOn: true, saysAlreadyOff: true });
    });
  }
});

// ---- cb-reload while direnv governs -------------------------------------------------------------
//
// Found: docs/profiles.md, `cb-reload` "load[s] your edits into an open shell"; the code says of
// a reload inside a `use claude` directory, "the variables are direnv's until you leave; the new
// profile data applies then". It does not: cb-use work, cd into a `use claude` directory, edit
// work's region, cb-reload, leave: direnv puts back what it changed, the old region of work,
// and the hook, seeing the manual choice it had before, keeps it. Claude Code goes on using the
// region the user edited away until the next switch.
describe.skipIf(!direnvOk)('cb-reload inside a direnv directory', () => {
  for (const shell of SHELLS) {
    it(`${shell}: the edited profile applies once you leave`, async () => {
      const sb = await direnvSandbox(WORK);
      const config = join(sb.xdg, 'claude-hooks', 'config.toml');
      const p = await allowed(sb, 'p', 'use claude vertex\n');
      const edited = WORK.replace('eu-central-1', 'ap-south-1');
      const write = shell === 'fish' ? `printf '%s' ${fishQuote(edited)} > ${fishQuote(config)}` : `printf '%s' ${posixQuote(edited)} > ${posixQuote(config)}`;
      const script = ['cb-use work', 'prompt', cd(shell, p), 'prompt', 'dump in', write, 'cb-reload', cd(shell, sb.home), 'prompt', 'prompt', 'dump out'].join('\n');
      const run = await runWithInit(sb, shell, script, { before: direnvHook(shell), env: { ...QUIET, ANTHROPIC_API_KEY: KEY, DIRENV_LOG_FORMAT: '' } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.in!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.dumps.out!.get('CLAUDE_HOOKS_PROFILE')).toBe('work');
      expect(run.dumps.out!.get('AWS_REGION')).toBe('ap-south-1');
    });
  }
});

// ---- CLAUDE_HOOKS_DIRENV handed down to a shell direnv does not run in ---------------------------
//
// Found: `direnv exec DIR bash` (direnv's way to run a program in a directory's environment), or
// any program started in a `use claude` directory that opens a shell, hands CLAUDE_HOOKS_DIRENV
// down. In a shell without direnv's hook nothing ever unsets it: wherever that shell goes, the
// hooks take direnv to govern, markers never switch, and every cb-* refuses with "direnv sets
// the backend here ... or leave the directory" in directories that are not it. docs/direnv.md:
// the commands refuse "while direnv governs"; README: "While direnv governs a directory, the
// shell hooks leave it alone" (a directory, not the shell).
// (Treating the variable as governing only at or below the directory it names would also fix
// the bash case above, where the first prompt after leaving still sees direnv's variable.)
describe.skipIf(!direnvOk)('a shell started by `direnv exec` outside the directory', () => {
  for (const shell of SHELLS) {
    it(`${shell}: markers switch and cb-* work outside the .envrc's directory`, async () => {
      const sb = await direnvSandbox(WORK);
      const p = await allowed(sb, 'p', 'use claude vertex\n');
      const aws = join(sb.home, 'aws');
      mkdirSync(aws);
      writeFileSync(join(aws, '.claude-backend'), 'bedrock\n');
      const init = await cli(sb, ['init', initShell(shell)]);
      const bin = shellBinary(shell)!;
      const prelude =
        shell === 'fish'
          ? 'function prompt; emit fish_prompt; end'
          : shell === 'zsh'
            ? 'prompt() { local f; for f in "${precmd_functions[@]}"; do "$f"; done; }'
            : 'prompt() { eval "$PROMPT_COMMAND"; }';
      const script = join(sb.root, `script.${shell}`);
      writeFileSync(script, [init.stdout, prelude, cd(shell, aws), 'prompt', show(shell, 'aws', 'CLAUDE_HOOKS_PROFILE'), cd(shell, sb.home), 'prompt', 'cb-foundry', status(shell, 'foundry'), show(shell, 'home', 'CLAUDE_HOOKS_PROFILE')].join('\n') + '\n');
      const args = shell === 'fish' ? ['--no-config', script] : shell === 'zsh' ? ['-f', script] : ['--norc', '--noprofile', script];
      const r = await execa('direnv', ['exec', p, bin, ...args], { env: sb.env({ ...QUIET, ANTHROPIC_API_KEY: KEY, DIRENV_LOG_FORMAT: '', CLAUDE_HOOKS_QUIET: '1' }), extendEnv: false, reject: false, cwd: sb.home });
      expect(r.stdout).toContain('aws: CLAUDE_HOOKS_PROFILE=bedrock');
      expect(r.stdout).toContain('foundry=0');
      expect(r.stdout).toContain('home: CLAUDE_HOOKS_PROFILE=foundry');
    });
  }
});

// ---- property: sessions across direnv directories, markers and manual switches -----------------
//
// test/differential.property.test.ts has no direnv in its world. Here a random session of cd's
// (into `use claude` directories, a marker inside one, marked and plain ones), manual switches,
// cb-off, cb-reload and hand edits runs in every shell with direnv hooked, and after every step
// (and its prompt) the variables Claude Code reads must agree across shells; inside a `use
// claude` directory the profile is the .envrc's; and a session that made no hand edit ends, after
// `cd ~` and cb-off, with the environment it started with. direnv is hooked after the init here
// (direnv's hook then runs first): the other order is the subject of the it.fails above.
// CLAUDE_HOOKS_ATTACK3_RUNS (default 6) sessions, CLAUDE_HOOKS_ATTACK3_SEED to replay one.
const RUNS = Number(process.env.CLAUDE_HOOKS_ATTACK3_RUNS ?? 6);
const SEED = Number(process.env.CLAUDE_HOOKS_ATTACK3_SEED ?? Date.now() % 2 ** 31);

type Step = { kind: 'cd'; dir: string } | { kind: 'use'; profile: string } | { kind: 'off' } | { kind: 'reload' } | { kind: 'edit'; name: string; value: string | null };
const ENVRCS: Record<string, string> = { d: 'vertex', e: 'anthropic', 'e/up': 'work' };
// No marker inside a `use claude` tree: fish's switch by marker there is the it.fails above.
const SESSION_MARKERS: Record<string, string> = { a: 'bedrock', 'plain/m': 'foundry' };
const SESSION_DIRS = ['', 'a', 'a/b', 'd', 'd/x', 'e', 'e/up', 'plain', 'plain/m'];
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('cd' as const), dir: fc.constantFrom(...SESSION_DIRS) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('use' as const), profile: fc.constantFrom('anthropic', 'bedrock', 'vertex', 'work') }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'off' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'reload' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), name: fc.constantFrom('AWS_REGION', 'ANTHROPIC_API_KEY', 'ANTHROPIC_MODEL'), value: fc.constantFrom('ap-east-1', 'x y', null) }), weight: 1 },
);

function stepLine(shell: TestShell, s: Step, home: string): string {
  switch (s.kind) {
    case 'cd':
      // Into a `use claude` tree by way of home: straight from a marked or mapped directory, the
      // hooks' order decides what direnv starts from (the it.fails above).
      return Object.keys(ENVRCS).some((d) => s.dir === d || s.dir.startsWith(`${d}/`)) ? `${cd(shell, home)}\nprompt\n${cd(shell, join(home, s.dir))}` : cd(shell, join(home, s.dir));
    case 'use':
      return `cb-use ${s.profile}`;
    case 'off':
      return 'cb-off';
    case 'reload':
      return 'cb-reload';
    case 'edit':
      if (shell === 'fish') return s.value === null ? `set -e ${s.name}` : `set -gx ${s.name} ${fishQuote(s.value)}`;
      return s.value === null ? `unset ${s.name}` : `export ${s.name}=${posixQuote(s.value)}`;
  }
}

/** What a dump says about the variables Claude Code reads, and the active profile. */
const claudeVars = (env: Map<string, string>) => Object.fromEntries(Object.entries(withoutNoise(env)).filter(([k]) => /^(ANTHROPIC_|AWS_|CLAUDE_CODE_|CLOUD_ML_REGION$|CLAUDE_HOOKS_PROFILE$)/.test(k)));

describe.skipIf(!direnvOk)(`property: sessions through direnv directories agree and end where they began (seed ${SEED})`, () => {
  it('holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const sb = await direnvSandbox(`${WORK}\n[directories]\n"~/a/b" = "vertex"\n`);
        for (const dir of SESSION_DIRS) mkdirSync(join(sb.home, dir), { recursive: true });
        for (const [dir, profile] of Object.entries(ENVRCS)) await allowed(sb, dir, `${dir === 'e/up' ? 'source_up\n' : ''}use claude ${profile}\n`);
        for (const [dir, profile] of Object.entries(SESSION_MARKERS)) writeFileSync(join(sb.home, dir, '.claude-backend'), `${profile}\n`);
        const runs = await Promise.all(
          SHELLS.map(async (shell) => {
            const lines = [direnvHook(shell), 'prompt', 'dump start'];
            steps.forEach((s, i) => lines.push(stepLine(shell, s, sb.home), 'prompt', `dump s${i}`));
            lines.push(cd(shell, sb.home), 'prompt', 'cb-off', 'prompt', 'dump end');
            const run = await runWithInit(sb, shell, lines.join('\n'), { env: { ...QUIET, ANTHROPIC_API_KEY: KEY, AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', DIRENV_LOG_FORMAT: '', CLAUDE_HOOKS_QUIET: '1' } });
            expect(run.exitCode, `${shell}: ${run.stderr}`).toBe(0);
            return [shell, run] as const;
          }),
        );
        const [first, firstRun] = runs[0]!;
        const at = (i: number) => (i < 0 ? 'start' : `s${i}`);
        for (let i = -1; i < steps.length; i++) {
          const where = `after ${steps.slice(0, i + 1).map((s) => JSON.stringify(s)).join(', ')}`;
          for (const [shell, run] of runs.slice(1)) expect(claudeVars(run.dumps[at(i)]!), `${shell} vs ${first} ${where}`).toEqual(claudeVars(firstRun.dumps[at(i)]!));
        }
        // Inside a `use claude` directory, after its prompt: the .envrc's profile.
        let dir = '';
        steps.forEach((s, i) => {
          if (s.kind === 'cd') dir = s.dir;
          const envrc = Object.keys(ENVRCS).filter((d) => dir === d || dir.startsWith(`${d}/`)).sort((x, y) => y.length - x.length)[0];
          if (envrc) expect(firstRun.dumps[at(i)]!.get('CLAUDE_HOOKS_PROFILE'), `in ${dir} after step ${i}`).toBe(ENVRCS[envrc]);
        });
        if (!steps.some((s) => s.kind === 'edit')) {
          for (const [shell, run] of runs) expect(claudeVars(run.dumps.end!), `${shell}: the end, after cd ~ and cb-off`).toEqual(claudeVars(run.dumps.start!));
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});

// ---- the cached init and which config it is for ------------------------------------------------
//
// Found: docs/profiles.md reads the config from "`~/.config/claude-hooks/config.toml`, or
// `$XDG_CONFIG_HOME/claude-hooks/config.toml`, or the file `$CLAUDE_HOOKS_CONFIG` names"; README,
// `setup --cache` loads "a cached copy ... with no Node start unless your config changed". The
// cached copy compares the stamps with the config it was made from, a path written into it, and
// never asks which config this shell names: a terminal started with CLAUDE_HOOKS_CONFIG (or
// another XDG_CONFIG_HOME) loads the profiles of the other file, while `claude-hooks profiles`
// in the same terminal shows its own.
describe('setup --cache: a shell that names another config', () => {
  for (const shell of SHELLS) {
    it(`${shell}: loads the profiles of the config it names`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(WORK);
      mkdirSync(join(rcOf(sb, shell), '..'), { recursive: true });
      const setup = await cli(sb, ['setup', initShell(shell), '--cache'], { SHELL: `/bin/${initShell(shell)}` });
      expect(setup.exitCode, setup.stderr).toBe(0);
      const other = join(sb.root, 'other.toml');
      writeFileSync(other, WORK.replace('eu-central-1', 'us-east-2'));
      const then = 'cb-use work 2>/dev/null; echo "region=$AWS_REGION"';
      // The first terminal names the other config: the copy is written for it.
      expect((await startShell(sb, shell, sb.home, { CLAUDE_HOOKS_CONFIG: other }, then)).stdout).toBe('region=us-east-2');
      expect((await startShell(sb, shell, sb.home, {}, then)).stdout).toBe('region=eu-central-1'); // makes it its own
      expect((await startShell(sb, shell, sb.home, {}, then)).stdout).toBe('region=eu-central-1'); // reads it
      const r = await startShell(sb, shell, sb.home, { CLAUDE_HOOKS_CONFIG: other }, then);
      expect(r.stdout).toBe('region=us-east-2');
      // The copy is the other config's again; the next usual terminal makes it its own, and the
      // one after reads it (a line appended to the cache shows it was read, not rewritten): no
      // terminal is left uncached for good by the one that wrote the copy first.
      expect((await startShell(sb, shell, sb.home, {}, then)).stdout).toBe('region=eu-central-1');
      const cache = join(sb.home, '.cache', 'claude-hooks', `init.${initShell(shell)}`);
      writeFileSync(cache, readFileSync(cache, 'utf8') + '\necho read-from-the-cache\n');
      expect((await startShell(sb, shell, sb.home, {}, then)).stdout).toBe('read-from-the-cache\nregion=eu-central-1');
    });
  }
});

// ---- the cached init in a directory that is not the user's alone -------------------------------
//
// Found, fixed in src/init.ts and src/commands/setup.ts: docs/security.md, "Files claude-hooks
// creates are 0600: the init cache ...", against "a shared machine". The file was, but a new
// shell sources whatever file is at that path, and the directory was made with the umask (0777
// under umask 0) or was whoever's got there first (an XDG_CACHE_HOME on shared storage): another
// user could put their own init.bash there, and every new shell of the victim ran it. Now the
// start-up line runs only a file the user owns (-O), init --cache makes the directory 0700 (or
// makes one of the user's private), and refuses one another user owns: one line, no cache.
const asRoot = process.getuid?.() === 0;
describe.skipIf(!asRoot)('setup --cache: a cache directory of another user, or anyone\'s', () => {
  for (const shell of SHELLS) {
    it(`${shell}: runs no file of another user's and loads without the cache, in one line`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(WORK);
      mkdirSync(join(rcOf(sb, shell), '..'), { recursive: true });
      expect((await cli(sb, ['setup', initShell(shell), '--cache'], { SHELL: `/bin/${initShell(shell)}` })).exitCode).toBe(0);
      // Shared storage: the other user (nobody) made the cache directory first, with a file in it.
      const shared = join(sb.root, 'shared');
      mkdirSync(join(shared, 'claude-hooks'), { recursive: true, mode: 0o777 });
      execFileSync('chmod', ['777', shared, join(shared, 'claude-hooks')]);
      const pwned = join(sb.root, 'pwned');
      writeFileSync(join(shared, 'claude-hooks', `init.${initShell(shell)}`), `echo hostile > '${pwned}'\n`);
      execFileSync('chown', ['-R', 'nobody', join(shared, 'claude-hooks')]);
      const then = 'cb-use work 2>/dev/null; echo "region=$AWS_REGION"';
      const r = await startShell(sb, shell, sb.home, { XDG_CACHE_HOME: shared }, then);
      expect(() => statSync(pwned)).toThrow();
      expect(r.stdout).toBe('region=eu-central-1');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^claude-hooks: cannot write the cache .*shared\/claude-hooks\/init\.\w+ \(owned by another user\); loading without it$/)]);
    });

    it(`${shell}: under umask 0 the cache directory is the user's alone`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(WORK);
      mkdirSync(join(rcOf(sb, shell), '..'), { recursive: true });
      expect((await cli(sb, ['setup', initShell(shell), '--cache'], { SHELL: `/bin/${initShell(shell)}` })).exitCode).toBe(0);
      const bin = shellBinary(shell)!;
      const rc = rcOf(sb, shell);
      const args = shell === 'fish' ? ['--no-config', '-i', '-c', `source '${rc}'`] : shell === 'zsh' ? ['-f', '-c', `source '${rc}'`] : ['--norc', '-c', `. '${rc}'`];
      const r = await execa('sh', ['-c', 'umask 0 && exec "$@"', 'sh', bin, ...args], { env: sb.env(), extendEnv: false, reject: false, cwd: sb.home });
      expect(r.exitCode, r.stderr).toBe(0);
      const dir = join(sb.home, '.cache', 'claude-hooks');
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(sb.home, '.cache')).mode & 0o777).toBe(0o700); // made by init too
      expect(statSync(join(dir, `init.${initShell(shell)}`)).mode & 0o777).toBe(0o600);
    });
  }
});

// ---- bash: what the last command left, for the prompt commands after ours -----------------------
//
// Found: README, "The hook goes in front of your PROMPT_COMMAND ... It hands `$?` on to your
// prompt commands." Prompt frameworks read more than $? at the start of theirs: starship's
// starship_precmd takes `STARSHIP_PIPE_STATUS=(${PIPESTATUS[@]})` for its pipestatus module, and
// bash-preexec-style code reads `$_`. Behind our hook they get the hook's: after
// `(exit 3) | (exit 4)` a prompt command of the user's sees PIPESTATUS `4`, not `3 4`, and `$_`
// is `_cb_hook`. (bash itself keeps both for PS1 and the next line; zsh keeps them for every
// precmd function.) Real interactive bash here, not the helper's eval of PROMPT_COMMAND.
// Fixed for $_ (the hook is called with "$_" as its argument). PIPESTATUS cannot be: no builtin
// sets it, and a pipeline would start processes at every prompt. docs/how-it-works.md says so,
// and that a prompt command reading it must run before ours; the test holds the hook to that:
// a prompt command in front of ours sees the pipeline's statuses.
describe('bash: PIPESTATUS and $_ for the prompt commands behind the hook', () => {
  for (const shell of SHELLS.filter(isBash)) {
    it(`${shell}: a prompt command of the user's sees the status and last argument, and in front, the pipeline's statuses`, async () => {
      const sb = makeSandbox();
      const rc = join(sb.root, 'rc');
      const user = `PROMPT_COMMAND='printf "pc: status=%s pipe=%s last=%s\\\\n" "$?" "\${PIPESTATUS[*]}" "$_"'`;
      const init = (await cli(sb, ['init', 'bash'])).stdout;
      writeFileSync(join(sb.root, 'init.bash'), init);
      writeFileSync(rc, `${user}\n. '${join(sb.root, 'init.bash')}'\n`);
      const input = '(exit 3) | (exit 4)\nls / >/dev/null\n';
      const r = await execa(shellBinary(shell)!, ['--rcfile', rc, '-i'], { env: sb.env(), extendEnv: false, reject: false, input, cwd: sb.home, timeout: 30_000 });
      const lines = r.stdout.split('\n').filter((l) => l.startsWith('pc: '));
      // A pipeline of subshells leaves $_ as it was: the last word of the rc file's `. init.bash`.
      expect(lines).toContain(`pc: status=4 pipe=4 last=${join(sb.root, 'init.bash')}`);
      expect(lines).toContain('pc: status=0 pipe=0 last=/');
      // In front of ours (added after the init): the pipeline's statuses too.
      writeFileSync(rc, `. '${join(sb.root, 'init.bash')}'\n${user}\nPROMPT_COMMAND+=$'\\n_cb_hook "$_"'\n`);
      const front = await execa(shellBinary(shell)!, ['--rcfile', rc, '-i'], { env: sb.env(), extendEnv: false, reject: false, input, cwd: sb.home, timeout: 30_000 });
      expect(front.stdout.split('\n')).toContain('pc: status=4 pipe=3 4 last=');
    });
  }
});

// ---- a directory whose name is longer than PATH_MAX ---------------------------------------------
//
// Found, fixed in src/here.ts: status, doctor and envrc --write in a directory whose path is
// longer than the system's limit (cd into it one level at a time: the shells keep $PWD, the
// hooks work) said "the current directory no longer exists (removed or moved since the shell
// entered it)": untrue, it is there. getcwd fails with ERANGE there, not ENOENT; the line now
// says what is wrong (brief: "one clear line ... what was expected").
// (fish's cd resolves the whole path, and stops at the limit: it never gets there.)
describe('a directory deeper than PATH_MAX', () => {
  for (const shell of SHELLS.filter((s) => s !== 'fish')) {
    it(`${shell}: the hook switches by the marker above, and the CLI says the name is too long, not gone`, async () => {
      const sb = makeSandbox();
      const top = join(sb.home, 'deep');
      mkdirSync(top);
      writeFileSync(join(top, '.claude-backend'), 'bedrock\n');
      const level = 'd'.repeat(250);
      const down = Array(20).fill(`mkdir ${level}; cd ${level}`).join('\n');
      const run1 = (args: string) => `${quote(shell, process.execPath)} ${quote(shell, CLI)} ${args}; ${status(shell, 'rc')}`;
      const script = [cd(shell, top), down, 'prompt', show(shell, 'deep', 'CLAUDE_HOOKS_PROFILE'), run1('status'), run1('doctor'), run1('envrc bedrock --write')].join('\n');
      const run = await runWithInit(sb, shell, script, { env: { ...QUIET, CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain('deep: CLAUDE_HOOKS_PROFILE=bedrock');
      expect(run.stdout.split('\n').filter((l) => l.startsWith('rc='))).toEqual(['rc=2', 'rc=2', 'rc=2']);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(3);
      for (const [i, command] of ['status', 'doctor', 'envrc'].entries()) {
        expect(lines[i]).toMatch(new RegExp(`^claude-hooks: ${command}: the current directory's name is longer than the system allows \\(\\d+ characters\\); cd to one with a shorter name, or name one with --dir`));
      }
    });
  }
});

// ---- init --cache in a cloned repository, with a relative entry in PATH --------------------------
//
// Found, fixed in src/init.ts: init --cache copies the config's and the CLI's times onto its
// stamps with `touch -r`, found through PATH and run from the current directory. A new terminal
// runs it (the first time, and after every config edit or upgrade) wherever it opens: in a
// cloned repository, a relative PATH entry (node_modules/.bin, bin) or an empty one (a PATH
// ending in ':', which means the current directory) found the repository's own `touch` and ran
// it. docs/security.md: "a hostile repository: a file in it runs code at cd" is the first threat;
// key commands already run from home for this reason. Now `touch` is looked up in PATH's absolute
// entries only, from /.
describe('setup --cache: a new terminal in a hostile repository, PATH with a relative entry', () => {
  for (const shell of SHELLS) {
    it(`${shell}: runs no program of the repository's`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(WORK);
      mkdirSync(join(rcOf(sb, shell), '..'), { recursive: true });
      expect((await cli(sb, ['setup', initShell(shell), '--cache'], { SHELL: `/bin/${initShell(shell)}` })).exitCode).toBe(0);
      const repo = join(sb.root, 'repo');
      const pwned = join(sb.root, 'pwned');
      const shim = `#!/bin/sh\necho "$0" >> '${pwned}'\nexec /usr/bin/env -i /usr/bin/touch "$@"\n`;
      for (const dir of [repo, join(repo, 'node_modules', '.bin'), join(repo, 'bin')]) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'touch'), shim, { mode: 0o755 });
      }
      const path = process.env.PATH ?? '/usr/bin:/bin';
      for (const PATH of [`node_modules/.bin:${path}`, `bin:${path}`, `${path}:`, `:${path}`]) {
        rmSync(join(sb.home, '.cache'), { recursive: true, force: true }); // no cache yet: init --cache runs
        const r = await startShell(sb, shell, repo, { PATH }, 'cb-use work 2>/dev/null; echo "region=$AWS_REGION"');
        expect(r.stdout, `${PATH}: ${r.stderr}`).toBe('region=eu-central-1');
        expect(() => readFileSync(pwned, 'utf8'), `PATH=${PATH}`).toThrow();
      }
    });
  }
});

// Found, fixed in src/commands/setup.ts: setup writes the plain word `claude-hooks` into the
// start-up line when it finds claude-hooks on PATH, and it counted relative entries: run from a
// checkout with node_modules/.bin on PATH (npx-style), it wrote `claude-hooks`, which every new
// terminal then looks up relative to wherever it opens (nothing, or a repository's own). Only
// PATH's absolute entries count now; otherwise the line names this CLI by its full path.
describe('setup: claude-hooks found only through a relative PATH entry', () => {
  it('writes the full path of the CLI, not the bare word', async () => {
    const sb = makeSandbox();
    const checkout = join(sb.root, 'checkout');
    mkdirSync(join(checkout, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(checkout, 'node_modules', '.bin', 'claude-hooks'), '#!/bin/sh\n', { mode: 0o755 });
    const r = await execa(process.execPath, [CLI, 'setup', 'bash', '--dry-run'], {
      env: sb.env({ SHELL: '/bin/bash', PATH: `node_modules/.bin:${process.env.PATH ?? '/usr/bin:/bin'}` }),
      extendEnv: false,
      reject: false,
      cwd: checkout,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`eval "$(${posixQuote(process.execPath)} ${posixQuote(CLI)} init bash)"`);
  });
});

// ---- bash: a readonly PROMPT_COMMAND ---------------------------------------------------------------
//
// Found: hardened systems make PROMPT_COMMAND readonly in /etc/profile.d (command auditing:
// `readonly PROMPT_COMMAND='history -a; logger ...'`). Loading the init then prints bash's raw
// "PROMPT_COMMAND: readonly variable", carries on without its hook (no marker ever switches, and
// nothing says why), and under `set -e` ends the start-up file there: with `set -e` in ~/.bashrc
// the terminal closes as it opens. docs/how-it-works.md: bash "works ... under set -euo pipefail";
// brief: start-up never breaks, and bad input gets one clear line. Expected: it loads, the cb-*
// commands work, and one line of ours says directories will not switch.
describe('bash: a readonly PROMPT_COMMAND', () => {
  for (const shell of SHELLS.filter(isBash)) {
    it(`${shell}: the init loads under set -e, with one line of ours, not bash's error`, async () => {
      const sb = makeSandbox();
      const run = await runWithInit(sb, shell, 'cb-bedrock\necho "reached: ${CLAUDE_CODE_USE_BEDROCK-unset}"', {
        before: "readonly PROMPT_COMMAND='history -a'\nset -e",
        env: { ...QUIET, CLAUDE_HOOKS_QUIET: '1' },
      });
      expect(run.stdout).toContain('reached: 1');
      expect(run.exitCode).toBe(0);
      expect(run.stderr).not.toContain('readonly variable');
      expect(run.stderr).toMatch(/^claude-hooks: .*PROMPT_COMMAND/m);
    });
  }
});

// ---- found by the review of round 3's fixes -----------------------------------------------------
//
// A name that is two profiles' names with a space: bash found "anthropic bedrock" in the joined
// list of profiles, called `_cb_about_anthropic bedrock` (two "command not found" lines), said it
// switched, returned 0 and exported CLAUDE_HOOKS_PROFILE='anthropic bedrock'. direnv's library
// printed bash's raw error before its own line. Each is one line, exit 2, nothing changed.
describe('a profile name with a space in it', () => {
  for (const shell of SHELLS) {
    it(`${shell}: cb-use refuses it in one line, and changes nothing`, async () => {
      const sb = makeSandbox();
      const run = await runWithInit(sb, shell, ["cb-use 'anthropic bedrock'", status(shell, 'use'), show(shell, 'after', 'CLAUDE_HOOKS_PROFILE')].join('\n'));
      expect(run.stdout).toContain('use=2');
      expect(run.stdout).toContain('after: CLAUDE_HOOKS_PROFILE unset');
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining("unknown profile 'anthropic bedrock'")]);
    });
  }
  it.skipIf(!direnvOk)("direnv: use claude 'anthropic bedrock' says one line of ours", async () => {
    const sb = await direnvSandbox(WORK);
    const dir = await allowed(sb, 'p', "use claude 'anthropic bedrock'\n");
    const r = await execa('direnv', ['exec', dir, 'true'], { env: sb.env({ DIRENV_LOG_FORMAT: 'direnv: %s' }), extendEnv: false, reject: false, cwd: sb.home });
    expect(r.stderr).toContain("unknown profile 'anthropic bedrock'");
    expect(r.stderr).not.toContain('command not found');
  });
});

// CLAUDE_HOOKS_DIRENV as a shell direnv does not run in inherits it: it governs at or below the
// directory it names, spelt with a / at its end, or /, and from a $PWD that bash keeps with a
// leading //. Every shell gives the same answer (cb-foundry refused inside, switching outside).
describe('CLAUDE_HOOKS_DIRENV without direnv in the shell, at the edges', () => {
  for (const shell of SHELLS) {
    it(`${shell}: governs exactly at and below the directory it names`, async () => {
      const sb = makeSandbox();
      const p = join(sb.home, 'p');
      mkdirSync(join(p, 'sub'), { recursive: true });
      const cases: Array<[string, string, boolean]> = [
        [p, join(p, 'sub'), true],
        [`${p}/`, join(p, 'sub'), true],
        [`${p}/`, sb.home, false],
        ['/', sb.home, true],
        [p, `/${join(p, 'sub')}`, true], // cd //home/.../p/sub
        [p, `${p}x`, false],
      ];
      mkdirSync(`${p}x`);
      const lines = cases.flatMap(([named, where], i) => [
        shell === 'fish' ? `set -gx CLAUDE_HOOKS_DIRENV ${fishQuote(named)}` : `export CLAUDE_HOOKS_DIRENV=${posixQuote(named)}`,
        `cd ${quote(shell, where)}`,
        'cb-foundry 2>/dev/null',
        status(shell, `case${i}`),
        'cb-off 2>/dev/null',
      ]);
      const run = await runWithInit(sb, shell, lines.join('\n'), { env: QUIET });
      const answers = cases.map((_, i) => run.stdout.includes(`case${i}=0`));
      expect(answers).toEqual(cases.map(([, , governs]) => !governs));
    });
  }
});
