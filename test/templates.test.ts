// The shell templates as a reader meets them (issue 16, "readable before clever"): lines that fit
// a terminal, the same sections in the same order in every shell, and the same names for the
// same jobs, so reading one shell's template teaches the other two.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/sandbox.js';

const DIR = join(ROOT, 'shells');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');

/** A template with its `#@include`d files in place, as `init` prints it (less the data). */
function whole(file: string): string {
  return read(file).replace(/^#@include ([a-z0-9.-]+)$/gm, (_, inc: string) => read(inc));
}

/** The functions a template defines, in order: `name() {`, `function name {` or fish's
 *  `function name ...`, at any indentation (bash defines its commands inside an `if`). */
function functionsOf(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/^\s*(?:function\s+([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)\(\)\s*\{)/gm)) names.push((m[1] ?? m[2])!);
  return names;
}

/** The section headings (`# ---- name ----`), fish's hot path aside: fish puts it first on
 *  purpose (a call costs more the further into the sourced text the function sits). */
function sectionsOf(text: string): string[] {
  return [...text.matchAll(/^# ---- (.*?)(?: ----)?$/gm)].map((m) => m[1]!).filter((s) => !s.startsWith('the hot path') && !s.startsWith('shared by'));
}

describe('the shell templates', () => {
  it('keep every line within 110 characters', () => {
    const files = readdirSync(DIR);
    expect(files.length).toBeGreaterThan(4);
    const long = files.flatMap((f) =>
      read(f)
        .split('\n')
        .map((line, i) => ({ where: `shells/${f}:${i + 1}`, length: [...line].length }))
        .filter((l) => l.length > 110),
    );
    expect(long).toEqual([]);
  });

  it('have the same sections, in the same order, in bash, zsh and fish', () => {
    const bash = sectionsOf(read('bash.sh'));
    expect(bash).toEqual(['variables: their state, and putting them back', 'profiles: what they are, and switching', 'what governs this directory', 'entry points']);
    expect(sectionsOf(read('zsh.zsh'))).toEqual(bash);
    expect(sectionsOf(read('fish.fish'))).toEqual(bash);
  });

  it('give the same job the same name: every function of fish is one of bash and zsh too', () => {
    const fish = functionsOf(read('fish.fish'));
    expect(fish).toContain('_cb_hook');
    expect(fish).toContain('_cb_switch');
    for (const other of ['bash.sh', 'zsh.zsh']) {
      const names = new Set(functionsOf(whole(other)));
      expect(fish.filter((n) => !names.has(n)), other).toEqual([]);
    }
  });
});
