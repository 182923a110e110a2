// The command line, read against the declarations in src/cli/commands/. Every mistake is one
// UsageError line that names what was expected; a near miss gets "did you mean".
import { GLOBAL_OPTIONS, HELP_OPTION, type Command, type Option, type Parsed, type Positional } from './spec.js';
import { closest } from './suggest.js';

export class UsageError extends Error {
  /** The command the mistake is in (for "see claude-hooks status --help"); empty: the top. */
  constructor(
    message: string,
    readonly path: readonly string[],
  ) {
    super(message);
  }
}

export type Outcome =
  | { kind: 'run'; path: readonly Command[]; parsed: Parsed }
  | { kind: 'help'; path: readonly Command[] }
  | { kind: 'version' }
  | { kind: 'none' };

/** A word the user typed, fit to be shown: control characters escaped, long ones cut. */
export function shown(word: string): string {
  const clean = word.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `'${clean.length > 40 ? clean.slice(0, 40) + '…' : clean}'`;
}

/** `a, b or c`. */
export function orList(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words.join('');
}

const visible = (commands: readonly Command[]) => commands.filter((c) => !c.hidden);

function didYouMean(word: string, candidates: readonly string[], prefix = ''): string {
  const near = closest(word.replace(/^-+/, ''), candidates);
  return near ? `; did you mean ${prefix}${near}?` : '';
}

/** Finds a command by name, or says which names there are. */
function findCommand(word: string, among: readonly Command[], path: readonly Command[]): Command {
  const found = among.find((c) => c.name === word);
  if (found) return found;
  const names = visible(among).map((c) => c.name);
  const top = path.length === 0;
  const where = top ? '' : `${path.map((c) => c.name).join(' ')}: `;
  const candidates = top ? [...names, 'help'] : names;
  const near = closest(word, candidates);
  throw new UsageError(
    `${where}unknown ${top ? 'command' : 'subcommand'} ${shown(word)}${near ? `; did you mean ${near}?` : `; expected ${orList(candidates)}`}`,
    path.map((c) => c.name),
  );
}

function optionsOf(command: Command): readonly Option[] {
  return [...(command.options ?? []), HELP_OPTION];
}

