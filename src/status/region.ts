// The AWS region Claude Code uses for Bedrock, and where it comes from (checked against 2.1.332:
// `claude auth status --text` for the variables and the default, a recording server for the
// AWS config; see docs/status.md):
// 1. AWS_REGION, then AWS_DEFAULT_REGION, each only when it looks like a region (trimmed: two
//    letters or more, then letters and digits, then -groups: "eu-west-1"; "a-b-1", "us_east_1"
//    or "123" are passed over);
// 2. the region of the AWS profile (AWS_PROFILE, else default): in the credentials file
//    (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, section [NAME]) first, then in the
//    config file (AWS_CONFIG_FILE or ~/.aws/config, section [profile NAME], or [default]);
// 3. us-east-1.
// So Claude Code never lacks a region: without one it signs for us-east-1.
// ~/.aws is the AWS SDK's home (awsHome), which follows HOME as the files' env leaves it.
import { join, resolve } from 'node:path';
import { claudeHome } from './locations.js';
import { readBounded } from './read-bounded.js';

export type RegionSource = { kind: 'variable'; name: 'AWS_REGION' | 'AWS_DEFAULT_REGION' } | { kind: 'aws-config'; path: string; profile: string } | { kind: 'default' };

export interface BedrockRegion {
  region: string;
  source: RegionSource;
  /** Variables that are set but are not a region, so Claude Code passed them over. */
  ignored: string[];
}

export const DEFAULT_BEDROCK_REGION = 'us-east-1';

const REGION = /^[A-Za-z]{2,}[A-Za-z0-9]*(-[A-Za-z0-9]+)*$/;

/** Whether Claude Code takes `value` (trimmed) as a region: AWS_REGION, AWS_DEFAULT_REGION and,
 *  by the same rule, CLOUD_ML_REGION (measured on 2.1.332: "eu", "global" yes; "e1", "a1-b",
 *  "bad_region" no). */
export function looksLikeRegion(value: string): boolean {
  return REGION.test(value.trim());
}

/**
 * The home directory of the AWS SDK in Claude Code, whose .aws it reads: HOME as the env of the
 * global config and of the managed and user settings leave it (`trusted`: not a project's),
 * else USERPROFILE, else the home Claude Code started with. Unlike Claude Code's own files
 * (locations.ts), it follows a HOME those files set. Measured on the wire with 2.1.332: user
 * settings or the global config with "HOME": "alt" sign for alt/.aws/config's region; with
 * "HOME": "" and "USERPROFILE": "alt" too; a project's or a local HOME moves nothing.
 */
export function awsHome(dir: string, trusted: (name: string) => string | undefined, env: Record<string, string | undefined>): string {
  const home = trusted('HOME') || trusted('USERPROFILE');
  return home ? resolve(dir, home) : claudeHome(dir, env);
}

/** `dir`: where Claude Code starts; relative paths (AWS_CONFIG_FILE, ...) are from there.
 *  `aws`: the .aws directory (awsHome). */
export function bedrockRegion(get: (name: string) => string | undefined, dir: string, aws: string): BedrockRegion {
  const ignored: string[] = [];
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const) {
    const value = get(name)?.trim();
    if (value && REGION.test(value)) return { region: value, source: { kind: 'variable', name }, ignored };
    if (value) ignored.push(name);
  }
  const profile = get('AWS_PROFILE') || 'default';
  // Measured: with a region in both, the credentials file's wins.
  const files: Array<[string, boolean]> = [
    [resolve(dir, get('AWS_SHARED_CREDENTIALS_FILE') || join(aws, 'credentials')), false],
    [resolve(dir, get('AWS_CONFIG_FILE') || join(aws, 'config')), true],
  ];
  for (const [path, isConfig] of files) {
    const region = iniRegion(path, profile, isConfig);
    if (region) return { region, source: { kind: 'aws-config', path, profile }, ignored };
  }
  return { region: DEFAULT_BEDROCK_REGION, source: { kind: 'default' }, ignored };
}

/** `region` of a profile's section: `[profile NAME]` (or `[default]`) in the config file, `[NAME]` in the credentials file. */
function iniRegion(path: string, profile: string, isConfig: boolean): string | undefined {
  const read = readBounded(path, 4 * 1024 * 1024);
  if (read.kind !== 'bytes') return undefined;
  let section: string | null = null;
  let region: string | undefined;
  for (const raw of read.bytes.toString('utf8').split(/\r?\n/)) {
    const line = raw.trim();
    const head = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (head) {
      const name = head[1]!;
      const m = /^profile\s+(.+)$/.exec(name);
      section = isConfig ? (m ? m[1]! : name === 'default' ? 'default' : null) : name;
      continue;
    }
    if (section !== profile) continue;
    const kv = /^region\s*=\s*(.*)$/.exec(line);
    if (kv) region = kv[1]!.trim();
  }
  // Shown to people: anything but a plain region word is not taken.
  return region && /^[A-Za-z0-9-]{1,64}$/.test(region) ? region : undefined;
}
