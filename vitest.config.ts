import { defineConfig } from 'vitest/config';

// `pnpm test` runs every project from the root: api (unit + integration on a real database),
// portal (components) and test (cross-package integration and end-to-end).
export default defineConfig({
  test: {
    projects: ['api/vitest.config.ts', 'portal/vitest.config.ts', 'test/vitest.config.ts'],
  },
});
