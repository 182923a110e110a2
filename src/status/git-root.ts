// Where Claude Code reads .claude/settings.local.json from besides the working directory: the
// root of the git repository around it (checked against 2.1.332; see docs/status.md):
// - the nearest parent with a `.git` entry that is a directory or a regular file (a symlink
//   followed); a FIFO, socket or device named .git is passed over and the search goes on up
//   (measured: test/attack-cli-2.status.test.ts). git itself is not run, so neither PATH nor
//   safe.directory matters;
// - in a linked worktree (`.git` is a file `gitdir: <main>/.git/worktrees/<name>` with a
//   `commondir`), the MAIN checkout's root, not the worktree's;
// - only when the root directory, its `.git` and its `.claude` belong to the user running
//   Claude Code (a link's own owner counts, not its target's): a repository somebody else owns
//   cannot slip settings in above you.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readPrefix } from './read-bounded.js';

/** The nearest directory at or above `dir` whose `.git` is a directory or a file, or null. */
export function nearestGitDir(dir: string): string | null {
  let here = dir;
  for (;;) {
    try {
      const st = statSync(join(here, '.git'));
      if (st.isDirectory() || st.isFile()) return here;
    } catch {
      // not here: go up
    }
    const up = dirname(here);
    if (up === here) return null;
    here = up;
  }
}

/** The repository's canonical root: the main checkout for a linked worktree. */
export function canonicalGitRoot(dir: string): string | null {
  const root = nearestGitDir(dir);
  if (root === null) return null;
  try {
    const dotGit = join(root, '.git');
    if (!statSync(dotGit).isFile()) return root;
    // Both files are the repository's, which may be hostile: only their start is read, and
    // never from a FIFO or a device (a commondir that is /dev/zero or a FIFO would hang status;
    // Claude Code 2.1.332 takes the checkout itself as the root then, as we do).
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(readPrefix(dotGit, 4096)?.toString('utf8') ?? '');
    if (!m) return root;
    const gitDir = resolve(root, m[1]!);
    const commondir = readPrefix(join(gitDir, 'commondir'), 4096);
    if (commondir === null) return root;
    const common = resolve(gitDir, commondir.toString('utf8').trim());
    return basename(common) === '.git' ? dirname(common) : root;
  } catch {
    return root; // no gitdir, no commondir (a --separate-git-dir checkout): the checkout itself
  }
}

/** Whether `path` itself belongs to `uid`: a symbolic link's own owner, not its target's, as
 *  2.1.332 asks (a .claude link of yours to somebody else's directory is read, one of somebody
 *  else's to yours is not: test/status-git-owner-links.test.ts). */
function ownedBy(path: string, uid: number): boolean {
  try {
    return lstatSync(path).uid === uid;
  } catch {
    return false;
  }
}

/**
 * The settings.local.json of the repository root that Claude Code adds above the working
 * directory's own, or null when there is none to add (no repository, the root is the working
 * directory, or somebody else owns it).
 */
export function repositoryLocalSettings(dir: string, uid = process.getuid?.() ?? -1): string | null {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return null;
  }
  const root = canonicalGitRoot(real);
  if (root === null || root === real) return null;
  if (![root, join(root, '.git'), join(root, '.claude')].every((p) => ownedBy(p, uid))) return null;
  return join(root, '.claude', 'settings.local.json');
}
