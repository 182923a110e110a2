import { execFileSync } from 'node:child_process';

/** Whether a tool the tests need is here and works (`probe` runs it). Under CI=true a missing
 *  tool fails the run; locally the tests that need it are skipped with a visible message. */
export function requireTool(tool: string, probe: string[] = ['sh', '-c', `command -v ${tool}`]): boolean {
  try {
    execFileSync(probe[0]!, probe.slice(1), { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error(`${tool} is missing or does not work here, and CI=true requires it`);
    console.warn(`\n  SKIPPING tests that need ${tool}: it is missing or does not work here\n`);
    return false;
  }
}

/** Whether this process may make a private mount namespace and mount in it (root with
 *  CAP_SYS_ADMIN): the read-only and full-disk cases need one. */
export function canUnshare(): boolean {
  try {
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs t /mnt'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
