#!/usr/bin/env node
// The entry point. `init <shell>` (with `--cmd PREFIX`, `--cache`, or neither) runs at every
// shell start-up, so it goes straight to the integration, in this file alone; everything else
// is parsed against the command declarations (src/cli/), from a file of its own, and only the
// module of the command asked for is loaded (see scripts/build.mjs).
import { isPrefix, runInit, runInitCached } from './init.js';
import { SHELLS, TARGETS, type Target } from './render/types.js';

/** The start-up line's forms: `init <shell>`, with `--cmd PREFIX` (or `--cmd=PREFIX`) and
 *  `--cache` each at most once, in either order; undefined for anything else. */
function startupInit(args: string[]): { target: Target; prefix: string | undefined; cache: boolean } | undefined {
  const [command, target, ...rest] = args;
  if (command !== 'init' || !(TARGETS as readonly string[]).includes(target ?? '')) return undefined;
  let prefix: string | undefined;
  let cache = false;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    const inline = /^--cmd=(.*)$/s.exec(word)?.[1];
    if (word === '--cache' && !cache) cache = true;
    else if (word === '--cmd' && prefix === undefined && i + 1 < rest.length) prefix = rest[++i]!;
    else if (inline !== undefined && prefix === undefined) prefix = inline;
    // Anything else is for the parser to accept or explain.
    else return undefined;
  }
  // A bad prefix, or --cmd or --cache with direnv, too.
  if ((prefix !== undefined || cache) && !(SHELLS as readonly string[]).includes(target!)) return undefined;
  if (prefix !== undefined && !isPrefix(prefix)) return undefined;
  return { target: target as Target, prefix, cache };
}

const args = process.argv.slice(2);
const fast = startupInit(args);
if (fast?.cache) void runInitCached(fast.target as Exclude<Target, 'direnv'>, fast.prefix);
else if (fast) runInit(fast.target, fast.prefix);
else void import('./cli/main.js').then(({ main }) => main(args));
