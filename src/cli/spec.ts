// What a command is, declared once: the parser (parse.ts), the help (help.ts) and the tab
// completion (src/commands/completion.ts) all read the same declaration, so they cannot disagree.
// A declaration holds no implementation: `run` loads the command's module when it is asked for,
// so `claude-hooks status` never loads the code of `setup` (see scripts/build.mjs).

/** What a word can be completed from, besides fixed choices. */
export type Completes = 'profiles' | 'directories';

export interface Positional {
  name: string;
  /** For help and error messages: `a shell`, `a profile name`. */
  what: string;
  describe: string;
  required?: boolean;
  choices?: readonly string[];
  completes?: Completes;
}

export interface Option {
  /** The long name, without dashes: `dry-run`. */
  name: string;
  short?: string;
  describe: string;
  /** Absent: a flag (`--json`, `--no-verify`). Present: the option takes a value, shown as this (`DIR`). */
  value?: string;
  /** A flag's value when not given. */
  default?: boolean;
  completes?: Completes;
}

export interface Example {
  command: string;
  what: string;
}

/** Options and positionals as parsed: by their declared names. */
export interface Parsed {
  args: Record<string, string | undefined>;
  flags: Record<string, boolean>;
  values: Record<string, string | undefined>;
}

export interface Command {
  name: string;
  /** One short line: for the command list and completion menus. */
  summary: string;
  /** More, for the command's own help (wrapped to the terminal). */
  description?: string;
  args?: readonly Positional[];
  options?: readonly Option[];
  examples?: readonly Example[];
  subcommands?: readonly Command[];
  /** Internal: left out of help and completion (the shell integration calls them). */
  hidden?: boolean;
  /** Absent only for a command that needs a subcommand (`config`). */
  run?: (p: Parsed) => Promise<void> | void;
}

/** The CLI's global options, offered before any command. */
export const GLOBAL_OPTIONS: readonly Option[] = [
  { name: 'help', short: 'h', describe: 'show help (also: claude-hooks help <command>)' },
  { name: 'version', short: 'V', describe: 'show the version' },
];

/** Every command's own help option. */
export const HELP_OPTION: Option = { name: 'help', short: 'h', describe: 'show this help' };
