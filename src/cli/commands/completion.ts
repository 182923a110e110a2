import { SHELLS } from '../../render/types.js';
import type { Command } from '../spec.js';
import { print } from '../../print.js';

export const completion: Command = {
  name: 'completion',
  summary: 'print tab completion for claude-hooks itself',
  description: 'Prints tab completion for claude-hooks itself (cb-use completes already, from the init). Profile names come from the loaded integration when there is one, so a tab starts no node.',
  args: [{ name: 'shell', what: 'a shell', describe: 'the shell', required: true, choices: SHELLS }],
  examples: [
    { command: 'eval "$(claude-hooks completion bash)"', what: 'in ~/.bashrc' },
    { command: 'source <(claude-hooks completion zsh)', what: 'in ~/.zshrc, after compinit' },
    { command: 'claude-hooks completion fish > ~/.config/fish/completions/claude-hooks.fish', what: 'once' },
  ],
  async run({ args }) {
    const { completionScript } = await import('../../commands/completion.js');
    print(completionScript(args.shell as (typeof SHELLS)[number]));
  },
};
