// The logins Claude Code keeps in its config directory, as far as they decide the auth method
// (checked against 2.1.332; see docs/status.md). Only whether there is one is read here: a
// token never leaves this module.
// - a claude.ai subscription login: .credentials.json in the config directory, with
//   claudeAiOauth.accessToken true in JavaScript terms (any non-empty string, but also 1, true,
//   [] or {}: Claude Code only tests it for truth) and "user:inference" among
//   claudeAiOauth.scopes (an expired token still counts: Claude Code refreshes it);
// - no size limit of Claude Code's applies to the file (a 2.5 MiB one is read); we read at most
//   CREDENTIALS_LIMIT, far above any real login.
// - a /login Console key: primaryApiKey in the global config (global-config.ts).
import { readBounded } from './read-bounded.js';

export interface ClaudeAiLogin {
  path: string;
  /** claudeAiOauth.subscriptionType when it is a short plain word ("pro", "max", ...). */
  subscription: string | null;
}

const CREDENTIALS_LIMIT = 64 * 1024 * 1024;

export function readClaudeAiLogin(path: string): ClaudeAiLogin | null {
  const read = readBounded(path, CREDENTIALS_LIMIT);
  if (read.kind !== 'bytes') return null;
  try {
    const oauth = (JSON.parse(read.bytes.toString('utf8')) as { claudeAiOauth?: { accessToken?: unknown; scopes?: unknown; subscriptionType?: unknown } }).claudeAiOauth;
    if (!oauth || !oauth.accessToken) return null;
    if (!Array.isArray(oauth.scopes) || !oauth.scopes.includes('user:inference')) return null;
    const sub = typeof oauth.subscriptionType === 'string' && /^[a-z_]{1,20}$/.test(oauth.subscriptionType) ? oauth.subscriptionType : null;
    return { path, subscription: sub };
  } catch {
    return null;
  }
}
