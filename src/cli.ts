#!/usr/bin/env node
// The entry point. `init <shell>` (with `--cmd PREFIX` or not) runs at every shell start-up, so
// it goes straight to the integration, in this file alone; everything else is parsed against
// the command declarations (src/cli/), from a file of its own, and only the module of the
// command asked for is loaded (see scripts/build.mjs).
import { isPrefix, runInit } from './init.js';
import { SHELLS, TARGETS, type Target } from './render/types.js';

/** `init <shell>`, `init <shell> --cmd PREFIX`: the start-up line's forms, or undefined. */
function startupInit(args: string[]): { target: Target; prefix?: string } | undefined {
  const [command, target, ...rest] = args;
  if (command !== 'init' || !(TARGETS as readonly string[]).includes(target ?? '')) return undefined;
  if (rest.length === 0) return { target: target as Target };
  const prefix = rest.length === 2 && rest[0] === '--cmd' ? rest[1]! : rest.length === 1 ? /^--cmd=(.*)$/s.exec(rest[0]!)?.[1] : undefined;
  // Anything else, a bad prefix included, is for the parser to accept or explain.
  if (prefix === undefined || !isPrefix(prefix) || !(SHELLS as readonly string[]).includes(target!)) return undefined;
  return { target: target as Target, prefix };
}

const args = process.argv.slice(2);
const fast = startupInit(args);
if (fast) runInit(fast.target, fast.prefix);
else void import('./cli/main.js').then(({ main }) => main(args));
