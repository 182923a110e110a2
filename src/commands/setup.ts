// claude-hooks setup: the one init line in the right start-up file, inside a marked block;
// --undo takes it out again, leaving the file as it was.
import { accessSync, constants } from 'node:fs';
import { basename, delimiter, isAbsolute, join } from 'node:path';
import fse from 'fs-extra';
import { blockLines, withBlockBytes, withoutBlockBytes } from '../block.js';
import { selfCommand } from '../init.js';
import { asInputError, InputError } from '../errors.js';
import { linkTarget, readRegularFile, withFileLock, writeFileAtomic } from '../files.js';
import { displayPath } from '../profiles/config.js';
import { posixQuote } from '../render/posix.js';
import { fishQuote } from '../render/fish.js';
import { plainInitLine, startupFile } from '../render/startup.js';
import { SHELLS, type ShellName } from '../render/types.js';
import { print, warn } from '../print.js';
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

/** `claude-hooks` when it is on PATH, else this CLI by its full path (an npx or local install).
 *  Only PATH's absolute directories count: a relative one (node_modules/.bin, or an empty entry,
 *  the current directory) finds it here, and in every other directory a new terminal opens in,
 *  nothing, or a repository's own claude-hooks. */
function startupCommand(shell: ShellName, env: Env): string {
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d))) {
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
    // Tested, not sourced with 2>/dev/null: that would also silence everything the cached copy
    // says (a broken config, a cache it cannot write). XDG_CACHE_HOME counts only when it is an
    // absolute path, as `init --cache` (and the XDG spec) takes it: a relative one would name a
    // file under whatever directory the terminal opens in, a cloned repository's perhaps, and
    // source it. (Empty, it would name /claude-hooks in fish.) And only a file of the user's own
    // (-O): one another user put there, in a cache directory that is not private, is not run.
    if (shell === 'fish') {
      return `set -l __cb_cache $HOME/.cache/claude-hooks/init.fish; string match -q '/*' -- "$XDG_CACHE_HOME"; and set __cb_cache $XDG_CACHE_HOME/claude-hooks/init.fish\ntest -f $__cb_cache -a -O $__cb_cache; and source $__cb_cache; or ${cmd} init fish --cache | source`;
    }
    const file = (dir: string) => `"${dir}/claude-hooks/init.${shell}"`;
    const load = (dir: string) => `[ -f ${file(dir)} ] && [ -O ${file(dir)} ] && . ${file(dir)}`;
    const fallback = shell === 'bash' ? `eval "$(${cmd} init bash --cache)"` : `source <(${cmd} init zsh --cache)`;
    return `{ case \${XDG_CACHE_HOME-} in /*) ${load('$XDG_CACHE_HOME')} ;; *) ${load('$HOME/.cache')} ;; esac; } || ${fallback}`;
  }
  return plainInitLine(shell, cmd);
}

/** Lines outside our block that load claude-hooks by hand: `eval "$(claude-hooks init bash)"`,
 *  a cached copy sourced directly; comments do not count. 1-based line numbers. */
function handLines(text: string, block: [number, number] | undefined): number[] {
  return text.split('\n').flatMap((line, i) => {
    const n = i + 1;
    if (block && n >= block[0] && n <= block[1]) return [];
    const code = line.trimStart();
    if (code.startsWith('#')) return [];
    return /claude-hooks\S*\s+init\s+(bash|zsh|fish)\b|claude-hooks\/init\.(bash|zsh|fish)\b/.test(code) ? [n] : [];
  });
}

/** zsh lines after our block that run compinit (themselves or through oh-my-zsh): the block's
 *  `compdef` needs compinit to have run first, or cb-use completes file names. */
