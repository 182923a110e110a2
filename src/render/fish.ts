import { indent, PLAIN_WORD, type Dialect } from './types.js';

/** fish's single quotes: only `\` and `'` are special inside, each escaped with a backslash. */
export function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

/** Unquoted, fish reads \uXXXX as that character. */
function fishEscape(value: string): string {
  return [...value].map((c) => (c >= ' ' && c < '\x7f' ? fishQuote(c) : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)).join('');
}

const list = (name: string, items: readonly string[]) => `set -g ${name} ${items.map(fishQuote).join(' ')}`.trimEnd();

export const fish: Dialect = {
  quote: fishQuote,
  assign: (name, value, o) => `set -g ${name} ${o?.escape ? fishEscape(value) : fishQuote(value)}`,
  list,
  // fish has no associative arrays: the keys and the values in two lists, the value of
  // $name_keys[i] at $name_values[i] (`contains -i` finds i in one builtin).
  table: (name, pairs) => [list(`${name}_keys`, pairs.map(([k]) => k)), list(`${name}_values`, pairs.map(([, v]) => v))],
  exportLine: (name, value) => `set -gx ${name} ${value}`,
  // Local to the function that runs it: gone when it returns.
  withEnv: (name, value, command) => [`set -lx ${name} ${fishQuote(value)}`, command],
  func: (name, body, description) => [`function ${name}${description ? ` --description ${fishQuote(description)}` : ''}`, ...indent(body), 'end'],
  copyList: (name, from) => `set -g ${name} $${from}`,
  callWithList: (name, from) => `${name} $${from}`,
  call: (name, args) => [name, ...args.map((a) => (PLAIN_WORD.test(a) ? a : fishQuote(a)))].join(' '),
  allArgs: '$argv',
  noop: 'true',
};
