#!/usr/bin/env node
// The entry point. `init <shell>` runs at every shell start-up, so it skips loading yargs
// (most of the CLI's start-up time); everything else goes through the full parser.
import { runInit } from './init.js';
import { TARGETS, type Target } from './render/types.js';

const args = process.argv.slice(2);
const [command, shell] = args;
if (args.length === 2 && command === 'init' && (TARGETS as readonly string[]).includes(shell ?? '')) {
  runInit(shell as Target);
} else {
  void import('./commands/index.js').then(({ main }) => main(args));
}
