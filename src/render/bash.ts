import { posixFunc, posixQuote, posixSwitchOnDir, posixSwitchOnFirstArg, posixExportAll, posixClearAll, posixRequireAny, posixListSet } from './posix.js';
import type { Dialect } from './types.js';

export const bash: Dialect = {
  name: 'bash',
  templateFile: 'bash.sh',
  quote: posixQuote,
  // Plain assignments: `declare` inside `cb-reload` (which evals this) would make them local.
  scalar: (name, value) => `${name}=${posixQuote(value)}`,
  assign: (name, value) => `${name}=${posixQuote(value)}`,
  list: (name, items) => `${name}=(${items.map(posixQuote).join(' ')})`,
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
