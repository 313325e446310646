// Browser bundle size: a consumer that imports createSignalWireClient from the package, bundled by
// esbuild (minified, platform browser) as an app would: the package's "browser" export
// (dist/index.browser.js, built by `make build`, openapi-fetch's code included). Reported gzipped
// (level 9), against the figure before issue #13 (which asks for no regression) and #10's 8 kB.
// Also the cxml entry alone (every export of 'signalwire-rest/cxml'), against #22's 3 kB.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { row } from './table.js';

const BEFORE_13 = 13.86 * 1024;
const TARGET_10 = 8 * 1024;
const TARGET_22 = 3 * 1024;
const root = fileURLToPath(new URL('..', import.meta.url));

/** The minified bundle of a module (in the repository's root) made of `source`; the package imports itself by name. */
async function minified(source: string): Promise<Uint8Array> {
  const options = { bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'error' } as const;
  return (await build({ ...options, stdin: { contents: source, resolveDir: root } })).outputFiles[0]!.contents;
}
const code = await minified("import { createSignalWireClient } from 'signalwire-rest';\nexport const client = createSignalWireClient;\n");
// The share of openapi-fetch (bundled into dist/): its own minified bundle, for scale.
const openapiFetch = (await minified("export { default } from 'openapi-fetch';\n")).length;
if (/node:https?|node:zlib/.test(new TextDecoder().decode(code))) throw new Error('Node-only code reached the browser bundle');
const gzipped = gzipSync(code, { level: 9 }).length;
const cxml = await minified("export * from 'signalwire-rest/cxml';\n");
const cxmlGzipped = gzipSync(cxml, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

console.log(
  JSON.stringify([
    row({
      part: 'browser bundle',
      case: 'consumer of the whole client: createSignalWireClient, every method (esbuild --minify, platform browser)',
      result: `${kb(gzipped)} gzipped (${kb(code.length)} minified, of which openapi-fetch about ${kb(openapiFetch)})`,
      comparedWith: `before #13: ${kb(BEFORE_13)}`,
      target: `no larger than before #13; #10's ${kb(TARGET_10)} is out of reach (README, Benchmarks)`,
      met: gzipped <= BEFORE_13,
    }),
    row({
      part: 'browser bundle',
      case: "the cxml entry alone: VoiceResponse, MessagingResponse, FaxResponse, the answer helpers (esbuild --minify)",
      result: `${kb(cxmlGzipped)} gzipped (${kb(cxml.length)} minified)`,
      comparedWith: 'SignalWire-only builders: no earlier figure',
      target: `no larger than #22's ${kb(TARGET_22)}`,
      met: cxmlGzipped <= TARGET_22,
    }),
  ]),
);
