import type { Profile } from './types.js';

// The four built-in profiles carry no values of their own: they switch the backend and take
// region, project and credentials from the user's environment (or from a `[profiles.<name>]`
// table in the config that fills them in).
export const BUILTIN_PROFILES: readonly Profile[] = [
  { name: 'anthropic', backend: 'anthropic', description: 'Anthropic API (your ANTHROPIC_API_KEY, apiKeyHelper or login)', env: {} },
  { name: 'bedrock', backend: 'bedrock', description: 'Amazon Bedrock (your AWS_PROFILE or AWS keys, AWS_REGION)', env: {} },
  { name: 'vertex', backend: 'vertex', description: 'Google Vertex AI (CLOUD_ML_REGION, ANTHROPIC_VERTEX_PROJECT_ID)', env: {} },
  { name: 'foundry', backend: 'foundry', description: 'Microsoft Foundry (ANTHROPIC_FOUNDRY_RESOURCE)', env: {} },
];
