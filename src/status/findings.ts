// doctor's checks: each finding says what is wrong, how bad it is, and the fix.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { displayPath, loadConfig } from '../profiles/config.js';
import { BACKEND_SPECS, isBlank, providerSpec, type Provider } from '../profiles/backends.js';
import { ANTHROPIC_AUTH, SELECTORS } from '../profiles/managed.js';
import { isOn, type Prediction } from './predict.js';
import { looksLikeRegion } from './region.js';
import { MARKER_PROBLEMS, readMarker } from './marker.js';
import { inline } from '../sanitize.js';
import { maskSecrets } from '../secrets.js';
import { exportLine, plainInitLine, startupFile, userShell } from '../render/startup.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  id: string;
  severity: Severity;
  message: string;
  fix: string;
}

type Env = Record<string, string | undefined>;

/** What status and doctor call each provider: Claude Code's own names. */
export const PROVIDER_NAMES = Object.fromEntries(BACKEND_SPECS.map((b) => [b.provider, b.label])) as Record<Provider, string>;

// Bedrock model ids: anthropic.claude-..., a cross-region prefix (us., eu., apac., global., ...),
// or an ARN of a model or inference profile.
const BEDROCK_MODEL = /^(arn:aws[a-z-]*:bedrock:|([a-z]{2,6}\.)?anthropic\.)/;
// ANTHROPIC_MODEL may also be one of Claude Code's aliases, which it turns into the Bedrock id
// itself (measured on the wire with 2.1.332: sonnet, opus, haiku, best, opusplan, with [1m],
// in any case, white space trimmed). Not "default", which goes out as it is, nor an alias in
// ANTHROPIC_DEFAULT_*_MODEL, which is sent as it is too.
const MODEL_ALIAS = /^(sonnet|opus|haiku|best|opusplan)(\[1m\])?$/i;

