import { dirname, join, basename, resolve } from 'node:path';
import { chmod, link, lstat, mkdir, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { InputError } from './errors.js';
import { readBounded } from './status/read-bounded.js';

/** The most we read of a user's file we are about to change (a start-up file, an .envrc). */
const USER_FILE_LIMIT = 64 * 1024 * 1024;

/**
 * The bytes of the file at `path` (a symlink followed), or undefined when there is none; read
 * without ever blocking. Anything but a regular file (a FIFO, a device, a directory, a socket)
 * is refused with one line naming it, `who` in front: a plain read of a FIFO would wait for a
 * writer forever, and /dev/zero would never end. Other errors keep their code (EACCES...).
 */
export function readRegularFile(path: string, who: string): Buffer | undefined {
  const read = readBounded(path, USER_FILE_LIMIT);
  switch (read.kind) {
    case 'missing':
      return undefined;
    case 'bytes':
      return read.bytes;
    case 'not-a-file':
      throw new InputError(`${who}${path} is ${read.what}; expected a regular file`);
    case 'too-large':
      throw new InputError(`${who}${path} is larger than ${USER_FILE_LIMIT} bytes; expected a start-up file`);
    case 'unreadable':
      throw Object.assign(new Error(`${who}cannot read ${path} (${read.code})`), { code: read.code });
  }
}

/** The file a path names in the end: a symlink (stow, chezmoi, home-manager keep dotfiles that
 *  way) is followed, hop by hop, even to a target that does not exist yet, so that we write
 *  the file the link points at and the link stays a link. */
export async function linkTarget(path: string): Promise<string> {
  let at = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let info;
    try {
      info = await lstat(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return at;
      throw err;
    }
    if (!info.isSymbolicLink()) return at;
    at = resolve(dirname(at), await readlink(at));
  }
  throw new InputError(`${path}: too many levels of symbolic links`);
}

/** Writes `content` to `path` through a temporary file beside it and a rename, so that a reader
 *  (or a crash) sees the old file or the new one, never half of either. A symlink is written
 *  through, to its target, and stays. An existing file keeps its mode, unless `forceMode`; a new
 *  one is private (0600: what we write may hold user data). Content is compared and written as
 *  bytes. Returns false, touching no byte, when the file already holds exactly `content`.
 *  With `create`, the file must not exist: a link takes the place of the rename, so a file
 *  that appears meanwhile is never replaced (the error is EEXIST). */
export async function writeFileAtomic(path: string, content: string | Uint8Array, defaultMode = 0o600, create = false, forceMode = false): Promise<boolean> {
  const target = await linkTarget(path);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  let mode = defaultMode;
  // Never a blocking read: the target may be a FIFO (refused, like any other non-file).
  const current = readRegularFile(target, '');
  if (current !== undefined) {
    const currentMode = (await stat(target)).mode & 0o7777;
    if (current.equals(bytes)) {
      if (forceMode && currentMode !== mode) await chmod(target, mode);
      return false;
    }
    if (!forceMode) mode = currentMode;
  }
  await mkdir(dirname(target), { recursive: true });
  // Unique enough for a name opened with O_EXCL ('wx' below: a clash fails, never clobbers).
  // Not node:crypto, whose loading was 5 ms of the 37 of `init --cache` (CPU profile).
  const unique = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const temp = join(dirname(target), `.${basename(target)}.${unique}.tmp`);
  try {
    await writeFile(temp, bytes, { mode, flag: 'wx' });
    await chmod(temp, mode); // the umask may have taken bits off
    if (create) await link(temp, target);
    else await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
  return true;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `fn` while holding a lock on `path` (a file beside it, made with O_EXCL), so that two
 *  runs changing the same file (two terminals running setup at once) take turns: the second
 *  reads what the first wrote. A lock whose process is gone, or older than a minute, is stale. */
export async function withFileLock<T>(path: string, what: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(dirname(path), `.${basename(path)}.claude-hooks.lock`);
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let stale = false;
    try {
      // A lock that is no regular file (a FIFO) is refused, not read: that would block.
      const bytes = readRegularFile(lock, `${what}: the lock `);
      if (bytes === undefined) continue; // gone meanwhile: try again at once
      const text = bytes.toString('utf8');
      const info = await stat(lock);
      const pid = Number.parseInt(text, 10);
      stale = (text.endsWith('\n') && Number.isInteger(pid) && pid > 0 && !alive(pid)) || Date.now() - info.mtimeMs > 60_000;
    } catch (err) {
      if (err instanceof InputError) throw err;
      continue; // gone meanwhile: try again at once
    }
    if (stale) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new InputError(`${what}: another claude-hooks is changing ${path} (it holds ${lock}); try again, or remove that file if no claude-hooks is running`);
    await sleep(20 + Math.random() * 30);
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}
