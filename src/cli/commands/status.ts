import type { Command, Option } from '../spec.js';

const dir: Option = { name: 'dir', value: 'DIR', describe: 'the directory Claude Code would start in (default: here)', completes: 'directories' };

export const status: Command = {
  name: 'status',
  summary: 'which backend Claude Code will use here, and why',
  description: 'Says which backend, key source and region Claude Code will use in this directory, and where each value comes from: your shell, or a settings file that overrides it.',
  options: [
    { name: 'json', describe: 'print JSON (shape in docs/status.md)' },
    dir,
    { name: 'verify', describe: 'also ask your own `claude auth status` (offline) and say whether it agrees; exit 1 if not' },
  ],
  examples: [
    { command: 'claude-hooks status', what: 'before you start claude' },
    { command: 'claude-hooks status --json | jq -r .provider', what: 'firstParty, bedrock, mantle, gateway, ...' },
  ],
  async run({ flags, values }) {
    await (await import('../../commands/status.js')).status(values.dir, flags.json!, flags.verify!);
  },
};

export const doctor: Command = {
  name: 'doctor',
  summary: 'find what would make Claude Code use another backend than you think',
  description: 'Finds what would make Claude Code use another backend, key or region than you think, and prints the fix; exit 1 on errors.',
  options: [
    { name: 'json', describe: 'print JSON' },
    dir,
    { name: 'verify', default: true, describe: 'ask your own `claude auth status` (offline, when claude is on PATH and has run before) and report any disagreement; --no-verify skips it' },
    { name: 'live', describe: 'also ask `aws sts get-caller-identity` (goes to AWS), and say why claude could not be asked' },
    { name: 'migrate', describe: 'print the steps from a hand-edited settings.json to profiles' },
  ],
  examples: [
    { command: 'claude-hooks doctor', what: 'one line per problem, and the fix' },
    { command: 'claude-hooks doctor --live', what: 'compare with what claude and aws say' },
  ],
  async run({ flags, values }) {
    await (await import('../../commands/status.js')).doctor({ dir: values.dir, json: flags.json!, live: flags.live!, migrate: flags.migrate!, verify: flags.verify! });
  },
};
