// The CLI's manners (issue 18), the bar set by clap and cobra tools: -h and -V, help <command>,
// "did you mean", errors in one line of ours naming what was expected, help wrapped to the
// terminal with examples whole, and each command loading only its own module.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import { helpText, wrap } from '../src/cli/help.js';
import { parse, UsageError } from '../src/cli/parse.js';
import type { Command } from '../src/cli/spec.js';
import { closest } from '../src/cli/suggest.js';
import { CLI, cli, makeSandbox, ROOT } from './helpers/sandbox.js';

const visible = COMMANDS.filter((c) => !c.hidden);
/** Every command path a user can ask help for: `status`, `profiles show`, ... */
const paths: Command[][] = visible.flatMap((c) => [[c], ...(c.subcommands ?? []).filter((s) => !s.hidden).map((s) => [c, s])]);
// (execa drops the final newline.)
const ONE_LINE_ERROR = /^claude-hooks: [^\n]+ \(see claude-hooks( [a-z_-]+)* --help\)$/;
const PARSER_TEXT = /Not enough non-option|Invalid values|Unknown argument|Missing required|Did you mean\?|yargs/;

describe('help and version', () => {
  it.each([[['-h']], [['--help']], [['help']]])('%j prints the command list, exit 0', async (args) => {
    const r = await cli(makeSandbox(), args);
    expect(r.exitCode).toBe(0);
    for (const c of visible) expect(r.stdout).toMatch(new RegExp(`^  ${c.name} `, 'm'));
    expect(r.stderr).toBe('');
  });

  it.each([[['-V']], [['--version']]])('%j prints the version alone', async (args) => {
    const r = await cli(makeSandbox(), args);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(paths.map((p) => [p.map((c) => c.name).join(' '), p] as const))('help %s, -h and --help say the same', async (_name, path) => {
    const words = path.map((c) => c.name);
    const sb = makeSandbox();
    const outs = await Promise.all([cli(sb, ['help', ...words]), cli(sb, [...words, '-h']), cli(sb, [...words, '--help']), cli(sb, [...words, '--bogus', '-h'])]);
    for (const r of outs) {
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toBe(outs[0]!.stdout);
    }
    expect(outs[0]!.stdout).toMatch(new RegExp(`^Usage: claude-hooks ${words.join(' ')}`));
    for (const o of path.at(-1)!.options ?? []) expect(outs[0]!.stdout).toMatch(new RegExp(`--(\\[no-\\])?${o.name}\\b`));
  });

  it('wraps to the terminal width and never breaks an example', async () => {
    for (const columns of [40, 57, 80, 100]) {
      for (const path of [[], ...paths]) {
        const text = helpText(path, COMMANDS, columns);
        const examples = path.at(-1)?.examples?.map((e) => e.command) ?? [];
        for (const line of text.split('\n')) {
          // A command line is never broken: the examples, and the usage.
          // So is a word (a path) longer than the line: it stands alone on its line.
          if (examples.includes(line.trim()) || /^(Usage: | {7})claude-hooks/.test(line) || !/\S\s+\S/.test(line.replace(/^\s*#\s/, ""))) continue;
          expect(line.length, `${columns} columns, help ${path.map((c) => c.name).join(' ')}: ${line}`).toBeLessThanOrEqual(columns);
        }
        for (const e of examples) expect(text.split('\n').map((l) => l.trim())).toContain(e);
      }
    }
  });

  it('takes the width from $COLUMNS when not on a terminal', async () => {
    const sb = makeSandbox();
    const narrow = await cli(sb, ['help', 'doctor'], { COLUMNS: '44' });
    const wide = await cli(sb, ['help', 'doctor'], { COLUMNS: '100' });
    expect(Math.max(...narrow.stdout.split('\n').filter((l) => !l.startsWith('  claude-hooks')).map((l) => l.length))).toBeLessThanOrEqual(44);
    expect(wide.stdout.split('\n').length).toBeLessThan(narrow.stdout.split('\n').length);
  });

  it('wrap keeps every word, in order, and a word longer than the width whole', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z~/.-]{1,30}$/), { maxLength: 40 }), fc.integer({ min: 10, max: 100 }), (words, width) => {
        const lines = wrap(words.join(' '), width);
        expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(words);
        for (const l of lines) if (l.includes(' ')) expect(l.length).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe('mistakes', () => {
  const cases: Array<[string[], RegExp]> = [
    [['statsu'], /unknown command 'statsu'; did you mean status\?/],
    [['stauts'], /did you mean status\?/],
    [['doctr'], /did you mean doctor\?/],
    [['profile'], /did you mean profiles\?/],
    [['xyzzy'], /unknown command 'xyzzy'; expected setup, init, status/],
    [[], /expected a command: setup, init, status/],
    [['init'], /init: expected a shell: bash, zsh, fish or direnv/],
    [['init', 'tcsh'], /init: unknown shell 'tcsh'; expected bash, zsh, fish or direnv/],
    [['init', 'zhs'], /did you mean zsh\?/],
    [['init', 'bash', 'zsh'], /init: unexpected argument 'zsh'; init takes one argument/],
    [['init', 'bash', '--cmd', '9x'], /init: --cmd expects a word/],
    [['init', 'direnv', '--cmd', 'ch'], /init: --cmd is for bash, zsh and fish/],
    [['status', '--jsno'], /status: unknown option '--jsno'; did you mean --json\?/],
    [['status', '--dir'], /status: --dir expects DIR/],
    [['status', 'now'], /status: unexpected argument 'now'; status takes no arguments/],
    [['status', '--json=yes'], /status: --json takes no value/],
    [['status', '--dir', '/no/such/dir'], /status: --dir expects a directory; "\/no\/such\/dir" is not one/],
    [['doctor', '--dir', '/etc/passwd'], /doctor: --dir expects a directory/],
    [['config'], /config: expected a subcommand: init, check or path/],
    [['config', 'chek'], /config: unknown subcommand 'chek'; did you mean check\?/],
    [['profiles', 'shwo'], /did you mean show\?/],
    [['profiles', 'show'], /profiles show: expected a profile name/],
    [['envrc'], /envrc: expected a profile name/],
    [['completion', 'tcsh'], /completion: unknown shell 'tcsh'; expected bash, zsh or fish/],
    [['--bogus'], /unknown option '--bogus'/],
    [['help', 'statsu'], /did you mean status\?/],
  ];
  it.each(cases)('%j: one line of ours, exit 2', async (args, message) => {
    const r = await cli(makeSandbox(), args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(ONE_LINE_ERROR);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(PARSER_TEXT);
  });

  it('names the help of the command the mistake is in', async () => {
    const r = await cli(makeSandbox(), ['profiles', 'show', '--jsn', 'x']);
    expect(r.stderr).toContain('did you mean --json? (see claude-hooks profiles show --help)');
  });

  it('never echoes a control character of an argument', async () => {
    const r = await cli(makeSandbox(), ['stat\x1b[2Jus']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toMatch(/\x1b/);
    expect(r.stderr).toContain('\\x1b');
  });

  it('any argument list: a run, help, the version, or one UsageError line (generated)', () => {
    const word = fc.oneof(
      fc.constantFrom(...visible.map((c) => c.name), 'help', 'show', 'check', 'bash', 'fish', 'direnv', '--json', '--dir', '-h', '-V', '--', '-', '--no-verify', '--cmd', 'x'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), (argv) => {
        try {
          const out = parse(argv, COMMANDS);
          expect(['run', 'help', 'version', 'none']).toContain(out.kind);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          expect((err as Error).message).not.toMatch(/[\x00-\x1f\x7f]/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('suggests the command a one-edit typo came from (generated)', () => {
    const names = visible.map((c) => c.name);
    const typo = fc.constantFrom(...names.filter((n) => n.length >= 5)).chain((name) =>
      fc.integer({ min: 0, max: name.length - 2 }).map((i) => ({ name, typo: name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) })),
    );
    fc.assert(
      fc.property(typo, ({ name, typo }) => {
        if (typo === name) return;
        expect(closest(typo, [...names, 'help'])).toBe(name);
      }),
    );
  });
});

describe('each command loads only what it needs', () => {
  /** The dist files a run loads, from a preload that records them. */
  async function loaded(args: string[]): Promise<string[]> {
    const sb = makeSandbox();
    const hook = join(sb.root, 'hook.cjs');
    writeFileSync(
      hook,
      `const M = require('module'); const seen = new Set(); const load = M._load;
       M._load = function (req, parent, ...rest) { const r = load.call(this, req, parent, ...rest); try { seen.add(M._resolveFilename(req, parent)); } catch {} return r; };
       process.on('exit', () => require('fs').writeSync(3, [...seen].filter((f) => f.includes('/dist/')).map((f) => f.split('/dist/')[1]).join('\\n')));`,
    );
    const r = await execa(process.execPath, ['--require', hook, CLI, ...args], { env: sb.env(), extendEnv: false, reject: false, cwd: sb.home, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    const out = (r as unknown as { stdio: Array<string | undefined> }).stdio[3] ?? '';
    return out.split('\n').filter(Boolean).sort();
  }

  it.each([
    [['status'], ['cli-main.cjs', 'commands-status.cjs']],
    [['status', '--json'], ['cli-main.cjs', 'commands-status.cjs']],
    [['--version'], ['cli-main.cjs']],
    [['-h'], ['cli-main.cjs']],
    [['help', 'doctor'], ['cli-main.cjs']],
    [['__profiles'], ['cli-main.cjs', 'commands-profiles.cjs']],
    [['config', 'path'], ['cli-main.cjs', 'commands-config.cjs']],
    // The start-up line's forms: the entry file alone.
    [['init', 'bash'], []],
    [['init', 'zsh', '--cmd', 'ch'], []],
    [['init', 'fish', '--cmd=ch'], []],
  ])('%j loads cli.cjs and %j', async (args, files) => {
    expect(await loaded(args)).toEqual(['cli.cjs', ...files].sort());
  });

  // What status costs in time is measured by `npm run bench`, not here: a timed unit test
  // fails on a loaded machine and passes on a fast one. What loads is checked above.
});

describe('setup and init point at the same fish file', () => {
  it('init --help shows conf.d for fish, where setup writes', async () => {
    const sb = makeSandbox();
    const help = await cli(sb, ['init', '--help']);
    expect(help.stdout).toContain('~/.config/fish/conf.d/claude-hooks.fish');
    expect(help.stdout).not.toContain('config.fish');
    const dry = await cli(sb, ['setup', 'fish', '--dry-run']);
    expect(dry.stdout).toContain(`${sb.xdg}/fish/conf.d/claude-hooks.fish`);
    expect(dry.stdout).toMatch(/if status is-interactive\n\s+\S.* init fish \| source\n\s+end/);
  });
});

describe('doctor and status speak the user shell', () => {
  it.each([
    ['/usr/bin/fish', 'claude-hooks init fish | source', 'fish/conf.d/claude-hooks.fish'],
    ['/bin/zsh', 'source <(claude-hooks init zsh)', '.zshrc'],
    ['/bin/bash', 'eval "$(claude-hooks init bash)"', '.bashrc'],
  ])('SHELL=%s: the fix for "not loaded" is that shell\'s line', async (shell, line, file) => {
    const sb = makeSandbox();
    const r = await cli(sb, ['doctor', '--json', '--no-verify'], { SHELL: shell });
    const f = (JSON.parse(r.stdout) as { findings: Array<{ id: string; fix: string }> }).findings.find((x) => x.id === 'shell-not-loaded')!;
    expect(f.fix).toContain(line);
    expect(f.fix).toContain(file);
  });

  it('fish: the missing-region fix is set -gx', async () => {
    const sb = makeSandbox();
    const r = await cli(sb, ['doctor', '--json', '--no-verify'], { SHELL: '/usr/bin/fish', CLAUDE_CODE_USE_BEDROCK: '1' });
    const f = (JSON.parse(r.stdout) as { findings: Array<{ id: string; fix: string }> }).findings.find((x) => x.id === 'bedrock-no-region')!;
    expect(f.fix).toContain('set -gx AWS_REGION us-east-1');
    expect(f.fix).not.toContain('export ');
  });
});

describe('config init', () => {
  it('writes no path of this install', async () => {
    const sb = makeSandbox();
    await cli(sb, ['config', 'init']);
    const text = (await execa('cat', [join(sb.xdg, 'claude-hooks', 'config.toml')])).stdout;
    expect(text).not.toContain(ROOT);
    mkdirSync(join(sb.root, 'x'));
  });
});
