import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (main) and ESM (module) builds. Node, and so Apollo Server and the
    // app in production, load the CommonJS one; Vite would hand our modules the ESM one, and a
    // schema built by one copy fails graphql's type checks (isObjectType…) made by the other.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // In CI also write a machine-readable result, from which .ci/run prints its summary line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.ci/results/vitest.json' },
    // `npm run test:unit` runs the pure tests alone (`--project unit`): no Neo4j is started.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          // Integration tests share one Neo4j database; each file sets up the graph it needs.
          fileParallelism: false,
        },
      },
    ],
  },
});
