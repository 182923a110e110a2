import { SHELLS } from '../../render/types.js';
import type { Command } from '../spec.js';

export const setup: Command = {
  name: 'setup',
  summary: "add the init line to your shell's start-up file",
  description: "Adds the init line to your shell's start-up file (~/.bashrc, ~/.zshrc, or ~/.config/fish/conf.d/claude-hooks.fish), in a marked block, with a backup; --undo takes it out and leaves the file as it was.",
  args: [{ name: 'shell', what: 'a shell', describe: 'the shell (default: from $SHELL)', choices: SHELLS }],
  options: [
    { name: 'dry-run', describe: 'say what would change, change nothing' },
    { name: 'undo', describe: 'remove the block again' },
    { name: 'cache', describe: 'load from a cached copy: no node at start-up unless the config changed' },
  ],
  examples: [
    { command: 'claude-hooks setup', what: 'for the shell in $SHELL' },
    { command: 'claude-hooks setup zsh --cache --dry-run', what: 'see the line first' },
    { command: 'claude-hooks setup --undo', what: 'take it out' },
  ],
  async run({ args, flags }) {
    await (await import('../../commands/setup.js')).setup({ shell: args.shell, dryRun: flags['dry-run']!, undo: flags.undo!, cache: flags.cache! });
  },
};
