// Which wrongly-typed settings keys make Claude Code ignore a whole file comes from the pinned
// CLI (scripts/settings-schema.mjs): its schema's keys read from the binary, each key's JSON
// kinds measured with `claude auth status`. This checks that table against the CLI again, in
// both directions and on generated keys: the keys are still the binary's, a sample of (key,
// kind) pairs still void the file or not as the table says, and keys the schema does not know
// never void one. Bumping Claude Code fails here until `node scripts/settings-schema.mjs` runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VOIDING_KINDS, SCHEMA_VERSION, type JsonKind } from '../src/status/settings-schema.js';
import { readSettingsFile } from '../src/status/settings.js';
import { available } from './helpers/oracle.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script, no types
import { KINDS, claudeVersion, extractSettingsKeys, keeps, probes } from '../scripts/settings-schema.mjs';

const SEED = Number(process.env.CLAUDE_HOOKS_ORACLE_SEED ?? 14);
const PAIRS = Number(process.env.CLAUDE_HOOKS_SCHEMA_PAIRS ?? 16);

/** Our reading of a user settings file holding {key: value} next to a Vertex env. */
function oursKeeps(key: string, value: unknown): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'claude-hooks-schema-'));
  const path = join(dir, 'settings.json');
  const marker = key === 'env' ? { apiKeyHelper: 'echo k' } : { env: { CLAUDE_CODE_USE_VERTEX: '1' } };
  writeFileSync(path, JSON.stringify({ ...marker, [key]: value }));
  return readSettingsFile('user', path).state === 'ok';
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

describe.skipIf(!available)('the settings schema table is the pinned CLI\'s', () => {
  const keys = available ? (extractSettingsKeys() as Array<{ key: string; source: string }>) : [];

  it('has every key of the binary\'s settings schema, and no other', () => {
    expect(SCHEMA_VERSION).toBe(claudeVersion());
    expect(keys.length).toBeGreaterThan(100);
    expect(Object.keys(VOIDING_KINDS).sort()).toEqual(keys.map((k) => k.key).sort());
  });

  it(`a generated sample of ${PAIRS} (key, kind) pairs voids the file or not as the table says, for the CLI and for us`, async () => {
    const pairs = fc.sample(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...(KINDS as JsonKind[]))), { seed: SEED, numRuns: PAIRS });
    // Both directions in every run: at least a quarter voiding and a quarter kept.
    const voiding = pairs.filter(([k, kind]) => VOIDING_KINDS[k.key]!.includes(kind));
    expect(voiding.length).toBeGreaterThan(PAIRS / 4);
    expect(PAIRS - voiding.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    await pool(pairs, 3, async ([k, kind]) => {
      const values = (probes(k.source) as Record<JsonKind, unknown[]>)[kind];
      const tableVoids = VOIDING_KINDS[k.key]!.includes(kind);
      let cliKept = false;
      for (const v of values) if ((cliKept = await keeps(k.key, v))) break;
      if (cliKept === tableVoids) wrong.push(`${k.key} as ${kind}: the CLI ${cliKept ? 'keeps' : 'ignores'} the file, the table says otherwise`);
      // Ours, value by value: a kind the table voids is void for every value of that kind.
      for (const v of values) if (oursKeeps(k.key, v) === tableVoids) wrong.push(`${k.key}=${JSON.stringify(v)}: our reading disagrees with the table`);
    });
    expect(wrong, `seed ${SEED}`).toEqual([]);
  }, 300_000);

  it('keys the schema does not know never void a file', async () => {
    const known = new Set(keys.map((k) => k.key));
    const unknown = fc.sample(
      fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !known.has(s) && s !== '__proto__'), fc.jsonValue({ maxDepth: 2 })),
      { seed: SEED, numRuns: 6 },
    );
    const wrong: string[] = [];
    await pool(unknown, 3, async ([key, value]) => {
      if (!(await keeps(key, value))) wrong.push(`CLI ignores a file with unknown key ${JSON.stringify(key)}=${JSON.stringify(value)}`);
      if (!oursKeeps(key, value)) wrong.push(`we ignore a file with unknown key ${JSON.stringify(key)}`);
    });
    expect(wrong, `seed ${SEED}`).toEqual([]);
  }, 120_000);
});
