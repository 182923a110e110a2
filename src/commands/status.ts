import { statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { absoluteDir } from '../paths.js';
import { colorsOn, painter } from '../colors.js';
import { findings } from '../status/findings.js';
import { doctorText, statusJson, statusText } from '../status/format.js';
import { migrationGuide } from '../status/migrate.js';
import { predict } from '../status/predict.js';
import { print } from '../print.js';
import { jsonText } from '../sanitize.js';

/** The directory Claude Code would start in: --dir, which must be one, or here. */
function startDir(command: string, dir: string | undefined): string {
  if (dir === undefined) return absoluteDir(command, undefined);
  const path = absoluteDir(command, dir);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // missing, or not ours to look at: said below
  }
  if (!isDir) throw new InputError(`${command}: --dir expects a directory; ${JSON.stringify(path)} is not one`);
  return path;
}

// What asks claude and aws (execa, and its dependencies) is loaded only when asked for.
const live = () => import('../status/live.js');

/** --verify: also ask the user's own `claude auth status`; exit 1 when it disagrees. */
export async function status(dir: string | undefined, json: boolean, verify = false): Promise<void> {
  const p = predict(startDir('status', dir));
  const checked = verify ? await (await live()).verifyWithClaude(p, true) : undefined;
  if (json) {
    const body = { ...statusJson(p, process.env), ...(verify ? { verified: checked?.verdict ?? null } : {}) };
    print(jsonText(body) + '\n');
  } else {
    const paint = painter(colorsOn());
    print(statusText(p, process.env, paint) + (checked?.finding ? '\n' + doctorText([checked.finding], paint) : ''));
  }
  if (checked?.finding?.severity === 'error') process.exitCode = 1;
}

/** Exit code 1 when any finding is an error. */
export async function doctor(o: { dir?: string | undefined; json: boolean; live: boolean; migrate: boolean; verify?: boolean }): Promise<void> {
  const p = predict(startDir('doctor', o.dir));
  if (o.migrate) {
    print(migrationGuide(p, process.env));
    return;
  }
  // The user's own Claude Code is asked unless --no-verify; said to be missing only with --live.
  const checked = o.verify === false && !o.live ? {} : await (await live()).verifyWithClaude(p, o.live);
  const found = [...findings(p), ...(checked.finding ? [checked.finding] : []), ...(o.live ? await (await live()).awsFindings(p) : [])];
  if (o.json) print(jsonText({ schemaVersion: 1, provider: p.provider, apiKeySource: p.apiKeySource, findings: found }) + '\n');
  else print(doctorText(found, painter(colorsOn())));
  if (found.some((f) => f.severity === 'error')) process.exitCode = 1;
}
