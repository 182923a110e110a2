// The repository root's .claude/settings.local.json counts, from a subdirectory, only when the
// root, its .git and its .claude belong to the user running Claude Code. When .git or .claude
// is a symbolic link, 2.1.332 asks who owns the LINK, not what it points to: a .claude link of
// yours to somebody else's directory is read, a link of somebody else's to your directory is
// not (measured with claude auth status, as root with chown; status followed the link).
// Generated over what is a link and who owns the link and its target.
import { describe, it } from 'vitest';
import { S, available, compare, type Case } from './helpers/oracle.js';

const VERTEX = S({ env: { CLAUDE_CODE_USE_VERTEX: '1' } });
const OTHER = 12345;

type Owner = 'me' | 'other';
interface World {
  /** Which of .git and .claude is a link (to a directory of the same name under $ROOT/t). */
  link: '.git' | '.claude';
  linkOwner: Owner;
  targetOwner: Owner;
}

const WORLDS: World[] = (['.git', '.claude'] as const).flatMap((link) =>
  (['me', 'other'] as const).flatMap((linkOwner) => (['me', 'other'] as const).map((targetOwner) => ({ link, linkOwner, targetOwner }))),
);

function toCase(w: World): Case {
  const target = `"$ROOT/t/${w.link}"`;
  const repo = w.link === '.git' ? 'git init -q "$ROOT/t" && mkdir -p .claude' : `git init -q . && mkdir -p ${target}`;
  const steps = [
    `cd "$WORK" && mkdir -p sub "$ROOT/t" && ${repo} && ln -s ${target} ${w.link}`,
    // Written through the link when .claude is one; chowned last, once it is there.
    `printf '%s' '${VERTEX}' > .claude/settings.local.json`,
    w.targetOwner === 'other' ? `chown -R ${OTHER} ${target}` : ':',
    w.linkOwner === 'other' ? `chown -h ${OTHER} ${w.link}` : ':',
  ];
  return { name: JSON.stringify(w), setup: steps.join(' && '), cwd: 'sub' };
}

describe.concurrent.skipIf(!available || process.getuid?.() !== 0)("a linked .git or .claude at the repository root: the link's owner counts", () => {
  for (const w of WORLDS) it(JSON.stringify(w), () => compare(toCase(w)));
});
