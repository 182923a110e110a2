import yargs from 'yargs';
import { InputError } from '../errors.js';
import { runInit, runInitCached } from '../init.js';
import { SHELLS, TARGETS } from '../render/types.js';
import { VERSION } from '../version.js';
import { configCheck, configInit, configShowPath } from './config.js';
import { envrc, writeDirenvLib } from './direnv.js';
import { listProfiles, showProfile } from './profiles.js';
import { printInlineSecret } from './secret.js';
import { completionScript } from './completion.js';
import { loadConfig } from '../profiles/config.js';
import { setup } from './setup.js';
import { doctor, status } from './status.js';
import { print, warn } from '../print.js';

function failWith(message: string): never {
  // yargs writes some messages over several lines; a user (and a script) gets one.
  warn(`${message.replace(/\s*\n\s*/g, ' ')} (see claude-hooks --help)`);
  process.exit(2);
}

/** The full command line, parsed by yargs. */
export async function main(args: string[]): Promise<void> {
  const cli = yargs(args)
    .scriptName('claude-hooks')
    .usage('$0 <command>\n\nSwitch Claude Code between Anthropic, Bedrock, Vertex and Foundry, per shell and per directory.')
    .command(
      'init [shell]',
      'print the shell integration (cb-bedrock, cb-anthropic, cb-use, cb-off, cb-status, and the per-directory hook), or the direnv library',
      (y) =>
        y
          .positional('shell', { choices: TARGETS, describe: 'the shell to print code for, or direnv' })
          .option('write', { type: 'boolean', default: false, describe: "direnv only: install the library into direnv's lib directory" })
          .option('cache', { type: 'boolean', default: false, describe: 'also keep the code in ~/.cache/claude-hooks, for a start-up line that needs no node (see claude-hooks setup --cache)' })
          .example('eval "$(claude-hooks init bash)"', 'in ~/.bashrc')
          .example('source <(claude-hooks init zsh)', 'in ~/.zshrc')
          .example('claude-hooks init fish | source', 'in ~/.config/fish/config.fish')
          .example('claude-hooks init direnv --write', 'once, so an .envrc can say: use claude bedrock'),
      async (argv) => {
        if (!argv.shell) throw new InputError('init: name a shell: bash, zsh or fish (or direnv), as in eval "$(claude-hooks init bash)"');
        if (argv.write && argv.shell !== 'direnv') throw new InputError('init: --write goes with direnv; for a shell, add the init line to its start-up file');
        if (argv.cache && argv.shell === 'direnv') throw new InputError('init: --cache is for bash, zsh and fish; direnv keeps its library with --write');
        if (argv.write) await writeDirenvLib();
        else if (argv.cache) await runInitCached(argv.shell);
        else runInit(argv.shell);
      },
    )
    .command(
      'envrc <profile>',
      "print the .envrc lines that switch Claude Code to a profile, or write them into the directory's .envrc",
      (y) =>
        y
          .positional('profile', { type: 'string', demandOption: true, describe: 'the profile' })
          .option('region', { type: 'string', describe: 'a region for this directory (bedrock, vertex)' })
          .option('aws-profile', { type: 'string', describe: 'an AWS profile for this directory (bedrock)' })
          .option('write', { type: 'boolean', default: false, describe: 'put the lines into .envrc, in a marked block; the rest of the file stays as it is' })
          .option('dir', { type: 'string', describe: 'the directory whose .envrc to write (default: here)' })
          .example('claude-hooks envrc bedrock --region eu-west-1 --write', 'then: direnv allow'),
      (argv) => envrc({ profile: argv.profile, region: argv.region, awsProfile: argv.awsProfile, write: argv.write, dir: argv.dir }),
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
    .command(
      'status',
      'say which backend Claude Code will use here, and where each value comes from (settings files included)',
      (y) =>
        y
          .option('json', { type: 'boolean', default: false, describe: 'print JSON (shape in docs/status.md)' })
          .option('dir', { type: 'string', describe: 'the directory Claude Code would start in (default: here)' })
          .option('verify', { type: 'boolean', default: false, describe: 'also ask your own `claude auth status` (offline) and say whether it agrees; exit 1 if not' })
          .example('claude-hooks status', 'before you start claude')
          .example('claude-hooks status --json | jq -r .provider', 'firstParty, bedrock, mantle, gateway, ...'),
      (argv) => status(argv.dir, argv.json, argv.verify),
    )
    .command(
      'doctor',
      'find what would make Claude Code use another backend, key or region than you think, with the fix; exit 1 on errors',
      (y) =>
        y
          .option('json', { type: 'boolean', default: false, describe: 'print JSON' })
          .option('dir', { type: 'string', describe: 'the directory Claude Code would start in (default: here)' })
          .option('verify', { type: 'boolean', default: true, describe: 'ask your own `claude auth status` (offline, when claude is on PATH and has run before) and report any disagreement; --no-verify skips it' })
          .option('live', { type: 'boolean', default: false, describe: 'also ask `aws sts get-caller-identity` (goes to AWS), and say why claude could not be asked' })
          .option('migrate', { type: 'boolean', default: false, describe: 'print the steps from a hand-edited settings.json to profiles' })
          .example('claude-hooks doctor', 'one line per problem, and the fix')
          .example('claude-hooks doctor --live', 'compare with what claude and aws say'),
      (argv) => doctor({ dir: argv.dir, json: argv.json, live: argv.live, migrate: argv.migrate, verify: argv.verify }),
    )
    .command(
      'setup [shell]',
      "add the init line to your shell's start-up file, in a marked block (with a backup); --undo takes it out",
      (y) =>
        y
          .positional('shell', { choices: SHELLS, describe: 'the shell (default: from $SHELL)' })
          .option('dry-run', { type: 'boolean', default: false, describe: 'say what would change, change nothing' })
          .option('undo', { type: 'boolean', default: false, describe: 'remove the block again' })
          .option('cache', { type: 'boolean', default: false, describe: 'load from a cached copy: no node at start-up unless the config changed' })
          .example('claude-hooks setup', 'for the shell in $SHELL')
          .example('claude-hooks setup zsh --cache --dry-run', 'see the line first')
          .example('claude-hooks setup --undo', 'take it out'),
      (argv) => setup({ shell: argv.shell, dryRun: argv.dryRun, undo: argv.undo, cache: argv.cache }),
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
      'completion <shell>',
      'print tab completion for claude-hooks itself (cb-use completes already, from the init)',
      (y) =>
        y
          .positional('shell', { choices: SHELLS, demandOption: true, describe: 'the shell' })
          .example('eval "$(claude-hooks completion bash)"', 'in ~/.bashrc')
          .example('source <(claude-hooks completion zsh)', 'in ~/.zshrc, after compinit')
          .example('claude-hooks completion fish > ~/.config/fish/completions/claude-hooks.fish', 'once'),
      (argv) => {
        print(completionScript(argv.shell));
      },
    )
    .command(
      '__profiles',
      false, // internal: the completion scripts ask it for profile names
      () => {},
      () => {
        try {
          print(loadConfig().profiles.map((p) => p.name).join('\n') + '\n');
        } catch {
          // A broken config completes nothing; `config check` says why.
        }
      },
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
