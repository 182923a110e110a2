// doctor --migrate: from the hand-edited setup to profiles, with the exact lines to remove.
// It prints; it never edits a file.
import { realpathSync } from 'node:fs';
import { displayPath } from '../profiles/config.js';
import { plainInitLine, startupFile, userShell } from '../render/startup.js';
import { MANAGED_VARS } from '../profiles/managed.js';
import { maskCommand } from './format.js';
import { isOn, type Prediction } from './predict.js';
import { inline } from '../sanitize.js';
import { readBounded } from './read-bounded.js';
import { decodeSettingsText, SETTINGS_SIZE_LIMIT } from './settings.js';

type Env = Record<string, string | undefined>;

export function migrationGuide(p: Prediction, env: Env): string {
  const out: string[] = ['# From hand-edited settings to claude-hooks profiles', ''];
  const steps: string[] = [];
  const profile: string[] = [];

  // One file can stand at two levels (Claude Code started in ~: ~/.claude/settings.json is the
  // project's and the user's; or a symlink): its steps are said once.
  const seen = new Set<string>();
  for (const file of p.settings.filter((s) => s.state === 'ok' && (s.level === 'user' || s.level === 'project' || s.level === 'local'))) {
    const real = realPath(file.path);
    if (seen.has(real)) continue;
    seen.add(real);
    // Read as Claude Code read it (a UTF-8 or UTF-16LE byte order mark), never blocking.
    const read = readBounded(file.path, SETTINGS_SIZE_LIMIT);
    if (read.kind !== 'bytes') continue;
    const lines = decodeSettingsText(read.bytes).split('\n');
    const remove = lines
      .map((text, i) => ({ text, n: i + 1 }))
      .filter(({ text }) => (file.apiKeyHelper && /"apiKeyHelper"\s*:/.test(text)) || MANAGED_VARS.some((v) => new RegExp(`"${v}"\\s*:`).test(text)));
    if (remove.length === 0) continue;
    steps.push(
      `In ${inline(displayPath(file.path, env))}, remove these lines (Claude Code's settings beat your shell, so they would undo every switch):\n` +
        remove.map(({ text, n }) => `    ${String(n).padStart(4)}  ${inline(maskCommand(text.trim())).replace(/("[A-Z_]*(KEY|TOKEN|SECRET)[A-Z_]*"\s*:\s*")[^"]+/, '$1…')}`).join('\n') +
        '\n  and fix the commas around them so the file stays valid JSON.',
    );
    if (file.apiKeyHelper) {
      const masked = maskCommand(file.apiKeyHelper);
      // A helper with the key written into it: the key goes to a password manager, not here.
      const note = masked === file.apiKeyHelper ? [] : ['# your apiKeyHelper has the key written in it: keep the key in a password manager and use its command'];
      profile.push('[profiles.personal]', 'backend = "anthropic"', ...note, `apiKeyCommand = ${JSON.stringify(masked)}`, '');
    }
    const e = file.env;
    if (isOn(e.CLAUDE_CODE_USE_BEDROCK) || e.AWS_REGION || e.AWS_PROFILE) {
      profile.push('[profiles.bedrock]');
      if (e.AWS_REGION) profile.push(`region = ${JSON.stringify(e.AWS_REGION)}`);
      if (e.AWS_PROFILE) profile.push(`awsProfile = ${JSON.stringify(e.AWS_PROFILE)}`);
      if (e.ANTHROPIC_MODEL) profile.push(`model = ${JSON.stringify(e.ANTHROPIC_MODEL)}`);
      profile.push('');
    }
  }
  const exported = ['CLAUDE_CODE_USE_BEDROCK', 'AWS_REGION', 'AWS_PROFILE', 'CLAUDE_CODE_USE_VERTEX', 'CLOUD_ML_REGION', 'ANTHROPIC_VERTEX_PROJECT_ID'].filter(
    (n) => p.variables[n]?.origin.kind === 'shell',
  );
  if (exported.length) {
    steps.push(
      `Your shell exports ${exported.join(', ')}. If your start-up files (~/.bashrc, ~/.zshrc, ~/.config/fish/config.fish) export them to pick a backend, remove those lines: a profile sets them when you switch, and puts your own values back after.`,
    );
  }
  if (!profile.length) profile.push('[profiles.bedrock]', 'region = "us-east-1"', 'awsProfile = "my-sso-profile"', '');
  steps.push(`Write the profiles: claude-hooks config init, then add (from what was in your settings):\n\n${profile.map((l) => '    ' + l).join('\n').trimEnd()}`);
  const shell = userShell(env);
  steps.push(`Load the shell integration: claude-hooks setup adds ${plainInitLine(shell)} to ${displayPath(startupFile(shell, env), env)}.`);
  steps.push('Switch with cb-bedrock, cb-anthropic or cb-use <profile>; check with claude-hooks status before you start Claude Code, and /status inside it.');
  out.push(...steps.map((s, i) => `${i + 1}. ${s}`), '', 'claude-hooks never edits settings.json: the lines above are yours to remove.');
  return out.join('\n') + '\n';
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
