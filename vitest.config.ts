import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Integration tests share one Neo4j database; each file sets up the graph it needs.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // In CI also write a machine-readable result, from which .ci/run prints its summary line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.ci/results/vitest.json' },
  },
});
