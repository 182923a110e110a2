// claude-hooks status against the real Claude Code CLI: for every case, the provider and the
// key source (and the auth method) we predict must be what `claude auth status` says, offline,
// in a throw-away HOME. The CLI is the pinned dev dependency @anthropic-ai/claude-code.
// Cases with managed settings (a machine-wide file) are in managed-settings.serial.test.ts.
import { describe, expect, it } from 'vitest';
import { SELECTORS } from '../src/profiles/managed.js';
import { KEY, S, available, compare, type Case } from './helpers/oracle.js';

const CASES: Case[] = [
  { name: 'nothing at all' },
  { name: 'ANTHROPIC_API_KEY in the shell', env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'an empty ANTHROPIC_API_KEY', env: { ANTHROPIC_API_KEY: '' } },
  { name: 'ANTHROPIC_AUTH_TOKEN', env: { ANTHROPIC_AUTH_TOKEN: 'tok' } },
  { name: 'token and key', env: { ANTHROPIC_AUTH_TOKEN: 'tok', ANTHROPIC_API_KEY: KEY } },
  { name: 'apiKeyHelper in user settings', user: S({ apiKeyHelper: 'echo sk-ant-helper' }) },
  { name: 'apiKeyHelper and a key in the shell', user: S({ apiKeyHelper: 'echo k' }), env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'apiKeyHelper and a token', user: S({ apiKeyHelper: 'echo k' }), env: { ANTHROPIC_AUTH_TOKEN: 't' } },
  { name: 'an empty apiKeyHelper', user: S({ apiKeyHelper: '' }) },
  ...['1', 'true', 'TRUE', 'yes', 'on', ' 1 ', '0', 'false', 'no', '2', ''].map((v) => ({ name: `CLAUDE_CODE_USE_BEDROCK=${JSON.stringify(v)}`, env: { CLAUDE_CODE_USE_BEDROCK: v } })),
  { name: 'Vertex', env: { CLAUDE_CODE_USE_VERTEX: '1' } },
  { name: 'Foundry', env: { CLAUDE_CODE_USE_FOUNDRY: '1' } },
  { name: 'Bedrock and Vertex', env: { CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_CODE_USE_VERTEX: '1' } },
  { name: 'Vertex and Foundry', env: { CLAUDE_CODE_USE_VERTEX: '1', CLAUDE_CODE_USE_FOUNDRY: '1' } },
  { name: 'Bedrock and Foundry', env: { CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_CODE_USE_FOUNDRY: '1' } },
  { name: 'Bedrock with a left-over key', env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', ANTHROPIC_API_KEY: KEY } },
  { name: 'Bedrock with an apiKeyHelper', env: { CLAUDE_CODE_USE_BEDROCK: '1' }, user: S({ apiKeyHelper: 'echo k' }) },
  { name: 'user settings env turns Bedrock on over the shell', env: { CLAUDE_CODE_USE_BEDROCK: '0' }, user: S({ env: { CLAUDE_CODE_USE_BEDROCK: '1' } }) },
  { name: 'a key in user settings env', user: S({ env: { ANTHROPIC_API_KEY: 'sk-from-settings' } }) },
  { name: "settings env empties the shell's key", env: { ANTHROPIC_API_KEY: KEY }, user: S({ env: { ANTHROPIC_API_KEY: '' } }) },
  { name: 'project settings', project: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }) },
  { name: 'project beats user', user: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }), project: S({ env: { CLAUDE_CODE_USE_VERTEX: '0', CLAUDE_CODE_USE_FOUNDRY: '1' } }) },
  { name: 'local beats project', project: S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }), local: S({ env: { CLAUDE_CODE_USE_FOUNDRY: 'false' } }) },
  { name: 'apiKeyHelper in project settings', project: S({ apiKeyHelper: 'echo k' }) },
  { name: 'project settings of a parent directory are not read', parentProject: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }) },
  { name: 'JSON with a comment is ignored', env: { CLAUDE_CODE_USE_VERTEX: '1' }, user: '{\n  // comment\n  "env": {"CLAUDE_CODE_USE_BEDROCK": "1"}\n}\n' },
  { name: 'a trailing comma is ignored', project: '{"env": {"CLAUDE_CODE_USE_BEDROCK": "1"},}', user: S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }) },
  { name: 'malformed JSON is ignored', local: '{ "env": {"CLAUDE_CODE_USE_BEDROCK": "1" ', project: S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } }) },
  { name: 'an empty file is ignored', user: '', env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'a JSON array is ignored', user: '[1, 2]', env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'env that is not an object voids the file', user: S({ env: 'x', apiKeyHelper: 'echo k' }) },
  { name: 'apiKeyHelper that is not a string voids the file', user: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' }, apiKeyHelper: 5 }) },
  { name: 'an unknown key is fine', user: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' }, somethingNew: 5 }) },
  { name: 'numbers and booleans in env', user: S({ env: { CLAUDE_CODE_USE_VERTEX: 1, CLAUDE_CODE_USE_FOUNDRY: true } }) },
  { name: 'CLAUDE_CONFIG_DIR moves the user settings', user: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } }), configDir: true },
  { name: 'an unreadable user settings file', userIsDirectory: true, env: { ANTHROPIC_API_KEY: KEY } },
  // The backends 2.1.94 and later added, alone, from settings, and against a key or a helper.
  { name: 'Mantle', env: { CLAUDE_CODE_USE_MANTLE: '1', ANTHROPIC_API_KEY: KEY } },
  { name: 'Mantle from user settings', user: S({ env: { CLAUDE_CODE_USE_MANTLE: 'true' } }) },
  { name: 'Claude Platform on AWS', env: { CLAUDE_CODE_USE_ANTHROPIC_AWS: '1' }, user: S({ apiKeyHelper: 'echo k' }) },
  { name: 'Claude Platform on AWS from project settings', project: S({ env: { CLAUDE_CODE_USE_ANTHROPIC_AWS: '1' } }) },
  { name: 'Claude Platform on Google Cloud', env: { CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD: 'yes' } },
  { name: 'Claude Platform on Google Cloud from local settings, over Mantle', env: { CLAUDE_CODE_USE_MANTLE: '1' }, local: S({ env: { CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD: '1' } }) },
  { name: 'gateway with its URL and a token', env: { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'https://gateway.example', ANTHROPIC_AUTH_TOKEN: 'tok', CLAUDE_CODE_USE_BEDROCK: '1' } },
  { name: 'gateway without a token is ignored', env: { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'https://gateway.example', ANTHROPIC_API_KEY: KEY } },
  { name: 'gateway from user settings', user: S({ env: { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'https://gateway.example', ANTHROPIC_AUTH_TOKEN: 'tok' } }) },
  { name: 'gateway from project settings, its URL refused there', project: S({ env: { CLAUDE_CODE_USE_GATEWAY: '1', ANTHROPIC_BASE_URL: 'https://gateway.example' } }), env: { ANTHROPIC_AUTH_TOKEN: 'tok' } },
];

