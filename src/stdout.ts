import { writeSync } from 'node:fs';

/** Writes `text` to standard output before returning. `init` runs at every shell start-up, and
 *  process.stdout builds a stream on first use (about 2 ms here, a third of what init adds to
 *  starting node). A non-blocking stdout that is full answers EAGAIN: the rest then goes
 *  through process.stdout, which waits for it. A reader that went away (EPIPE) wants no more. */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw err;
    process.stdout.write(bytes.subarray(done));
  }
}
