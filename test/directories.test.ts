// Per-directory switching in the real shells: .claude-backend markers up the tree, the
// [directories] map, manual switches that hold, and the hooks' manners towards the user's shell.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './helpers/sandbox.js';
import { canMarkRoot } from './helpers/rootfs.js';
import { runWithInit, shellsUnderTest, withoutNoise } from './helpers/shells.js';

const CONFIG = `
[profiles.bedrock-eu]
backend = "bedrock"
region = "eu-west-1"
awsProfile = "acme"

[profiles.work]
backend = "bedrock"
region = "us-east-1"

[directories]
"~/src/acme" = "work"
`;

const BASELINE = {
  ANTHROPIC_API_KEY: 'sk-ant-api03-baseline-key-0000000000001234',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret/with "quotes" and $dollar',
  AWS_REGION: 'us-west-2',
};

function tree(sb: Sandbox): void {
  sb.writeConfig(CONFIG);
  const marker = (dir: string, text: string) => {
    mkdirSync(join(sb.home, dir), { recursive: true });
    writeFileSync(join(sb.home, dir, '.claude-backend'), text);
  };
  marker('p', 'bedrock-eu\n');
  marker('p/a/b', '\ufeff  vertex \r\n# a second line is ignored\n'); // BOM, spaces, CRLF
  marker('src/acme/m', 'anthropic'); // no newline at all
  marker('q', 'nope; touch pwned\n');
  mkdirSync(join(sb.home, 'src/acme/x/y'), { recursive: true });
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: per-directory switching`, () => {
    it('follows markers and the directory map, and restores the baseline outside', async () => {
      const sb = makeSandbox();
      tree(sb);
      const run = await runWithInit(
        sb,
        shell,
        [
          'dump start',
          'cd p/a/b', 'prompt', 'dump vertex',
          'cd ..', 'prompt', 'dump p_a',
          'cd ~', 'prompt', 'dump home',
          'cd src/acme/x/y', 'prompt', 'dump acme',
          'cd ../../m', 'prompt', 'dump acme_m',
          'cd /', 'prompt', 'dump root',
        ].join('\n'),
        { env: BASELINE },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      const d = run.dumps;
      expect(d.vertex!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(d.vertex!.get('CLAUDE_CODE_USE_VERTEX')).toBe('1');
      expect(d.vertex!.has('ANTHROPIC_API_KEY')).toBe(false);
      // Inherited from ~/p: the profile's AWS profile replaces the baseline's static keys.
      expect(d.p_a!.get('CLAUDE_HOOKS_PROFILE')).toBe('bedrock-eu');
      expect(d.p_a!.get('AWS_REGION')).toBe('eu-west-1');
      expect(d.p_a!.get('AWS_PROFILE')).toBe('acme');
      expect(d.p_a!.has('AWS_ACCESS_KEY_ID')).toBe(false);
      expect(d.p_a!.has('AWS_SECRET_ACCESS_KEY')).toBe(false);
      expect(d.p_a!.has('CLAUDE_CODE_USE_VERTEX')).toBe(false);
      expect(withoutNoise(d.home!)).toEqual(withoutNoise(d.start!));
      expect(d.acme!.get('CLAUDE_HOOKS_PROFILE')).toBe('work');
      expect(d.acme!.get('AWS_REGION')).toBe('us-east-1');
      expect(d.acme!.get('AWS_ACCESS_KEY_ID')).toBe(BASELINE.AWS_ACCESS_KEY_ID); // no awsProfile: keys stay
      // A marker beats the map, even below a mapped directory.
      expect(d.acme_m!.get('CLAUDE_HOOKS_PROFILE')).toBe('anthropic');
      expect(d.acme_m!.get('ANTHROPIC_API_KEY')).toBe(BASELINE.ANTHROPIC_API_KEY);
      expect(withoutNoise(d.root!)).toEqual(withoutNoise(d.start!));
    });

    it.skipIf(!canMarkRoot())('walks all the way up: a marker at / itself governs, down to the deepest directory', async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'x', 'y'), { recursive: true });
      const run = await runWithInit(sb, shell, ['cd x/y', 'prompt', 'dump deep', 'cd /', 'prompt', 'dump root', 'cb-off', 'dump off'].join('\n'), {
        markerAtRoot: 'vertex\n',
        env: { CLAUDE_HOOKS_QUIET: '1', CLOUD_ML_REGION: 'r', ANTHROPIC_VERTEX_PROJECT_ID: 'p' },
      });
      expect(run.exitCode, run.stderr).toBe(0);
      // cb-off is a manual choice: it holds, even under the marker.
      expect(run.dumps.deep!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.dumps.root!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
      expect(run.dumps.off!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
    });

    if (shell === 'fish') {
      it('finds markers without the path builtin too (fish before 3.5)', async () => {
        const sb = makeSandbox();
        tree(sb);
        const run = await runWithInit(sb, shell, ['set -g _cb_has_path', 'cd p/a/b', 'prompt', 'dump vertex', 'cd ..', 'prompt', 'dump p_a', 'cd /', 'prompt', 'dump root'].join('\n'));
        expect(run.dumps.vertex!.get('CLAUDE_HOOKS_PROFILE')).toBe('vertex');
        expect(run.dumps.p_a!.get('CLAUDE_HOOKS_PROFILE')).toBe('bedrock-eu');
        expect(run.dumps.root!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      });
    }

    it('lets a manual switch hold until what governs the directory changes', async () => {
      const sb = makeSandbox();
      tree(sb);
      const run = await runWithInit(
        sb,
        shell,
        [
          'dump start',
          'cd p', 'prompt', 'dump p',
          'cb-anthropic', 'prompt', 'prompt', 'dump manual',
          'cd a', 'prompt', 'dump sub', // still governed by ~/p/.claude-backend: holds
          'cd ~', 'prompt', 'dump out', // the manual choice is the shell's choice now
          'cd p', 'prompt', 'dump back', // entering governs again
          'cd ~', 'prompt', 'dump out2',
          'cb-off', 'prompt', 'dump off',
        ].join('\n'),
        { env: BASELINE },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      const p = (name: string) => run.dumps[name]!.get('CLAUDE_HOOKS_PROFILE');
      expect([p('p'), p('manual'), p('sub'), p('out'), p('back'), p('out2'), p('off')]).toEqual([
        'bedrock-eu', 'anthropic', 'anthropic', 'anthropic', 'bedrock-eu', 'anthropic', undefined,
      ]);
      expect(withoutNoise(run.dumps.off!)).toEqual(withoutNoise(run.dumps.start!));
    });

    it('gives no map entry to a directory whose path holds a tab or a newline', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[directories]\n"~/a" = "vertex"\n"~/evil" = "bedrock"\n');
      // A path that reads, in the map kept as text (a line "<directory>\t<profile>" each: fish,
      // bash 3.2), as the end of ~/a's line and the start of ~/evil's.
      const hostile = join(sb.home, 'a\tvertex\n', ...sb.home.split('/').filter(Boolean), 'evil');
      mkdirSync(hostile, { recursive: true });
      mkdirSync(join(sb.home, 'evil'));
      const q = (p: string) => (shell === 'fish' ? `'${p.replace(/[\\']/g, '\\$&')}'` : `'${p.replace(/'/g, `'\\''`)}'`);
      const run = await runWithInit(sb, shell, [`cd ${q(hostile)}`, 'prompt', 'dump in', `cd ${q(join(sb.home, 'evil'))}`, 'prompt', 'dump evil'].join('\n'), {
        env: { CLAUDE_HOOKS_QUIET: '1' },
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.in!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.dumps.in!.has('CLAUDE_CODE_USE_BEDROCK')).toBe(false);
      // The directory the map does name still switches.
      expect(run.dumps.evil!.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
    });

    it('takes an edited marker at the next prompt', async () => {
      const sb = makeSandbox();
      tree(sb);
      const run = await runWithInit(
        sb,
        shell,
        ['cd p', 'prompt', 'dump before', "printf 'work\\n' > .claude-backend", 'dump same', 'prompt', 'dump after'].join('\n'),
      );
      expect(run.dumps.before!.get('CLAUDE_HOOKS_PROFILE')).toBe('bedrock-eu');
      expect(run.dumps.same!.get('CLAUDE_HOOKS_PROFILE')).toBe('bedrock-eu');
      expect(run.dumps.after!.get('CLAUDE_HOOKS_PROFILE')).toBe('work');
      expect(run.dumps.after!.get('AWS_REGION')).toBe('us-east-1');
    });

    it('warns once about a marker naming an unknown profile, and does not switch', async () => {
      const sb = makeSandbox();
      tree(sb);
      const run = await runWithInit(sb, shell, ['dump start', 'cd q', 'prompt', 'prompt', 'prompt', 'dump q'].join('\n'), { env: BASELINE });
      expect(run.exitCode).toBe(0);
      const marker = join(sb.home, 'q', '.claude-backend');
      expect(run.stderr.trim().split('\n')).toEqual([
        // Not a profile name: what it says is not repeated (docs/security.md, "Markers").
        `claude-hooks: .claude-backend at ${marker} does not hold a profile name; expected one profile name (anthropic bedrock vertex foundry mantle anthropic-aws anthropic-google-cloud gateway bedrock-eu work); not switching`,
      ]);
      expect(withoutNoise(run.dumps.q!)).toEqual(withoutNoise(run.dumps.start!));
    });

    it('installs one hook however often the init is loaded', async () => {
      const sb = makeSandbox();
      tree(sb);
      const count =
        shell === 'fish'
          ? 'functions --handlers | string match -e -- _cb_hook | count'
          : shell === 'zsh'
            ? 'a=(${(M)precmd_functions:#_cb_hook}); b=(${(M)chpwd_functions:#_cb_hook}); print -r -- "count=${#a} ${#b}"'
            : 'n=0; s=$PROMPT_COMMAND; while case $s in *_cb_hook*) true;; *) false;; esac; do n=$((n+1)); s=${s#*_cb_hook}; done; echo "count=$n"';
      const run = await runWithInit(sb, shell, `${count}\ncd p\nprompt\nprompt`, { loads: 3 });
      expect(run.exitCode, run.stderr).toBe(0);
      if (shell === 'fish') expect(run.stdout.trim()).toBe('2'); // one function, on PWD and on fish_prompt
      else if (shell === 'zsh') expect(run.stdout).toContain('count=1 1');
      else expect(run.stdout).toContain('count=1');
      // And it acts once: one switch message for one change of directory.
      expect(run.stderr.match(/claude-hooks: bedrock-eu/g)).toHaveLength(1);
    });

    it('leaves every settings.json byte for byte as it was', async () => {
      const { readFileSync, statSync } = await import('node:fs');
      const sb = makeSandbox();
      tree(sb);
      const files = [join(sb.home, '.claude/settings.json'), join(sb.home, 'p/.claude/settings.json'), join(sb.home, 'p/.claude/settings.local.json')];
      for (const f of files) {
        mkdirSync(join(f, '..'), { recursive: true });
        writeFileSync(f, '{\n  // comment\n  "apiKeyHelper": "echo sk-ant-x",\n  "env": {"AWS_REGION": "ap-south-1"}\n}\n');
      }
      const before = files.map((f) => [readFileSync(f), statSync(f).mtimeMs]);
      const run = await runWithInit(
        sb,
        shell,
        ['cb-bedrock', 'cd p', 'prompt', 'cb-anthropic', 'cb-vertex', 'cd a/b', 'prompt', 'cb-foundry', 'cd /', 'prompt', 'cb-status', 'cb-off'].join('\n'),
      );
      expect(run.exitCode, run.stderr).toBe(0);
      expect(files.map((f) => [readFileSync(f), statSync(f).mtimeMs])).toEqual(before);
    });
  });
}