// Each class of settings rule of issue 14, checked on 2.1.332 (docs/status.md says each rule).
const VERTEX_ON = S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } });
const bom = (b: number[], text: Buffer) => Buffer.concat([Buffer.from(b), text]);
const utf16be = (t: string) => {
  const b = Buffer.from(t, 'utf16le');
  b.swap16();
  return b;
};
const LIMIT = 2 * 1024 * 1024;
const padded = (n: number) => VERTEX_ON + ' '.repeat(n - VERTEX_ON.length);
const ENCODINGS: Case[] = [
  { name: 'a UTF-8 byte order mark is skipped', user: bom([0xef, 0xbb, 0xbf], Buffer.from(VERTEX_ON)) as unknown as string },
  { name: 'a UTF-16LE file with its byte order mark is read', user: bom([0xff, 0xfe], Buffer.from(VERTEX_ON, 'utf16le')) as unknown as string },
  { name: 'a UTF-16BE file is not', user: bom([0xfe, 0xff], utf16be(VERTEX_ON)) as unknown as string },
  { name: 'UTF-16LE without a byte order mark is not', user: Buffer.from(VERTEX_ON, 'utf16le') as unknown as string },
  { name: 'two UTF-8 byte order marks are not', user: bom([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], Buffer.from(VERTEX_ON)) as unknown as string },
  { name: 'invalid UTF-8 inside a string value is fine', user: Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff, 0xc3]), Buffer.from(`",${VERTEX_ON.slice(1)}`)]) as unknown as string },
  { name: 'a settings file of exactly 2 MiB is read', user: padded(LIMIT) },
  { name: 'one byte over 2 MiB is ignored', user: padded(LIMIT + 1) },
  { name: 'the byte order mark counts towards the limit', user: bom([0xef, 0xbb, 0xbf], Buffer.from(padded(LIMIT - 2))) as unknown as string },
  { name: 'a big project file is ignored, the user file still read', user: VERTEX_ON, project: S({ env: { CLAUDE_CODE_USE_VERTEX: '0' } }) + ' '.repeat(LIMIT) },
  { name: 'a FIFO as user settings', setup: 'mkdir -p "$HOME/.claude" && mkfifo "$HOME/.claude/settings.json"', env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'a FIFO as project settings', setup: 'mkdir -p "$WORK/.claude" && mkfifo "$WORK/.claude/settings.json"', user: VERTEX_ON },
  { name: 'a FIFO as local settings', setup: 'mkdir -p "$WORK/.claude" && mkfifo "$WORK/.claude/settings.local.json"', user: VERTEX_ON },
  { name: '/dev/zero as user settings', setup: 'mkdir -p "$HOME/.claude" && ln -s /dev/zero "$HOME/.claude/settings.json"', env: { ANTHROPIC_API_KEY: KEY } },
  { name: '/dev/null as project settings', setup: 'mkdir -p "$WORK/.claude" && ln -s /dev/null "$WORK/.claude/settings.json"', user: VERTEX_ON },
  { name: 'a directory as project settings', setup: 'mkdir -p "$WORK/.claude/settings.json"', user: VERTEX_ON },
  { name: 'a symlink to a settings file is followed', setup: `printf '%s' '${VERTEX_ON}' > "$ROOT/real.json" && mkdir -p "$HOME/.claude" && ln -s "$ROOT/real.json" "$HOME/.claude/settings.json"` },
  { name: 'a dangling symlink', setup: 'mkdir -p "$HOME/.claude" && ln -s "$ROOT/nothing" "$HOME/.claude/settings.json"', env: { ANTHROPIC_API_KEY: KEY } },
];

