import { BACKEND_SPECS, backendSpec, type ValueField } from '../profiles/backends.js';
import { join } from 'node:path';
import fse from 'fs-extra';
import { asInputError, InputError } from '../errors.js';
import { withBlock, withBlockBytes } from '../block.js';
import { linkTarget, readRegularFile, withFileLock, writeFileAtomic } from '../files.js';
import { xdgDir } from '../paths.js';
import { absoluteDir, currentDir } from '../here.js';
import { initCode, mtimeNs, stampLike } from '../init.js';
import { configPath, displayPath, loadConfig } from '../profiles/config.js';
import { print } from '../print.js';
import { inline } from '../sanitize.js';
import { REGION_NAME, REGION_RULE } from '../profiles/schema.js';

type Env = Record<string, string | undefined>;

/** `bedrock, mantle and anthropic-aws`: the backends that take a value for `field`. */
function withField(field: ValueField): string {
  const ids = BACKEND_SPECS.filter((b) => b.fields[field]).map((b) => b.id);
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : ids.join('');
}

export { BLOCK_END, BLOCK_START } from '../block.js';

// The same rules `use claude` applies in direnv: anything else is refused, never quoted through.
const AWS_PROFILE = /^[A-Za-z0-9_.@+=,][A-Za-z0-9_.@+=,-]{0,127}$/;

/** Where direnv looks for libraries: $DIRENV_CONFIG/lib, else $XDG_CONFIG_HOME/direnv/lib. */
export function direnvLibPath(env: Env = process.env): string {
  const config = env.DIRENV_CONFIG || join(xdgDir('XDG_CONFIG_HOME', env), 'direnv');
  return join(config, 'lib', 'claude-hooks.sh');
}

/** `claude-hooks init direnv --write`: installs the library direnv loads before every .envrc. */
export async function writeDirenvLib(): Promise<void> {
  const path = direnvLibPath();
  let changed: boolean;
  try {
    // `use claude` renders the profiles afresh (a node start, and a line) at every load while the
    // config is not the file the library was written from: the stamp beside it carries the
    // config's modification time, compared both ways (an edit, a config restored with an older
    // date, a removed one). Read before the config is, so an edit meanwhile leaves no stamp.
    // Stamped even when the text is the same: a comment edited changes no profile.
    const config = configPath();
    const seen = mtimeNs(config);
    changed = await writeFileAtomic(path, initCode('direnv', { libFile: path }), 0o600, false, true);
    await stampLike(`${path}.config-time`, config, seen);
  } catch (err) {
    throw asInputError(err, `init direnv: cannot write ${path}`);
  }
  print(
    changed
      ? `claude-hooks: wrote ${inline(displayPath(path))}; an .envrc can now say: use claude <profile>\n`
      : `claude-hooks: ${inline(displayPath(path))} is up to date\n`,
  );
}

export interface EnvrcOptions {
  profile: string;
  region?: string | undefined;
  awsProfile?: string | undefined;
  write: boolean;
  dir?: string | undefined;
}

/** The `use claude` line for a profile, after checking every value that goes into it. */
function useLine(o: EnvrcOptions): string {
  const config = loadConfig();
  const profile = config.profiles.find((p) => p.name === o.profile);
  if (!profile) throw new InputError(`envrc: no profile "${o.profile}"; known: ${config.profiles.map((p) => p.name).join(', ')}`);
  const parts = ['use', 'claude', profile.name];
  if (o.region !== undefined) {
    if (!backendSpec(profile.backend).fields.region) {
      throw new InputError(`envrc: --region is for ${withField('region')} profiles; "${profile.name}" is ${profile.backend}`);
    }
    if (!REGION_NAME.test(o.region)) throw new InputError(`envrc: --region ${JSON.stringify(o.region)}: ${REGION_RULE}`);
    parts.push('--region', o.region);
  }
  if (o.awsProfile !== undefined) {
    if (!backendSpec(profile.backend).fields.awsProfile) {
      throw new InputError(`envrc: --aws-profile is for ${withField('awsProfile')} profiles; "${profile.name}" is ${profile.backend}`);
    }
    if (!AWS_PROFILE.test(o.awsProfile)) {
      throw new InputError(`envrc: --aws-profile ${JSON.stringify(o.awsProfile)}: expected an AWS profile name (letters, digits and _.@+=,-)`);
    }
    parts.push('--aws-profile', o.awsProfile);
  }
  return parts.join(' ');
}

export function envrcBlock(line: string): string {
  return `# Claude Code's backend in this directory. Written by \`claude-hooks envrc\`, which rewrites only this block.\n${line}\n`;
}

export async function envrc(o: EnvrcOptions): Promise<void> {
  const line = useLine(o);
  const block = envrcBlock(line);
  if (!o.write) {
    print(withBlock('', block, '.envrc'));
    return;
  }
  const dir = o.dir === undefined ? currentDir('envrc') : absoluteDir('envrc', o.dir);
  if (!(await fse.pathExists(dir))) throw new InputError(`envrc: --dir ${dir}: no such directory`);
  const path = join(dir, '.envrc');
  // Bytes, not text, and through a symlinked .envrc to the file it names (see block.ts, files.ts).
  let changed: boolean;
  try {
    changed = await withFileLock(await linkTarget(path), 'envrc', async () => {
      // Never a blocking read: an .envrc that is a FIFO (or a device) is refused.
      let existing: Buffer = Buffer.alloc(0);
      try {
        existing = readRegularFile(path, 'envrc: ') ?? existing;
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`envrc: cannot read ${path} (${(err as NodeJS.ErrnoException).code})`);
      }
      return writeFileAtomic(path, withBlockBytes(existing, block, path));
    });
  } catch (err) {
    throw asInputError(err, `envrc: cannot change ${path}`);
  }
  if (!changed) {
    print(`claude-hooks: ${inline(path)} already says: ${line}\n`);
    return;
  }
  print(`claude-hooks: wrote ${inline(path)} (${line}); run \`direnv allow ${inline(dir)}\` to trust it\n`);
  if (!(await fse.pathExists(direnvLibPath()))) {
    print('claude-hooks: direnv does not know `use claude` yet: run `claude-hooks init direnv --write` once\n');
  }
}
