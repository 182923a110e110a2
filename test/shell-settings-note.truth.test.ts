// cb-status names the settings files that override the shell (_cb_settings_note in shells/),
// and must name the ones Claude Code reads. With CLAUDE_CONFIG_DIR set and empty, Claude Code
// 2.1.332 takes the working directory as its config directory (status-oracle.test.ts, "an empty
// CLAUDE_CONFIG_DIR: settings.json in the working directory"): it reads ./settings.json, not
// ~/.claude/settings.json. The templates took an empty CLAUDE_CONFIG_DIR for unset
// (`${CLAUDE_CONFIG_DIR:-$HOME/.claude}`, fish's `test -n`), so cb-status named the file Claude
// Code does not read and missed the one it does. The first test shows, with the pinned CLI,
// that the file in the working directory is the one that counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { available, claudeAuthStatus } from './helpers/oracle.js';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest } from './helpers/shells.js';

const OFF = JSON.stringify({ env: { CLAUDE_CODE_USE_BEDROCK: '0' } });

function world() {
  const sb = makeSandbox();
  const work = join(sb.home, 'work');
  mkdirSync(join(sb.home, '.claude'), { recursive: true });
  mkdirSync(work);
  const here = join(work, 'settings.json');
  const unread = join(sb.home, '.claude', 'settings.json');
  writeFileSync(here, OFF);
  writeFileSync(unread, OFF);
  const env = { CLAUDE_CONFIG_DIR: '', AWS_REGION: 'us-east-1', CLAUDE_HOOKS_QUIET: '1', CLAUDE_HOOKS_MANAGED_SETTINGS: join(sb.root, 'managed-settings.json') };
  return { sb, work, here, unread, env };
}

describe.skipIf(!available)('an empty CLAUDE_CONFIG_DIR, by the pinned CLI', () => {
  it("Claude Code reads the working directory's settings.json, not ~/.claude/settings.json", async () => {
    const { sb, work, here, env } = world();
    const said = async () => (JSON.parse((await claudeAuthStatus(sb, work, { ...env, CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' })).stdout) as { apiProvider: string }).apiProvider;
    expect(await said()).toBe('firstParty'); // both files turn Bedrock off
    writeFileSync(here, '{}');
    expect(await said()).toBe('bedrock'); // ~/.claude/settings.json still does: it is not read
  });
});

for (const shell of shellsUnderTest()) {
  describe(`${shell}: cb-status with an empty CLAUDE_CONFIG_DIR`, () => {
    it('names the settings.json Claude Code reads (the working directory\'s), not ~/.claude\'s', async () => {
      const { sb, work, here, unread, env } = world();
      const run = await runWithInit(sb, shell, 'cb-bedrock\ncb-status', { env, cwd: work });
      const lines = run.stdout.split('\n').filter((l) => l.startsWith('settings  '));
      expect(lines.some((l) => l.includes(here))).toBe(true);
      expect(lines.some((l) => l.includes(unread))).toBe(false);
    });
  });
}
