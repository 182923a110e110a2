// doctor (and status --verify) ask the user's own `claude auth status` only once Claude Code has
// run for this user, because even that command writes Claude Code's global config when there is
// none, and claude-hooks never writes a file. "Has run" was ~/.claude.json; but with
// CLAUDE_CONFIG_DIR set, Claude Code's global config is $CLAUDE_CONFIG_DIR/.claude.json, and
// asking wrote that file (and a backups directory) into a fresh config directory. Now it is the
// file predict found, where Claude Code looks. The pinned CLI stands in for the user's claude.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE, available } from './helpers/oracle.js';
import { cli, makeSandbox } from './helpers/sandbox.js';

function world(configDir: 'absolute' | 'relative' | 'unset', globalThere: 'home' | 'config dir' | 'legacy' | 'none') {
  const sb = makeSandbox();
  const bin = join(sb.root, 'bin');
  mkdirSync(bin);
  symlinkSync(CLAUDE, join(bin, 'claude'));
  const work = join(sb.home, 'work');
  mkdirSync(work);
  const dir = configDir === 'absolute' ? join(sb.root, 'cfg') : configDir === 'relative' ? join(work, 'cfg') : join(sb.home, '.claude');
  mkdirSync(dir, { recursive: true });
  if (globalThere === 'home') writeFileSync(join(sb.home, '.claude.json'), '{}');
  if (globalThere === 'config dir') writeFileSync(configDir === 'unset' ? join(sb.home, '.claude.json') : join(dir, '.claude.json'), '{}');
  if (globalThere === 'legacy') writeFileSync(join(dir, '.config.json'), '{}');
  const env: Record<string, string> = { PATH: `${bin}:${process.env.PATH}` };
  if (configDir !== 'unset') env.CLAUDE_CONFIG_DIR = configDir === 'absolute' ? dir : 'cfg';
  return { sb, work, dir, env };
}

describe.concurrent.skipIf(!available)('asking claude never creates its config', () => {
  for (const configDir of ['absolute', 'relative'] as const) {
    it(`CLAUDE_CONFIG_DIR ${configDir}, only ~/.claude.json there: not asked, nothing written`, async () => {
      const { sb, work, dir, env } = world(configDir, 'home');
      const before = readdirSync(dir);
      const doctor = await cli(sb, ['doctor', '--dir', work], env);
      const status = await cli(sb, ['status', '--verify', '--dir', work], env);
      expect(readdirSync(dir)).toEqual(before);
      expect(doctor.stdout).not.toContain('claude auth status');
      expect(status.stdout).toContain('has not run for this user yet');
    });
  }
  for (const [configDir, there] of [['absolute', 'config dir'], ['relative', 'config dir'], ['absolute', 'legacy'], ['unset', 'config dir']] as const) {
    it(`CLAUDE_CONFIG_DIR ${configDir}, its global config in the ${there}: asked`, async () => {
      const { sb, work, env } = world(configDir, there);
      const doctor = await cli(sb, ['doctor', '--dir', work], env);
      expect(doctor.stdout).toMatch(/Claude Code \d+\.\d+\.\d+ agrees/);
    });
  }
  it('nothing anywhere: not asked, and no ~/.claude.json appears', async () => {
    const { sb, work, env } = world('unset', 'none');
    await cli(sb, ['doctor', '--dir', work], env);
    expect(existsSync(join(sb.home, '.claude.json'))).toBe(false);
  });
});
