import { defineConfig } from 'vite';

// The shop is plain TypeScript: Vite bundles it into dist/, which `local/run` serves at
// http://127.0.0.1:3000/. `npm run dev` serves the sources with hot reload on :5173 and passes the
// API's paths to the local runtime, so the page and the API share an origin as they do there.
const runtime = process.env.KIOSK_RUNTIME ?? 'http://127.0.0.1:3000';
const apiPaths = ['/products', '/auth', '/me', '/cart', '/checkout', '/orders', '/admin', '/health', '/_local'];

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One small bundle; no source maps shipped beside it (dev has its own).
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: runtime, changeOrigin: true }])),
  },
  preview: { host: '127.0.0.1' },
});
