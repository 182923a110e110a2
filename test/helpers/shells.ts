import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { withMarkerAtRoot } from './rootfs.js';
import { cli, type Sandbox } from './sandbox.js';

export type TestShell = 'bash' | 'zsh' | 'fish' | 'bash32';

/** A variable typed in by hand: exported (`set`), a shell variable only (`local`), or unset. */
export type VariableStep = { kind: 'set' | 'local'; name: string; value: string } | { kind: 'unset'; name: string };

/** The line for a VariableStep in `shell`'s syntax; `quote` quotes a value for that shell. */
export function variableStep(shell: TestShell, o: VariableStep, quote: (s: string) => string): string {
  if (o.kind === 'unset') return shell === 'fish' ? `set -e ${o.name}` : `unset ${o.name}`;
  if (o.kind === 'set') return shell === 'fish' ? `set -gx ${o.name} ${quote(o.value)}` : `export ${o.name}=${quote(o.value)}`;
  return shell === 'fish' ? `set -e ${o.name}; set -g ${o.name} ${quote(o.value)}` : `unset ${o.name}; ${o.name}=${quote(o.value)}`;
}

/** The binary for each shell. bash32 is bash 3.2 (what macOS ships), when CLAUDE_HOOKS_TEST_BASH32
 *  points at one: Debian ships bash 5 only, so .ci/run builds it (../shared/tools/build-bash32). */
