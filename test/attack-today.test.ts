// Attacks on the prompt segment's selector rule (e5a25d9) and on bash's directory map written
// out per bash version (3d6ba83), in the real shells. Each block says what broke before its fix.
import { describe, expect, it } from 'vitest';
import { fishQuote } from '../src/render/fish.js';
import { posixQuote } from '../src/render/posix.js';
import { makeSandbox } from './helpers/sandbox.js';
import { runWithInit, shellsUnderTest, type TestShell } from './helpers/shells.js';

const shells = shellsUnderTest();
const set = (shell: TestShell, name: string, value: string | undefined) =>
  shell === 'fish'
    ? value === undefined ? `set -e ${name}` : `set -gx ${name} ${fishQuote(value)}`
    : value === undefined ? `unset ${name}` : `export ${name}=${posixQuote(value)}`;

// ---- 1. A traced shell printed the gateway's token at every prompt ----
// The segment tests that ANTHROPIC_AUTH_TOKEN is set; bash ran that test with the user's set -x
// in force (`[[ -n <token> ]]` in the trace), and fish under fish_trace (`test -n <token>`), at
// every prompt and in every cb_prompt_info.
const TOKEN = 'sk-ant-oat01-TRACED-gateway-token-9876543210';
for (const shell of shells) {
  describe(`${shell}: tracing the prompt prints no gateway token`, () => {
    it('at the prompt hook and in cb_prompt_info, the trace on', async () => {
      const sb = makeSandbox();
      const env = { CLAUDE_HOOKS_PROFILE: 'x', CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'https://gw.example', ANTHROPIC_AUTH_TOKEN: TOKEN, CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-west-1' };
      const script =
        shell === 'fish'
          ? ['set -g fish_trace 1', 'prompt', 'set seg (cb_prompt_info)', 'echo TRACE-PROBE', 'set -e fish_trace', 'echo "seg=[$seg]"']
          : [shell === 'zsh' ? 'setopt xtrace' : 'set -x', 'prompt', 'seg=$(cb_prompt_info)', 'echo TRACE-PROBE', shell === 'zsh' ? 'unsetopt xtrace' : 'set +x', 'echo "seg=[$seg]"'];
      const run = await runWithInit(sb, shell, script.join('\n'), { env });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).toContain('TRACE-PROBE'); // the trace was on
      expect(run.stdout).toContain('seg=[x]'); // the gateway counted: the test did run
      expect(run.stderr + run.stdout).not.toContain(TOKEN.slice(-16));
    });
  });
}
