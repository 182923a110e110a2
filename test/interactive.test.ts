// Real interactive shells in tmux: the user's keystrokes, the shell's own prompt cycle, and
// what lands on the screen. This is the wiring the other tests stand in for with `prompt`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox } from './helpers/sandbox.js';
import { shellsUnderTest } from './helpers/shells.js';
import { Terminal } from './helpers/tmux.js';
import { requireTool } from './helpers/tools.js';


const tmuxOk = requireTool('tmux', ['tmux', '-V']);
const terminals: Terminal[] = [];
afterEach(async () => {
  for (const t of terminals.splice(0)) await t.close();
});

for (const shell of shellsUnderTest()) {
  describe.skipIf(!tmuxOk)(`${shell}: interactive session in tmux`, () => {
    it('cb-status follows cd into a .claude-backend directory and back out', async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'proj', 'sub'), { recursive: true });
      writeFileSync(join(sb.home, 'proj', '.claude-backend'), 'bedrock\n');
      const t = await Terminal.open(sb, shell, { AWS_REGION: 'us-west-2', ANTHROPIC_API_KEY: 'sk-ant-api03-interactive-key-9876' });
      terminals.push(t);
      await t.type('cb-status');
      await t.waitFor(/profile +none/);
      await t.type('cd proj/sub');
      await t.waitFor(/claude-hooks: bedrock \(\.claude-backend at .*proj\/\.claude-backend\)/);
      await t.type('cb-status');
      const screen = await t.waitFor(/profile +bedrock: Amazon Bedrock/);
      const inside = screen.slice(screen.lastIndexOf('cd proj/sub'));
      expect(inside).toMatch(/why +\.claude-backend at .*\/proj\/\.claude-backend/);
      expect(inside).toContain('CLAUDE_CODE_USE_BEDROCK=1');
      expect(inside).not.toMatch(/ANTHROPIC_API_KEY=/);
      await t.type('cd ~');
      await t.waitFor(/claude-hooks: off: your own variables are back/);
      await t.type('cb-status');
      const outside = await t.waitFor(/profile +none/, 2);
      expect(outside).toContain('ANTHROPIC_API_KEY=sk-ant-…9876');
      expect(outside).not.toContain('interactive-key');
    });

    it('leaves the exit status of the last command as it was, through a switch at the prompt', async () => {
      const sb = makeSandbox();
      mkdirSync(join(sb.home, 'proj'), { recursive: true });
      writeFileSync(join(sb.home, 'proj', '.claude-backend'), 'bedrock\n');
      const t = await Terminal.open(sb, shell, { AWS_REGION: 'us-west-2' });
      terminals.push(t);
      const status = shell === 'fish' ? '$status' : '$?';
      await t.type('cd proj; false');
      await t.waitFor(/claude-hooks: bedrock/);
      await t.type(`echo "first=${status}"`);
      await t.waitFor(/^first=1$/m);
      await t.type(`cd ~; sh -c 'exit 3'`);
      await t.waitFor(/claude-hooks: off/);
      await t.type(`echo "second=${status}"`);
      await t.waitFor(/^second=3$/m);
      await t.type(`sh -c 'exit 4'`);
      await t.type(`echo "third=${status}"`);
      await t.waitFor(/^third=4$/m);
    });
  });
}
