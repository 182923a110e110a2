import { writeSync } from 'node:fs';

/** Writes `text` to standard output before returning. `init` runs at every shell start-up, and
 *  process.stdout builds a stream on first use (about 2 ms here, a third of what init adds to
 *  starting node). A non-blocking stdout that is full answers EAGAIN: the rest then goes
 *  through process.stdout, which waits for it. A reader that went away (EPIPE) wants no more. */
/** Once: a reader of process.stdout that went away (`claude-hooks profiles | head -1`) wants
 *  no more. Stop quietly, as a Unix tool does, rather than with Node's trace for an unhandled
 *  EPIPE (exit 1). */
let guarded = false;
export function quietOnClosedStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

export function writeStdout(text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw err;
    quietOnClosedStdout();
    process.stdout.write(bytes.subarray(done));
  }
}
