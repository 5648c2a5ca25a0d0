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
  },
});
