// The managed set: every environment variable Claude Code reads to pick a backend, authenticate
// or choose a model (see ../shared/design.md). A switch captures the user's own values of these
// before touching them and restores them exactly on the way out.

/** Backend selectors: `1`/`true` turns a backend on. Exclusive: a switch leaves at most one on. */
export const SELECTORS = ['CLAUDE_CODE_USE_BEDROCK', 'CLAUDE_CODE_USE_VERTEX', 'CLAUDE_CODE_USE_FOUNDRY'] as const;

/** Credentials for the first-party Anthropic API. Never sent anywhere but api.anthropic.com (or a gateway). */
export const ANTHROPIC_AUTH = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL'] as const;

/** Static AWS credentials. A profile that names an AWS profile clears them, because the AWS SDK
 *  prefers keys in the environment over AWS_PROFILE and would silently ignore the profile. */
export const AWS_STATIC_CREDENTIALS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK',
] as const;

export const BEDROCK_VARS = [
  'AWS_PROFILE',
  ...AWS_STATIC_CREDENTIALS,
  'AWS_REGION',
  'ANTHROPIC_BEDROCK_BASE_URL',
  'CLAUDE_CODE_SKIP_BEDROCK_AUTH',
  'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION',
] as const;

export const VERTEX_VARS = [
  'ANTHROPIC_VERTEX_PROJECT_ID',
  'CLOUD_ML_REGION',
  'ANTHROPIC_VERTEX_BASE_URL',
  'CLAUDE_CODE_SKIP_VERTEX_AUTH',
] as const;

export const FOUNDRY_VARS = [
  'ANTHROPIC_FOUNDRY_RESOURCE',
  'ANTHROPIC_FOUNDRY_BASE_URL',
  'ANTHROPIC_FOUNDRY_API_KEY',
  'CLAUDE_CODE_SKIP_FOUNDRY_AUTH',
] as const;

export const MODEL_VARS = [
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
] as const;

export const MANAGED_VARS: readonly string[] = [
  ...SELECTORS,
  ...ANTHROPIC_AUTH,
  ...BEDROCK_VARS,
  ...VERTEX_VARS,
  ...FOUNDRY_VARS,
  ...MODEL_VARS,
];

/** Values shown masked wherever we print them (`sk-ant-…1234`). */
export const SECRET_VARS: readonly string[] = [
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK',
  'ANTHROPIC_FOUNDRY_API_KEY',
];

/** A name that looks like it holds a secret, for variables a user adds in their config. */
export function looksSecret(name: string): boolean {
  return SECRET_VARS.includes(name) || /(SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY)/.test(name);
}
