import { InputError } from '../errors.js';
import { backendSpec } from '../profiles/backends.js';
import { BUILTIN_PROFILES } from '../profiles/builtin.js';
import { displayPath, loadConfig } from '../profiles/config.js';
import { planFor } from '../profiles/plan.js';
import type { Profile } from '../profiles/types.js';
import { print } from '../print.js';
import { inline, jsonText } from '../sanitize.js';

const isBuiltin = (p: Profile) => BUILTIN_PROFILES.some((b) => b.name === p.name);

/** What a script may rely on: the profile's values and what switching to it does. No secret
 *  values: only which variables are fetched and from where. */
function profileJson(p: Profile, configHint: string) {
  const plan = planFor(p, configHint);
  return {
    name: p.name,
    backend: p.backend,
    /** The word `claude auth status` prints as apiProvider once switched. */
    provider: backendSpec(p.backend).provider,
    builtin: isBuiltin(p),
    description: p.description,
    region: p.region ?? null,
    awsProfile: p.awsProfile ?? null,
    projectId: p.projectId ?? null,
    resource: p.resource ?? null,
    workspaceId: p.workspaceId ?? null,
    baseUrl: p.baseUrl ?? null,
    sets: Object.fromEntries(plan.set),
    clears: plan.clear,
    fetches: plan.secrets.map((s) => ({ variable: s.variable, from: 'command' in s ? 'command' : 'config' })),
  };
}

export function listProfiles(json: boolean): void {
  const config = loadConfig();
  const hint = displayPath(config.path);
  if (json) {
    print(jsonText(config.profiles.map((p) => profileJson(p, hint))) + '\n');
    return;
  }
  const rows = config.profiles.map((p) => [p.name, p.backend, p.region ?? '-', (isBuiltin(p) ? '(built-in) ' : '') + p.description]);
  print(table([['PROFILE', 'BACKEND', 'REGION', 'DESCRIPTION'], ...rows]));
  if (config.directories.length) {
    print('\n' + table([['DIRECTORY', 'PROFILE'], ...config.directories.map((d) => [displayPath(d.dir), d.profile])]));
  }
}

/** For completion scripts that run without the shell integration: the names, one a line; with
 *  `backends`, a tab and the backend after each. A broken config completes nothing (config
 *  check says why). */
export function printProfileNames(backends: boolean): void {
  let names: string[];
  try {
    names = loadConfig().profiles.map((p) => (backends ? `${p.name}\t${p.backend}` : p.name));
  } catch (err) {
    if (err instanceof InputError) return;
    throw err;
  }
  print(names.map((n) => n + '\n').join(''));
}

export function showProfile(name: string, json: boolean): void {
  const config = loadConfig();
  const profile = config.profiles.find((p) => p.name === name);
  if (!profile) throw new InputError(`profiles show: no profile "${name}"; known: ${config.profiles.map((p) => p.name).join(', ')}`);
  const hint = displayPath(config.path);
  const data = profileJson(profile, hint);
  if (json) {
    print(jsonText(data) + '\n');
    return;
  }
  const plan = planFor(profile, hint);
  const rows: string[][] = [
    ['profile', `${profile.name}${data.builtin ? ' (built-in)' : ''}`],
    ['backend', `${profile.backend} (claude auth status: ${data.provider})`],
  ];
  if (profile.description) rows.push(['description', profile.description]);
  for (const [variable, value] of plan.set) rows.push(['sets', `${variable}=${value}`]);
  for (const secret of plan.secrets) {
    rows.push(['fetches', `${secret.variable} from ${'command' in secret ? `the command: ${secret.command}` : `the config (${secret.inline.key})`}`]);
  }
  if (plan.clear.length) rows.push(['clears', plan.clear.join(' ')]);
  for (const r of plan.require) rows.push(['needs', `${r.anyOf.join(' or ')} (from your environment)`]);
  const dirs = config.directories.filter((d) => d.profile === profile.name).map((d) => displayPath(d.dir));
  if (dirs.length) rows.push(['directories', dirs.join(', ')]);
  print(table(rows));
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
function table(rows: string[][]): string {
  rows = rows.map((r) => r.map(inline)); // outside text: one line each, nothing for the terminal to obey
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ') + '\n').join('');
}
