// direnv: `use claude` in an .envrc, with direnv's own load, unload and trust, in real direnv;
// the shell hooks standing aside while direnv governs; and the .envrc writer.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START } from '../src/commands/direnv.js';
import { cli, makeSandbox, type Sandbox } from './helpers/sandbox.js';
import { parseEnv0, runWithInit, shellsUnderTest, withoutNoise } from './helpers/shells.js';
import { requireTool } from './helpers/tools.js';

const direnvOk = requireTool('direnv', ['direnv', 'version']);
const KEY = 'sk-ant-api03-direnv-baseline-key-4242';
const BASELINE = { ANTHROPIC_API_KEY: KEY, AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_REGION: 'us-west-2', DIRENV_LOG_FORMAT: 'direnv: %s' };

/** A sandbox with the direnv library installed and a config with one profile of the user's. */
async function direnvSandbox(config = '[profiles.work]\nbackend = "bedrock"\nregion = "us-east-1"\n'): Promise<Sandbox> {
  const sb = makeSandbox();
  sb.writeConfig(config);
  const r = await cli(sb, ['init', 'direnv', '--write']);
  expect(r.exitCode, r.stderr).toBe(0);
  return sb;
}

async function project(sb: Sandbox, name: string, envrc: string, allow = true): Promise<string> {
  const dir = join(sb.home, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.envrc'), envrc);
  if (allow) await execa('direnv', ['allow', dir], { env: sb.env(), extendEnv: false });
  return dir;
}

/** `direnv exec DIR env -0`: the environment a program started in DIR gets. */
async function execEnv(sb: Sandbox, dir: string, extra: Record<string, string> = BASELINE) {
  const r = await execa('direnv', ['exec', dir, 'env', '-0'], { env: sb.env(extra), extendEnv: false, reject: false, encoding: 'buffer', cwd: sb.home });
  return { env: parseEnv0(Buffer.from(r.stdout)), stderr: Buffer.from(r.stderr).toString(), exitCode: r.exitCode };
}

describe.skipIf(!direnvOk)('direnv: use claude', () => {
  it('applies the built-in bedrock profile exactly like cb-bedrock', async () => {
    const sb = await direnvSandbox();
    const dir = await project(sb, 'p', 'use claude bedrock\n');
    const { env } = await execEnv(sb, dir);
    expect(env.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
    expect(env.has('ANTHROPIC_API_KEY')).toBe(false);
    expect(env.get('AWS_REGION')).toBe('us-west-2');
    expect(env.get('AWS_ACCESS_KEY_ID')).toBe(BASELINE.AWS_ACCESS_KEY_ID);
    expect(env.get('CLAUDE_HOOKS_PROFILE')).toBe('bedrock');
    expect(env.get('CLAUDE_HOOKS_DIRENV')).toBe(dir);
  });

  it('takes --region and --aws-profile from the .envrc line over the profile', async () => {
    const sb = await direnvSandbox();
    const dir = await project(sb, 'p', 'use claude work --region eu-west-1 --aws-profile acme\n');
    const { env, stderr } = await execEnv(sb, dir);
    expect(stderr).not.toMatch(/no AWS region/);
    expect(env.get('AWS_REGION')).toBe('eu-west-1');
    expect(env.get('AWS_PROFILE')).toBe('acme');
    expect(env.has('AWS_ACCESS_KEY_ID')).toBe(false);
    expect(env.get('CLAUDE_HOOKS_PROFILE')).toBe('work');
  });

  it('refuses hostile or unknown values on the use line without running or changing anything', async () => {
    const sb = await direnvSandbox();
    for (const [line, message] of [
      ["use claude bedrock --region '$(touch pwned)'", "--region '$(touch pwned)' is not a region name"],
      ['use claude bedrock --aws-profile "a;touch pwned"', "--aws-profile 'a;touch pwned' is not an AWS profile name"],
      ['use claude anthropic --region eu-west-1', "--region is not for anthropic profiles like 'anthropic'"],
      ['use claude nope', "unknown profile 'nope'"],
      ['use claude bedrock --colour red', "unknown argument '--colour'"],
    ]) {
      const dir = await project(sb, `p${line.length}`, `${line}\n`);
      const { env, stderr } = await execEnv(sb, dir);
      expect(stderr, line).toContain(`claude-hooks: ${message}`);
      expect(env.get('ANTHROPIC_API_KEY'), line).toBe(KEY);
      expect(env.has('CLAUDE_CODE_USE_BEDROCK'), line).toBe(false);
      expect(existsSync(join(dir, 'pwned'))).toBe(false);
    }
  });

  it('fetches a key from the profile command, never printing it', async () => {
    const sb = await direnvSandbox('[profiles.personal]\nbackend = "anthropic"\napiKeyCommand = "printf %s%s sk-ant- api03-FETCHED-5151"\n');
    const dir = await project(sb, 'p', 'use claude personal\n');
    const { env, stderr } = await execEnv(sb, dir);
    expect(env.get('ANTHROPIC_API_KEY')).toBe('sk-ant-api03-FETCHED-5151');
    expect(stderr).not.toContain('FETCHED');
    expect(readFileSync(join(dir, '.envrc'), 'utf8')).not.toContain('FETCHED');
  });

  it('uses the config as it is now when it changed after the library was written', async () => {
    const sb = await direnvSandbox();
    const dir = await project(sb, 'p', 'use claude late\n');
    await new Promise((r) => setTimeout(r, 1100)); // mtimes in seconds on some file systems
    sb.writeConfig('[profiles.late]\nbackend = "vertex"\nregion = "europe-west4"\nprojectId = "p-1"\n');
    const { env, stderr } = await execEnv(sb, dir);
    expect(env.get('CLAUDE_CODE_USE_VERTEX')).toBe('1');
    expect(env.get('ANTHROPIC_VERTEX_PROJECT_ID')).toBe('p-1');
    expect(stderr).toContain("run 'claude-hooks init direnv --write' to make loads fast again");
  });

  it('writes the library once, atomically, and leaves it alone when nothing changed', async () => {
    const sb = await direnvSandbox();
    const lib = join(sb.xdg, 'direnv', 'lib', 'claude-hooks.sh');
    const before = statSync(lib).mtimeMs;
    const again = await cli(sb, ['init', 'direnv', '--write']);
    expect(again.stdout).toContain('is up to date');
    expect(statSync(lib).mtimeMs).toBe(before);
    expect(readFileSync(lib, 'utf8')).toContain('use_claude()');
  });
});

for (const shell of direnvOk ? shellsUnderTest() : []) {
  describe(`${shell}: direnv and the shell hooks together`, () => {
    const hook = (s: string) => (s === 'fish' ? 'direnv hook fish | source' : `eval "$(direnv hook ${s === 'bash32' ? 'bash' : s})"`);

    it('switches on entry, restores exactly on exit, and the shell hooks do not fight it', async () => {
      const sb = await direnvSandbox();
      await project(sb, 'p', 'use claude bedrock\n');
      const status = shell === 'fish' ? 'echo "status=$status"' : 'echo "status=$?"';
      const run = await runWithInit(
        sb,
        shell,
        [hook(shell), 'prompt', 'dump start', 'cd p', 'prompt', 'dump in', 'cb-anthropic', status, 'prompt', 'cb-status', 'dump in2', 'cd ~', 'prompt', 'dump out'].join('\n'),
        { env: BASELINE },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.in!.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
      expect(run.dumps.in!.has('ANTHROPIC_API_KEY')).toBe(false);
      // A manual switch inside is refused, in one line, and changes nothing.
      expect(run.stdout).toContain('status=1');
      expect(run.stderr).toContain(`claude-hooks: direnv sets the backend here (.envrc in ${join(sb.home, 'p')} says: use claude bedrock)`);
      expect(run.stdout).toMatch(/^why +direnv: \.envrc in .*\/p$/m);
      expect(withoutNoise(run.dumps.in2!)).toEqual(withoutNoise(run.dumps.in!));
      expect(withoutNoise(run.dumps.out!)).toEqual(withoutNoise(run.dumps.start!));
    });

    it('does nothing for an .envrc that is not allowed', async () => {
      const sb = await direnvSandbox();
      await project(sb, 'p', 'use claude bedrock\n', false);
      const run = await runWithInit(sb, shell, [hook(shell), 'prompt', 'dump start', 'cd p', 'prompt', 'prompt', 'dump in'].join('\n'), { env: BASELINE });
      expect(run.stderr).toContain('is blocked');
      // direnv keeps its own DIRENV_* bookkeeping for the blocked file; nothing else changes.
      const ours = (env: Map<string, string>) => Object.fromEntries(Object.entries(withoutNoise(env)).filter(([k]) => !k.startsWith('DIRENV_')));
      expect(ours(run.dumps.in!)).toEqual(ours(run.dumps.start!));
      expect(run.dumps.in!.get('ANTHROPIC_API_KEY')).toBe(KEY);
    });

    it("returns to the shell's own manual switch when leaving", async () => {
      const sb = await direnvSandbox();
      await project(sb, 'p', 'use claude work\n');
      const run = await runWithInit(
        sb,
        shell,
        [hook(shell), 'prompt', 'dump start', 'cb-vertex', 'prompt', 'dump manual', 'cd p', 'prompt', 'dump in', 'cd ~', 'prompt', 'dump back', 'cb-off', 'dump off'].join('\n'),
        { env: { ...BASELINE, CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'proj' } },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.in!.get('CLAUDE_HOOKS_PROFILE')).toBe('work');
      expect(run.dumps.in!.get('AWS_REGION')).toBe('us-east-1');
      expect(run.dumps.in!.has('CLAUDE_CODE_USE_VERTEX')).toBe(false);
      expect(withoutNoise(run.dumps.back!)).toEqual(withoutNoise(run.dumps.manual!));
      expect(withoutNoise(run.dumps.off!)).toEqual(withoutNoise(run.dumps.start!));
    });
  });
}

describe('claude-hooks envrc', () => {
  const HAND_WRITTEN = '# my project\nsource_up\nexport NAME="Zoë 🌍"\ndotenv .env.local\n# no newline at the end';

  it('prints the block without --write', async () => {
    const sb = makeSandbox();
    const r = await cli(sb, ['envrc', 'bedrock', '--region', 'eu-west-1']);
    expect(r.exitCode).toBe(0);
    // execa drops the last newline of what it captured
    expect(r.stdout + '\n').toBe(`${BLOCK_START}\n# Claude Code's backend in this directory. Written by \`claude-hooks envrc\`, which rewrites only this block.\nuse claude bedrock --region eu-west-1\n${BLOCK_END}\n`);
  });

  it("keeps every byte of a hand-written .envrc, is idempotent, and updates only its block", async () => {
    const sb = makeSandbox();
    const dir = join(sb.home, 'proj');
    mkdirSync(dir);
    const path = join(dir, '.envrc');
    writeFileSync(path, HAND_WRITTEN);
    chmodSync(path, 0o640);
    const first = await cli(sb, ['envrc', 'bedrock', '--region', 'eu-west-1', '--write', '--dir', dir]);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toContain(`run \`direnv allow ${dir}\` to trust it`);
    expect(first.stdout).toContain('claude-hooks init direnv --write');
    const written = readFileSync(path, 'utf8');
    expect(written.startsWith(HAND_WRITTEN + '\n')).toBe(true);
    expect(written).toContain('\nuse claude bedrock --region eu-west-1\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);

    const mtime = statSync(path).mtimeMs;
    const second = await cli(sb, ['envrc', 'bedrock', '--region', 'eu-west-1', '--write', '--dir', dir]);
    expect(second.stdout).toContain('already says: use claude bedrock --region eu-west-1');
    expect(readFileSync(path, 'utf8')).toBe(written);
    expect(statSync(path).mtimeMs).toBe(mtime);

    writeFileSync(path, written + 'echo after the block\n');
    await cli(sb, ['envrc', 'bedrock', '--region', 'ap-south-1', '--write', '--dir', dir]);
    const updated = readFileSync(path, 'utf8');
    expect(updated).toBe((written + 'echo after the block\n').replace('--region eu-west-1', '--region ap-south-1'));
  });

  it.each([
    [['--region', '$(touch pwned)'], 'envrc: --region "$(touch pwned)": expected a region name (lower-case letters, digits and -), such as eu-west-1'],
    [['--region', 'eu-west-1\nexport X=1'], 'envrc: --region "eu-west-1\\nexport X=1": expected a region name'],
    [['--aws-profile', "a'b"], `envrc: --aws-profile "a'b": expected an AWS profile name (letters, digits and _.@+=,-)`],
    [['--aws-profile=-rf'], 'envrc: --aws-profile "-rf": expected an AWS profile name'],
  ])('refuses hostile values %j, writing nothing', async (args, message) => {
    const sb = makeSandbox();
    const dir = join(sb.home, 'proj');
    mkdirSync(dir);
    writeFileSync(join(dir, '.envrc'), HAND_WRITTEN);
    const r = await cli(sb, ['envrc', 'bedrock', ...args, '--write', '--dir', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`claude-hooks: ${message}`);
    expect(readFileSync(join(dir, '.envrc'), 'utf8')).toBe(HAND_WRITTEN);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('refuses a damaged block and an unknown profile', async () => {
    const sb = makeSandbox();
    const dir = join(sb.home, 'proj');
    mkdirSync(dir);
    const damaged = `export A=1\n${BLOCK_START}\nuse claude vertex\n`;
    writeFileSync(join(dir, '.envrc'), damaged);
    const r = await cli(sb, ['envrc', 'bedrock', '--write', '--dir', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('has a damaged claude-hooks block');
    expect(readFileSync(join(dir, '.envrc'), 'utf8')).toBe(damaged);
    const unknown = await cli(sb, ['envrc', 'nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('envrc: no profile "nope"; known: anthropic, bedrock, vertex, foundry');
  });
});

// One region rule: what config check passes, `envrc --region` writes and `use claude --region`
// takes in real direnv are the same set (REGION_NAME), over fixed and generated names.
describe.skipIf(!direnvOk)('one region rule, in the config, envrc and use claude', () => {
  it('all three accept exactly the same region names', async () => {
    const { REGION_NAME } = await import('../src/profiles/schema.js');
    const fc = (await import('fast-check')).default;
    const generated = fc.sample(fc.stringMatching(/^[a-zA-Z0-9 _.-]{0,44}$/), { seed: 17, numRuns: 12 });
    const regions = ['eu-west-1', 'EU-WEST-1', 'global', 'us-east5', '-x', 'a'.repeat(40), 'a'.repeat(41), 'eu_west_1', 'x y', ...generated];
    const sb = await direnvSandbox();
    for (const [i, region] of regions.entries()) {
      if (region.includes("'") || region === '') continue;
      const accepted = REGION_NAME.test(region);
      const dir = await project(sb, `r${i}`, `use claude bedrock --region '${region}'\n`);
      const { env, stderr } = await execEnv(sb, dir);
      expect(env.get('AWS_REGION') === region, `use claude --region ${JSON.stringify(region)}: ${stderr}`).toBe(accepted);
      const written = await cli(sb, ['envrc', 'bedrock', '--region', region]);
      expect(written.exitCode === 0, `envrc --region ${JSON.stringify(region)}`).toBe(accepted);
      sb.writeConfig(`[profiles.w]\nbackend = "bedrock"\nregion = ${JSON.stringify(region)}\n`);
      const check = await cli(sb, ['config', 'check']);
      expect(check.exitCode === 0, `config check region = ${JSON.stringify(region)}`).toBe(accepted);
      sb.writeConfig('[profiles.work]\nbackend = "bedrock"\nregion = "us-east-1"\n');
    }
  }, 120_000);
});
