import { InputError } from '../../errors.js';
// Statically: the start-up path (src/cli.ts) has it loaded already.
import { checkPrefix, runInit, runInitCached } from '../../init.js';
import { TARGETS } from '../../render/types.js';
import type { Command } from '../spec.js';

export const init: Command = {
  name: 'init',
  summary: 'print the shell integration, or the direnv library',
  description:
    'Prints the code that defines cb-bedrock, cb-anthropic, cb-use, cb-off, cb-status and the per-directory hook, for your shell to load at start-up (claude-hooks setup adds the line for you). With direnv, prints the library that gives an .envrc `use claude`.',
  args: [{ name: 'shell', what: 'a shell', describe: 'the shell to print code for, or direnv', required: true, choices: TARGETS }],
  options: [
    { name: 'cmd', value: 'PREFIX', describe: 'name the commands PREFIX-use, PREFIX-off, PREFIX-bedrock, ... instead of cb-use, ... (for when cb is taken)' },
    { name: 'cache', describe: 'also keep the code in ~/.cache/claude-hooks, for a start-up line that needs no node (see claude-hooks setup --cache)' },
    { name: 'write', describe: "direnv only: install the library into direnv's lib directory" },
  ],
  examples: [
    { command: 'eval "$(claude-hooks init bash)"', what: 'in ~/.bashrc' },
    { command: 'source <(claude-hooks init zsh)', what: 'in ~/.zshrc, after compinit' },
    { command: 'claude-hooks init fish | source', what: 'in ~/.config/fish/conf.d/claude-hooks.fish (what setup writes)' },
    { command: 'eval "$(claude-hooks init bash --cmd ch)"', what: 'ch-bedrock, ch-use, ch-off, ch-status instead of cb-...' },
    { command: 'claude-hooks init direnv --write', what: 'once, so an .envrc can say: use claude bedrock' },
  ],
  async run({ args, flags, values }) {
    const shell = args.shell as (typeof TARGETS)[number];
    if (flags.write && shell !== 'direnv') throw new InputError('init: --write goes with direnv; for a shell, add the init line to its start-up file');
    if (flags.cache && shell === 'direnv') throw new InputError('init: --cache is for bash, zsh and fish; direnv keeps its library with --write');
    if (values.cmd !== undefined && shell === 'direnv') throw new InputError('init: --cmd is for bash, zsh and fish; direnv defines no commands');
    const prefix = values.cmd === undefined ? undefined : checkPrefix(values.cmd);
    if (flags.write) await (await import('../../commands/direnv.js')).writeDirenvLib();
    else if (flags.cache) await runInitCached(shell as Exclude<typeof shell, 'direnv'>, prefix);
    else runInit(shell, prefix);
  },
};