export function findings(p: Prediction, env: Env = process.env, ppid = process.ppid): Finding[] {
  const out: Finding[] = [];
  // Messages quote paths, values, config errors and marker text: escaped to one line each,
  // secrets masked (doctor --json prints them too).
  const add = (id: string, severity: Severity, message: string, fix: string) => out.push({ id, severity, message: inline(maskSecrets(message)), fix: inline(maskSecrets(fix)) });
  const where = (path: string) => displayPath(path, env);
  const value = (name: string) => p.variables[name]?.value;
  // Whether a variable is unset or blank for Claude Code: from the prediction, as a secret's
  // value is masked there (a token of one space shows as …, which is not blank).
  const blank = (name: string) => (name in p.variables ? p.blankVariables.includes(name) : isBlank(env[name]));

  if (p.globalConfig.state === 'invalid' || p.globalConfig.state === 'unreadable') {
    add('settings-invalid', 'error', `${where(p.globalConfig.path)} is ${p.globalConfig.problem}`, 'fix or move the file (Claude Code keeps its own state there)');
  }
  for (const s of p.settings) {
    if (s.state === 'invalid' || s.state === 'unreadable') {
      // Checked with 2.1.332: a broken managed file stops `claude auth status` with an error;
      // any other level is skipped without a word.
      const effect = s.level === 'managed' ? 'Claude Code applies none of it and reports an error' : 'Claude Code ignores the whole file, silently';
      // The fix fits the problem: JSON advice for a file Claude Code could not parse; for one it
      // could not read (a FIFO, a directory, too big, no permission), that it must be a file.
      const fix =
        s.state === 'invalid'
          ? 'fix it (settings files are strict JSON: no comments, no trailing commas)'
          : `make it a regular file of at most 2 MiB that you can read, or remove it`;
      add('settings-invalid', 'error', `${where(s.path)} is ${s.problem}: ${effect}`, fix);
    }
  }
  for (const o of p.overrides) {
    const strong = SELECTORS.includes(o.name) || (ANTHROPIC_AUTH as readonly string[]).includes(o.name);
    const shell = o.shell === null ? 'which your shell does not set' : `over your shell's ${o.name}=${o.shell || "''"}`;
    add(
      'settings-override',
      strong ? 'error' : 'warning',
      `${where(o.path)} sets ${o.name}=${o.settings || "''"}, ${shell}: the settings file wins over any switch`,
      `remove "${o.name}" from the "env" block of ${where(o.path)}, so that switching in the shell works`,
    );
  }
  if (p.selectorsOn.length > 1) {
    add(
      'several-backends',
      'warning',
      `${p.selectorsOn.join(' and ')} are all on; ${p.selectorsOn[0]} wins`,
      'switch with cb-use <profile>, which turns the others off',
    );
  }
  if (p.apiKeyHelper && p.provider !== 'firstParty') {
    add(
      'helper-third-party',
      'warning',
      `apiKeyHelper in ${where(p.apiKeyHelper.path)} still runs in ${PROVIDER_NAMES[p.provider]} mode (its key is not sent there)`,
      `remove "apiKeyHelper" from ${where(p.apiKeyHelper.path)} and give the command to a profile as apiKeyCommand (claude-hooks doctor --migrate)`,
    );
  }
  // Bare mode (CLAUDE_CODE_SIMPLE, or `claude --bare`) takes ANTHROPIC_API_KEY and nothing else:
  // a helper, a token or a login that would otherwise authenticate is set aside (2.1.332).
  if (p.bare && p.provider === 'firstParty' && p.apiKeySource !== 'ANTHROPIC_API_KEY') {
    add(
      'bare-mode-no-key',
      'warning',
      'CLAUDE_CODE_SIMPLE is on (bare mode): Claude Code authenticates with ANTHROPIC_API_KEY only, and ignores apiKeyHelper, tokens and logins',
      'set ANTHROPIC_API_KEY (switch with cb-anthropic and an apiKeyCommand), or turn CLAUDE_CODE_SIMPLE off',
    );
  }
  if (p.gatewayUrlProblem) {
    add(
      'gateway-url-invalid',
      'error',
      `ANTHROPIC_BASE_URL=${value('ANTHROPIC_BASE_URL') ?? ''} in gateway mode: ${p.gatewayUrlProblem}, so Claude Code stops before it starts`,
      'give the gateway an https:// URL (baseUrl in [profiles.gateway]) and switch with cb-gateway',
    );
  }
  if (p.provider !== 'gateway' && isOn(value('CLAUDE_CODE_USE_GATEWAY'))) {
    const missing = ['ANTHROPIC_BASE_URL', 'ANTHROPIC_AUTH_TOKEN'].filter(blank); // white space is none
    add(
      'gateway-ignored',
      'warning',
      `CLAUDE_CODE_USE_GATEWAY is on, but Claude Code ignores it without ${missing.join(' and ')}: it uses ${PROVIDER_NAMES[p.provider]}`,
      'switch with cb-gateway (set baseUrl and authTokenCommand in [profiles.gateway]), or turn CLAUDE_CODE_USE_GATEWAY off',
    );
  }
  // What the backend cannot work without, from the backend table.
  const spec = providerSpec(p.provider);
  for (const r of spec.require) {
    if (spec.aws && r.slug === 'region') {
      awsRegionFindings(p, spec.id, `set ${r.configExample.replace(/ = .*/, '')} in the profile you switch to, or ${exportLine(userShell(env), ...r.exportExample)}`, add);
      continue;
    }
    // White space is no value (measured on 2.1.332: a blank Vertex project, CLOUD_ML_REGION or
    // Claude Platform workspace id counts as none), nor is one a settings file empties.
    const given = r.anyOf.filter((name) => !blank(name));
    // A region Claude Code does not take (the rule of AWS regions: "bad_region", "e1") is passed
    // over for its default, as an AWS region is.
    const notRegion = r.slug === 'region' && r.fallback ? given.filter((name) => !looksLikeRegion(value(name) ?? env[name] ?? '')) : [];
    for (const name of notRegion) {
      add(`${spec.id}-region-ignored`, 'warning', `${name} is set but is not a region, so Claude Code passes it over and uses ${r.fallback}`, `set ${name} to a region such as ${r.fallback}, or unset it`);
    }
    if (notRegion.length) continue;
    if (given.length) continue;
    const what = `${spec.label} mode with no ${r.anyOf.join(' or ')}`;
    const fix = `set ${r.configExample.replace(/ = .*/, '')} in the profile you switch to, or ${exportLine(userShell(env), ...r.exportExample)}`;
    if (r.fallback) add(`${spec.id}-no-${r.slug}`, 'warning', `${what}: Claude Code will use ${r.fallback}`, fix);
    else add(`${spec.id}-no-${r.slug}`, 'error', what, fix);
  }
  if (p.provider === 'bedrock') {
    for (const name of ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN']) {
      if (value(name)) {
        add(
          'key-in-bedrock',
          'error',
          `${name} is set (${value(name)}) in Bedrock mode: Claude Code 2.1.197 sends it to the Bedrock endpoint`,
          p.variables[name]!.origin.kind === 'settings' ? `remove "${name}" from ${where((p.variables[name]!.origin as { path: string }).path)}` : `switch with cb-bedrock, which clears it, or unset ${name}`,
        );
      }
    }
    if (!awsCredentialsFound(p, env)) {
      add(
        'bedrock-no-credentials',
        'warning',
        'Bedrock mode, but no AWS credentials found: no AWS_PROFILE, keys, bearer token, SSO cache, ~/.aws files or awsCredentialExport',
        'set awsProfile in the profile (and run aws sso login), or export AWS keys',
      );
    }
    for (const name of ['ANTHROPIC_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL']) {
      const model = value(name);
      if (model && !BEDROCK_MODEL.test(model) && !(name === 'ANTHROPIC_MODEL' && MODEL_ALIAS.test(model.trim()))) {
        add('bedrock-model-id', 'error', `${name}=${model} is not a Bedrock model id`, 'use a Bedrock id such as us.anthropic.claude-sonnet-4-5-20250929-v1:0, or an inference profile ARN');
      }
    }
  }
  // claude-hooks itself: the config, the marker here, and whether this shell loaded the hooks.
  let profiles: string[] | undefined;
  let trusted: string[] = [];
  try {
    const config = loadConfig(env);
    profiles = config.profiles.map((x) => x.name);
    trusted = config.trustedDirectories ?? [];
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    add('config-invalid', 'error', err.message, 'fix the config (claude-hooks config check says the same)');
  }
  const marker = readMarker(p.dir, trusted);
  // What a marker holds is shown only when it is a profile name: readMarker says what is
  // wrong with anything else, never what it says.
  if (marker && profiles && !profiles.includes(marker.profile)) {
    add(
      'marker-unknown-profile',
      'error',
      marker.problem ? `${marker.path} ${MARKER_PROBLEMS[marker.problem]}` : `${marker.path} names unknown profile '${marker.profile}'`,
      `write one of your profiles into it: ${profiles.join(', ')}`,
    );
  }
  const shell = env.CLAUDE_HOOKS_SHELL;
  if (!shell) {
    const mine = userShell(env);
    add(
      'shell-not-loaded',
      'info',
      'the claude-hooks shell integration is not loaded in this shell',
      `run claude-hooks setup (it adds ${plainInitLine(mine)} to ${displayPath(startupFile(mine, env), env)}), then open a new ${mine}; or use direnv (docs/direnv.md)`,
    );
  } else if (!shell.endsWith(`:${ppid}`)) {
    add('shell-parent', 'info', `the shell integration was loaded in a parent shell (${shell}), not in this one`, 'load it in this shell too, to switch here');
  }
  return out;
}

