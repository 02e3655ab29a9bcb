import vue from '@vitejs/plugin-vue';
import { fileURLToPath, URL } from 'node:url';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vite';

/** Where `pnpm start` (or `pnpm --filter api start`) serves the gateway during development. */
const API_ORIGIN = process.env.PORTAL_API_ORIGIN ?? 'http://localhost:4000';

// Everything the product serves besides the portal itself: GraphQL, files in and out, health.
const API_PROXY = Object.fromEntries(
  ['/graphql', '/healthz', '/readyz', '/uploads', '/materials', '/exports', '/templates'].map((path) => [path, { target: API_ORIGIN, changeOrigin: true }]),
);

/** The type declarations for auto-imported Element Plus parts are committed; tests leave them alone. */
const writeDts = !process.env.VITEST;

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: only the components and services a page uses (and their CSS) are bundled.
    AutoImport({
      resolvers: [ElementPlusResolver()],
      dts: writeDts && 'src/auto-imports.d.ts',
    }),
    Components({
      resolvers: [ElementPlusResolver()],
      // Our own components are imported explicitly; only Element Plus is resolved automatically.
      dirs: [],
      dts: writeDts && 'src/components.d.ts',
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n: Composition API only, no devtools in production (smaller bundle).
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: API_PROXY,
  },
  preview: {
    proxy: API_PROXY,
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks with readable names; Element Plus stays split per route.
        codeSplitting: {
          groups: [
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|@wry|optimism|zen-observable|zen-observable-ts|ts-invariant|symbol-observable|@vue[\\/]apollo-composable|vue-demi|tslib)[\\/]/,
              priority: 10,
            },
            {
              // Higher priority: groups take their modules' dependencies along, and apollo-composable imports Vue.
              name: 'vue',
              test: /node_modules[\\/](vue|@vue[\\/](?!apollo-composable)[^\\/]+|vue-router|vue-i18n|@intlify[\\/][^\\/]+)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
