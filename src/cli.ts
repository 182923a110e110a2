#!/usr/bin/env node
// The entry point. `init <shell>` runs at every shell start-up, so it goes straight to the
// integration; everything else is parsed against the command declarations (src/cli/), and only
// the module of the command asked for is loaded (see scripts/build.mjs).
import { main } from './cli/main.js';
import { runInit } from './init.js';
import { TARGETS, type Target } from './shells/types.js';

const args = process.argv.slice(2);
const [command, shell] = args;
if (args.length === 2 && command === 'init' && (TARGETS as readonly string[]).includes(shell ?? '')) {
  runInit(shell as Target);
} else {
  void main(args);
}