export function parse(argv: readonly string[], commands: readonly Command[]): Outcome {
  // Before the command: only the global options.
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help', path: [] };
    if (arg === '-V' || arg === '--version') return { kind: 'version' };
    if (arg === '--') {
      i++;
      break;
    }
    throw new UsageError(`unknown option ${shown(arg)}${didYouMean(arg, GLOBAL_OPTIONS.map((o) => o.name), '--')}`, []);
  }
  if (i >= argv.length) return { kind: 'none' };

  // `help status`, `help profiles show`: the help of that command.
  if (argv[i] === 'help') {
    const path: Command[] = [];
    let among = commands;
    for (const word of argv.slice(i + 1)) {
      if (word.startsWith('-')) continue;
      // `help status extra`: status has no subcommands to look `extra` up among.
      if (path.length > 0 && visible(among).length === 0) {
        const names = path.map((c) => c.name);
        throw new UsageError(`help: unexpected argument ${shown(word)}; ${names.join(' ')} has no subcommands`, names);
      }
      const c = findCommand(word, among, path);
      path.push(c);
      among = c.subcommands ?? [];
    }
    return { kind: 'help', path };
  }

  const path: Command[] = [findCommand(argv[i]!, commands, [])];
  const rest = argv.slice(i + 1);
  // Help wins wherever it is asked for (before a lone --): `status --dir x -h` shows help.
  const end = rest.indexOf('--');
  const before = end === -1 ? rest : rest.slice(0, end);
  const wantsHelp = before.some((a) => a === '-h' || a === '--help');

  const parsed: Parsed = { args: {}, flags: {}, values: {} };
  let positionals = 0;
  let onlyPositionals = false;
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k]!;
    const command = path.at(-1)!;
    const names = path.map((c) => c.name);
    const where = names.join(' ');
    if (!onlyPositionals && arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (!onlyPositionals && arg.startsWith('-') && arg !== '-') {
      if (arg === '-h' || arg === '--help') continue;
      const options = optionsOf(command);
      const eq = arg.indexOf('=');
      const key = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1);
      let option = arg.startsWith('--') ? options.find((o) => o.name === key) : options.find((o) => o.short === key);
      let negated = false;
      if (!option && arg.startsWith('--') && key.startsWith('no-')) {
        option = options.find((o) => o.name === key.slice(3) && o.value === undefined);
        negated = option !== undefined;
      }
      if (!option) {
        if (wantsHelp) continue;
        const optionNames = options.filter((o) => o !== HELP_OPTION).map((o) => o.name);
        const known = optionNames.length ? `; ${where} takes ${orList(optionNames.map((n) => '--' + n))}` : `; ${where} takes no options`;
        const near = closest(key, optionNames);
        throw new UsageError(`${where}: unknown option ${shown(arg.slice(0, eq === -1 ? undefined : eq))}${near ? `; did you mean --${near}?` : known}`, names);
      }
      if (option.value === undefined) {
        if (eq !== -1) throw new UsageError(`${where}: --${option.name} takes no value`, names);
        parsed.flags[option.name] = !negated;
        continue;
      }
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (k + 1 < rest.length && !rest[k + 1]!.startsWith('--')) value = rest[++k];
      if (value === undefined || value === '') {
        if (wantsHelp) continue;
        throw new UsageError(`${where}: --${option.name} expects ${option.value}, as in --${option.name} ${exampleValue(option)}`, names);
      }
      parsed.values[option.name] = value;
      continue;
    }
    // A word: a subcommand, or the next positional.
    if (positionals === 0 && command.subcommands?.length) {
      const sub = command.subcommands.find((c) => c.name === arg);
      if (sub || !command.run) {
        if (!sub && wantsHelp) break;
        const next = sub ?? findCommand(arg, command.subcommands, path);
        // Options given before the subcommand must be the subcommand's too.
        for (const name of [...Object.keys(parsed.flags), ...Object.keys(parsed.values)]) {
          if (!optionsOf(next).some((o) => o.name === name)) throw new UsageError(`${where} ${next.name}: unknown option --${name}`, [...names, next.name]);
        }
        path.push(next);
        continue;
      }
    }
    const declared = command.args ?? [];
    const positional = declared[positionals];
    if (!positional) {
      if (wantsHelp) continue;
      const subs = command.subcommands?.map((c) => c.name) ?? [];
      const near = subs.length ? closest(arg, subs) : undefined;
      const takes = declared.length === 0 ? (subs.length ? `expected ${orList(subs)}` : `${where} takes no arguments`) : `${where} takes ${declared.length === 1 ? 'one argument' : `${declared.length} arguments`}`;
      throw new UsageError(`${where}: unexpected argument ${shown(arg)}${near ? `; did you mean ${near}?` : `; ${takes}`}`, names);
    }
    if (positional.choices && !positional.choices.includes(arg)) {
      if (wantsHelp) continue;
      const near = closest(arg, positional.choices);
      throw new UsageError(`${where}: unknown ${positional.name} ${shown(arg)}${near ? `; did you mean ${near}?` : `; expected ${orList(positional.choices)}`}`, names);
    }
    parsed.args[positional.name] = arg;
    positionals++;
  }

  if (wantsHelp) return { kind: 'help', path };
  const command = path.at(-1)!;
  const names = path.map((c) => c.name);
  const where = names.join(' ');
  if (!command.run) {
    const subs = visible(command.subcommands ?? []).map((c) => c.name);
    throw new UsageError(`${where}: expected a subcommand: ${orList(subs)}`, names);
  }
  const missing = (command.args ?? []).find((a) => a.required && parsed.args[a.name] === undefined);
  if (missing) throw new UsageError(`${where}: expected ${missing.what}${expectedChoices(missing)}`, names);
  for (const o of command.options ?? []) if (o.value === undefined) parsed.flags[o.name] ??= o.default ?? false;
  return { kind: 'run', path, parsed };
}

function expectedChoices(p: Positional): string {
  return p.choices ? `: ${orList(p.choices)}` : '';
}

function exampleValue(o: Option): string {
  return o.completes === 'directories' ? '~/src/project' : o.value!;
}
