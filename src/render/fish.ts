import { indent, type Arm, type DirArm, type Dialect } from './types.js';

/** fish's single quotes: only `\` and `'` are special inside, each escaped with a backslash. */
export function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

function regexEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const fish: Dialect = {
  name: 'fish',
  templateFile: 'fish.fish',
  quote: fishQuote,
  scalar: (name, value) => `set -g ${name} ${fishQuote(value)}`,
  assign: (name, value) => `set -g ${name} ${fishQuote(value)}`,
  list: (name, items) => `set -g ${name} ${items.map(fishQuote).join(' ')}`.trimEnd(),
  func: (name, body, description) => [`function ${name}${description ? ` --description ${fishQuote(description)}` : ''}`, ...indent(body), 'end'],
  switchCommands: true,
  allArgs: '$argv',
  // Inline, not through functions: a fish function call costs more than the work. Each value
  // is recorded as what the switch left (_cb_as_, _cb_av_) right here, where it is known, and
  // _cb_psets tells the switch which variables are already recorded.
  exportAll: (pairs) => [
    ...pairs.flatMap(([name, value]) => [`set -gx ${name} ${fishQuote(value)}`, `set -g _cb_as_${name} x`, `set -g _cb_av_${name} ${fishQuote(value)}`]),
    `set -a _cb_psets ${pairs.map(([n]) => n).join(' ')}`,
  ],
  // `set -q -U` counts the names that are not universal: all of them, most often. Otherwise
  // _cb_drop hides the universal ones.
  clearAll: (names) => [`set -e -g ${names.join(' ')}`, `set -q -U ${names.join(' ')}; test $status = ${names.length}; or _cb_drop ${names.join(' ')}`],
  // fish counts the set ones with `set -q` instead (see _cb_switch).
  listSet: () => [],
  requireAny: (hint, names) => [`test -n "${names.map((n) => `$${n}`).join('')}"; or _cb_warn ${fishQuote(hint)}`],
  switchOnFirstArg: (arms: Arm[], fallback: string[]) => [
    'switch "$argv[1]"',
    ...arms.flatMap((a) => [`case ${fishQuote(a.word)}`, ...indent(a.body)]),
    "case '*'",
    ...indent(fallback),
    'end',
  ],
  // fish's `case` treats `*` and `?` as wildcards even when quoted, so directories are matched
  // with an anchored regex of the escaped path instead: every character literal.
  switchOnDir: (arms: DirArm[], fallback: string[]) => {
    if (arms.length === 0) return fallback;
    const lines: string[] = [];
    arms.forEach((a, i) => {
      const prefix = a.dir === '/' ? '/' : a.dir + '/';
      lines.push(`${i === 0 ? 'if' : 'else if'} string match -qr -- ${fishQuote('^' + regexEscape(prefix))} "$argv[1]/"`);
      lines.push(...indent(a.body));
    });
    return [...lines, 'else', ...indent(fallback), 'end'];
  },
};
