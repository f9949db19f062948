import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

/**
 * A library build: one ES module, `dist/customers.js`, exporting `mount`. Solid stays a bare
 * import, resolved by the import map to the one copy the shell serves.
 */
export default defineConfig({
  plugins: [solid()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    target: 'es2022',
    sourcemap: true,
    lib: { entry: 'src/index.tsx', formats: ['es'], fileName: () => 'customers.js' },
    rollupOptions: { external: [/^solid-js(\/.*)?$/], output: { minify: true } },
  },
});
