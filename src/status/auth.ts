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
//   white space only (ANTHROPIC_AUTH_TOKEN, CLAUDE_CODE_OAUTH_TOKEN) is none; a key is a key.
import { isBlank } from '../profiles/backends.js';
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
}

export function keySource({ get, helper, hasPrimaryApiKey }: AuthInputs): ApiKeySource {
  if (get('ANTHROPIC_API_KEY')) return 'ANTHROPIC_API_KEY';
  if (helper) return 'apiKeyHelper';
  if (hasPrimaryApiKey) return '/login managed key';
  return null;
}

/** Whether token variable `name` counts: 2.1.332 trims them (not ANTHROPIC_API_KEY). */
const hasToken = (get: AuthInputs['get'], name: 'ANTHROPIC_AUTH_TOKEN' | 'CLAUDE_CODE_OAUTH_TOKEN') => !isBlank(get(name));

export function authMethod({ get, firstParty, helper, hasPrimaryApiKey, claudeAi }: AuthInputs): AuthMethod {
  if (!firstParty) return 'third_party';
  if (hasToken(get, 'ANTHROPIC_AUTH_TOKEN')) return 'oauth_token';
  if (hasToken(get, 'CLAUDE_CODE_OAUTH_TOKEN') && get('ANTHROPIC_API_KEY')) return 'api_key';
  if (helper) return 'api_key_helper';
  if (get('ANTHROPIC_API_KEY')) return 'api_key';
  if (hasToken(get, 'CLAUDE_CODE_OAUTH_TOKEN')) return 'oauth_token';
  if (claudeAi) return 'claude.ai';
  if (hasPrimaryApiKey) return 'api_key';
  return 'none';
}

/** What authenticates, for people: never a secret beyond its masked form. */
export type Credential =
  | { kind: 'variable'; name: 'ANTHROPIC_AUTH_TOKEN' | 'ANTHROPIC_API_KEY' | 'CLAUDE_CODE_OAUTH_TOKEN'; masked: string }
  | { kind: 'apiKeyHelper'; helper: Helper }
  | { kind: 'claude.ai'; path: string; subscription: string | null }
  | { kind: 'login-key'; path: string };

export function credentialInUse(inputs: AuthInputs, mask: (v: string) => string, globalPath: string): Credential | null {
  const method = authMethod(inputs);
  const variable = (name: 'ANTHROPIC_AUTH_TOKEN' | 'ANTHROPIC_API_KEY' | 'CLAUDE_CODE_OAUTH_TOKEN'): Credential => ({ kind: 'variable', name, masked: mask(inputs.get(name)!) });
  switch (method) {
    case 'oauth_token':
      return variable(hasToken(inputs.get, 'ANTHROPIC_AUTH_TOKEN') ? 'ANTHROPIC_AUTH_TOKEN' : 'CLAUDE_CODE_OAUTH_TOKEN');
    case 'api_key_helper':
      return { kind: 'apiKeyHelper', helper: inputs.helper! };
    case 'api_key':
      return inputs.get('ANTHROPIC_API_KEY') ? variable('ANTHROPIC_API_KEY') : { kind: 'login-key', path: globalPath };
    case 'claude.ai':
      return { kind: 'claude.ai', path: inputs.claudeAi!.path, subscription: inputs.claudeAi!.subscription };
    default:
      return null;
  }
}
