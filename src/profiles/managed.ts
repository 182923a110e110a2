// The managed set: every environment variable Claude Code reads to pick a backend, authenticate
// or choose a model (see ../shared/design.md). A switch captures the user's own values of these
// before touching them and restores them exactly on the way out. The backend variables come from
// the backend table (src/profiles/backends.ts); test/drift.test.ts checks them against the binary.
import { ANTHROPIC_AUTH, AWS_SHARED, AWS_STATIC_CREDENTIALS, BACKEND_SPECS, SELECTORS } from './backends.js';

export { ANTHROPIC_AUTH, AWS_STATIC_CREDENTIALS, SELECTORS } from './backends.js';

export const MODEL_VARS = [
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
] as const;

/** Each backend's own variables and the ones its profile fields fill, in table order. */
const BACKEND_VARS = BACKEND_SPECS.flatMap((b) => [...b.own, ...Object.values(b.fields)]);

export const MANAGED_VARS: readonly string[] = [...new Set([...SELECTORS, ...ANTHROPIC_AUTH, ...AWS_SHARED, ...BACKEND_VARS, ...MODEL_VARS])];

/** Values shown masked wherever we print them (`sk-ant-…1234`). */
export const SECRET_VARS: readonly string[] = [
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'CLAUDE_CODE_OAUTH_TOKEN',
  ...AWS_STATIC_CREDENTIALS,
  ...BACKEND_SPECS.flatMap((b) => [b.keyVariable, b.tokenVariable]).filter((v): v is string => v !== undefined),
].filter((v, i, all) => all.indexOf(v) === i);

/** A name that looks like it holds a secret, for variables a user adds in their config. */
export function looksSecret(name: string): boolean {
  return SECRET_VARS.includes(name) || /(SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY)/.test(name);
}