export function shellBinary(shell: TestShell): string | undefined {
  if (shell === 'bash32') return process.env.CLAUDE_HOOKS_TEST_BASH32 || undefined;
  try {
    return execFileSync('sh', ['-c', `command -v ${shell}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The shells to test. Under CI=true a missing bash, zsh, fish or bash 3.2 fails the run;
 *  locally it is skipped with a visible message. */
export function shellsUnderTest(): TestShell[] {
  const found: TestShell[] = [];
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    if (shellBinary(shell)) found.push(shell);
    else if (process.env.CI === 'true') throw new Error(`${shell} is not installed, and CI=true requires every shell`);
    else console.warn(`\n  SKIPPING ${shell}: not installed (CI=true makes this a failure)\n`);
  }
  if (bash32()) found.push('bash32');
  else if (process.env.CI === 'true') throw new Error('CLAUDE_HOOKS_TEST_BASH32 names no bash 3.2, and CI=true requires one (.ci/run builds it)');
  else if (!warnedBash32) {
    warnedBash32 = true;
    console.warn('\n  SKIPPING bash 3.2: set CLAUDE_HOOKS_TEST_BASH32 to one (../shared/tools/build-bash32 builds it)\n');
  }
  return found;
}

let bash32Checked: boolean | undefined;
let warnedBash32 = false;

/** Whether CLAUDE_HOOKS_TEST_BASH32 names a bash that really is 3.2: a bash 5 there would make
 *  every bash32 test pass without testing anything. */
function bash32(): boolean {
  if (bash32Checked !== undefined) return bash32Checked;
  const bin = shellBinary('bash32');
  if (!bin) return (bash32Checked = false);
  let version = '';
  try {
    version = execFileSync(bin, ['-c', 'echo "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}"'], { encoding: 'utf8' }).trim();
  } catch {
    // not runnable: said below
  }
  if (version !== '3.2') throw new Error(`CLAUDE_HOOKS_TEST_BASH32=${bin} is not a working bash 3.2 (it says ${JSON.stringify(version)})`);
  return (bash32Checked = true);
}

export function initShell(shell: TestShell): 'bash' | 'zsh' | 'fish' {
  return shell === 'bash32' ? 'bash' : shell;
}

/** A function `prompt` that does what the shell does before drawing a prompt, and `dump NAME`
 *  that writes the exported environment (what Claude Code would see) to a file. They stand in
 *  for the shell itself: a backslash keeps a user's alias of `local` or `eval` out of them. */
function prelude(shell: TestShell): string {
  switch (shell) {
    case 'fish':
      return [
        'function prompt; emit fish_prompt; end',
        'function dump; env -0 > $CB_DUMP/$argv[1]; end',
        'function shellvar; if set -q $argv[1]; printf "%s=%s\\n" $argv[1] "$$argv[1]"; else; printf "%s unset\\n" $argv[1]; end; end',
      ].join('\n');
    case 'zsh':
      return [
        'prompt() { \\local f; for f in "${precmd_functions[@]}"; do "$f"; done; }',
        'dump() { env -0 > "$CB_DUMP/$1"; }',
        'shellvar() { if (( ${(P)+1} )); then printf "%s=%s\\n" "$1" "${(P)1}"; else printf "%s unset\\n" "$1"; fi; }',
      ].join('\n');
    default:
      return [
        'prompt() { \\eval "$PROMPT_COMMAND"; }',
        'dump() { env -0 > "$CB_DUMP/$1"; }',
        'shellvar() { if [ -n "${!1+x}" ]; then printf "%s=%s\\n" "$1" "${!1}"; else printf "%s unset\\n" "$1"; fi; }',
      ].join('\n');
  }
}

export interface ShellRun {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The environments written by `dump NAME`, by name. */
  dumps: Record<string, Map<string, string>>;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Lines run before the init is loaded (shell options, a user's PROMPT_COMMAND, ...). */
  before?: string;
  /** Load the init this many times. */
  loads?: number;
  /** fish only: run without --no-config, which also turns universal variables off. The
   *  sandbox's XDG_CONFIG_HOME holds no fish config, so nothing of the developer's is read. */
  fishUniversals?: boolean;
  /** Run the shell as the unprivileged user `nobody` (via setpriv; the tests must run as root),
   *  so that a file without read permission really cannot be read. */
  asNobody?: boolean;
  /** Milliseconds before the shell is killed (default 30,000): a test of something that must
   *  not block sets it low, so a hang fails the test instead of stalling the run. */
  timeout?: number;
  /** Run with this text in /.claude-backend, in a private view of / (helpers/rootfs.ts). */
  markerAtRoot?: string;
}

let counter = 0;

/** Prints the init for `shell` in the sandbox and runs `script` after loading it, in the real
 *  shell, non-interactively, with `prompt` standing in for the shell's own prompt cycle. */
export async function runWithInit(sb: Sandbox, shell: TestShell, script: string, opts: RunOptions = {}): Promise<ShellRun> {
  const init = await cli(sb, ['init', initShell(shell)], opts.env ?? {});
  if (init.exitCode !== 0) throw new Error(`init ${shell} failed: ${init.stderr}`);
  const id = ++counter;
  const initFile = join(sb.root, `init-${id}.${shell}`);
  writeFileSync(initFile, init.stdout);
  const dumpDir = join(sb.root, `dumps-${id}`);
  mkdirSync(dumpDir);
  const load = shell === 'fish' ? `source ${initFile}` : `. '${initFile}'`;
  const body = [opts.before ?? '', prelude(shell), ...Array(opts.loads ?? 1).fill(load), script].join('\n');
  const scriptFile = join(sb.root, `script-${id}.${shell}`);
  writeFileSync(scriptFile, body + '\n');
  const bin = shellBinary(shell);
  if (!bin) throw new Error(`no ${shell}`);
  const args = shell === 'fish' ? (opts.fishUniversals ? [scriptFile] : ['--no-config', scriptFile]) : shell === 'zsh' ? ['-f', scriptFile] : ['--norc', '--noprofile', scriptFile];
  if (opts.asNobody) {
    for (const dir of [sb.root, sb.home, dumpDir]) chmodSync(dir, dir === dumpDir ? 0o777 : 0o755);
  }
  let command = opts.asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', bin, ...args] : [bin, ...args];
  if (opts.markerAtRoot !== undefined) command = [...withMarkerAtRoot(sb, opts.markerAtRoot, opts.cwd ?? sb.home), ...command];
  const r = await execa(command[0]!, command.slice(1), {
    env: sb.env({ ...opts.env, CB_DUMP: dumpDir }),
    extendEnv: false,
    reject: false,
    cwd: opts.cwd ?? sb.home,
    timeout: opts.timeout ?? 30_000,
  });
  const dumps: Record<string, Map<string, string>> = {};
  for (const name of readdirSync(dumpDir)) dumps[name] = parseEnv0(readFileSync(join(dumpDir, name)));
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode ?? -1, dumps };
}

export function parseEnv0(buf: Buffer): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of buf.toString('utf8').split('\0')) {
    if (!entry) continue;
    const eq = entry.indexOf('=');
    env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}

/** Variables every shell sets or changes on its own, which say nothing about claude-hooks. */
export const SHELL_NOISE = new Set(['PWD', 'OLDPWD', 'SHLVL', '_', 'CB_DUMP']);

export function withoutNoise(env: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...env].filter(([k]) => !SHELL_NOISE.has(k)).sort(([a], [b]) => a.localeCompare(b)));
}
