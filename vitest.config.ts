import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Renderer modules with pure logic import the API contract by the same alias as in the app.
  resolve: { alias: { '@contract': resolve(__dirname, 'electron/core/contract/index.ts') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
