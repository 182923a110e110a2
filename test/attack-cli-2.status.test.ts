// status against the pinned `claude auth status` on three dimensions the differential test
// (status-differential.property.test.ts) did not generate, each of which disagreed before:
// - what `.git` is at the repository root and below it (a FIFO, a socket or a device is no
//   repository to Claude Code: it goes on looking further up);
// - the claude.ai login file's shape: the kind of `accessToken` (Claude Code tests it for truth,
//   so 1, true, [] and {} count) and its size (no 1 MiB limit);
// - the legacy global config `.config.json` next to `~/.claude.json`: an empty (0-byte) one is
//   passed over, a single byte is enough to make it win.
// Fixed cases first (each one a class, the smallest of it), then generated worlds over the same
// dimensions combined, seed printed (CLAUDE_HOOKS_ATTACK_SEED replays one).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY, S, available, bothAnswers, compare, type Case } from './helpers/oracle.js';

const VERTEX = S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } });
const FOUNDRY = S({ env: { CLAUDE_CODE_USE_FOUNDRY: '1' } });
const CREDS = '~/.claude/.credentials.json';
const login = (oauth: Record<string, unknown>) => S({ claudeAiOauth: { refreshToken: 'r', expiresAt: Date.now() + 864e5, scopes: ['user:inference'], subscriptionType: 'pro', ...oauth } });

/** Shell that makes `$1` into a `.git` of the given kind. */
const GIT_KINDS = {
  directory: 'mkdir -p "$1"',
  'gitdir file': 'echo "gitdir: /nowhere" > "$1"',
  FIFO: 'mkfifo "$1"',
  socket: 'python3 -c "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" "$1"',
  '/dev/null': 'ln -s /dev/null "$1"',
  'dangling symlink': 'ln -s /nowhere "$1"',
  'symlink loop': 'ln -s .git "$1"',
} as const;
type GitKind = keyof typeof GIT_KINDS | 'none';
const gitAt = (kind: GitKind, path: string) => (kind === 'none' ? ':' : `set -- "${path}"; ${GIT_KINDS[kind]}`);

const GIT: Case[] = (Object.keys(GIT_KINDS) as GitKind[]).flatMap((kind): Case[] => [
  // The root's settings.local.json is read from a subdirectory only when `.git` makes it a root.
  { name: `.git as ${kind} at the root, Claude Code started below`, setup: `mkdir -p "$WORK/sub" && ${gitAt(kind, '$WORK/.git')}`, files: { '.claude/settings.local.json': VERTEX }, cwd: 'sub' },
  // A `.git` that is no repository does not stop the search for the real root further up.
  { name: `.git as ${kind} between the working directory and the real root`, setup: `cd "$WORK" && git init -q . && mkdir -p sub/deeper && ${gitAt(kind, '$WORK/sub/.git')}`, files: { '.claude/settings.local.json': VERTEX, 'sub/.claude/settings.local.json': FOUNDRY }, cwd: 'sub/deeper' },
  { name: `.git as ${kind} in the working directory itself, a real root above`, setup: `cd "$WORK" && git init -q . && mkdir -p sub && ${gitAt(kind, '$WORK/sub/.git')}`, files: { '.claude/settings.local.json': VERTEX }, cwd: 'sub' },
]);

const TOKENS: unknown[] = ['sk-ant-oat01-x', ' ', '', 1, 0, true, false, [], [0], {}, null];
const LOGINS: Case[] = [
  ...TOKENS.map((t): Case => ({ name: `a claude.ai login whose accessToken is ${S(t)}`, files: { [CREDS]: login({ accessToken: t }) } })),
  { name: 'a claude.ai login without accessToken', files: { [CREDS]: login({}) } },
  { name: 'a claude.ai login file of 2.5 MiB', files: { [CREDS]: login({ accessToken: 'x', padding: 'x'.repeat(2.5 * 1024 * 1024) }) } },
];

