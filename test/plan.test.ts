// Switch plans for every backend, as properties: whatever the profile says, a switch turns on its
// own selector and every other one off, never both sets and clears a variable, and a backend that
// is not the Anthropic API carries no Anthropic API key (2.1.197 sent a left-over one to Bedrock).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKEND_SPECS, SELECTORS, type ValueField } from '../src/profiles/backends.js';
import { MANAGED_VARS } from '../src/profiles/managed.js';
import { planFor } from '../src/profiles/plan.js';
import type { Profile } from '../src/profiles/types.js';

const FIELDS: ValueField[] = ['region', 'awsProfile', 'projectId', 'resource', 'workspaceId', 'baseUrl', 'smallFastModelRegion'];

const profile = fc
  .record({
    spec: fc.constantFrom(...BACKEND_SPECS),
    values: fc.dictionary(fc.constantFrom(...FIELDS), fc.constantFrom('us-east-1', 'x', '')),
    model: fc.option(fc.constantFrom('m', 'us.anthropic.claude-x'), { nil: undefined }),
  })
  .map(({ spec, values, model }): Profile => {
    const p: Profile = { name: 'p', backend: spec.id, description: '', env: {}, ...(model ? { model } : {}) };
    // Only the fields the backend takes (the loader refuses the others).
    for (const [k, v] of Object.entries(values)) if (spec.fields[k as ValueField]) (p as unknown as Record<string, string>)[k] = v;
    return p;
  });

describe('switch plans', () => {
  it('are exclusive, consistent and keep first-party credentials away from the other backends', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const spec = BACKEND_SPECS.find((b) => b.id === p.backend)!;
        const plan = planFor(p, '~/.config/claude-hooks/config.toml');
        const set = new Map(plan.set);
        for (const s of SELECTORS) {
          if (s === spec.selector) expect(set.get(s)).toBe('1');
          else expect(plan.clear).toContain(s);
        }
        for (const name of plan.clear) expect(set.has(name), name).toBe(false);
        for (const name of [...plan.clear, ...set.keys()]) expect(MANAGED_VARS, name).toContain(name);
        if (spec.provider !== 'firstParty') {
          expect(plan.clear).toContain('ANTHROPIC_API_KEY');
          expect(plan.clear).toContain('CLAUDE_CODE_OAUTH_TOKEN');
        }
        if (spec.provider !== 'firstParty' && spec.provider !== 'gateway') {
          expect(plan.clear).toEqual(expect.arrayContaining(['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL']));
        }
        // Each value the profile gives lands in the variable the backend table names.
        for (const [field, variable] of Object.entries(spec.fields)) {
          const value = (p as unknown as Record<string, string | undefined>)[field];
          if (value !== undefined) expect(set.get(variable)).toBe(value);
        }
      }),
      { seed: 1127, numRuns: 400 },
    );
  });
});
