// The config loader: what it accepts, and the exact one-line error for what it refuses.
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { configPath, parseConfig } from '../src/profiles/config.js';

const FILE = '/home/u/.config/claude-hooks/config.toml';
const ENV = { HOME: '/home/u' };

function error(toml: string, mode = 0o644): string {
  try {
    parseConfig(toml, FILE, ENV, mode);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('config path', () => {
  it('follows CLAUDE_HOOKS_CONFIG, then an absolute XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configPath({ HOME: '/h', CLAUDE_HOOKS_CONFIG: '/x/c.toml', XDG_CONFIG_HOME: '/x' })).toBe('/x/c.toml');
    expect(configPath({ HOME: '/h', XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/claude-hooks/config.toml');
    expect(configPath({ HOME: '/h', XDG_CONFIG_HOME: 'relative' })).toBe('/h/.config/claude-hooks/config.toml');
    expect(configPath({ HOME: '/h' })).toBe('/h/.config/claude-hooks/config.toml');
  });
});

describe('config loading', () => {
  it('adds user profiles to the built-ins, fills built-ins in, and maps directories', () => {
    const c = parseConfig(
      '[profiles.bedrock]\nregion = "us-east-1"\n\n[profiles.work]\nbackend = "bedrock"\nregion = "eu-west-1"\nawsProfile = "w"\ndescription = "Work"\n\n[directories]\n"~/src/acme/" = "work"\n"/opt/x" = "anthropic"\n',
      FILE,
      ENV,
    );
    expect(c.profiles.map((p) => p.name)).toEqual(['anthropic', 'bedrock', 'vertex', 'foundry', 'mantle', 'anthropic-aws', 'anthropic-google-cloud', 'gateway', 'work']);
    expect(c.profiles.find((p) => p.name === 'bedrock')).toMatchObject({ backend: 'bedrock', region: 'us-east-1' });
    expect(c.profiles.find((p) => p.name === 'work')).toMatchObject({ backend: 'bedrock', awsProfile: 'w', description: 'Work' });
    expect(c.directories).toEqual([
      { dir: '/home/u/src/acme', profile: 'work' },
      { dir: '/opt/x', profile: 'anthropic' },
    ]);
  });

  it('keeps key commands as commands, never as values', () => {
    const c = parseConfig('[profiles.p]\nbackend = "anthropic"\napiKeyCommand = "op read op://v/k"\nauthTokenCommand = "gw token"\n', FILE, ENV);
    const p = c.profiles.find((x) => x.name === 'p')!;
    expect(p.secrets).toEqual([
      { variable: 'ANTHROPIC_API_KEY', label: 'p: apiKeyCommand', command: 'op read op://v/k' },
      { variable: 'ANTHROPIC_AUTH_TOKEN', label: 'p: authTokenCommand', command: 'gw token' },
    ]);
    const f = parseConfig('[profiles.f]\nbackend = "foundry"\nresource = "r"\napiKeyCommand = "x"\n', FILE, ENV).profiles.find((x) => x.name === 'f')!;
    expect(f.secrets?.[0]?.variable).toBe('ANTHROPIC_FOUNDRY_API_KEY');
  });

  it('accepts a literal key only from a private file that allows it, and keeps it out of the profile', () => {
    const toml = 'allowInlineSecrets = true\n[profiles.p]\nbackend = "anthropic"\napiKey = "sk-ant-literal"\nenv = { ANTHROPIC_MY_TOKEN = "t0k" }\n';
    const c = parseConfig(toml, FILE, ENV, 0o600);
    const p = c.profiles.find((x) => x.name === 'p')!;
    expect(JSON.stringify(c)).not.toMatch(/sk-ant-literal|t0k/);
    expect(p.secrets).toEqual([
      { variable: 'ANTHROPIC_API_KEY', label: 'p: apiKey', inline: { profile: 'p', key: 'apiKey' } },
      { variable: 'ANTHROPIC_MY_TOKEN', label: 'p: env.ANTHROPIC_MY_TOKEN', inline: { profile: 'p', key: 'env.ANTHROPIC_MY_TOKEN' } },
    ]);
  });

  it.each([
    ['invalid TOML', 'region = ', `${FILE}:1:10: not valid TOML: `],
    ['an unknown top-level key', 'colour = "red"', `${FILE}:1: colour: unknown key; expected allowInlineSecrets, profiles, directories`],
    ['a misspelt top-level key', '[profile.work]\nbackend = "bedrock"', `${FILE}:1: profile: unknown key (did you mean profiles?); expected allowInlineSecrets, profiles, directories`],
    ['allowInlineSecrets as a string', 'allowInlineSecrets = "yes"', `${FILE}:1: allowInlineSecrets: expected true or false, got a string`],
    ['a bad profile name', '[profiles.Work]\nbackend = "bedrock"', `${FILE}:1: profiles.Work: a profile name is lower-case letters, digits, "-" and "_", starting with a letter or digit, at most 64 long`],
    ['a profile that is not a table', '[profiles]\nwork = "bedrock"', `${FILE}:2: profiles.work: expected a table, got a string`],
    ['a missing backend', '[profiles.work]\nregion = "x"', `${FILE}:1: profiles.work.backend: missing; expected one of anthropic, bedrock, vertex, foundry`],
    ['an unknown backend', '[profiles.work]\nbackend = "bedrok"', `${FILE}:2: profiles.work.backend: expected one of anthropic, bedrock, vertex, foundry, mantle, anthropic-aws, anthropic-google-cloud, gateway, got "bedrok"`],
    ['a misspelt profile key', '[profiles.work]\nbackend = "bedrock"\nregoin = "x"', `${FILE}:3: profiles.work.regoin: unknown key (did you mean region?); expected one of backend, description, region, awsProfile, projectId, resource, workspaceId, baseUrl, model, opusModel, sonnetModel, haikuModel, smallFastModel, smallFastModelRegion, apiKeyCommand, authTokenCommand, apiKey, env`],
    ['a number for a string', '[profiles.work]\nbackend = "bedrock"\n\nregion = 5', `${FILE}:4: profiles.work.region: expected a string, got a number`],
    ['a key for another backend', '[profiles.work]\nbackend = "anthropic"\nawsProfile = "x"', `${FILE}:3: profiles.work.awsProfile: only for backends bedrock, mantle, anthropic-aws; this profile's backend is anthropic`],
    ['a Bedrock profile without a region', '[profiles.work]\nbackend = "bedrock"\nawsProfile = "w"', `${FILE}:1: profiles.work.region: required for your own bedrock profiles: add region = "us-east-1"`],
    ['an empty key command', '[profiles.p]\nbackend = "anthropic"\napiKeyCommand = " "', `${FILE}:3: profiles.p.apiKeyCommand: expected a command, got an empty string`],
    ['a bad variable name', '[profiles.work]\nbackend = "anthropic"\nenv = { "1X" = "y" }', `${FILE}:3: profiles.work.env.1X: expected a shell variable name (letters, digits, "_", not starting with a digit)`],
    ['PATH in env', '[profiles.work]\nbackend = "anthropic"\n[profiles.work.env]\nPATH = "/evil"', `${FILE}:4: profiles.work.env.PATH: not a variable Claude Code reads; a profile may set only variables Claude Code and its backends read`],
    ['LD_PRELOAD in env', '[profiles.work]\nbackend = "anthropic"\nenv = { LD_PRELOAD = "/evil.so" }', `${FILE}:3: profiles.work.env.LD_PRELOAD: not a variable Claude Code reads; a profile may set only variables Claude Code and its backends read`],
    ['PROMPT_COMMAND in env', '[profiles.work]\nbackend = "anthropic"\nenv = { PROMPT_COMMAND = "x" }', `${FILE}:3: profiles.work.env.PROMPT_COMMAND: not a variable Claude Code reads; a profile may set only variables Claude Code and its backends read`],
    ['a literal key', '[profiles.p]\nbackend = "anthropic"\napiKey = "sk-ant-x"', `${FILE}:3: profiles.p.apiKey: a literal secret in the config is refused: use apiKeyCommand = "op read op://vault/item/field" (or keep it in your environment); to allow it anyway, chmod 600 ${FILE} and set allowInlineSecrets = true`],
    ['a secret in env', '[profiles.p]\nbackend = "anthropic"\nenv = { ANTHROPIC_API_KEY = "sk-ant-x" }', `${FILE}:3: profiles.p.env.ANTHROPIC_API_KEY: a literal secret in the config is refused`],
    ['a literal key in a file others can read', 'allowInlineSecrets = true\n[profiles.p]\nbackend = "anthropic"\napiKey = "sk-ant-x"', `${FILE}:4: profiles.p.apiKey: allowInlineSecrets is on, but ${FILE} can be read by others (mode 644); chmod 600 it`],
    ['apiKey with apiKeyCommand', 'allowInlineSecrets = true\n[profiles.p]\nbackend = "anthropic"\napiKeyCommand = "x"\napiKey = "k"', `${FILE}:5: profiles.p.apiKey: use apiKey or apiKeyCommand, not both`],
    ['a directory mapped to a missing profile', '[directories]\n"~/x" = "nope"', `${FILE}:2: directories."~/x": names profile "nope", which is not defined; known: anthropic, bedrock, vertex, foundry`],
    ['a relative directory', '[directories]\n"src/x" = "bedrock"', `${FILE}:2: directories."src/x": expected an absolute path or one starting with ~/`],
    ['a built-in table naming another backend', '[profiles.bedrock]\nbackend = "vertex"', `${FILE}:2: profiles.bedrock.backend: [profiles.bedrock] fills in the built-in bedrock profile, whose backend is bedrock; name your vertex profile differently`],
    ['an array of profile tables', '# mine\n[[profiles]]\nbackend = "bedrock"', `${FILE}:2: profiles: expected [profiles.<name>] tables`],
    ['an array of one profile', '\n[[profiles.work]]\nbackend = "bedrock"', `${FILE}:2: profiles.work: expected a table, got an array`],
    ['an upper-case region', '[profiles.work]\nbackend = "bedrock"\nregion = "EU-WEST-1"', `${FILE}:3: profiles.work.region: expected a region name (lower-case letters, digits and -), such as eu-west-1, got "EU-WEST-1"`],
    ['a region with a space, in a built-in', '[profiles.vertex]\nregion = "us east5"', `${FILE}:2: profiles.vertex.region: expected a region name (lower-case letters, digits and -), such as eu-west-1, got "us east5"`],
  ])('refuses %s', (_what, toml, message) => {
    const got = error(toml);
    expect(got.startsWith(message), `got: ${got}`).toBe(true);
    expect(got).not.toContain('\n');
  });

  it('refuses two map entries that name the same directory', () => {
    const got = error('[directories]\n"~/a" = "bedrock"\n"~/a/" = "vertex"');
    expect(got).toMatch(/directories\."~\/a\/": is the same directory as "~\/a"; keep one of them$/);
  });

  // The shells keep the map as text, a line a directory (bash 3.2): a tab or newline would split it.
  it.each([['a tab', '\\t'], ['a newline', '\\n'], ['an escape', '\\u001b']])('refuses a directory with %s in it', (_what, escape) => {
    const got = error(`[directories]\n"~/a${escape}b" = "bedrock"`);
    expect(got.startsWith(`${FILE}:`), got).toBe(true);
    expect(got).toMatch(/ directories\."~\/a\\.+b": expected a directory without control characters \(tab, newline, escape\)$/s);
  });
});

// Names every object inherits (__proto__, constructor, toString...): a table keyed by one of them
// must be refused with its line like any unknown key, never dropped or taken for a known one.
describe('keys named like object internals', () => {
  const names = Object.getOwnPropertyNames(Object.prototype);
  const places: Array<[string, (k: string) => string, RegExp]> = [
    ['the top level', (k) => `\n"${k}" = "x"`, /:2: .*unknown key/],
    ['a profile', (k) => `[profiles.p]\nbackend = "anthropic"\n"${k}" = "x"`, /:3: profiles\.p\..*unknown key/],
    ['a built-in profile', (k) => `[profiles.bedrock]\n"${k}" = "us-east-1"`, /:2: profiles\.bedrock\..*unknown key/],
    ['env', (k) => `[profiles.p]\nbackend = "anthropic"\nenv = { ANTHROPIC_MODEL = "m", "${k}" = "x" }`, /:3: profiles\.p\.env\..*not a variable Claude Code reads/],
    ['a directory', (k) => `[directories]\n"${k}" = "bedrock"`, /:2: directories\..*expected an absolute path/],
  ];
  it.each(places)('refuses each in %s, with its line', (_where, body, message) => {
    for (const name of names) {
      let got = '';
      try {
        parseConfig(body(name), FILE, ENV);
      } catch (err) {
        got = (err as Error).message;
      }
      expect(got, name).toMatch(message);
      expect(got, name).toContain(name);
    }
  });
  it('keeps a profile named like one, when the name is valid, and refuses the others with their line', () => {
    for (const name of names) {
      let got = '';
      let names: string[] = [];
      try {
        names = parseConfig(`[profiles]\n"${name}" = { backend = "anthropic" }`, FILE, ENV).profiles.map((p) => p.name);
      } catch (err) {
        got = (err as Error).message;
      }
      if (got) expect(got, name).toMatch(/:2: profiles\..*a profile name is/);
      else expect(names, name).toContain(name);
    }
  });
});

describe('one region rule', () => {
  it('config check and envrc --region accept exactly the same region names', async () => {
    const { REGION_NAME } = await import('../src/profiles/schema.js');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[a-zA-Z0-9 _.-]{0,45}$/), fc.constantFrom('eu-west-1', 'EU-WEST-1', 'global', 'us-east5', '-x', '')), (region) => {
        let accepted = true;
        try {
          parseConfig(`[profiles.w]\nbackend = "bedrock"\nregion = ${JSON.stringify(region)}\n`, FILE, ENV);
        } catch {
          accepted = false;
        }
        expect(accepted, region).toBe(REGION_NAME.test(region));
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
