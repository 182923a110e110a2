// The CLI as a user meets it: arguments, the config and its errors, and what init prints.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLI, cli, makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest } from './helpers/shells.js';

describe('claude-hooks CLI', () => {
  it('prints its version and help', async () => {
    const sb = makeSandbox();
    const version = await cli(sb, ['--version']);
    expect(version.exitCode).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await cli(sb, ['init', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('claude-hooks init fish | source');
  });

  it('refuses a missing or unknown shell with one line and exit code 2', async () => {
    const sb = makeSandbox();
    const none = await cli(sb, ['init']);
    expect(none.exitCode).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    const tcsh = await cli(sb, ['init', 'tcsh']);
    expect(tcsh.exitCode).toBe(2);
    expect(tcsh.stderr.trim()).toMatch(/^claude-hooks: .*shell.*tcsh.*bash.*zsh.*fish/);
    const nothing = await cli(sb, []);
    expect(nothing.exitCode).toBe(2);
  });

  it('takes the start-up forms of init without the parser, and leaves every other form to it', async () => {
    // src/cli.ts answers `init <shell>` with --cmd and --cache itself (shell start-up); the same
    // words in any order must give what the parser gives, and what it refuses stays refused.
    const sb = makeSandbox();
    const a = await cli(sb, ['init', 'zsh', '--cache', '--cmd', 'ch']);
    const b = await cli(sb, ['init', 'zsh', '--cmd=ch', '--cache']);
    expect(a.exitCode).toBe(0);
    expect(a.stdout).toContain('ch-use()');
    expect(b.stdout).toBe(a.stdout);
    expect(existsSync(join(sb.home, '.cache', 'claude-hooks', 'init.zsh'))).toBe(true);
    for (const args of [
      ['init', 'direnv', '--cache'],
      ['init', 'direnv', '--cmd', 'ch'],
      ['init', 'zsh', '--cmd', '1bad'],
      ['init', 'zsh', '--cache', '--cache', '--bogus'],
      ['init', 'zsh', '--cmd'],
    ]) {
      const r = await cli(sb, args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('writes all of a large init through a slow pipe, and stops quietly when the reader has gone', async () => {
    const sb = makeSandbox();
    // About 400 KB of integration: many times a pipe's buffer, so writes block on the reader.
    sb.writeConfig(Array.from({ length: 400 }, (_, i) => `[profiles.p${i}]\nbackend = "bedrock"\nregion = "eu-west-1"\ndescription = "${'x'.repeat(600)}"\n`).join('\n'));
    const env = sb.env();
    const slowCopy = join(sb.root, 'slow.zsh');
    const direct = join(sb.root, 'direct.zsh');
    const node = `'${process.execPath}' '${CLI}' init zsh`;
    const slow = await execa('bash', ['-c', `${node} | (sleep 0.3; cat > '${slowCopy}'); echo "\${PIPESTATUS[0]}"; ${node} > '${direct}'`], { env, extendEnv: false, reject: false });
    expect(slow.stdout.trim()).toBe('0');
    expect(slow.stderr).toBe('');
    expect(statSync(direct).size).toBeGreaterThan(300_000);
    expect(readFileSync(slowCopy).equals(readFileSync(direct))).toBe(true);
    // The reader exits at once: no EPIPE trace, no failure of the shell's start-up line.
    const gone = await execa('bash', ['-c', `${node} | true; echo "\${PIPESTATUS[0]}"`], { env, extendEnv: false, reject: false });
    expect(gone.stdout.trim()).toBe('0');
    expect(gone.stderr).toBe('');
  });

  it('never prints a secret from the environment into the init', async () => {
    const sb = makeSandbox();
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await cli(sb, ['init', shell], { ANTHROPIC_API_KEY: 'sk-ant-SECRET-1', AWS_SECRET_ACCESS_KEY: 'AWS-SECRET-2' });
      expect(r.stdout).not.toMatch(/SECRET-1|SECRET-2/);
    }
  });

  it('keeps shell start-up working when the config is broken', async () => {
    const sb = makeSandbox();
    const path = sb.writeConfig('[profiles.work]\nbackend = "bedrock"\nregion = \n');
    const r = await cli(sb, ['init', 'bash']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^claude-hooks: ${path}:3:\\d+: not valid TOML.*using the built-in profiles only`));
    expect(r.stdout).toContain('function cb-bedrock {');
    expect(r.stdout).not.toContain("'work'");
  });

  it('reads the config from CLAUDE_HOOKS_CONFIG and says so when it is missing', async () => {
    const sb = makeSandbox();
    const r = await cli(sb, ['init', 'zsh'], { CLAUDE_HOOKS_CONFIG: join(sb.root, 'nope.toml') });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`claude-hooks: ${join(sb.root, 'nope.toml')}: cannot read the config (ENOENT)`);
  });
});

// Values from the config land in generated shell code: each shell must read back exactly
// these characters, and nothing in them may run.
// Not a region any more (config check refuses it there: one region rule); a model name takes anything.
const HOSTILE_OPUS = `eu-west-1'; touch pwned; echo '`;
const HOSTILE_MODEL = 'model $(touch pwned) `touch pwned` \\ "q" \\\' \n second line\t* ? [a] ~ % ! {a,b} ü 中';
const HOSTILE_URL = 'https://gw.example/$HOME/${PATH}/\\\\x';

for (const shell of shellsUnderTest()) {
  describe(`${shell}: a broken config`, () => {
    it('still gives a working shell with the built-in profiles', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.work]\nbackend = "bedrock"\nregion = "us-east-1"\n\n[profiles.work]\nbackend = "vertex"\n');
      const run = await runWithInit(sb, shell, 'cb-bedrock\ndump b\ncb-use work\ncb-off\ndump off', { env: { AWS_REGION: 'eu-west-1' } });
      expect(run.exitCode).toBe(0);
      expect(run.dumps.b!.get('CLAUDE_CODE_USE_BEDROCK')).toBe('1');
      expect(run.dumps.b!.get('AWS_REGION')).toBe('eu-west-1');
      expect(run.stderr).toContain("claude-hooks: unknown profile 'work'");
      expect(run.dumps.off!.has('CLAUDE_CODE_USE_BEDROCK')).toBe(false);
    });
  });

  describe(`${shell}: config values round-trip`, () => {
    it('sets hostile values from the config byte for byte, and runs none of them', async () => {
      const sb = makeSandbox();
      const toml = (s: string) => JSON.stringify(s); // a JSON string is a valid TOML basic string
      sb.writeConfig(
        `[profiles.odd]\nbackend = "bedrock"\nregion = "eu-west-1"\nopusModel = ${toml(HOSTILE_OPUS)}\nmodel = ${toml(HOSTILE_MODEL)}\nbaseUrl = ${toml(HOSTILE_URL)}\n` +
          `description = ${toml("it's \"odd\" $(touch pwned)")}\n\n[profiles.odd.env]\nDISABLE_TELEMETRY = ${toml('1; touch pwned')}\n\n` +
          `[directories]\n${toml('~/weird dir/$(touch pwned)/*')} = "odd"\n`,
      );
      const weird = join(sb.home, 'weird dir', '$(touch pwned)', '*');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(weird, 'below'), { recursive: true });
      mkdirSync(join(sb.home, 'weird dir', '$(touch pwned)', 'x'), { recursive: true });
      // `?` as a pattern would match the map's `*`: a directory name here too.
      mkdirSync(join(sb.home, 'weird dir', '$(touch pwned)', '?'), { recursive: true });
      const cdTo = (p: string) => (shell === 'fish' ? `cd '${p.replace(/'/g, "\\'")}'` : `cd '${p}'`);
      const run = await runWithInit(
        sb,
        shell,
        ['cb-use odd', 'dump odd', 'cb-status', 'cb-off', cdTo(join(sb.home, 'weird dir', '$(touch pwned)', 'x')), 'prompt', 'dump sibling', cdTo(join(sb.home, 'weird dir', '$(touch pwned)', '?')), 'prompt', 'dump qmark', cdTo(join(weird, 'below')), 'prompt', 'dump mapped'].join('\n'),
        { cwd: sb.home },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      const odd = run.dumps.odd!;
      expect(odd.get('AWS_REGION')).toBe('eu-west-1');
      expect(odd.get('ANTHROPIC_DEFAULT_OPUS_MODEL')).toBe(HOSTILE_OPUS);
      expect(odd.get('ANTHROPIC_MODEL')).toBe(HOSTILE_MODEL);
      expect(odd.get('ANTHROPIC_BEDROCK_BASE_URL')).toBe(HOSTILE_URL);
      expect(odd.get('DISABLE_TELEMETRY')).toBe('1; touch pwned');
      // The map's `*` is a directory name, not a wildcard: its sibling is not mapped.
      expect(run.dumps.sibling!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.dumps.qmark!.has('CLAUDE_HOOKS_PROFILE')).toBe(false);
      expect(run.dumps.mapped!.get('CLAUDE_HOOKS_PROFILE')).toBe('odd');
      expect(existsSync(join(sb.home, 'pwned'))).toBe(false);
      expect(existsSync(join(sb.root, 'pwned'))).toBe(false);
    });
  });
}
