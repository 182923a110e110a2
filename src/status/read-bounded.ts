// Reading a file somebody else may have put there (a settings file in a cloned repository, a
// config in a home directory) without ever blocking: stat first, refuse anything that is not a
// regular file (a FIFO would block a plain read forever, /dev/zero would never end), open
// non-blocking, check again on the open descriptor, and read at most `limit` + 1 bytes.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

export type BoundedRead =
  | { kind: 'missing' }
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'unreadable'; code: string };

function what(st: import('node:fs').Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function readBounded(path: string, limit: number): BoundedRead {
  let fd: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { kind: 'not-a-file', what: what(st) };
    if (st.size > limit) return { kind: 'too-large', size: st.size };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    // ENOTDIR: a path component is a file; ELOOP: a symlink loop. Neither has a file to read.
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code };
  }
  try {
    // The path may have been swapped between stat and open: check the descriptor we hold.
    const st = fstatSync(fd);
    if (!st.isFile()) return { kind: 'not-a-file', what: what(st) };
    const buf = Buffer.alloc(Math.min(st.size, limit) + 1);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > limit) return { kind: 'too-large', size: n };
    return { kind: 'bytes', bytes: buf.subarray(0, n) };
  } catch (err) {
    return { kind: 'unreadable', code: (err as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    closeSync(fd);
  }
}

/** At most the first `limit` bytes of a regular file (a symlink followed), read without
 *  blocking; null when there is no regular file there (missing, a FIFO, a device, a directory)
 *  or it cannot be read. For a file whose start is all we need (a `.git` file's gitdir line). */
export function readPrefix(path: string, limit: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch {
    return null;
  }
  try {
    if (!fstatSync(fd).isFile()) return null;
    const buf = Buffer.alloc(limit);
    let n = 0;
    while (n < limit) {
      const got = readSync(fd, buf, n, limit - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
