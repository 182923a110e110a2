export { BACKENDS, type Backend } from './backends.js';
import type { Backend } from './backends.js';

/** A named backend setup: `cb-use <name>` applies it. Built-in and user profiles share this shape. */
export interface Profile {
  name: string;
  backend: Backend;
  description: string;
  // The plain values: which variable each fills depends on the backend (src/profiles/backends.ts).
  /** AWS_REGION for the AWS backends, CLOUD_ML_REGION for Vertex, the location for Google Cloud. */
  region?: string;
  awsProfile?: string;
  /** ANTHROPIC_VERTEX_PROJECT_ID, or ANTHROPIC_GOOGLE_CLOUD_PROJECT. */
  projectId?: string;
  /** ANTHROPIC_FOUNDRY_RESOURCE. */
  resource?: string;
  /** The Claude Platform workspace: ANTHROPIC_AWS_WORKSPACE_ID or ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID. */
  workspaceId?: string;
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
  /** Directories whose markers count whoever owns them (absolute, normalized); none by default. */
  trustedDirectories?: string[];
}
