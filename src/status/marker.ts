import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest .claude-backend from `dir` up, read the way the shell hook reads it: the first
 *  line, without a byte-order mark, a trailing \r or surrounding blanks. */
export function readMarker(dir: string): { path: string; profile: string } | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const path = join(d, '.claude-backend');
    try {
      if (statSync(path).isFile()) return { path, profile: firstLine(path) };
    } catch {
      // not here: go up
    }
    if (dirname(d) === d) return undefined;
  }
}

function firstLine(path: string): string {
  // A marker is one word; reading a bounded prefix keeps a huge file from costing anything.
  const buf = Buffer.alloc(4096);
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, buf, 0, buf.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
  const line = buf.subarray(0, n).toString('utf8').split('\n')[0] ?? '';
  return line.replace(/^\ufeff/, '').replace(/\r$/, '').trim();
}
