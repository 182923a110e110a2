import { indent, type Arm, type DirArm } from './types.js';

// bash and zsh read the same quoting, function and case syntax; only lists and templates differ.

/** Single quotes take every byte literally; a quote inside is closed, escaped and reopened.
 *  (Also right under zsh's RC_QUOTES: the output never holds '' inside a quoted run.) */
export function posixQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function posixFunc(name: string, body: string[]): string[] {
  return [`${name}() {`, ...indent(body.length ? body : [':']), '}'];
}

export function posixSwitchOnFirstArg(arms: Arm[], fallback: string[]): string[] {
  return [
    'case ${1-} in',
    ...arms.flatMap((a) => [`${posixQuote(a.word)})`, ...indent([...a.body, ';;'])]),
    '*)',
    ...indent([...fallback, ';;']),
    'esac',
  ];
}

export function posixSwitchOnDir(arms: DirArm[], fallback: string[]): string[] {
  // The quoted part of a case pattern is literal, so a directory named `a*b` matches only itself.
  // `$1/` against `dir/*` matches the directory itself and everything below it.
  return [
    'case ${1-}/ in',
    ...arms.flatMap((a) => [`${a.dir === '/' ? '' : posixQuote(a.dir)}/*)`, ...indent([...a.body, ';;'])]),
    '*)',
    ...indent([...fallback, ';;']),
    'esac',
  ];
}

// bash and zsh go through the template's helpers, which direnv's library also defines.
export function posixExportAll(pairs: ReadonlyArray<readonly [string, string]>): string[] {
  return pairs.map(([name, value]) => `_cb_put ${name} ${posixQuote(value)}`);
}
export function posixClearAll(names: readonly string[]): string[] {
  return [`_cb_drop ${names.join(' ')}`];
}
export function posixRequireAny(hint: string, names: readonly string[]): string[] {
  return [`_cb_need ${posixQuote(hint)} ${names.join(' ')}`];
}

/** One test a line, written out: a third faster in bash than a loop over the names with an
 *  indirect expansion, and the switch runs it every time. */
export function posixListSet(managed: readonly string[]): string[] {
  return ['_cb_list_set() {', ...managed.map((n) => `    [[ -z \${${n}+x} ]] || _cb_todo+=(${n})`), '}'];
}
