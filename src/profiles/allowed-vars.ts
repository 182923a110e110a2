// The variables a profile may set: an allow-list (issue 15, item 9). A profile chooses how
// Claude Code reaches its backend; a variable that changes how the shell itself or every other
// program behaves (FUNCNEST, TMOUT, PS1, fish's PWD, zsh's path, GCONV_PATH, PYTHONPATH, ...)
// has no place in one, and a pasted config must not be able to set it.
import { CLAUDE_ENV_NAMES } from './claude-env-names.js';
import { MANAGED_VARS } from './managed.js';

/** Families Claude Code and its backends read by prefix. Upper case only: no shell gives such a
 *  name a meaning, while lower-case names are shell variables (zsh's path, fish's status). */
const FAMILIES = /^(ANTHROPIC|CLAUDE_CODE|AWS)_[A-Z0-9_]+$/;

/** Proxy variables, read by Node's fetch and the cloud SDKs in upper or lower case. */
const PROXIES = /^((HTTPS?|ALL|NO)_PROXY|(https?|all|no)_proxy)$/;

/** Inside the families, names that choose a program to run (gcloud's Python, a helper binary):
 *  a profile picks a backend, not what code runs. */
const RUNS_A_PROGRAM = /_(PYTHON|BIN|BINARY|EXEC|EXEC_PATH|ALLOW_EXECUTABLES)$/;

const EXACT = new Set<string>([...MANAGED_VARS, ...CLAUDE_ENV_NAMES]);

/** True when a profile may set `name`. */
export function profileMaySet(name: string): boolean {
  if (RUNS_A_PROGRAM.test(name)) return false;
  return EXACT.has(name) || FAMILIES.test(name) || PROXIES.test(name);
}

/** The same rule as JSON Schema, for the `env` table's property names (editors flag a name the
 *  loader would refuse). */
export function allowedNamesSchema(): Record<string, unknown> {
  return {
    not: { pattern: RUNS_A_PROGRAM.source },
    anyOf: [{ pattern: FAMILIES.source }, { pattern: PROXIES.source }, { enum: [...EXACT].sort() }],
  };
}

/** Exact names a typo may have meant, for "did you mean". */
export function knownNames(): string[] {
  return [...EXACT];
}

/** The rule in words, for an error message. */
export const ALLOWED_RULE = 'a profile may set only variables Claude Code and its backends read: ANTHROPIC_*, CLAUDE_CODE_*, AWS_*, proxy variables, and the names listed in docs/profiles.md';
