// Attacker input at the prompt, in the real shells (issue 15): what a hostile repository, a
// hostile directory name or a hostile environment value can make the generated code print,
// read or run. Each guarantee here is named in docs/security.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/shells/fish.js';
import { posixQuote } from '../src/shells/posix.js';
import { ROOT, makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, type TestShell } from './helpers/shells.js';

const quote = (shell: TestShell, s: string) => (shell === 'fish' ? fishQuote(s) : posixQuote(s));
const promptCmd = 'prompt';

/** What the terminal must never get from us: C0 controls other than newline and tab, DEL, and
 *  the C1 controls U+0080..U+009F (which a UTF-8 terminal obeys like ESC sequences). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/u;

// Pieces attackers use: escape sequences (title, clear, clipboard), every C0 and C1 control,
// DEL, and ordinary text around them.
const C0 = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1));
const C1 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i));
const SEQUENCES = ['\x1b]2;pwned\x07', '\x1b[2J', '\x1b]52;c;cHduZWQ=\x07', '\x9b31m', '\x1bP$q\x1b\\', '\x1b[6n'];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...C0, ...C1, '\x7f'), weight: 3 },
  { arbitrary: fc.constantFrom(...SEQUENCES), weight: 2 },
  { arbitrary: fc.constantFrom('a', 'vertex', ' ', '-', 'é', '中', '😀', '$(x)', "'", '"', '\\', '%s'), weight: 3 },
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
/** A directory name: no `/`, no NUL, not `.` or `..`, short enough for any file system. */
const dirName = hostile.map((s) => s.replace(/\//g, '_').replace(/\0/g, '')).filter((s) => s !== '.' && s !== '..' && Buffer.byteLength(s) < 200);

interface Case {
  dir: string;
  marker: string;
  value: string;
}
const caseArb: fc.Arbitrary<Case> = fc.record({
  dir: dirName,
  // What the marker holds: hostile text, or a real profile name (so the switch message, which
  // names the directory, is printed too).
  marker: fc.oneof(hostile, fc.constant('vertex'), fc.constant('bedrock')),
  value: hostile.map((s) => s.replace(/\0/g, '')),
});

function controls(text: string): string[] {
  return [...text].filter((c) => CONTROL.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

for (const shell of shellsUnderTest()) {
  describe(`${shell}: no control character reaches the terminal`, () => {
    it('from generated directory names, markers and environment values (switch messages, warnings, cb-status)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(caseArb, { minLength: 3, maxLength: 6 }), async (cases) => {
          const sb = makeSandbox();
          const steps: string[] = [];
          cases.forEach((c, i) => {
            const dir = join(sb.home, `${i}-${c.dir}`);
            mkdirSync(dir);
            writeFileSync(join(dir, '.claude-backend'), c.marker + '\n');
            const setValue =
              shell === 'fish' ? `set -gx ANTHROPIC_MODEL ${quote(shell, c.value)}` : `export ANTHROPIC_MODEL=${quote(shell, c.value)}`;
            steps.push(setValue, `cd ${quote(shell, dir)}`, promptCmd, 'cb-status', `cb-use ${quote(shell, c.value)}`, 'cd ~', promptCmd, 'cb-status');
          });
          // A parent shell's profile, and a direnv directory, named by hostile values.
          const last = cases[cases.length - 1]!.value;
          steps.push(
            shell === 'fish' ? `set -gx CLAUDE_HOOKS_PROFILE ${quote(shell, last)}` : `export CLAUDE_HOOKS_PROFILE=${quote(shell, last)}`,
            'cb-status',
            shell === 'fish' ? `set -gx CLAUDE_HOOKS_DIRENV ${quote(shell, last)}` : `export CLAUDE_HOOKS_DIRENV=${quote(shell, last)}`,
            'cb-status',
            'cb-bedrock',
          );
          const run = await runWithInit(sb, shell, steps.join('\n'), {
            env: { AWS_REGION: last, CLOUD_ML_REGION: 'r', ANTHROPIC_VERTEX_PROJECT_ID: 'p' },
          });
          expect(run.stdout).toContain('variables'); // cb-status ran
          expect(controls(run.stdout), run.stdout).toEqual([]);
          expect(controls(run.stderr), run.stderr).toEqual([]);
        }),
        { numRuns: Number(process.env.CLAUDE_HOOKS_SECURITY_RUNS ?? 8) },
      );
    });
  });
}

describe('one sanitizer per shell language', () => {
  it('direnv runs the same _cb_clean as the bash integration', () => {
    const body = (text: string, name: string) => {
      const start = text.indexOf(`\n${name}() {\n`);
      return start < 0 ? '' : text.slice(start, text.indexOf('\n}\n', start) + 3);
    };
    const fn = (file: string) => {
      const text = readFileSync(join(ROOT, 'shells', file), 'utf8');
      return body(text, '_cb_clean') + body(text, '_cb_ctl_table');
    };
    expect(fn('direnv.sh')).toBe(fn('bash.sh'));
    expect(fn('bash.sh')).toContain('_cb_ctl_esc');
  });
});
