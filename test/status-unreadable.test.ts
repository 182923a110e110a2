// Files Claude Code cannot read, for the user it runs as: status must pass them over as it does.
// The sandbox belongs to nobody, and both `claude-hooks status --json` and the pinned `claude
// auth status` run as nobody, while the file (or a directory on its way) belongs to root with
// mode 000. Each kind of file status reads: the user, project and local settings, the global
// config, the claude.ai login, and a directory above the user settings. (Measured on 2.1.332:
// each is passed over as if missing; none stops Claude Code.)
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CLAUDE, KEY, S, available, setUp, type Case } from './helpers/oracle.js';
import { CLI } from './helpers/sandbox.js';

const NOBODY = 65534;
function canDropRoot(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
    return true;
  } catch {
    return false;
  }
}
const ok = available && canDropRoot();
if (available && !ok) console.warn('\n  SKIPPING unreadable settings files: they need root and setpriv to run as nobody\n');

function chownTree(path: string) {
  chownSync(path, NOBODY, NOBODY);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name));
}

const VERTEX = S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } });
const LOGIN = S({ claudeAiOauth: { accessToken: 'sk-ant-oat01-x', refreshToken: 'r', expiresAt: Date.now() + 864e5, scopes: ['user:inference'], subscriptionType: 'pro' } });

/** A case, and the path (from the case's where()) to make root's, mode 000. */
const CASES: Array<[string, Case, string]> = [
  ['user settings', { name: 'u', user: VERTEX, env: { ANTHROPIC_API_KEY: KEY } }, '~/.claude/settings.json'],
  ['the directory of the user settings', { name: 'ud', user: VERTEX, env: { ANTHROPIC_API_KEY: KEY } }, '~/.claude'],
  ['project settings', { name: 'p', project: VERTEX, env: { ANTHROPIC_API_KEY: KEY } }, '.claude/settings.json'],
  ['local settings, the user settings read', { name: 'l', local: S({ env: { CLAUDE_CODE_USE_VERTEX: '0' } }), user: VERTEX }, '.claude/settings.local.json'],
  ['the global config with a /login key', { name: 'g', files: { '~/.claude.json': S({ primaryApiKey: 'sk-ant-login', env: { CLAUDE_CODE_USE_VERTEX: '1' } }) } }, '~/.claude.json'],
  ['the claude.ai login', { name: 'c', files: { '~/.claude/.credentials.json': LOGIN } }, '~/.claude/.credentials.json'],
  ['a helper file readable, the login not', { name: 'h', user: S({ apiKeyHelper: 'echo k' }), files: { '~/.claude/.credentials.json': LOGIN } }, '~/.claude/.credentials.json'],
];

describe.concurrent.skipIf(!ok)('an unreadable file, as nobody: status agrees with `claude auth status`', () => {
  it.each(CASES)('%s', async (_name, c, locked) => {
    const { sb, work, env } = setUp(c);
    chownTree(sb.root);
    chmodSync(sb.root, 0o755);
    const path = locked.startsWith('~/') ? join(sb.home, locked.slice(2)) : join(work, locked);
    chownSync(path, 0, 0);
    chmodSync(path, 0o000);
    const asNobody = (cmd: string, args: string[]) =>
      execa('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', cmd, ...args], { cwd: work, env: sb.env(env), extendEnv: false, reject: false, timeout: 30_000, stdin: 'ignore' });
    // The file is there and nobody cannot read it (else the case would prove nothing).
    expect((await asNobody('test', ['-r', path])).exitCode).toBe(1);
    const ours = await asNobody(process.execPath, [CLI, 'status', '--json', '--dir', work]);
    expect(ours.exitCode, ours.stderr).toBe(0);
    const p = JSON.parse(ours.stdout) as { provider: string; apiKeySource: string | null; authMethod: string };
    const real = await asNobody(CLAUDE, ['auth', 'status', '--json']);
    const said = JSON.parse(real.stdout) as { apiProvider: string; apiKeySource?: string; authMethod: string };
    expect({ provider: p.provider, apiKeySource: p.apiKeySource, authMethod: p.authMethod }).toEqual({ provider: said.apiProvider, apiKeySource: said.apiKeySource ?? null, authMethod: said.authMethod });
  });
});
