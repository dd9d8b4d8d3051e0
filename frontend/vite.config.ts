import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const shared = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@deepvalue/shared': shared } },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  // A page test clicks through a whole form; 5 s (Vitest's default) failed such tests on a loaded machine.
  test: { environment: 'jsdom', setupFiles: ['./src/test-setup.ts'], css: false, testTimeout: 30_000 },
});
