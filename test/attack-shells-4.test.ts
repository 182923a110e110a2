// Attacks on the generated shell integration, round 4, from the docs alone: the user's shell
// state where rounds 2 and 3 did not look (a shell started in a removed directory, a managed
// variable that is a bash nameref). The switching contract against a model of it is in
// attack-shells-4.model.test.ts.
//
// Each `it.fails` is a fault found here that lives in the templates (shells/, src/render/),
// which this round may not change: its smallest reproduction, and above it what the docs promise
// and what the right behaviour is. Flip it to `it` with the fix.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLAUDE, available as oracleAvailable } from './helpers/oracle.js';
import { cli, makeSandbox, type Sandbox } from './helpers/sandbox.js';
import { initShell, runWithInit, shellBinary, shellsUnderTest, type TestShell } from './helpers/shells.js';

const SHELLS = shellsUnderTest();
const WORK = '[profiles.work]\nbackend = "bedrock"\nregion = "eu-west-1"\n';

// ---- a shell started in a directory that is gone ------------------------------------------------
//
// A new terminal tab, tmux pane or `exec $SHELL` opens in the directory the last one was in; a
// `git checkout`, `rm -rf build` or `make clean` may have removed it. getcwd fails, and each shell
// starts with what it can: zsh with PWD='.', fish with PWD='', bash with the PWD it inherited, or
// none when the environment has no PWD (a program that starts it without one). The prompt hook
// must return at once there ("The prompt never blocks", docs/security.md), keep quiet, and leave
// the cb-* commands working; `cd ~` must then bring the markers back.
//
// Found (zsh): the shell never gets to a prompt. The walk up the tree strips `/*` from $PWD until
// nothing is left; '.' has no slash, so `${_cb_d%/*}` never changes it, and the loop runs for ever,
// appending to _cb_cands (memory grows without end). Every prompt in that shell hangs again.
// Smallest reproduction:
//   mkdir /tmp/x && cd /tmp/x && rmdir /tmp/x && zsh -f -c 'source <(claude-hooks init zsh); _cb_hook'
// bash does the same for any PWD without a slash (`PWD=x; eval "$PROMPT_COMMAND"`), which bash
// itself never sets. Right: a $PWD that is not an absolute path governs nothing (no marker, no
// map entry): the walk stops, as it does at /.
//
// Found (bash 5 and 3.2, under `set -u`, which the README promises to survive): with no PWD at all
// the hook stops on "_cb_map_dir: unbound variable" (bash 3.2: "_cb_cands[@]: unbound
// variable"), at every prompt; a script with it ends there. Smallest reproduction:
//   mkdir /tmp/x && cd /tmp/x && rmdir /tmp/x && env -u PWD bash --norc -c 'set -u; eval "$(claude-hooks init bash)"; eval "$PROMPT_COMMAND"; echo alive'
// Right: the same as above: nothing governs, and nothing is said.
describe('a shell started in a directory that is gone', () => {
  const prompt = (shell: TestShell) => (shell === 'fish' ? 'emit fish_prompt' : shell === 'zsh' ? 'for f in $precmd_functions; do $f; done' : 'eval "$PROMPT_COMMAND"');
  const strict = (shell: TestShell) => (shell === 'fish' ? '' : shell === 'zsh' ? 'setopt nounset' : 'set -u');

  async function startInRemoved(sb: Sandbox, shell: TestShell, script: string, pwd: 'none' | 'stale') {
    const init = await cli(sb, ['init', initShell(shell)]);
    expect(init.exitCode, init.stderr).toBe(0);
    const initFile = join(sb.root, `init.${shell}`);
    writeFileSync(initFile, init.stdout);
    const scriptFile = join(sb.root, `script.${shell}`);
    writeFileSync(scriptFile, `${shell === 'fish' ? 'source' : '.'} '${initFile}'\n${script}\n`);
    const bin = shellBinary(shell)!;
    const args = shell === 'fish' ? ['--no-config', scriptFile] : shell === 'zsh' ? ['-f', scriptFile] : ['--norc', '--noprofile', scriptFile];
    const gone = join(sb.root, 'gone');
    // sh enters the directory, removes it, and starts the shell there.
    const pwdArgs = pwd === 'none' ? ['-u', 'PWD'] : [`PWD=${gone}`];
    return execa('sh', ['-c', 'mkdir "$1" && cd "$1" && rmdir "$1" && shift && exec env "$@"', 'sh', gone, ...pwdArgs, bin, ...args], {
      env: sb.env({ CLAUDE_HOOKS_QUIET: '1' }),
      extendEnv: false,
      reject: false,
      cwd: sb.root,
      timeout: 6_000, // a hang fails the test, not the run
    });
  }

  for (const shell of SHELLS) {
    for (const pwd of ['none', 'stale'] as const) {
      for (const options of ['default', 'nounset'] as const) {
        if (shell === 'fish' && options === 'nounset') continue;
        // zsh starts with PWD='.' whatever the environment holds: one of the two is enough.
        if (shell === 'zsh' && pwd === 'stale') continue;
        it(`${shell}: the prompt returns, says nothing, and switching works (PWD in the environment: ${pwd}, ${options} options)`, async () => {
          const sb = makeSandbox();
          sb.writeConfig(WORK);
          mkdirSync(join(sb.home, 'm'));
          writeFileSync(join(sb.home, 'm', '.claude-backend'), 'work\n');
          const script = [
            options === 'nounset' ? strict(shell) : '',
            prompt(shell),
            prompt(shell),
            'echo "first prompts done"',
            'cb-use anthropic',
            'echo "manual=$CLAUDE_HOOKS_PROFILE"',
            'cb-off',
            `cd ${join(sb.home, 'm')}`,
            prompt(shell),
            'echo "marker=$CLAUDE_HOOKS_PROFILE"',
          ].join('\n');
          const r = await startInRemoved(sb, shell, script, pwd);
          expect(r.timedOut, 'the shell hung').toBe(false);
          expect(r.exitCode, r.stderr).toBe(0);
          expect(r.stdout.split('\n')).toEqual(['first prompts done', 'manual=anthropic', 'marker=work']);
          // The shell's own words about getcwd are its own; none of ours, and no shell diagnostic.
          const ours = r.stderr.split('\n').filter((l) => l && !/getcwd|current working directory|locale set correctly/.test(l));
          expect(ours).toEqual([]);
        });
      }
    }
  }
});

