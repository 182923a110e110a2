// Odd shell states a switch must survive: a Ctrl-C while a key command runs (nothing of the
// switch applied, so cb-off never takes the profile's values for the user's own), and
// variables of the user's named like ours that are arrays.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { posixEscape } from '../src/render/posix.js';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellBinary, shellsUnderTest } from './helpers/shells.js';
import { Terminal } from './helpers/tmux.js';
import { requireTool } from './helpers/tools.js';

const tmuxOk = requireTool('tmux', ['tmux', '-V']);
const terminals: Terminal[] = [];
afterEach(async () => {
  for (const t of terminals.splice(0)) await t.close();
});

const SLOW = '[profiles.slow]\nbackend = "bedrock"\nregion = "eu-central-1"\nmodel = "profile-model"\n\n[profiles.slow.env]\nANTHROPIC_CUSTOM_HEADERS = "x-profile: 1"\n\n[profiles.keyed]\nbackend = "anthropic"\nmodel = "keyed-model"\napiKeyCommand = "sleep 5; echo key-from-command"\n';

for (const shell of shellsUnderTest().filter((s) => s !== 'fish')) {
  describe.skipIf(!tmuxOk)(`${shell}: Ctrl-C while a key command runs`, () => {
    it('leaves nothing of the switch applied, and cb-off gives back the user\'s own values', async () => {
      const sb = makeSandbox();
      sb.writeConfig(SLOW);
      const t = await Terminal.open(sb, shell, { ANTHROPIC_MODEL: 'my-model', CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-west-2' });
      terminals.push(t);
      const show = 'echo "now model=${ANTHROPIC_MODEL-unset} bedrock=${CLAUDE_CODE_USE_BEDROCK-unset} key=${ANTHROPIC_API_KEY-unset} profile=${CLAUDE_HOOKS_PROFILE-unset}"';
      // First a switch that completes, so that there is a baseline and records to get wrong.
      await t.type('cb-use slow');
      await t.waitFor(/claude-hooks: slow/);
      await t.type('cb-use keyed');
      await t.waitFor(/claude-hooks: keyed/);
      await new Promise((r) => setTimeout(r, 1000));
      await t.keys('C-c');
      await t.type(show.replace('now', 'interrupted'));
      const after = await t.waitFor(/^interrupted model=/m);
      // Still the slow profile, whole: not half of keyed.
      expect(after).toMatch(/^interrupted model=profile-model bedrock=1 key=unset profile=slow$/m);
      await t.type('cb-off');
      await t.type(show.replace('now', 'off'));
      const off = await t.waitFor(/^off model=/m);
      expect(off).toMatch(/^off model=my-model bedrock=1 key=unset profile=unset$/m);
    }, 40_000);
  });
}

// Arrays named like managed variables: a switch that would change one refuses, whole, in one
// line (an array is not what Claude Code reads, and putting it back exactly is beyond a
// record); one that leaves it alone works, and cb-off gives every array back as it was.
const ARRAYS: Record<'bash' | 'zsh', { make: string; show: string; expected: RegExp[] }> = {
  bash: {
    make: 'ANTHROPIC_MODEL=(a "b c"); declare -A ANTHROPIC_SMALL_FAST_MODEL=([k]=v); declare -A AWS_REGION=([r]=eu)',
    show: 'declare -p ANTHROPIC_MODEL ANTHROPIC_SMALL_FAST_MODEL AWS_REGION',
    expected: [/declare -a ANTHROPIC_MODEL=\(\[0\]="a" \[1\]="b c"\)/, /declare -A ANTHROPIC_SMALL_FAST_MODEL=\(\[k\]="v" \)/, /declare -A AWS_REGION=\(\[r\]="eu" \)/],
  },
  zsh: {
    make: 'ANTHROPIC_MODEL=(a "b c"); typeset -A ANTHROPIC_SMALL_FAST_MODEL=(k v); typeset -A AWS_REGION=(r eu)',
    show: 'typeset -p ANTHROPIC_MODEL ANTHROPIC_SMALL_FAST_MODEL AWS_REGION',
    expected: [/typeset -a ANTHROPIC_MODEL=\( a 'b c' \)/, /typeset -A ANTHROPIC_SMALL_FAST_MODEL=\( \[k\]=v \)/, /typeset -A AWS_REGION=\( \[r\]=eu \)/],
  },
};
const ARRAY_CONFIG = '[profiles.slow]\nbackend = "bedrock"\nregion = "eu-central-1"\nmodel = "profile-model"\n\n[profiles.fast]\nbackend = "anthropic"\nsmallFastModel = "f"\n\n[profiles.plain]\nbackend = "anthropic"\n';

for (const shell of ['bash', 'zsh'] as const) {
  describe.skipIf(!shellBinary(shell))(`${shell}: arrays named like managed variables`, () => {
    it('a switch that would change one changes nothing and says so in one line; the others work; cb-off gives them back', async () => {
      const sb = makeSandbox();
      sb.writeConfig(ARRAY_CONFIG);
      const a = ARRAYS[shell];
      const run = await runWithInit(
        sb,
        shell,
        [
          a.make,
          'export CLAUDE_CODE_USE_BEDROCK=mine',
          'cb-use slow 2>>"$CB_DUMP/err"; echo "slow rc=$? bedrock=${CLAUDE_CODE_USE_BEDROCK-unset} profile=${CLAUDE_HOOKS_PROFILE-unset}"',
          'cb-use fast 2>>"$CB_DUMP/err"; echo "fast rc=$? profile=${CLAUDE_HOOKS_PROFILE-unset}"',
          'cb-use plain 2>/dev/null; echo "plain rc=$? bedrock=${CLAUDE_CODE_USE_BEDROCK-unset} profile=${CLAUDE_HOOKS_PROFILE-unset}"',
          'cb-off 2>/dev/null; echo "off rc=$? bedrock=${CLAUDE_CODE_USE_BEDROCK-unset}"',
          a.show,
          'cat "$CB_DUMP/err"',
        ].join('\n'),
      );
      expect(run.stdout).toContain('slow rc=1 bedrock=mine profile=unset');
      expect(run.stdout).toContain('fast rc=1 profile=unset');
      expect(run.stdout).toContain('plain rc=0 bedrock=unset profile=plain');
      expect(run.stdout).toContain('off rc=0 bedrock=mine');
      for (const e of a.expected) expect(run.stdout).toMatch(e);
      const errors = run.stdout.split('\n').filter((l) => l.startsWith('claude-hooks:'));
      expect(errors).toEqual([
        expect.stringMatching(/^claude-hooks: cannot switch to slow: (ANTHROPIC_MODEL, AWS_REGION|AWS_REGION, ANTHROPIC_MODEL): an array in this shell, and a profile sets plain variables; unset it first; nothing changed$/),
        'claude-hooks: cannot switch to fast: ANTHROPIC_SMALL_FAST_MODEL: an array in this shell, and a profile sets plain variables; unset it first; nothing changed',
      ]);
      expect(run.stderr).not.toMatch(/inconsistent type|bad substitution/);
    });
  });
}

// A variable the last switch set, turned into an array by hand with that same value first: it is
// both going back and set by the next profile, and is named once.
for (const shell of ['bash', 'zsh', 'bash32'] as const) {
  describe.skipIf(!shellBinary(shell))(`${shell}: a switched variable made an array by hand`, () => {
    it('refuses the next switch in one line naming it once, and leaves the array as it is', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.w]\nbackend = "bedrock"\nregion = "eu-west-1"\n\n[profiles.v]\nbackend = "bedrock"\nregion = "eu-west-2"\n');
      const run = await runWithInit(
        sb,
        shell,
        ['cb-use w 2>/dev/null', 'AWS_REGION=(eu-west-1 b)', 'cb-use v 2>&1; echo "rc=$?"', 'echo "array=${AWS_REGION[*]}"'].join('\n'),
        { env: { AWS_REGION: 'mine' } },
      );
      expect(run.stdout.split('\n').filter((l) => l.startsWith('claude-hooks:'))).toEqual([
        'claude-hooks: cannot switch to v: AWS_REGION: an array in this shell, and a profile sets plain variables; unset it first; nothing changed',
      ]);
      expect(run.stdout).toContain('rc=1');
      expect(run.stdout).toContain('array=eu-west-1 b');
    });
  });
}

