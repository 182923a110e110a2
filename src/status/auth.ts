// Which key Claude Code reports and how it authenticates, given the merged environment, the
// settings files and the logins. Claude Code's own order, checked against `claude auth status`
// of 2.1.332 (test/status-oracle.test.ts):
// - key source: ANTHROPIC_API_KEY when not empty, else the apiKeyHelper in force, else a
//   /login key (primaryApiKey of the global config); reported whatever the provider;
// - the apiKeyHelper in force is the one of the strongest file that has the key at all: an
//   empty one there turns off a helper in a weaker file;
// - auth method, Anthropic API only (every other provider says third_party): ANTHROPIC_AUTH_TOKEN,
//   then apiKeyHelper, then ANTHROPIC_API_KEY, then CLAUDE_CODE_OAUTH_TOKEN, then a claude.ai
//   login, then a /login key, else none; except that ANTHROPIC_API_KEY beats the helper when
//   CLAUDE_CODE_OAUTH_TOKEN is set too (found by the differential test, seed 1). A token of
//   white space only (ANTHROPIC_AUTH_TOKEN, CLAUDE_CODE_OAUTH_TOKEN) is none; a key of white
//   space only is the weakest of all (apiKey() below; found by status-env-layers, seed 1).
// Found by test/status-auth-sources.test.ts (truth4), each read from the binary and measured:
// - bare mode (CLAUDE_CODE_SIMPLE on, what `claude --bare` sets): only ANTHROPIC_API_KEY counts,
//   blank or not; no helper of a settings file, no token, no login, no /login key;
// - an Anthropic profile (anthropic-profile.ts) authenticates (oauth_token) after the tokens and
//   the helper, and before a claude.ai login, unless a /login key is stored (its key is sent);
//   an active profile of a user's OAuth login yields to a claude.ai login;
// - a /login key beats a claude.ai login, or CLAUDE_CODE_OAUTH_TOKEN, when the shell has
//   CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR (the login then is no subscription to Claude Code), and
//   beats a claude.ai login with ANTHROPIC_UNIX_SOCKET and no CLAUDE_CODE_OAUTH_TOKEN.
import { isBlank } from '../profiles/backends.js';
import type { AnthropicProfile } from './anthropic-profile.js';
import type { ClaudeAiLogin } from './logins.js';
import type { Level, SettingsFile } from './settings.js';

export type AuthMethod = 'api_key' | 'api_key_helper' | 'oauth_token' | 'claude.ai' | 'third_party' | 'none';
export type ApiKeySource = 'ANTHROPIC_API_KEY' | 'apiKeyHelper' | '/login managed key' | null;

export interface Helper {
  command: string;
  level: Level;
  path: string;
}

export function helperInForce(settings: SettingsFile[]): Helper | null {
  const file = settings.find((f) => f.state === 'ok' && f.apiKeyHelper !== undefined);
  return file && file.apiKeyHelper ? { command: file.apiKeyHelper, level: file.level, path: file.path } : null;
}

export interface AuthInputs {
  get: (name: string) => string | undefined;
  firstParty: boolean;
  helper: Helper | null;
  hasPrimaryApiKey: boolean;
  claudeAi: ClaudeAiLogin | null;
  /** CLAUDE_CODE_SIMPLE is on: bare mode. */
  bare: boolean;
  /** The Anthropic profile Claude Code would choose (used or not: profileInUse decides). */
  profile: AnthropicProfile | null;
  /** What in the shell sets a claude.ai login aside for a /login key: CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR
   *  (a claude.ai login and CLAUDE_CODE_OAUTH_TOKEN alike), ANTHROPIC_UNIX_SOCKET (a claude.ai login
   *  only, and not with CLAUDE_CODE_OAUTH_TOKEN). Read from the shell only: measured, a settings
   *  file's changes nothing. */
  apiKeyFd: boolean;
  unixSocket: boolean;
}

/**
 * The Anthropic profile when it authenticates: the Anthropic API, not bare mode, no
 * ANTHROPIC_UNIX_SOCKET, no token, no helper in force; and an active profile of a user's OAuth
 * login only without a claude.ai login (measured on 2.1.332; an explicit or federation profile
 * beats a claude.ai login).
 */
export function profileInUse(inputs: AuthInputs): AnthropicProfile | null {
  const { get, profile } = inputs;
  if (!profile || !inputs.firstParty || inputs.bare || inputs.unixSocket || inputs.helper) return null;
  if (hasToken(get, 'ANTHROPIC_AUTH_TOKEN') || hasToken(get, 'CLAUDE_CODE_OAUTH_TOKEN')) return null;
  if (profile.via === 'active' && profile.type === 'user_oauth' && inputs.claudeAi) return null;
  return profile;
}

