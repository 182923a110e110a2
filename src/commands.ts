import yargs from 'yargs';
import { InputError } from './errors.js';
import { runInit } from './init.js';
import { SHELLS } from './shells/types.js';
import { VERSION } from './version.js';

function failWith(message: string): never {
  // yargs writes some messages over several lines; a user (and a script) gets one.
  process.stderr.write(`claude-hooks: ${message.replace(/\s*\n\s*/g, ' ')} (see claude-hooks --help)\n`);
  process.exit(2);
}

/** The full command line, parsed by yargs. */
export async function main(args: string[]): Promise<void> {
  const cli = yargs(args)
    .scriptName('claude-hooks')
    .usage('$0 <command>\n\nSwitch Claude Code between Anthropic, Bedrock, Vertex and Foundry, per shell and per directory.')
    .command(
      'init [shell]',
      'print the shell integration (cb-bedrock, cb-anthropic, cb-use, cb-off, cb-status, and the per-directory hook)',
      (y) =>
        y
          .positional('shell', { choices: SHELLS, describe: 'the shell to print code for' })
          .example('eval "$(claude-hooks init bash)"', 'in ~/.bashrc')
          .example('source <(claude-hooks init zsh)', 'in ~/.zshrc')
          .example('claude-hooks init fish | source', 'in ~/.config/fish/config.fish'),
      (argv) => {
        if (!argv.shell) throw new InputError('init: name a shell: bash, zsh or fish, as in eval "$(claude-hooks init bash)"');
        runInit(argv.shell);
      },
    )
    .demandCommand(1, 'name a command')
    .strict()
    .version(VERSION)
    .help()
    .epilog('Exit codes: 0 ok, 1 findings, 2 usage or input error.')
    .fail((msg, err) => {
      if (err && !(err instanceof InputError)) throw err;
      failWith(err ? err.message : msg);
    });

  try {
    await cli.parseAsync();
  } catch (err) {
    if (err instanceof InputError) failWith(err.message);
    throw err;
  }
}
