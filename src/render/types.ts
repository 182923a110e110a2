export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ShellName = (typeof SHELLS)[number];

/** What `init` can print for: the three shells, and direnv's stdlib (bash, in direnv's own process). */
export const TARGETS = [...SHELLS, 'direnv'] as const;
export type Target = (typeof TARGETS)[number];

export interface Arm {
  /** A literal word compared with the first argument (profile names only: [a-z0-9_-]). */
  word: string;
  body: string[];
}

export interface DirArm {
  /** An absolute, normalized directory: the arm applies to it and to everything below it. */
  dir: string;
  body: string[];
}

/** What differs between shells when turning profile data into code. Each shell's template
 *  (shells/<name>) holds the logic; a dialect only writes data and dispatch in that shell's syntax. */
export interface Dialect {
  readonly name: Target;
  /** The template under shells/, with a `#@data` line where the rendered data goes. */
  readonly templateFile: string;
  /** Quotes a value so the shell reads back exactly these characters, whatever they are. */
  quote(value: string): string;
  /** A global scalar assignment. */
  scalar(name: string, value: string): string;
  /** Inside a function: sets a global (a caller's local in bash and zsh, where scope is dynamic). */
  assign(name: string, value: string): string;
  /** A global list (array) assignment. */
  list(name: string, items: readonly string[]): string;
  /** A function definition; `body` lines are indented by the dialect. `description` is what
   *  fish shows in completions (bash and zsh have nowhere to put it). */
  func(name: string, body: string[], description?: string): string[];
  /** Whether the integration has cb-use, so cb-<built-in> shortcuts can call it (not direnv). */
  readonly switchCommands: boolean;
  /** Inside `_cb_profile_apply`: exports each name with its value. */
  exportAll(pairs: ReadonlyArray<readonly [string, string]>): string[];
  /** Inside `_cb_profile_apply`: makes each name unset, as Claude Code sees it. */
  clearAll(names: readonly string[]): string[];
  /** Top-level code defining `_cb_list_set`, which appends those of `managed` that are set to
   *  the caller's `_cb_todo` (bash, zsh); nothing for fish, which counts them with `set -q`. */
  listSet(managed: readonly string[]): string[];
  /** Inside `_cb_profile_apply`: prints `hint` when every one of `names` is unset or empty. */
  requireAny(hint: string, names: readonly string[]): string[];
  /** The function's arguments passed on as they are (`"$@"`, `$argv`). */
  readonly allArgs: string;
  /** Dispatch on the function's first argument: literal words, then `fallback`. */
  switchOnFirstArg(arms: Arm[], fallback: string[]): string[];
  /** Dispatch on the directory in the first argument; earlier arms win, so put longer dirs first. */
  switchOnDir(arms: DirArm[], fallback: string[]): string[];
}

/** Indents a block of already-rendered lines by one level (four spaces, as in the templates). */
export function indent(lines: string[]): string[] {
  return lines.map((l) => (l === '' ? l : '    ' + l));
}
