import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { displayPath } from '../profiles/config.js';
import { MANAGED_VARS, SECRET_VARS, looksSecret } from '../profiles/managed.js';
import { planFor, type SwitchPlan } from '../profiles/plan.js';
import type { Config, Profile } from '../profiles/types.js';
import { bash } from './bash.js';
import { posixQuote } from './posix.js';
import { fish } from './fish.js';
import type { Dialect, Target } from './types.js';
import { zsh } from './zsh.js';

// direnv runs an .envrc in bash: the bash dialect, with its own template (it only applies
// the profile and direnv keeps the difference: no switch, so no use for _cb_list_set).
export const DIALECTS: Record<Target, Dialect> = { bash, zsh, fish, direnv: { ...bash, name: 'direnv', templateFile: 'direnv.sh', listSet: () => [] } };

const TEMPLATE_DIR = join(PACKAGE_ROOT, 'shells');
const DATA_MARKER = /^#@data$/m;

export interface RenderOptions {
  /** The command that prints this integration again, for `cb-reload`: [node, script] or [binary]. */
  cli: string[];
  version: string;
  env?: Record<string, string | undefined>;
  /** direnv: where the library is being written, so a load can tell when the config is newer. */
  libFile?: string;
  /** init --cache: where this copy is kept, so a load can tell when it is stale. */
  cacheFile?: string;
}

/** The shell integration for `shell`: its template with the profile data rendered in.
 *  Nothing secret is in here: profiles carry names, regions and URLs, never keys. */
export function renderInit(target: Target, config: Config, options: RenderOptions): string {
  const dialect = DIALECTS[target];
  const template = readFileSync(join(TEMPLATE_DIR, dialect.templateFile), 'utf8');
  if (!DATA_MARKER.test(template)) throw new Error(`shells/${dialect.templateFile} has no #@data line`);
  const data = renderData(dialect, config, options).join('\n');
  // A function replacement: `$` in the data must not be read as a replacement pattern.
  return template.replace(DATA_MARKER, () => data);
}

function renderData(d: Dialect, config: Config, options: RenderOptions): string[] {
  const hint = displayPath(config.path, options.env);
  const plans = config.profiles.map((p) => planFor(p, hint));
  // Variables fetched at switch time (key commands, literal secrets, values that hold a secret):
  // restored like the rest, and masked whole by cb-status.
  const fetched = new Set(plans.flatMap((p) => p.secrets.map((s) => s.variable)));
  const extras = [...new Set([...config.profiles.flatMap((p) => Object.keys(p.env)), ...fetched])].filter((n) => !MANAGED_VARS.includes(n));
  // CLAUDE_HOOKS_PROFILE is ours, but a parent shell may have exported it: restore it like the rest.
  const managed = [...MANAGED_VARS, ...extras, 'CLAUDE_HOOKS_PROFILE'];
  const secrets = managed.filter((n) => SECRET_VARS.includes(n) || looksSecret(n) || fetched.has(n));
  // Longest first, so the innermost mapped directory wins.
  const dirs = [...config.directories].sort((a, b) => b.dir.length - a.dir.length);

  return [
    '# ---- data rendered from your profiles by `claude-hooks init` ----',
    d.scalar('_cb_version', options.version),
    d.scalar('_cb_config_file', config.path),
    ...(options.libFile ? [d.scalar('_cb_lib_file', options.libFile)] : []),
    d.scalar('_cb_cache_file', options.cacheFile ?? ''),
    d.scalar('_cb_cli_file', options.cli[options.cli.length - 1] ?? ''),
    d.list('_cb_managed', managed),
    d.list('_cb_secrets', secrets),
    d.list('_cb_profiles', config.profiles.map((p) => p.name)),
    ...d.listSet(managed),
    // Where fetched secrets are kept (see _cb_secret), so cb-off and cb-reload can forget them.
    d.list('_cb_secret_caches', plans.flatMap((p, i) => p.secrets.map((s) => `_cb_k${i}_${s.variable}`))),
    '',
    '# Prints this integration again (cb-reload).',
    ...d.func('_cb_cli', [`${options.cli.map(d.quote).join(' ')} ${d.allArgs}`]),
    '',
    '# Applies a profile on top of the restored baseline: clears, then sets, then checks.',
    '# shellcheck disable=SC2016 # a `$` in a value is literal: single quotes on purpose',
    ...d.func('_cb_profile_apply', d.switchOnFirstArg(plans.map((p, i) => ({ word: p.profile, body: applyBody(d, p, i, options.cli) })), ['return 1'])),
    '',
    '# Sets _cb_r to what cb-status says about a profile; fails for an unknown profile.',
    '# shellcheck disable=SC2016',
    ...d.func(
      '_cb_profile_describe',
      d.switchOnFirstArg(
        config.profiles.map((p) => ({ word: p.name, body: [d.assign('_cb_r', describe(p))] })),
        ['return 1'],
      ),
    ),
    '',
    '# Sets _cb_r to the profile\'s backend; fails for an unknown profile.',
    ...d.func('_cb_profile_backend', d.switchOnFirstArg(config.profiles.map((p) => ({ word: p.name, body: [d.assign('_cb_r', p.backend)] })), ['return 1'])),
    '',
    '# Sets _cb_map_dir and _cb_map_profile from the [directories] table; fails outside it.',
    '# Without a table the prompt hook skips the call.',
    d.scalar('_cb_has_dirmap', dirs.length ? '1' : ''),
    '# shellcheck disable=SC2016',
    ...d.func(
      '_cb_dirmap',
      d.switchOnDir(
        dirs.map((r) => ({ dir: r.dir, body: [d.assign('_cb_map_dir', r.dir), d.assign('_cb_map_profile', r.profile)] })),
        ['return 1'],
      ),
    ),
    '# ---- end of rendered data ----',
  ];
}

/** `Amazon Bedrock (...)` for a built-in; `bedrock backend, Work account` for the user's own. */
function describe(p: Profile): string {
  if (p.name === p.backend && p.description) return p.description;
  return `${p.backend} backend${p.description ? ', ' + p.description : ''}`;
}

/** The sh command that gives an inline secret: `claude-hooks secret` prints it; a key command
 *  with a key written into it is printed the same way and run by sh from there. */
function inlineCommand(read: string, run = false): string {
  return run ? `_cb_c=$(${read}) && eval "$_cb_c"` : read;
}

/** `id` names the shell's cache of the profile's fetched secrets (profile names may hold `-`). */
function applyBody(d: Dialect, plan: SwitchPlan, id: number, cli: string[]): string[] {
  const lines: string[] = [];
  if (plan.clear.length) lines.push(...d.clearAll(plan.clear));
  if (plan.set.length) lines.push(...d.exportAll(plan.set));
  for (const secret of plan.secrets) {
    // sh runs the command in every shell, so it is quoted for sh; the line itself for this shell.
    const command =
      'command' in secret ? secret.command : inlineCommand([...cli, 'secret', secret.inline.profile, secret.inline.key].map(posixQuote).join(' '), secret.run);
    lines.push(`_cb_secret ${id} ${secret.variable} ${d.quote(secret.label)} ${d.quote(command)}`);
  }
  for (const r of plan.require) lines.push(...d.requireAny(r.hint, r.anyOf));
  return lines.length ? lines : [d.name === 'fish' ? 'true' : ':'];
}
