// The JSON Schema shipped for editors must match what the loader accepts: judged by the loader's
// verdict on generated configs, not by comparing the schema with itself. (The build writes
// schema/config.schema.json from configJsonSchema(), which is what is checked here.)
import { BACKEND_SPECS } from '../src/profiles/backends.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { parse, stringify } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { parseConfig } from '../src/profiles/config.js';
import { PROFILE_FIELDS, TOP_FIELDS, configJsonSchema, type FieldSpec } from '../src/profiles/schema.js';
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

// Generated configs: a valid one built from the loader's own table, then, in most of them, one
// near miss (an unknown or misspelt key, a wrong type, a field of another backend, a bad name,
// a missing backend or region, a relative directory). Fixed seed: every run checks the same 500.
const BUILTINS = ['anthropic', 'bedrock', 'vertex', 'foundry', 'mantle', 'anthropic-aws', 'anthropic-google-cloud', 'gateway'] as const;
type Table = Record<string, unknown>;
const fieldsFor = (backend: string) =>
  (Object.entries(PROFILE_FIELDS) as Array<[string, FieldSpec]>)
    .filter(([k, spec]) => !['backend', 'env', 'apiKey'].includes(k) && (!spec.backends || (spec.backends as readonly string[]).includes(backend)))
    .map(([k]) => k);
const fieldsNotFor = (backend: string) =>
  (Object.entries(PROFILE_FIELDS) as Array<[string, FieldSpec]>).filter(([, spec]) => spec.backends && !(spec.backends as readonly string[]).includes(backend)).map(([k]) => k);

const validProfile = (name: string): fc.Arbitrary<Table> =>
  fc.constantFrom(...BUILTINS).chain((backend) => {
    const own = !(BUILTINS as readonly string[]).includes(name);
    const be = own ? backend : name;
    return fc
      .record({
        fields: fc.subarray(fieldsFor(be)),
        values: fc.array(fc.constantFrom('us-east-1', 'x y', 'echo k', 'ü'), { minLength: 20, maxLength: 20 }),
        env: fc.dictionary(fc.constantFrom('DISABLE_TELEMETRY', 'ANTHROPIC_X_Y', 'HTTPS_PROXY', 'no_proxy'), fc.constantFrom('1', ''), { maxKeys: 2 }),
        sayBackend: fc.boolean(),
      })
      .map(({ fields, values, env, sayBackend }) => {
        const t: Table = Object.fromEntries(fields.map((f, i) => [f, values[i]!]));
        if (own || sayBackend) t.backend = be;
        // What your own profile of that backend must give (backends.ts configRequires).
        for (const f of BACKEND_SPECS.find((b) => b.id === be)!.configRequires) if (own && !t[f]) t[f] = 'eu-west-1';
        if (Object.keys(env).length) t.env = env;
        return t;
      });
  });
const validConfig: fc.Arbitrary<Table> = fc
  .uniqueArray(fc.constantFrom('anthropic', 'bedrock', 'vertex', 'foundry', 'work', 'w-2', 'x_9'), { maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((n) => validProfile(n).map((p) => [n, p] as const))))
  .chain((entries) =>
    fc.record({ dirs: fc.dictionary(fc.constantFrom('~/src', '~', '/abs/dir'), fc.constantFrom(...BUILTINS), { maxKeys: 2 }), inline: fc.boolean() }).map(({ dirs, inline }) => {
      const config: Table = { profiles: Object.fromEntries(entries) };
      if (Object.keys(dirs).length) config.directories = dirs;
      if (inline) config.allowInlineSecrets = false;
      return config;
    }),
  );

type Mistake = (c: Table, pick: number) => void;
const profilesOf = (c: Table) => ((c.profiles ??= {}) as Record<string, Table>);
const someProfile = (c: Table, pick: number): [string, Table] => {
  const entries = Object.entries(profilesOf(c));
  if (!entries.length) profilesOf(c).work = { backend: 'anthropic' };
  const all = Object.entries(profilesOf(c));
  return all[pick % all.length]!;
};
const backendOf = (name: string, t: Table) => (t.backend as string | undefined) ?? name;
const MISTAKES: Record<string, Mistake> = {
  'unknown top-level key': (c) => void (c.colour = 'red'),
  'misspelt field': (c, n) => void (someProfile(c, n)[1].Region = 'x'),
  'number for a string': (c, n) => {
    const [name, t] = someProfile(c, n);
    t[fieldsFor(backendOf(name, t))[n % fieldsFor(backendOf(name, t)).length]!] = 5;
  },
  'field of another backend': (c, n) => {
    const [name, t] = someProfile(c, n);
    const other = fieldsNotFor(backendOf(name, t));
    if (other.length) t[other[n % other.length]!] = 'x';
  },
  'unknown backend': (c, n) => void (someProfile(c, n)[1].backend = 'openai'),
  'upper-case profile name': (c) => void (profilesOf(c).Work = { backend: 'anthropic' }),
  'own profile without backend': (c) => void (profilesOf(c)['no-backend'] = { model: 'm' }),
  'own bedrock profile without region': (c) => void (profilesOf(c)['no-region'] = { backend: 'bedrock' }),
  'bad env name': (c, n) => void (someProfile(c, n)[1].env = { '1X': '1' }),
  'env name outside the allow-list': (c, n) => void (someProfile(c, n)[1].env = { PS1: '$ ' }),
  'built-in with another backend': (c) => void (profilesOf(c).bedrock = { backend: 'vertex' }),
  'own gateway without its URL': (c) => void (profilesOf(c)['no-url'] = { backend: 'gateway' }),
  'backend by its provider word': (c) => void (profilesOf(c)['by-word'] = { backend: 'anthropicAws', workspaceId: 'w' }),
  'env value not a string': (c, n) => void (someProfile(c, n)[1].env = { X: 1 }),
  'relative directory': (c) => void (c.directories = { src: 'anthropic' }),
  'allowInlineSecrets not a boolean': (c) => void (c.allowInlineSecrets = 'yes'),
};
const generatedConfig = fc.tuple(validConfig, fc.option(fc.constantFrom(...Object.keys(MISTAKES)), { freq: 3 }), fc.nat()).map(([config, mistake, n]) => {
  const copy = structuredClone(config);
  if (mistake) MISTAKES[mistake]!(copy, n);
  return copy;
});

/** Whether the config loader takes `toml` (it refuses with an InputError; anything else is a bug). */
function loaderAccepts(toml: string): boolean {
  try {
    parseConfig(toml, '/c.toml', { HOME: '/h' });
    return true;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return false;
  }
}

describe('schema/config.schema.json', () => {
  it('accepts exactly what the loader accepts, over 500 generated configs', () => {
    fc.assert(
      fc.property(generatedConfig, (config) => {
        const toml = stringify(config);
        expect(validate(parse(toml)), `${toml}\n${JSON.stringify(validate.errors)}`).toBe(loaderAccepts(toml));
      }),
      { numRuns: 500, seed: 1 },
    );
  });


  it.each(CASES)('agrees with the loader: %s', (_name, toml) => {
    expect(validate(parse(toml)), JSON.stringify(validate.errors)).toBe(loaderAccepts(toml));
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
