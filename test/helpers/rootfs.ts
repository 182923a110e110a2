// A .claude-backend at / itself, seen by one command only: the command runs in a private mount
// namespace, chrooted into an overlay of / that holds the marker (/tmp, /proc and /dev are the
// real ones, so the sandbox and its dumps are shared). The real / is never written, so tests
// running beside it see nothing. Needs root with CAP_SYS_ADMIN (unshare, overlayfs, chroot).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from './sandbox.js';

// $1 the marker's text file, $2 the mount point to use, $3 the directory to start in, then the command.
const WRAP = [
  'set -e',
  'm=$2',
  'mount -t tmpfs claude-hooks-test "$m"',
  'mkdir "$m/upper" "$m/work" "$m/root"',
  'mount -t overlay claude-hooks-test -o lowerdir=/,upperdir="$m/upper",workdir="$m/work" "$m/root"',
  'cp "$1" "$m/root/.claude-backend"',
  'mount --bind /tmp "$m/root/tmp"',
  'mount --rbind /proc "$m/root/proc"',
  'mount --rbind /dev "$m/root/dev"',
  'dir=$3',
  'shift 3',
  'exec chroot "$m/root" /bin/sh -c \'cd "$0" && exec "$@"\' "$dir" "$@"',
].join('\n');

let counter = 0;

/** The argv prefix that runs a command with `text` in /.claude-backend, starting in `cwd`. */
export function withMarkerAtRoot(sb: Sandbox, text: string, cwd: string): string[] {
  const id = ++counter;
  const file = join(sb.root, `root-marker-${id}`);
  writeFileSync(file, text);
  const mount = join(sb.root, `rootfs-${id}`);
  mkdirSync(mount);
  return ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', WRAP, 'sh', file, mount, cwd];
}

let can: boolean | undefined;

/** Whether this machine lets a test put a marker at / that way: root, unshare and overlayfs.
 *  Where it cannot, the tests that need it are skipped with a visible message. */
export function canMarkRoot(): boolean {
  can ??= probe();
  if (!can) console.warn('\n  SKIPPING the tests of a marker at /: they need root, unshare and overlayfs to give one command a private /\n');
  return can;
}

function probe(): boolean {
  if (process.getuid?.() !== 0) return false;
  const d = mkdtempSync(join(tmpdir(), 'claude-hooks-rootfs-'));
  try {
    const script = 'mount -t tmpfs t "$0" && mkdir "$0/u" "$0/w" "$0/r" && mount -t overlay t -o lowerdir=/,upperdir="$0/u",workdir="$0/w" "$0/r"';
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, d], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
}
