// The JSON Schema shipped for editors must match what the loader accepts.
import { BACKEND_SPECS } from '../src/profiles/backends.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { parseConfig } from '../src/profiles/config.js';
import { PROFILE_FIELDS, TOP_FIELDS, configJsonSchema } from '../src/profiles/schema.js';
import { ROOT } from './helpers/sandbox.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(configJsonSchema());

const CASES: Array<[string, string]> = [
  ['built-in filled in', '[profiles.bedrock]\nregion = "us-east-1"\n'],
  ['built-in bedrock without region', '[profiles.bedrock]\nawsProfile = "x"\n'],
  ['own bedrock', '[profiles.work]\nbackend = "bedrock"\nregion = "eu-west-1"\nawsProfile = "w"\n'],
  ['own bedrock without region', '[profiles.work]\nbackend = "bedrock"\n'],
  ['own profile without backend', '[profiles.work]\nregion = "x"\n'],
  ['unknown backend', '[profiles.work]\nbackend = "openai"\n'],
  ['unknown key', '[profiles.work]\nbackend = "anthropic"\ncolour = "red"\n'],
  ['unknown top-level key', 'colour = "red"\n'],
  ['bad profile name', '[profiles.Work]\nbackend = "anthropic"\n'],
  ['env entry', '[profiles.g]\nbackend = "anthropic"\nenv = { DISABLE_TELEMETRY = "1" }\n'],
  ['bad env name', '[profiles.g]\nbackend = "anthropic"\nenv = { "1X" = "1" }\n'],
  ['number for string', '[profiles.g]\nbackend = "anthropic"\nmodel = 4\n'],
  ['directory map', '[profiles.w]\nbackend = "anthropic"\n[directories]\n"~/src" = "w"\n'],
  ['relative directory', '[directories]\n"src" = "anthropic"\n'],
];

describe('schema/config.schema.json', () => {
  it('is the schema the build generates from the loader’s table', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'schema', 'config.schema.json'), 'utf8'));
    expect(shipped).toEqual(configJsonSchema());
  });

  it.each(CASES)('agrees with the loader: %s', (_name, toml) => {
    let loaderOk = true;
    try {
      parseConfig(toml, '/c.toml', { HOME: '/h' });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      loaderOk = false;
    }
    expect(validate(parse(toml)), JSON.stringify(validate.errors)).toBe(loaderOk);
  });
});

describe('docs/profiles.md', () => {
  it('documents every key the loader accepts', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'profiles.md'), 'utf8');
    for (const key of [...Object.keys(PROFILE_FIELDS), ...Object.keys(TOP_FIELDS)]) {
      expect(doc, key).toMatch(new RegExp(`^\\| \`(\\[)?${key}`, 'm'));
    }
  });
});

describe('docs/troubleshooting.md', () => {
  it("explains every one of doctor's findings", () => {
    const doc = readFileSync(join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');
    const source = ['findings.ts', 'live.ts'].map((f) => readFileSync(join(ROOT, 'src', 'status', f), 'utf8')).join('\n');
    const literal = [...source.matchAll(/(?:add\(\s*|id: )'([a-z-]+)'/g)].map((m) => m[1]!);
    // What a backend cannot work without is one finding per requirement of the backend table.
    const required = BACKEND_SPECS.flatMap((b) => b.require.map((r) => `${b.id}-no-${r.slug}`));
    const ids = [...literal, ...required];
    expect(ids.length).toBeGreaterThan(20);
    for (const id of new Set(ids)) expect(doc, id).toContain(`**\`${id}\`**`);
  });
});
