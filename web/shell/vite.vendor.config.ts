import { defineConfig } from 'vite';

/**
 * Solid, once, as plain ES modules for the import map: the shell and every micro-frontend
 * import `solid-js`, `solid-js/web` and `solid-js/store` by name and get these files, so a
 * signal made in one is reactive in another (two Solid copies break that silently). Served
 * at /lib/, not /vendor/: that is the vendor's screens' address, and a reload there must get
 * the app.
 */
export default defineConfig({
  define: { 'process.env.NODE_ENV': '"production"' },
  resolve: { conditions: ['browser', 'production', 'import'] },
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: {
        'solid-js': 'vendor/solid-js.ts',
        'solid-js-web': 'vendor/solid-js-web.ts',
        'solid-js-store': 'vendor/solid-js-store.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: { output: { minify: true } },
  },
});
