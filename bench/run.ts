// `make bench`: runs every part, one after the other (they must not share the CPU), each in its own
// process, and prints one markdown table. It writes a file only when asked: `--write FILE` (what
// `make bench WRITE=1` passes for bench/results.md), so a run leaves the tree as it was. Parts named
// as arguments (paths relative to bench/) replace the default list. Nothing here is asserted by
// `make test`: the "met" column is for people.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { markdownTable, type Row } from './table.js';

const { values, positionals } = parseArgs({ options: { write: { type: 'string' } }, allowPositionals: true });
const scripts = positionals.length ? positionals : [
  'bundle-size.ts',
  'per-call.ts',
  'pagination-memory.ts',
  'pipeline.ts',
  'consumer-typecheck.ts',
  'cold-import.ts',
  'list-everything.ts',
  'wire-bytes.ts',
  'webhooks.ts',
];

// Other work on the machine widens the ratios' spread several times over: the load is recorded with the figures.
const loadAtStart = loadavg()[0]!;
const rows: Row[] = [];
for (const script of scripts) {
  const started = performance.now();
  process.stderr.write(`bench: ${script} ... `);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`bench/${script} failed with status ${child.status}`);
  rows.push(...(JSON.parse(child.stdout.trim().split('\n').pop()!) as Row[]));
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

const cores = cpus();
const busy = loadAtStart >= cores.length / 2 ? ' (busy: expect a wide spread)' : '';
const machine = `Node ${process.version}, ${cores[0]?.model ?? 'unknown CPU'}, ${cores.length} cores, load average ${loadAtStart.toFixed(2)} at the start${busy} (${new Date().toISOString().slice(0, 10)})`;
const report = `# signalwire-rest bench\n\n${machine}. Produced by \`make bench\` (bench/run.ts).\n\n${markdownTable(rows)}\n`;
process.stdout.write(report);
if (values.write) writeFileSync(values.write, report);
