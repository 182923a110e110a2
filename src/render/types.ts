export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ShellName = (typeof SHELLS)[number];

/** What `init` can print for: the three shells, and direnv's stdlib (bash, in direnv's own process). */
export const TARGETS = [...SHELLS, 'direnv'] as const;
export type Target = (typeof TARGETS)[number];

export interface UserCommand {
  name: string;
  words: readonly string[];
  description?: string;
}

/** A shell's syntax for the building blocks the renderer writes data with. A dialect knows
 *  nothing of the templates: the renderer (render.ts) chooses the names and what goes in them. */
export interface Dialect {
  /** Quotes a value so the shell reads back exactly these characters, whatever they are. */
  quote(value: string): string;
  /** A global scalar: `name=value`; with `escape`, the value is written with escapes, for
   *  characters no one can see (a byte-order mark). */
  assign(name: string, value: string, options?: { escape?: boolean }): string;
  /** A global list (array); with `escape`, its items are written with escapes, as `assign`'s. */
  list(name: string, items: readonly string[], options?: { escape?: boolean }): string;
  /** A global lookup table from each key to its value: an associative array (bash: <name>_at),
   *  or, where the shell has none (fish, bash before 4.2), one text in <name>_text, a line
   *  "<key>\t<value>" each between newlines. */
  table(name: string, pairs: ReadonlyArray<readonly [string, string]>): string[];
  /** How a user sets a variable by hand in this shell, for hints: `export AWS_REGION=us-east-1`. */
  exportLine(name: string, value: string): string;
  /** A command run with one more variable in its environment (and only in its). */
  withEnv(name: string, value: string, command: string): string[];
  /** `word` (a profile name: letters, digits, _ and -) as part of a function's name: bash takes
   *  only identifiers in POSIX mode. The templates call such functions the same way. */
  identifier(word: string): string;
  /** A function definition; `body` lines are indented here. `description` is what fish shows in
   *  completions (bash and zsh have nowhere to put it). */
  func(name: string, body: string[], description?: string): string[];
  /** Commands the user types (their names may hold `-`), each running `words` with the
   *  arguments it is given; `description` is what fish shows in completions. */
  commands(defs: ReadonlyArray<UserCommand>): string[];
  /** A command: `name` and its arguments, each quoted where it needs it. */
  call(name: string, args: readonly string[]): string;
  /** A global list holding the items of the global list `from`. */
  copyList(name: string, from: string): string;
  /** A command: `name` with the items of the global list `from` as its arguments. */
  callWithList(name: string, from: string): string;
  /** The function's arguments passed on as they are (`"$@"`, `$argv`). */
  readonly allArgs: string;
  /** A command that does nothing, for an empty body. */
  readonly noop: string;
  /** The line before a definition whose single quotes hold a `$` on purpose, for a linter
   *  that would take it for a mistake (shellcheck's SC2016, bash only: it reads no zsh or fish). */
  literalDollars(why?: string): string[];
}

/** Indents a block of already-rendered lines by one level (four spaces, as in the templates). */
export function indent(lines: string[]): string[] {
  return lines.map((l) => (l === '' ? l : '    ' + l));
}

/** Words that read the same quoted or not: names of variables, functions, numbers. */
export const PLAIN_WORD = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
