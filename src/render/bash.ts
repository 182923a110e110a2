import { posixCall, posixCommon, posixEscape, posixForward, posixQuote } from './posix.js';
import type { Dialect, UserCommand } from './types.js';

const list = (name: string, items: readonly string[], o?: { escape?: boolean }) =>
  `${name}=(${items.map(o?.escape ? posixEscape : posixQuote).join(' ')})`;

/** An associative array where bash has them (4.2 and later, for declare -g), one assignment
 *  per key, in <name>_at: claude-hooks before it kept a flat list in <name>, and a cb-reload
 *  into such a version in this shell assigns that list to <name>, which bash refuses into an
 *  associative array (the map then broke until a new shell). Before 4.2 one text, a line
 *  "<key>\t<value>" each, in <name>_text (keys hold no tab or newline: the config refuses
 *  them), and the values it holds, each once, in <name>_values (the template finds a key's line
 *  with one `case` a value: see _cb_map_find). Exactly one of the array and the text is set.
 *  For a 1000-entry table (callgrind, sourcing): bash 5 runs 33M instructions this way, 55M
 *  with the array written as one `declare -A name=(...)`, 100M when a loop built it from a
 *  list; bash 3.2 ~80M, against 240M when printf built the text from a list. */
function table(name: string, pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const text = pairs.length ? `\n${pairs.map(([k, v]) => `${k}\t${v}`).join('\n')}\n` : '';
  return [
    'if [[ ${BASH_VERSINFO[0]} -ge 5 || ${BASH_VERSINFO[0]} -eq 4 && ${BASH_VERSINFO[1]} -ge 2 ]]; then',
    `    unset -v ${name} ${name}_at ${name}_text ${name}_values`,
    // No `declare -gA name=()`: under the user's set -k that would be a bare `declare`, printing
    // every variable, and the keys below would go into an indexed array ("syntax error: operand
    // expected"). The empty assignment stands alone: declared only, an empty table is unset,
    // and ${#name[@]} fails under set -u.
    `    declare -gA ${name}_at`,
    `    ${name}_at=()`,
    ...pairs.map(([k, v]) => `    ${name}_at[${posixQuote(k)}]=${posixQuote(v)}`),
    'else',
    `    unset -v ${name} ${name}_at`,
    `    ${name}_text=${posixQuote(text)}`,
    `    ${list(`${name}_values`, [...new Set(pairs.map(([, v]) => v))])}`,
    'fi',
  ];
}

/** In POSIX mode (set -o posix, or bash started as sh) a function's name must be an identifier,
 *  and defining `cb-bedrock() {...}` is an error that ends a script: there the commands are
 *  aliases (POSIX mode expands aliases in scripts too), elsewhere functions. */
function commands(defs: ReadonlyArray<UserCommand>): string[] {
  if (!defs.length) return [];
  return [
    'if [ -o posix ]; then',
    ...defs.map((c) => `    alias ${c.name}=${posixQuote(posixCall(c.words[0]!, c.words.slice(1)))}`),
    'else',
    // `function NAME`: after a load in POSIX mode, NAME() would be read with the alias expanded.
    ...defs.map((c) => `    function ${c.name} { ${posixForward(c.words)}; }`),
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
  commands,
  identifier: (word) => word.replace(/_/g, '_u').replace(/-/g, '_h'),
  literalDollars: (why) => [`# shellcheck disable=SC2016${why ? ` # ${why}` : ''}`],
};
