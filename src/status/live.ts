// Ask the real tools, with a timeout, and compare with the prediction. `doctor` (and
// `status --verify`) asks the user's own `claude auth status`, offline, with stdin closed;
// `doctor --live` also asks `aws sts get-caller-identity`, which goes to AWS.
import { execa } from 'execa';
import { providerSpec } from '../profiles/backends.js';
import type { Finding } from './findings.js';
import type { Prediction } from './predict.js';

type Env = Record<string, string | undefined>;

async function run(cmd: string, args: string[], cwd: string, timeout: number, env?: Env) {
  return execa(cmd, args, { cwd, timeout, reject: false, stdin: 'ignore', ...(env ? { env } : {}) });
}

/** What the user's own Claude Code says, against the prediction. */
export interface Verdict {
  /** `2.1.332`, or null when `claude --version` said nothing we could read. */
  claudeVersion: string | null;
  theirs: { apiProvider: string; apiKeySource: string | null; authMethod: string | null };
  ours: { apiProvider: string; apiKeySource: string | null; authMethod: string };
  agrees: boolean;
}

/** Claude Code's global config, where Claude Code itself looks for it (predict read it:
 *  ~/.claude.json, or .claude.json in $CLAUDE_CONFIG_DIR, or a legacy .config.json there): it
 *  exists once Claude Code has run for this user. Before, even `claude auth status` writes it,
 *  and asking must not write anything. (~/.claude.json alone is not enough: with
 *  CLAUDE_CONFIG_DIR set, claude writes a new .claude.json and a backups directory there.) */
function claudeHasRun(p: Prediction): boolean {
  return p.globalConfig.state !== 'missing';
}

/** Asks `claude auth status` in the prediction's directory. `explicit`: the user asked for it
 *  (--verify, --live), so say why when it cannot be asked; otherwise stay quiet then. */
export async function verifyWithClaude(p: Prediction, explicit: boolean, timeoutMs = 15_000, env: Env = process.env): Promise<{ finding?: Finding; verdict?: Verdict }> {
  if (!claudeHasRun(p)) {
    return explicit
      ? { finding: { id: 'live-claude-skipped', severity: 'info', message: 'Claude Code has not run for this user yet: not asked (its first run writes ~/.claude.json)', fix: 'run claude once, then ask again' } }
      : {};
  }
  // Offline: no update check, no telemetry, nothing but the answer.
  const quiet = { ...env, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' };
  const [claude, version] = await Promise.all([
    run('claude', ['auth', 'status', '--json'], p.dir, timeoutMs, quiet),
    run('claude', ['--version'], p.dir, timeoutMs, quiet),
  ]);
  if (claude.failed && (claude as { code?: string }).code === 'ENOENT') {
    return explicit ? { finding: { id: 'live-claude-missing', severity: 'info', message: '`claude` is not on PATH: nothing to compare with', fix: 'install Claude Code, or ignore this' } } : {};
  }
  if (claude.timedOut) {
    return { finding: { id: 'live-claude-timeout', severity: 'warning', message: `\`claude auth status\` did not answer in ${timeoutMs / 1000} s`, fix: 'run it by hand to see why' } };
  }
  let said: { apiProvider?: string; apiKeySource?: string; authMethod?: string };
  try {
    said = JSON.parse(String(claude.stdout)) as typeof said;
  } catch {
    return { finding: { id: 'live-claude-unreadable', severity: 'warning', message: '`claude auth status` printed no JSON (an old Claude Code?)', fix: 'update Claude Code' } };
  }
  const claudeVersion = /(\d+\.\d+\.\d+)/.exec(String(version.stdout))?.[1] ?? null;
  const theirs = { apiProvider: String(said.apiProvider), apiKeySource: said.apiKeySource ?? null, authMethod: said.authMethod ?? null };
  const ours = { apiProvider: p.provider, apiKeySource: p.apiKeySource, authMethod: p.authMethod };
  const agrees = theirs.apiProvider === ours.apiProvider && theirs.apiKeySource === ours.apiKeySource && (theirs.authMethod === null || theirs.authMethod === ours.authMethod);
  const verdict = { claudeVersion, theirs, ours, agrees };
  const who = `Claude Code ${claudeVersion ?? '(unknown version)'}`;
  const text = (x: { apiProvider: string; apiKeySource: string | null; authMethod: string | null }) => `${x.apiProvider}/${x.apiKeySource ?? 'none'}/${x.authMethod ?? '?'}`;
  const finding: Finding = agrees
    ? { id: 'live-claude-agrees', severity: 'info', message: `${who} agrees (claude auth status): ${text(theirs)}`, fix: 'nothing to do' }
    : {
        id: 'live-claude-disagrees',
        severity: 'error',
        message: `${who} says ${text(theirs)} (claude auth status), claude-hooks predicted ${text(ours)}: trust Claude Code`,
        fix: `please report this with both outputs and your Claude Code version (${claudeVersion ?? 'claude --version'}): it may read something claude-hooks does not know yet`,
      };
  return { finding, verdict };
}

/** `doctor --live`: the AWS credentials, where the backend signs with them. */
export async function awsFindings(p: Prediction, timeoutMs = 15_000): Promise<Finding[]> {
  const out: Finding[] = [];
  if (providerSpec(p.provider).aws) {
    const aws = await run('aws', ['sts', 'get-caller-identity', '--output', 'json'], p.dir, timeoutMs);
    if (aws.failed && (aws as { code?: string }).code === 'ENOENT') {
      out.push({ id: 'live-aws-missing', severity: 'info', message: '`aws` is not on PATH: AWS credentials not checked', fix: 'install the AWS CLI to check them' });
    } else if (aws.exitCode === 0) {
      const who = (JSON.parse(String(aws.stdout)) as { Arn?: string }).Arn ?? 'unknown';
      out.push({ id: 'live-aws-ok', severity: 'info', message: `AWS credentials work: ${who}`, fix: 'nothing to do' });
    } else {
      const why = String(aws.stderr).trim().split('\n').pop() ?? '';
      out.push({ id: 'live-aws-failed', severity: 'error', message: `aws sts get-caller-identity failed: ${why}`, fix: 'sign in (aws sso login --profile ...) or fix the AWS profile' });
    }
  }
  return out;
}
