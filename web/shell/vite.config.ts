import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

/**
 * The shell. Solid and the micro-frontends stay bare imports (`solid-js`, `@portal/mfe-*`)
 * resolved in the browser by the import map the server puts into index.html at run time.
 */
export default defineConfig({
  plugins: [solid()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    target: 'es2022',
    emptyOutDir: true, // the Solid build (vite.vendor.config.ts, run after this one) adds dist/lib
    sourcemap: true,
    rollupOptions: {
      external: [/^solid-js(\/.*)?$/, /^@portal\/mfe-/],
      output: { minify: true },
    },
  },
});
