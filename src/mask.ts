/** A secret as it may be shown: `sk-ant-…1234`, `AKIA…WXYZ`, or `…` when too short to show any
 *  of it. The same rule as the shell integration's cb-status. */
export function mask(value: string): string {
  let keep = '';
  if (value.startsWith('sk-ant-')) keep = 'sk-ant-';
  else if (/^(AKIA|ASIA)/.test(value)) keep = value.slice(0, 4);
  return value.length >= 16 ? `${keep}…${value.slice(-4)}` : `${keep}…`;
}
