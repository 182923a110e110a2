// Everything the CLI says to a person goes out through here, so that no outside text reaches
// the terminal raw (see sanitize.ts). Exempt, and written directly: `init` (shell code for
// eval, not for a terminal) and `secret` (a value the shell reads). Secrets are masked here too,
// whatever printed them (secrets.ts).
import { colorsOn } from './colors.js';
import { clipLine, forTerminal, inline } from './sanitize.js';
import { maskSecrets } from './secrets.js';
import { quietOnClosedStdout } from './stdout.js';

/** Text for standard output, our colour codes kept only when colours are on. */
export function print(text: string): void {
  quietOnClosedStdout();
  process.stdout.write(forTerminal(maskSecrets(text), colorsOn(process.stdout)));
}

/** One line on standard error: `claude-hooks: <message>`, the message escaped to one line and
 *  cut to a readable length (a long value in it keeps its start). */
export function warn(message: string): void {
  process.stderr.write(`claude-hooks: ${inline(clipLine(maskSecrets(message)))}\n`);
}
