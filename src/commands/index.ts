import yargs from 'yargs';
import { InputError } from '../errors.js';
import { runInit } from '../init.js';
import { SHELLS } from '../shells/types.js';
import { VERSION } from '../version.js';
import { configCheck, configInit, configShowPath } from './config.js';
import { listProfiles, showProfile } from './profiles.js';
import { printInlineSecret } from './secret.js';

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
    .command(
      'profiles',
      'list the profiles (built-in and yours) and the directory map',
      (y) =>
        y
          .option('json', { type: 'boolean', default: false, describe: 'print JSON for scripts' })
          .command(
            'show <name>',
            'show one profile: its values, and what switching to it sets, fetches and clears',
            (s) => s.positional('name', { type: 'string', demandOption: true, describe: 'the profile' }),
            (argv) => showProfile(argv.name, argv.json),
          )
          .example('claude-hooks profiles', 'the table')
          .example('claude-hooks profiles show work', 'one profile')
          .example('claude-hooks profiles --json | jq -r ".[].name"', 'the names'),
      (argv) => listProfiles(argv.json),
    )
    .command('config', 'the config file: init, check, path', (y) =>
      y
        .command('init', 'write a commented starter config (never over an existing one)', {}, () => configInit())
        .command('check', 'validate the config; exit code 2 and one line when it is wrong', {}, () => configCheck())
        .command('path', 'print where the config is read from', {}, () => configShowPath())
        .demandCommand(1, 'config: name a subcommand: init, check or path')
        .example('claude-hooks config check && echo ok', 'in a script'),
    )
    .command(
      'secret <profile> <key>',
      false, // internal: the shell integration calls it to read an allowed literal secret at switch time
      (y) => y.positional('profile', { type: 'string', demandOption: true }).positional('key', { type: 'string', demandOption: true }),
      (argv) => printInlineSecret(argv.profile, argv.key),
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
