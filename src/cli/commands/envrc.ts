import type { Command } from '../spec.js';

export const envrc: Command = {
  name: 'envrc',
  summary: "print or write the .envrc lines for a profile (direnv)",
  description: "Prints the .envrc lines that switch Claude Code to a profile, or with --write puts them into the directory's .envrc, in a marked block; the rest of the file stays as it is.",
  args: [{ name: 'profile', what: 'a profile name', describe: 'the profile', required: true, completes: 'profiles' }],
  options: [
    { name: 'region', value: 'REGION', describe: 'a region for this directory (bedrock, vertex)' },
    { name: 'aws-profile', value: 'NAME', describe: 'an AWS profile for this directory (bedrock)' },
    { name: 'write', describe: 'put the lines into .envrc, in a marked block; the rest of the file stays as it is' },
    { name: 'dir', value: 'DIR', describe: 'the directory whose .envrc to write (default: here)', completes: 'directories' },
  ],
  examples: [{ command: 'claude-hooks envrc bedrock --region eu-west-1 --write', what: 'then: direnv allow' }],
  async run({ args, flags, values }) {
    const { envrc } = await import('../../commands/direnv.js');
    await envrc({ profile: args.profile!, region: values.region, awsProfile: values['aws-profile'], write: flags.write!, dir: values.dir });
  },
};
