import { indent, PLAIN_WORD } from './types.js';

// bash and zsh read the same quoting, function and command syntax; lists and tables differ.

/** Single quotes take every byte literally; a quote inside is closed, escaped and reopened.
 *  (Also right under zsh's RC_QUOTES: the output never holds '' inside a quoted run.) */
export function posixQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** $'...' with every byte outside printable ASCII as \xHH. */
export function posixEscape(value: string): string {
  const bytes = [...Buffer.from(value, 'utf8')];
  return `$'${bytes.map((b) => (b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('')}'`;
}

export function posixExportLine(name: string, value: string): string {
  return `export ${name}=${value}`;
}

/** `NAME=value command`: the assignment holds for that command only. */
export function posixWithEnv(name: string, value: string, command: string): string[] {
  return [`${name}=${posixQuote(value)} ${command}`];
}

export function posixFunc(name: string, body: string[]): string[] {
  return [`${name}() {`, ...indent(body.length ? body : [':']), '}'];
}

export function posixCall(name: string, args: readonly string[]): string {
  return [name, ...args.map((a) => (PLAIN_WORD.test(a) ? a : posixQuote(a)))].join(' ');
}

/** A command line running `words` with the function's arguments. */
export function posixForward(words: readonly string[]): string {
  return `${posixCall(words[0]!, words.slice(1))} "$@"`;
}

/** What bash and zsh write alike. */
export const posixCommon = {
  quote: posixQuote,
  exportLine: posixExportLine,
  withEnv: posixWithEnv,
  func: posixFunc,
  call: posixCall,
  callWithList: (name: string, from: string) => `${name} "\${${from}[@]}"`,
  allArgs: '"$@"',
  noop: ':',
} as const;
