/** How a secret is shown: the start it may keep (the rest of the value is hidden), the last
 *  TAIL characters when it is at least LONG long, and … for the hidden part. The shells mask by
 *  the same facts, rendered into them. */
export const MASK = {
  /** A value starting with one of these keeps it: it tells which kind of key this is. */
  keep: ['sk-ant-', 'AKIA', 'ASIA'],
  long: 16,
  tail: 4,
} as const;

/** A secret as it may be shown: `sk-ant-…1234`, `AKIA…WXYZ`, or `…` when too short to show any
 *  of it. The same rule as the shell integration's cb-status. */
export function mask(value: string): string {
  const keep = MASK.keep.find((k) => value.startsWith(k)) ?? '';
  return value.length >= MASK.long ? `${keep}…${value.slice(-MASK.tail)}` : `${keep}…`;
}
