import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * GraphiQL's stylesheet inlines its web fonts (Roboto and Fira Code, about 330 kB gzip) as data
 * URLs. The explorer uses the system's fonts instead, as the portal does; Monaco's icon font still
 * comes with Monaco's own stylesheet.
 */
function graphiqlWithoutInlinedFonts(): Plugin {
  return {
    name: 'graphiql-without-inlined-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]graphiql[\\/]dist[\\/]style\.css$/.test(id)) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*url\(data:[^}]*\}/g, ''), map: null };
    },
  };
}

/**
 * The GraphQL explorer (explorer.html: GraphiQL, React, the Monaco editor) as a build of its own,
 * written into the same dist/ after the portal's (`pnpm run build` runs both).
 *
 * Why not a second input of vite.config.ts: chunks shared by two inputs are shared whole. The
 * portal's named vendor chunks (apollo, vue) would then carry the parts of graphql-js that only
 * GraphiQL uses (validation, schema building: +31 kB gzip on every portal page), or the explorer
 * would load Vue and Apollo it never runs. Built apart, each page loads only its own code.
 */
export default defineConfig({
  plugins: [graphiqlWithoutInlinedFonts()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The portal's build has just written dist/; add to it.
    emptyOutDir: false,
    // Monaco is large by nature; it is loaded by this page only.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { explorer: fileURLToPath(new URL('./explorer.html', import.meta.url)) },
    },
  },
});
