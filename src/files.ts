import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** Writes `content` to `path` through a temporary file beside it and a rename, so that a reader
 *  (or a crash) sees the old file or the new one, never half of either. An existing file keeps
 *  its mode, unless `forceMode`; a new one is private (0600: what we write may hold user data).
 *  Returns false, touching no byte, when the file already holds exactly `content`.
 *  With `create`, the file must not exist: a link takes the place of the rename, so a file
 *  that appears meanwhile is never replaced (the error is EEXIST). */
export async function writeFileAtomic(path: string, content: string, defaultMode = 0o600, create = false, forceMode = false): Promise<boolean> {
  let mode = defaultMode;
  try {
    const current = await readFile(path, 'utf8');
    const currentMode = (await stat(path)).mode & 0o7777;
    if (current === content) {
      if (forceMode && currentMode !== mode) await chmod(path, mode);
      return false;
    }
    if (!forceMode) mode = currentMode;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { mode, flag: 'wx' });
    await chmod(temp, mode); // the umask may have taken bits off
    if (create) await link(temp, path);
    else await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
  return true;
}
