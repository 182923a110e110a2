// doctor's "what the backend cannot work without" findings against the pinned CLI, on values
// the existing cases never tried: white space, a value a settings file empties, and a
// CLOUD_ML_REGION that is not a region. `claude auth status --text` shows what Claude Code took:
// "GCP project: p" only with a project, "Default region: X" for Vertex (us-east5 when it takes
// none), "Workspace ID: w" only with a workspace. doctor must report the missing one exactly
// when the CLI shows it missing. Before: a blank project or workspace id, and a blank or
// invalid CLOUD_ML_REGION ("bad_region", "e1"), passed as given: no finding, while Claude Code
// stopped (no project, no workspace) or used us-east5.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { available, claudeAuthStatus, setUp, type Case } from './helpers/oracle.js';
import { cli } from './helpers/sandbox.js';

const SEED = Number(process.env.CLAUDE_HOOKS_ATTACK_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.CLAUDE_HOOKS_ATTACK_RUNS ?? 24);

const VALUES = ['', ' ', '\t', ' \u00a0', 'p-1', ' p-1 ', 'bad_region', 'e1', 'a1-b', 'eu', 'global', 'us-east5', ' europe-west1 ', 'EUROPE-WEST1'];
type Where = 'shell' | 'user settings' | 'emptied by user settings';

interface World {
  backend: 'vertex' | 'anthropicAws' | 'anthropicGoogleCloud';
  /** Each variable: a value and where it is set, or unset. */
  vars: Record<string, { value: string; where: Where } | null>;
}

const VARS = {
  vertex: ['ANTHROPIC_VERTEX_PROJECT_ID', 'CLOUD_ML_REGION'],
  anthropicAws: ['ANTHROPIC_AWS_WORKSPACE_ID'],
  anthropicGoogleCloud: ['ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID'],
} as const;
const SELECTOR = { vertex: 'CLAUDE_CODE_USE_VERTEX', anthropicAws: 'CLAUDE_CODE_USE_ANTHROPIC_AWS', anthropicGoogleCloud: 'CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD' } as const;

const setting = fc.option(fc.record({ value: fc.constantFrom(...VALUES), where: fc.constantFrom<Where>('shell', 'shell', 'user settings', 'emptied by user settings') }), { freq: 4 });
const world: fc.Arbitrary<World> = fc.constantFrom('vertex', 'vertex', 'anthropicAws', 'anthropicGoogleCloud').chain((backend) =>
  fc.tuple(...VARS[backend].map(() => setting)).map((vs) => ({ backend, vars: Object.fromEntries(VARS[backend].map((n, i) => [n, vs[i] ?? null])) }) as World),
);

function toCase(w: World): Case {
  const env: Record<string, string> = { [SELECTOR[w.backend]]: '1', AWS_REGION: 'eu-west-1' };
  const userEnv: Record<string, string> = {};
  for (const [name, s] of Object.entries(w.vars)) {
    if (!s) continue;
    if (s.where === 'user settings') userEnv[name] = s.value;
    else env[name] = s.value;
    if (s.where === 'emptied by user settings') userEnv[name] = '';
  }
  return { name: JSON.stringify(w), env, user: JSON.stringify({ env: userEnv }) };
}

/** What doctor should say, read off what the CLI shows it took. */
function expected(w: World, text: string): string[] {
  if (w.backend === 'vertex') {
    const out: string[] = [];
    if (!/^GCP project: /m.test(text)) out.push('vertex-no-project');
    const region = /^Default region: (.*)$/m.exec(text)?.[1];
    const v = w.vars.CLOUD_ML_REGION;
    const effective = v ? (v.where === 'emptied by user settings' ? '' : v.value.trim()) : '';
    if (region === 'us-east5' && effective !== 'us-east5') out.push(effective === '' ? 'vertex-no-region' : 'vertex-region-ignored');
    return out;
  }
  return /^Workspace ID: /m.test(text) ? [] : [w.backend === 'anthropicAws' ? 'anthropic-aws-no-workspace' : 'anthropic-google-cloud-no-workspace'];
}

const IDS = /^(vertex-no-project|vertex-no-region|vertex-region-ignored|anthropic-aws-no-workspace|anthropic-google-cloud-no-workspace)$/;

async function compare(w: World): Promise<string | null> {
  const { sb, work, env } = setUp(toCase(w));
  const doctor = await cli(sb, ['doctor', '--json', '--no-verify', '--dir', work], env);
  const ours = (JSON.parse(doctor.stdout) as { findings: Array<{ id: string }> }).findings.map((f) => f.id).filter((id) => IDS.test(id)).sort();
  const real = await claudeAuthStatus(sb, work, env, '--text');
  const theirs = expected(w, real.stdout).sort();
  return JSON.stringify(ours) === JSON.stringify(theirs) ? null : `ours ${JSON.stringify(ours)}, claude shows ${JSON.stringify(theirs)} (${real.stdout.trim().replace(/\n/g, ' | ')})\n  ${JSON.stringify(w)}`;
}

/** Worlds that disagreed before the fix, one per class. */
const KEPT: World[] = [
  { backend: 'vertex', vars: { ANTHROPIC_VERTEX_PROJECT_ID: { value: ' ', where: 'shell' }, CLOUD_ML_REGION: { value: 'eu', where: 'shell' } } },
  { backend: 'vertex', vars: { ANTHROPIC_VERTEX_PROJECT_ID: { value: 'p-1', where: 'shell' }, CLOUD_ML_REGION: { value: '\t', where: 'shell' } } },
  { backend: 'vertex', vars: { ANTHROPIC_VERTEX_PROJECT_ID: { value: 'p-1', where: 'shell' }, CLOUD_ML_REGION: { value: 'bad_region', where: 'shell' } } },
  { backend: 'vertex', vars: { ANTHROPIC_VERTEX_PROJECT_ID: { value: 'p-1', where: 'shell' }, CLOUD_ML_REGION: { value: 'europe-west1', where: 'emptied by user settings' } } },
  { backend: 'anthropicAws', vars: { ANTHROPIC_AWS_WORKSPACE_ID: { value: ' ', where: 'shell' } } },
  { backend: 'anthropicGoogleCloud', vars: { ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID: { value: ' \u00a0', where: 'user settings' } } },
];

describe.skipIf(!available)('doctor reports a missing project, region or workspace exactly when Claude Code misses it', () => {
  it.concurrent.each(KEPT.map((w) => [JSON.stringify(w), w]))('kept: %s', async (_name, w) => {
    expect(await compare(w)).toBeNull();
  });

  it(`${RUNS} generated worlds (seed ${SEED})`, async () => {
    const worlds = fc.sample(world, { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    await Promise.all(
      [0, 1, 2].map(async (lane) => {
        for (let i = lane; i < worlds.length; i += 3) {
          const f = await compare(worlds[i]!);
          if (f) failures.push(`world #${i} (seed ${SEED}): ${f}`);
        }
      }),
    );
    expect(failures, failures.join('\n')).toEqual([]);
  }, 180_000);
});
