// Tab completion for the CLI, loaded in the real shells; and --help for every command.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { COMPLETION_TABLE } from '../src/commands/completion.js';
import { CLI, cli, makeSandbox } from './helpers/sandbox.js';
import { initShell, shellBinary, shellsUnderTest } from './helpers/shells.js';

/** A sandbox with `claude-hooks` on PATH (completion asks it for profile names). */
function sandboxWithBin() {
  const sb = makeSandbox();
  sb.writeConfig('[profiles.acme-eu]\nbackend = "bedrock"\nregion = "eu-west-1"\n');
  const bin = join(sb.root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'claude-hooks'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`);
  chmodSync(join(bin, 'claude-hooks'), 0o755);
  return { sb, env: { PATH: `${bin}:${process.env.PATH}` } };
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: claude-hooks completion`, () => {
    it('completes commands, their words and flags, and profile names', async () => {
      const { sb, env } = sandboxWithBin();
      const script = (await cli(sb, ['completion', initShell(shell)], env)).stdout;
      const file = join(sb.root, `completion.${shell}`);
      writeFileSync(file, script + '\n');
      // Ask for what a tab would offer after each of these command lines.
      const lines = ['claude-hooks ', 'claude-hooks init ', 'claude-hooks envrc ', 'claude-hooks profiles ', 'claude-hooks profiles show ', 'claude-hooks doctor --'];
      let body: string;
      if (shell === 'fish') {
        body = `source '${file}'\n` + lines.map((l) => `echo "== ${l}"; complete -C '${l}'`).join('\n');
      } else if (shell === 'bash' || shell === 'bash32') {
        body =
          `. '${file}'\n` +
          lines
            .map((l) => {
              const words = l.split(' ');
              return `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _claude_hooks_complete; echo "== ${l}"; printf '%s\\n' "\${COMPREPLY[@]}"`;
            })
            .join('\n');
      } else {
        // compadd only works inside a completion widget: stand in for it, and for compdef.
        body =
          `compdef() { :; }; compadd() { while [[ $1 == -* && $1 != -- ]]; do case $1 in -[dJXVx]) shift 2 ;; *) shift ;; esac; done; [[ $1 == -- ]] && shift; print -rl -- "$@"; }; _files() { :; }\nsource '${file}'\n` +
          lines
            .map((l) => {
              const words = l.split(' ');
              return `words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}; echo "== ${l}"; _claude_hooks`;
            })
            .join('\n');
      }
      const args = shell === 'fish' ? ['--no-config', '-c', body] : shell === 'zsh' ? ['-f', '-c', body] : ['--norc', '-c', body];
      const r = await execa(shellBinary(shell)!, args, { env: sb.env(env), extendEnv: false, reject: false });
      expect(r.exitCode, r.stderr).toBe(0);
      const offered = (line: string) => {
        const part = r.stdout.split(`== ${line}`)[1]!.split('== ')[0]!;
        return part.split('\n').map((w) => w.split('\t')[0]!.trim()).filter(Boolean);
      };
      // Exactly these, written out here rather than taken from the table: an extra offer fails too.
      const sorted = (words: string[]) => [...words].sort();
      const PROFILES = ['anthropic', 'bedrock', 'vertex', 'foundry', 'mantle', 'anthropic-aws', 'anthropic-google-cloud', 'gateway', 'acme-eu'];
      // fish offers options only once a `-` is typed.
      const flags = (...f: string[]) => (shell === 'fish' ? [] : f);
      expect(sorted(offered('claude-hooks '))).toEqual(sorted(['init', 'setup', 'envrc', 'profiles', 'status', 'doctor', 'config', 'completion', 'help', ...flags('--help', '-h', '--version', '-V')]));
      expect(sorted(offered('claude-hooks init '))).toEqual(sorted(['bash', 'zsh', 'fish', 'direnv', ...flags('--cmd', '--write', '--cache', '--help')]));
      expect(sorted(offered('claude-hooks envrc '))).toEqual(sorted([...PROFILES, ...flags('--region', '--aws-profile', '--write', '--dir', '--help')]));
      expect(sorted(offered('claude-hooks profiles '))).toEqual(sorted(['show', ...flags('--json', '--help')]));
      expect(sorted(offered('claude-hooks profiles show '))).toEqual(sorted([...PROFILES, ...flags('--json', '--help')]));
      expect(sorted(offered('claude-hooks doctor --'))).toEqual(sorted(['--json', '--dir', '--verify', '--no-verify', '--live', '--migrate', '--help']));
    });
  });
}

describe('--help', () => {
  it.each([[[]], ...Object.keys(COMPLETION_TABLE).map((c) => [[c]]), [['profiles', 'show']], [['config', 'check']]])('runs for %j', async (args) => {
    const sb = makeSandbox();
    const r = await cli(sb, [...(args as string[]), '--help']);
    expect(r.exitCode).toBe(0);
    const list = args as string[];
    // The help of this command, not another's: its usage line, and every flag it takes.
    const usage = r.stdout.split('\n').find((l) => l.startsWith('Usage: '));
    expect(usage).toMatch(new RegExp(`^Usage: claude-hooks${list.map((w) => ' ' + w).join('')}( |$)`));
    // `  -h, --help`, `      --json`, `      --[no-]verify` (both spellings completed).
    const options = [...r.stdout.matchAll(/^ {2}(?:-[a-zA-Z], | {4})--(\[no-\])?([a-z-]+)/gm)].flatMap((m) => (m[1] ? [`--${m[2]}`, `--no-${m[2]}`] : [`--${m[2]}`]));
    if (list.length === 0) {
      expect(r.stdout).toContain('Exit codes: 0 ok, 1 findings, 2 usage or input error.');
      expect(options.sort()).toEqual(['--help', '--version']);
    } else if (list.length === 1) {
      expect(r.stdout).toContain('Examples:');
      expect(options.sort()).toEqual([...COMPLETION_TABLE[list[0]!]!.flags, '--help'].sort());
    }
  });
});
