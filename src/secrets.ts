// Secrets recognised by their value, wherever they hide: a key in a header variable, a password
// in a URL, a token inside a command (issue 15, item 8). Names alone (managed.ts looksSecret)
// miss `ANTHROPIC_CUSTOM_HEADERS = "x-api-key: sk-ant-..."` and `https://user:pw@host`.
// The config refuses such values unless it is private and opts in (profiles/config.ts), and
// everything the CLI prints masks them (print.ts, with mask.ts).
import { mask } from './mask.js';

export interface Found {
  /** What it looks like, for a message: never the value. */
  kind: string;
  /** Where the secret part is in the text (a URL's password, a header's value, a whole key). */
  start: number;
  end: number;
}

// Each pattern's last capture group, or the whole match, is the secret part.
const PATTERNS: Array<[kind: string, pattern: RegExp, plausible?: (part: string) => boolean]> = [
  ['an Anthropic key', /sk-ant-[A-Za-z0-9_-]{8,}/g],
  ['an OpenAI key', /(?<![A-Za-z0-9_-])sk-(?!ant-)[A-Za-z0-9_-]{20,}/g],
  ['an AWS access key id', /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g],
  ['a GitHub token', /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g],
  ['a Google API key', /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}/g],
  ['a Slack token', /(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/g],
  ['a JWT', /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----[^]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g],
  // A word after Bearer or Basic in prose ("Basic authentication") is not a token: one has a digit or is long.
  ['a bearer token', /\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})/gi, (t) => /[0-9]/.test(t) || t.length >= 20],
  ['a password in a URL', /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]+)@/gi],
  // A header name starts a line, a value or an argument (not `profiles.p.apiKey: ...`), and its
  // value looks random: a digit, or long.
  [
    'a key header',
    /(?<![\w.-])(?:x-api-key|api-key|apikey|x-auth-token|auth-token|authorization|proxy-authorization|x-goog-api-key|ocp-apim-subscription-key|cookie|x-amz-security-token)\s*:\s*([^\s,;][^\n\r,;]*)/gi,
    (v) => /[0-9]/.test(v) || v.replace(/\s/g, '').length >= 20,
  ],
];

/** The same shapes as shell glob patterns (`*` and `?` only, every case spelt out), for cb-status,
 *  which must tell a secret by its value without starting a process. Coarser than PATTERNS on
 *  purpose: where one matches, the shell masks the whole value (test/secret-values.test.ts keeps
 *  every kind above matched by one of these). */
export const SECRET_SHAPES: readonly string[] = [
  '*sk-ant-*',
  '*sk-????????????????????*',
  '*AKIA????????????????*',
  '*ASIA????????????????*',
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'].map((p) => `*${p}*`),
  '*AIza???????????????????????????????????*',
  '*xox?-*',
  '*eyJ*.*.*',
  '*-----BEGIN*PRIVATE KEY*',
  ...['Bearer', 'bearer', 'BEARER', 'Basic', 'basic', 'BASIC'].map((w) => `*${w} ?*`),
  '*://*:*@*',
  ...['x-api-key', 'api-key', 'apikey', 'x-auth-token', 'auth-token', 'authorization', 'proxy-authorization', 'x-goog-api-key', 'ocp-apim-subscription-key', 'cookie', 'x-amz-security-token']
    .flatMap((h) => [h, h.toUpperCase(), h.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase())])
    .map((h) => `*${h}:*`),
];

/** An AWS secret access key, or anything as random: 40 base64 characters, with upper case,
 *  lower case and digits (a git hash, lower-case hex, does not count). */
const BASE64_40 = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const RANDOM = (s: string) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s);

/** Every secret in `text`, in order, overlaps merged. */
export function findSecrets(text: string): Found[] {
  const found: Found[] = [];
  for (const [kind, pattern, plausible] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const part = m.length > 1 && m[m.length - 1] !== undefined ? m[m.length - 1]! : m[0];
      if (plausible && !plausible(part)) continue;
      const start = m.index! + m[0].lastIndexOf(part);
      found.push({ kind, start, end: start + part.trimEnd().length });
    }
  }
  for (const m of text.matchAll(BASE64_40)) {
    if (RANDOM(m[0])) found.push({ kind: 'an AWS secret key', start: m.index!, end: m.index! + m[0].length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Found[] = [];
  for (const f of found) {
    const last = merged[merged.length - 1];
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else merged.push({ ...f });
  }
  return merged;
}

/** What secret `text` holds, in words ("an Anthropic key"), or null. */
export function secretKind(text: string): string | null {
  return findSecrets(text)[0]?.kind ?? null;
}

/** `text` with every secret in it masked (`sk-ant-…1234`, `https://me:…@host`). */
export function maskSecrets(text: string): string {
  const found = findSecrets(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + mask(text.slice(f.start, f.end));
    at = f.end;
  }
  return out + text.slice(at);
}
