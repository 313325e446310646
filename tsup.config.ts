// `make build`: dist/ with ESM (.js), CommonJS (.cjs) and bundled declarations (.d.ts, .d.cts) for
// the three entry points (the main one, testing, cxml), plus the fetch build in ESM and CommonJS (index.browser.js, .cjs) for the
// "browser", "workerd", "worker" and "edge-light" export conditions (CommonJS: Jest's jsdom). The
// generated types are inlined into the declarations. openapi-fetch's code (MIT: see NOTICE) is bundled
// in, so that importing the package loads one module, not two (6 ms less of a cold import on Node, see
// bench/); its types stay in the openapi-fetch package, the declarations' one dependency. Node
// built-ins stay external.
import { existsSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

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
  noExternal: ['openapi-fetch'],
} satisfies Options;

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', testing: 'src/testing.ts', cxml: 'src/cxml.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    // Declarations from tsconfig.json's options; unused names are `make typecheck`'s business.
    dts: { compilerOptions: { noUnusedLocals: false, noUnusedParameters: false } },
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
    esbuildPlugins: [browserVariants],
  },
]);
