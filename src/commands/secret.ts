import { InputError } from '../errors.js';
import { loadConfigWithSecrets } from '../profiles/config.js';

/** Prints a literal secret from the config for the shell to read at switch time, so that it
 *  never has to be written into the generated shell code. The loader has already refused it
 *  unless the file is private and allows inline secrets. */
export function printInlineSecret(profile: string, key: string): void {
  const { inlineSecrets } = loadConfigWithSecrets();
  const value = inlineSecrets.get(`${profile}.${key}`);
  if (value === undefined) throw new InputError(`secret: the config has no literal secret at profiles.${profile}.${key}`);
  process.stdout.write(value);
}
