// Every command, in the order help lists them.
import type { Command } from '../spec.js';
import { completion } from './completion.js';
import { config } from './config.js';
import { envrc } from './envrc.js';
import { init } from './init.js';
import { profileNames, secret } from './internal.js';
import { profiles } from './profiles.js';
import { setup } from './setup.js';
import { doctor, status } from './status.js';

export const COMMANDS: readonly Command[] = [setup, init, status, doctor, profiles, config, envrc, completion, profileNames, secret];
