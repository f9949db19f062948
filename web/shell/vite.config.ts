import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  plugins: [solid()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/healthz': 'http://localhost:4000',
    },
  },
  build: { target: 'es2022', sourcemap: true },
});
