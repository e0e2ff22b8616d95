import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static bundle: the desktop loads it from a custom protocol (hence relative
// asset paths) and browser mode serves it from build/renderer next to the API.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
  },
  server: {
    // `npm run web` (or node build/src/web.js) answers the API on 5178. The Host header is kept as
    // is (no changeOrigin) so the server's same-origin check sees Origin and Host agree.
    proxy: {
      '/api': { target: 'http://127.0.0.1:5178' },
    },
  },
});
