import { posixCommon, posixEscape, posixQuote } from './posix.js';
import type { Dialect } from './types.js';

const list = (name: string, items: readonly string[]) => `${name}=(${items.map(posixQuote).join(' ')})`;

/** An associative array where bash has them (4.2 and later, for declare -g), written out whole,
 *  in <name>_at: claude-hooks before it kept a flat list in <name>, and a cb-reload into such a
 *  version in this shell assigns that list to <name>, which bash refuses into an associative
 *  array (the map then broke until a new shell);
 *  before that one text, a line "<key>\t<value>" each, in <name>_text (keys hold no tab or
 *  newline: the config refuses them), and the values it holds, each once, in <name>_values (the
 *  template finds a key's line with one `case` a value: see _cb_map_find). Exactly one of the
 *  array and the text is set. Written out rather than
 *  built by a loop from a list: a 1000-entry table loads in half the instructions in bash 5
 *  (callgrind: 49M against 100M), in bash 3.2 in a third (36M against 96M and more). */
function table(name: string, pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const text = pairs.length ? `\n${pairs.map(([k, v]) => `${k}\t${v}`).join('\n')}\n` : '';
  return [
    'if [[ ${BASH_VERSINFO[0]} -ge 5 || ${BASH_VERSINFO[0]} -eq 4 && ${BASH_VERSINFO[1]} -ge 2 ]]; then',
    `    unset -v ${name} ${name}_at ${name}_text ${name}_values`,
    ...(pairs.length ? [`    declare -gA ${name}_at=(`, ...pairs.map(([k, v]) => `        [${posixQuote(k)}]=${posixQuote(v)}`), '    )'] : [`    declare -gA ${name}_at=()`]),
    'else',
    `    unset -v ${name} ${name}_at`,
    `    ${name}_text=${posixQuote(text)}`,
    `    ${list(`${name}_values`, [...new Set(pairs.map(([, v]) => v))])}`,
    'fi',
  ];
}

export const bash: Dialect = {
  ...posixCommon,
  // Plain assignments: `declare` inside `cb-reload` (which evals this) would make them local.
  assign: (name, value, o) => `${name}=${o?.escape ? posixEscape(value) : posixQuote(value)}`,
  list,
  copyList: (name, from) => `${name}=("\${${from}[@]}")`,
  table,
};