/**
 * ANTHROPIC_API_KEY as 2.1.332 weighs it: a key with something but white space in it; or a key
 * of white space only (JavaScript's trim), which counts only where nothing else does, after a
 * helper, a /login key and a claude.ai login (measured over every combination with a helper,
 * CLAUDE_CODE_OAUTH_TOKEN, a claude.ai login and a /login key).
 */
function apiKey(get: AuthInputs['get']): 'key' | 'blank' | null {
  const value = get('ANTHROPIC_API_KEY');
  return !value ? null : isBlank(value) ? 'blank' : 'key';
}

export function keySource({ get, helper, hasPrimaryApiKey }: AuthInputs): ApiKeySource {
  const key = apiKey(get);
  if (key === 'key') return 'ANTHROPIC_API_KEY';
  if (helper) return 'apiKeyHelper';
  if (hasPrimaryApiKey) return '/login managed key';
  if (key === 'blank') return 'ANTHROPIC_API_KEY';
  return null;
}

/** Whether token variable `name` counts: 2.1.332 trims them. */
const hasToken = (get: AuthInputs['get'], name: 'ANTHROPIC_AUTH_TOKEN' | 'CLAUDE_CODE_OAUTH_TOKEN') => !isBlank(get(name));

export function authMethod(inputs: AuthInputs): AuthMethod {
  const { get, firstParty, helper, hasPrimaryApiKey, claudeAi, apiKeyFd, unixSocket } = inputs;
  if (!firstParty) return 'third_party';
  // Bare mode: the key, even of white space, or nothing (predict.ts leaves out the helper and
  // the /login key, which bare mode does not read).
  if (inputs.bare) return get('ANTHROPIC_API_KEY') ? 'api_key' : 'none';
  const key = apiKey(get);
  if (hasToken(get, 'ANTHROPIC_AUTH_TOKEN')) return 'oauth_token';
  // With CLAUDE_CODE_OAUTH_TOKEN, an ANTHROPIC_API_KEY set at all makes it an API key when there
  // is a key to send: its own, or (a blank one) the helper's.
  if (hasToken(get, 'CLAUDE_CODE_OAUTH_TOKEN') && (key === 'key' || (key === 'blank' && helper))) return 'api_key';
  if (helper) return 'api_key_helper';
  if (key === 'key') return 'api_key';
  if (hasToken(get, 'CLAUDE_CODE_OAUTH_TOKEN')) return hasPrimaryApiKey && apiKeyFd ? 'api_key' : 'oauth_token';
  if (profileInUse(inputs)) return hasPrimaryApiKey ? 'api_key' : 'oauth_token';
  if (claudeAi) return hasPrimaryApiKey && (apiKeyFd || unixSocket) ? 'api_key' : 'claude.ai';
  if (hasPrimaryApiKey || key === 'blank') return 'api_key';
  return 'none';
}

/** What authenticates, for people: never a secret beyond its masked form. */
export type Credential =
  | { kind: 'variable'; name: 'ANTHROPIC_AUTH_TOKEN' | 'ANTHROPIC_API_KEY' | 'CLAUDE_CODE_OAUTH_TOKEN'; masked: string }
  | { kind: 'apiKeyHelper'; helper: Helper }
  | { kind: 'claude.ai'; path: string; subscription: string | null }
  | { kind: 'login-key'; path: string }
  | { kind: 'anthropic-profile'; profile: AnthropicProfile };

export function credentialInUse(inputs: AuthInputs, mask: (v: string) => string, globalPath: string): Credential | null {
  const method = authMethod(inputs);
  const variable = (name: 'ANTHROPIC_AUTH_TOKEN' | 'ANTHROPIC_API_KEY' | 'CLAUDE_CODE_OAUTH_TOKEN'): Credential => ({ kind: 'variable', name, masked: mask(inputs.get(name)!) });
  switch (method) {
    case 'oauth_token': {
      if (hasToken(inputs.get, 'ANTHROPIC_AUTH_TOKEN')) return variable('ANTHROPIC_AUTH_TOKEN');
      const profile = profileInUse(inputs);
      return hasToken(inputs.get, 'CLAUDE_CODE_OAUTH_TOKEN') || !profile ? variable('CLAUDE_CODE_OAUTH_TOKEN') : { kind: 'anthropic-profile', profile };
    }
    case 'api_key_helper':
      return { kind: 'apiKeyHelper', helper: inputs.helper! };
    case 'api_key': {
      // The key sent: the variable's, else (a blank variable) the helper's or the /login key.
      const key = apiKey(inputs.get);
      if (key === 'key' || inputs.bare) return variable('ANTHROPIC_API_KEY');
      if (inputs.helper) return { kind: 'apiKeyHelper', helper: inputs.helper };
      return inputs.hasPrimaryApiKey || key === null ? { kind: 'login-key', path: globalPath } : variable('ANTHROPIC_API_KEY');
    }
    case 'claude.ai':
      return { kind: 'claude.ai', path: inputs.claudeAi!.path, subscription: inputs.claudeAi!.subscription };
    default:
      return null;
  }
}
