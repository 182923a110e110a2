import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real shells, tmux and npm pack: generous, but a hung shell still fails the run.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep the shells from starving each other.
    maxWorkers: 2,
  },
});
