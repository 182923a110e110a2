import { resolve } from 'node:path';
import { colorsOn, painter } from '../colors.js';
import { findings } from '../status/findings.js';
import { doctorText, statusJson, statusText } from '../status/format.js';
import { liveFindings } from '../status/live.js';
import { migrationGuide } from '../status/migrate.js';
import { predict } from '../status/predict.js';
import { print } from '../print.js';
import { jsonText } from '../sanitize.js';

export function status(dir: string | undefined, json: boolean): void {
  const p = predict(resolve(dir ?? process.cwd()));
  print(json ? jsonText(statusJson(p, process.env)) + '\n' : statusText(p, process.env, painter(colorsOn())));
}

/** Exit code 1 when any finding is an error. */
export async function doctor(o: { dir?: string | undefined; json: boolean; live: boolean; migrate: boolean }): Promise<void> {
  const p = predict(resolve(o.dir ?? process.cwd()));
  if (o.migrate) {
    print(migrationGuide(p, process.env));
    return;
  }
  const found = [...findings(p), ...(o.live ? await liveFindings(p) : [])];
  if (o.json) print(jsonText({ schemaVersion: 1, provider: p.provider, apiKeySource: p.apiKeySource, findings: found }) + '\n');
  else print(doctorText(found, painter(colorsOn())));
  if (found.some((f) => f.severity === 'error')) process.exitCode = 1;
}
