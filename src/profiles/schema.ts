// The config's shape, written once: the loader validates against it and `npm run build`
// turns it into schema/config.schema.json for editors. A small table of our own rather than
// zod: importing zod costs about 45 ms, and `init` runs at every shell start-up.
import { BACKENDS, type Backend } from './types.js';

export interface FieldSpec {
  type: 'string' | 'enum' | 'env';
  description: string;
  values?: readonly string[];
  /** The backends this field means something for; absent: every backend. */
  backends?: readonly Backend[];
  /** A literal secret: refused unless the file is private and allowInlineSecrets is on. */
  secret?: boolean;
}

export const PROFILE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const PROFILE_FIELDS = {
  backend: {
    type: 'enum',
    values: BACKENDS,
    description: 'Which API Claude Code talks to. Required, except in [profiles.anthropic], [profiles.bedrock], [profiles.vertex] and [profiles.foundry], which fill in the built-ins.',
  },
  description: { type: 'string', description: 'One line shown by cb-status and `claude-hooks profiles`.' },
  region: {
    type: 'string',
    backends: ['bedrock', 'vertex'],
    description: 'AWS_REGION for Bedrock (required for your own Bedrock profiles), CLOUD_ML_REGION for Vertex.',
  },
  awsProfile: {
    type: 'string',
    backends: ['bedrock'],
    description: 'AWS_PROFILE: a profile from ~/.aws/config (SSO, credential_process, ...). AWS keys in the environment are cleared, since they would override it.',
  },
  projectId: { type: 'string', backends: ['vertex'], description: 'ANTHROPIC_VERTEX_PROJECT_ID.' },
  resource: { type: 'string', backends: ['foundry'], description: 'ANTHROPIC_FOUNDRY_RESOURCE.' },
  baseUrl: {
    type: 'string',
    description: 'ANTHROPIC_BASE_URL for Anthropic (an LLM gateway), ANTHROPIC_BEDROCK_BASE_URL, ANTHROPIC_VERTEX_BASE_URL or ANTHROPIC_FOUNDRY_BASE_URL for the others.',
  },
  model: { type: 'string', description: 'ANTHROPIC_MODEL.' },
  opusModel: { type: 'string', description: 'ANTHROPIC_DEFAULT_OPUS_MODEL.' },
  sonnetModel: { type: 'string', description: 'ANTHROPIC_DEFAULT_SONNET_MODEL.' },
  haikuModel: { type: 'string', description: 'ANTHROPIC_DEFAULT_HAIKU_MODEL.' },
  smallFastModel: { type: 'string', description: 'ANTHROPIC_SMALL_FAST_MODEL (deprecated by Claude Code in favour of haikuModel).' },
  smallFastModelRegion: { type: 'string', backends: ['bedrock'], description: 'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION.' },
  apiKeyCommand: {
    type: 'string',
    backends: ['anthropic', 'foundry'],
    description:
      'A command whose output is the API key (ANTHROPIC_API_KEY, or ANTHROPIC_FOUNDRY_API_KEY for Foundry), e.g. "op read op://vault/anthropic/key". Run by sh at the first switch to this profile in a shell; its output is never printed.',
  },
  authTokenCommand: {
    type: 'string',
    backends: ['anthropic'],
    description: 'A command whose output is a bearer token for a gateway (ANTHROPIC_AUTH_TOKEN). Run like apiKeyCommand.',
  },
  apiKey: {
    type: 'string',
    backends: ['anthropic', 'foundry'],
    secret: true,
    description: 'A literal API key. Refused unless the file is readable by you alone (chmod 600) and allowInlineSecrets = true; prefer apiKeyCommand.',
  },
  env: {
    type: 'env',
    description: 'Other variables the profile sets, NAME = "value". Names that look secret (…_KEY, …TOKEN, …SECRET…) follow the apiKey rule.',
  },
} as const satisfies Record<string, FieldSpec>;

export type ProfileField = keyof typeof PROFILE_FIELDS;

export const TOP_FIELDS = {
  allowInlineSecrets: {
    description: 'Accept literal secrets (apiKey, secret-looking env entries) in this file, when it is readable by you alone. Off by default.',
  },
  profiles: { description: 'Your profiles, as [profiles.<name>] tables. `cb-use <name>` switches to one.' },
  directories: { description: 'Directories and the profile that applies in them and below: "~/src/acme" = "work".' },
} as const;

/** JSON Schema (draft 2020-12) for editors, from the same table the loader checks. */
export function configJsonSchema(): Record<string, unknown> {
  const profileProperties: Record<string, unknown> = {};
  const profile = (extra: Record<string, unknown> = {}) => ({ type: 'object', additionalProperties: false, properties: profileProperties, ...extra });
  for (const [name, spec] of Object.entries(PROFILE_FIELDS) as Array<[string, FieldSpec]>) {
    const description = spec.backends ? `${spec.description} (${spec.backends.join(', ')})` : spec.description;
    if (spec.type === 'enum') profileProperties[name] = { type: 'string', enum: spec.values, description };
    else if (spec.type === 'env') {
      profileProperties[name] = {
        type: 'object',
        description,
        propertyNames: { pattern: SHELL_NAME.source },
        additionalProperties: { type: 'string' },
      };
    } else profileProperties[name] = { type: 'string', description };
  }
  // A field of another backend is refused, as the loader refuses it. The backend is the one the
  // profile names or, for a built-in name that leaves it out, the built-in's (`implied`).
  const onlyItsBackendsFields = (implied?: Backend) =>
    BACKENDS.flatMap((b) => {
      const banned = (Object.entries(PROFILE_FIELDS) as Array<[string, FieldSpec]>).filter(([, spec]) => spec.backends && !spec.backends.includes(b)).map(([k]) => k);
      if (!banned.length) return [];
      const names = { required: ['backend'], properties: { backend: { const: b } } };
      return [{ if: b === implied ? { anyOf: [names, { not: { required: ['backend'] } }] } : names, then: { properties: Object.fromEntries(banned.map((k) => [k, false])) } }];
    });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'claude-hooks config',
    description: 'Profiles for switching Claude Code between Anthropic, Bedrock, Vertex and Foundry.',
    type: 'object',
    additionalProperties: false,
    properties: {
      allowInlineSecrets: { type: 'boolean', default: false, description: TOP_FIELDS.allowInlineSecrets.description },
      profiles: {
        type: 'object',
        description: TOP_FIELDS.profiles.description,
        propertyNames: { pattern: PROFILE_NAME.source },
        // The built-in names may leave out backend (and Bedrock's region: it can come from the
        // environment); a profile of your own names its backend, and a Bedrock one its region.
        properties: Object.fromEntries(BACKENDS.map((b) => [b, profile({ allOf: onlyItsBackendsFields(b) })])),
        additionalProperties: profile({
          required: ['backend'],
          if: { properties: { backend: { const: 'bedrock' } } },
          then: { required: ['region'] },
          allOf: onlyItsBackendsFields(),
        }),
      },
      directories: {
        type: 'object',
        description: TOP_FIELDS.directories.description,
        propertyNames: { pattern: '^(~|~/.*|/.*)$' },
        additionalProperties: { type: 'string', pattern: PROFILE_NAME.source },
      },
    },
  };
}
