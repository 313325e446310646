// `make bench`: runs every part, one after the other (they must not share the CPU), each in its own
// process, and prints one markdown table, also written to bench/results.md. Nothing here is
// asserted by `make test`: the "met" column is for people.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { markdownTable, type Row } from './table.js';

const parts = [
  { script: 'bundle-size.ts', flags: [] },
  { script: 'per-call.ts', flags: [] },
  { script: 'pagination-memory.ts', flags: [] },
  { script: 'pipeline.ts', flags: [] },
  { script: 'consumer-typecheck.ts', flags: [] },
  { script: 'cold-import.ts', flags: [] },
];

const rows: Row[] = [];
for (const { script, flags } of parts) {
  const started = performance.now();
  process.stderr.write(`bench: ${script} ... `);
  const child = spawnSync(
    process.execPath,
    [...flags, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`bench/${script} failed with status ${child.status}`);
  rows.push(...(JSON.parse(child.stdout.trim().split('\n').pop()!) as Row[]));
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
const machine = `Node ${process.version}, ${cpu}, ${cpus().length} cores (${new Date().toISOString().slice(0, 10)})`;
const report = `# signalwire-rest bench\n\n${machine}. Produced by \`make bench\` (bench/run.ts).\n\n${markdownTable(rows)}\n`;
process.stdout.write(report);
writeFileSync(fileURLToPath(new URL('results.md', import.meta.url)), report);