// ---- a managed variable that is a bash nameref ----------------------------------------------------
//
// Found (bash 4.3+): `declare -n AWS_REGION=MY_REGION` (a nameref, as the user's own scripts may
// leave one) and a switch writes through it: `export AWS_REGION=eu-west-1` sets and exports
// MY_REGION instead. Claude Code then gets MY_REGION=eu-west-1 and no AWS_REGION at all (it falls
// back to us-east-1), while the switch said "work" and cb-status shows AWS_REGION=eu-west-1; and a
// variable outside the managed set was changed and exported ("nothing else is ever set or
// cleared", docs/how-it-works.md). The same class as integer, upper- and lower-case declarations
// (attack-shells-2, shellstates.test.ts), which the switch refuses; -n was left out.
// Smallest reproduction:
//   eval "$(claude-hooks init bash)"; MY_REGION=mine; declare -n AWS_REGION=MY_REGION
//   cb-use work; env | grep -E '^(AWS_REGION|MY_REGION)='     # MY_REGION=eu-west-1 only
// Right: refused as the other declarations are ("cannot switch to work: AWS_REGION: declared -n
// in this shell ...; nothing changed"), or the nameref set aside so AWS_REGION itself is what
// Claude Code gets; either way MY_REGION stays the user's, and cb-off gives both back as they were.
describe('a managed variable that is a bash nameref', () => {
  for (const shell of SHELLS.filter((s) => s === 'bash')) {
    it(`${shell}: the switch neither writes through it nor leaves Claude Code without the variable`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(WORK);
      const run = await runWithInit(
        sb,
        shell,
        [
          'MY_REGION=mine',
          'declare -n AWS_REGION=MY_REGION',
          'before=$(declare -p AWS_REGION MY_REGION)',
          'cb-use work',
          'dump work',
          'cb-off',
          'after=$(declare -p AWS_REGION MY_REGION)',
          '[ "$before" = "$after" ] && echo "declarations back" || printf "before: %s\\nafter: %s\\n" "$before" "$after"',
        ].join('\n'),
        { env: { CLAUDE_HOOKS_QUIET: '1' } },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      const env = run.dumps.work!;
      // Either refused whole, or done to AWS_REGION itself; never to MY_REGION.
      const refused = env.get('CLAUDE_HOOKS_PROFILE') === undefined && env.get('CLAUDE_CODE_USE_BEDROCK') === undefined;
      if (!refused) expect(env.get('AWS_REGION')).toBe('eu-west-1');
      expect(env.has('MY_REGION')).toBe(false);
      expect(run.stdout).toContain('declarations back');
    });
  }
});

