// --help, from the declarations: wrapped to the terminal's width, with examples never broken
// (a command cut in two cannot be pasted).
import { GLOBAL_OPTIONS, HELP_OPTION, type Command, type Option } from './spec.js';
import { orList } from './parse.js';

const SCRIPT = 'claude-hooks';
const INDENT = '  ';
/** Past this, lines get hard to read however wide the terminal (clap stops at 100 too). */
const MAX_WIDTH = 100;

/** The width to wrap at: the terminal's, else $COLUMNS, else 80. */
export function helpWidth(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const width = stream.isTTY && stream.columns ? stream.columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(40, Math.min(width, MAX_WIDTH));
}

/** Words of `text` in lines of at most `width` characters; a word longer than that stays whole. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Two columns: the left as it is, the right wrapped beside it; under it when the left is wide
 *  or the terminal narrow. */
function twoColumns(rows: ReadonlyArray<readonly [string, string]>, width: number): string[] {
  const left = Math.min(Math.max(...rows.map(([l]) => l.length)), 26);
  const room = width - INDENT.length - left - 2;
  const under = INDENT + '        ';
  const out: string[] = [];
  for (const [l, r] of rows) {
    if (l.length > left || room < 20) {
      out.push(INDENT + l, ...wrap(r, width - under.length).map((b) => under + b));
      continue;
    }
    const body = wrap(r, room);
    body.forEach((b, k) => out.push(INDENT + (k === 0 ? l.padEnd(left) : ' '.repeat(left)) + '  ' + b));
    if (body.length === 0) out.push(INDENT + l);
  }
  return out;
}

function optionLabel(o: Option): string {
  const short = o.short ? `-${o.short}, ` : '    ';
  const long = o.value === undefined && o.default === true ? `--[no-]${o.name}` : `--${o.name}`;
  return `${short}${long}${o.value ? ` ${o.value}` : ''}`;
}

function usageLine(path: readonly Command[]): string {
  const command = path.at(-1)!;
  const words = [SCRIPT, ...path.map((c) => c.name)];
  if (command.subcommands?.length && !command.run) words.push('<command>');
  for (const a of command.args ?? []) words.push(a.required ? `<${a.name}>` : `[${a.name}]`);
  if (command.options?.length) words.push('[options]');
  return words.join(' ');
}

function examples(list: Command['examples'], width: number): string[] {
  if (!list?.length) return [];
  const out = ['', 'Examples:'];
  // The explanation wraps, as a comment above; the command is one line, whatever the width.
  for (const e of list) out.push(...wrap(e.what, width - INDENT.length - 2).map((l) => `${INDENT}# ${l}`), INDENT + e.command);
  return out;
}

export function helpText(path: readonly Command[], commands: readonly Command[], width = helpWidth()): string {
  if (path.length === 0) return topHelp(commands, width);
  const command = path.at(-1)!;
  const out = [`Usage: ${usageLine(path)}`];
  const subs = (command.subcommands ?? []).filter((c) => !c.hidden);
  if (command.run && subs.length) out.push(`       ${SCRIPT} ${path.map((c) => c.name).join(' ')} <command>`);
  out.push('', ...wrap(command.description ?? capital(command.summary) + '.', width));
  if (subs.length) {
    out.push('', 'Commands:', ...twoColumns(subs.map((c) => [[c.name, ...(c.args ?? []).map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`))].join(' '), c.summary]), width));
  }
  if (command.args?.length) {
    const rows = command.args.map((a) => [`<${a.name}>`, a.describe + (a.choices ? `: ${orList(a.choices)}` : '')] as const);
    out.push('', 'Arguments:', ...twoColumns(rows, width));
  }
  const options = [...(command.options ?? []), HELP_OPTION];
  out.push('', 'Options:', ...twoColumns(options.map((o) => [optionLabel(o), o.describe]), width));
  out.push(...examples(command.examples, width));
  if (subs.length) out.push('', ...wrap(`See also: ${subs.map((c) => `${SCRIPT} ${path.map((p) => p.name).join(' ')} ${c.name} --help`).join(', ')}.`, width));
  return out.join('\n') + '\n';
}

function topHelp(commands: readonly Command[], width: number): string {
  const shown = commands.filter((c) => !c.hidden);
  const out = [
    ...wrap(`${SCRIPT}: switch Claude Code between its backends (the Anthropic API, Amazon Bedrock, Google Vertex AI, Microsoft Foundry, ...) per shell and per directory.`, width),
    '',
    `Usage: ${SCRIPT} <command> [options]`,
    '',
    'Commands:',
    ...twoColumns([...shown.map((c) => [c.name, c.summary] as const), ['help', 'show help for a command: claude-hooks help status'] as const], width),
    '',
    'Options:',
    ...twoColumns(GLOBAL_OPTIONS.map((o) => [optionLabel(o), o.describe]), width),
    '',
    ...wrap(`In your shell, once loaded (claude-hooks setup): cb-bedrock, cb-anthropic, ... (one per backend), cb-use <profile>, cb-off, cb-status, cb-reload.`, width),
    '',
    ...wrap('Exit codes: 0 ok, 1 findings, 2 usage or input error.', width),
  ];
  return out.join('\n') + '\n';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
