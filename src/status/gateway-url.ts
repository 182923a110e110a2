// The gateway's URL as Claude Code 2.1.332 takes it once CLAUDE_CODE_USE_GATEWAY counts (its URL
// and token are there): trimmed, `https://` put in front when it starts with neither `http://`
// nor `https://` (in any case), then parsed as a URL; plain `http://` only to localhost,
// 127.0.0.1 or ::1. A URL it refuses stops Claude Code before anything else: "CLAUDE_CODE_USE_GATEWAY
// is set but ANTHROPIC_BASE_URL is invalid" (read from the binary, measured with `claude auth
// status`: test/status-auth-sources.test.ts).

const PLAIN_HTTP_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Why Claude Code refuses `url` as the gateway's, or null when it takes it. */
export function gatewayUrlProblem(url: string): string | null {
  let text = url.trim();
  if (!/^https?:\/\//i.test(text)) text = `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return 'it is not a URL';
  }
  if (parsed.protocol === 'http:' && !PLAIN_HTTP_HOSTS.has(parsed.hostname)) return 'plain http:// is only taken for localhost';
  return null;
}
