import { indent, PLAIN_WORD, type Dialect } from './types.js';

/** fish's single quotes: only `\` and `'` are special inside, each escaped with a backslash. */
export function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

/** Unquoted, fish reads \uXXXX (\UXXXXXXXX) as that character; each run of printable ASCII
 *  between is quoted whole, so the line stays readable. */
function fishEscape(value: string): string {
  if (value === '') return "''";
  const escape = (c: string) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  };
  return (value.match(/[ -~]+|[^ -~]/gu) ?? []).map((run) => (/^[ -~]/.test(run) ? fishQuote(run) : escape(run))).join('');
}

const list = (name: string, items: readonly string[], o?: { escape?: boolean }) =>
  `set -g ${name} ${items.map(o?.escape ? fishEscape : fishQuote).join(' ')}`.trimEnd();

export const fish: Dialect = {
  quote: fishQuote,
  assign: (name, value, o) => `set -g ${name} ${o?.escape ? fishEscape(value) : fishQuote(value)}`,
  list,
  // fish has no associative arrays: one text, a line "<key>\t<value>" each between newlines,
  // which one `string match` searches (keys hold no control characters: the config refuses
  // them). A list would be expanded, item by item, at each look.
  // An empty table is an empty list, so that `set -q name_text[1]` tells without expanding it.
  table: (name, pairs) => [list(`${name}_text`, pairs.length ? [`\n${pairs.map(([k, v]) => `${k}\t${v}`).join('\n')}\n`] : [])],
  exportLine: (name, value) => `set -gx ${name} ${value}`,
  // Local to the function that runs it: gone when it returns.
  withEnv: (name, value, command) => [`set -lx ${name} ${fishQuote(value)}`, command],
  func: (name, body, description) => [`function ${name}${description ? ` --description ${fishQuote(description)}` : ''}`, ...indent(body), 'end'],
  copyList: (name, from) => `set -g ${name} $${from}`,
  callWithList: (name, from) => `${name} $${from}`,
  call: (name, args) => [name, ...args.map((a) => (PLAIN_WORD.test(a) ? a : fishQuote(a)))].join(' '),
  allArgs: '$argv',
  noop: 'true',
  identifier: (word) => word,
  literalDollars: () => [],
  commands: (defs) => defs.flatMap((c) => fish.func(c.name, [`${fish.call(c.words[0]!, c.words.slice(1))} $argv`], c.description)),
};
