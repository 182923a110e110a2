import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';
import fse from 'fs-extra';

/** Writes `content` to `path` through a temporary file beside it and a rename, so that a reader
 *  (or a crash) sees the old file or the new one, never half of either. An existing file keeps
 *  its mode, unless `forceMode`; a new one is private (0600: what we write may hold user data).
 *  Returns false, touching no byte, when the file already holds exactly `content`.
 *  With `create`, the file must not exist: a link takes the place of the rename, so a file
 *  that appears meanwhile is never replaced (the error is EEXIST). */
export async function writeFileAtomic(path: string, content: string, defaultMode = 0o600, create = false, forceMode = false): Promise<boolean> {
  let mode = defaultMode;
  try {
    const current = await fse.readFile(path, 'utf8');
    const currentMode = (await fse.stat(path)).mode & 0o7777;
    if (current === content) {
      if (forceMode && currentMode !== mode) await fse.chmod(path, mode);
      return false;
    }
    if (!forceMode) mode = currentMode;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await fse.ensureDir(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fse.writeFile(temp, content, { mode, flag: 'wx' });
    await fse.chmod(temp, mode); // the umask may have taken bits off
    if (create) await fse.link(temp, path);
    else await fse.rename(temp, path);
  } finally {
    await fse.remove(temp);
  }
  return true;
}
