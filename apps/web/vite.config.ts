import { defineConfig, type Plugin } from 'vite';

/**
 * The UI may import the libs' types only: their values would bring server code (class-validator,
 * Node) into the bundle. Type imports are gone by the time modules are resolved, so any
 * `@monitor/*` that reaches resolution is a value import, and the build stops on it.
 */
function typesOnlyFromLibs(): Plugin {
  return {
    name: 'monitor-types-only-from-libs',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith('@monitor/'))
        this.error(`${importer ?? 'the UI'} imports a value from ${source}: import its types only`);
      return null;
    },
  };
}

/**
 * The browser bundle, written beside the compiled services (`dist/web`), where the gateway
 * serves it from. JSX is compiled by Vite's own transform: no React plugin is needed for a
 * production build, and the plugin's optional Babel peers conflict with Jest's Babel.
 */
export default defineConfig({
  base: '/',
  plugins: [typesOnlyFromLibs()],
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