const envValue = (v: unknown): Case[] => [
  { name: `env ${JSON.stringify(v)} as a selector`, user: S({ env: { CLAUDE_CODE_USE_VERTEX: v } }) },
  { name: `env ${JSON.stringify(v)} as the key, none in the shell`, user: S({ env: { ANTHROPIC_API_KEY: v } }) },
  { name: `env ${JSON.stringify(v)} as the key over the shell's`, user: S({ env: { ANTHROPIC_API_KEY: v } }), env: { ANTHROPIC_API_KEY: KEY } },
];
const ENV_VALUES: Case[] = [
  ...[null, 1, 0, true, false, [], [1], ['1'], [null], [[]], [1, 2], [true], [[' yes ']], {}, { a: 1 }].flatMap(envValue),
  { name: 'env 1e0 and 10e-1 are 1', user: '{"env":{"CLAUDE_CODE_USE_VERTEX":10e-1,"CLAUDE_CODE_USE_FOUNDRY":1e0}}' },
  { name: 'env 1e21 is 1e+21', user: '{"env":{"CLAUDE_CODE_USE_VERTEX":1e21}}' },
  { name: 'an env object String() cannot convert voids the file', user: '{"env":{"X":{"toString":1},"CLAUDE_CODE_USE_VERTEX":"1"}}' },
  { name: 'the same inside an array', user: '{"env":{"X":[{"toString":1}],"CLAUDE_CODE_USE_VERTEX":"1"}}' },
  { name: 'an env object with valueOf is [object Object]', user: '{"env":{"CLAUDE_CODE_USE_VERTEX":{"valueOf":1}}}' },
  { name: 'lower-case names are other variables', user: S({ env: { claude_code_use_vertex: '1' } }) },
];

