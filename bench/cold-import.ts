// Cold import on Node: a fresh process that imports the package (its built ESM entry, by name: run
// `make build` first) and creates a client, against an empty process, one that imports openapi-fetch
// alone and one that imports node:http and node:https alone (what the package leaves to the first
// request). Median of 20 interleaved runs (the issue asks 10: more keep the median steadier on a
// shared machine); what counts is the time above the empty process. Each process reports its own
// clock and CPU at its end (from its start), so that the cost of spawning it is left out.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { row } from './table.js';

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 20);
const cwd = fileURLToPath(new URL('..', import.meta.url));
const scripts = {
  empty: '',
  'openapi-fetch': "await import('openapi-fetch');",
  'node:http + node:https': "await import('node:http'); await import('node:https');",
  'this client': "const { createSignalWireClient } = await import('signalwire-rest'); createSignalWireClient({ space: 'example', projectId: 'p', apiToken: 't' });",
};
type Name = keyof typeof scripts;

const REPORT = ';const { user, system } = process.cpuUsage(); console.log(JSON.stringify([performance.now(), (user + system) / 1000]));';

/** [wall, CPU] ms from the process's start to the end of its script. */
function milliseconds(name: Name): [number, number] {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', scripts[name] + REPORT], { cwd, encoding: 'utf8' });
  return JSON.parse(output) as [number, number];
}

const times = Object.fromEntries(Object.keys(scripts).map((name) => [name, [] as [number, number][]])) as Record<Name, [number, number][]>;
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(scripts) as Name[]) times[name].push(milliseconds(name));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const above = (name: Name, index: 0 | 1 = 0) => median(times[name].map((time) => time[index])) - median(times.empty.map((time) => time[index]));
const TARGET_MS = 25;

console.log(
  JSON.stringify([
    row({
      part: 'cold import (Node)',
      case: 'fresh process: import the package and create a client',
      result:
        `+${above('this client').toFixed(0)} ms above an empty node (${median(times.empty.map((time) => time[0])).toFixed(0)} ms); ` +
        `CPU +${above('this client', 1).toFixed(0)} ms`,
      comparedWith:
        `openapi-fetch alone: +${above('openapi-fetch').toFixed(0)} ms (CPU +${above('openapi-fetch', 1).toFixed(0)}); ` +
        `node:http + node:https alone: +${above('node:http + node:https').toFixed(0)} ms (CPU +${above('node:http + node:https', 1).toFixed(0)})`,
      target: `≤ ${TARGET_MS} ms above empty`,
      met: above('this client') <= TARGET_MS,
    }),
  ]),
);
