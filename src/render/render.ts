import { SECRET_SHAPES } from '../secrets.js';
import { FORMAT_CONTROLS } from '../sanitize.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { MASK } from '../mask.js';
import { displayPath } from '../profiles/config.js';
import { AWS_STATIC_CREDENTIALS, BACKEND_SPECS, backendSpec, providerSpec, SELECTOR_ON_WORDS, SELECTOR_PRECEDENCE, TRIMMED_SPACE } from '../profiles/backends.js';
import { BUILTIN_PROFILES } from '../profiles/builtin.js';
import { MANAGED_VARS, SECRET_VARS, looksSecret } from '../profiles/managed.js';
import { planFor, type SwitchPlan } from '../profiles/plan.js';
import { PROFILE_NAME_CHARS } from '../profiles/schema.js';
import type { Config, Profile } from '../profiles/types.js';
import { BOM, MARKER_BLANKS, MARKER_FILE, MARKER_READ_CHARS } from '../status/marker.js';
import { managedSettingsFiles } from '../status/locations.js';
import { bash } from './bash.js';
import { posixQuote } from './posix.js';
import { fish } from './fish.js';
import type { Dialect, Target } from './types.js';
import { zsh } from './zsh.js';

/** Each target: its dialect, its template under shells/, whether it has cb-use, for the
 *  cb-<built-in> shortcuts (direnv only applies a profile in an .envrc), and whether it takes
 *  options that need a profile's backend and where its region and AWS profile go (`use claude
 *  NAME --region R --aws-profile P`, direnv only). */
interface TargetSpec {
  dialect: Dialect;
  template: string;
  shortcuts: boolean;
  profileOptions: boolean;
}

// direnv runs an .envrc in bash: the bash dialect, with its own template.
export const TARGET_SPECS: Record<Target, TargetSpec> = {
  bash: { dialect: bash, template: 'bash.sh', shortcuts: true, profileOptions: false },
  zsh: { dialect: zsh, template: 'zsh.zsh', shortcuts: true, profileOptions: false },
  fish: { dialect: fish, template: 'fish.fish', shortcuts: true, profileOptions: false },
  direnv: { dialect: bash, template: 'direnv.sh', shortcuts: false, profileOptions: true },
};

const TEMPLATE_DIR = join(PACKAGE_ROOT, 'shells');
const DATA_MARKER = /^#@data$/m;
const PROFILES_MARKER = /^#@profiles$/m;
/** `#@include FILE`: a file of shells/ shared by templates (bash and zsh share posix.sh). */
const INCLUDE = /^#@include ([a-z0-9.-]+)$/gm;

export interface RenderOptions {
  /** The command that prints this integration again, for `cb-reload`: [node, script] or [binary]. */
  cli: string[];
  version: string;
  env?: Record<string, string | undefined>;
  /** direnv: where the library is being written, so a load can tell when the config is newer. */
  libFile?: string;
  /** init --cache: where this copy is kept, so a load can tell when it is stale. */
  cacheFile?: string;
  /** init --cache: the line a cached copy prints at every load, when the config is broken. */
  configWarning?: string;
  /** init --cmd: the word before -use, -off, -status, -reload and -<backend>; cb when absent. */
  commandPrefix?: string;
}

/** The commands of the templates a user types; the rendered cb-<backend> shortcuts join them. */
const TEMPLATE_COMMANDS = ['use', 'off', 'status', 'reload'];

/** `init --cmd ch`: the template's cb-use, cb-off, ... named ch-use, ch-off, ... Only our own
 *  template text is renamed (its definitions, calls, completions and messages), never data. */
export function renameCommands(template: string, prefix: string): string {
  if (prefix === 'cb') return template;
  const names = new RegExp(`(?<![\\w-])cb-(${TEMPLATE_COMMANDS.join('|')})(?![\\w-])`, 'g');
  return template.replace(names, (_, command: string) => `${prefix}-${command}`);
}

/** The shell integration for `target`: its template with the profile data rendered in.
 *  Nothing secret is in here: profiles carry names, regions and URLs, never keys. */
