import { posixFunc, posixQuote, posixSwitchOnDir, posixSwitchOnFirstArg, posixExportAll, posixClearAll, posixRequireAny, posixListSet } from './posix.js';
import type { Dialect } from './types.js';

export const zsh: Dialect = {
  name: 'zsh',
  templateFile: 'zsh.zsh',
  quote: posixQuote,
  // -g: `cb-reload` evals this inside a function, where a bare typeset would be local.
  scalar: (name, value) => `typeset -g ${name}=${posixQuote(value)}`,
  assign: (name, value) => `${name}=${posixQuote(value)}`,
  list: (name, items) => `typeset -ga ${name}; ${name}=(${items.map(posixQuote).join(' ')})`,
  // Rendered functions are helpers: they run under the `emulate -L zsh` of the entry point
  // (hook or cb-* command) that calls them.
  func: posixFunc,
  switchCommands: true,
  allArgs: '"$@"',
  exportAll: posixExportAll,
  clearAll: posixClearAll,
  requireAny: posixRequireAny,
  listSet: posixListSet,
  switchOnFirstArg: posixSwitchOnFirstArg,
  switchOnDir: posixSwitchOnDir,
};
