// The minimal config loader: what it accepts, and the one-line error for what it refuses.
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { configPath, parseConfig } from '../src/profiles/config.js';

const FILE = '/home/u/.config/claude-hooks/config.toml';
const ENV = { HOME: '/home/u' };

function error(toml: string): string {
  try {
    parseConfig(toml, FILE, ENV);
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
      '[profiles.bedrock]\nregion = "us-east-1"\n\n[profiles.work]\nbackend = "bedrock"\nawsProfile = "w"\ndescription = "Work"\n\n[directories]\n"~/src/acme/" = "work"\n"/opt/x" = "anthropic"\n',
      FILE,
      ENV,
    );
    expect(c.profiles.map((p) => p.name)).toEqual(['anthropic', 'bedrock', 'vertex', 'foundry', 'work']);
    expect(c.profiles.find((p) => p.name === 'bedrock')).toMatchObject({ backend: 'bedrock', region: 'us-east-1' });
    expect(c.profiles.find((p) => p.name === 'work')).toMatchObject({ backend: 'bedrock', awsProfile: 'w', description: 'Work' });
    expect(c.directories).toEqual([
      { dir: '/home/u/src/acme', profile: 'work' },
      { dir: '/opt/x', profile: 'anthropic' },
    ]);
  });

  it.each([
    ['invalid TOML', 'region = ', `${FILE}:1:10: not valid TOML: `],
    ['an unknown top-level key', 'colour = "red"', `${FILE}:1: colour: unknown key; expected [profiles.<name>] tables and a [directories] table`],
    ['a bad profile name', '[profiles.Work]\nbackend = "bedrock"', `${FILE}:1: profiles.Work: profile names are lower-case letters, digits, "-" and "_", starting with a letter or digit`],
    ['a missing backend', '[profiles.work]\nregion = "x"', `${FILE}:1: profiles.work.backend: missing; expected one of anthropic, bedrock, vertex, foundry`],
    ['an unknown backend', '[profiles.work]\nbackend = "bedrok"', `${FILE}:1: profiles.work.backend: expected one of anthropic, bedrock, vertex, foundry, got "bedrok"`],
    ['an unknown profile key', '[profiles.work]\nbackend = "bedrock"\nregoin = "x"', `${FILE}:1: profiles.work.regoin: unknown key; expected one of backend, env, description, region, awsProfile, projectId, resource, baseUrl, model, opusModel, sonnetModel, haikuModel, smallFastModel, smallFastModelRegion`],
    ['a number for a string', '[profiles.work]\nbackend = "bedrock"\nregion = 5', `${FILE}:1: profiles.work.region: expected a string, got a number`],
    ['a bad variable name', '[profiles.work]\nbackend = "bedrock"\nenv = { "1X" = "y" }', `${FILE}:1: profiles.work.env.1X: expected a shell variable name (letters, digits, "_", not starting with a digit)`],
    ['PATH in env', '[profiles.work]\nbackend = "bedrock"\nenv = { PATH = "/evil" }', `${FILE}:1: profiles.work.env.PATH: this variable changes how your shell or every program runs; a profile may not set it`],
    ['LD_PRELOAD in env', '[profiles.work]\nbackend = "bedrock"\nenv = { LD_PRELOAD = "/evil.so" }', `${FILE}:1: profiles.work.env.LD_PRELOAD: this variable changes how your shell or every program runs; a profile may not set it`],
    ['a literal key', '[profiles.work]\nbackend = "anthropic"\nenv = { ANTHROPIC_API_KEY = "sk-ant-x" }', `${FILE}:1: profiles.work.env.ANTHROPIC_API_KEY: looks like a secret, and secrets are never written into shell code; keep it in your own environment or a password manager`],
    ['a directory mapped to a missing profile', '[directories]\n"~/x" = "nope"', `${FILE}:1: directories."~/x": names profile "nope", which is not defined; known: anthropic, bedrock, vertex, foundry`],
    ['a relative directory', '[directories]\n"src/x" = "bedrock"', `${FILE}:1: directories."src/x": expected an absolute path or one starting with ~/`],
  ])('refuses %s', (_what, toml, message) => {
    expect(error(toml)).toContain(message);
    expect(error(toml)).not.toContain('\n');
  });
});
