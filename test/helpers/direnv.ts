// What the tests of claude-hooks with direnv share: a sandbox with the direnv library written,
// an allowed .envrc, a marked directory, direnv's own hook in the shell's syntax, and a cd that
// runs zsh's chpwd hooks as an interactive zsh does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { expect } from 'vitest';
import { fishQuote } from '../../src/render/fish.js';
import { posixQuote } from '../../src/render/posix.js';
import { cli, makeSandbox, type Sandbox } from './sandbox.js';
import { initShell, type TestShell } from './shells.js';

const quote = (shell: TestShell, s: string) => (shell === 'fish' ? fishQuote(s) : posixQuote(s));

/** direnv's own hook for the shell, as its `direnv hook` prints it. */
export const direnvHook = (shell: TestShell) => (shell === 'fish' ? 'direnv hook fish | source' : `eval "$(direnv hook ${initShell(shell)})"`);

/** zsh runs chpwd_functions at a cd, before the next prompt; the helpers' `prompt` does not. */
export const cd = (shell: TestShell, dir: string) => (shell === 'zsh' ? `cd ${quote(shell, dir)}; for f in "\${chpwd_functions[@]}"; do "$f"; done` : `cd ${quote(shell, dir)}`);

/** A sandbox with `config` and the direnv library written from it (`init direnv --write`). */
export async function direnvSandbox(config: string): Promise<Sandbox> {
  const sb = makeSandbox();
  sb.writeConfig(config);
  const r = await cli(sb, ['init', 'direnv', '--write']);
  expect(r.exitCode, r.stderr).toBe(0);
  return sb;
}

/** ~/NAME with an .envrc holding `envrc`, allowed. */
export async function allowed(sb: Sandbox, name: string, envrc: string): Promise<string> {
  const dir = join(sb.home, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.envrc'), envrc);
  await execa('direnv', ['allow', dir], { env: sb.env(), extendEnv: false });
  return dir;
}

/** ~/NAME with a .claude-backend naming `profile`. */
export function marked(sb: Sandbox, name: string, profile: string): string {
  const dir = join(sb.home, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.claude-backend'), `${profile}\n`);
  return dir;
}
