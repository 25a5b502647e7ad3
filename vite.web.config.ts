import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Builds the renderer for the web shell (and the same bundle Electron loads). `base: './'` keeps asset URLs
 * relative, so the bundle works from any origin: the loopback web shell or Electron's custom protocol.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/web', import.meta.url)),
    emptyOutDir: true,
    // Mantine + React are one vendor chunk; the warning limit is raised so the build output stays readable.
    chunkSizeWarningLimit: 1500,
  },
});
