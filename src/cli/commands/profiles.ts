import type { Command } from '../spec.js';

const json = { name: 'json', describe: 'print JSON for scripts' } as const;

export const profiles: Command = {
  name: 'profiles',
  summary: 'list the profiles (built-in and yours) and the directory map',
  options: [json],
  subcommands: [
    {
      name: 'show',
      summary: 'show one profile: its values, and what switching to it sets, fetches and clears',
      args: [{ name: 'name', what: 'a profile name', describe: 'the profile', required: true, completes: 'profiles' }],
      options: [json],
      examples: [{ command: 'claude-hooks profiles show bedrock --json', what: 'what cb-bedrock sets and clears, as JSON' }],
      async run({ args, flags }) {
        (await import('../../commands/profiles.js')).showProfile(args.name!, flags.json!);
      },
    },
  ],
  examples: [
    { command: 'claude-hooks profiles', what: 'the table' },
    { command: 'claude-hooks profiles show work', what: 'one profile' },
    { command: 'claude-hooks profiles --json | jq -r ".[].name"', what: 'the names' },
  ],
  async run({ flags }) {
    (await import('../../commands/profiles.js')).listProfiles(flags.json!);
  },
};
