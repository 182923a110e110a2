// Every backend Claude Code can talk to, and every fact about it that claude-hooks uses: the
// selector that turns it on, the words `claude auth status` prints for it, the variables it
// reads, which profile field fills which variable, and what it cannot work without.
// Everything else (the managed set, switch plans, the config schema, status, doctor, the prompt
// segment, completions) is derived from this table, so a new backend is one entry here.
//
// Checked against the pinned Claude Code (2.1.332) by test/drift.test.ts: every CLAUDE_CODE_USE_*
// name in the binary that moves `apiProvider` must be a selector here, every backend variable
// the binary names must be in the managed set, and each built-in lands on its own provider.

/** The words `claude auth status` prints as `apiProvider`. */
export type Provider = 'firstParty' | 'bedrock' | 'vertex' | 'foundry' | 'mantle' | 'anthropicAws' | 'anthropicGoogleCloud' | 'gateway';

/** Profile fields that hold a plain value for one of the backend's variables. */
export type ValueField = 'region' | 'awsProfile' | 'projectId' | 'resource' | 'workspaceId' | 'baseUrl' | 'smallFastModelRegion';

export interface Requirement {
  /** Met when any of these is set and not empty after the switch. */
  anyOf: string[];
  /** What is missing, for the hint: `no AWS region`. */
  what: string;
  /** A short word for doctor's finding id: `bedrock-no-region`. */
  slug: string;
  /** The two ways to give it, for the hint: a variable and a value, which each shell's hint
   *  says its own way (`export AWS_REGION=us-east-1`, fish `set -gx AWS_REGION us-east-1`), and
   *  a config line (`region = "us-east-1"`). */
  exportExample: readonly [name: string, value: string];
  configExample: string;
  /** What Claude Code uses when it is missing (2.1.332, measured on the wire); absent: it fails. */
  fallback?: string;
}

export interface BackendSpec {
  /** The config's `backend` value, and the built-in profile's name (`cb-<id>`). */
  id: string;
  /** Also accepted as `backend = "..."`: the provider word, where it differs. */
  aliases: string[];
  provider: Provider;
  /** What status and doctor call it (Claude Code's own names, from its binary). */
  label: string;
  /** The variable that turns it on; null for the Anthropic API, which is on when no other is. */
  selector: string | null;
  /** The built-in profile's one-line description. */
  description: string;
  /** Which variable each profile field fills for this backend. */
  fields: Partial<Record<ValueField, string>>;
  /** The variable an `apiKeyCommand` (or literal `apiKey`) fills; an `authTokenCommand` fills `tokenVariable`. */
  keyVariable?: string;
  tokenVariable?: string;
  /** Variables only this backend reads (beyond `fields`); the managed set holds them all. */
  own: string[];
  /** The variable the prompt segment shows after the profile name (`bedrock:eu-west-1`). */
  regionVariable?: string;
  /** Variables that must all be non-empty for the selector to count at all: without them
   *  Claude Code ignores it and tries the next (the gateway, 2.1.332). */
  countsOnlyWith?: string[];
  /** Uses the AWS credential chain: AWS_PROFILE, AWS keys. */
  aws: boolean;
  /** Anthropic API credentials go: a third-party backend must not carry a first-party key. */
  clearsAnthropicAuth: string[];
  require: Requirement[];
  /** Fields a profile of your own must give (the built-in may take them from the environment). */
  configRequires: ValueField[];
}

/** Static AWS credentials. A profile that names an AWS profile clears them, because the AWS SDK
 *  prefers keys in the environment over AWS_PROFILE and would silently ignore the profile. */
export const AWS_STATIC_CREDENTIALS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK'] as const;

/** The AWS variables several backends share; they also belong to the user's other AWS tools. */
export const AWS_SHARED = ['AWS_PROFILE', ...AWS_STATIC_CREDENTIALS, 'AWS_REGION'] as const;

/** First-party credentials and endpoint. */
export const ANTHROPIC_AUTH = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL', 'CLAUDE_CODE_OAUTH_TOKEN'] as const;

// Claude Code takes the region the AWS SDK way: AWS_REGION, then AWS_DEFAULT_REGION; with neither,
// 2.1.332 signs for us-east-1 (Bedrock and Mantle alike, seen on the wire).
const AWS_REGION_REQUIRED = (): Requirement => ({
  fallback: 'us-east-1',
  anyOf: ['AWS_REGION', 'AWS_DEFAULT_REGION'],
  what: 'AWS region', slug: 'region',
  exportExample: ['AWS_REGION', 'us-east-1'],
  configExample: 'region = "us-east-1"',
});

