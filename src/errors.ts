/** Bad input from the user (argument, config file, marker): one line, exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
}
