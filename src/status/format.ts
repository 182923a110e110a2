import { painter } from '../colors.js';
import { displayPath } from '../profiles/config.js';
import { providerSpec } from '../profiles/backends.js';
import { MODEL_VARS } from '../profiles/managed.js';
import { PROVIDER_NAMES, type Finding } from './findings.js';
import type { AnthropicProfile } from './anthropic-profile.js';
import type { Credential } from './auth.js';
import { isOn, type Origin, type Prediction } from './predict.js';
import { inline } from '../sanitize.js';
import { maskSecrets } from '../secrets.js';

type Env = Record<string, string | undefined>;
type Paint = ReturnType<typeof painter>;

/** A command shown to people: any secret written into it is masked. */
export function maskCommand(command: string): string {
  return maskSecrets(command);
}

export function originText(o: Origin, env: Env): string {
  if (o.kind === 'shell') return 'your shell';
  return o.level === 'global' ? `global config ${inline(displayPath(o.path, env))}` : `${o.level} settings ${inline(displayPath(o.path, env))}`;
}

/** The version of the prediction that `status --json` prints: documented in docs/status.md. */
export function statusJson(p: Prediction, env: Env) {
  return {
    schemaVersion: 1,
    dir: p.dir,
    provider: p.provider,
    providerVariable: p.providerVariable,
    selectorsOn: p.selectorsOn,
    authMethod: p.authMethod,
    apiKeySource: p.apiKeySource,
    apiKeyHelper: p.apiKeyHelper && { ...p.apiKeyHelper, command: maskCommand(p.apiKeyHelper.command) },
    region: regionJson(p),
    credential: p.credential,
    models: Object.fromEntries(MODEL_VARS.filter((m) => p.variables[m]).map((m) => [m, p.variables[m]])),
    variables: p.variables,
    overrides: p.overrides,
    settings: p.settings.map((s) => ({ level: s.level, path: s.path, state: s.state, problem: s.problem ?? null })),
    claudeHooksProfile: env.CLAUDE_HOOKS_PROFILE ?? null,
  };
}

/** The AWS backends: the region Claude Code signs for, always (its default included); the
 *  others: their region variable when set. */
function regionJson(p: Prediction) {
  const variable = providerSpec(p.provider).regionVariable ?? null;
  if (variable === 'AWS_REGION' && p.bedrockRegion) {
    const r = p.bedrockRegion;
    if (r.source.kind === 'variable') return { variable: r.source.name, value: r.region, origin: p.variables[r.source.name]?.origin ?? { kind: 'shell' } };
    return { variable: null, value: r.region, origin: r.source };
  }
  return variable && p.variables[variable] ? { variable, ...p.variables[variable] } : null;
}

/** What authenticates, in words: a secret only masked. */
export function credentialText(c: Credential | null, env: Env): string {
  if (c === null) return 'nothing: Claude Code will ask you to log in';
  switch (c.kind) {
    case 'variable':
      return `${c.name} ${c.masked}`;
    case 'apiKeyHelper':
      return `apiKeyHelper (${inline(maskCommand(c.helper.command))}), from ${inline(displayPath(c.helper.path, env))}`;
    case 'claude.ai':
      return `claude.ai login${c.subscription ? ` (${c.subscription})` : ''}, in ${inline(displayPath(c.path, env))}`;
    case 'login-key':
      return `the key of a /login to the Anthropic Console, in ${inline(displayPath(c.path, env))}`;
    case 'anthropic-profile':
      return profileText(c.profile, env);
  }
}

/** An Anthropic profile, in words: its name and file are outside text, escaped to one line. */
function profileText(p: AnthropicProfile, env: Env): string {
  if (p.via === 'federation') return 'workload identity federation (ANTHROPIC_FEDERATION_RULE_ID and ANTHROPIC_ORGANIZATION_ID)';
  const kind = p.type === 'oidc_federation' ? 'workload identity federation' : 'OAuth login';
  const chosen = p.via === 'ANTHROPIC_PROFILE' ? 'named by ANTHROPIC_PROFILE' : 'the active one';
  return `Anthropic profile ${inline(p.name ?? '')} (${kind}, ${chosen}), in ${inline(displayPath(p.path ?? '', env))}`;
}

/** Columns padded to the longest cell (colour codes aside); the last column is not padded. */
function rows(table: string[][], indent = '  '): string[] {
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => visible(r[i] ?? '')))) ?? [];
  return table.map((r) => indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell)))).join('  '));
}

