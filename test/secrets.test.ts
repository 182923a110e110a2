// Secrets by reference, in the real shells: a key command runs at the first switch and not
// before, its output lands in the variable and nowhere else, and a failure leaves no key.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, makeSandbox, type Sandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, withoutNoise } from './helpers/shells.js';

const FETCHED = 'sk-ant-api03-FETCHED-by-command-xyz-7777';
const INLINE = 'sk-ant-api03-INLINE-in-config-abc-8888';
const BASE_KEY = 'sk-ant-api03-baseline-key-0000-1111';

/** A key command that counts its runs in a file, so a test can see how often it ran. */
function keyCommand(sb: Sandbox): string {
  const script = join(sb.root, 'fetch-key.sh');
  writeFileSync(script, `#!/bin/sh\necho run >> '${join(sb.root, 'runs')}'\nprintf '%s\\n' '${FETCHED}'\n`);
  chmodSync(script, 0o755);
  return script;
}

function runs(sb: Sandbox): number {
  const file = join(sb.root, 'runs');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: secrets by reference`, () => {
    it('runs apiKeyCommand at the first switch only, and never prints the key', async () => {
      const sb = makeSandbox();
      sb.writeConfig(`[profiles.personal]\nbackend = "anthropic"\napiKeyCommand = "${keyCommand(sb)}"\n`);
      const init = await cli(sb, ['init', shell === 'bash32' ? 'bash' : shell]);
      expect(init.stdout).not.toContain(FETCHED);
      const run = await runWithInit(
        sb,
        shell,
        ['dump start', 'cb-use personal', 'dump personal', 'cb-status', 'cb-bedrock', 'dump bedrock', 'cb-use personal', 'dump again', 'cb-off', 'dump off', 'cb-use personal', 'cb-off'].join('\n'),
        { env: { ANTHROPIC_API_KEY: BASE_KEY, AWS_REGION: 'us-east-1' } },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.personal!.get('ANTHROPIC_API_KEY')).toBe(FETCHED);
      expect(run.dumps.bedrock!.has('ANTHROPIC_API_KEY')).toBe(false);
      expect(run.dumps.again!.get('ANTHROPIC_API_KEY')).toBe(FETCHED);
      expect(withoutNoise(run.dumps.off!)).toEqual(withoutNoise(run.dumps.start!));
      // Once for the first two switches to the profile; cb-off forgets it, so once more after.
      expect(runs(sb)).toBe(2);
      expect(run.stdout + run.stderr).not.toContain(FETCHED);
      expect(run.stdout).toContain('ANTHROPIC_API_KEY=sk-ant-…7777');
    });

    it('leaves the key unset, with one line, when the command fails', async () => {
      const sb = makeSandbox();
      sb.writeConfig('[profiles.personal]\nbackend = "anthropic"\napiKeyCommand = "echo oops >&2; exit 3"\n');
      const run = await runWithInit(sb, shell, 'cb-use personal\ndump after', { env: { ANTHROPIC_API_KEY: BASE_KEY } });
      expect(run.exitCode).toBe(0);
      expect(run.dumps.after!.has('ANTHROPIC_API_KEY')).toBe(false);
      expect(run.dumps.after!.get('CLAUDE_HOOKS_PROFILE')).toBe('personal');
      expect(run.stderr.trim().split('\n')).toEqual([
        'claude-hooks: personal',
        'oops', // the command's own stderr reaches the user: a password manager may need to say why
        'claude-hooks: personal: apiKeyCommand failed or printed nothing; ANTHROPIC_API_KEY is not set',
      ]);
    });

    it('reads an allowed literal key at switch time, never from the init', async () => {
      const sb = makeSandbox();
      const config = sb.writeConfig(`allowInlineSecrets = true\n\n[profiles.inline]\nbackend = "anthropic"\napiKey = "${INLINE}"\n`);
      chmodSync(config, 0o600);
      const init = await cli(sb, ['init', shell === 'bash32' ? 'bash' : shell]);
      expect(init.stderr).toBe('');
      expect(init.stdout).not.toContain(INLINE);
      const run = await runWithInit(sb, shell, 'cb-use inline\ndump inline\ncb-off\ndump off', { env: { ANTHROPIC_API_KEY: BASE_KEY } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.dumps.inline!.get('ANTHROPIC_API_KEY')).toBe(INLINE);
      expect(run.dumps.off!.get('ANTHROPIC_API_KEY')).toBe(BASE_KEY);
      expect(run.stdout + run.stderr).not.toContain(INLINE);
    });
  });
}

describe('a literal key in a config others can read', () => {
  it('is refused: init warns in one line and loads the built-ins, without the key', async () => {
    const sb = makeSandbox();
    const config = sb.writeConfig(`allowInlineSecrets = true\n[profiles.inline]\nbackend = "anthropic"\napiKey = "${INLINE}"\n`);
    chmodSync(config, 0o644);
    const init = await cli(sb, ['init', 'bash']);
    expect(init.exitCode).toBe(0);
    expect(init.stderr.trim()).toBe(
      `claude-hooks: ${config}:4: profiles.inline.apiKey: allowInlineSecrets is on, but ${config} can be read by others (mode 644); chmod 600 it; using the built-in profiles only`,
    );
    expect(init.stdout + init.stderr).not.toContain(INLINE);
    const secret = await cli(sb, ['secret', 'inline', 'apiKey']);
    expect(secret.exitCode).toBe(2);
    expect(secret.stdout).toBe('');
  });
});
