// doctor --live: ask the real tools, with a timeout, and compare with the prediction.
import { execa } from 'execa';
import type { Finding } from './findings.js';
import type { Prediction } from './predict.js';

async function run(cmd: string, args: string[], cwd: string, timeout: number) {
  return execa(cmd, args, { cwd, timeout, reject: false, stdin: 'ignore' });
}

export async function liveFindings(p: Prediction, timeoutMs = 15_000): Promise<Finding[]> {
  const out: Finding[] = [];
  const claude = await run('claude', ['auth', 'status', '--json'], p.dir, timeoutMs);
  if (claude.failed && (claude as { code?: string }).code === 'ENOENT') {
    out.push({ id: 'live-claude-missing', severity: 'info', message: '`claude` is not on PATH: nothing to compare with', fix: 'install Claude Code, or ignore this' });
  } else if (claude.timedOut) {
    out.push({ id: 'live-claude-timeout', severity: 'warning', message: `\`claude auth status\` did not answer in ${timeoutMs / 1000} s`, fix: 'run it by hand to see why' });
  } else {
    try {
      const said = JSON.parse(String(claude.stdout)) as { apiProvider?: string; apiKeySource?: string };
      const theirs = `${said.apiProvider}/${said.apiKeySource ?? 'none'}`;
      const ours = `${p.provider}/${p.apiKeySource ?? 'none'}`;
      if (theirs === ours) out.push({ id: 'live-claude-agrees', severity: 'info', message: `claude auth status agrees: ${theirs}`, fix: 'nothing to do' });
      else out.push({ id: 'live-claude-disagrees', severity: 'error', message: `claude auth status says ${theirs}, claude-hooks predicted ${ours}`, fix: 'please report this with both outputs: Claude Code may read something new' });
    } catch {
      out.push({ id: 'live-claude-unreadable', severity: 'warning', message: '`claude auth status` printed no JSON (an old Claude Code?)', fix: 'update Claude Code' });
    }
  }
  if (p.provider === 'bedrock') {
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
