// The shell commands' manners (issue 18), in real bash, zsh and fish: a stray argument gets the
// usage and exit 2 with nothing changed (and never closes a set -e shell), cb-status says whose
// variables it shows and names a settings file that overrides them, `init --cmd` renames every
// command (and keeps it through cb-reload), and completion describes what it offers without
// starting a process for profile names.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../src/profiles/builtin.js';
import { CLI, cli, makeSandbox } from './helpers/sandbox.js';
import { initShell, runWithInit, shellBinary, shellsUnderTest, withoutNoise } from './helpers/shells.js';

const shells = shellsUnderTest();

for (const shell of shells) {
  const status = initShell(shell) === 'fish' ? '$status' : '$?';
  describe(`${shell}: stray arguments`, () => {
    const calls = [
      ...BUILTIN_PROFILES.map((p) => [`cb-${p.name}`, '--region eu-west-1'] as const),
      ['cb-anthropic', 'bogus'],
      ['cb-off', 'now'],
      ['cb-status', '--json'],
      ['cb-reload', 'x'],
      ['cb-use', 'bedrock extra'],
    ] as const;
    it.each(calls)('%s %s: usage, exit 2, nothing changed', async (command, args) => {
      const sb = makeSandbox();
      const run = await runWithInit(sb, shell, `cb-vertex\ndump before\n${command} ${args}\necho "rc=${status}"\ndump after`, {
        env: { AWS_REGION: 'us-east-1', ANTHROPIC_VERTEX_PROJECT_ID: 'p', CLOUD_ML_REGION: 'us-east5', CLAUDE_HOOKS_QUIET: '1' },
      });
      expect(run.stdout).toContain('rc=2');
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^usage: ${command}\\b`))]);
      expect(withoutNoise(run.dumps.after!)).toEqual(withoutNoise(run.dumps.before!));
    });

    it.skipIf(initShell(shell) === 'fish')('under set -e / ERR_EXIT, a stray argument does not close the shell', async () => {
      const sb = makeSandbox();
      const errexit = shell === 'zsh' ? 'setopt err_exit' : 'set -e';
      const run = await runWithInit(sb, shell, `${errexit}\ncb-bedrock --region x\ncb-off now\ncb-status -v\necho still-alive`, { env: { AWS_REGION: 'us-east-1' } });
      expect(run.stdout).toContain('still-alive');
      expect(run.exitCode).toBe(0);
    });
  });

  describe(`${shell}: cb-status`, () => {
    it("says the variables are this shell's, and names a settings file that overrides them", async () => {
      const sb = makeSandbox();
      // The machine's managed settings are not this test's (tests only: see src/status/settings.ts).
      const env = { AWS_REGION: 'us-east-1', CLAUDE_HOOKS_QUIET: '1', CLAUDE_HOOKS_MANAGED_SETTINGS: join(sb.root, 'managed-settings.json') };
      const plain = await runWithInit(sb, shell, 'cb-bedrock\ncb-status', { env });
      expect(plain.stdout).toContain('variables in this shell');
      expect(plain.stdout).not.toContain('settings  ');
      mkdirSync(join(sb.home, '.claude'));
      const settings = join(sb.home, '.claude', 'settings.json');
      writeFileSync(settings, JSON.stringify({ permissions: { allow: [] }, env: { CLAUDE_CODE_USE_BEDROCK: '0', NOT_OURS: 'x' } }, null, 2));
      const over = await runWithInit(sb, shell, 'cb-bedrock\ncb-status', { env });
      const line = over.stdout.split('\n').find((l) => l.startsWith('settings  '));
      expect(line).toBe(`settings  ${settings} sets CLAUDE_CODE_USE_BEDROCK, over this shell: claude-hooks status says what Claude Code will use`);
      // And the prediction agrees that the file wins: cb-bedrock's selector is turned off there.
      const predicted = await cli(sb, ['status', '--json'], { ...env, CLAUDE_CODE_USE_BEDROCK: '1' });
      expect(JSON.parse(predicted.stdout).provider).toBe('firstParty');
    });

    it('names the managed settings file and its drop-ins when they set a variable', async () => {
      const sb = makeSandbox();
      const managed = join(sb.root, 'managed', 'managed-settings.json');
      const dropIns = join(sb.root, 'managed', 'managed-settings.d');
      mkdirSync(dropIns, { recursive: true });
      writeFileSync(managed, JSON.stringify({ env: { AWS_REGION: 'eu-north-1' } }));
      writeFileSync(join(dropIns, '10-a.json'), JSON.stringify({ env: { ANTHROPIC_MODEL: 'm' } }));
      writeFileSync(join(dropIns, '20-b.json'), JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '0' } }));
      const run = await runWithInit(sb, shell, 'cb-bedrock\ncb-status', { env: { CLAUDE_HOOKS_QUIET: '1', CLAUDE_HOOKS_MANAGED_SETTINGS: managed } });
      const lines = run.stdout.split('\n').filter((l) => l.startsWith('settings  '));
      const tail = ', over this shell: claude-hooks status says what Claude Code will use';
      // Strongest first, as Claude Code applies them: the last drop-in, the first, the file.
      expect(lines).toEqual([
        `settings  ${join(dropIns, '20-b.json')} sets CLAUDE_CODE_USE_BEDROCK${tail}`,
        `settings  ${join(dropIns, '10-a.json')} sets ANTHROPIC_MODEL${tail}`,
        `settings  ${managed} sets AWS_REGION${tail}`,
      ]);
    });

    it('reads a settings file that is a FIFO never, and one of /proc never', async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, '.claude'));
      await execa('mkfifo', [join(sb.home, '.claude', 'settings.json')]);
      const run = await runWithInit(sb, shell, 'cb-status\necho done', { timeout: 10_000, env: { CLAUDE_CONFIG_DIR: join(sb.home, '.claude') } });
      expect(run.stdout).toContain('done');
      const proc = await runWithInit(sb, shell, 'cb-status\necho done', { timeout: 10_000, env: { CLAUDE_CONFIG_DIR: '/proc/self' } });
      expect(proc.stdout).toContain('done');
    });
  });

  describe(`${shell}: init --cmd`, () => {
    it('names every command with the prefix, and cb-reload keeps it', async () => {
      const sb = makeSandbox();
      const init = await cli(sb, ['init', initShell(shell), '--cmd', 'ch']);
      expect(init.exitCode, init.stderr).toBe(0);
      const file = join(sb.root, 'init.ch');
      writeFileSync(file, init.stdout);
      const isFish = initShell(shell) === 'fish';
      const defined = (name: string) => (isFish ? `functions -q ${name}; and echo "has ${name}"; or echo "no ${name}"` : `if command -v ${name} >/dev/null 2>&1; then echo "has ${name}"; else echo "no ${name}"; fi`);
      const names = ['use', 'off', 'status', 'reload', ...BUILTIN_PROFILES.map((p) => p.name)];
      const script = [
        isFish ? `source '${file}'` : `. '${file}'`,
        ...names.flatMap((n) => [defined(`ch-${n}`), defined(`cb-${n}`)]),
        'ch-bedrock',
        'echo "use=$CLAUDE_CODE_USE_BEDROCK"',
        'ch-reload',
        defined('ch-bedrock'),
        defined('cb-bedrock'),
        'ch-off',
        'ch-off extra',
      ].join('\n');
      const bin = shellBinary(shell)!;
      const args = isFish ? ['--no-config', '-c', script] : shell === 'zsh' ? ['-f', '-c', script] : ['--norc', '--noprofile', '-c', script];
      const r = await execa(bin, args, { env: sb.env({ AWS_REGION: 'us-east-1' }), extendEnv: false, reject: false, cwd: sb.home });
      for (const n of names) {
        expect(r.stdout).toContain(`has ch-${n}`);
        expect(r.stdout).toContain(`no cb-${n}`);
      }
      expect(r.stdout).toContain('use=1');
      expect(r.stdout.split('\n').filter((l) => l === 'has ch-bedrock')).toHaveLength(2);
      expect(r.stdout.split('\n').filter((l) => l === 'no cb-bedrock')).toHaveLength(2);
      expect(r.stderr).toContain('usage: ch-off');
      expect(r.stderr).not.toMatch(/\bcb-(use|off|status|reload)\b/);
    });
  });
}

/** Runs a completion request in a real shell; claude-hooks is NOT on PATH, so profile names can
 *  only come from the loaded integration (no process). */
async function complete(shell: 'bash' | 'zsh' | 'fish', line: string, withInit: boolean): Promise<string> {
  const sb = makeSandbox();
  sb.writeConfig('[profiles.acme-eu]\nbackend = "bedrock"\nregion = "eu-west-1"\n');
  const completion = join(sb.root, `completion.${shell}`);
  writeFileSync(completion, (await cli(sb, ['completion', shell])).stdout);
  const init = join(sb.root, `init.${shell}`);
  writeFileSync(init, withInit ? (await cli(sb, ['init', shell])).stdout : '');
  const words = line.split(' ');
  let body: string;
  if (shell === 'fish') body = `source '${init}'; source '${completion}'; complete -C '${line}'`;
  else if (shell === 'bash') body = `. '${init}'; . '${completion}'; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _claude_hooks_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  // compadd works only inside a completion widget: stand in for it, showing words and descriptions.
  else body = `compdef() { :; }; compadd() { local -a d; local w; while [[ $1 == -* && $1 != -- ]]; do if [[ $1 == -d ]]; then d=("\${(@P)2}"); shift; fi; shift; done; shift; for w in "$@"; do print -r -- "$w	\${d[1]}"; shift d; done; }; . '${init}'; . '${completion}'; words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}; _claude_hooks`;
  const bin = shellBinary(shell)!;
  const args = shell === 'fish' ? ['--no-config', '-c', body] : shell === 'zsh' ? ['-f', '-c', body] : ['--norc', '-c', body];
  const noHooks = join(sb.root, 'bin');
  mkdirSync(noHooks);
  // A claude-hooks on PATH that records being called: it must not be, with the init loaded.
  writeFileSync(join(noHooks, 'claude-hooks'), `#!/bin/sh\necho called >> '${join(sb.root, 'called')}'\nexec '${process.execPath}' '${CLI}' "$@"\n`);
  chmodSync(join(noHooks, 'claude-hooks'), 0o755);
  const r = await execa(bin, args, { env: sb.env({ PATH: `${noHooks}:${process.env.PATH}` }), extendEnv: false, reject: false });
  const called = await execa('cat', [join(sb.root, 'called')], { reject: false });
  return `${r.stdout}\n--called:${called.stdout.trim() ? 'yes' : 'no'}`;
}

for (const shell of shells.filter((s): s is 'bash' | 'zsh' | 'fish' => s !== 'bash32')) {
  describe(`${shell}: claude-hooks completion, from the declarations`, () => {
    it('completes profile names from the loaded integration, starting no process', async () => {
      const out = await complete(shell, 'claude-hooks envrc ', true);
      expect(out).toContain('acme-eu');
      expect(out).toContain('--called:no');
      if (shell !== 'bash') expect(out).toMatch(/acme-eu\s.*profile, bedrock backend/);
    });

    it('without the integration, asks claude-hooks', async () => {
      const out = await complete(shell, 'claude-hooks profiles show ', false);
      expect(out).toContain('acme-eu');
      expect(out).toContain('--called:yes');
    });

    it.skipIf(shell === 'bash')('describes commands and flags', async () => {
      const top = await complete(shell, 'claude-hooks ', true);
      expect(top).toMatch(/status\s.*which backend Claude Code will use here/);
      expect(top).toMatch(/doctor\s.*find what would make Claude Code/);
      const flags = await complete(shell, 'claude-hooks doctor --', true);
      expect(flags).toMatch(/--no-verify\s.*do not ask/);
      expect(flags).toMatch(/--json\s.*print JSON/);
    });
  });
}

for (const shell of shells) {
  describe(`${shell}: what the commands say`, () => {
    it('cb-off says "back" once, then "already off"; cb-reload says what it read', async () => {
      const sb = makeSandbox();
      const run = await runWithInit(sb, shell, 'cb-off\ncb-bedrock\ncb-off\ncb-off\ncb-reload', { env: { AWS_REGION: 'us-east-1' } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr.trim().split('\n')).toEqual([
        'claude-hooks: already off: no profile was active',
        'claude-hooks: bedrock',
        'claude-hooks: off: your own variables are back',
        'claude-hooks: already off: no profile was active',
        `claude-hooks: reloaded ${sb.xdg}/claude-hooks/config.toml: ${BUILTIN_PROFILES.length} profiles`,
      ]);
    });
  });
}

describe('setup says what it does', () => {
  it('--dry-run ends with a newline; --cache over a block replaces it and says so', async () => {
    const sb = makeSandbox();
    const dry = await execa(process.execPath, [CLI, 'setup', 'bash', '--dry-run'], { env: sb.env(), extendEnv: false, cwd: sb.home, stripFinalNewline: false });
    expect(dry.stdout.endsWith('\n')).toBe(true);
    expect(dry.stdout).not.toMatch(/ +$/m);
    expect((await cli(sb, ['setup', 'bash'])).stdout).toContain('claude-hooks: added to ');
    const dryCache = await cli(sb, ['setup', 'bash', '--cache', '--dry-run']);
    expect(dryCache.stdout).toContain('would replace the claude-hooks block in');
    const cache = await cli(sb, ['setup', 'bash', '--cache']);
    expect(cache.stdout).toContain('claude-hooks: replaced the block in ');
    expect(cache.stdout).not.toContain('added to');
  });
});