export const BACKEND_SPECS: readonly BackendSpec[] = [
  {
    id: 'anthropic',
    aliases: ['firstParty'],
    provider: 'firstParty',
    label: 'the Anthropic API',
    selector: null,
    description: 'Anthropic API (your ANTHROPIC_API_KEY, apiKeyHelper or login)',
    fields: { baseUrl: 'ANTHROPIC_BASE_URL' },
    keyVariable: 'ANTHROPIC_API_KEY',
    tokenVariable: 'ANTHROPIC_AUTH_TOKEN',
    own: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL', 'CLAUDE_CODE_OAUTH_TOKEN'],
    aws: false,
    clearsAnthropicAuth: [],
    require: [],
    configRequires: [],
  },
  {
    id: 'bedrock',
    aliases: [],
    provider: 'bedrock',
    label: 'Amazon Bedrock',
    selector: 'CLAUDE_CODE_USE_BEDROCK',
    description: 'Amazon Bedrock (your AWS_PROFILE or AWS keys, AWS_REGION)',
    fields: { region: 'AWS_REGION', awsProfile: 'AWS_PROFILE', baseUrl: 'ANTHROPIC_BEDROCK_BASE_URL', smallFastModelRegion: 'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION' },
    own: ['ANTHROPIC_BEDROCK_BASE_URL', 'CLAUDE_CODE_SKIP_BEDROCK_AUTH', 'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION', 'ANTHROPIC_BEDROCK_REGION_PREFIX', 'ANTHROPIC_BEDROCK_SERVICE_TIER'],
    regionVariable: 'AWS_REGION',
    aws: true,
    // Claude Code 2.1.197 sends a left-over ANTHROPIC_API_KEY to the Bedrock endpoint.
    clearsAnthropicAuth: [...ANTHROPIC_AUTH],
    require: [AWS_REGION_REQUIRED()],
    configRequires: ['region'],
  },
  {
    id: 'vertex',
    aliases: [],
    provider: 'vertex',
    label: 'Google Vertex AI',
    selector: 'CLAUDE_CODE_USE_VERTEX',
    description: 'Google Vertex AI (CLOUD_ML_REGION, ANTHROPIC_VERTEX_PROJECT_ID)',
    fields: { region: 'CLOUD_ML_REGION', projectId: 'ANTHROPIC_VERTEX_PROJECT_ID', baseUrl: 'ANTHROPIC_VERTEX_BASE_URL' },
    own: ['ANTHROPIC_VERTEX_PROJECT_ID', 'CLOUD_ML_REGION', 'ANTHROPIC_VERTEX_BASE_URL', 'CLAUDE_CODE_SKIP_VERTEX_AUTH'],
    regionVariable: 'CLOUD_ML_REGION',
    aws: false,
    clearsAnthropicAuth: [...ANTHROPIC_AUTH],
    require: [
      { anyOf: ['ANTHROPIC_VERTEX_PROJECT_ID'], what: 'Google Cloud project', slug: 'project', exportExample: ['ANTHROPIC_VERTEX_PROJECT_ID', 'my-project'], configExample: 'projectId = "my-project"' },
      // 2.1.332 sends to us-east5 without one.
      { fallback: 'us-east5', anyOf: ['CLOUD_ML_REGION'], what: 'Vertex region', slug: 'region', exportExample: ['CLOUD_ML_REGION', 'us-east5'], configExample: 'region = "us-east5"' },
    ],
    configRequires: [],
  },
  {
    id: 'foundry',
    aliases: [],
    provider: 'foundry',
    label: 'Microsoft Foundry',
    selector: 'CLAUDE_CODE_USE_FOUNDRY',
    description: 'Microsoft Foundry (ANTHROPIC_FOUNDRY_RESOURCE)',
    fields: { resource: 'ANTHROPIC_FOUNDRY_RESOURCE', baseUrl: 'ANTHROPIC_FOUNDRY_BASE_URL' },
    keyVariable: 'ANTHROPIC_FOUNDRY_API_KEY',
    tokenVariable: 'ANTHROPIC_FOUNDRY_AUTH_TOKEN',
    own: ['ANTHROPIC_FOUNDRY_RESOURCE', 'ANTHROPIC_FOUNDRY_BASE_URL', 'ANTHROPIC_FOUNDRY_API_KEY', 'ANTHROPIC_FOUNDRY_AUTH_TOKEN', 'CLAUDE_CODE_SKIP_FOUNDRY_AUTH'],
    aws: false,
    clearsAnthropicAuth: [...ANTHROPIC_AUTH],
    require: [{ anyOf: ['ANTHROPIC_FOUNDRY_RESOURCE', 'ANTHROPIC_FOUNDRY_BASE_URL'], what: 'Foundry resource', slug: 'resource', exportExample: ['ANTHROPIC_FOUNDRY_RESOURCE', 'my-resource'], configExample: 'resource = "my-resource"' }],
    configRequires: [],
  },
  {
    id: 'mantle',
    aliases: [],
    provider: 'mantle',
    label: 'Amazon Bedrock (Mantle)',
    selector: 'CLAUDE_CODE_USE_MANTLE',
    description: 'Amazon Bedrock powered by Mantle (your AWS_PROFILE or AWS keys, AWS_REGION)',
    fields: { region: 'AWS_REGION', awsProfile: 'AWS_PROFILE', baseUrl: 'ANTHROPIC_BEDROCK_MANTLE_BASE_URL' },
    own: ['ANTHROPIC_BEDROCK_MANTLE_BASE_URL', 'CLAUDE_CODE_SKIP_MANTLE_AUTH'],
    regionVariable: 'AWS_REGION',
    aws: true,
    clearsAnthropicAuth: [...ANTHROPIC_AUTH],
    require: [AWS_REGION_REQUIRED()],
    configRequires: ['region'],
  },
  {
    id: 'anthropic-aws',
    aliases: ['anthropicAws'],
    provider: 'anthropicAws',
    label: 'Claude Platform on AWS',
    selector: 'CLAUDE_CODE_USE_ANTHROPIC_AWS',
    description: 'Claude Platform on AWS (ANTHROPIC_AWS_WORKSPACE_ID, your AWS credentials or ANTHROPIC_AWS_API_KEY)',
    fields: { region: 'AWS_REGION', awsProfile: 'AWS_PROFILE', workspaceId: 'ANTHROPIC_AWS_WORKSPACE_ID', baseUrl: 'ANTHROPIC_AWS_BASE_URL' },
    keyVariable: 'ANTHROPIC_AWS_API_KEY',
    own: ['ANTHROPIC_AWS_BASE_URL', 'ANTHROPIC_AWS_API_KEY', 'ANTHROPIC_AWS_WORKSPACE_ID', 'CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH'],
    regionVariable: 'AWS_REGION',
    aws: true,
    clearsAnthropicAuth: [...ANTHROPIC_AUTH],
    // Without a workspace the CLI stops with an error before sending anything (2.1.332).
    require: [{ anyOf: ['ANTHROPIC_AWS_WORKSPACE_ID'], what: 'Claude Platform workspace', slug: 'workspace', exportExample: ['ANTHROPIC_AWS_WORKSPACE_ID', 'wrkspc_01...'], configExample: 'workspaceId = "wrkspc_01..."' }],
    configRequires: ['workspaceId'],
  },
  {
    id: 'anthropic-google-cloud',
    aliases: ['anthropicGoogleCloud'],
    provider: 'anthropicGoogleCloud',
    label: 'Claude Platform on Google Cloud',
    selector: 'CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD',
    description: 'Claude Platform on Google Cloud (ANTHROPIC_GOOGLE_CLOUD_PROJECT, your gcloud credentials)',
    fields: {
      projectId: 'ANTHROPIC_GOOGLE_CLOUD_PROJECT',
      region: 'ANTHROPIC_GOOGLE_CLOUD_LOCATION',
      workspaceId: 'ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID',
      baseUrl: 'ANTHROPIC_GOOGLE_CLOUD_BASE_URL',
    },
    own: [
      'ANTHROPIC_GOOGLE_CLOUD_PROJECT',
      'ANTHROPIC_GOOGLE_CLOUD_LOCATION',
      'ANTHROPIC_GOOGLE_CLOUD_BASE_URL',
      'ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID',
      'CLAUDE_CODE_SKIP_ANTHROPIC_GOOGLE_CLOUD_AUTH',
    ],
    regionVariable: 'ANTHROPIC_GOOGLE_CLOUD_LOCATION',
    aws: false,
    clearsAnthropicAuth: [...ANTHROPIC_AUTH],
    // Without a workspace the CLI stops with an error before sending anything (2.1.332); the
    // project may come from your gcloud credentials.
    require: [{ anyOf: ['ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID'], what: 'Claude Platform workspace', slug: 'workspace', exportExample: ['ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID', 'wrkspc_01...'], configExample: 'workspaceId = "wrkspc_01..."' }],
    configRequires: ['workspaceId'],
  },
  {
    id: 'gateway',
    aliases: [],
    provider: 'gateway',
    label: 'Cloud gateway',
    selector: 'CLAUDE_CODE_USE_GATEWAY',
    description: 'an LLM gateway (ANTHROPIC_BASE_URL and a token in ANTHROPIC_AUTH_TOKEN)',
    fields: { baseUrl: 'ANTHROPIC_BASE_URL' },
    tokenVariable: 'ANTHROPIC_AUTH_TOKEN',
    keyVariable: 'ANTHROPIC_AUTH_TOKEN',
    own: [],
    aws: false,
    // The gateway takes ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN; an API key would only be
    // reported beside it (2.1.332), and a login token is for the Anthropic API.
    clearsAnthropicAuth: ['ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN'],
    // Without both, 2.1.332 ignores CLAUDE_CODE_USE_GATEWAY and falls back to the Anthropic API.
    countsOnlyWith: ['ANTHROPIC_BASE_URL', 'ANTHROPIC_AUTH_TOKEN'],
    require: [
      { anyOf: ['ANTHROPIC_BASE_URL'], what: 'gateway URL', slug: 'url', exportExample: ['ANTHROPIC_BASE_URL', 'https://llm-gateway.example.com'], configExample: 'baseUrl = "https://llm-gateway.example.com"' },
      { anyOf: ['ANTHROPIC_AUTH_TOKEN'], what: 'gateway token', slug: 'token', exportExample: ['ANTHROPIC_AUTH_TOKEN', '...'], configExample: 'authTokenCommand = "op read op://vault/gateway/token"' },
    ],
    configRequires: ['baseUrl'],
  },
];

