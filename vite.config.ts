// Builds the renderer into build/renderer, which Electron serves over app:// and browser mode over
// HTTP. Relative asset URLs (base './') work under both origins.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    // Inlined assets become data: URLs, which a strict CSP (img-src 'self') would block.
    assetsInlineLimit: 0,
  },
});