const P = (env: Record<string, unknown>) => S({ env });
const PROJECT_ENV: Case[] = [
  ...(['project', 'local'] as const).flatMap((level): Case[] => [
    { name: `${level}: ANTHROPIC_API_KEY is not taken`, [level]: P({ ANTHROPIC_API_KEY: 'sk-ant-from-repo' }) },
    { name: `${level}: ANTHROPIC_AUTH_TOKEN is not taken`, [level]: P({ ANTHROPIC_AUTH_TOKEN: 'repo-token' }) },
    { name: `${level}: CLAUDE_CODE_OAUTH_TOKEN is not taken`, [level]: P({ CLAUDE_CODE_OAUTH_TOKEN: 'repo-token' }) },
    { name: `${level}: an empty ANTHROPIC_API_KEY does not unset the shell's`, [level]: P({ ANTHROPIC_API_KEY: '' }), env: { ANTHROPIC_API_KEY: KEY } },
    { name: `${level}: an empty ANTHROPIC_AUTH_TOKEN does not unset the shell's`, [level]: P({ ANTHROPIC_AUTH_TOKEN: '' }), env: { ANTHROPIC_AUTH_TOKEN: 't' } },
    { name: `${level}: selectors are taken`, [level]: P({ CLAUDE_CODE_USE_BEDROCK: '1' }) },
    { name: `${level}: an empty selector unsets the shell's`, [level]: P({ CLAUDE_CODE_USE_VERTEX: '' }), env: { CLAUDE_CODE_USE_VERTEX: '1' } },
    { name: `${level}: apiKeyHelper is taken`, [level]: S({ apiKeyHelper: 'echo k' }) },
  ]),
  { name: 'user: CLAUDE_CODE_OAUTH_TOKEN is taken', user: P({ CLAUDE_CODE_OAUTH_TOKEN: 'tok' }) },
  { name: 'the helper of user settings, a key in project env (not taken)', user: S({ apiKeyHelper: 'echo k' }), project: P({ ANTHROPIC_API_KEY: 'x' }) },
];

const HELPERS: Case[] = [
  { name: 'helper in user settings, an empty one in project', user: S({ apiKeyHelper: 'echo k' }), project: S({ apiKeyHelper: '' }) },
  { name: 'helper in user settings, an empty one in local', user: S({ apiKeyHelper: 'echo k' }), local: S({ apiKeyHelper: '' }) },
  { name: 'helper in project, an empty one in local', project: S({ apiKeyHelper: 'echo k' }), local: S({ apiKeyHelper: '' }) },
  { name: 'helper in local, an empty one in project', local: S({ apiKeyHelper: 'echo k' }), project: S({ apiKeyHelper: '' }) },
  { name: 'helper in project, an empty one in user', project: S({ apiKeyHelper: 'echo k' }), user: S({ apiKeyHelper: '' }) },
  { name: 'a helper of spaces counts', user: S({ apiKeyHelper: '   ' }) },
  { name: 'an empty helper and a /login key', user: S({ apiKeyHelper: '' }), files: { '~/.claude.json': S({ primaryApiKey: 'sk-ant-login' }) } },
  { name: 'an apiKeyHelper in the global config is not used', files: { '~/.claude.json': S({ apiKeyHelper: 'echo k' }) } },
];

