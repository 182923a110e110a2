// Switching in the real bash, zsh and fish: after every step the exported environment (what
// Claude Code sees) must be exactly what the design says, down to unset versus empty.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, withoutNoise } from './helpers/shells.js';

const KEY = 'sk-ant-api03-' + 'Zx9'.repeat(10) + 'WXYZ';

// A baseline a real user might have, plus values built to break quoting: quotes of both
// kinds, $, backticks, backslashes, newlines, a tab, glob characters and non-ASCII text.
const BASELINE: Record<string, string> = {
  ANTHROPIC_API_KEY: KEY,
  ANTHROPIC_BASE_URL: 'https://gateway.example/v1?a=1&b=$HOME',
  AWS_PROFILE: `o'brien "dev" $(touch pwned) \`id\` \\ *\nsecond line\tend`,
  AWS_REGION: '', // set but empty: must come back empty, not unset
  CLAUDE_CODE_USE_VERTEX: '1', // a stray selector left by the user: must not survive other backends
  ANTHROPIC_VERTEX_PROJECT_ID: 'proj-ü-"1"',
  CLOUD_ML_REGION: 'us-east5',
  ANTHROPIC_FOUNDRY_RESOURCE: "res\\x'y",
  ANTHROPIC_MODEL: 'claude-sonnet-4-5 %s %n !',
  UNRELATED: 'left alone',
};

function without(env: Record<string, string>, ...names: string[]): Record<string, string> {
  const copy = { ...env };
  for (const n of names) delete copy[n];
  return copy;
}

const VERTEX = ['ANTHROPIC_VERTEX_PROJECT_ID', 'CLOUD_ML_REGION', 'ANTHROPIC_VERTEX_BASE_URL', 'CLAUDE_CODE_SKIP_VERTEX_AUTH'];
const FOUNDRY = ['ANTHROPIC_FOUNDRY_RESOURCE', 'ANTHROPIC_FOUNDRY_BASE_URL', 'ANTHROPIC_FOUNDRY_API_KEY', 'CLAUDE_CODE_SKIP_FOUNDRY_AUTH'];
const SELECTORS = ['CLAUDE_CODE_USE_BEDROCK', 'CLAUDE_CODE_USE_VERTEX', 'CLAUDE_CODE_USE_FOUNDRY'];
const ANTHROPIC_AUTH = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL'];

// Written out by hand from the design's table, not computed by the code under test.
const EXPECTED: Record<string, Record<string, string>> = {
  bedrock: { ...without(BASELINE, ...ANTHROPIC_AUTH, ...SELECTORS), CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_HOOKS_PROFILE: 'bedrock' },
  vertex: { ...without(BASELINE, ...ANTHROPIC_AUTH, ...SELECTORS), CLAUDE_CODE_USE_VERTEX: '1', CLAUDE_HOOKS_PROFILE: 'vertex' },
  foundry: { ...without(BASELINE, ...ANTHROPIC_AUTH, ...SELECTORS), CLAUDE_CODE_USE_FOUNDRY: '1', CLAUDE_HOOKS_PROFILE: 'foundry' },
  anthropic: { ...without(BASELINE, ...SELECTORS, ...VERTEX, ...FOUNDRY), CLAUDE_HOOKS_PROFILE: 'anthropic' },
};

