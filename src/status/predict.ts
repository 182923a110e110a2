// What Claude Code will use, predicted from the environment and the settings files, with where
// each value comes from. The rules are Claude Code's own, checked against `claude auth status`
// of the real CLI (test/status-oracle.test.ts):
// - the environment: env-merge.ts (the global config and settings files over the shell);
// - a selector is on when its value, trimmed and lower-cased, is 1, true, yes or on;
// - when several selectors are on, the order of SELECTOR_PRECEDENCE (src/profiles/backends.ts)
//   decides; the gateway counts only with ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN set;
// - key source and auth method: auth.ts; the Bedrock region: region.ts.
import { join } from 'node:path';
import { mask } from '../mask.js';
import { isBlank, isOn, providerSpec, SELECTOR_PRECEDENCE, type Provider } from '../profiles/backends.js';
import { maskSecrets } from '../secrets.js';
import { MANAGED_VARS, SECRET_VARS } from '../profiles/managed.js';
import { findAnthropicProfile, type AnthropicProfile } from './anthropic-profile.js';
import { gatewayUrlProblem } from './gateway-url.js';
import { authMethod, credentialInUse, helperInForce, keySource, type ApiKeySource, type AuthMethod, type Credential, type Helper } from './auth.js';
import { mergeEnv, type Origin } from './env-merge.js';
import { readGlobalConfig, type GlobalConfig } from './global-config.js';
import { configDir, credentialsPath, globalConfigPaths } from './locations.js';
import { readClaudeAiLogin, type ClaudeAiLogin } from './logins.js';
import { awsHome, bedrockRegion, type BedrockRegion } from './region.js';
import { readSettings, readSettingsFile, type Level, type SettingsFile } from './settings.js';

export type { Origin } from './env-merge.js';
export type { Provider } from '../profiles/backends.js';

export interface Value {
  /** Masked when the variable is secret. */
  value: string;
  origin: Origin;
}

/** A variable a settings file decides, whatever the shell says: switching cannot change it. */
export interface Override {
  name: string;
  /** The shell's own value, masked when secret; null when the shell has none. */
  shell: string | null;
  settings: string;
  level: Level;
  path: string;
}

export interface Prediction {
  dir: string;
  provider: Provider;
  /** The selector that decided, or null for the Anthropic API by default. */
  providerVariable: string | null;
  /** The selectors that are on, strongest first; more than one means some are ignored. */
  selectorsOn: string[];
  /** Same words as `claude auth status`. */
  authMethod: AuthMethod;
  apiKeySource: ApiKeySource;
  apiKeyHelper: Helper | null;
  /** The global config (~/.claude.json or where CLAUDE_CONFIG_DIR puts it). */
  globalConfig: GlobalConfig;
  /** What authenticates with the Anthropic API (null for other providers, or nothing). */
  credential: Credential | null;
  /** The claude.ai subscription login, when there is one. */
  claudeAiLogin: ClaudeAiLogin | null;
  /** Bare mode (CLAUDE_CODE_SIMPLE on): Claude Code takes ANTHROPIC_API_KEY and nothing else. */
  bare: boolean;
  /** The Anthropic profile Claude Code would choose (anthropic-profile.ts), used or not. */
  anthropicProfile: AnthropicProfile | null;
  /** In gateway mode, why Claude Code refuses ANTHROPIC_BASE_URL and stops (gateway-url.ts). */
  gatewayUrlProblem: string | null;
  /** The AWS backends (Bedrock, Mantle, ...): the region requests are signed for, and where it
   *  comes from; null for the others (its files are not read then). */
  bedrockRegion: BedrockRegion | null;
  /** Every managed variable that is set for Claude Code, secrets masked. */
  variables: Record<string, Value>;
  /** The names of `variables` whose value is empty or white space (their masked value cannot
   *  tell: a token of one space shows as …). Not in the JSON. */
  blankVariables: string[];
  /** The config directory Claude Code ends with, once the env is applied: where it reads the
   *  login (`configDirectory` of `claude auth status`, resolved). Not in the JSON. */
  configDir: string;
  /** The .aws directory Claude Code's AWS SDK reads (region.ts awsHome). Not in the JSON. */
  awsDir: string;
  /** Variables a settings file sets, which no switch in the shell can change. */
  overrides: Override[];
  settings: SettingsFile[];
  awsCredentialExport: string | null;
  awsAuthRefresh: string | null;
}

const SELECTOR_ORDER: Array<[string, Provider]> = SELECTOR_PRECEDENCE.map((p) => [providerSpec(p).selector!, p]);

export { isOn };

type Env = Record<string, string | undefined>;