const G = '~/.claude.json';
const GLOBAL: Case[] = [
  { name: 'global config env turns Vertex on', files: { [G]: VERTEX_ON } },
  { name: 'global config env beats the shell', env: { CLAUDE_CODE_USE_VERTEX: '1' }, files: { [G]: P({ CLAUDE_CODE_USE_VERTEX: '0' }) } },
  { name: 'user settings beat the global config', user: P({ CLAUDE_CODE_USE_VERTEX: '0' }), files: { [G]: VERTEX_ON } },
  { name: 'project settings beat the global config', project: P({ CLAUDE_CODE_USE_VERTEX: '0' }), files: { [G]: VERTEX_ON } },
  { name: 'global config env sets the key', files: { [G]: P({ ANTHROPIC_API_KEY: 'sk-g' }) } },
  { name: 'global config env empties the key', env: { ANTHROPIC_API_KEY: KEY }, files: { [G]: P({ ANTHROPIC_API_KEY: '' }) } },
  { name: 'global config env: numbers and booleans count', files: { [G]: P({ CLAUDE_CODE_USE_VERTEX: 1, CLAUDE_CODE_USE_FOUNDRY: true }) } },
  { name: 'global config env: null is skipped', env: { ANTHROPIC_API_KEY: KEY }, files: { [G]: P({ ANTHROPIC_API_KEY: null }) } },
  { name: 'global config env: arrays are skipped', env: { ANTHROPIC_API_KEY: KEY }, files: { [G]: P({ ANTHROPIC_API_KEY: [] }) } },
  { name: 'global config env: objects are skipped', files: { [G]: P({ ANTHROPIC_API_KEY: {} }) } },
  { name: 'global config env that is not an object', files: { [G]: S({ env: ['x'], primaryApiKey: 'k' }) } },
  { name: 'the settings schema does not apply to the global config', files: { [G]: S({ env: { CLAUDE_CODE_USE_VERTEX: '1' }, statusLine: 5 }) } },
  { name: 'a UTF-8 byte order mark in the global config', files: { [G]: bom([0xef, 0xbb, 0xbf], Buffer.from(VERTEX_ON)) as unknown as string } },
  { name: 'the global config as a directory', setup: 'mkdir "$HOME/.claude.json"', env: { ANTHROPIC_API_KEY: KEY } },
  { name: 'an empty global config', files: { [G]: '' } },
  { name: 'CLAUDE_CONFIG_DIR: its .claude.json', env: { CLAUDE_CONFIG_DIR: '$ROOT/cfg' }, files: { '@/cfg/.claude.json': VERTEX_ON } },
  { name: 'CLAUDE_CONFIG_DIR: ~/.claude.json is not read', env: { CLAUDE_CONFIG_DIR: '$ROOT/cfg' }, files: { [G]: VERTEX_ON } },
  { name: 'the legacy .config.json', files: { '~/.claude/.config.json': VERTEX_ON } },
  { name: 'the legacy .config.json hides .claude.json', files: { '~/.claude/.config.json': S({ primaryApiKey: 'k' }), [G]: VERTEX_ON } },
  { name: 'an empty legacy .config.json hides it too', files: { '~/.claude/.config.json': '{}', [G]: VERTEX_ON } },
  { name: 'a legacy .config.json directory does not', setup: 'mkdir -p "$HOME/.claude/.config.json"', files: { [G]: VERTEX_ON } },
  { name: 'the legacy file under CLAUDE_CONFIG_DIR', env: { CLAUDE_CONFIG_DIR: '$ROOT/cfg' }, files: { '@/cfg/.config.json': VERTEX_ON } },
];

const CONFIG_DIR: Case[] = [
  { name: 'an empty CLAUDE_CONFIG_DIR is the working directory', env: { CLAUDE_CONFIG_DIR: '' }, user: VERTEX_ON },
  { name: 'an empty CLAUDE_CONFIG_DIR: settings.json in the working directory', env: { CLAUDE_CONFIG_DIR: '' }, files: { 'settings.json': VERTEX_ON } },
  { name: 'an empty CLAUDE_CONFIG_DIR: the global config stays ~/.claude.json', env: { CLAUDE_CONFIG_DIR: '' }, files: { [G]: VERTEX_ON } },
  { name: 'an empty CLAUDE_CONFIG_DIR: legacy .config.json in the working directory', env: { CLAUDE_CONFIG_DIR: '' }, files: { '.config.json': VERTEX_ON } },
  { name: 'a relative CLAUDE_CONFIG_DIR is relative to the working directory', env: { CLAUDE_CONFIG_DIR: 'rel' }, files: { 'rel/settings.json': VERTEX_ON, '~/rel/settings.json': P({ CLAUDE_CODE_USE_FOUNDRY: '1' }) } },
  { name: 'a relative CLAUDE_CONFIG_DIR: its .claude.json', env: { CLAUDE_CONFIG_DIR: 'rel' }, files: { 'rel/.claude.json': VERTEX_ON } },
  { name: 'CLAUDE_CONFIG_DIR=~/cfg: no tilde expansion', env: { CLAUDE_CONFIG_DIR: '~/cfg' }, files: { '~/cfg/settings.json': VERTEX_ON, '~/cfg2/x': '' } },
  { name: 'CLAUDE_CONFIG_DIR of one space', env: { CLAUDE_CONFIG_DIR: ' ' }, files: { ' /settings.json': VERTEX_ON } },
  { name: 'CLAUDE_CONFIG_DIR with a trailing slash', env: { CLAUDE_CONFIG_DIR: '$ROOT/cfg/' }, files: { '@/cfg/settings.json': VERTEX_ON } },
];

