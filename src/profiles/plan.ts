import { AWS_SHARED, AWS_STATIC_CREDENTIALS, BACKEND_SPECS, backendSpec, SELECTORS, type ValueField } from './backends.js';
import type { Profile, SecretSource } from './types.js';

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

const AWS = new Set<string>(AWS_SHARED);

/** How the user's shell sets a variable by hand, for hints (a Dialect's `exportLine`). */
export type ExportLine = (name: string, value: string) => string;

const posixExport: ExportLine = (name, value) => `export ${name}=${value}`;

/** `configHint` says where the user can add a value, e.g. `[profiles.work] in ~/.config/claude-hooks/config.toml`;
 *  `exportLine` writes the other way, setting the variable, in the shell the hint is for. */
export function planFor(profile: Profile, configHint: string, exportLine: ExportLine = posixExport): SwitchPlan {
  const spec = backendSpec(profile.backend);
  const set = new Map<string, string>();
  const clear = new Set<string>();
  const put = (name: string | undefined, value: string | undefined) => {
    if (name !== undefined && value !== undefined) set.set(name, value);
  };
  const where = `[profiles.${profile.name}] in ${configHint}`;

  // Backends are exclusive: every other selector goes, whatever the baseline said.
  for (const s of SELECTORS) if (s !== spec.selector) clear.add(s);
  if (spec.selector) put(spec.selector, '1');
  // A third-party backend carries no first-party credentials (2.1.197 sends a left-over
  // ANTHROPIC_API_KEY to Bedrock).
  for (const v of spec.clearsAnthropicAuth) clear.add(v);
  if (spec.id === 'anthropic') {
    // Left-over settings of the Google and Microsoft backends would confuse `/status` and our
    // own status. Those of the AWS backends stay, like the AWS variables: the user's AWS set-up,
    // read by their other AWS tools (and harmless while no AWS selector is on).
    for (const other of BACKEND_SPECS) {
      if (other === spec || other.aws) continue;
      for (const v of [...other.own, ...Object.values(other.fields)]) if (!AWS.has(v) && !spec.own.includes(v)) clear.add(v);
    }
  }
  if (profile.awsProfile !== undefined) {
    // Keys in the environment beat AWS_PROFILE in the AWS SDK: drop them so the profile counts.
    for (const v of AWS_STATIC_CREDENTIALS) clear.add(v);
  }
  for (const [field, variable] of Object.entries(spec.fields) as Array<[ValueField, string]>) put(variable, profile[field]);

  put('ANTHROPIC_MODEL', profile.model);
  put('ANTHROPIC_DEFAULT_OPUS_MODEL', profile.opusModel);
  put('ANTHROPIC_DEFAULT_SONNET_MODEL', profile.sonnetModel);
  put('ANTHROPIC_DEFAULT_HAIKU_MODEL', profile.haikuModel);
  put('ANTHROPIC_SMALL_FAST_MODEL', profile.smallFastModel);
  for (const [name, value] of Object.entries(profile.env)) put(name, value);

  const secrets = profile.secrets ?? [];
  for (const name of [...set.keys(), ...secrets.map((s) => s.variable)]) clear.delete(name);
  // A requirement the profile meets with a value of its own needs no check at switch time (a
  // fetched secret may still fail, so that one is checked).
  const require = spec.require
    .filter((r) => !r.anyOf.some((name) => set.get(name)))
    .map((r) => {
      const set = exportLine(...r.exportExample);
      return {
        anyOf: r.anyOf,
        hint: r.fallback
          ? `${profile.name}: no ${r.what}, so Claude Code will use ${r.fallback}; to choose one: ${set}, or add ${r.configExample} to ${where}`
          : `${profile.name}: no ${r.what}, and Claude Code needs one: ${set}, or add ${r.configExample} to ${where}`,
      };
    });
  return { profile: profile.name, clear: [...clear], set: [...set], secrets, require };
}
