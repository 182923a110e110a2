// claude-hooks setup: the one init line in the right start-up file, inside a marked block;
// --undo takes it out again, leaving the file as it was.
import { accessSync, constants } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import fse from 'fs-extra';
import { BLOCK_START, withBlock, withoutBlock } from '../block.js';
import { selfCommand } from '../init.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { displayPath } from '../profiles/config.js';
import { posixQuote } from '../render/posix.js';
import { fishQuote } from '../render/fish.js';
import { plainInitLine, startupFile } from '../render/startup.js';
import { SHELLS, type ShellName } from '../render/types.js';
import { print } from '../print.js';
import { inline } from '../sanitize.js';

type Env = Record<string, string | undefined>;

export interface SetupOptions {
  shell?: string | undefined;
  dryRun: boolean;
  undo: boolean;
  cache: boolean;
}

function detectShell(env: Env): ShellName {
  const name = basename(env.SHELL ?? '');
  if ((SHELLS as readonly string[]).includes(name)) return name as ShellName;
  throw new InputError(`setup: cannot tell your shell from SHELL=${JSON.stringify(env.SHELL ?? '')}; name it: claude-hooks setup bash|zsh|fish`);
}

export { startupFile } from '../render/startup.js';

/** `claude-hooks` when it is on PATH, else this CLI by its full path (an npx or local install). */
function startupCommand(shell: ShellName, env: Env): string {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, 'claude-hooks'), constants.X_OK);
      return 'claude-hooks';
    } catch {
      // not in this one
    }
  }
  const quote = shell === 'fish' ? fishQuote : posixQuote;
  return selfCommand().map(quote).join(' ');
}

/** The line that loads the integration; with `cache`, from a file that needs no node when fresh. */
export function initLine(shell: ShellName, env: Env = process.env, cache = false): string {
  const cmd = startupCommand(shell, env);
  if (cache) {
    const file = shell === 'fish' ? `$__cb_cache/claude-hooks/init.${shell}` : `"\${XDG_CACHE_HOME:-$HOME/.cache}/claude-hooks/init.${shell}"`;
    if (shell === 'fish') return `set -l __cb_cache $HOME/.cache; set -q XDG_CACHE_HOME; and set __cb_cache $XDG_CACHE_HOME\nsource ${file} 2>/dev/null; or ${cmd} init fish --cache | source`;
    return shell === 'bash' ? `. ${file} 2>/dev/null || eval "$(${cmd} init bash --cache)"` : `source ${file} 2>/dev/null || source <(${cmd} init zsh --cache)`;
  }
  return plainInitLine(shell, cmd);
}

export async function setup(o: SetupOptions, env: Env = process.env): Promise<void> {
  const shell = o.shell ? (o.shell as ShellName) : detectShell(env);
  const file = startupFile(shell, env);
  const shown = inline(displayPath(file, env));
  let existing = '';
  let exists = true;
  try {
    existing = await fse.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`setup: cannot read ${file} (${(err as NodeJS.ErrnoException).code})`);
    exists = false;
  }
  const line = initLine(shell, env, o.cache);
  // fish reads conf.d for every `fish -c` and script too: the commands are for interactive
  // shells, and loading them costs a node start.
  const load = shell === 'fish' ? `if status is-interactive\n${line.replace(/^/gm, '    ')}\nend` : line;
  const body = `# Switch Claude Code's backend: cb-bedrock, cb-anthropic, cb-use <profile>. \`claude-hooks setup --undo\` removes this.\n${load}\n`;
  const next = o.undo ? withoutBlock(existing, file) : withBlock(existing, body, file);
  const say = (text: string) => print(`claude-hooks: ${text}\n`);
  if (next === existing) {
    say(o.undo ? `${shown} has no claude-hooks block; nothing to undo` : `${shown} already loads claude-hooks; nothing to do`);
    return;
  }
  // A block already there (another line, --cache added or dropped) is replaced, not added.
  const replacing = !o.undo && existing.split('\n').some((l) => l.startsWith(BLOCK_START));
  const verb = replacing ? 'replace the claude-hooks block in' : 'add to';
  if (o.dryRun) {
    say(`would ${o.undo ? 'remove the claude-hooks block from' : verb} ${shown}${o.undo ? '' : ':'}`);
    if (!o.undo) print(body.replace(/^(?=.)/gm, '    '));
    return;
  }
  // A fish conf.d file of ours alone: removing our block leaves nothing, so remove the file.
  if (o.undo && next === '' && shell === 'fish') {
    await fse.remove(file);
    say(`removed ${shown}; open a new shell, or run cb-off and unset the cb-* functions in this one`);
    return;
  }
  if (exists) {
    await fse.copy(file, `${file}.claude-hooks.bak`);
    await fse.chmod(`${file}.claude-hooks.bak`, 0o600); // a start-up file may export secrets
    say(`backed up ${shown} to ${shown}.claude-hooks.bak`);
  }
  await writeFileAtomic(file, next);
  say(o.undo ? `removed the claude-hooks block from ${shown}` : `${replacing ? 'replaced the block in' : 'added to'} ${shown}: ${line.split('\n').pop()}`);
  if (!o.undo) say(`open a new ${shell}, or load it now: ${shell === 'fish' ? `source ${shown}` : `source ${shown}`}`);
}
