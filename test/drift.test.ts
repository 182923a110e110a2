// The guard against drift: what claude-hooks knows about Claude Code's backends is checked
// against the pinned binary itself, so bumping @anthropic-ai/claude-code fails here, loudly,
// where the backend table (src/profiles/backends.ts) has gone stale.
// - every CLAUDE_CODE_USE_* name in the binary is tried alone with `claude auth status`: the
//   ones that move apiProvider are exactly our selectors, each landing on its own provider;
// - every pair of selectors lands where SELECTOR_PRECEDENCE says;
// - every backend variable the binary names is in the managed set;
// - the gateway counts only with its URL and token, as predict() assumes.
// `npm run truth -- --claude-version X` runs this file against another published version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BACKEND_SPECS, providerSpec, SELECTOR_PRECEDENCE, SELECTORS, type Provider } from '../src/profiles/backends.js';
import { MANAGED_VARS } from '../src/profiles/managed.js';
import { predict } from '../src/status/predict.js';
import { available, CLAUDE } from './helpers/oracle.js';
import { makeSandbox } from './helpers/sandbox.js';
import { pool } from './helpers/pool.js';

/** The CLI's own binary: the native executable the npm wrapper starts. */
function claudeBinary(): string {
  const dir = join(CLAUDE, '..', '..', '@anthropic-ai');
  for (const sub of ['claude-code-linux-x64', 'claude-code-linux-arm64', 'claude-code-darwin-arm64', 'claude-code-darwin-x64']) {
    try {
      const path = join(dir, sub, 'claude');
      readFileSync(path, { flag: 'r' }).subarray(0, 4);
      return path;
    } catch {
      // not this platform's package
    }
  }
  return join(dir, 'claude-code', 'cli.js');
}

let binaryText: string | undefined;
/** The binary as text, read once (it is some 400 MB). */
function binary(): string {
  binaryText ??= readFileSync(claudeBinary()).toString('latin1');
  return binaryText;
}

/** Every distinct name matching `re` in the binary's text. */
function namesInBinary(re: RegExp): string[] {
  const text = binary();
  return [...new Set([...text.matchAll(re)].map((m) => m[0]))].sort();
}

// Present in every trial, so that gateway mode can count: its URL and token. Not a selector.
const GATEWAY_READY = { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANTHROPIC_AUTH_TOKEN: 'drift-token' };

async function authStatus(env: Record<string, string>): Promise<{ apiProvider: string; authMethod: string }> {
  const sb = makeSandbox();
  const r = await execa(CLAUDE, ['auth', 'status'], {
    cwd: sb.home,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: sb.home, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', ...env },
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    timeout: 30_000,
  });
  try {
    return JSON.parse(r.stdout) as { apiProvider: string; authMethod: string };
  } catch {
    throw new Error(`claude auth status printed no JSON (exit ${r.exitCode}): ${r.stdout}${r.stderr}`);
  }
}

describe.skipIf(!available)('the backend table against the pinned Claude Code', () => {
  it('knows every CLAUDE_CODE_USE_* that moves apiProvider, and each lands on its own provider', async () => {
    const names = namesInBinary(/\bCLAUDE_CODE_USE_[A-Z0-9_]+/g).filter((n) => !n.endsWith('_'));
    // All of ours are in there: a selector that vanished from the binary is stale too.
    for (const s of SELECTORS) expect(names, s).toContain(s);
    const base = await authStatus(GATEWAY_READY);
    expect(base.apiProvider).toBe('firstParty');
    const moved = await pool(names, 4, async (name) => [name, (await authStatus({ ...GATEWAY_READY, [name]: '1' })).apiProvider] as const);
    const movers = Object.fromEntries(moved.filter(([, p]) => p !== base.apiProvider));
    const ours = Object.fromEntries(BACKEND_SPECS.filter((b) => b.selector).map((b) => [b.selector!, b.provider]));
    expect(movers).toEqual(ours);
  }, 120_000);

  it('picks among selectors in the order of SELECTOR_PRECEDENCE, and predict() agrees', async () => {
    const pairs = SELECTORS.flatMap((a, i) => SELECTORS.slice(i + 1).map((b) => [a, b] as const));
    const results = await pool(pairs, 4, async ([a, b]) => {
      const env = { ...GATEWAY_READY, [a]: '1', [b]: '1' };
      return { a, b, theirs: (await authStatus(env)).apiProvider, ours: predict(makeSandbox().home, env).provider };
    });
    for (const { a, b, theirs, ours } of results) {
      // SELECTORS is in precedence order, and a comes before b.
      const expected = SELECTOR_PRECEDENCE[SELECTORS.indexOf(a)];
      expect(theirs, `${a} + ${b}`).toBe(expected);
      expect(ours, `${a} + ${b}`).toBe(theirs);
    }
  }, 120_000);

  it('counts the gateway only with both its URL and a token, as predict() does', async () => {
    const cases: Array<Record<string, string>> = [
      { CLAUDE_CODE_USE_GATEWAY: '1' },
      { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' },
      { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_AUTH_TOKEN: 't' },
      { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANTHROPIC_API_KEY: 'k' },
      { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANTHROPIC_AUTH_TOKEN: 't' },
      { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANTHROPIC_AUTH_TOKEN: 't', CLAUDE_CODE_USE_BEDROCK: '1' },
      { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', CLAUDE_CODE_USE_VERTEX: '1' },
    ];
    const results = await pool(cases, 4, async (env) => ({ env, theirs: (await authStatus(env)).apiProvider as Provider, ours: predict(makeSandbox().home, env).provider }));
    for (const { env, theirs, ours } of results) expect(ours, JSON.stringify(env)).toBe(theirs);
    expect(results.filter((r) => r.theirs === 'gateway').length).toBe(2);
  }, 120_000);

  it('manages every backend variable the binary names', () => {
    // The families that belong to a backend: its own prefix, its SKIP_*_AUTH, Vertex's region.
    const names = namesInBinary(/\b(ANTHROPIC_(BEDROCK|VERTEX|FOUNDRY|AWS|GOOGLE_CLOUD)_[A-Z0-9_]*[A-Z0-9]|CLAUDE_CODE_SKIP_[A-Z_]+_AUTH|CLOUD_ML_REGION)\b/g);
    expect(names.length).toBeGreaterThan(15);
    const unmanaged = names.filter((n) => !MANAGED_VARS.includes(n));
    expect(unmanaged).toEqual([]);
    // And the other way: every variable a backend says it owns is one the binary knows.
    const all = namesInBinary(/\b[A-Z][A-Z0-9_]{3,}\b/g);
    for (const b of BACKEND_SPECS) for (const v of [...b.own, ...Object.values(b.fields)]) expect(all, `${b.id}: ${v}`).toContain(v);
  });

  it('names each provider as the binary does', () => {
    const text = binary();
    for (const b of BACKEND_SPECS.filter((x) => x.provider !== 'firstParty')) {
      expect(text, b.id).toContain(`${b.provider}:"${b.label}"`);
      expect(providerSpec(b.provider)).toBe(b);
    }
  });
});
