// `make build`: dist/ with ESM (.js), CommonJS (.cjs) and bundled declarations (.d.ts, .d.cts) for
// the two entry points, plus the fetch build in ESM and CommonJS (index.browser.js, .cjs) for the
// "browser", "workerd", "worker" and "edge-light" export conditions (CommonJS: Jest's jsdom). The
// generated types are inlined into the declarations; openapi-fetch stays external (the one runtime
// dependency), and so do Node built-ins.
import { existsSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

// openapi-fetch's CommonJS build is "faux ESM" (exports.default = createClient plus __esModule).
// esbuild compiles our sources (ESM under "type": "module") with Node's interop, in which a default
// import of CommonJS is the whole exports object, so index.cjs would call an object. In the CommonJS
// build, route the import through a plain ESM module, for which esbuild honours __esModule.
const openapiFetchInterop: Plugin = {
  name: 'openapi-fetch-cjs-interop',
  setup(build) {
    const cjs = build.initialOptions.format === 'cjs';
    build.onResolve({ filter: /^openapi-fetch$/ }, (args) =>
      cjs && args.namespace === 'file' ? { path: args.path, namespace: 'interop' } : { external: true },
    );
    build.onLoad({ filter: /.*/, namespace: 'interop' }, () => ({
      contents: "export { default } from 'openapi-fetch';",
      loader: 'js',
    }));
  },
};

// The browser build: src/X.browser.ts replaces src/X.ts wherever it exists (send.ts -> send.browser.ts),
// so node:http and node:https never reach a browser bundle.
const browserVariants: Plugin = {
  name: 'browser-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const variant = `${args.resolveDir}/${args.path.replace(/\.js$/, '.browser.ts')}`;
      return existsSync(variant) ? { path: variant } : undefined;
    });
  },
};

const shared = {
  target: 'node20',
  clean: false, // `make build` empties dist/ first: the two builds below run at the same time
  removeNodeProtocol: false, // keep 'node:' specifiers, which Deno and Bun resolve everywhere
  noExternal: ['openapi-fetch'], // handled (and kept external) by openapiFetchInterop
} satisfies Options;

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', testing: 'src/testing.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    // Declarations from tsconfig.json's options; unused names are `make typecheck`'s business.
    dts: { compilerOptions: { noUnusedLocals: false, noUnusedParameters: false } },
    esbuildPlugins: [openapiFetchInterop],
    esbuildOptions(options, { format }) {
      // CommonJS has no import.meta.url: testing.cjs gets one from __filename, so that
      // '../generated/mock.yaml' resolves from dist/ exactly as it does in testing.js.
      if (format === 'cjs') {
        options.inject = [...(options.inject ?? []), 'scripts/cjs-import-meta-url.mjs'];
        options.define = { ...options.define, 'import.meta.url': 'importMetaUrl' };
      }
    },
  },
  {
    ...shared,
    entry: { 'index.browser': 'src/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'browser',
    target: 'es2022',
    esbuildPlugins: [browserVariants, openapiFetchInterop],
  },
]);
