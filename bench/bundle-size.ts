// Browser bundle size: a consumer that imports createSignalWireClient from the package, bundled by
// esbuild (minified, platform browser) as an app would: the package's "browser" export
// (dist/index.browser.js, built by `make build`) plus openapi-fetch. Reported gzipped (level 9).
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { row } from './table.js';

const LIMIT = 8 * 1024;
const dir = new URL('../.bench/bundle-size/', import.meta.url);
mkdirSync(dir, { recursive: true });
const entry = new URL('consumer.js', dir).pathname;
// The package imports itself by name (Node's self-reference), through its own "exports".
writeFileSync(entry, "import { createSignalWireClient } from 'signalwire-rest';\nexport const client = createSignalWireClient;\n");

const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'error',
});
const code = result.outputFiles[0]!.contents;
const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs);
if (/node:https?|node:zlib/.test(new TextDecoder().decode(code))) throw new Error('Node-only code reached the browser bundle');
const gzipped = gzipSync(code, { level: 9 }).length;
const share = (match: (path: string) => boolean) =>
  inputs.filter(([path]) => match(path)).reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

console.log(
  JSON.stringify([
    row({
      part: 'browser bundle',
      case: 'consumer of the whole client: createSignalWireClient, every method (esbuild --minify, platform browser)',
      result: `${kb(gzipped)} gzipped (${kb(code.length)} minified: openapi-fetch ${kb(share((path) => path.includes('node_modules/openapi-fetch/')))}, this package ${kb(share((path) => path.startsWith('dist/')))})`,
      comparedWith: '',
      target: '≤ 8 kB gzipped',
      met: gzipped <= LIMIT,
    }),
  ]),
);
