// Outside text (paths, directory names, settings values, config names and values, marker
// content, environment values, other programs' error messages) is shown, never obeyed. A control
// character in it would move the cursor, clear the screen, retitle the terminal or write the
// clipboard (OSC 52); a bidi override would reorder what the line appears to say. Every such
// character is shown as an escape instead: `\x1b`, `\x85`, `\u202e`. The shell integration has
// its own sanitizer with the same rule (issue 15, item 1).

// C0 controls, DEL, C1 controls, lone UTF-16 surrogates (what is left of invalid text), and the
// Unicode characters that move or reorder text: line and paragraph separators, and every
// Bidi_Control character (the embeddings, overrides and isolates U+202A-U+202E, U+2066-U+2069,
// and the marks U+061C, U+200E, U+200F, which reorder the neutral characters around them).
/** Those Unicode characters, which the shell integration escapes too (rendered into it as
 *  _cb_wide_ctl_*: they are not [[:cntrl:]] there). */
export const FORMAT_CONTROLS: readonly number[] = [0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const CONTROL_OR_TAB_OR_NEWLINE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A value shown inside one line of output: every control character escaped, newline and tab
 *  included, so a value can neither act on the terminal nor forge a line of its own. */
export function inline(text: string): string {
  return text.replace(CONTROL_OR_TAB_OR_NEWLINE, escape);
}

/** Text of several lines: like inline, but newline and tab stay. */
export function block(text: string): string {
  return text.replace(CONTROL, escape);
}

/** Bytes that should be UTF-8, shown as text: each byte that is not part of valid UTF-8 is
 *  shown as `\xNN` rather than silently replaced, and control characters are escaped. */
export function fromBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n === 0) {
      out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      i += 1;
    } else {
      out += Buffer.from(bytes.subarray(i, i + n)).toString('utf8');
      i += n;
    }
  }
  return inline(out);
}

/** The length of the valid UTF-8 sequence at `i`, or 0 (RFC 3629: no overlongs, no surrogates). */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c >= 0xe1 && c <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// The only escape sequences of our own: the colours of ../colors.ts.
const OUR_COLOURS = /(\x1b\[(?:1|2|22|31|32|33|36|39)m)/;

/** Text about to reach a terminal: with `colours`, our own colour codes pass and everything else
 *  is escaped; without, nothing passes. The last line of defence: values are escaped with
 *  inline() where they are put into a message, so that a message stays one line. */
export function forTerminal(text: string, colours: boolean): string {
  if (!colours) return block(text);
  return text
    .split(OUR_COLOURS)
    .map((part, i) => (i % 2 === 1 ? part : block(part)))
    .join('');
}

/** JSON for scripts. JSON.stringify escapes C0 controls and lone surrogates but leaves DEL, C1
 *  and the bidi controls raw; they are escaped too, so `status --json` in a terminal is safe. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The longest a quoted value may be inside a message (long enough for a deep path), and a
 *  message itself. */
const QUOTED_MAX = 240;
const LINE_MAX = 1000;
/** A double-quoted value with its backslash escapes, longer than QUOTED_MAX. */
const LONG_QUOTED = /"(?:[^"\\]|\\.){241,}"/g;

/** A message cut to a length a person can read: each quoted value ("...", as JSON.stringify
 *  writes it) longer than QUOTED_MAX keeps its start and an ellipsis, and a line still longer
 *  than LINE_MAX keeps its start and its end (where "expected ..." usually is). A 100 KB
 *  argument or config value is named, not echoed whole. Mask secrets before, escape after. */
export function clipLine(text: string): string {
  const clipped = text.replace(LONG_QUOTED, (q) => `${q.slice(0, QUOTED_MAX - 16)}…"`);
  return clipped.length <= LINE_MAX ? clipped : `${clipped.slice(0, 700)} … ${clipped.slice(-250)}`;
}
