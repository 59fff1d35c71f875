import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles, one per process. Main keeps runtime dependencies (better-sqlite3) external;
// the sandboxed preload cannot require() from node_modules, so everything it uses is bundled.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Only the native module stays in node_modules; pure-JS (and ESM-only) dependencies are bundled.
      externalizeDeps: { exclude: ['uuid', 'zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Photo decoding runs in worker threads from its own file (see domain/photos/imageProcessor.ts).
          photoWorker: resolve(__dirname, 'electron/core/domain/photos/photoWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    // The renderer may import the API contract (types, zod schemas, pure helpers) and nothing else from core.
    resolve: { alias: { '@contract': resolve(__dirname, 'electron/core/contract/index.ts') } },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
