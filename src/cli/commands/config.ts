import type { Command } from '../spec.js';

export const config: Command = {
  name: 'config',
  summary: 'the config file: init, check, path',
  subcommands: [
    {
      name: 'init',
      summary: 'write a commented starter config (never over an existing one)',
      examples: [{ command: 'claude-hooks config init', what: 'then edit it, and cb-reload' }],
      async run() {
        await (await import('../../commands/config.js')).configInit();
      },
    },
    {
      name: 'check',
      summary: 'validate the config; exit 2 and one line when it is wrong',
      examples: [{ command: 'claude-hooks config check && echo ok', what: 'in a script' }],
      async run() {
        (await import('../../commands/config.js')).configCheck();
      },
    },
    {
      name: 'path',
      summary: 'print where the config is read from',
      examples: [{ command: '$EDITOR "$(claude-hooks config path)"', what: 'edit it' }],
      async run() {
        (await import('../../commands/config.js')).configShowPath();
      },
    },
  ],
  examples: [
    { command: 'claude-hooks config init', what: 'a commented starter' },
    { command: 'claude-hooks config check && echo ok', what: 'in a script' },
  ],
};
