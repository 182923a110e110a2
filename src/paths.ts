import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root directory, from wherever this code runs: the bundled dist/ (flat) or
 *  src/ under the tests (nested). Templates, the schema and package.json live there. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('claude-hooks: cannot find its own package.json');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
