// The hooks live in the user's shell: they must survive its options, keep its prompt hooks
// and exit status, reload the config in place, and complete profile names.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, withoutNoise } from './helpers/shells.js';

const shells = shellsUnderTest();
const CYCLE = ['dump start', 'cb-bedrock', 'cb-vertex', 'cd p', 'prompt', 'cd ~', 'prompt', 'cb-status', 'cb-anthropic', 'cb-off', 'dump end', 'echo alive'].join('\n');

function markerTree() {
  const sb = makeSandbox();
  mkdirSync(join(sb.home, 'p'));
  writeFileSync(join(sb.home, 'p', '.claude-backend'), 'foundry\n');
  return sb;
}

for (const shell of shells) {
  describe(`${shell}: manners`, () => {
    it("survives the user's strictest options", async () => {
      const sb = markerTree();
      const before =
        shell === 'fish' ? '' : shell === 'zsh' ? 'setopt KSH_ARRAYS SH_WORD_SPLIT NO_UNSET ERR_EXIT PIPE_FAIL' : 'set -euo pipefail';
      // `! true` leaves $? at 1 without tripping errexit: the hook must not end the shell then.
      const run = await runWithInit(sb, shell, `${CYCLE}\n! true\nprompt\necho still-alive`, { before, env: { ANTHROPIC_API_KEY: 'sk-ant-x' } });
      expect(run.stderr).not.toMatch(/unbound|parameter not set|bad substitution|command not found/i);
      expect(run.stdout).toContain('alive');
      expect(run.stdout).toContain('still-alive');
      expect(run.exitCode).toBe(0);
      expect(withoutNoise(run.dumps.end!)).toEqual(withoutNoise(run.dumps.start!));
    });

    // The user's IFS (generated, and the usual suspects) must not change how our code splits
    // and joins names: cb-off once failed on "A,B: invalid variable name" with IFS=','.
    it("survives the user's IFS, and leaves it as it was", async () => {
      const sb = markerTree();
      mkdirSync(join(sb.home, 'q'));
      writeFileSync(join(sb.home, 'q', '.claude-backend'), 'anthropic-aws\n');
      const generated = fc.sample(fc.string({ unit: fc.constantFrom(',', ':', ' ', '\t', '\n', 'a', '_', '-', '/', 'C'), minLength: 0, maxLength: 3 }), { numRuns: 4, seed: 7 });
      for (const ifs of [',', '', ':', '\n', ...generated]) {
        const setIfs = shell === 'fish' ? `set -g IFS ${fishQuote(ifs)}` : `IFS=${posixQuote(ifs)}`;
        const show = shell === 'fish' ? 'printf "ifs=[%s]\\n" "$IFS"' : 'printf "ifs=[%s]\\n" "$IFS"';
        const script = [setIfs, CYCLE, 'cb-use anthropic-aws 2>/dev/null', 'cd q', 'prompt', 'dump q', 'cd ~', 'prompt', 'cb-reload 2>/dev/null', 'cb-off 2>/dev/null', 'dump last', show].join('\n');
        const run = await runWithInit(sb, shell, script, { env: { ANTHROPIC_API_KEY: 'sk-ant-x', ANTHROPIC_AWS_WORKSPACE_ID: 'w' } });
        const what = `IFS=${JSON.stringify(ifs)}`;
        expect(run.stderr, what).not.toMatch(/invalid variable name|bad array subscript|not a valid identifier|cannot switch/);
        expect(run.exitCode, what).toBe(0);
        expect(run.dumps.q?.get('CLAUDE_CODE_USE_ANTHROPIC_AWS'), what).toBe('1');
        expect(withoutNoise(run.dumps.end!), what).toEqual(withoutNoise(run.dumps.start!));
        expect(withoutNoise(run.dumps.last!), what).toEqual(withoutNoise(run.dumps.start!));
        expect(run.stdout, what).toContain(`ifs=[${ifs}]`);
      }
    });

    // POSIX mode (set -o posix, bash started as sh): a function's name must be an identifier,
    // and defining cb-use() there ends a script; the commands are aliases there instead.
    it.skipIf(shell !== 'bash' && shell !== 'bash32')('works in POSIX mode, through a cb-reload, and with the commands renamed', async () => {
      const sb = markerTree();
      mkdirSync(join(sb.home, 'q'));
      writeFileSync(join(sb.home, 'q', '.claude-backend'), 'anthropic-aws\n');
      const script = [CYCLE, 'cd q', 'prompt', 'dump marker-with-dash', 'cd ~', 'prompt', 'cb-reload 2>/dev/null', 'cb-anthropic-aws 2>/dev/null; echo "aws rc=$?"', 'cb-off 2>/dev/null', 'dump after-reload', 'type cb-use'].join('\n');
      const run = await runWithInit(sb, shell, script, { before: 'set -o posix', env: { ANTHROPIC_API_KEY: 'sk-ant-x', ANTHROPIC_AWS_WORKSPACE_ID: 'w' } });
      expect(run.stderr).not.toMatch(/not a valid identifier|syntax error|command not found/);
      expect(run.stdout).toContain('alive');
      expect(run.stdout).toContain('aws rc=0');
      expect(run.stdout).toMatch(/cb-use is aliased to/);
      expect(run.exitCode).toBe(0);
      expect(run.dumps['marker-with-dash']!.get('CLAUDE_CODE_USE_ANTHROPIC_AWS')).toBe('1');
      expect(withoutNoise(run.dumps.end!)).toEqual(withoutNoise(run.dumps.start!));
      expect(withoutNoise(run.dumps['after-reload']!)).toEqual(withoutNoise(run.dumps.start!));
      const renamed = await runWithInit(sb, shell, ['ch-bedrock 2>/dev/null; echo "bedrock rc=$?"', 'dump ch', 'ch-off 2>/dev/null', 'type ch-use'].join('\n'), {
        before: 'set -o posix',
        env: { CLAUDE_HOOKS_CMD: 'ch' },
      });
      expect(renamed.stderr).not.toMatch(/not a valid identifier|syntax error|command not found/);
      expect(renamed.stdout).toContain('bedrock rc=0');
      expect(renamed.stdout).toMatch(/ch-use is aliased to/);
      expect(renamed.dumps.ch!.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
    });

    it("works with a user function named cd, inside a subshell, and with fish_trace", async () => {
      const sb = markerTree();
      const before =
        shell === 'fish'
          ? 'set -g fish_trace 1\nfunction cd; builtin cd $argv; end'
          : 'cd() { builtin cd "$@"; }';
      const sub = shell === 'fish' ? "fish --no-config -c 'exit 0'" : '( cb-bedrock; dump sub )';
      const run = await runWithInit(sb, shell, ['dump start', sub, 'dump after-sub', 'cd p', 'prompt', 'dump in', 'cd ~', 'prompt', 'dump out'].join('\n'), {
        before,
        env: { ANTHROPIC_API_KEY: 'sk-ant-x', ANTHROPIC_FOUNDRY_RESOURCE: 'r' },
      });
      expect(run.exitCode).toBe(0);
      // fish has no subshell: its child fish only has to start and end cleanly.
      if (shell === 'fish') expect(run.dumps.sub).toBeUndefined();
      else expect(run.dumps.sub!.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
      // A switch in a subshell stays there.
      expect(withoutNoise(run.dumps['after-sub']!)).toEqual(withoutNoise(run.dumps.start!));
      expect(run.dumps.in!.get('CLAUDE_CODE_USE_FOUNDRY')).toBe('1');
      expect(withoutNoise(run.dumps.out!)).toEqual(withoutNoise(run.dumps.start!));
    });

    it('gives a prompt segment after each switch, with no subshell', async () => {
      const sb = makeSandbox();
      const show = shell === 'fish' ? 'set -l seg (cb_prompt_info); echo "info=[$seg]"' : 'echo "info=[$(cb_prompt_info)] var=[$cb_prompt]"';
      const run = await runWithInit(
        sb,
        shell,
        ['prompt', show, 'cb-bedrock', 'prompt', show, 'cb-vertex', 'prompt', show, 'cb-anthropic', 'prompt', show, 'cb-off', 'prompt', show].join('\n'),
        { env: { AWS_REGION: 'eu-west-1', CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'p', CLAUDE_HOOKS_QUIET: '1' } },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      const seen = run.stdout.split('\n').filter((l) => l.startsWith('info='));
      const expected = ['', 'bedrock:eu-west-1', 'vertex:us-east5', 'anthropic', ''];
      expect(seen).toEqual(expected.map((e) => (shell === 'fish' ? `info=[${e}]` : `info=[${e}] var=[${e}]`)));
    });

    it("gives the region of the backend Claude Code uses when several selectors are on", async () => {
      const sb = makeSandbox();
      const show = shell === 'fish' ? 'set -l seg (cb_prompt_info); echo "info=[$seg]"' : 'echo "info=[$(cb_prompt_info)]"';
      const on = (name: string) => (shell === 'fish' ? `set -gx ${name} 1` : `export ${name}=1`);
      // Precedence (test/drift.test.ts holds it against the binary): mantle > vertex, and
      // foundry, which has no region, > mantle.
      const run = await runWithInit(
        sb,
        shell,
        ['cb-vertex', on('CLAUDE_CODE_USE_MANTLE'), 'prompt', show, on('CLAUDE_CODE_USE_FOUNDRY'), 'prompt', show].join('\n'),
        { env: { AWS_REGION: 'eu-west-1', CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'p', CLAUDE_HOOKS_QUIET: '1' } },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('info='))).toEqual(['info=[vertex:eu-west-1]', 'info=[vertex]']);
    });

    it('loads and switches with a config of 500 profiles', async () => {
      const sb = makeSandbox();
      sb.writeConfig(Array.from({ length: 500 }, (_, i) => `[profiles.p${i}]\nbackend = "bedrock"\nregion = "r-${i}"\n`).join('\n'));
      const run = await runWithInit(sb, shell, 'cb-use p499\ndump last\ncb-use p0\ndump first');
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.last!.get('AWS_REGION')).toBe('r-499');
      expect(run.dumps.first!.get('AWS_REGION')).toBe('r-0');
    });

    it('cb-reload takes a profile out of the config away: the active one ends, and it is unknown after', async () => {
      const sb = makeSandbox();
      const config = sb.writeConfig('[profiles.foo]\nbackend = "bedrock"\nregion = "eu-west-1"\n');
      mkdirSync(join(sb.home, 'm'));
      writeFileSync(join(sb.home, 'm', '.claude-backend'), 'foo\n');
      const status = shell === 'fish' ? '$status' : '$?';
      const run = await runWithInit(
        sb,
        shell,
        ['cb-use foo', 'dump foo', `: > '${config}'`, 'cb-reload', 'dump reloaded', `cb-use foo; echo "rc=${status}"`, 'cd m', 'prompt', 'dump marker'].join('\n'),
        { env: { AWS_REGION: 'mine' } },
      );
      expect(run.dumps.foo!.get('AWS_REGION')).toBe('eu-west-1');
      expect(run.dumps.reloaded!.get('AWS_REGION')).toBe('mine');
      expect(run.dumps.reloaded!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.stderr).toContain("profile 'foo' is gone from the config");
      // Said once, by cb-off, which knows what came back (a parent shell's switch, perhaps).
      expect(run.stderr.match(/your own variables are back/g)).toHaveLength(1);
      expect(run.stdout).toContain('rc=2');
      expect(run.stderr).toMatch(/unknown profile 'foo'/);
      expect(run.dumps.marker!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.dumps.marker!.get('AWS_REGION')).toBe('mine');
    });

    it('cb-reload picks up an edited config and re-applies the active profile', async () => {
      const sb = makeSandbox();
      const config = sb.writeConfig('[profiles.work]\nbackend = "bedrock"\nregion = "us-east-1"\n');
      const rewrite = `[profiles.work]\nbackend = "bedrock"\nregion = "eu-north-1"\n\n[profiles.late]\nbackend = "vertex"\nregion = "europe-west4"\nprojectId = "p1"\n`;
      const file = join(sb.root, 'new.toml');
      writeFileSync(file, rewrite);
      const run = await runWithInit(sb, shell, [`cb-use work`, 'dump before', `cp '${file}' '${config}'`, 'cb-reload', 'dump reloaded', 'cb-use late', 'dump late', 'cb-off', 'dump off'].join('\n'), {
        env: { AWS_REGION: 'mine' },
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.before!.get('AWS_REGION')).toBe('us-east-1');
      expect(run.dumps.reloaded!.get('AWS_REGION')).toBe('eu-north-1');
      expect(run.dumps.late!.get('CLAUDE_CODE_USE_VERTEX')).toBe('1');
      expect(run.dumps.late!.get('CLOUD_ML_REGION')).toBe('europe-west4');
      expect(run.dumps.late!.get('AWS_REGION')).toBe('mine');
      expect(run.dumps.off!.get('AWS_REGION')).toBe('mine');
    });

    it('completes profile names for cb-use', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.acme-eu]\nbackend = "bedrock"\nregion = "eu-west-1"\n');
      let before = '';
      let probe: string;
      if (shell === 'fish') probe = "complete -C 'cb-use '";
      else if (shell === 'zsh') {
        before = 'autoload -Uz compinit; compinit -u -d "$HOME/.zcompdump"';
        // compadd only works inside a completion widget: stand in for it to see what we offer.
        probe = 'print -r -- "comp=${_comps[cb-use]}"; compadd() { print -r -- "$@"; }; _cb_complete_profiles';
      } else probe = 'complete -p cb-use';
      const run = await runWithInit(sb, shell, probe, { before });
      expect(run.exitCode, run.stderr).toBe(0);
      for (const name of ['anthropic', 'bedrock', 'vertex', 'foundry', 'acme-eu']) expect(run.stdout).toContain(name);
      if (shell === 'zsh') expect(run.stdout).toContain('comp=_cb_complete_profiles');
    });
  });
}

