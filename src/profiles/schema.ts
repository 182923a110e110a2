// The config's shape, written once: the loader validates against it and `npm run build`
// turns it into schema/config.schema.json for editors. A small table of our own rather than
// zod: importing zod costs about 45 ms, and `init` runs at every shell start-up.
import { allowedNamesSchema } from './allowed-vars.js';
import { BACKEND_SPECS, BACKENDS, backendSpec, type Backend, type ValueField } from './backends.js';

export interface FieldSpec {
  type: 'string' | 'enum' | 'env';
  description: string;
  values?: readonly string[];
  /** The backends this field means something for; absent: every backend. */
  backends?: readonly Backend[];
  /** A literal secret: refused unless the file is private and allowInlineSecrets is on. */
  secret?: boolean;
}

/** A profile name: one of NAME_FIRST, then NAME_REST, at most NAME_MAX in all. The shells
 *  check marker contents with the same three facts, rendered into them. */
export const PROFILE_NAME_CHARS = { first: 'abcdefghijklmnopqrstuvwxyz0123456789', rest: 'abcdefghijklmnopqrstuvwxyz0123456789_-', max: 64 } as const;
export const PROFILE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A cloud region (AWS, Google Cloud): the one rule for `region = ...` in the config and for
 *  `envrc --region`, so that what `config check` passes, `envrc` and `use claude` take too. */
export const REGION_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** The profile fields that hold a region. */
export const REGION_FIELD_NAMES = ['region', 'smallFastModelRegion'] as const;
export const REGION_RULE = 'expected a region name (lower-case letters, digits and -), such as eu-west-1';

/** The backends whose table maps `field`, and what it fills in each: `AWS_REGION (bedrock, mantle), ...`. */
function fills(field: ValueField): { backends: Backend[]; text: string } {
  const byVar = new Map<string, string[]>();
  for (const b of BACKEND_SPECS) {
    const v = b.fields[field];
    if (v) byVar.set(v, [...(byVar.get(v) ?? []), b.id]);
  }
  return {
    backends: BACKEND_SPECS.filter((b) => b.fields[field]).map((b) => b.id),
    text: [...byVar].map(([v, ids]) => `${v} (${ids.join(', ')})`).join(', '),
  };
}

const withKey = BACKEND_SPECS.filter((b) => b.keyVariable).map((b) => b.id);
const withToken = BACKEND_SPECS.filter((b) => b.tokenVariable).map((b) => b.id);
const keyVars = BACKEND_SPECS.filter((b) => b.keyVariable).map((b) => `${b.keyVariable} for ${b.id}`).join(', ');
const tokenVars = BACKEND_SPECS.filter((b) => b.tokenVariable).map((b) => `${b.tokenVariable} for ${b.id}`).join(', ');
const valueField = (field: ValueField, what: string) => {
  const f = fills(field);
  return { type: 'string', backends: f.backends, description: `${what}: ${f.text}.` } as const;
};