export function renderInit(target: Target, config: Config, options: RenderOptions): string {
  const spec = TARGET_SPECS[target];
  const read = (file: string) => readFileSync(join(TEMPLATE_DIR, file), 'utf8');
  const included = read(spec.template).replace(INCLUDE, (_, file: string) => read(file).replace(/\n$/, ''));
  const template = renameCommands(included, options.commandPrefix ?? 'cb');
  for (const marker of [DATA_MARKER, PROFILES_MARKER]) {
    if (!marker.test(template)) throw new Error(`shells/${spec.template} has no ${marker.source.slice(1, -1)} line`);
  }
  const d = spec.dialect;
  const plans = config.profiles.map((p) => planFor(p, displayPath(config.path, options.env), d.exportLine));
  // Function replacements: `$` in the data must not be read as a replacement pattern.
  return template
    .replace(DATA_MARKER, () => renderData(d, spec, config, plans, options).join('\n'))
    .replace(PROFILES_MARKER, () => renderProfiles(d, spec, config, plans, options).join('\n'));
}

/** The facts the template works with: small, first in the file. */
function renderData(d: Dialect, spec: TargetSpec, config: Config, plans: SwitchPlan[], options: RenderOptions): string[] {
  const prefix = options.commandPrefix ?? 'cb';
  // Variables fetched at switch time (key commands, literal secrets, values that hold a secret):
  // restored like the rest, and masked whole by cb-status.
  const fetched = new Set(plans.flatMap((p) => p.secrets.map((s) => s.variable)));
  const extras = [...new Set([...config.profiles.flatMap((p) => Object.keys(p.env)), ...fetched])].filter((n) => !MANAGED_VARS.includes(n));
  // CLAUDE_HOOKS_PROFILE is ours, but a parent shell may have exported it: restore it like the rest.
  const managed = [...MANAGED_VARS, ...extras, 'CLAUDE_HOOKS_PROFILE'];
  // The selectors in Claude Code's order of precedence, so the prompt shows the region of the
  // backend that wins when several are on.
  const selectors = SELECTOR_PRECEDENCE.map(providerSpec);
  return [
    '# ---- data rendered from your profiles by `claude-hooks init` ----',
    d.assign('_cb_version', options.version),
    d.assign('_cb_config_file', config.path),
    ...(options.libFile ? [d.assign('_cb_lib_file', options.libFile)] : []),
    d.assign('_cb_cache_file', options.cacheFile ?? ''),
    // A cached copy is for one config: the variables that chose it (src/profiles/config.ts).
    d.assign('_cb_config_env', options.cacheFile ? configEnv(options.env ?? process.env) : '', { escape: true }),
    d.assign('_cb_config_warning', options.configWarning ?? ''),
    d.assign('_cb_cli_file', options.cli[options.cli.length - 1] ?? ''),
    // cb-status reads them (and the settings files of the directory and the user) to say when a
    // settings file overrides the shell: the managed file and its drop-ins, strongest first.
    ...(spec.shortcuts ? [d.list('_cb_managed_settings', managedSettingsFiles(options.env ?? process.env))] : []),
    '# The variables a switch may change, and those cb-status masks.',
    d.list('_cb_managed', managed),
    d.list('_cb_secrets', managed.filter((n) => SECRET_VARS.includes(n) || looksSecret(n) || fetched.has(n))),
    // cb-status masks a value of these shapes whatever its name (a password in a URL, a key in a header).
    d.list('_cb_secret_shapes', [...SECRET_SHAPES]),
    d.list('_cb_profiles', config.profiles.map((p) => p.name)),
    '# A marker: its name, how much of it is read, the mark dropped from its start, the blanks',
    '# trimmed around the name, and what a profile name is made of (first character, the others,',
    '# longest).',
    d.assign('_cb_marker', MARKER_FILE),
    d.assign('_cb_read_max', String(MARKER_READ_CHARS)),
    d.assign('_cb_bom', BOM, { escape: true }),
    d.assign('_cb_blanks', MARKER_BLANKS, { escape: true }),
    d.assign('_cb_name_first', PROFILE_NAME_CHARS.first),
    d.assign('_cb_name_rest', PROFILE_NAME_CHARS.rest),
    d.assign('_cb_name_max', String(PROFILE_NAME_CHARS.max)),
    '# The format characters a message shows as escapes beside the controls (U+202E turns the rest',
    '# of a line around): written as the UTF-8 bytes of _cb_wide_ctl_bytes, shown as',
    '# _cb_wide_ctl_esc (fish matches them with the class _cb_wide_ctl_class).',
    d.list('_cb_wide_ctl_bytes', FORMAT_CONTROLS.map((c) => [...Buffer.from(String.fromCodePoint(c))].map((b) => `\\x${b.toString(16)}`).join(''))),
    d.list('_cb_wide_ctl_esc', FORMAT_CONTROLS.map((c) => `\\u${c.toString(16).padStart(4, '0')}`)),
    d.assign('_cb_wide_ctl_class', FORMAT_CONTROLS.map((c) => `\\x{${c.toString(16)}}`).join('')),
    '# How cb-status masks a secret: a value starting with one of _cb_mask_keep keeps that start;',
    '# one of at least _cb_mask_long characters shows its last _cb_mask_tail.',
    d.list('_cb_mask_keep', MASK.keep),
    d.assign('_cb_mask_long', String(MASK.long)),
    d.assign('_cb_mask_tail', String(MASK.tail)),
    '# For the prompt segment, in the order Claude Code tries them: _cb_region_sels[i] counts when',
    '# its value is one of _cb_on_words (in any case, with white space around) and no variable',
    '# named in _cb_sel_needs[i] is blank; then _cb_region_vars[i] holds the region that follows',
    '# the profile name (bedrock:eu-west-1), none when it is empty. The white space is what Claude',
    '# Code trims, Unicode\'s too: _cb_trimmed_space, a character each.',
    d.list('_cb_region_sels', selectors.map((b) => b.selector!)),
    d.list('_cb_region_vars', selectors.map((b) => b.regionVariable ?? '')),
    d.list('_cb_sel_needs', selectors.map((b) => (b.countsOnlyWith ?? []).join(' '))),
    d.list('_cb_on_words', SELECTOR_ON_WORDS),
    d.list('_cb_trimmed_space', TRIMMED_SPACE, { escape: true }),
    '# direnv: the backends that take an AWS profile, and the AWS keys that would override it.',
    d.list('_cb_aws_backends', BACKEND_SPECS.filter((b) => b.fields.awsProfile).map((b) => b.id)),
    d.list('_cb_aws_keys', [...AWS_STATIC_CREDENTIALS]),
    // How _cb_secret runs a key command: by sh, from your home directory (or /), never from the
    // directory you are in, where a repository's relative paths, node_modules/.bin or shims
    // would choose what runs.
    ...d.literalDollars('sh expands it, not this shell'),
    d.assign('_cb_keyrun', 'cd -- "${HOME:-/}" 2>/dev/null || cd / || exit 1; eval "$1"'),
    '# Where fetched secrets are kept (see _cb_secret), so cb-off and cb-reload can forget them.',
    d.list('_cb_secret_caches', plans.flatMap((p, i) => p.secrets.map((s) => `_cb_k${i}_${s.variable}`))),
    '# Directories whose markers count whoever owns them (trustedDirectories).',
    d.list('_cb_trusted_dirs', config.trustedDirectories ?? []),
    '',
    `# Prints this integration again (${prefix}-reload)${options.commandPrefix ? `, with the commands named ${prefix}-*` : ''}.`,
    ...d.func(
      '_cb_cli',
      options.commandPrefix
        ? d.withEnv('CLAUDE_HOOKS_CMD', options.commandPrefix, `${options.cli.map(d.quote).join(' ')} ${d.allArgs}`)
        : [`${options.cli.map(d.quote).join(' ')} ${d.allArgs}`],
    ),
    '# ---- end of rendered data ----',
  ];
}

