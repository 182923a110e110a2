import { BACKEND_SPECS } from './backends.js';
import type { Profile } from './types.js';

// One built-in profile per backend, named after it (cb-bedrock, cb-mantle, ...). They carry no
// values of their own: they switch the backend and take region, project and credentials from the
// user's environment (or from a `[profiles.<name>]` table in the config that fills them in).
export const BUILTIN_PROFILES: readonly Profile[] = BACKEND_SPECS.map((b) => ({ name: b.id, backend: b.id, description: b.description, env: {} }));
