// Each command's module is bundled into a file of its own (scripts/build.mjs), each with its own
// copy of this class: `instanceof` asks for the mark, so an InputError from any copy is one.
const MARK = Symbol.for('claude-hooks.InputError');

/** Bad input from the user (argument, config file, marker): one line, exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  readonly [MARK] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARK] === true;
  }
}

/** A file system error (EROFS, ENOSPC, EACCES...) as one line for the user, `what (CODE)`;
 *  anything else (a bug) as it was, with its trace. */
export function asInputError(err: unknown, what: string): unknown {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new InputError(`${what} (${code})`) : err;
}