const repo = 'cd "$WORK" && git init -q . && mkdir -p sub/.claude .claude';
const worktree = 'cd "$WORK" && git init -q . && git -c user.email=a@b -c user.name=a commit -q --allow-empty -m x && git worktree add -q ../wt 2>/dev/null && mkdir -p ../wt/.claude ../wt/sub/.claude .claude';
const OFF = P({ CLAUDE_CODE_USE_VERTEX: '0' });
const FOUNDRY_ON = P({ CLAUDE_CODE_USE_FOUNDRY: '1' });
const GIT: Case[] = [
  { name: 'git: the root settings.local.json from a subdirectory', setup: repo, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
  { name: 'git: not the root settings.json', setup: repo, files: { '.claude/settings.json': VERTEX_ON }, cwd: 'sub' },
  { name: 'git: the root local beats the subdirectory local', setup: repo, files: { '.claude/settings.local.json': VERTEX_ON, 'sub/.claude/settings.local.json': OFF }, cwd: 'sub' },
  { name: 'git: both are read', setup: repo, files: { '.claude/settings.local.json': VERTEX_ON, 'sub/.claude/settings.local.json': FOUNDRY_ON }, cwd: 'sub' },
  { name: 'git: the root local beats the subdirectory project', setup: repo, files: { '.claude/settings.local.json': OFF, 'sub/.claude/settings.json': VERTEX_ON }, cwd: 'sub' },
  { name: 'git: the root local beats user settings', setup: repo, files: { '.claude/settings.local.json': VERTEX_ON }, user: OFF, cwd: 'sub' },
  { name: 'git: the root local refuses the key too', setup: repo, files: { '.claude/settings.local.json': P({ ANTHROPIC_API_KEY: 'x' }) }, cwd: 'sub' },
  { name: 'git: an empty helper in the root local', setup: repo, files: { '.claude/settings.local.json': S({ apiKeyHelper: '' }), 'sub/.claude/settings.local.json': S({ apiKeyHelper: 'echo k' }) }, cwd: 'sub' },
  { name: 'git: two levels down', setup: `${repo} && mkdir -p sub/deeper`, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub/deeper' },
  { name: 'no git: a parent settings.local.json is not read', setup: 'mkdir -p "$WORK/sub"', files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
  { name: 'git: a nested repository is the root', setup: `${repo} && mkdir -p inner/sub && git -C inner init -q .`, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'inner/sub' },
  { name: 'git: an empty .git directory is enough', setup: 'mkdir -p "$WORK/.git" "$WORK/sub"', files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
  { name: 'git: a .git file pointing nowhere', setup: 'mkdir -p "$WORK/sub" && echo "gitdir: /nonexistent" > "$WORK/.git"', files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
  { name: 'git: a separate git dir', setup: 'cd "$WORK" && git init -q --separate-git-dir="$ROOT/gd" . && mkdir -p sub', files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
  { name: 'git: git not on PATH', setup: repo, env: { PATH: '/nonexistent' }, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
  { name: 'git: a symlink into the repository', setup: `${repo} && ln -s "$WORK/sub" "$ROOT/link"`, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: '../../../link' },
  { name: 'worktree: the main checkout\'s local', setup: worktree, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: '../wt' },
  { name: 'worktree: the main checkout\'s local beats the worktree\'s', setup: worktree, files: { '.claude/settings.local.json': VERTEX_ON, '../wt/.claude/settings.local.json': OFF }, cwd: '../wt' },
  { name: 'worktree subdirectory: the main checkout\'s, not the worktree root\'s', setup: worktree, files: { '.claude/settings.local.json': VERTEX_ON, '../wt/.claude/settings.local.json': FOUNDRY_ON }, cwd: '../wt/sub' },
  { name: 'worktree: not the main checkout\'s settings.json', setup: worktree, files: { '.claude/settings.json': VERTEX_ON }, cwd: '../wt' },
  ...(process.getuid?.() === 0
    ? [
        { name: 'git: a root directory owned by someone else', setup: `${repo} && chown 12345 "$WORK"`, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
        { name: 'git: a .git owned by someone else', setup: `${repo} && chown -R 12345 "$WORK/.git"`, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
        { name: 'git: a .claude owned by someone else', setup: `${repo} && chown 12345 "$WORK/.claude"`, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
        { name: 'git: the file itself owned by someone else is fine', setup: `${repo} && printf '%s' '${VERTEX_ON}' > "$WORK/.claude/settings.local.json" && chown 12345 "$WORK/.claude/settings.local.json"`, cwd: 'sub' },
        { name: 'git: a world-writable .claude is fine', setup: `${repo} && chmod 777 "$WORK/.claude"`, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
        { name: 'git: a subdirectory owned by someone else is fine', setup: `${repo} && chown 12345 "$WORK/sub"`, files: { '.claude/settings.local.json': VERTEX_ON }, cwd: 'sub' },
        { name: 'git: at the root, ownership does not matter', setup: `${repo} && printf '%s' '${VERTEX_ON}' > "$WORK/.claude/settings.local.json" && chown -R 12345 "$WORK"` },
      ]
    : []),
];

const oauth = (extra: Record<string, unknown> = {}) => S({ claudeAiOauth: { accessToken: 'sk-ant-oat01-test', refreshToken: 'sk-ant-ort01-test', expiresAt: Date.now() + 864e5, scopes: ['user:inference', 'user:profile'], subscriptionType: 'max', ...extra } });
const CREDS = '~/.claude/.credentials.json';
const LOGINS: Case[] = [
  { name: 'CLAUDE_CODE_OAUTH_TOKEN', env: { CLAUDE_CODE_OAUTH_TOKEN: 'sk-ant-oat01-x' } },
  { name: 'an empty CLAUDE_CODE_OAUTH_TOKEN', env: { CLAUDE_CODE_OAUTH_TOKEN: '' } },
  { name: 'CLAUDE_CODE_OAUTH_TOKEN and a key', env: { CLAUDE_CODE_OAUTH_TOKEN: 'x', ANTHROPIC_API_KEY: KEY } },
  { name: 'CLAUDE_CODE_OAUTH_TOKEN and a helper', env: { CLAUDE_CODE_OAUTH_TOKEN: 'x' }, user: S({ apiKeyHelper: 'echo k' }) },
  { name: 'CLAUDE_CODE_OAUTH_TOKEN, a key and a helper: the key', env: { CLAUDE_CODE_OAUTH_TOKEN: 'x', ANTHROPIC_API_KEY: KEY }, user: S({ apiKeyHelper: 'echo k' }) },
  { name: 'CLAUDE_CODE_OAUTH_TOKEN from user settings, a key and a helper', env: { ANTHROPIC_API_KEY: KEY }, user: S({ apiKeyHelper: 'echo k', env: { CLAUDE_CODE_OAUTH_TOKEN: 'x' } }) },
  { name: 'CLAUDE_CODE_OAUTH_TOKEN from the global config, a key and a helper', env: { ANTHROPIC_API_KEY: KEY }, local: S({ apiKeyHelper: 'echo k' }), files: { '~/.claude.json': S({ env: { CLAUDE_CODE_OAUTH_TOKEN: 'x' } }) } },
  { name: 'CLAUDE_CODE_OAUTH_TOKEN in Bedrock mode', env: { CLAUDE_CODE_OAUTH_TOKEN: 'x', CLAUDE_CODE_USE_BEDROCK: '1' } },
  { name: 'a /login key', files: { [G]: S({ primaryApiKey: 'sk-ant-api03-login' }) } },
  { name: 'a /login key in Bedrock mode is still the key source', env: { CLAUDE_CODE_USE_BEDROCK: '1' }, files: { [G]: S({ primaryApiKey: 'sk-ant-api03-login' }) } },
  { name: 'a /login key and ANTHROPIC_API_KEY', env: { ANTHROPIC_API_KEY: KEY }, files: { [G]: S({ primaryApiKey: 'k' }) } },
  { name: 'a /login key and a helper', user: S({ apiKeyHelper: 'echo k' }), files: { [G]: S({ primaryApiKey: 'k' }) } },
  { name: 'a /login key and ANTHROPIC_AUTH_TOKEN', env: { ANTHROPIC_AUTH_TOKEN: 't' }, files: { [G]: S({ primaryApiKey: 'k' }) } },
  { name: 'a /login key and CLAUDE_CODE_OAUTH_TOKEN', env: { CLAUDE_CODE_OAUTH_TOKEN: 't' }, files: { [G]: S({ primaryApiKey: 'k' }) } },
  { name: 'an empty /login key', files: { [G]: S({ primaryApiKey: '' }) } },
  { name: 'a /login key of true', files: { [G]: S({ primaryApiKey: true }) } },
  { name: 'a /login key of 0', files: { [G]: S({ primaryApiKey: 0 }) } },
  { name: 'a /login key under CLAUDE_CONFIG_DIR', env: { CLAUDE_CONFIG_DIR: '$ROOT/cfg' }, files: { '@/cfg/.claude.json': S({ primaryApiKey: 'k' }) } },
  { name: 'a claude.ai login', files: { [CREDS]: oauth() } },
  { name: 'an expired claude.ai login still counts', files: { [CREDS]: oauth({ expiresAt: 1000 }) } },
  { name: 'a claude.ai login without the inference scope', files: { [CREDS]: oauth({ scopes: ['user:profile'] }) } },
  { name: 'a claude.ai login without scopes', files: { [CREDS]: S({ claudeAiOauth: { accessToken: 'a' } }) } },
  { name: 'a claude.ai login with an empty token', files: { [CREDS]: oauth({ accessToken: '' }) } },
  { name: 'a claude.ai login and a key', env: { ANTHROPIC_API_KEY: KEY }, files: { [CREDS]: oauth() } },
  { name: 'a claude.ai login and a helper', user: S({ apiKeyHelper: 'echo k' }), files: { [CREDS]: oauth() } },
  { name: 'a claude.ai login and ANTHROPIC_AUTH_TOKEN', env: { ANTHROPIC_AUTH_TOKEN: 't' }, files: { [CREDS]: oauth() } },
  { name: 'a claude.ai login and CLAUDE_CODE_OAUTH_TOKEN', env: { CLAUDE_CODE_OAUTH_TOKEN: 't' }, files: { [CREDS]: oauth() } },
  { name: 'a claude.ai login and a /login key', files: { [CREDS]: oauth(), [G]: S({ primaryApiKey: 'k' }) } },
  { name: 'a claude.ai login in Bedrock mode', env: { CLAUDE_CODE_USE_BEDROCK: '1' }, files: { [CREDS]: oauth() } },
  { name: 'a claude.ai login under CLAUDE_CONFIG_DIR', env: { CLAUDE_CONFIG_DIR: '$ROOT/cfg' }, files: { '@/cfg/.credentials.json': oauth() } },
  { name: 'CLAUDE_CONFIG_DIR: the login in ~/.claude is not read', env: { CLAUDE_CONFIG_DIR: '$ROOT/cfg' }, files: { [CREDS]: oauth() } },
];

const CLASSES = { ENCODINGS, ENV_VALUES, PROJECT_ENV, HELPERS, GLOBAL, CONFIG_DIR, GIT, LOGINS };

describe.skipIf(!available).concurrent('status agrees with `claude auth status`', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => compare(c));
});

for (const [group, cases] of Object.entries(CLASSES)) {
  describe.skipIf(!available).concurrent(`status agrees with \`claude auth status\`: ${group}`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => compare(c));
  });
}

// Skipped with the oracle, so that a file whose oracle did not run never shows green.
describe.skipIf(!available)('the oracle cases', () => {
  it('are at least 30, each named once, and put every selector and every settings level to the test', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const all = [...CASES, ...Object.values(CLASSES).flat()];
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    const text = (c: Case) => JSON.stringify([c.env, c.user, c.project, c.local, c.parentProject]);
    for (const selector of SELECTORS) expect(CASES.filter((c) => text(c).includes(selector)).length, selector).toBeGreaterThanOrEqual(2);
    for (const level of ['user', 'project', 'local', 'parentProject', 'configDir', 'userIsDirectory'] as const) {
      expect(CASES.some((c) => c[level] !== undefined), level).toBe(true);
    }
  });
});
