import { posixCall, posixExportLine, posixWithEnv, posixEscape, posixFunc, posixQuote } from './posix.js';
import type { Dialect } from './types.js';

const list = (name: string, items: readonly string[]) => `${name}=(${items.map(posixQuote).join(' ')})`;

export const bash: Dialect = {
  quote: posixQuote,
  // Plain assignments: `declare` inside `cb-reload` (which evals this) would make them local.
  assign: (name, value, o) => `${name}=${o?.escape ? posixEscape(value) : posixQuote(value)}`,
  list,
  // bash 3.2 has no associative arrays: a flat list of keys and values, for the template to
  // look up (or load into an associative array, where bash has them).
  table: (name, pairs) => [list(name, pairs.flat())],
  exportLine: posixExportLine,
  withEnv: posixWithEnv,
  func: posixFunc,
  call: posixCall,
  allArgs: '"$@"',
  noop: ':',
};
