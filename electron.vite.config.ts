import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/**
 * Three builds into out/: main (ESM, since package.json is "type": "module"), preload and renderer.
 * `npm run build` runs all three; `npm start` serves the renderer from electron-vite's dev server.
 */
export default defineConfig({
  main: {
    build: {
      // The core and zod are bundled; only the native module stays outside, because its .node binary is loaded
      // from disk (and rebuilt for Electron's ABI by electron-builder).
      externalizeDeps: false,
      rolldownOptions: {
        // The worker threads' script (core/workers) is its own entry, beside index.js, where the pool looks for it.
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'workspace-worker': resolve(import.meta.dirname, 'electron/core/workers/workspace-worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron' and a few built-ins, so zod and the contract are inlined,
      // and it must be CommonJS: sandboxed preloads are not loaded as ES modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
      },
    },
  },
});
