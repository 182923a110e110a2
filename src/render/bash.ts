import { posixCommon, posixEscape, posixQuote } from './posix.js';
import type { Dialect } from './types.js';

const list = (name: string, items: readonly string[]) => `${name}=(${items.map(posixQuote).join(' ')})`;

export const bash: Dialect = {
  ...posixCommon,
  // Plain assignments: `declare` inside `cb-reload` (which evals this) would make them local.
  assign: (name, value, o) => `${name}=${o?.escape ? posixEscape(value) : posixQuote(value)}`,
  list,
  copyList: (name, from) => `${name}=("\${${from}[@]}")`,
  // bash 3.2 has no associative arrays: a flat list of keys and values, for the template to
  // look up (or load into an associative array, where bash has them).
  table: (name, pairs) => [list(name, pairs.flat())],
};
