// Property: no outside text reaches the terminal raw (issue 15, item 1). Generated hostile
// worlds (settings files, directory names, configs, markers, environment values and arguments
// full of escape sequences, C1 controls, bidi overrides and invalid UTF-8) are put in front of
// every command that prints for a person, and their stdout and stderr are checked byte by
// byte: no byte below 0x20 but newline and tab, no DEL, no C1 control, nothing but valid UTF-8.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inline, block, forTerminal, fromBytes, jsonText } from '../src/sanitize.js';
import { painter } from '../src/colors.js';
import { predict } from '../src/status/predict.js';
import { statusText, doctorText } from '../src/status/format.js';
import { findings } from '../src/status/findings.js';
import { migrationGuide } from '../src/status/migrate.js';
import { CLI, ROOT, makeSandbox } from './helpers/sandbox.js';

const RUNS = Number(process.env.CLAUDE_HOOKS_SANITIZE_RUNS ?? 8);

/** Why `bytes` are not safe for a terminal, or null when they are. */
export function terminalProblem(bytes: Uint8Array): string | null {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x0a && b !== 0x09) || b === 0x7f) return `byte 0x${b.toString(16)} at ${i}`;
    if (b === 0xc2 && (bytes[i + 1] ?? 0) >= 0x80 && (bytes[i + 1] ?? 0) <= 0x9f) return `C1 control U+00${bytes[i + 1]!.toString(16)} at ${i}`;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'invalid UTF-8';
  }
  const bidi = /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.exec(text);
  return bidi ? `U+${bidi[0].charCodeAt(0).toString(16)} at ${bidi.index}` : null;
}

const NASTY = ['\x1b', '\x1b]2;pwned\x07', '\x1b]52;c;aGk=\x07', '\x1b[2J', '\x1b[31m', '\x9b', '\x9d', '\x85', '\x7f', '\x07', '\x08', '\r', '\n', '\t', '\x00', '\u202e', '\u2066', '\u2028', '\ud800', '\udfff', '\ufffd', 'é', '😀', '"', "'", '\\', '$(', '{', '}', '=', '#', '[', ']', ' '];
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Text from outside: mostly hostile pieces, some arbitrary UTF-16 code units, some letters. */
const hostile = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...NASTY), weight: 4 }, { arbitrary: anyUnit, weight: 1 }, { arbitrary: fc.constantFrom('a', 'Z', '0', '-', '_', '.'), weight: 2 }), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join(''));
/** Raw bytes from outside (a marker, a broken settings file): any byte at all, invalid UTF-8 included. */
const hostileBytes = fc.tuple(hostile, fc.uint8Array({ maxLength: 16 })).map(([s, b]) => Buffer.concat([Buffer.from(s.replace(/[\ud800-\udfff]/g, '')), Buffer.from(b)]));

