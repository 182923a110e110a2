// A very long argument or config value is named in one readable line, never echoed whole, and
// never crashes or stalls a command. Found:
// - every message quoting a value echoed all of it: `profiles show <100 KB>` wrote a 100 KB
//   "line", and over a pipe process.exit cut it at 64 KiB, without its newline;
// - a config key of 30 KB or more (a profile name, an env name, a top-level key) crashed
//   `config check` AND `init bash` with a V8 trace ("Regular expression too large": the line
//   finder built a pattern from the key), so a shell start-up broke; a 20 KB env name took 5 s
//   ("did you mean" measured it against every variable name Claude Code reads).
// Each place a user's text reaches a message, at 40 000 characters (past both limits).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { clipLine } from '../src/sanitize.js';
import { maskSecrets } from '../src/secrets.js';
import { CLI, makeSandbox, type Sandbox } from './helpers/sandbox.js';

const LONG = 'x'.repeat(40_000);
/** One line of ours: bounded, no trace. */
const MAX_LINE = 1_100;

async function run(sb: Sandbox, args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const r = await execa(process.execPath, [CLI, ...args], { env: sb.env(env), extendEnv: false, reject: false, cwd: sb.home, timeout: 20_000, stdin: 'ignore' });
  return { ...r, ms: Date.now() - started };
}

function oneBoundedLine(stderr: string, what: string, names = true) {
  expect(stderr, what).toMatch(/^claude-hooks: [^\n]+$/);
  expect(Buffer.byteLength(stderr), what).toBeLessThanOrEqual(MAX_LINE);
  expect(stderr, what).not.toMatch(/\n\s+at |SyntaxError|RangeError/);
  // It still names the value: its start is there (init --cmd echoes no prefix that is not one).
  if (names) expect(stderr, what).toContain('xxxxxxxxxxxxxxxx');
}

const ARGS: Array<[string, string[], Record<string, string>?]> = [
  ['profiles show NAME', ['profiles', 'show', LONG]],
  ['envrc NAME', ['envrc', LONG]],
  ['envrc --region', ['envrc', 'bedrock', '--region', LONG]],
  ['envrc --aws-profile', ['envrc', 'bedrock', '--aws-profile', LONG]],
  ['status --dir', ['status', '--dir', `/${LONG.slice(0, 4000)}`]],
  ['doctor --dir', ['doctor', '--dir', `/${LONG.slice(0, 4000)}`]],
  ['init --cmd', ['init', 'bash', '--cmd', LONG]],
  ['an unknown command', [LONG]],
  ['an unknown option', ['status', `--${LONG}`]],
  ['setup, from SHELL', ['setup'], { SHELL: `/bin/${LONG}` }],
];

describe.concurrent('a 40 000-character argument', () => {
  it.each(ARGS)('%s: exit 2, one bounded line', async (what, args, env) => {
    const r = await run(makeSandbox(), args, env ?? {});
    expect(r.exitCode, r.stderr.slice(0, 300)).toBe(2);
    expect(r.stdout).toBe('');
    oneBoundedLine(r.stderr, what, what !== 'init --cmd');
  });
});

const CONFIGS: Array<[string, string]> = [
  ['a profile name', `[profiles.${LONG}]\nbackend = "bedrock"\n`],
  ['a quoted profile name', `[profiles."${LONG}."]\nbackend = "bedrock"\n`],
  ['a backend', `[profiles.a]\nbackend = "${LONG}"\n`],
  ['a region', `[profiles.a]\nbackend = "bedrock"\nregion = "${LONG}"\n`],
  ['a profile key', `[profiles.a]\nbackend = "bedrock"\nregion = "us-east-1"\n${LONG} = 1\n`],
  ['an env name', `[profiles.a]\nbackend = "bedrock"\nregion = "us-east-1"\nenv = { ${LONG} = "1" }\n`],
  ['an env name, as a table', `[profiles.a]\nbackend = "bedrock"\nregion = "us-east-1"\n[profiles.a.env]\n${LONG} = "1"\n`],
  ['a top-level key', `${LONG} = 1\n`],
  ['a [directories] profile', `[directories]\n"~/x" = "${LONG}"\n`],
  ['a [directories] directory', `[directories]\n"x${LONG}" = "bedrock"\n`],
  ['a trustedDirectories item', `trustedDirectories = ["x${LONG}"]\n`],
];

