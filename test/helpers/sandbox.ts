import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.cjs');

/** A throw-away HOME and XDG_CONFIG_HOME: tests never see the developer's own config. */
export interface Sandbox {
  root: string;
  home: string;
  xdg: string;
  /** A clean environment: PATH and the sandbox's HOME, nothing inherited from the test runner. */
  env(extra?: Record<string, string>): Record<string, string>;
  writeConfig(toml: string): string;
}

export function makeSandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'claude-hooks-test-'));
  const home = join(root, 'home');
  const xdg = join(root, 'xdg');
  mkdirSync(home, { recursive: true });
  mkdirSync(xdg, { recursive: true });
  return {
    root,
    home,
    xdg,
    env: (extra = {}) => ({
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_CONFIG_HOME: xdg,
      LANG: 'C.UTF-8',
      TERM: 'dumb',
      ...extra,
    }),
    writeConfig(toml: string) {
      const dir = join(xdg, 'claude-hooks');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, 'config.toml');
      writeFileSync(path, toml);
      return path;
    },
  };
}

/** Runs the built CLI the way a user would, in the sandbox. */
export async function cli(sb: Sandbox, args: string[], extra: Record<string, string> = {}) {
  return execa(process.execPath, [CLI, ...args], { env: sb.env(extra), extendEnv: false, reject: false, cwd: sb.home });
}
