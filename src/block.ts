// One marked block in a user's file (.envrc, ~/.bashrc): put in, replaced, or taken out,
// with every other byte left as it was. The file is bytes, not text: a ~/.bashrc in Latin-1
// or with broken UTF-8 must come back as it was, so the Bytes functions work on a Latin-1
// view of it (one character per byte) and only our block, which is ours, is UTF-8.
import { InputError } from './errors.js';

export const BLOCK_START = '# >>> claude-hooks >>>';
export const BLOCK_END = '# <<< claude-hooks <<<';
// When the file's last line had no newline, we add one before the block, and say so on the
// block's first line, so that taking the block out gives back the file byte for byte.
const NEWLINE_ADDED = ' (a newline was added before this line)';
// When there was no file, we say so too, so that taking the block out removes the file
// instead of leaving an empty one where there was none.
const CREATED = ' (this file did not exist before)';

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function bare(line: string): string {
  return line.replace(/\r?\n$/, '');
}

/** Where our block is: [first line, last line], or undefined; throws on a damaged one. */
function find(all: string[], path: string): [number, number] | undefined {
  const starts = all.flatMap((l, i) => ([BLOCK_START, BLOCK_START + NEWLINE_ADDED, BLOCK_START + CREATED].includes(bare(l)) ? [i] : []));
  const ends = all.flatMap((l, i) => (bare(l) === BLOCK_END ? [i] : []));
  if (starts.length === 0 && ends.length === 0) return undefined;
  const [start] = starts;
  const [end] = ends;
  if (starts.length !== 1 || ends.length !== 1 || start === undefined || end === undefined || end < start) {
    throw new InputError(`${path} has a damaged claude-hooks block (expected one "${BLOCK_START}" line and one "${BLOCK_END}" after it); fix it by hand`);
  }
  return [start, end];
}

/** The file with `body` (lines, each ending in a newline) in our block; `created` when there
 *  was no file, which the block then remembers. */
export function withBlock(existing: string, body: string, path: string, created = false): string {
  const all = lines(existing);
  const at = find(all, path);
  if (at) {
    const first = bare(all[at[0]]!);
    return all.slice(0, at[0]).join('') + `${first}\n${body}${BLOCK_END}\n` + all.slice(at[1] + 1).join('');
  }
  if (existing === '') return `${BLOCK_START}${created ? CREATED : ''}\n${body}${BLOCK_END}\n`;
  if (existing.endsWith('\n')) return `${existing}${BLOCK_START}\n${body}${BLOCK_END}\n`;
  return `${existing}\n${BLOCK_START}${NEWLINE_ADDED}\n${body}${BLOCK_END}\n`;
}

/** The file without our block: exactly what it was before withBlock put it in. */
export function withoutBlock(existing: string, path: string): string {
  const all = lines(existing);
  const at = find(all, path);
  if (!at) return existing;
  const before = all.slice(0, at[0]).join('');
  const after = all.slice(at[1] + 1).join('');
  const added = bare(all[at[0]]!) === BLOCK_START + NEWLINE_ADDED;
  return (added && after === '' ? before.replace(/\n$/, '') : before) + after;
}


/** Where our block is, as 1-based line numbers [start, end], or undefined. */
export function blockLines(existing: string, path: string): [number, number] | undefined {
  const at = find(lines(existing), path);
  return at && [at[0] + 1, at[1] + 1];
}

/** Whether our block says it created the file. */
function createdFile(existing: string, path: string): boolean {
  const all = lines(existing);
  const at = find(all, path);
  return at !== undefined && bare(all[at[0]]!) === BLOCK_START + CREATED;
}

const asText = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const asBytes = (text: string) => Buffer.from(text, 'latin1');

/** withBlock on a file's bytes; `body` is text (UTF-8). */
export function withBlockBytes(existing: Uint8Array, body: string, path: string, created = false): Buffer {
  return asBytes(withBlock(asText(existing), asText(Buffer.from(body, 'utf8')), path, created));
}

/** withoutBlock on a file's bytes, and whether the block said it created the file. */
export function withoutBlockBytes(existing: Uint8Array, path: string): { bytes: Buffer; created: boolean } {
  const text = asText(existing);
  return { bytes: asBytes(withoutBlock(text, path)), created: createdFile(text, path) };
}