describe.concurrent('a 40 000-character key or value in the config', () => {
  it.each(CONFIGS)('%s: config check says so in one bounded line; init still loads, quickly', async (what, toml) => {
    const sb = makeSandbox();
    sb.writeConfig(toml);
    const check = await run(sb, ['config', 'check']);
    expect(check.exitCode, check.stderr.slice(0, 300)).toBe(2);
    oneBoundedLine(check.stderr, `config check: ${what}`);
    expect(check.ms, 'config check took').toBeLessThan(5_000);
    // The shell's start-up: the built-in profiles, one line why, and no stall.
    const init = await run(sb, ['init', 'bash']);
    expect(init.exitCode, init.stderr.slice(0, 300)).toBe(0);
    expect(init.stdout).toContain('cb-use');
    oneBoundedLine(init.stderr, `init: ${what}`);
    expect(init.ms, 'init took').toBeLessThan(5_000);
    // A cached copy says it at every start: bounded there too.
    mkdirSync(join(sb.home, '.cache'), { recursive: true });
    const cached = await run(sb, ['init', 'bash', '--cache'], { XDG_CACHE_HOME: '' });
    expect(cached.exitCode).toBe(0);
    const warning = /^_cb_config_warning=(.*)$/m.exec(cached.stdout)?.[1] ?? '';
    expect(warning).toContain('xxxxxxxxxxxxxxxx');
    expect(warning.length).toBeLessThanOrEqual(MAX_LINE + 16);
  });
});

describe('clipLine', () => {
  it('bounds any message, keeps short ones as they are, and never unmasks a secret (generated)', () => {
    const piece = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('"', '\\', 'sk-ant-api03-' + 'k'.repeat(90) + 'WXYZ', 'AKIAABCDEFGHIJKLMNOP', `"${'y'.repeat(200)}"`, 'z'.repeat(3000)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const message = parts.join(' ');
        const out = clipLine(maskSecrets(message));
        expect(out.length).toBeLessThanOrEqual(1_000 + 3);
        if (message.length <= 240 && !/[A-Z]{4}[A-Z0-9]{16}|sk-ant-/.test(message)) expect(out).toBe(message);
        // Masked first, then cut: no key's body survives either way.
        expect(out).not.toContain('k'.repeat(20));
        expect(out).not.toContain('ABCDEFGHIJKLMNOP');
      }),
      { numRuns: 500 },
    );
  });
});

// A reader that stops early (`claude-hooks profiles | head -1`): with enough profiles that the
// output outgrows the pipe, profiles and profiles --json died with Node's trace for an
// unhandled EPIPE (exit 1). Every command that prints stops quietly instead.
describe.concurrent('a reader that goes away early', () => {
  const many = Array.from({ length: 2500 }, (_, i) => `[profiles.p${i}]\nbackend = "bedrock"\nregion = "eu-west-1"\ndescription = "profile number ${i}"\n`).join('');
  it.each([[['profiles']], [['profiles', '--json']], [['init', 'bash']], [['completion', 'zsh']], [['config', 'check']], [['--help']]])('%j | head -c 1: no trace', async (args) => {
    const sb = makeSandbox();
    sb.writeConfig(many);
    const r = await execa('sh', ['-c', '"$@" | head -c 1 >/dev/null', 'sh', process.execPath, CLI, ...args], { env: sb.env(), extendEnv: false, reject: false, timeout: 20_000 });
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.stderr).toBe('');
  });
});
