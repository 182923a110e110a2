// What Claude Code will use, predicted from the environment and the settings files, with where
// each value comes from. The rules are Claude Code's own, checked against `claude auth status`
// of the real CLI (test/status-oracle.test.ts):
// - a settings file's `env` beats the process environment, and stronger levels beat weaker;
// - a selector is on when its value, trimmed and lower-cased, is 1, true, yes or on;
// - when several selectors are on, the order of SELECTOR_PRECEDENCE (src/profiles/backends.ts)
//   decides; the gateway counts only with ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN set;
// - the key source is ANTHROPIC_API_KEY when it is non-empty, else a non-empty apiKeyHelper,
//   whatever the provider (Bedrock mode still reports it, and 2.1.197 sends the key along).
import { mask } from '../mask.js';
import { providerSpec, SELECTOR_PRECEDENCE, type Provider } from '../profiles/backends.js';
import { maskSecrets } from '../secrets.js';
import { MANAGED_VARS, SECRET_VARS } from '../profiles/managed.js';
import { readSettings, type Level, type SettingsFile } from './settings.js';

export type { Provider } from '../profiles/backends.js';

/** Where a value comes from: the shell's environment, or a settings file. */
export type Origin = { kind: 'shell' } | { kind: 'settings'; level: Level; path: string };

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
  authMethod: 'api_key' | 'api_key_helper' | 'oauth_token' | 'third_party' | 'none';
  apiKeySource: 'ANTHROPIC_API_KEY' | 'apiKeyHelper' | null;
  apiKeyHelper: { command: string; level: Level; path: string } | null;
  /** Every managed variable that is set for Claude Code, secrets masked. */
  variables: Record<string, Value>;
  /** Variables a settings file sets, which no switch in the shell can change. */
  overrides: Override[];
  settings: SettingsFile[];
  awsCredentialExport: string | null;
  awsAuthRefresh: string | null;
}

const SELECTOR_ORDER: Array<[string, Provider]> = SELECTOR_PRECEDENCE.map((p) => [providerSpec(p).selector!, p]);

export function isOn(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

type Env = Record<string, string | undefined>;

export function predict(dir: string, env: Env = process.env): Prediction {
  const settings = readSettings(dir, env);
  const usable = settings.filter((s) => s.state === 'ok');
  // Weakest first, so each stronger level overwrites.
  const effective = new Map<string, { value: string; origin: Origin }>();
  for (const [name, value] of Object.entries(env)) if (value !== undefined) effective.set(name, { value, origin: { kind: 'shell' } });
  const overrides: Override[] = [];
  for (const file of [...usable].reverse()) {
    for (const [name, value] of Object.entries(file.env)) {
      effective.set(name, { value, origin: { kind: 'settings', level: file.level, path: file.path } });
    }
  }
  for (const name of MANAGED_VARS) {
    const eff = effective.get(name);
    if (!eff || eff.origin.kind !== 'settings') continue;
    const shellValue = env[name];
    overrides.push({ name, shell: shellValue === undefined ? null : show(name, shellValue), settings: show(name, eff.value), level: eff.origin.level, path: eff.origin.path });
  }
  const get = (name: string) => effective.get(name)?.value;

  const selectorsOn = SELECTOR_ORDER.filter(([name, provider]) => isOn(get(name)) && (provider !== 'gateway' || gatewayReady(get)));
  const provider: Provider = selectorsOn[0]?.[1] ?? 'firstParty';
  const helperFile = usable.find((f) => f.apiKeyHelper);
  const apiKeyHelper = helperFile ? { command: helperFile.apiKeyHelper!, level: helperFile.level, path: helperFile.path } : null;
  const apiKeySource = get('ANTHROPIC_API_KEY') ? 'ANTHROPIC_API_KEY' : apiKeyHelper ? 'apiKeyHelper' : null;
  let authMethod: Prediction['authMethod'] = 'none';
  if (provider !== 'firstParty') authMethod = 'third_party';
  else if (get('ANTHROPIC_AUTH_TOKEN')) authMethod = 'oauth_token';
  else if (apiKeyHelper) authMethod = 'api_key_helper';
  else if (get('ANTHROPIC_API_KEY')) authMethod = 'api_key';

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
    authMethod,
    apiKeySource,
    apiKeyHelper,
    variables,
    overrides,
    settings,
    awsCredentialExport: usable.find((f) => f.awsCredentialExport)?.awsCredentialExport ?? null,
    awsAuthRefresh: usable.find((f) => f.awsAuthRefresh)?.awsAuthRefresh ?? null,
  };
}

/** 2.1.332 ignores CLAUDE_CODE_USE_GATEWAY (and says so in its debug log) unless both the
 *  gateway's URL and a token are there. */
function gatewayReady(get: (name: string) => string | undefined): boolean {
  return Boolean(get('ANTHROPIC_BASE_URL')) && Boolean(get('ANTHROPIC_AUTH_TOKEN'));
}

/** A value as shown: masked whole when its name says secret, else each secret in it masked
 *  (a key in ANTHROPIC_CUSTOM_HEADERS, a password in a URL). */
function show(name: string, value: string): string {
  return SECRET_VARS.includes(name) && value !== '' ? mask(value) : maskSecrets(value);
}