/** What a cached copy compares with the shell that loads it, to tell whether that shell names
 *  another config: $CLAUDE_HOOKS_CONFIG, $XDG_CONFIG_HOME and $HOME, a line each. */
export const configEnv = (env: Record<string, string | undefined>) =>
  [env.CLAUDE_HOOKS_CONFIG ?? '', env.XDG_CONFIG_HOME ?? '', env.HOME ?? ''].join('\n');

/** Two small functions per profile: _cb_about_<name> says what it is (_cb_r: the description,
 *  _cb_b: its backend, _cb_pv: what a switch to it changes, _cb_pfetch: set when it fetches a
 *  secret; for direnv's options also _cb_region_var and _cb_aws_var: where --region and
 *  --aws-profile go); _cb_apply_<name> applies it. A function per profile, not one `case` over
 *  all: zsh parses a big `case` in quadratic time, and bash copies a function's whole body at
 *  each call. Only what the target reads is written: each line costs every shell start-up. */
function renderProfiles(d: Dialect, spec: TargetSpec, config: Config, plans: SwitchPlan[], options: RenderOptions): string[] {
  const lines = [
    '# ---- your profiles and directories, rendered by `claude-hooks init` ----',
    // At the end, with the profiles: fish spends longer on every function call the further into
    // the sourced text the function sits, so big data goes after the functions.
    '# The [directories] map: each directory and the profile for it and below.',
    ...d.table('_cb_map', config.directories.map((r) => [r.dir, r.profile] as const)),
  ];
  // A `$` in a value is literal: single quotes on purpose.
  const literal = (body: string[]) => [...(body.some((l) => l.includes('$')) ? d.literalDollars() : []), ...body];
  const shared = sharedLists(plans.flatMap((plan) => [pvOf(plan), plan.clear]));
  if (shared.size) {
    lines.push('# Lists that several profiles hold, written once: what a switch to them changes, and clears.');
    for (const [key, name] of shared) lines.push(d.list(name, JSON.parse(key) as string[]));
  }
  /** `name` set to `items`, or to the shared list that holds them. */
  const listOf = (name: string, items: string[]) => {
    const from = shared.get(JSON.stringify(items));
    return from ? d.copyList(name, from) : d.list(name, items);
  };
  config.profiles.forEach((p, i) => {
    const b = backendSpec(p.backend);
    lines.push(
      ...literal(d.func(`_cb_about_${d.identifier(p.name)}`, [
        d.assign('_cb_r', describe(p)),
        listOf('_cb_pv', pvOf(plans[i]!)),
        // Switching to it fetches a secret (a key command): bash and zsh then run its
        // _cb_apply_NAME twice, to fetch before anything changes. (_cb_about empties it first.)
        ...(plans[i]!.secrets.length ? [d.assign('_cb_pfetch', '1')] : []),
        // Its backend: completions describe a profile with it (src/commands/completion.ts).
        d.assign('_cb_b', p.backend),
        ...(spec.profileOptions ? [d.assign('_cb_region_var', b.fields.region ?? ''), d.assign('_cb_aws_var', b.fields.awsProfile ?? '')] : []),
      ])),
      ...literal(d.func(`_cb_apply_${d.identifier(p.name)}`, applyBody(d, plans[i]!, i, options.cli, shared))),
    );
  });
  if (spec.shortcuts) {
    const prefix = options.commandPrefix ?? 'cb';
    lines.push(`# One command per built-in profile: ${prefix}-bedrock is ${prefix}-use bedrock, and takes no arguments.`);
    lines.push(
      ...d.commands(
        BUILTIN_PROFILES.map((p) => ({
          name: `${prefix}-${p.name}`,
          words: ['_cb_shortcut', `${prefix}-${p.name}`, p.name],
          description: `Switch Claude Code to ${backendSpec(p.backend).label}`,
        })),
      ),
    );
  }
  return [...lines, '# ---- end of your profiles ----'];
}

