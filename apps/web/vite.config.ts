import { lingui } from '@lingui/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    preact({ babel: { plugins: ['@lingui/babel-plugin-lingui-macro'] } }),
    lingui(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: false,
      workbox: {
        navigateFallback: '/index.html',
        // API answers are live data: never from the service worker's cache.
        navigateFallbackDenylist: [/^\/api\//],
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,ico}'],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2019', sourcemap: false, assetsInlineLimit: 0 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