export function predict(dir: string, env: Env = process.env): Prediction {
  const globalConfig = readGlobalConfig(globalConfigPaths(dir, env));
  // Claude Code applies the global config's env before it reads the settings files, so a
  // CLAUDE_CONFIG_DIR there moves the user settings (measured on 2.1.332).
  const settings = readSettings(dir, env, configDir(dir, env, mergeEnv(env, globalConfig, []).get('CLAUDE_CONFIG_DIR')?.value));
  // A CLAUDE_CONFIG_DIR the settings' env sets moves the login, and the user settings the
  // apiKeyHelper is taken from (not those the env came from): settingsAfterEnv.
  const trusted = trustedEnv(env, globalConfig, settings);
  const laterDir = configDir(dir, env, trusted.get('CLAUDE_CONFIG_DIR')?.value);
  const awsDir = join(awsHome(dir, (name) => trusted.get(name)?.value, env), '.aws');
  const later = settingsAfterEnv(settings, laterDir);
  const usable = settings.filter((s) => s.state === 'ok');
  const effective = mergeEnv(env, globalConfig, settings);
  const overrides = settingsOverrides(effective, env);
  const get = (name: string) => effective.get(name)?.value;

  const selectorsOn = SELECTOR_ORDER.filter(([name, provider]) => isOn(get(name)) && countsHere(provider, get));
  const provider: Provider = selectorsOn[0]?.[1] ?? 'firstParty';
  const firstParty = provider === 'firstParty';
  // Bare mode and the Anthropic profile are decided on the env a project cannot set (measured:
  // a project's CLAUDE_CODE_SIMPLE, ANTHROPIC_PROFILE or XDG_CONFIG_HOME changes nothing).
  const trustedGet = (name: string) => trusted.get(name)?.value;
  const bare = isOn(trustedGet('CLAUDE_CODE_SIMPLE'));
  // Bare mode reads no helper of a settings file, no login and no /login key.
  const apiKeyHelper = bare ? null : helperInForce(later);
  // A login only counts for the Anthropic API: the others say third_party whatever it is.
  const claudeAiLogin = firstParty && !bare ? readClaudeAiLogin(credentialsPath(laterDir)) : null;
  const anthropicProfile = firstParty && !bare ? findAnthropicProfile(dir, trustedGet) : null;
  const auth = {
    get,
    firstParty,
    helper: apiKeyHelper,
    hasPrimaryApiKey: globalConfig.hasPrimaryApiKey && !bare,
    claudeAi: claudeAiLogin,
    bare,
    profile: anthropicProfile,
    apiKeyFd: !isBlank(env.CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR),
    unixSocket: !isBlank(env.ANTHROPIC_UNIX_SOCKET),
  };

  const variables: Record<string, Value> = {};
  for (const name of MANAGED_VARS) {
    const eff = effective.get(name);
    if (eff) variables[name] = { value: show(name, eff.value), origin: eff.origin };
  }
  return {
    dir,
    provider,
    providerVariable: selectorsOn[0]?.[0] ?? null,
    selectorsOn: selectorsOn.map(([name]) => name),
    authMethod: authMethod(auth),
    apiKeySource: keySource(auth),
    apiKeyHelper,
    globalConfig,
    claudeAiLogin,
    bare,
    anthropicProfile,
    gatewayUrlProblem: provider === 'gateway' ? gatewayUrlProblem(get('ANTHROPIC_BASE_URL') ?? '') : null,
    credential: credentialInUse(auth, mask, globalConfig.path),
    bedrockRegion: providerSpec(provider).regionVariable === 'AWS_REGION' ? bedrockRegion(get, dir, awsDir) : null,
    awsDir,
    variables,
    blankVariables: Object.keys(variables).filter((name) => isBlank(get(name))),
    configDir: laterDir,
    overrides,
    settings,
    awsCredentialExport: usable.find((f) => f.awsCredentialExport)?.awsCredentialExport ?? null,
    awsAuthRefresh: usable.find((f) => f.awsAuthRefresh)?.awsAuthRefresh ?? null,
  };
}

/**
 * The environment as the env of the global config and of every settings file but a project's
 * (its own .claude/settings.json and settings.local.json, the repository root's too) leave it:
 * where Claude Code takes CLAUDE_CONFIG_DIR for the login, and the AWS SDK HOME. Measured on
 * 2.1.332: user settings' CLAUDE_CONFIG_DIR=alt reads alt/.credentials.json, a project's does
 * not; user settings' HOME=alt signs for alt/.aws/config's region, a project's does not.
 */
function trustedEnv(env: Env, global: GlobalConfig, settings: SettingsFile[]) {
  return mergeEnv(env, global, settings.filter((f) => f.level !== 'project' && f.level !== 'local'));
}

/**
 * The settings files as Claude Code reads them again once the env is applied: with the user's
 * settings.json of the config directory the env left (`laterDir`) when that is another. 2.1.332
 * takes the env from the first reading and the apiKeyHelper from this one (measured: user
 * settings with CLAUDE_CONFIG_DIR=alt and a helper have no helper in force; alt/settings.json's
 * helper is, its env is not applied).
 */
function settingsAfterEnv(settings: SettingsFile[], laterDir: string): SettingsFile[] {
  const path = join(laterDir, 'settings.json');
  return settings.map((f) => (f.level === 'user' && f.path !== path ? readSettingsFile('user', path) : f));
}

/** Every managed variable that a file of Claude Code's sets, whatever the shell says. */
function settingsOverrides(effective: ReturnType<typeof mergeEnv>, env: Env): Override[] {
  const overrides: Override[] = [];
  for (const name of MANAGED_VARS) {
    const eff = effective.get(name);
    if (!eff || eff.origin.kind !== 'settings') continue;
    const shellValue = env[name];
    overrides.push({ name, shell: shellValue === undefined ? null : show(name, shellValue), settings: show(name, eff.value), level: eff.origin.level, path: eff.origin.path });
  }
  return overrides;
}

/** 2.1.332 ignores CLAUDE_CODE_USE_GATEWAY (and says so in its debug log) unless both the
 *  gateway's URL and a token are there. */
/** A selector that counts only with some variables set (the gateway's URL and token), and not
 *  blank: 2.1.332 takes a URL or token of white space for none. */
function countsHere(provider: Provider, get: (name: string) => string | undefined): boolean {
  return (providerSpec(provider).countsOnlyWith ?? []).every((name) => !isBlank(get(name)));
}

/** A value as shown: masked whole when its name says secret, else each secret in it masked
 *  (a key in ANTHROPIC_CUSTOM_HEADERS, a password in a URL). */
function show(name: string, value: string): string {
  return SECRET_VARS.includes(name) && value !== '' ? mask(value) : maskSecrets(value);
}