/** What the environment, a path or argv can hold: no NUL, no lone surrogate (execa would refuse). */
const envSafe = (s: string) => s.replace(/\0/g, '').replace(/[\ud800-\udfff]/g, '') || 'x';
const nameSafe = (s: string) => {
  const n = envSafe(s).replace(/\//g, '_').slice(0, 60);
  return n === '.' || n === '..' ? 'd' : n;
};
/** A TOML basic string holding `s` (TOML escapes every control character; it cannot hold a surrogate or NUL... except as \u0000). */
const toml = (s: string) => JSON.stringify(s.replace(/[\ud800-\udfff]/g, '')).replace(/[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('the sanitizer', () => {
  it('inline: no control character, newline or tab survives, and safe text is left alone', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: anyUnit })), (s) => {
        const out = inline(s);
        expect(terminalProblem(Buffer.from(out)), JSON.stringify(s)).toBeNull();
        expect(out).not.toMatch(/[\n\t]/);
        expect(inline(out)).toBe(out);
        if (!/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/.test(s)) expect(out).toBe(s);
      }),
      { numRuns: 5000 },
    );
  });

  it('block: keeps newline and tab, escapes the rest', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = block(s);
        expect(terminalProblem(Buffer.from(out))).toBeNull();
        expect(out.split('\n').length).toBe(s.split('\n').length);
      }),
      { numRuns: 2000 },
    );
  });

  it('fromBytes: invalid UTF-8 is shown as \\xNN, valid text as itself', () => {
    fc.assert(
      fc.property(hostileBytes, (bytes) => {
        const out = fromBytes(bytes);
        expect(terminalProblem(Buffer.from(out))).toBeNull();
      }),
      { numRuns: 2000 },
    );
    expect(fromBytes(Buffer.from([0x61, 0xff, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0x1b]))).toBe('a\\xffé\\xed\\xa0\\x80\\x1b');
  });

  it('forTerminal: with colours, only our own colour codes carry an escape', () => {
    const paint = painter(true);
    fc.assert(
      fc.property(hostile, (s) => {
        const out = forTerminal(`${paint('red', 'x')}${s}${paint('bold', inline(s))}`, true);
        expect(out.replace(/\x1b\[(1|2|22|31|39)m/g, '')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('jsonText: the same value back, with nothing raw for a terminal', () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, hostile), (v) => {
        const out = jsonText(v);
        expect(JSON.parse(out)).toEqual(v);
        expect(terminalProblem(Buffer.from(out))).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

/** A hostile world in a sandbox: settings files, a directory, a config and a marker. */
interface World {
  dir: string;
  key: string;
  value: string;
  helper: string;
  broken: Buffer;
  marker: Buffer;
  description: string;
  envValue: string;
  brokenConfig: boolean;
  configNoise: string;
  arg: string;
  shellValue: string;
}

const world: fc.Arbitrary<World> = fc.record({
  dir: hostile.map(nameSafe),
  key: hostile,
  value: hostile,
  helper: hostile,
  broken: hostileBytes,
  marker: hostileBytes,
  description: hostile,
  envValue: hostile,
  brokenConfig: fc.boolean(),
  configNoise: hostile,
  arg: hostile.map(envSafe),
  shellValue: hostile.map(envSafe),
});

function build(w: World) {
  const sb = makeSandbox();
  const dir = join(sb.home, w.dir);
  mkdirSync(join(dir, '.claude'), { recursive: true });
  mkdirSync(join(sb.home, '.claude'), { recursive: true });
  const env = { [w.key]: w.value, ANTHROPIC_MODEL: w.value, AWS_REGION: w.value, CLAUDE_CODE_USE_BEDROCK: '1', ANTHROPIC_API_KEY: w.value };
  writeFileSync(join(sb.home, '.claude', 'settings.json'), JSON.stringify({ env, apiKeyHelper: w.helper }, null, 2));
  writeFileSync(join(dir, '.claude', 'settings.json'), Buffer.concat([Buffer.from('{"env": {"X": "'), w.broken, Buffer.from('"}')]));
  writeFileSync(join(dir, '.claude-backend'), w.marker);
  sb.writeConfig(
    w.brokenConfig
      ? `[profiles.x]\nbackend = "anthropic"\n${w.configNoise.replace(/[\ud800-\udfff]/g, '')} = 1\n`
      : `[profiles.x]\nbackend = "bedrock"\nregion = ${toml(w.envValue)}\ndescription = ${toml(w.description)}\nenv = { ANTHROPIC_CUSTOM_HEADERS = ${toml(w.envValue)} }\n\n[directories]\n${toml(dir)} = "x"\n`,
  );
  return { sb, dir };
}

async function run(args: string[], cwd: string, env: Record<string, string>) {
  const r = await execa(process.execPath, [CLI, ...args], { env, extendEnv: false, reject: false, cwd, encoding: 'buffer', timeout: 30_000 });
  return { args, stdout: r.stdout as Uint8Array, stderr: r.stderr as Uint8Array, exitCode: r.exitCode };
}

describe('every command, in a generated hostile world', () => {
  it(`prints nothing a terminal would obey (${RUNS} worlds)`, async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const { sb, dir } = build(w);
        const env = sb.env({ ANTHROPIC_MODEL: envSafe(w.value), CLAUDE_HOOKS_PROFILE: w.shellValue, CLAUDE_HOOKS_SHELL: w.shellValue, SHELL: w.shellValue, AWS_PROFILE: w.shellValue });
        const commands = [
          ['status'],
          ['status', '--json'],
          ['status', '--dir', dir],
          ['doctor'],
          ['doctor', '--json'],
          ['doctor', '--migrate'],
          ['profiles'],
          ['profiles', '--json'],
          ['profiles', 'show', 'x'],
          ['profiles', 'show', w.arg],
          ['config', 'check'],
          ['config', 'path'],
          ['envrc', 'x'],
          ['envrc', w.arg],
          ['envrc', 'bedrock', '--region', w.arg],
          ['setup', '--dry-run'],
          ['init', 'bash'], // stdout is shell code for eval; its stderr is for a person
          [w.arg],
          ['status', `--${w.arg}`],
        ];
        const results = await Promise.all(commands.map((args) => run(args, dir, env)));
        for (const r of results) {
          const streams = r.args[0] === 'init' ? { stderr: r.stderr } : { stdout: r.stdout, stderr: r.stderr };
          for (const [name, bytes] of Object.entries(streams)) {
            const problem = terminalProblem(bytes);
            if (problem) {
              expect.fail(`claude-hooks ${JSON.stringify(r.args)}: ${name} has ${problem}:\n${JSON.stringify(Buffer.from(bytes).toString('latin1'))}`);
            }
          }
        }
      }),
      {
        numRuns: RUNS,
        endOnFailure: true, // no shrinking: each step is 19 processes, and the message shows the bytes
        // The attacks of issue 15, always tried: a retitle and a screen clear, a clipboard write (OSC 52), C1 CSI.
        examples: [[{ dir: 'a\x1b]2;title\x07b', key: 'K\x1b[2J', value: '\x1b]52;c;cHduZWQ=\x07', helper: 'op \x9b2J', broken: Buffer.from('\x1b]2;t\x07\xff'), marker: Buffer.from('\x1b]2;title\x07\x1b[2J\n'), description: '\u202eevil', envValue: '\x85\x7f', brokenConfig: false, configNoise: '', arg: '\x1b[2J', shellValue: '\x1b]2;x\x07' }]],
      },
    );
  }, 600_000);
});

describe('the status formatters, in process', () => {
  it('keep every value, path and problem on its own line, escaped', () => {
    const sb = makeSandbox();
    fc.assert(
      fc.property(world, (w) => {
        const { dir } = build({ ...w, dir: `${w.dir}-${Math.random().toString(36).slice(2)}` });
        const env = { HOME: sb.home, XDG_CONFIG_HOME: sb.xdg, ANTHROPIC_MODEL: envSafe(w.value), CLAUDE_HOOKS_PROFILE: w.shellValue };
        const p = predict(dir, env);
        const found = findings(p, env, 1);
        for (const f of found) {
          expect(terminalProblem(Buffer.from(f.message))).toBeNull();
          expect(f.message).not.toContain('\n');
        }
        for (const text of [statusText(p, env, painter(false)), doctorText(found, painter(false)), migrationGuide(p, env)]) {
          expect(terminalProblem(Buffer.from(text))).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the boundary', () => {
  it('every write to stdout or stderr in src goes through print.ts, but init and secret', () => {
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const path = join(d, e.name);
        if (e.isDirectory()) walk(path);
        else if (/\.ts$/.test(e.name) && !['print.ts', 'stdout.ts', 'secret.ts'].includes(e.name)) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/process\.(stdout|stderr)\.write|console\.(log|error|warn)|writeSync\(\s*[12]\b/.test(line)) offenders.push(`${path}:${i + 1}`);
            });
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
