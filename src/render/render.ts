import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { displayPath } from '../profiles/config.js';
import { AWS_STATIC_CREDENTIALS, BACKEND_SPECS, backendSpec } from '../profiles/backends.js';
import { BUILTIN_PROFILES } from '../profiles/builtin.js';
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
export const DIALECTS: Record<Target, Dialect> = { bash, zsh, fish, direnv: { ...bash, name: 'direnv', templateFile: 'direnv.sh', listSet: () => [], switchCommands: false } };

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
  const regional = BACKEND_SPECS.filter((b) => b.selector && b.regionVariable);

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
    // How _cb_secret runs a key command: by sh, from your home directory (or /), never from the
    // directory you are in, where a repository's relative paths, node_modules/.bin or shims
    // would choose what runs.
    '# shellcheck disable=SC2016 # sh expands it, not this shell',
    d.scalar('_cb_keyrun', 'cd -- "${HOME:-/}" 2>/dev/null || cd / || exit 1; eval "$1"'),
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
    // bash and zsh have readonly variables: a switch checks it may change all it would first.
    ...readonlyCheck(d, plans),
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
    '',
    '# For the prompt segment: while _cb_region_sels[i] is on, _cb_region_vars[i] holds the region',
    '# that follows the profile name (bedrock:eu-west-1).',
    d.list('_cb_region_sels', regional.map((b) => b.selector!)),
    d.list('_cb_region_vars', regional.map((b) => b.regionVariable!)),
    '',
    "# Sets _cb_r to the variable a backend's region goes in; fails for a backend without one.",
    ...d.func('_cb_backend_region_var', d.switchOnFirstArg(BACKEND_SPECS.filter((b) => b.fields.region).map((b) => ({ word: b.id, body: [d.assign('_cb_r', b.fields.region!)] })), ['return 1'])),
    '# The backends that take an AWS profile, and the AWS keys that would override it.',
    d.list('_cb_aws_backends', BACKEND_SPECS.filter((b) => b.fields.awsProfile).map((b) => b.id)),
    d.list('_cb_aws_keys', [...AWS_STATIC_CREDENTIALS]),
    ...(d.switchCommands ? ['', '# One command per built-in profile: cb-bedrock is cb-use bedrock.', ...BUILTIN_PROFILES.flatMap((p) => d.func(`cb-${p.name}`, [`cb-use ${p.name}`], `Switch Claude Code to ${backendSpec(p.backend).label}`))] : []),
    '',
    '# Succeeds for a directory at or below one of trustedDirectories, whose markers count',
    '# whoever owns them; fails elsewhere.',
    '# shellcheck disable=SC2016',
    ...d.func('_cb_trusted', d.switchOnDir((config.trustedDirectories ?? []).map((dir) => ({ dir, body: ['return 0'] })), ['return 1'])),
    '# ---- end of rendered data ----',
  ];
}

/** bash: `_cb_profile_writable PROFILE NAME...` succeeds when none of the variables the profile
 *  changes, nor the NAMEs, is readonly: one `local` over them all, which refuses a readonly
 *  name (the locals vanish on return); else it lists them all in _cb_pv and fails. zsh:
 *  `_cb_profile_vars PROFILE` lists them in _cb_pv, for the template to check. (Shell variable
 *  names: nothing to quote.) fish has no readonly variables of the user's. */
function readonlyCheck(d: Dialect, plans: SwitchPlan[]): string[] {
  if (d.name === 'bash') {
    const arm = (names: string) => [`{ local ${names}; } 2>/dev/null && return 0`, `_cb_pv=(${names})`, 'return 1'];
    return [
      '# Succeeds when none of the variables profile $1 changes, nor $2..., is readonly; else lists',
      '# them all in _cb_pv and fails. (`local` refuses a readonly name; the locals vanish on return.)',
      ...d.func(
        '_cb_profile_writable',
        d.switchOnFirstArg(
          plans.map((p) => ({ word: p.profile, body: arm(`${[...touched(p), 'CLAUDE_HOOKS_PROFILE'].join(' ')} "\${@:2}"`) })),
          ['[ $# -lt 2 ] && return 0', ...arm('"${@:2}"')],
        ),
      ),
      '',
    ];
  }
  if (d.name === 'zsh') {
    return [
      '# Sets the list _cb_pv to the variables profile $1 changes (a switch checks none is readonly).',
      ...d.func('_cb_profile_vars', d.switchOnFirstArg(plans.map((p) => ({ word: p.profile, body: [`_cb_pv=(${[...touched(p), 'CLAUDE_HOOKS_PROFILE'].join(' ')})`] })), ['_cb_pv=()'])),
      '',
    ];
  }
  return [];
}

/** Every variable switching to the profile changes: what it clears, sets and fetches. */
function touched(plan: SwitchPlan): string[] {
  return [...new Set([...plan.clear, ...plan.set.map(([name]) => name), ...plan.secrets.map((s) => s.variable)])];
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
