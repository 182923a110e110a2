import fse from 'fs-extra';
import { asInputError, InputError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { BACKENDS } from '../profiles/backends.js';
import { configPath, displayPath, loadConfigWithSecrets } from '../profiles/config.js';
import { print } from '../print.js';
import { inline } from '../sanitize.js';
import { VERSION } from '../version.js';

/** For editors (taplo, Even Better TOML): the schema of this very version, from the package as
 *  published, never the path of this install (a prefix, an nvm version) that moves or goes. */
const SCHEMA = `https://unpkg.com/claude-hooks@${VERSION}/schema/config.schema.json`;

/** The starter config: every key shown, commented, with what it is for. */
function starter(): string {
  return `#:schema ${SCHEMA}
# claude-hooks profiles. Switch with cb-use <name>; check this file with \`claude-hooks config check\`;
# load your edits into an open shell with cb-reload. Reference: docs/profiles.md.

# The built-in profiles (${BACKENDS.join(', ')}) take their values
# from your environment. A table with their name fills them in:
# [profiles.bedrock]
# region = "us-east-1"

# Your own profiles. Each names its backend: ${BACKENDS.join(', ')}.
# [profiles.work]
# backend = "bedrock"
# region = "us-east-1"              # AWS_REGION, required for Bedrock
# awsProfile = "work-sso"           # AWS_PROFILE from ~/.aws/config; AWS keys in your environment are cleared
# model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0"
# description = "Work account, SSO"

# Keys come from a command, run when you switch, never from this file:
# [profiles.personal]
# backend = "anthropic"
# apiKeyCommand = "op read op://Private/Anthropic/credential"

# Claude Code's gateway mode (CLAUDE_CODE_USE_GATEWAY): fills in the built-in cb-gateway.
# [profiles.gateway]
# baseUrl = "https://llm-gateway.example.com"
# authTokenCommand = "gateway-cli token"

# A proxy in front of the Anthropic API:
# [profiles.proxy]
# backend = "anthropic"
# baseUrl = "https://llm-proxy.example.com"
# env = { DISABLE_TELEMETRY = "1" }

# Claude Platform on AWS and on Google Cloud:
# [profiles.platform]
# backend = "anthropic-aws"
# workspaceId = "wrkspc_01abc"
# region = "us-east-1"
# [profiles.platform-gcp]
# backend = "anthropic-google-cloud"
# workspaceId = "wrkspc_01def"
# projectId = "my-project"
# region = "us-east5"

# Directories and the profile that applies in them and below (a .claude-backend file in a
# project does the same, and wins):
# [directories]
# "~/src/acme" = "work"
`;
}

export async function configInit(): Promise<void> {
  const path = configPath();
  const exists = () => new InputError(`config init: ${path} already exists; edit it, or move it away first`);
  if (await fse.pathExists(path)) throw exists();
  try {
    await writeFileAtomic(path, starter(), 0o600, true);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
    throw asInputError(err, `config init: cannot write ${path}`);
  }
  print(`claude-hooks: wrote ${inline(displayPath(path))}; edit it, then run cb-reload in open shells\n`);
}

/** Exit 0 when the config is valid (or absent), 2 with one line when it is not. */
export function configCheck(): void {
  const { config, exists } = loadConfigWithSecrets();
  if (!exists) {
    print(`claude-hooks: no config at ${inline(displayPath(config.path))}: the built-in profiles apply (claude-hooks config init writes a starter)\n`);
    return;
  }
  print(
    `claude-hooks: ${inline(displayPath(config.path))} is valid: ${config.profiles.length} profiles (built-ins included), ${config.directories.length} directories\n`,
  );
}

export function configShowPath(): void {
  print(inline(configPath()) + '\n');
}
