// The variables a profile may set are an allow-list (issue 15, item 9): the names Claude Code
// and its backends read, checked against the pinned binary, and nothing a shell gives a
// meaning to. Anything else: `config check` exits 2 naming the key; init warns once and loads
// the built-ins.
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, shared with `node scripts/claude-env-names.mjs`
import { claudeVersion, exactNames, namesReadBy, render } from '../scripts/claude-env-names.mjs';
import { CLAUDE_ENV_NAMES } from '../src/profiles/claude-env-names.js';
import { profileMaySet } from '../src/profiles/allowed-vars.js';
import { MANAGED_VARS } from '../src/profiles/managed.js';
import { parseConfig } from '../src/profiles/config.js';
import { SHELL_NAME } from '../src/profiles/schema.js';
import { cli, makeSandbox } from './helpers/sandbox.js';
import { CLAUDE } from './helpers/oracle.js';
import { shellBinary, shellsUnderTest } from './helpers/shells.js';

const haveBinary = existsSync(CLAUDE);
if (!haveBinary && process.env.CI === 'true') throw new Error('the Claude Code CLI is missing, and CI=true requires it');

// From issue 15: each broke a shell, a prompt or every program when a profile set it.
const ATTACKS = ['FUNCNEST', 'TMOUT', 'UID', 'PWD', 'status', 'path', 'POSIXLY_CORRECT', 'PS1', 'PS4', 'PROMPT_COMMAND', 'GCONV_PATH', 'NODE_PATH', 'PYTHONPATH', 'PATH', 'LD_PRELOAD', 'NODE_OPTIONS', 'BASH_ENV', 'ENV', 'IFS', 'HOME', 'SHELLOPTS', 'fish_function_path', 'CLAUDE_HOOKS_PROFILE', '_cb_profile', 'CLOUDSDK_PYTHON', 'GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES'];
const DOCUMENTED = ['ANTHROPIC_CUSTOM_HEADERS', 'ANTHROPIC_BETAS', 'CLAUDE_CODE_MAX_OUTPUT_TOKENS', 'AWS_CA_BUNDLE', 'DISABLE_TELEMETRY', 'DISABLE_PROMPT_CACHING', 'MAX_THINKING_TOKENS', 'MCP_TIMEOUT', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'HTTP_PROXY', 'NODE_EXTRA_CA_CERTS', 'GOOGLE_APPLICATION_CREDENTIALS', 'CLOUD_ML_REGION', 'VERTEX_REGION_CLAUDE_4_5_SONNET', 'OTEL_METRICS_EXPORTER', 'CLAUDE_CONFIG_DIR', 'AZURE_CLIENT_ID'];

const configWith = (name: string) => `[profiles.p]\nbackend = "anthropic"\n[profiles.p.env]\n${name} = "1"\n`;
const refusal = (name: string) => {
  try {
    parseConfig(configWith(name), '/c.toml');
    return null;
  } catch (err) {
    return (err as Error).message;
  }
};

describe.skipIf(!haveBinary)('the allow-list against the pinned Claude Code binary', () => {
  it('src/profiles/claude-env-names.ts is what the binary reads (regenerate with node scripts/claude-env-names.mjs)', () => {
    const names: string[] = exactNames();
    expect(names.length).toBeGreaterThan(50);
    expect(render(names, claudeVersion())).toBe(render([...CLAUDE_ENV_NAMES], claudeVersion()));
  }, 60_000);

  it('every variable of the managed set, and the documented names, are read by the binary and allowed', () => {
    const read = new Set<string>(namesReadBy());
    for (const name of [...MANAGED_VARS, ...DOCUMENTED.filter((n) => n === n.toUpperCase())]) {
      expect(read.has(name), `${name} is not read by Claude Code ${claudeVersion()}`).toBe(true);
    }
    for (const name of [...MANAGED_VARS, ...DOCUMENTED]) expect(profileMaySet(name), name).toBe(true);
  }, 60_000);
});

describe('names a profile may not set', () => {
  it.each(ATTACKS)('%s: refused, naming the key', (name) => {
    expect(profileMaySet(name)).toBe(false);
    const message = refusal(name);
    expect(message).toMatch(new RegExp(`^/c\\.toml:4: profiles\\.p\\.env\\.${name}: not a variable Claude Code reads`));
    expect(message).not.toContain('\n');
  });

  for (const shell of shellsUnderTest().filter((s) => s !== 'bash32')) {
    it(`${shell}: none of the variables the shell itself defines`, async () => {
      const probe =
        shell === 'fish' ? ['--no-config', '-c', 'set -n'] : shell === 'zsh' ? ['-f', '-c', 'print -rl -- ${(k)parameters}'] : ['--norc', '--noprofile', '-c', 'compgen -v'];
      const r = await execa(shellBinary(shell)!, probe, { reject: false, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' }, extendEnv: false });
      const names = String(r.stdout).split('\n').filter((n) => SHELL_NAME.test(n));
      expect(names.length).toBeGreaterThan(20);
      // http_proxy and friends are not shell variables; a shell that exports them from its parent would list them.
      const allowed = names.filter((n) => profileMaySet(n) && !/^(https?|all|no)_proxy$/i.test(n));
      expect(allowed).toEqual([]);
    });
  }

  it('generated names: accepted exactly when the allow-list says so, refused naming the key', () => {
    const family = fc.tuple(fc.constantFrom('ANTHROPIC_', 'CLAUDE_CODE_', 'AWS_'), fc.stringMatching(/^[A-Z0-9_]{1,20}$/)).map(([p, s]) => p + s);
    const any = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,30}$/);
    fc.assert(
      fc.property(fc.oneof(family, any, fc.constantFrom(...ATTACKS, ...DOCUMENTED, ...CLAUDE_ENV_NAMES)), (name) => {
        const message = refusal(name);
        // An allowed name that looks secret is refused for another reason: a literal secret.
        if (profileMaySet(name)) expect(message === null || message.includes('a literal secret in the config is refused'), String(message)).toBe(true);
        else expect(message).toContain(`profiles.p.env.${name}: not a variable Claude Code reads`);
        if (/_(PYTHON|BIN|BINARY|EXEC|EXEC_PATH)$/.test(name) || (name.toLowerCase() === name && !/_proxy$/.test(name))) expect(message).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('suggests the name a typo meant', () => {
    expect(refusal('DISABLE_TELEMTRY')).toContain('(did you mean DISABLE_TELEMETRY?)');
  });
});

describe('the CLI', () => {
  it('config check exits 2 with one line naming the key; init warns once and loads the built-ins', async () => {
    for (const name of ['FUNCNEST', 'TMOUT', 'PYTHONPATH']) {
      const sb = makeSandbox();
      const path = sb.writeConfig(configWith(name));
      const check = await cli(sb, ['config', 'check']);
      expect(check.exitCode).toBe(2);
      expect(check.stderr.trim().split('\n')).toHaveLength(1);
      expect(check.stderr).toContain(`${path}:4: profiles.p.env.${name}: not a variable Claude Code reads`);
      const init = await cli(sb, ['init', 'bash']);
      expect(init.exitCode).toBe(0);
      expect(init.stderr.trim().split('\n')).toHaveLength(1);
      expect(init.stderr).toMatch(new RegExp(`profiles\\.p\\.env\\.${name}: .*; using the built-in profiles only$`, 'm'));
      expect(init.stdout).toContain('_cb_profile_apply');
      expect(init.stdout).not.toContain(name);
    }
  }, 60_000);
});
