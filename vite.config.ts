import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_TARGET = 'http://127.0.0.1:5178';

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
    // `npm run web` (or node build/src/web.js) answers the API on 5178 and only to its own Host and
    // Origin (DNS rebinding). The dev server guards its own Host, then speaks to the API as itself.
    proxy: {
      '/api': {
        target: API_TARGET,
        changeOrigin: true,
        configure: (proxy) =>
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin')) request.setHeader('origin', API_TARGET);
          }),
      },
    },
  },
});
