import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real shells, tmux and npm pack: generous, but a hung shell still fails the run.
    // Generous: the e2e and oracle tests start real claude processes, and CI's 2 cores are shared.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // Two cores: keep the shells from starving each other.
    maxWorkers: 2,
  },
});