export function statusText(p: Prediction, env: Env, paint: Paint): string {
  // Paths, values and problems come from outside: each is escaped to one line (sanitize.ts).
  const lines: string[] = [];
  const via = p.providerVariable ? `${p.providerVariable}=${inline(p.variables[p.providerVariable]!.value)}, from ${originText(p.variables[p.providerVariable]!.origin, env)}` : p.variables.CLAUDE_CODE_USE_GATEWAY && isOn(p.variables.CLAUDE_CODE_USE_GATEWAY.value) ? 'CLAUDE_CODE_USE_GATEWAY is on, but ignored without ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN' : 'no CLAUDE_CODE_USE_* is on';
  lines.push(`${paint('bold', 'Claude Code')} in ${inline(displayPath(p.dir, env))} will use ${paint('bold', PROVIDER_NAMES[p.provider])} (${via})`);
  const key =
    p.apiKeySource === 'ANTHROPIC_API_KEY'
      ? `ANTHROPIC_API_KEY ${inline(p.variables.ANTHROPIC_API_KEY!.value)}, from ${originText(p.variables.ANTHROPIC_API_KEY!.origin, env)}`
      : p.apiKeySource === 'apiKeyHelper'
        ? `apiKeyHelper (${inline(maskCommand(p.apiKeyHelper!.command))}), from ${inline(displayPath(p.apiKeyHelper!.path, env))}`
        : p.apiKeySource === '/login managed key'
          ? `/login managed key, in ${inline(displayPath(p.globalConfig.path, env))}`
          : 'none';
  const summary: Array<[string, string]> = [
    ['auth', p.provider === 'firstParty' ? `${p.authMethod}: ${credentialText(p.credential, env)}` : p.authMethod],
    ['key source', p.provider === 'firstParty' || p.apiKeySource === null ? key : `${key} (${paint('yellow', notUsed(p))})`],
  ];
  summary.unshift(['provider', `${p.provider} (as claude auth status says it)`]);
  if (providerSpec(p.provider).regionVariable === 'AWS_REGION') summary.push(['region', bedrockRegionText(p, env)]);
  if (env.CLAUDE_HOOKS_PROFILE) summary.push(['profile', `${inline(env.CLAUDE_HOOKS_PROFILE)} (claude-hooks${env.CLAUDE_HOOKS_DIRENV ? ', from direnv' : ''})`]);
  lines.push(...rows(summary));
  lines.push('', paint('bold', 'variables Claude Code reads'));
  const vars = Object.entries(p.variables).map(([name, v]): [string, string] => [`${name}=${v.value === '' ? "''" : inline(v.value)}`, paint('dim', originText(v.origin, env))]);
  lines.push(...(vars.length ? rows(vars) : ['  (none set)']));
  lines.push('', paint('bold', 'settings files, strongest first'));
  lines.push(
    ...rows(
      p.settings.map((s): string[] => {
        const state = s.state === 'ok' ? paint('green', 'read') : s.state === 'missing' ? paint('dim', 'not there') : paint('red', `ignored: ${inline(s.problem ?? '')}`);
        return [s.level, inline(displayPath(s.path, env)), state];
      }),
    ),
  );
  if (p.overrides.length) lines.push('', paint('yellow', `${p.overrides.length} variable(s) set by a settings file, which no switch can change: see claude-hooks doctor`));
  return lines.join('\n') + '\n';
}

function bedrockRegionText(p: Prediction, env: Env): string {
  const r = p.bedrockRegion;
  if (!r) return 'none';
  const skipped = r.ignored.length ? ` (${r.ignored.join(' and ')} passed over: not a region)` : '';
  if (r.source.kind === 'variable') return `${r.region}, from ${r.source.name}${skipped}`;
  if (r.source.kind === 'aws-config') return `${r.region}, from profile ${inline(r.source.profile)} in ${inline(displayPath(r.source.path, env))}${skipped}`;
  return `${r.region}, Claude Code's default (no AWS_REGION, AWS_DEFAULT_REGION or region in your AWS profile)${skipped}`;
}

/** Why a key source outside Anthropic mode matters anyway. */
function notUsed(p: Prediction): string {
  if (p.provider !== 'bedrock') return `not used by ${PROVIDER_NAMES[p.provider]}`;
  return p.apiKeySource === 'apiKeyHelper' ? 'Bedrock does not use it, but the helper still runs' : 'Bedrock does not use it, but Claude Code 2.1.197 sends it along: see claude-hooks doctor';
}

const MARK = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

export function doctorText(found: Finding[], paint: Paint): string {
  if (found.length === 0) return `${paint('green', 'ok')}  nothing wrong found\n`;
  const width = Math.max(...found.map((f) => f.severity.length));
  return (
    found
      .map((f) => `${paint(MARK[f.severity], f.severity.padEnd(width))}  ${f.message}\n${' '.repeat(width)}  ${paint('dim', 'fix:')} ${f.fix}`)
      .join('\n') + '\n'
  );
}
