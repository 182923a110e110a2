#!/usr/bin/env node
// Which settings keys of a wrong JSON type make Claude Code ignore a whole settings file, derived
// from the pinned Claude Code itself, not from a hand list:
// 1. the keys: the settings schema is a zod object in the CLI's embedded JavaScript; its keys are
//    read from the binary (extractSettingsKeys);
// 2. the types: for each key, a user settings file holding that key with a value of each JSON
//    kind, next to {"env": {"CLAUDE_CODE_USE_VERTEX": "1"}}, goes through `claude auth status`:
//    the provider says whether Claude Code kept the file or ignored it.
// `node scripts/settings-schema.mjs` writes src/status/settings-schema.ts; test/settings-schema.test.ts
// checks the key list against the binary and a sample of (key, kind) pairs against the CLI.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The pinned CLI, or another version's (`npm run truth -- --claude-version X` sets CLAUDE_HOOKS_CLAUDE).
export const CLAUDE = process.env.CLAUDE_HOOKS_CLAUDE || join(ROOT, 'node_modules', '.bin', 'claude');
const MODULES = process.env.CLAUDE_HOOKS_CLAUDE ? join(process.env.CLAUDE_HOOKS_CLAUDE, '..', '..') : join(ROOT, 'node_modules');
export const KINDS = ['string', 'number', 'boolean', 'array', 'object', 'null'];

/** The native binary of the pinned Claude Code (the platform package next to the wrapper). */
export function claudeBinary() {
  const dir = join(MODULES, '@anthropic-ai');
  for (const name of readdirSync(dir)) if (name.startsWith('claude-code-')) return join(dir, name, 'claude');
  throw new Error('no @anthropic-ai/claude-code-<platform> package: npm ci installs it');
}

export function claudeVersion() {
  return JSON.parse(readFileSync(join(MODULES, '@anthropic-ai', 'claude-code', 'package.json'), 'utf8')).version;
}

/**
 * The top-level keys of Claude Code's settings schema, with the source of each key's schema.
 * The schema is the object literal that starts `return{$schema:()=>`; TypeScript's parser reads it.
 */
