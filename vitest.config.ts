import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site and browser tests read dist/, which `npm test` builds first.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
