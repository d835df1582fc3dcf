import { defineConfig } from 'vite';

/**
 * The browser bundle, written beside the compiled services (`dist/web`), where the gateway
 * serves it from. JSX is compiled by Vite's own transform: no React plugin is needed for a
 * production build, and the plugin's optional Babel peers conflict with Jest's Babel.
 * `@monitor/*` libs have no alias here on purpose: the UI may import their types only, so
 * no server code (class-validator, Node) can reach the bundle; a value import fails the build.
 */
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
