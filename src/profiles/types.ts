export const BACKENDS = ['anthropic', 'bedrock', 'vertex', 'foundry'] as const;
export type Backend = (typeof BACKENDS)[number];

/** A named backend setup: `cb-use <name>` applies it. Built-in and user profiles share this shape. */
export interface Profile {
  name: string;
  backend: Backend;
  description: string;
  /** AWS_REGION for Bedrock, CLOUD_ML_REGION for Vertex. */
  region?: string;
  awsProfile?: string;
  /** ANTHROPIC_VERTEX_PROJECT_ID. */
  projectId?: string;
  /** ANTHROPIC_FOUNDRY_RESOURCE. */
  resource?: string;
  /** The backend's base URL: a gateway for Anthropic, a proxy or endpoint for the others. */
  baseUrl?: string;
  model?: string;
  opusModel?: string;
  sonnetModel?: string;
  haikuModel?: string;
  smallFastModel?: string;
  /** ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION (Bedrock). */
  smallFastModelRegion?: string;
  /** Extra variables the profile sets, by name. Never secrets: those are in `secrets`. */
  env: Record<string, string>;
  /** Secret variables, fetched by the shell at switch time: never written into shell code. */
  secrets?: SecretSource[];
}

/** Where a secret variable's value comes from when the shell switches to the profile. */
export type SecretSource =
  /** A command of the user's (`apiKeyCommand`), run by sh; its output is the value. */
  | { variable: string; label: string; command: string }
  /** A literal in the config (allowed for private files only), read back by `claude-hooks secret`. */
  | { variable: string; label: string; inline: { profile: string; key: string }; run?: boolean };
// `run`: the literal is a command with a secret written into it (issue 15, item 8): the shell
// reads it back at switch time and runs it, so the secret is never in the generated code.

/** One entry of the `[directories]` table: inside `dir` (or below it), `profile` applies. */
export interface DirectoryRule {
  dir: string;
  profile: string;
}

export interface Config {
  /** Where the config was read from, or would be. */
  path: string;
  profiles: Profile[];
  directories: DirectoryRule[];
}
