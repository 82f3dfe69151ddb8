import { defineConfig } from 'vitest/config';

// The Maven build passes --outDir (the jar's classpath folder); a plain `npm run build` writes under
// target/, which git ignores. `npm run dev` proxies the API and the feed to a local `./lottery run`.
export default defineConfig({
  build: {
    outDir: 'target/ui-dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:6080',
      '/health': 'http://127.0.0.1:6080',
      '/ws': { target: 'ws://127.0.0.1:6080', ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