/** Every variable switching to the profile changes: what it clears, sets and fetches, and ours. */
function pvOf(plan: SwitchPlan): string[] {
  return [...new Set([...plan.clear, ...plan.set.map(([name]) => name), ...plan.secrets.map((s) => s.variable)]), 'CLAUDE_HOOKS_PROFILE'];
}

/** A name for each list of names that occurs more than once (a config of many profiles of one
 *  backend repeats the same two long lists in each), keyed by its JSON. Written once and
 *  referred to, they keep the init small: 500 profiles load in a fraction of the time. */
function sharedLists(lists: string[][]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const list of lists) if (list.length) counts.set(JSON.stringify(list), (counts.get(JSON.stringify(list)) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const [key, n] of counts) if (n > 1) names.set(key, `_cb_list${names.size + 1}`);
  return names;
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

/** Clears, then sets, then fetches, then checks, through the template's helpers (_cb_drop,
 *  _cb_put, _cb_secret, _cb_need). `id` names the shell's cache of the profile's fetched
 *  secrets (profile names may hold `-`). */
function applyBody(d: Dialect, plan: SwitchPlan, id: number, cli: string[], shared: Map<string, string>): string[] {
  const lines: string[] = [];
  const clear = shared.get(JSON.stringify(plan.clear));
  if (clear) lines.push(d.callWithList('_cb_drop', clear));
  else if (plan.clear.length) lines.push(d.call('_cb_drop', plan.clear));
  for (const [name, value] of plan.set) lines.push(d.call('_cb_put', [name, value]));
  for (const secret of plan.secrets) {
    // sh runs the command in every shell, so it is quoted for sh; the line itself for this shell.
    const command =
      'command' in secret ? secret.command : inlineCommand([...cli, 'secret', secret.inline.profile, secret.inline.key].map(posixQuote).join(' '), secret.run);
    lines.push(d.call('_cb_secret', [String(id), secret.variable, secret.label, command]));
  }
  for (const r of plan.require) lines.push(d.call('_cb_need', [r.hint, ...r.anyOf]));
  return lines.length ? lines : [d.noop];
}