export const BACKENDS = BACKEND_SPECS.map((b) => b.id);
export type Backend = string;

export function backendSpec(id: string): BackendSpec {
  const spec = BACKEND_SPECS.find((b) => b.id === id);
  if (!spec) throw new Error(`unknown backend ${id}`);
  return spec;
}

/** The backend a config's `backend = "..."` names (its id or an alias), or undefined. */
export function findBackend(word: string): BackendSpec | undefined {
  return BACKEND_SPECS.find((b) => b.id === word || b.aliases.includes(word));
}

export function providerSpec(provider: Provider): BackendSpec {
  return BACKEND_SPECS.find((b) => b.provider === provider)!;
}

/** Selectors, strongest first: the order in which Claude Code 2.1.332 picks among several that
 *  are on (measured two at a time with `claude auth status`; test/drift.test.ts keeps it true).
 *  The gateway counts only with ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN set. */
export const SELECTOR_PRECEDENCE: readonly Provider[] = ['gateway', 'bedrock', 'foundry', 'anthropicAws', 'anthropicGoogleCloud', 'mantle', 'vertex'];

/** The white space Claude Code trims off a selector's value and off the gateway's URL and token
 *  (String.prototype.trim: ECMAScript's WhiteSpace and LineTerminator). Listed, as the shells
 *  cannot use [[:space:]]: that is ASCII only in the C locale and in fish, and glibc's UTF-8
 *  locales leave out U+00A0, U+2007, U+202F and U+FEFF; a bracket expression would take a
 *  multibyte character's bytes one by one in the C locale. The shells trim them one character
 *  at a time. (test/attack-today.test.ts holds the list to trim() over every code point, and
 *  trim() to the binary.) */
export const TRIMMED_SPACE: readonly string[] = [
  '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)), // U+2000..U+200A
  '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
];

/** The values that turn a selector on, whatever their case and the white space around them
 *  (test/status-oracle.test.ts holds them against the binary); anything else is off. */
export const SELECTOR_ON_WORDS: readonly string[] = ['1', 'true', 'yes', 'on'];

/** Whether a selector's value turns it on. */
export function isOn(value: string | undefined): boolean {
  return value !== undefined && SELECTOR_ON_WORDS.includes(value.trim().toLowerCase());
}

/** Whether a value is unset, empty or only white space, as Claude Code reads the gateway's. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

export const SELECTORS: readonly string[] = SELECTOR_PRECEDENCE.map((p) => providerSpec(p).selector!);