const LEGACY = '~/.claude/.config.json';
const G = '~/.claude.json';
const LEGACY_CASES: Case[] = ['', ' ', '\n', '{}', 'null', '\ufeff'].map((text): Case => ({ name: `a legacy .config.json of ${S(text)} beside a .claude.json with a /login key`, files: { [LEGACY]: text, [G]: S({ primaryApiKey: 'sk-ant-login' }) } }));

describe.concurrent.skipIf(!available)('status agrees with `claude auth status`: .git kinds, login shapes, the legacy global config', () => {
  for (const c of [...GIT, ...LOGINS, ...LEGACY_CASES]) it(c.name, () => compare(c), 60_000);
});

// ---- generated: the three dimensions together, with the shell's key and token ----------------

const SEED = Number(process.env.CLAUDE_HOOKS_ATTACK_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.CLAUDE_HOOKS_ATTACK_RUNS ?? 10);

interface World {
  rootGit: GitKind;
  subGit: GitKind;
  rootLocal: boolean;
  subLocal: boolean;
  token: unknown;
  scopes: string[];
  bigLogin: boolean;
  legacy: string | null;
  current: Record<string, unknown> | null;
  shell: Record<string, string>;
}

const gitKind = fc.constantFrom<GitKind>('none', 'directory', 'gitdir file', 'FIFO', 'socket', '/dev/null', 'dangling symlink');
const world: fc.Arbitrary<World> = fc.record({
  rootGit: gitKind,
  subGit: gitKind,
  rootLocal: fc.boolean(),
  subLocal: fc.boolean(),
  token: fc.option(fc.constantFrom<unknown>(...TOKENS), { freq: 3 }),
  scopes: fc.constantFrom(['user:inference'], ['user:profile'], ['user:inference', 'user:profile']),
  bigLogin: fc.constantFrom(false, false, false, true),
  legacy: fc.option(fc.constantFrom('', ' ', '{}', S({ primaryApiKey: 'k' }), S({ env: { CLAUDE_CODE_USE_MANTLE: '1' } })), { freq: 2 }),
  current: fc.option(fc.constantFrom<Record<string, unknown>>({ primaryApiKey: 'sk-ant-login' }, { env: { CLAUDE_CODE_USE_BEDROCK: '1' } }, {}), { freq: 2 }),
  shell: fc.constantFrom<Record<string, string>>({}, { ANTHROPIC_API_KEY: KEY }, { CLAUDE_CODE_OAUTH_TOKEN: 't' }, { ANTHROPIC_API_KEY: '' }),
});

function toCase(w: World, name: string): Case {
  const files: Record<string, string> = {};
  if (w.rootLocal) files['.claude/settings.local.json'] = VERTEX;
  if (w.subLocal) files['sub/.claude/settings.local.json'] = FOUNDRY;
  if (w.token !== null) files[CREDS] = login({ accessToken: w.token, scopes: w.scopes, ...(w.bigLogin ? { padding: 'x'.repeat(1.5 * 1024 * 1024) } : {}) });
  if (w.legacy !== null) files[LEGACY] = w.legacy;
  if (w.current !== null) files[G] = S(w.current);
  const setup = `mkdir -p "$WORK/sub/deeper" && ${gitAt(w.rootGit, '$WORK/.git')} && ${gitAt(w.subGit, '$WORK/sub/.git')}`;
  return { name, env: w.shell, files, setup, cwd: 'sub/deeper' };
}

describe.skipIf(!available)('generated worlds over the same dimensions', () => {
  it(`${RUNS} worlds (seed ${SEED})`, async () => {
    const worlds = fc.sample(world, { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    const queue = worlds.map((w, i) => [w, i] as const);
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [w, i] = next;
          const { ours, theirs } = await bothAnswers(toCase(w, `world ${i}`));
          if ('error' in theirs) continue; // Claude Code does not start: nothing to agree with
          if (JSON.stringify(ours) !== JSON.stringify(theirs)) failures.push(`world #${i} (seed ${SEED}): ours ${S(ours)}, claude ${S(theirs)}\n  ${S(w)}`);
        }
      }),
    );
    expect(failures, failures.join('\n')).toEqual([]);
  }, 240_000);
});