export const PROFILE_FIELDS = {
  backend: {
    type: 'enum',
    values: BACKENDS,
    description: `Which API Claude Code talks to. Required, except in the tables named after a built-in (${BACKENDS.map((b) => `[profiles.${b}]`).join(', ')}), which fill it in.`,
  },
  description: { type: 'string', description: 'One line shown by cb-status and `claude-hooks profiles`.' },
  region: valueField('region', 'The region (required for your own bedrock and mantle profiles)'),
  awsProfile: valueField('awsProfile', 'A profile from ~/.aws/config (SSO, credential_process, ...); AWS keys in the environment are cleared, since they would override it'),
  projectId: valueField('projectId', 'The Google Cloud project'),
  resource: valueField('resource', 'The Foundry resource'),
  workspaceId: valueField('workspaceId', 'The Claude Platform workspace (required for your own anthropic-aws and anthropic-google-cloud profiles)'),
  baseUrl: valueField('baseUrl', 'The endpoint: a gateway or proxy (required for your own gateway profiles)'),
  model: { type: 'string', description: 'ANTHROPIC_MODEL.' },
  opusModel: { type: 'string', description: 'ANTHROPIC_DEFAULT_OPUS_MODEL.' },
  sonnetModel: { type: 'string', description: 'ANTHROPIC_DEFAULT_SONNET_MODEL.' },
  haikuModel: { type: 'string', description: 'ANTHROPIC_DEFAULT_HAIKU_MODEL.' },
  smallFastModel: { type: 'string', description: 'ANTHROPIC_SMALL_FAST_MODEL (deprecated by Claude Code in favour of haikuModel).' },
  smallFastModelRegion: valueField('smallFastModelRegion', 'The region of the small, fast model'),
  apiKeyCommand: {
    type: 'string',
    backends: withKey,
    description: `A command whose output is the key (${keyVars}), e.g. "op read op://vault/anthropic/key". Run by sh at the first switch to this profile in a shell; its output is never printed.`,
  },
  authTokenCommand: {
    type: 'string',
    backends: withToken,
    description: `A command whose output is a bearer token (${tokenVars}). Run like apiKeyCommand.`,
  },
  apiKey: {
    type: 'string',
    backends: withKey,
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
  trustedDirectories: {
    description:
      'Directories (and everything below them) whose .claude-backend markers count even when another user owns them, like git\'s safe.directory: for shared checkouts and containers with foreign uids. "/" trusts every marker. Elsewhere only markers you own count.',
  },
} as const;

/** JSON Schema (draft 2020-12) for editors, from the same table the loader checks. */
export function configJsonSchema(): Record<string, unknown> {
  const profileProperties: Record<string, unknown> = {};
  const profile = (extra: Record<string, unknown> = {}) => ({ $ref: '#/$defs/profile', ...extra });
  for (const [name, spec] of Object.entries(PROFILE_FIELDS) as Array<[string, FieldSpec]>) {
    const description = spec.backends ? `${spec.description} (${spec.backends.join(', ')})` : spec.description;
    if (spec.type === 'enum') profileProperties[name] = { type: 'string', enum: [...spec.values!, ...BACKEND_SPECS.flatMap((b) => b.aliases)], description };
    else if (spec.type === 'env') {
      profileProperties[name] = {
        type: 'object',
        description,
        propertyNames: { pattern: SHELL_NAME.source, ...allowedNamesSchema() },
        additionalProperties: { type: 'string' },
      };
    } else if ((REGION_FIELD_NAMES as readonly string[]).includes(name)) profileProperties[name] = { type: 'string', pattern: REGION_NAME.source, description };
    else profileProperties[name] = { type: 'string', description };
  }
  // A field of another backend is refused, as the loader refuses it. The backend is the one the
  // profile names or, for a built-in name that leaves it out, the built-in's (`implied`).
  const onlyItsBackendsFields = (implied?: Backend) =>
    BACKENDS.flatMap((b) => {
      const banned = (Object.entries(PROFILE_FIELDS) as Array<[string, FieldSpec]>).filter(([, spec]) => spec.backends && !spec.backends.includes(b)).map(([k]) => k);
      if (!banned.length) return [];
      const names = { required: ['backend'], properties: { backend: { enum: [b, ...backendSpec(b).aliases] } } };
      return [{ if: b === implied ? { anyOf: [names, { not: { required: ['backend'] } }] } : names, then: { properties: Object.fromEntries(banned.map((k) => [k, false])) } }];
    });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'claude-hooks config',
    description: `Profiles for switching Claude Code between its backends: ${BACKENDS.join(', ')}.`,
    type: 'object',
    additionalProperties: false,
    $defs: { profile: { type: 'object', additionalProperties: false, properties: profileProperties } },
    properties: {
      allowInlineSecrets: { type: 'boolean', default: false, description: TOP_FIELDS.allowInlineSecrets.description },
      profiles: {
        type: 'object',
        description: TOP_FIELDS.profiles.description,
        propertyNames: { pattern: PROFILE_NAME.source },
        // A table named after a built-in fills it in: it may leave out its backend (and what the
        // environment can give), and cannot change it. A profile of your own names its backend
        // and what that backend needs (a Bedrock region, a gateway's URL...). Either way, a
        // field of another backend is refused, as the loader does.
        properties: Object.fromEntries(BACKEND_SPECS.map((b) => [b.id, profile({ properties: { backend: { enum: [b.id, ...b.aliases] } }, allOf: onlyItsBackendsFields(b.id) })])),
        additionalProperties: profile({
          required: ['backend'],
          allOf: [
            ...BACKEND_SPECS.filter((b) => b.configRequires.length).map((b) => ({
              if: { properties: { backend: { enum: [b.id, ...b.aliases] } } },
              then: { required: b.configRequires },
            })),
            ...onlyItsBackendsFields(),
          ],
        }),
      },
      directories: {
        type: 'object',
        description: TOP_FIELDS.directories.description,
        propertyNames: { pattern: '^(~|~/.*|/.*)$' },
        additionalProperties: { type: 'string', pattern: PROFILE_NAME.source },
      },
      trustedDirectories: {
        type: 'array',
        description: TOP_FIELDS.trustedDirectories.description,
        items: { type: 'string', pattern: '^(~|~/.*|/.*)$' },
      },
    },
  };
}