function compinitAfter(text: string, block: [number, number]): number[] {
  return text.split('\n').flatMap((line, i) => {
    const code = line.trimStart();
    if (i + 1 <= block[1] || code.startsWith('#')) return [];
    return /(^|[;&|{(]\s*|\b(then|do|else)\s+)compinit\b|oh-my-zsh\.sh\b/.test(code) ? [i + 1] : [];
  });
}

export async function setup(o: SetupOptions, env: Env = process.env): Promise<void> {
  const shell = o.shell ? (o.shell as ShellName) : detectShell(env);
  const file = startupFile(shell, env);
  // A symlinked start-up file is changed where it points, and the link stays.
  const target = await linkTarget(file);
  if (o.dryRun) return change(o, shell, file, target, env);
  try {
    await withFileLock(target, 'setup', () => change(o, shell, file, target, env));
  } catch (err) {
    throw asInputError(err, `setup: cannot change ${file}`);
  }
}

async function change(o: SetupOptions, shell: ShellName, file: string, target: string, env: Env): Promise<void> {
  const shown = inline(displayPath(file, env));
  const say = (text: string) => print(`claude-hooks: ${text}\n`);
  // Never a blocking read: a start-up file that is a FIFO (or a device) is refused.
  let read: Buffer | undefined;
  try {
    read = readRegularFile(target, 'setup: ');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`setup: cannot read ${file} (${(err as NodeJS.ErrnoException).code})`);
  }
  const exists = read !== undefined;
  const existing: Buffer = read ?? Buffer.alloc(0);
  const text = existing.toString('latin1');
  const block = blockLines(text, file);
  const hand = handLines(text, block);
  const line = initLine(shell, env, o.cache);
  // fish reads conf.d for every `fish -c` and script too: the commands are for interactive
  // shells, and loading them costs a node start.
  const load = shell === 'fish' ? `if status is-interactive\n${line.replace(/^/gm, '    ')}\nend` : line;
  const body = `# Switch Claude Code's backend: cb-bedrock, cb-anthropic, cb-use <profile>. \`claude-hooks setup --undo\` removes this.\n${load}\n`;

  if (!o.undo && !block && hand.length) {
    say(`${shown} line ${hand[0]} already loads claude-hooks; nothing added (to have setup manage it instead, delete that line and run claude-hooks setup again)`);
    return;
  }
  if (hand.length) {
    warn(`${shown} line ${hand[0]} ${o.undo ? 'still loads claude-hooks, by hand: remove it too if you want claude-hooks gone' : `also loads claude-hooks: it loads twice; remove line ${hand[0]}`}`);
  }
  const removed = withoutBlockBytes(existing, file);
  const next = o.undo ? removed.bytes : withBlockBytes(existing, body, file, !exists);
  if (!o.undo && shell === 'zsh') {
    const at = blockLines(next.toString('latin1'), file)!;
    const late = compinitAfter(next.toString('latin1'), at);
    if (late.length) warn(`${shown} line ${late[0]} runs compinit after the claude-hooks block (lines ${at[0]}-${at[1]}), so cb-use completes file names: move the block below line ${late.at(-1)}`);
  }
  if (next.equals(existing)) {
    say(o.undo ? `${shown} has no claude-hooks block; nothing to undo` : `${shown} already loads claude-hooks; nothing to do`);
    return;
  }
  // A block already there (another line, --cache added or dropped) is replaced, not added.
  const replacing = !o.undo && block !== undefined;
  const verb = replacing ? 'replace the claude-hooks block in' : 'add to';
  if (o.dryRun) {
    say(`would ${o.undo ? 'remove the claude-hooks block from' : verb} ${shown}${o.undo ? '' : ':'}`);
    if (!o.undo) print(body.replace(/^(?=.)/gm, '    '));
    return;
  }
  const backup = `${file}.claude-hooks.bak`;
  // Nothing left but what we put there: a fish conf.d file of ours, or a start-up file that did
  // not exist before setup made it. Remove it rather than leave an empty file, and a backup that
  // held only our block with it.
  if (o.undo && next.length === 0 && (shell === 'fish' || removed.created)) {
    await fse.remove(target);
    if (await onlyOurs(backup)) await fse.remove(backup);
    say(`removed ${shown}; open a new shell, or run cb-off and unset the cb-* functions in this one`);
    return;
  }
  // The backup is the file as it was before claude-hooks first touched it: taken when the block
  // goes in, never when it is rewritten or taken out (that would put our block in the backup).
  if (exists && !block && existing.length > 0) {
    // A backup that is a link (an older claude-hooks copied links as links) is replaced, not
    // written through: that would write into the start-up file itself.
    if ((await fse.lstat(backup).catch(() => undefined))?.isSymbolicLink()) await fse.remove(backup);
    await writeFileAtomic(backup, existing, 0o600, false, true); // a start-up file may export secrets
    say(`backed up ${shown} to ${shown}.claude-hooks.bak`);
  }
  await writeFileAtomic(file, next);
  say(o.undo ? `removed the claude-hooks block from ${shown}` : `${replacing ? 'replaced the block in' : 'added to'} ${shown}: ${line.split('\n').pop()}`);
  if (!o.undo) say(`open a new ${shell}, or load it now: ${shell === 'fish' ? `source ${shown}` : `source ${shown}`}`);
}

/** Whether a backup holds nothing of the user's: empty, or our block alone. */
async function onlyOurs(path: string): Promise<boolean> {
  try {
    const bytes = readRegularFile(path, '');
    return bytes !== undefined && withoutBlockBytes(bytes, path).bytes.length === 0;
  } catch {
    return false;
  }
}