for (const shell of shellsUnderTest()) {
  describe(`${shell}: switching`, () => {
    it('goes through every built-in profile and back to the exact baseline', async () => {
      const sb = makeSandbox();
      const run = await runWithInit(
        sb,
        shell,
        ['dump start', 'cb-bedrock', 'dump bedrock', 'cb-vertex', 'dump vertex', 'cb-foundry', 'dump foundry', 'cb-anthropic', 'dump anthropic', 'cb-bedrock', 'cb-off', 'dump off'].join('\n'),
        { env: BASELINE },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      const start = withoutNoise(run.dumps.start!);
      expect(start).toMatchObject(BASELINE);
      for (const profile of ['bedrock', 'vertex', 'foundry', 'anthropic']) {
        const expected = { ...without(start, ...Object.keys(BASELINE)), ...EXPECTED[profile] };
        expect(withoutNoise(run.dumps[profile]!), `after cb-${profile}`).toEqual(expected);
      }
      // Byte for byte: the whole environment, not only the managed variables.
      expect(withoutNoise(run.dumps.off!)).toEqual(start);
      // AWS_REGION is empty in the baseline: Bedrock switches anyway and says how to set one.
      // The hint is in the user's own shell (issue 18).
      expect(run.stderr).toMatch(shell === 'fish' ? /claude-hooks: bedrock: no AWS region.*set -gx AWS_REGION us-east-1,/ : /claude-hooks: bedrock: no AWS region.*export AWS_REGION=/);
      expect(run.stderr).not.toContain(KEY);
    });

    it('tells unset from empty through a switch and back', async () => {
      const sb = makeSandbox();
      const run = await runWithInit(sb, shell, 'dump start\ncb-anthropic\ndump a\ncb-off\ndump off', {
        env: { ANTHROPIC_AUTH_TOKEN: '', CLAUDE_CODE_USE_FOUNDRY: '' },
      });
      expect(run.dumps.a!.get('CLAUDE_CODE_USE_FOUNDRY')).toBeUndefined();
      expect(run.dumps.a!.get('ANTHROPIC_AUTH_TOKEN')).toBe('');
      expect(run.dumps.off!.get('CLAUDE_CODE_USE_FOUNDRY')).toBe('');
      expect(run.dumps.off!.has('ANTHROPIC_API_KEY')).toBe(false);
      expect(withoutNoise(run.dumps.off!)).toEqual(withoutNoise(run.dumps.start!));
    });

    it('keeps a variable changed by hand after a switch', async () => {
      const sb = makeSandbox();
      const set = (name: string, value: string) => (shell === 'fish' ? `set -gx ${name} '${value}'` : `export ${name}='${value}'`);
      const run = await runWithInit(
        sb,
        shell,
        [
          'cb-bedrock',
          set('AWS_REGION', 'eu-west-3'), // by hand, while on Bedrock
          set('ANTHROPIC_API_KEY', 'sk-ant-typed-by-hand-0000'), // by hand: theirs, but not for Bedrock
          'cb-vertex',
          'dump vertex',
          'cb-anthropic',
          'dump anthropic',
          'cb-off',
          'dump off',
        ].join('\n'),
        { env: { AWS_REGION: 'us-east-1', ANTHROPIC_API_KEY: KEY } },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      // Another switch keeps secrets exclusive, but the hand-made values are now the user's own.
      expect(run.dumps.vertex!.has('ANTHROPIC_API_KEY')).toBe(false);
      expect(run.dumps.vertex!.get('AWS_REGION')).toBe('eu-west-3');
      expect(run.dumps.anthropic!.get('ANTHROPIC_API_KEY')).toBe('sk-ant-typed-by-hand-0000');
      expect(run.dumps.off!.get('AWS_REGION')).toBe('eu-west-3');
      expect(run.dumps.off!.get('ANTHROPIC_API_KEY')).toBe('sk-ant-typed-by-hand-0000');
      expect(run.dumps.off!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
    });

    it('puts shell variables that were never exported back unexported', async () => {
      if (shell === 'bash32') return; // bash < 4.4 cannot see the export flag without a subshell
      const sb = makeSandbox();
      sb.writeConfig('[profiles.bedrock]\nregion = "eu-west-1"\n');
      // Variables cb-bedrock really changes: it clears the key and sets the region.
      const local = shell === 'fish' ? "set -g ANTHROPIC_API_KEY 'mine only'\nset -g AWS_REGION 'us-east-2'" : "ANTHROPIC_API_KEY='mine only'\nAWS_REGION='us-east-2'";
      const run = await runWithInit(sb, shell, `${local}\ncb-bedrock\ndump bedrock\ncb-off\ndump off\nshellvar ANTHROPIC_API_KEY\nshellvar AWS_REGION`);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.bedrock!.get('AWS_REGION')).toBe('eu-west-1');
      expect(run.dumps.bedrock!.has('ANTHROPIC_API_KEY')).toBe(false);
      expect(run.dumps.off!.has('ANTHROPIC_API_KEY')).toBe(false);
      expect(run.dumps.off!.has('AWS_REGION')).toBe(false);
      expect(run.stdout.split('\n')).toEqual(['ANTHROPIC_API_KEY=mine only', 'AWS_REGION=us-east-2']);
    });

    it('refuses an unknown profile with a one-line error and status 2, changing nothing', async () => {
      const sb = makeSandbox();
      const status = shell === 'fish' ? 'echo "status=$status"' : 'echo "status=$?"';
      const run = await runWithInit(sb, shell, `dump start\ncb-use nope\n${status}\ndump after`, { env: { ANTHROPIC_API_KEY: KEY } });
      expect(run.stdout).toContain('status=2');
      expect(run.stderr.trim().split('\n')).toEqual([
        "claude-hooks: unknown profile 'nope'; known: anthropic bedrock vertex foundry mantle anthropic-aws anthropic-google-cloud gateway",
      ]);
      expect(withoutNoise(run.dumps.after!)).toEqual(withoutNoise(run.dumps.start!));
    });

    it('switches to Bedrock without a region, with one line saying how to set one', async () => {
      const sb = makeSandbox();
      const run = await runWithInit(sb, shell, 'cb-bedrock\ndump none\ncb-off');
      expect(run.dumps.none!.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
      expect(run.dumps.none!.has('AWS_REGION')).toBe(false);
      expect(run.stderr.trim().split('\n')).toEqual([
        'claude-hooks: bedrock',
        `claude-hooks: bedrock: no AWS region, so Claude Code will use us-east-1; to choose one: ${shell === 'fish' ? 'set -gx AWS_REGION us-east-1' : 'export AWS_REGION=us-east-1'}, or add region = "us-east-1" to [profiles.bedrock] in ${sb.xdg}/claude-hooks/config.toml`,
        'claude-hooks: off: your own variables are back',
      ]);
      // With the region in the config: no hint, and the config's region wins over the shell's.
      const sb2 = makeSandbox();
      sb2.writeConfig('[profiles.bedrock]\nregion = "ca-central-1"\n');
      const run2 = await runWithInit(sb2, shell, 'cb-bedrock\ndump set', { env: { AWS_REGION: 'us-west-2' } });
      expect(run2.dumps.set!.get('AWS_REGION')).toBe('ca-central-1');
      expect(run2.stderr.trim()).toBe('claude-hooks: bedrock');
    });

    it('returns 0 from every switch that works, so `cb-bedrock && claude` runs claude', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.bedrock]\nregion = "us-east-2"\nmodel = "m-1"\n');
      const status = shell === 'fish' ? '$status' : '$?';
      const names = ['anthropic', 'bedrock', 'vertex', 'foundry', 'mantle', 'anthropic-aws', 'anthropic-google-cloud', 'gateway'];
      const lines = [...names.flatMap((n) => [`cb-${n}; echo "${n}=${status}"`, `cb-use ${n}; echo "use-${n}=${status}"`]), `cb-off; echo "off=${status}"`];
      const run = await runWithInit(sb, shell, lines.join('\n'), { env: { ANTHROPIC_API_KEY: KEY, CLAUDE_HOOKS_QUIET: '1' } });
      const got = run.stdout.split('\n').filter((l) => /^[a-z-]+=\d+$/.test(l));
      expect(got).toEqual([...names.flatMap((n) => [`${n}=0`, `use-${n}=0`]), 'off=0']);
    });

    it('gives a hint once per shell, not at every cd into a directory that switches (issue 18)', async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'p'));
      writeFileSync(join(sb.home, 'p', '.claude-backend'), 'vertex\n');
      const trips = Array.from({ length: 3 }, () => 'cd p\nprompt\ncd ~\nprompt').join('\n');
      const run = await runWithInit(sb, shell, `${trips}\ncb-vertex\ncb-off\ndump end`, { env: { CLAUDE_HOOKS_QUIET: '1' } });
      expect(run.exitCode).toBe(0);
      const lines = run.stderr.trim().split('\n').filter((l) => l.startsWith('claude-hooks: vertex: '));
      // Each of Vertex's hints (its project, its region), said at the first switch only.
      expect(lines.length).toBeGreaterThan(0);
      expect(new Set(lines).size).toBe(lines.length);
      expect(run.stderr.trim().split('\n')).toEqual(lines);
    });

    it('shows the active profile and masks secrets in cb-status', async () => {
      const sb = makeSandbox();
      const run = await runWithInit(sb, shell, 'cb-anthropic\ncb-status', {
        env: {
          ANTHROPIC_API_KEY: KEY,
          AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzz',
          AWS_REGION: 'us-west-2',
          // Under 16 characters: too short to show any of it.
          ANTHROPIC_AUTH_TOKEN: 'tok-short-9876',
          AWS_SESSION_TOKEN: 'sess-short-55',
        },
      });
      // Each secret line exactly: the mask, and nothing else of the value.
      const secretLines = run.stdout.split('\n').filter((l) => /^ {2}(ANTHROPIC_API_KEY|ANTHROPIC_AUTH_TOKEN|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)=/.test(l));
      expect(secretLines.sort()).toEqual([
        '  ANTHROPIC_API_KEY=sk-ant-…WXYZ',
        '  ANTHROPIC_AUTH_TOKEN=…',
        '  AWS_ACCESS_KEY_ID=AKIA…MPLE',
        '  AWS_SECRET_ACCESS_KEY=…zzzz',
        '  AWS_SESSION_TOKEN=…',
      ]);
      expect(run.stdout).toMatch(/^profile +anthropic: Anthropic API/m);
      expect(run.stdout).toMatch(/^why +manual$/m);
      expect(run.stdout).toContain('ANTHROPIC_API_KEY=sk-ant-…WXYZ');
      expect(run.stdout).toContain('AWS_ACCESS_KEY_ID=AKIA…MPLE');
      expect(run.stdout).toContain('AWS_SECRET_ACCESS_KEY=…zzzz');
      expect(run.stdout).toContain('AWS_REGION=us-west-2');
      expect(run.stdout).not.toContain(KEY);
      expect(run.stdout).not.toContain('wJalrXUtnFEMI');
    });
  });
}

