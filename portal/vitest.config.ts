import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// The root vitest config runs this as the project named "portal".
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      name: 'portal',
      root: import.meta.dirname,
      environment: 'happy-dom',
      include: ['src/**/*.test.ts'],
      setupFiles: ['src/test/setup.ts'],
      restoreMocks: true,
      // The first test of a file compiles Element Plus on demand, which takes seconds on a small machine.
      testTimeout: 20_000,
      server: {
        // Element Plus components import their CSS; let Vite handle those imports instead of Node.
        deps: { inline: ['element-plus'] },
      },
    },
  }),
);
