import { closeSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROFILE_NAME } from '../profiles/schema.js';

/** Why a marker that is there cannot be used. Its content is never returned: it may be the
 *  first line of whatever file a symlinked marker points at. */
/** The marker's name, how much of its first line counts, and the byte-order mark dropped from
 *  its start: the shells read markers by the same facts, rendered into them. */
export const MARKER_FILE = '.claude-backend';
export const MARKER_READ_CHARS = 256;
export const BOM = '\ufeff';
/** What is trimmed around the name (ASCII blanks only: a shell's [[:space:]] would take Unicode's
 *  too, in a UTF-8 locale only). A NUL ends the first line, as a newline does. */
export const MARKER_BLANKS = ' \t\v\f\r';
const AROUND_BLANKS = new RegExp(`^[${MARKER_BLANKS}]+|[${MARKER_BLANKS}]+$`, 'g');

export type MarkerProblem = 'foreign-owner' | 'empty' | 'unreadable' | 'not-a-name';

export interface Marker {
  path: string;
  /** A profile name ([a-z0-9][a-z0-9_-]*, at most 64), or '' when there is a problem. */
  profile: string;
  problem?: MarkerProblem;
}

/** What each problem means, for a message: `${path} ${MARKER_PROBLEMS[problem]}`. */
export const MARKER_PROBLEMS: Record<MarkerProblem, string> = {
  'foreign-owner': 'is owned by another user: only your own markers count (or those under trustedDirectories in your config)',
  empty: 'is empty',
  unreadable: 'cannot be read',
  'not-a-name': 'does not hold a profile name',
};

/** The nearest .claude-backend from `dir` up, judged the way the shell hooks judge it
 *  (docs/security.md, "Markers"): the nearest regular file (symlinks followed) governs; it
 *  counts only when you own it (as root: root does), and, when it is a link, the directory it
 *  sits in too, or it is under one of `trusted` (as git's safe.directory); it is read only when
 *  it has a size (the pseudo-files of /proc have none), at most 256 characters of its first line (up to a newline or a NUL), without a byte-order mark or
 *  the blanks around it (MARKER_BLANKS); and that must be a profile name. FIFOs, devices and
 *  sockets are passed over, as a read could wait for ever. */
export function readMarker(dir: string, trusted: readonly string[] = []): Marker | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const path = join(d, MARKER_FILE);
    let st: Stats | undefined;
    try {
      st = statSync(path);
    } catch {
      // not here: go up
    }
    if (st?.isFile()) return judge(path, st, trusted.some((t) => d === t || d.startsWith(t.endsWith('/') ? t : t + '/')));
    if (dirname(d) === d) return undefined;
  }
}

function judge(path: string, { size, uid }: Stats, trusted: boolean): Marker {
  if (!trusted && (!mine(uid) || (isLink(path) && !mine(ownerOf(dirname(path)))))) return { path, profile: '', problem: 'foreign-owner' };
  if (size === 0) return { path, profile: '', problem: 'empty' };
  const line = firstLine(path);
  if (line === undefined) return { path, profile: '', problem: 'unreadable' };
  if (line === '') return { path, profile: '', problem: 'empty' };
  if (!PROFILE_NAME.test(line)) return { path, profile: '', problem: 'not-a-name' };
  return { path, profile: line };
}

const mine = (uid: number | undefined) => uid === process.geteuid?.();

/** A link counts only in a directory of yours too: its target's owner is yours whoever made the
 *  link, and another user may link to a marker of yours from a directory of theirs. (The shells
 *  cannot ask who owns a link without a process; they ask who owns its directory, as here.) */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function ownerOf(dir: string): number | undefined {
  try {
    return statSync(dir).uid;
  } catch {
    return undefined;
  }
}

function firstLine(path: string): string | undefined {
  // 256 characters are at most 1,024 bytes of UTF-8.
  const buf = Buffer.alloc(MARKER_READ_CHARS * 4);
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, buf, 0, buf.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const line = [...(buf.subarray(0, n).toString('utf8').split(/[\n\0]/)[0] ?? '')].slice(0, MARKER_READ_CHARS).join('');
  return (line.startsWith(BOM) ? line.slice(BOM.length) : line).replace(AROUND_BLANKS, '');
}
