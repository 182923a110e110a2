// The generated bash must pass shellcheck, with data of every kind rendered in; the template
// itself too, but for the names only the rendered data defines. zsh and fish have no such
// linter: their own parsers check the syntax (-n), and the real-shell tests the behaviour.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, makeSandbox } from './helpers/sandbox.js';
import { shellBinary } from './helpers/shells.js';
import { requireTool } from './helpers/tools.js';


const RICH_CONFIG = `
[profiles.work]
backend = "bedrock"
region = "us-east-1"
awsProfile = "it's $work"
model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0"
env = { DISABLE_TELEMETRY = "1", HTTPS_PROXY = "http://proxy:8080" }

[profiles.gw]
backend = "anthropic"
baseUrl = "https://llm-gateway.example/v1"
apiKeyCommand = "op read 'op://Private/My Key/credential'"

[directories]
"~/src/acme" = "work"
"/" = "gw"
`;

describe.skipIf(!requireTool('shellcheck'))('shellcheck', () => {
  for (const target of ['bash', 'direnv']) {
    it(`passes on the generated ${target} code, with and without a config`, async () => {
      for (const config of ['', RICH_CONFIG]) {
        const sb = makeSandbox();
        if (config) sb.writeConfig(config);
        const init = await cli(sb, ['init', target]);
        const file = join(sb.root, `init.${target}`);
        writeFileSync(file, init.stdout);
        const r = await execa('shellcheck', ['-s', 'bash', '-S', 'style', file], { reject: false });
        expect(r.stdout + r.stderr).toBe('');
        expect(r.exitCode).toBe(0);
      }
    });
  }

  it('passes on the templates themselves', async () => {
    for (const template of ['bash.sh', 'direnv.sh', 'clean.bash']) {
      const r = await execa('shellcheck', ['-s', 'bash', '-S', 'style', '-e', 'SC2154', join(ROOT, 'shells', template)], { reject: false });
      expect(r.stdout + r.stderr, template).toBe('');
    }
  });
});

describe('syntax of zsh and fish output', () => {
  for (const shell of ['zsh', 'fish'] as const) {
    it.skipIf(!shellBinary(shell))(`${shell} -n accepts the generated code`, async () => {
      const sb = makeSandbox();
      sb.writeConfig(RICH_CONFIG);
      const init = await cli(sb, ['init', shell]);
      const file = join(sb.root, `init.${shell}`);
      writeFileSync(file, init.stdout);
      const r = await execa(shellBinary(shell)!, ['-n', file], { reject: false });
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
    });
  }
});
