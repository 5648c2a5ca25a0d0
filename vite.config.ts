import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2023',
    // No inline polyfill script: the CSP allows only 'self' scripts.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // One bundle loaded from disk by a desktop app: its size is tracked by `npm run bench`, not this warning.
    chunkSizeWarningLimit: 1024,
  },
});
