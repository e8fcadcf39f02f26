import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The dashboard: web/ built into dist/web/, which `liantu serve` serves beside the API under /api. */
export default defineConfig({
  root: 'web',
  base: './',
  plugins: [preact()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
