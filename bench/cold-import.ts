// Cold import on Node: a fresh process that imports the package (its built ESM entry, by name: run
// `make build` first) and creates a client, against an empty process, one that imports openapi-fetch
// alone and one that imports node:http and node:https alone (what the package leaves to the first
// request). Median of 20 interleaved runs (the issue asks 10: more keep the median steadier on a
// shared machine). Each process times its script from within (clock and CPU): what an empty process
// spends on it is nothing, so that is the time above an empty `node -e`, free of the jitter of
// starting a process (tens of ms here). The whole process's time above an empty one is shown too.
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

const START = 'const startedAt = performance.now(), cpuAt = process.cpuUsage();';
const REPORT =
  ';const { user, system } = process.cpuUsage(cpuAt);' +
  'console.log(JSON.stringify([performance.now() - startedAt, (user + system) / 1000, performance.now()]));';

/** ms spent on the script (wall, CPU), and from the process's start to the script's end (wall). */
function milliseconds(name: Name): [number, number, number] {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', START + scripts[name] + REPORT], { cwd, encoding: 'utf8' });
  return JSON.parse(output) as [number, number, number];
}

const times = Object.fromEntries(Object.keys(scripts).map((name) => [name, [] as number[][]])) as Record<Name, number[][]>;
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(scripts) as Name[]) times[name].push(milliseconds(name));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const above = (name: Name, index: 0 | 1 | 2 = 0) => median(times[name].map((time) => time[index]!)) - median(times.empty.map((time) => time[index]!));
const TARGET_MS = 25;

console.log(
  JSON.stringify([
    row({
      part: 'cold import (Node)',
      case: 'fresh process: import the package and create a client',
      result:
        `+${above('this client').toFixed(0)} ms above an empty node, CPU +${above('this client', 1).toFixed(0)} ms ` +
        `(whole process: +${above('this client', 2).toFixed(0)} ms above an empty one's ${median(times.empty.map((time) => time[2]!)).toFixed(0)} ms)`,
      comparedWith:
        `openapi-fetch alone: +${above('openapi-fetch').toFixed(0)} ms (CPU +${above('openapi-fetch', 1).toFixed(0)}); ` +
        `node:http + node:https alone: +${above('node:http + node:https').toFixed(0)} ms (CPU +${above('node:http + node:https', 1).toFixed(0)})`,
      target: `≤ ${TARGET_MS} ms above empty`,
      met: above('this client') <= TARGET_MS,
    }),
  ]),
);
