#!/usr/bin/env node
// npm run build: type-check with tsc, then bundle the CLI with esbuild, and write the config's
// JSON Schema. Start-up time is most of what a command costs, so each command loads only what
// it needs, each part one CommonJS file (forty ES modules took half as long again as one file):
// - dist/cli.cjs: the entry, and `init <shell>` (every shell start-up, in about the time of
//   `node -e 0`); dist/cli-main.cjs: the parser, the help, and the command declarations;
// - dist/commands-<name>.cjs: the module of one command (src/commands/<name>.ts), loaded when
//   that command runs; dist/status-live.cjs: what runs claude and aws (execa), for --verify
//   and --live only.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
execFileSync(process.execPath, [new URL('node_modules/typescript/bin/tsc', root).pathname, '-p', 'tsconfig.json', '--noEmit'], {
  cwd: root,
  stdio: 'inherit',
});

rmSync(new URL('dist', root), { recursive: true, force: true });
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS loads faster than ES modules; import.meta.url (paths.ts) becomes this file's URL.
  define: { 'import.meta.url': '__cbImportMetaUrl' },
  // A command's module is loaded with require: a real import() would start Node's ES module
  // loader, which costs more than the module.
  supported: { 'dynamic-import': false },
  banner: { js: "const __cbImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
// Modules that become files of their own: an import of one, from anywhere else, is a require
// of its file at run time.
const APART = [
  ...readdirSync(new URL('src/commands', root))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `commands/${f.slice(0, -3)}`),
  'status/live',
  // The parser, the help and the declarations: everything but `init <shell>`.
  'cli/main',
];
const src = new URL('src/', root).pathname;
const chunkName = (module) => `${module.replace('/', '-')}.cjs`;
const apart = {
  name: 'apart',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (args) => {
      if (!args.importer.startsWith(src)) return undefined;
      const target = join(dirname(args.importer), args.path).slice(src.length, -'.js'.length);
      if (!APART.includes(target) || args.importer === `${src}${target}.ts`) return undefined;
      return { path: `./${chunkName(target)}`, external: true };
    });
  },
};
await build({ ...common, entryPoints: [new URL('src/cli.ts', root).pathname], outfile: new URL('dist/cli.cjs', root).pathname, plugins: [apart] });
for (const module of APART) {
  await build({ ...common, entryPoints: [`${src}${module}.ts`], outfile: new URL(`dist/${chunkName(module)}`, root).pathname, plugins: [apart] });
}
chmodSync(new URL('dist/cli.cjs', root), 0o755);

// The schema comes from the same table the loader checks: bundle that module alone and ask it.
const schemaModule = await build({
  entryPoints: [new URL('src/profiles/schema.ts', root).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const { configJsonSchema } = await import(`data:text/javascript;base64,${Buffer.from(schemaModule.outputFiles[0].contents).toString('base64')}`);
mkdirSync(new URL('schema', root), { recursive: true });
writeFileSync(new URL('schema/config.schema.json', root), JSON.stringify(configJsonSchema(), null, 2) + '\n');
