// Cold import on Node: a fresh process that imports the package (its built ESM entry, by name: run
// `make build` first) and creates a client, against an empty process, one that imports openapi-fetch
// alone and one that imports node:http and node:https alone (what the Node transport cannot avoid).
// Median of 10 interleaved runs; what counts is the time above the empty process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { row } from './table.js';

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 10);
const cwd = fileURLToPath(new URL('..', import.meta.url));
const scripts = {
  empty: '',
  'openapi-fetch': "await import('openapi-fetch');",
  'node:http + node:https': "await import('node:http'); await import('node:https');",
  'this client': "const { createSignalWireClient } = await import('signalwire-rest'); createSignalWireClient({ space: 'example', projectId: 'p', apiToken: 't' });",
};
type Name = keyof typeof scripts;

function milliseconds(name: Name): number {
  const started = performance.now();
  execFileSync(process.execPath, ['--input-type=module', '-e', scripts[name]], { cwd, stdio: 'inherit' });
  return performance.now() - started;
}

const times = Object.fromEntries(Object.keys(scripts).map((name) => [name, [] as number[]])) as Record<Name, number[]>;
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(scripts) as Name[]) times[name].push(milliseconds(name));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const above = (name: Name) => median(times[name]) - median(times.empty);
const TARGET_MS = 25;

console.log(
  JSON.stringify([
    row({
      part: 'cold import (Node)',
      case: 'fresh process: import the package and create a client',
      result: `+${above('this client').toFixed(0)} ms above an empty node (${median(times.empty).toFixed(0)} ms)`,
      comparedWith:
        `openapi-fetch alone: +${above('openapi-fetch').toFixed(0)} ms; ` +
        `node:http + node:https alone: +${above('node:http + node:https').toFixed(0)} ms`,
      target: `≤ ${TARGET_MS} ms above empty`,
      met: above('this client') <= TARGET_MS,
    }),
  ]),
);
