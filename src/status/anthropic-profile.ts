// An Anthropic profile: the sign-in Anthropic's own tools keep in ~/.config/anthropic (a profile
// of workload identity federation or of a user's OAuth login), or the federation variables
// themselves. Claude Code 2.1.332 authenticates the Anthropic API with it (`claude auth status`
// says oauth_token) when nothing stronger is there (auth.ts says what is). Which profile, read
// from the binary and measured with `claude auth status` (test/status-auth-sources.test.ts):
// 1. ANTHROPIC_PROFILE (trimmed) names one: that one, or none at all when it is not usable
//    (no fall-back to the variables or to the active profile);
// 2. else ANTHROPIC_FEDERATION_RULE_ID and ANTHROPIC_ORGANIZATION_ID, both not blank: federation;
// 3. else the active profile: the name in `active_config` (trimmed), else `default`.
// A profile NAME is usable when configs/NAME.json is JSON with `authentication.type`
// "oidc_federation", or "user_oauth" with a credentials file (`authentication.credentials_path`,
// else credentials/NAME.json) that holds more than white space.
// The directory: ANTHROPIC_CONFIG_DIR, else $XDG_CONFIG_HOME/anthropic, else
// $HOME/.config/anthropic (each trimmed; relative ones from where Claude Code starts).
// Every variable here is taken as the global config's and the user's settings leave it, not a
// project's (measured: a project's ANTHROPIC_PROFILE, XDG_CONFIG_HOME or federation variables
// change nothing). Only whether there is one is read: no token leaves this module.
import { join, resolve } from 'node:path';
import { readBounded } from './read-bounded.js';

export interface AnthropicProfile {
  /** How it was chosen: named by ANTHROPIC_PROFILE, the federation variables, or the active one. */
  via: 'ANTHROPIC_PROFILE' | 'federation' | 'active';
  /** The profile's name (not for federation). */
  name: string | null;
  type: 'oidc_federation' | 'user_oauth';
  /** configs/NAME.json, or null for federation. */
  path: string | null;
}

// Profiles are small JSON files; nothing bigger is one.
const LIMIT = 1024 * 1024;

function text(path: string): string | null {
  const read = readBounded(path, LIMIT);
  return read.kind === 'bytes' ? read.bytes.toString('utf8') : null;
}

/** The directory of Anthropic's profiles, or null when nothing says where it is. */
export function anthropicConfigDir(dir: string, get: (name: string) => string | undefined): string | null {
  const named = get('ANTHROPIC_CONFIG_DIR')?.trim();
  if (named) return resolve(dir, named);
  const xdg = get('XDG_CONFIG_HOME')?.trim();
  if (xdg) return resolve(dir, xdg, 'anthropic');
  const home = get('HOME')?.trim();
  return home ? resolve(dir, home, '.config', 'anthropic') : null;
}

/** The type of profile `name` in `configDir` when it is usable, else null. */
function usableType(dir: string, configDir: string, name: string): AnthropicProfile['type'] | null {
  const config = text(join(configDir, 'configs', `${name}.json`));
  if (config === null) return null;
  let auth: { type?: unknown; credentials_path?: unknown } | undefined;
  try {
    auth = (JSON.parse(config) as { authentication?: typeof auth } | null)?.authentication;
  } catch {
    return null;
  }
  if (auth?.type === 'oidc_federation') return 'oidc_federation';
  if (auth?.type !== 'user_oauth') return null;
  const credentials = typeof auth.credentials_path === 'string' ? resolve(dir, auth.credentials_path) : join(configDir, 'credentials', `${name}.json`);
  return text(credentials)?.trim() ? 'user_oauth' : null;
}

/** The Anthropic profile Claude Code started in `dir` would choose, whether or not it then uses it. */
export function findAnthropicProfile(dir: string, get: (name: string) => string | undefined): AnthropicProfile | null {
  const configDir = anthropicConfigDir(dir, get);
  const named = get('ANTHROPIC_PROFILE')?.trim();
  if (named) {
    const type = configDir === null ? null : usableType(dir, configDir, named);
    return type ? { via: 'ANTHROPIC_PROFILE', name: named, type, path: join(configDir!, 'configs', `${named}.json`) } : null;
  }
  if (get('ANTHROPIC_FEDERATION_RULE_ID')?.trim() && get('ANTHROPIC_ORGANIZATION_ID')?.trim()) return { via: 'federation', name: null, type: 'oidc_federation', path: null };
  if (configDir === null) return null;
  const active = text(join(configDir, 'active_config'))?.trim() || 'default';
  const type = usableType(dir, configDir, active);
  return type ? { via: 'active', name: active, type, path: join(configDir, 'configs', `${active}.json`) } : null;
}