export function extractSettingsKeys(binary = claudeBinary()) {
  const ts = createRequire(import.meta.url)('typescript');
  const bin = readFileSync(binary);
  const marker = Buffer.from('return{$schema:()=>');
  const at = bin.indexOf(marker);
  if (at < 0) throw new Error(`${binary}: the settings schema (${marker}) is not there: has Claude Code changed how it embeds it?`);
  if (bin.indexOf(marker, at + 1) >= 0) throw new Error(`${binary}: the settings schema marker is there twice`);
  const text = 'x=' + bin.subarray(at + 'return'.length, at + 600_000).toString('latin1');
  const file = ts.createSourceFile('schema.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const keys = [];
  const visit = (obj) => {
    for (const p of obj.properties) {
      if (ts.isPropertyAssignment(p)) keys.push({ key: p.name.getText(file).replace(/^["']|["']$/g, ''), source: p.initializer.getText(file) });
      // `...{k: ...}` and `...flag && {k: ...}`: keys that are there always, or behind a flag.
      else if (ts.isSpreadAssignment(p)) {
        let e = p.expression;
        while (ts.isParenthesizedExpression(e)) e = e.expression;
        if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) continue; // behind a flag
        if (ts.isObjectLiteralExpression(e)) visit(e);
      }
    }
  };
  visit(file.statements[0].expression.right);
  return keys;
}

/** A few values of each JSON kind to try; a kind is accepted when one of them is. */
export function probes(source) {
  const bare = source.replace(/\.describe\((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)\)/g, '');
  const literal = /"([^"\\]{1,40})"/.exec(bare)?.[1];
  const sample = sampleObject(bare);
  return {
    string: ['x', ...(literal ? [literal] : [])],
    number: [1, 0],
    boolean: [true, false],
    array: [[]],
    object: [{}, ...(sample ? [sample] : [])],
    null: [null],
  };
}

// The embedded zod, as the pinned build names its builders: u({...}) object, r() string,
// v() number, M() boolean, O(...) array, P("x") literal, U([...]) enum. An object whose fields
// are required fails with {}, so the probe also tries one with every required field filled.
function sampleObject(source) {
  const ts = createRequire(import.meta.url)('typescript');
  const file = ts.createSourceFile('key.js', `x=${source}`, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  let found;
  const valueOf = (e) => {
    while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression; // .min(1), .url() ...
    if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return 'x';
    const arg = e.arguments[0];
    switch (e.expression.text) {
      case 'P': return arg && ts.isStringLiteral(arg) ? arg.text : 'x';
      case 'U': return arg && ts.isArrayLiteralExpression(arg) && ts.isStringLiteral(arg.elements[0]) ? arg.elements[0].text : 'x';
      case 'v': return 1;
      case 'M': return true;
      case 'O': return [];
      case 'u': return arg && ts.isObjectLiteralExpression(arg) ? fill(arg) : {};
      default: return 'x';
    }
  };
  const fill = (obj) => {
    const out = {};
    for (const p of obj.properties) {
      if (!ts.isPropertyAssignment(p) || /\.optional\(\)/.test(p.initializer.getText(file))) continue;
      out[p.name.getText(file).replace(/^["']|["']$/g, '')] = valueOf(p.initializer);
    }
    return out;
  };
  const visit = (n) => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'u' && n.arguments[0] && ts.isObjectLiteralExpression(n.arguments[0])) found = fill(n.arguments[0]);
    else ts.forEachChild(n, visit);
  };
  visit(file);
  return found && Object.keys(found).length > 0 ? found : undefined;
}

function run(cmd, args, opts) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

/** Does Claude Code keep a user settings file holding {key: value}? */
export async function keeps(key, value) {
  const root = mkdtempSync(join(tmpdir(), 'claude-hooks-schema-'));
  try {
    const home = join(root, 'home');
    mkdirSync(join(home, '.claude'), { recursive: true });
    // The marker: env turns Vertex on, unless the key under test is env itself (then apiKeyHelper).
    const marker = key === 'env' ? { apiKeyHelper: 'echo k' } : { env: { CLAUDE_CODE_USE_VERTEX: '1' } };
    writeFileSync(join(home, '.claude', 'settings.json'), JSON.stringify({ ...marker, [key]: value }));
    const out = await run(CLAUDE, ['auth', 'status', '--json'], { cwd: home, env: { PATH: process.env.PATH, HOME: home, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' } });
    const said = JSON.parse(out);
    return key === 'env' ? said.apiKeySource === 'apiKeyHelper' : said.apiProvider === 'vertex';
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** For one key: the JSON kinds that make Claude Code ignore the file. */
async function voidingKinds({ key, source }) {
  const out = [];
  for (const [kind, values] of Object.entries(probes(source))) {
    let kept = false;
    for (const v of values) if ((kept = await keeps(key, v))) break;
    if (!kept) out.push(kind);
  }
  return out;
}

async function main() {
  const keys = extractSettingsKeys();
  const result = {};
  let next = 0;
  const jobs = Number(process.env.JOBS ?? 4);
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < keys.length) {
        const k = keys[next++];
        result[k.key] = await voidingKinds(k);
        process.stderr.write(`${k.key}: ${result[k.key].join(' ') || '-'}\n`);
      }
    }),
  );
  const lines = keys.map(({ key }) => `  ${JSON.stringify(key)}: [${result[key].map((k) => `'${k}'`).join(', ')}],`);
  writeFileSync(
    join(ROOT, 'src', 'status', 'settings-schema.ts'),
    `// GENERATED by scripts/settings-schema.mjs from Claude Code ${claudeVersion()}: do not edit by hand.
// Every top-level key of Claude Code's settings schema, with the JSON kinds of value that make
// Claude Code ignore the whole settings file (each measured with \`claude auth status\`).
// A key not listed is unknown to Claude Code and never voids a file.
export type JsonKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null';

export const SCHEMA_VERSION = ${JSON.stringify(claudeVersion())};

export const VOIDING_KINDS: Record<string, readonly JsonKind[]> = {
${lines.join('\n')}
};
`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
