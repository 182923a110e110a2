#!/usr/bin/env node
// npm run truth -- --claude-version X: checks what claude-hooks knows about Claude Code against
// another published version of it. Installs @anthropic-ai/claude-code@X into a temporary
// directory (nothing in this checkout changes), then runs the tests whose oracle is the real CLI
// (the drift guard and the status oracles) against that binary. A new Claude Code release is
// checked in one command; a failure names what the backend table or the status rules miss.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--claude-version');
const version = at >= 0 ? args[at + 1] : undefined;
if (!version || !/^[0-9][0-9A-Za-z.+-]*$|^latest$|^next$/.test(version)) {
  process.stderr.write('usage: npm run truth -- --claude-version X   (a published version of @anthropic-ai/claude-code, or latest)\n');
  process.exit(2);
}
const ORACLE_TESTS = ['test/drift.test.ts', 'test/status-oracle.test.ts', 'test/status-differential.property.test.ts', 'test/settings-schema.test.ts'];

const dir = mkdtempSync(join(tmpdir(), 'claude-hooks-truth-'));
try {
  process.stderr.write(`truth: installing @anthropic-ai/claude-code@${version} into ${dir}\n`);
  execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', `@anthropic-ai/claude-code@${version}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const claude = join(dir, 'node_modules', '.bin', 'claude');
  const said = execFileSync(claude, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  process.stderr.write(`truth: checking claude-hooks against ${said}\n`);
  execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const r = spawnSync('npx', ['vitest', 'run', ...ORACLE_TESTS], { stdio: 'inherit', env: { ...process.env, CLAUDE_HOOKS_CLAUDE: claude } });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
