// doctor's settings-invalid line is "<file> is <problem>: <effect>", and its fix must fit the
// problem. Some problems did not read after "is" ("is cannot be read (EACCES)", "is
// "apiKeyHelper" cannot be a number"), and every one got JSON advice ("no comments, no
// trailing commas"), a FIFO, a directory and an unreadable file included. Every kind of
// problem a settings file can have, at the user level, through doctor --json.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { VOIDING_KINDS } from '../src/status/settings-schema.js';
import { CLI, makeSandbox } from './helpers/sandbox.js';

const S = JSON.stringify;
/** A JSON value of each kind, for a key of the schema that never takes it. */
const OF_KIND: Record<string, unknown> = { string: 'x', number: 5, boolean: true, null: null, array: [], object: {} };
const someVoiding = Object.entries(VOIDING_KINDS).slice(0, 6).map(([key, kinds]) => [`${key} of the wrong kind`, S({ [key]: OF_KIND[kinds[0]!] })] as const);

type Make = string | ((path: string) => void);
const KINDS: Array<readonly [string, Make, 'parse' | 'read']> = [
  ['a comment', '{ // c\n}', 'parse'],
  ['a trailing comma', '{"a": 1,}', 'parse'],
  ['empty', '', 'parse'],
  ['an array', '[]', 'parse'],
  ['an env value String() cannot convert', '{"env":{"X":{"toString":1}}}', 'parse'],
  ...someVoiding.map(([n, t]) => [n, t, 'parse'] as const),
  ['a FIFO', (p) => execFileSync('mkfifo', [p]), 'read'],
  ['a directory', (p) => mkdirSync(p), 'read'],
  ['over 2 MiB', '{}' + ' '.repeat(2 * 1024 * 1024), 'read'],
  ['unreadable (as nobody)', (p) => { writeFileSync(p, '{}'); chmodSync(p, 0o600); }, 'read'],
];

describe.concurrent('settings-invalid reads as a sentence, with a fix that fits', () => {
  it.each(KINDS)('%s', async (name, make, kind) => {
    const sb = makeSandbox();
    const file = join(sb.home, '.claude', 'settings.json');
    mkdirSync(join(file, '..'), { recursive: true });
    if (typeof make === 'string') writeFileSync(file, make);
    else make(file);
    const asNobody = name.includes('nobody');
    if (asNobody) {
      for (const d of [sb.root, sb.home]) chmodSync(d, 0o755);
      chownSync(join(file, '..'), 65534, 65534);
      chownSync(sb.home, 65534, 65534);
    }
    const cmd = asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const r = await execa(cmd[0]!, [...cmd.slice(1), CLI, 'doctor', '--json', '--no-verify', '--dir', sb.home], { env: sb.env(), extendEnv: false, reject: false, timeout: 10_000, stdin: 'ignore' });
    const found = (JSON.parse(r.stdout) as { findings: Array<{ id: string; message: string; fix: string }> }).findings.filter((f) => f.id === 'settings-invalid');
    expect(found.length, r.stdout).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.message).toMatch(/^~\/\.claude\/settings\.json is (not valid JSON|not a JSON object|invalid: |unreadable \(E[A-Z]+\)|larger than|a FIFO|a directory|a device|a socket)/);
      if (kind === 'parse') expect(f.fix).toMatch(/strict JSON/);
      else expect(f.fix).not.toMatch(/JSON|comma/);
    }
  });
});