// The same array, then a switch that leaves it alone (cb-off, a profile of another backend): the
// array was made by hand, so it is the user's, kept, and the switch goes ahead, in bash and zsh
// alike. (bash before 4.4 reads it as its element 0, the value the switch left: it refuses,
// whole, with the line above; tested below.)
for (const shell of ['bash', 'zsh'] as const) {
  describe.skipIf(!shellBinary(shell))(`${shell}: a switched variable made an array by hand, then a switch that leaves it`, () => {
    it("is the user's: cb-off and a switch to another backend go ahead, and the array stays", async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.w]\nbackend = "bedrock"\nregion = "eu-west-1"\n');
      const run = await runWithInit(
        sb,
        shell,
        [
          'cb-use w 2>/dev/null',
          'AWS_REGION=(eu-west-1 b)',
          'cb-off 2>&1; echo "off rc=$? bedrock=${CLAUDE_CODE_USE_BEDROCK-unset} array=${AWS_REGION[*]}"',
          'cb-use w 2>/dev/null; unset AWS_REGION; AWS_REGION=(eu-west-1 c)',
          'cb-foundry 2>/dev/null; echo "foundry rc=$? bedrock=${CLAUDE_CODE_USE_BEDROCK-unset} array=${AWS_REGION[*]}"',
        ].join('\n'),
        { env: { AWS_REGION: 'mine' } },
      );
      expect(run.stdout).toContain('off rc=0 bedrock=unset array=eu-west-1 b');
      expect(run.stdout).toContain('foundry rc=0 bedrock=unset array=eu-west-1 c');
      expect(run.stdout).not.toContain('cannot switch');
    });
  });
}

