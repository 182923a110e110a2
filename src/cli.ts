#!/usr/bin/env node
import { realpathSync, readFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from './errors.js';
import { builtinConfig, loadConfig } from './profiles/config.js';
import { renderInit } from './shells/render.js';
import { SHELLS, type ShellName } from './shells/types.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The command line that runs this CLI again, for `cb-reload` in the generated code. */
function selfCommand(): string[] {
  const script = process.argv[1];
  return script ? [process.execPath, realpathSync(script)] : ['claude-hooks'];
}

function init(shell: ShellName): void {
  // A broken config must never break shell start-up: warn on stderr and load the built-ins.
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`claude-hooks: ${err.message}; using the built-in profiles only\n`);
    config = builtinConfig();
  }
  process.stdout.write(renderInit(shell, config, { cli: selfCommand(), version: pkg.version }));
}

function failWith(message: string): never {
  // yargs writes some messages over several lines; a user (and a script) gets one.
  process.stderr.write(`claude-hooks: ${message.replace(/\s*\n\s*/g, ' ')} (see claude-hooks --help)\n`);
  process.exit(2);
}

const cli = yargs(hideBin(process.argv))
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
      init(argv.shell);
    },
  )
  .demandCommand(1, 'name a command')
  .strict()
  .version(pkg.version)
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
