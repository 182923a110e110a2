// doctor --migrate names the lines of Claude Code's settings to remove. It read each file as
// UTF-8, so a settings file in UTF-16LE (which Claude Code reads, and status reported as
// setting Bedrock) had no line to remove; and a file standing at two levels (Claude Code
// started in ~, where ~/.claude/settings.json is the project's and the user's, or a project
// file linked to the user's) was listed twice. Generated over encodings, line endings and the
// ways a file can stand at two levels.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli, makeSandbox } from './helpers/sandbox.js';

type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom';
type Layout = 'user, run elsewhere' | 'user, run in ~' | 'project linked to user';

function encode(text: string, e: Encoding): Buffer {
  if (e === 'utf16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.concat([Buffer.from(e === 'utf8-bom' ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
}

const world = fc.record({
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8-bom', 'utf16le-bom'),
  crlf: fc.boolean(),
  layout: fc.constantFrom<Layout>('user, run elsewhere', 'user, run in ~', 'project linked to user'),
  vars: fc.subarray(['CLAUDE_CODE_USE_BEDROCK', 'AWS_REGION', 'CLAUDE_CODE_USE_VERTEX', 'ANTHROPIC_MODEL'], { minLength: 1 }),
  padding: fc.nat({ max: 3 }),
});

describe('doctor --migrate lists each line to remove once, whatever the encoding', () => {
  it('generated settings files (UTF-8, byte order marks, UTF-16LE, CRLF; one file at two levels)', async () => {
    const worlds = fc.sample(world, { seed: Number(process.env.CLAUDE_HOOKS_ATTACK_SEED ?? Date.now() % 2 ** 31), numRuns: 12 });
    const kept = [
      { encoding: 'utf16le-bom', crlf: false, layout: 'user, run elsewhere', vars: ['CLAUDE_CODE_USE_BEDROCK'], padding: 0 },
      { encoding: 'utf8', crlf: false, layout: 'user, run in ~', vars: ['CLAUDE_CODE_USE_BEDROCK'], padding: 0 },
      { encoding: 'utf8', crlf: true, layout: 'project linked to user', vars: ['AWS_REGION'], padding: 1 },
    ] as Array<(typeof worlds)[number]>;
    await Promise.all(
      [...kept, ...worlds].map(async (w) => {
        const sb = makeSandbox();
        const nl = w.crlf ? '\r\n' : '\n';
        const lines = ['{', ...Array(w.padding).fill('  "theme": "dark",'), '  "env": {', ...w.vars.map((v, i) => `    "${v}": "${v === 'AWS_REGION' ? 'eu-west-1' : v === 'ANTHROPIC_MODEL' ? 'm' : '1'}"${i < w.vars.length - 1 ? ',' : ''}`), '  }', '}', ''];
        const user = join(sb.home, '.claude', 'settings.json');
        mkdirSync(join(user, '..'), { recursive: true });
        writeFileSync(user, encode(lines.join(nl), w.encoding));
        let dir = join(sb.home, 'work');
        mkdirSync(dir);
        if (w.layout === 'user, run in ~') dir = sb.home;
        if (w.layout === 'project linked to user') {
          mkdirSync(join(dir, '.claude'));
          symlinkSync(user, join(dir, '.claude', 'settings.json'));
        }
        const r = await cli(sb, ['doctor', '--migrate', '--dir', dir]);
        expect(r.exitCode, r.stderr).toBe(0);
        const what = JSON.stringify(w);
        expect(r.stdout.match(/remove these lines/g) ?? [], what).toHaveLength(1);
        for (const v of w.vars) {
          const n = lines.findIndex((l) => l.includes(`"${v}"`)) + 1;
          expect(r.stdout.match(new RegExp(`^ +${n}  "${v}":`, 'gm')) ?? [], `${what}: ${v} at line ${n}\n${r.stdout}`).toHaveLength(1);
        }
      }),
    );
  }, 60_000);
});
