#!/usr/bin/env node
// Part of `npm run build`: writes schema/config.schema.json from the table the loader checks,
// so editors (taplo, Even Better TOML) validate the config exactly as claude-hooks does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/profiles/schema.js';

const target = new URL('../schema/config.schema.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, JSON.stringify(configJsonSchema(), null, 2) + '\n');