// A variable of a declared type (upper case, integer) would take the profile's value rewritten:
// a switch that would change it refuses in one line, and the declaration is left as it was.
for (const shell of ['bash', 'zsh'] as const) {
  describe.skipIf(!shellBinary(shell))(`${shell}: a managed variable of a declared type`, () => {
    it('refuses the switch whole, naming it, and leaves it as it was', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.w]\nbackend = "bedrock"\nregion = "eu-west-1"\nawsProfile = "Work-SSO"\n');
      const declare = shell === 'bash' ? 'declare' : 'typeset';
      const run = await runWithInit(
        sb,
        shell,
        [
          `${declare} -u AWS_PROFILE=mine; ${declare} -i AWS_REGION=7`,
          'cb-use w 2>&1; echo "rc=$? profile=${CLAUDE_HOOKS_PROFILE-unset} bedrock=${CLAUDE_CODE_USE_BEDROCK-unset}"',
          `${declare} -p AWS_PROFILE AWS_REGION`,
        ].join('\n'),
      );
      const lines = run.stdout.split('\n');
      expect(lines.filter((l) => l.startsWith('claude-hooks:'))).toEqual([
        expect.stringMatching(/^claude-hooks: cannot switch to w: (AWS_PROFILE, AWS_REGION|AWS_REGION, AWS_PROFILE): declared .* in this shell, which would change the value a profile sets; unset it first; nothing changed$/),
      ]);
      expect(run.stdout).toContain('rc=1 profile=unset bedrock=unset');
      expect(run.stdout).toMatch(shell === 'bash' ? /declare -u AWS_PROFILE="MINE"/ : /typeset -u AWS_PROFILE=mine/);
      expect(run.stdout).toMatch(shell === 'bash' ? /declare -i AWS_REGION="7"/ : /typeset -i AWS_REGION=7/);
    });
  });
}

// The user's BASH_REMATCH (what their last =~ caught) lives through a switch by marker, its
// messages and the prompt segment: bash cannot make it local, so our code matches without =~.
for (const shell of ['bash', 'bash32'] as const) {
  describe.skipIf(!shellBinary(shell))(`${shell}: the user's BASH_REMATCH`, () => {
    it('is the same after a switch into a marked directory (a non-ASCII name too) and a prompt', async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'caf\u00e9'));
      writeFileSync(join(sb.home, 'caf\u00e9', '.claude-backend'), 'bedrock\n');
      const run = await runWithInit(sb, shell, ['[[ xyz =~ (y) ]]', "cd 'caf\u00e9'", 'prompt', 'cb_prompt_info >/dev/null', 'echo "kept=${BASH_REMATCH[1]-}"'].join('\n'));
      expect(run.stderr).toContain('claude-hooks: bedrock');
      expect(run.stdout).toContain('kept=y');
    });

    // A selector that says more than 1 (white space, another word, another case) and the
    // gateway's values are read by the segment: trimmed by patterns, never by =~.
    it.each([' true', 'YES\u3000', 'off', '\u00a0'])('is the same after the prompt segment reads %j', async (value) => {
      const sb = makeSandbox();
      const setup = `export CLAUDE_CODE_USE_GATEWAY=${posixEscape(value)} ANTHROPIC_BASE_URL=${posixEscape(value)} ANTHROPIC_AUTH_TOKEN=t`;
      const run = await runWithInit(sb, shell, ['cb-use bedrock 2>/dev/null', setup, '[[ xyz =~ (y) ]]', 'prompt', 'cb_prompt_info >/dev/null', 'echo "kept=${BASH_REMATCH[1]-}"'].join('\n'));
      expect(run.stdout).toContain('kept=y');
    });
  });
}

// bash 3.2 (macOS) reads no attributes without a subshell: an array of two or more elements is
// still refused there (one with a single element at index 0 passes as a plain value).
describe.skipIf(!shellBinary('bash32'))('bash 3.2: an indexed array named like a managed variable', () => {
  it('is refused in one line and left as it was', async () => {
    const sb = makeSandbox();
    sb.writeConfig(ARRAY_CONFIG);
    const run = await runWithInit(
      sb,
      'bash32',
      ['ANTHROPIC_MODEL=(a "b c")', 'cb-use slow 2>&1; echo "slow rc=$? profile=${CLAUDE_HOOKS_PROFILE-unset}"', 'cb-off 2>/dev/null', 'declare -p ANTHROPIC_MODEL'].join('\n'),
    );
    expect(run.stdout).toContain('claude-hooks: cannot switch to slow: ANTHROPIC_MODEL: an array in this shell');
    expect(run.stdout).toContain('slow rc=1 profile=unset');
    expect(run.stdout).toMatch(/declare -a ANTHROPIC_MODEL='?\(\[0\]="a" \[1\]="b c"\)'?/);
  });
});
