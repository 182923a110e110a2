// Commands the generated code and the completion scripts call; not in help or completion.
import type { Command } from '../spec.js';

export const profileNames: Command = {
  name: '__profiles',
  summary: 'the profile names, one a line (with --backends: name, a tab, its backend)',
  hidden: true,
  options: [{ name: 'backends', describe: 'add each profile\'s backend after a tab' }],
  async run({ flags }) {
    await (await import('../../commands/profiles.js')).printProfileNames(flags.backends!);
  },
};

export const secret: Command = {
  name: 'secret',
  summary: 'print a literal secret from the config, for the shell to read at switch time',
  hidden: true,
  args: [
    { name: 'profile', what: 'a profile name', describe: 'the profile', required: true },
    { name: 'key', what: 'a key', describe: 'the key', required: true },
  ],
  async run({ args }) {
    (await import('../../commands/secret.js')).printInlineSecret(args.profile!, args.key!);
  },
};
