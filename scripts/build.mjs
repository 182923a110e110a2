#!/usr/bin/env node
// npm run build: type-check with tsc, then bundle the CLI with esbuild, and write the config's
// JSON Schema. `init` runs at every shell start-up: one CommonJS file loads in about the time
// of `node -e 0` (forty ES modules took half as long again), and yargs with the other commands
// sits in a second file that `init` never loads.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
  // CommonJS loads faster than ES modules; import.meta.url (paths.ts, yargs) becomes this file's URL.
  define: { 'import.meta.url': '__cbImportMetaUrl' },
  banner: { js: "const __cbImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
// The entry: init, and nothing else loaded until another command is asked for.
await build({
  ...common,
  entryPoints: [new URL('src/cli.ts', root).pathname],
  outfile: new URL('dist/cli.cjs', root).pathname,
  plugins: [
    {
      name: 'commands-apart',
      setup(b) {
        b.onResolve({ filter: /\/commands\/index\.js$/ }, () => ({ path: './commands.cjs', external: true }));
      },
    },
  ],
});
// Every other command, with yargs.
await build({ ...common, entryPoints: [new URL('src/commands/index.ts', root).pathname], outfile: new URL('dist/commands.cjs', root).pathname });
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