for (const shell of shellsUnderTest().filter((s) => s === 'fish')) {
  describe('fish: universal variables', () => {
    it('hides a universal key from Bedrock and never deletes or changes it', async () => {
      const { readFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const sb = makeSandbox();
      const run = await runWithInit(
        sb,
        shell,
        [
          `set -Ux ANTHROPIC_API_KEY ${KEY}`,
          'dump start',
          'cb-bedrock',
          'dump bedrock',
          'set -qU ANTHROPIC_API_KEY; and echo universal-kept',
          'cb-anthropic',
          'dump anthropic',
          'cb-off',
          'dump off',
          'set -qg ANTHROPIC_API_KEY; or echo no-global-left',
        ].join('\n'),
        { fishUniversals: true },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      // fish exports a universal even under an unexported global: an empty value hides it.
      expect(run.dumps.bedrock!.get('ANTHROPIC_API_KEY')).toBe('');
      expect(run.stdout).toContain('universal-kept');
      expect(run.dumps.anthropic!.get('ANTHROPIC_API_KEY')).toBe(KEY);
      expect(withoutNoise(run.dumps.off!)).toEqual(withoutNoise(run.dumps.start!));
      expect(run.stdout).toContain('no-global-left');
      const stored = readFileSync(join(sb.xdg, 'fish', 'fish_variables'), 'utf8');
      expect(stored).toMatch(/SETUVAR --export ANTHROPIC_API_KEY:sk\\x2dant/);
    });

    it('hides universals made after a switch, the last of a cleared list included, and gives them back', async () => {
      const sb = makeSandbox();
      const run = await runWithInit(
        sb,
        shell,
        [
          'cb-anthropic',
          // Made while a profile is active, so the next switch must notice them; the second
          // is the last name anthropic clears, the first one in the middle of the list.
          'set -Ux CLOUD_ML_REGION u1',
          'set -Ux CLAUDE_CODE_SKIP_FOUNDRY_AUTH u2',
          'cb-bedrock',
          'dump bedrock',
          'cb-anthropic',
          'dump anthropic',
          'cb-off',
          'dump off',
          'set -e -U CLOUD_ML_REGION CLAUDE_CODE_SKIP_FOUNDRY_AUTH',
        ].join('\n'),
        { fishUniversals: true },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.bedrock!.get('CLOUD_ML_REGION')).toBe('u1');
      expect(run.dumps.anthropic!.get('CLOUD_ML_REGION')).toBe('');
      expect(run.dumps.anthropic!.get('CLAUDE_CODE_SKIP_FOUNDRY_AUTH')).toBe('');
      expect(run.dumps.off!.get('CLOUD_ML_REGION')).toBe('u1');
      expect(run.dumps.off!.get('CLAUDE_CODE_SKIP_FOUNDRY_AUTH')).toBe('u2');
    });
  });
}
