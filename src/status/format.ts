import { painter } from '../colors.js';
import { displayPath } from '../profiles/config.js';
import { providerSpec } from '../profiles/backends.js';
import { MODEL_VARS } from '../profiles/managed.js';
import { PROVIDER_NAMES, type Finding } from './findings.js';
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
  return o.kind === 'shell' ? 'your shell' : `${o.level} settings ${inline(displayPath(o.path, env))}`;
}

/** The version of the prediction that `status --json` prints: documented in docs/status.md. */
export function statusJson(p: Prediction, env: Env) {
  const region = providerSpec(p.provider).regionVariable ?? null;
  return {
    schemaVersion: 1,
    dir: p.dir,
    provider: p.provider,
    providerVariable: p.providerVariable,
    selectorsOn: p.selectorsOn,
    authMethod: p.authMethod,
    apiKeySource: p.apiKeySource,
    apiKeyHelper: p.apiKeyHelper && { ...p.apiKeyHelper, command: maskCommand(p.apiKeyHelper.command) },
    region: region && p.variables[region] ? { variable: region, ...p.variables[region] } : null,
    models: Object.fromEntries(MODEL_VARS.filter((m) => p.variables[m]).map((m) => [m, p.variables[m]])),
    variables: p.variables,
    overrides: p.overrides,
    settings: p.settings.map((s) => ({ level: s.level, path: s.path, state: s.state, problem: s.problem ?? null })),
    claudeHooksProfile: env.CLAUDE_HOOKS_PROFILE ?? null,
  };
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
        : 'none';
  const summary: Array<[string, string]> = [
    ['auth', p.authMethod],
    ['key source', p.provider === 'firstParty' || p.apiKeySource === null ? key : `${key} (${paint('yellow', notUsed(p))})`],
  ];
  summary.unshift(['provider', `${p.provider} (as claude auth status says it)`]);
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
