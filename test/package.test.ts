// What a user installs: `npm pack`, installed into a throw-away prefix, must give a
// `claude-hooks` command whose init loads in a real zsh.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/sandbox.js';
import { shellBinary } from './helpers/shells.js';

describe('npm package', () => {
  it('packs, installs into a fresh prefix and runs init zsh', async () => {
    const work = mkdtempSync(join(tmpdir(), 'claude-hooks-pack-'));
    const npmEnv = { npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME ?? work, '.npm'), npm_config_update_notifier: 'false' };
    // dist is built already (pretest); `prepare` would build it again under the other tests' feet.
    await execa('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, env: npmEnv });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const prefix = join(work, 'prefix');
    // --prefer-offline: CI has just run `npm ci`, so the dependencies are in the cache.
    await execa('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball!)], { env: npmEnv });
    const bin = join(prefix, 'bin', 'claude-hooks');
    const home = join(work, 'home');
    const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const init = await execa(bin, ['init', 'zsh'], { env, extendEnv: false });
    expect(init.stdout).toContain('cb-bedrock()');
    const zsh = shellBinary('zsh');
    if (!zsh) return;
    const r = await execa(zsh, ['-f', '-c', 'source <(claude-hooks init zsh) && cb-bedrock && print -r -- "$CLAUDE_CODE_USE_BEDROCK"'], {
      env: { ...env, AWS_REGION: 'us-east-1' },
      extendEnv: false,
    });
    expect(r.stdout).toBe('1');
    // cb-reload runs the installed CLI again.
    const reload = await execa(zsh, ['-f', '-c', 'source <(claude-hooks init zsh) && cb-reload && print ok'], { env, extendEnv: false });
    expect(reload.stdout).toBe('ok');
  }, 180_000);
});