// Claude Code 2.1.332 never lacks an AWS region (region.ts): AWS_REGION, AWS_DEFAULT_REGION, the
// AWS profile's region, else us-east-1. Say so when it falls back, or passes a variable over;
// a region in the AWS config is no finding at all.
function awsRegionFindings(p: Prediction, id: string, fix: string, add: (id: string, severity: Severity, message: string, fix: string) => void) {
  const region = p.bedrockRegion;
  if (!region) return;
  for (const name of region.ignored) {
    add(`${id}-region-ignored`, 'warning', `${name} is set but is not an AWS region, so Claude Code passes it over and uses ${region.region}`, `set ${name} to a region such as eu-west-1, or unset it`);
  }
  if (region.source.kind === 'default') {
    add(
      `${id}-no-region`,
      'warning',
      `${providerSpec(p.provider).label} mode with no AWS_REGION, AWS_DEFAULT_REGION or region in your AWS profile: Claude Code will use ${region.region}`,
      fix,
    );
  }
}

function awsCredentialsFound(p: Prediction, env: Env): boolean {
  const v = (n: string) => p.variables[n]?.value || env[n];
  if (v('AWS_PROFILE') || v('AWS_ACCESS_KEY_ID') || v('AWS_BEARER_TOKEN_BEDROCK') || v('CLAUDE_CODE_SKIP_BEDROCK_AUTH')) return true;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return true;
  if (p.awsCredentialExport) return true;
  const aws = p.awsDir;
  if (existsSync(resolve(p.dir, v('AWS_SHARED_CREDENTIALS_FILE') || join(aws, 'credentials'))) || existsSync(resolve(p.dir, v('AWS_CONFIG_FILE') || join(aws, 'config')))) return true;
  try {
    return readdirSync(join(aws, 'sso', 'cache')).some((f) => f.endsWith('.json'));
  } catch {
    return false;
  }
}
