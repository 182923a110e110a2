// Every command but the start-up `init <shell>` (see src/cli.ts): parse, then load and run only
// the module of the command asked for.
import { asInputError, InputError } from '../errors.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';
import { helpText, helpWidth } from './help.js';
import { orList, parse, UsageError } from './parse.js';
import { print, warn } from '../print.js';

function fail(message: string, helpFor: readonly string[] = []): never {
  // One line, whatever the message held.
  const see = ['claude-hooks', ...helpFor, '--help'].join(' ');
  warn(`${message.replace(/\s*\n\s*/g, ' ')} (see ${see})`);
  process.exit(2);
}

export async function main(argv: readonly string[]): Promise<void> {
  let outcome;
  try {
    outcome = parse(argv, COMMANDS);
  } catch (err) {
    if (err instanceof UsageError) fail(err.message, err.path);
    throw err;
  }
  switch (outcome.kind) {
    case 'version':
      print(VERSION + '\n');
      return;
    case 'help':
      print(helpText(outcome.path, COMMANDS, helpWidth()));
      return;
    case 'none':
      fail(`expected a command: ${orList(COMMANDS.filter((c) => !c.hidden).map((c) => c.name))}`);
      break;
    case 'run':
      try {
        await outcome.path.at(-1)!.run!(outcome.parsed);
      } catch (err) {
        if (err instanceof InputError) fail(err.message);
        // A file system error no command put into words (EROFS, ENOSPC, EACCES...): still one
        // line, naming the command and what failed, never a trace.
        const named = asInputError(err, `${outcome.path.map((c) => c.name).join(' ')}: ${(err as Error).message}`);
        if (named instanceof InputError) fail(named.message);
        throw err;
      }
  }
}
