import { posixCommon, posixEscape, posixForward, posixFunc, posixQuote } from './posix.js';
import type { Dialect } from './types.js';

// Rendered functions are helpers: they run under the `emulate -L zsh` of the entry point (hook
// or cb-* command) that calls them.
export const zsh: Dialect = {
  ...posixCommon,
  // -g: `cb-reload` evals this inside a function, where a bare typeset would be local.
  assign: (name, value, o) => `typeset -g ${name}=${o?.escape ? posixEscape(value) : posixQuote(value)}`,
  list: (name, items, o) => `typeset -ga ${name}; ${name}=(${items.map(o?.escape ? posixEscape : posixQuote).join(' ')})`,
  copyList: (name, from) => `typeset -ga ${name}; ${name}=("\${${from}[@]}")`,
  // The whole table in one assignment of key, value, ...: a new table, not merged into an old one.
  table: (name, pairs) => [`typeset -gA ${name}; ${name}=(${pairs.flat().map(posixQuote).join(' ')})`],
  identifier: (word) => word,
  literalDollars: () => [],
  commands: (defs) => defs.flatMap((c) => posixFunc(c.name, [posixForward(c.words)])),
};