for (const shell of shells.filter((s) => s === 'bash' || s === 'bash32')) {
  describe(`${shell}: PROMPT_COMMAND`, () => {
    it("keeps the user's PROMPT_COMMAND, ending comment and all, and the exit status it sees", async () => {
      const sb = markerTree();
      const before = `PROMPT_COMMAND='echo "user hook saw $?" # a trailing comment'`;
      const run = await runWithInit(sb, shell, 'cd p\nfalse\nprompt\ntrue\nprompt\nprintf "%s\\n" "$PROMPT_COMMAND"', { before });
      expect(run.stdout).toContain('user hook saw 1\nuser hook saw 0');
      expect(run.stderr).toContain('claude-hooks: foundry');
      expect(run.stdout).toContain(`_cb_hook "$_"\necho "user hook saw $?" # a trailing comment`);
    });

    it('keeps every element of an array PROMPT_COMMAND (bash 5.1+)', async () => {
      if (shell === 'bash32') return;
      const sb = markerTree();
      const before = `PROMPT_COMMAND=('echo first' 'echo second')`;
      const run = await runWithInit(sb, shell, 'cd p\nfor c in "${PROMPT_COMMAND[@]}"; do eval "$c"; done\ndump after', { before });
      expect(run.stdout).toBe('first\nsecond');
      expect(run.dumps.after!.get('CLAUDE_HOOKS_PROFILE')).toBe('foundry');
    });
  });
}

for (const shell of shells.filter((s) => s === 'zsh')) {
  describe('zsh: hook arrays', () => {
    it("keeps the user's precmd and chpwd functions, ours first", async () => {
      const sb = markerTree();
      const before = 'mine() { :; }; precmd_functions=(mine); chpwd_functions=(mine)';
      const run = await runWithInit(sb, shell, 'print -r -- "$precmd_functions|$chpwd_functions"');
      expect(run.stdout).toBe('_cb_hook|_cb_hook'); // sanity: without `before`
      const run2 = await runWithInit(sb, shell, 'print -r -- "$precmd_functions|$chpwd_functions"', { before });
      expect(run2.stdout).toBe('_cb_hook mine|_cb_hook mine');
    });
  });
}