// ---- the prompt under set -u, with the gateway selector on ---------------------------------------
//
// The README: the commands and the hook work "under set -euo pipefail"; `$cb_prompt` and
// cb_prompt_info give the profile and the region "with no subshell". Every state of the two
// variables a gateway needs (ANTHROPIC_BASE_URL, ANTHROPIC_AUTH_TOKEN: unset, empty, blank, not
// exported, set), with CLAUDE_CODE_USE_GATEWAY on by `cb-use gateway` or by hand, under the
// shell's nounset: the prompt hook and cb_prompt_info must return, quietly.
//
// Found (bash 4.4+; bash 3.2 and zsh are right): the segment asks whether each variable the gateway
// needs is exported with ${!1@a} (_cb_exported), which under `set -u` stops on an unset one: "!1:
// unbound variable" at every prompt, as soon as a gateway profile without a URL or token is on
// (the switch itself only warns). A script with it ends there. Smallest reproduction:
//   set -u; eval "$(claude-hooks init bash)"; cb-use gateway; eval "$PROMPT_COMMAND"; echo alive
// Right: an unset variable is not exported (so the gateway does not count), without an error:
// `${!1+x}` before `${!1@a}`, as _cb_state does.
describe('the prompt under set -u, with the gateway selector on', () => {
  const STATES = ['unset', 'empty', 'blank', 'local', 'set'] as const;
  type State = (typeof STATES)[number];
  const assign = (shell: TestShell, name: string, state: State): string => {
    const value = state === 'empty' ? "''" : state === 'blank' ? "' '" : `'v-${name.toLowerCase()}'`;
    if (shell === 'fish') return state === 'unset' ? `set -e ${name}` : state === 'local' ? `set -e ${name}; set -g ${name} ${value}` : `set -gx ${name} ${value}`;
    return state === 'unset' ? `unset ${name}` : state === 'local' ? `unset ${name}; ${name}=${value}` : `export ${name}=${value}`;
  };
  const prompt = (shell: TestShell) => (shell === 'fish' ? 'emit fish_prompt' : shell === 'zsh' ? 'for f in $precmd_functions; do $f; done' : 'eval "$PROMPT_COMMAND"');
  for (const shell of SHELLS) {
    it(`${shell}: the hook and cb_prompt_info return quietly in each of the ${STATES.length ** 2 * 2} states`, async () => {
      const sb = makeSandbox();
      const steps: string[] = [];
      let n = 0;
      for (const how of ['cb-use', 'by hand'] as const) {
        for (const url of STATES) {
          for (const token of STATES) {
            steps.push(
              how === 'cb-use' ? 'cb-use gateway 2>/dev/null' : shell === 'fish' ? 'set -gx CLAUDE_CODE_USE_GATEWAY 1' : 'export CLAUDE_CODE_USE_GATEWAY=1',
              assign(shell, 'ANTHROPIC_BASE_URL', url),
              assign(shell, 'ANTHROPIC_AUTH_TOKEN', token),
              prompt(shell),
              'cb_prompt_info >/dev/null',
              `echo "ok ${++n}"`,
            );
          }
        }
      }
      const strict = shell === 'fish' ? '' : shell === 'zsh' ? 'setopt nounset' : 'set -u';
      const run = await runWithInit(sb, shell, [strict, ...steps].join('\n'), { env: { CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n').at(-1)).toBe(`ok ${n}`);
      expect(run.exitCode).toBe(0);
    });
  }
});

// ---- the prompt with a long blank-padded value -----------------------------------------------------
//
// docs/how-it-works.md: the hook at every prompt is "shell builtins only" and cheap; security.md:
// "The prompt never blocks". Claude Code trims the selectors and the gateway's URL and token as
// JavaScript's trim() does (attack-today.test.ts), so the segment trims them too. A value of a few
// thousand blanks around its word (pasted, generated, or inherited from an environment you do not
// control) must cost the prompt no more than the value's length.
//
// Found (bash 5, bash 3.2, zsh; fish's `string trim` is right): _cb_trim takes one blank off either
// end per pass, each pass copying the value and matching it against every blank Claude Code
// trims, with a `*blank` suffix pattern that walks the whole value: the time grows with the
// cube of the padding. 2,000 spaces around `1` cost about a second per prompt, 4,000 about nine,
// 20,000 more than a minute, at every prompt while the variable is set. Smallest reproduction:
//   export CLAUDE_HOOKS_PROFILE=bedrock CLAUDE_CODE_USE_BEDROCK="$(printf '%4000s1%4000s' '' '')"
//   eval "$(claude-hooks init bash)"; time eval "$PROMPT_COMMAND"
// Right: strip each end's run of blanks in one step (a pattern for the longest leading and trailing
// run), linear in the value, as fish's `string trim -c` does.
describe('the prompt with a long blank-padded value', () => {
  const PAD = ' '.repeat(4000);
  const prompt = (shell: TestShell) => (shell === 'fish' ? 'emit fish_prompt' : shell === 'zsh' ? 'for f in $precmd_functions; do $f; done' : 'eval "$PROMPT_COMMAND"');
  for (const shell of SHELLS) {
    it(`${shell}: a selector and a gateway token of 8,000 blanks around their word cost the prompt well under a second`, async () => {
      const sb = makeSandbox();
      const cases: Array<Record<string, string>> = [
        { CLAUDE_CODE_USE_BEDROCK: `${PAD}1${PAD}`, AWS_REGION: 'eu-west-1' },
        { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANTHROPIC_AUTH_TOKEN: `${PAD}tok${PAD}` },
      ];
      for (const env of cases) {
        const started = Date.now();
        const run = await runWithInit(sb, shell, [prompt(shell), shell === 'fish' ? 'echo segment=(cb_prompt_info)' : 'echo "segment=$(cb_prompt_info)"'].join('\n'), {
          env: { ...env, CLAUDE_HOOKS_PROFILE: 'p', CLAUDE_HOOKS_QUIET: '1' },
          timeout: 30_000, // a hang fails the test, not the run
        });
        const took = Date.now() - started;
        expect(run.exitCode, run.stderr).toBe(0);
        expect(run.stdout).toBe(env.AWS_REGION ? 'segment=p:eu-west-1' : 'segment=p');
        // The init and two segments: a few hundred milliseconds, with room for CI's load; a pass
        // per blank took about 9 s a segment.
        expect(took).toBeLessThan(10_000);
      }
    });
  }
});

// ---- a selector's bytes around its word, in every locale -------------------------------------------
//
// Claude Code reads the environment as UTF-8: a byte that is no character there (a lone 0xA0) is
// U+FFFD, not white space, while the two bytes of U+00A0 are. Found by the lead: bash in a UTF-8
// locale matched a lone 0xA0 as U+00A0, and its prompt showed Bedrock where Claude Code uses the
// Anthropic API. The segment now trims by bytes, in every locale. The oracle is the pinned CLI,
// given the same bytes (a `printf` in sh: the test's own strings could not hold them).
describe("a selector's bytes around its word", () => {
  const VALUES = ['\\2401', '1\\240', '\\302\\2401', '1\\342\\200\\200', '\\342\\200\\2001\\343\\200\\200', '\\3021', '\\357\\273\\277 1'];
  const truth = new Map<string, boolean>();
  it.skipIf(!oracleAvailable)('the pinned CLI says which of them turn Bedrock on', async () => {
    const sb = makeSandbox();
    for (const v of VALUES) {
      const r = await execa('sh', ['-c', `CLAUDE_CODE_USE_BEDROCK="$(printf '${v}')" exec "$1" auth status --json`, 'sh', CLAUDE], {
        env: sb.env({ AWS_REGION: 'us-west-2', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }), extendEnv: false, reject: false, timeout: 30_000, stdin: 'ignore',
      });
      truth.set(v, (JSON.parse(r.stdout) as { apiProvider: string }).apiProvider === 'bedrock');
    }
    // Both answers occur, or the cases below test nothing.
    expect(new Set(truth.values())).toEqual(new Set([true, false]));
  });
  for (const shell of SHELLS) {
    for (const locale of ['C.UTF-8', 'C']) {
      it.skipIf(!oracleAvailable)(`${shell} under LC_ALL=${locale}: the prompt segment agrees`, async () => {
        expect(truth.size).toBe(VALUES.length);
        const sb = makeSandbox();
        const set = (v: string) => (shell === 'fish' ? `set -gx CLAUDE_CODE_USE_BEDROCK (printf '${v}')` : `export CLAUDE_CODE_USE_BEDROCK="$(printf '${v}')"`);
        const show = shell === 'fish' ? 'echo seg=(cb_prompt_info)' : 'echo "seg=$(cb_prompt_info)"';
        const run = await runWithInit(sb, shell, VALUES.flatMap((v) => [set(v), show]).join('\n'), {
          env: { CLAUDE_HOOKS_PROFILE: 'p', AWS_REGION: 'us-west-2', CLAUDE_HOOKS_QUIET: '1', LC_ALL: locale },
        });
        expect(run.exitCode, run.stderr).toBe(0);
        expect(run.stdout.split('\n').filter((l) => l.startsWith('seg='))).toEqual(VALUES.map((v) => (truth.get(v) ? 'seg=p:us-west-2' : 'seg=p')));
      });
    }
  }
});

// ---- a hostile repository's directory of control characters -------------------------------------
//
// docs/security.md: a cloned repository may hold any directory names; the warnings and cb-status
// print the marker's path with its control characters escaped, and the prompt never blocks.
// A tree 15 directories deep, each named with 250 ESC bytes (3,750 in the path, within PATH_MAX),
// and a marker naming a profile the user does not have: a `cd` there, its prompt and cb-status
// must take about as long as anywhere else.
//
// Found (fish 3.6; bash, zsh and bash 3.2 take a few tens of milliseconds): _cb_clean replaces
// each control character it finds with a pass over the whole text, and two command substitutions,
// for every occurrence, not every distinct character: 3,750 ESC cost about 3.5 s at the prompt's
// warning and as much again in cb-status, at every cd into the tree. Smallest reproduction:
//   set d ~/r; for i in (seq 15); set d $d/(string repeat -n 250 \e); end
//   mkdir -p $d; echo nope > $d/.claude-backend; claude-hooks init fish | source
//   time begin; cd $d; emit fish_prompt; end
// Right: one replacement per distinct character (a list of those already done, or `string
// escape`-like one-pass work), so the cost follows the number of distinct characters.
// (bash 3.2's sanitizer grows faster than the text too: 8,000 ESC in a variable cost cb-status 7 s,
// 16,000 30 s. A path holds at most ~4,000, which cost it 0.6 s here, so it passes.)
describe('a hostile repository\'s directory of control characters', () => {
  const prompt = (shell: TestShell) => (shell === 'fish' ? 'emit fish_prompt' : shell === 'zsh' ? 'for f in $precmd_functions; do $f; done' : 'eval "$PROMPT_COMMAND"');
  for (const shell of SHELLS) {
    it(`${shell}: a cd there, its warning and cb-status take well under a second`, async () => {
      const sb = makeSandbox();
      let dir = join(sb.home, 'repo');
      for (let i = 0; i < 15; i++) dir = join(dir, '\x1b'.repeat(250));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '.claude-backend'), 'nope\n');
      // The shell walks in by globs, as a user's cd would by completion: the name is never typed.
      const walk = shell === 'fish' ? 'cd ~/repo; for i in (seq 15); cd *; end' : 'cd ~/repo; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do cd *; done';
      const started = Date.now();
      const run = await runWithInit(sb, shell, [walk, prompt(shell), 'cb-status', 'echo done'].join('\n'), { timeout: 30_000 });
      const took = Date.now() - started;
      expect(run.stdout).toMatch(/done$/);
      expect(run.stderr).toContain("names unknown profile 'nope'");
      expect(run.stderr).toContain('\\x1b\\x1b');
      // A bound against a hang, with room for a loaded machine: bash 3.2's pattern replace is
      // quadratic, and took 3 s here under CI's load. The class is held below, where the old
      // fish takes minutes.
      expect(took).toBeLessThan(15_000);
    });
  }

  // The same class, where no path length bounds it: a value of 20,000 ESC bytes in a variable
  // cb-status shows. fish, one occurrence at a time, took time quadratic in it (minutes here);
  // each distinct character once, it takes well under a second. (Not bash 3.2: its own pattern
  // replace is quadratic, 30 s at 16,000; a value so long is the user's own environment.)
  for (const shell of SHELLS.filter((s) => s !== 'bash32')) {
    it(`${shell}: cb-status of a value of 20,000 ESC bytes takes seconds, not minutes`, async () => {
      const sb = makeSandbox();
      const started = Date.now();
      const run = await runWithInit(sb, shell, ['cb-status >/dev/null', 'echo done'].join('\n'), { env: { ANTHROPIC_BASE_URL: '\x1b'.repeat(20_000) }, timeout: 30_000 });
      const took = Date.now() - started;
      expect(run.stdout).toMatch(/done$/);
      expect(took).toBeLessThan(15_000);
    });
  }
});
