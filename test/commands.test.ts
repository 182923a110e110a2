// `claude-hooks profiles` and `claude-hooks config`, as a user and a script meet them.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, makeSandbox, ROOT } from './helpers/sandbox.js';

const CONFIG = `
[profiles.bedrock]
region = "us-east-1"

[profiles.work]
backend = "bedrock"
region = "eu-central-1"
awsProfile = "work-sso"
description = "Work account, SSO"

[profiles.personal]
backend = "anthropic"
apiKeyCommand = "op read op://Private/Anthropic/credential"

[directories]
"~/src/acme" = "work"
`;

describe('claude-hooks profiles', () => {
  it('lists built-in and user profiles with backend, region and description, and the directory map', async () => {
    const sb = makeSandbox();
    sb.writeConfig(CONFIG);
    const r = await cli(sb, ['profiles']);
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^PROFILE +BACKEND +REGION +DESCRIPTION$/);
    expect(lines).toContainEqual(expect.stringMatching(/^bedrock +bedrock +us-east-1 +\(built-in\) Amazon Bedrock/));
    expect(lines).toContainEqual(expect.stringMatching(/^work +bedrock +eu-central-1 +Work account, SSO$/));
    expect(lines).toContainEqual(expect.stringMatching(/^personal +anthropic +- *$/));
    expect(r.stdout).toMatch(/^~\/src\/acme +work$/m);
  });

  it('prints JSON a script can rely on, with no secret values', async () => {
    const sb = makeSandbox();
    sb.writeConfig(CONFIG);
    const r = await cli(sb, ['profiles', '--json']);
    const data = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(data.map((p) => p.name)).toEqual(['anthropic', 'bedrock', 'vertex', 'foundry', 'mantle', 'anthropic-aws', 'anthropic-google-cloud', 'gateway', 'work', 'personal']);
    const work = data.find((p) => p.name === 'work')!;
    expect(work).toMatchObject({
      backend: 'bedrock',
      builtin: false,
      region: 'eu-central-1',
      awsProfile: 'work-sso',
      sets: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-central-1', AWS_PROFILE: 'work-sso' },
    });
    expect(work.clears).toContain('ANTHROPIC_API_KEY');
    expect(work.clears).toContain('AWS_SECRET_ACCESS_KEY');
    expect(data.find((p) => p.name === 'personal')!.fetches).toEqual([{ variable: 'ANTHROPIC_API_KEY', from: 'command' }]);
  });

  it('shows one profile and what switching to it does', async () => {
    const sb = makeSandbox();
    sb.writeConfig(CONFIG);
    const r = await cli(sb, ['profiles', 'show', 'personal']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^fetches +ANTHROPIC_API_KEY from the command: op read op:\/\/Private\/Anthropic\/credential$/m);
    expect(r.stdout).toMatch(/^clears +CLAUDE_CODE_USE_GATEWAY CLAUDE_CODE_USE_BEDROCK CLAUDE_CODE_USE_FOUNDRY CLAUDE_CODE_USE_ANTHROPIC_AWS CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD CLAUDE_CODE_USE_MANTLE CLAUDE_CODE_USE_VERTEX /m);
    const work = await cli(sb, ['profiles', 'show', 'work']);
    expect(work.stdout).toMatch(/^directories +~\/src\/acme$/m);
    const missing = await cli(sb, ['profiles', 'show', 'nope']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim()).toBe('claude-hooks: profiles show: no profile "nope"; known: anthropic, bedrock, vertex, foundry, mantle, anthropic-aws, anthropic-google-cloud, gateway, work, personal (see claude-hooks --help)');
  });

  it('fails with exit 2 and one line on a broken config', async () => {
    const sb = makeSandbox();
    const path = sb.writeConfig('[profiles.work]\nbackend = "bedrok"\n');
    const r = await cli(sb, ['profiles']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`claude-hooks: ${path}:2: profiles.work.backend: expected one of anthropic, bedrock, vertex, foundry, mantle, anthropic-aws, anthropic-google-cloud, gateway, got "bedrok" (see claude-hooks --help)`);
  });
});

describe('claude-hooks config', () => {
  it('init writes a private, valid, commented starter and never overwrites', async () => {
    const sb = makeSandbox();
    const path = join(sb.xdg, 'claude-hooks', 'config.toml');
    const r = await cli(sb, ['config', 'init']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`claude-hooks: wrote ${path}; edit it, then run cb-reload in open shells`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    // The schema of this version as published, never a path into this install (issue 18).
    expect(text.split('\n')[0]).toMatch(/^#:schema https:\/\/unpkg\.com\/claude-hooks@\d+\.\d+\.\d+\/schema\/config\.schema\.json$/);
    expect(text).not.toContain(ROOT);
    const check = await cli(sb, ['config', 'check']);
    expect(check.exitCode).toBe(0);
    // Uncommented, every example in the starter is a valid config.
    writeFileSync(path, text.replace(/^# (?=\[|[a-zA-Z]+ *=|"[^"]*" *=)/gm, ''));
    const uncommented = await cli(sb, ['config', 'check']);
    expect(uncommented.stderr).toBe('');
    expect(uncommented.stdout).toMatch(/is valid: 13 profiles \(built-ins included\), 1 directories/);
    writeFileSync(path, '# mine\n');
    const again = await cli(sb, ['config', 'init']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr.trim()).toBe(`claude-hooks: config init: ${path} already exists; edit it, or move it away first (see claude-hooks --help)`);
    expect(readFileSync(path, 'utf8')).toBe('# mine\n');
  });

  it('check says when there is no config, and exits 2 on a bad one', async () => {
    const sb = makeSandbox();
    const none = await cli(sb, ['config', 'check']);
    expect(none.exitCode).toBe(0);
    expect(none.stdout).toContain('no config at');
    const path = sb.writeConfig('[directories]\n"~/x" = "ghost"\n');
    const bad = await cli(sb, ['config', 'check']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain(`${path}:2: directories."~/x": names profile "ghost", which is not defined`);
    const where = await cli(sb, ['config', 'path']);
    expect(where.stdout.trim()).toBe(path);
  });
});
