import { ANTHROPIC_AUTH, AWS_STATIC_CREDENTIALS, FOUNDRY_VARS, SELECTORS, VERTEX_VARS } from './managed.js';
import type { Backend, Profile, SecretSource } from './types.js';

/** A variable the backend cannot work without: after the switch, if every name in `anyOf` is
 *  unset or empty, the shell prints `hint` (one line) and keeps the switch. */
export interface Requirement {
  anyOf: string[];
  hint: string;
}

/** What switching to a profile does, on top of the user's restored baseline. */
export interface SwitchPlan {
  profile: string;
  clear: string[];
  set: Array<[name: string, value: string]>;
  /** Variables whose values the shell fetches at switch time (never written into the code). */
  secrets: SecretSource[];
  require: Requirement[];
}

const SELECTOR_OF: Record<Backend, string | undefined> = {
  anthropic: undefined,
  bedrock: 'CLAUDE_CODE_USE_BEDROCK',
  vertex: 'CLAUDE_CODE_USE_VERTEX',
  foundry: 'CLAUDE_CODE_USE_FOUNDRY',
};

/** `configHint` says where the user can add a value, e.g. `[profiles.work] in ~/.config/claude-hooks/config.toml`. */
export function planFor(profile: Profile, configHint: string): SwitchPlan {
  const set = new Map<string, string>();
  const clear = new Set<string>();
  const require: Requirement[] = [];
  const put = (name: string, value: string | undefined) => {
    if (value !== undefined) set.set(name, value);
  };
  const where = `[profiles.${profile.name}] in ${configHint}`;

  // Backends are exclusive: every other selector goes, whatever the baseline said.
  const selector = SELECTOR_OF[profile.backend];
  for (const s of SELECTORS) if (s !== selector) clear.add(s);
  if (selector) put(selector, '1');

  switch (profile.backend) {
    case 'anthropic':
      // Left-over Vertex/Foundry settings would confuse `/status` and our own status; AWS
      // variables stay, since other tools of the user's read them.
      for (const v of [...VERTEX_VARS, ...FOUNDRY_VARS]) clear.add(v);
      put('ANTHROPIC_BASE_URL', profile.baseUrl);
      break;
    case 'bedrock':
      // Some Claude Code versions send a left-over ANTHROPIC_API_KEY to the Bedrock endpoint.
      for (const v of ANTHROPIC_AUTH) clear.add(v);
      put('AWS_REGION', profile.region);
      if (profile.awsProfile !== undefined) {
        // Keys in the environment beat AWS_PROFILE in the AWS SDK: drop them so the profile counts.
        for (const v of AWS_STATIC_CREDENTIALS) clear.add(v);
        put('AWS_PROFILE', profile.awsProfile);
      }
      put('ANTHROPIC_BEDROCK_BASE_URL', profile.baseUrl);
      put('ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION', profile.smallFastModelRegion);
      require.push({
        anyOf: ['AWS_REGION'],
        hint: `${profile.name}: no AWS region, and Claude Code needs one: export AWS_REGION=us-east-1, or add region = "us-east-1" to ${where}`,
      });
      break;
    case 'vertex':
      for (const v of ANTHROPIC_AUTH) clear.add(v);
      put('CLOUD_ML_REGION', profile.region);
      put('ANTHROPIC_VERTEX_PROJECT_ID', profile.projectId);
      put('ANTHROPIC_VERTEX_BASE_URL', profile.baseUrl);
      require.push({
        anyOf: ['ANTHROPIC_VERTEX_PROJECT_ID'],
        hint: `${profile.name}: no Google Cloud project, and Claude Code needs one: export ANTHROPIC_VERTEX_PROJECT_ID=my-project, or add projectId = "my-project" to ${where}`,
      });
      require.push({
        anyOf: ['CLOUD_ML_REGION'],
        hint: `${profile.name}: no Vertex region, and Claude Code needs one: export CLOUD_ML_REGION=us-east5, or add region = "us-east5" to ${where}`,
      });
      break;
    case 'foundry':
      for (const v of ANTHROPIC_AUTH) clear.add(v);
      put('ANTHROPIC_FOUNDRY_RESOURCE', profile.resource);
      put('ANTHROPIC_FOUNDRY_BASE_URL', profile.baseUrl);
      require.push({
        anyOf: ['ANTHROPIC_FOUNDRY_RESOURCE', 'ANTHROPIC_FOUNDRY_BASE_URL'],
        hint: `${profile.name}: no Foundry resource, and Claude Code needs one: export ANTHROPIC_FOUNDRY_RESOURCE=my-resource, or add resource = "my-resource" to ${where}`,
      });
      break;
  }

  put('ANTHROPIC_MODEL', profile.model);
  put('ANTHROPIC_DEFAULT_OPUS_MODEL', profile.opusModel);
  put('ANTHROPIC_DEFAULT_SONNET_MODEL', profile.sonnetModel);
  put('ANTHROPIC_DEFAULT_HAIKU_MODEL', profile.haikuModel);
  put('ANTHROPIC_SMALL_FAST_MODEL', profile.smallFastModel);
  for (const [name, value] of Object.entries(profile.env)) put(name, value);

  const secrets = profile.secrets ?? [];
  for (const name of [...set.keys(), ...secrets.map((s) => s.variable)]) clear.delete(name);
  // A requirement the profile meets itself needs no check at switch time.
  const unmet = require.filter((r) => !r.anyOf.some((name) => set.get(name)));
  return { profile: profile.name, clear: [...clear], set: [...set], secrets, require: unmet };
}
