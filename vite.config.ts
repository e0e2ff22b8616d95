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
    // .vite/manifest.json: which chunks each page and screen loads (testes/unit/renderer-chunks.test.ts guards it).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Every page runs React and the texts' library; they change only with a dependency update, so they stay cached.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 3 },
            // chart.js: only the reports and the dashboard.
            { name: 'charts', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/, priority: 3 },
            // What the entry runs before React loads (which page this is, its first calls): no React in it.
            { name: 'entry', test: /renderer[\\/]src[\\/]((api|bridge|earlyCalls|pages|routes|screenCode)\.ts|(stock|feedback)[\\/]routes\.ts|board[\\/]boardLink\.ts|devices[\\/]device(Location|Session)\.ts|display[\\/]displaySession\.ts|feedback[\\/]kioskSession\.ts)$/, priority: 4 },
            // The texts of every area, in both languages: every page shows some of them.
            { name: 'texts', test: /renderer[\\/]src[\\/](i18n[\\/]|.*[\\/]i18n\.ts$)/, priority: 2 },
            // The app's shared parts (components, hooks, the api and formats): one file instead of one per part.
            { name: 'common', test: /renderer[\\/]src[\\/]((components|hooks)[\\/]|[^\\/]+\.tsx?$)/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
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
