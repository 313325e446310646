// Pipeline scale: scripts/generate.sh on SignalWire's whole REST description (openapi/, 1.8 MB,
// 236 operations), timed as a whole, against the sum of its tools run alone on the same inputs with
// the same arguments (what the pipeline adds: the work dir, the stderr filters, the moves); plus a
// no-change re-run of `make generate`. Three interleaved rounds; the fastest round counts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { row, type Row } from './table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = `${root}.bench/pipeline`;
mkdirSync(work, { recursive: true });
const spec = 'openapi/signalwire-rest.openapi.yaml';
const overlay = 'openapi/signalwire-rest.overlay.yaml';
const operations = Object.values(parse(readFileSync(`${root}${spec}`, 'utf8')).paths as Record<string, object>)
  .flatMap((item) => Object.keys(item))
  .filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(key)).length;

// Each tool once, as generate.sh calls it, on the committed patched description where it reads that.
const tools = {
  'redocly lint (overlay)': `"$bin/redocly" lint --format=stylish ${overlay}`,
  'redocly bundle --overlay': `"$bin/redocly" bundle ${spec} --overlay ${overlay} --output '${work}/bundle.yaml'`,
  'overlay target check': `node scripts/check-overlay-targets.mjs ${spec} ${overlay}`,
  'redocly lint (patched)': `"$bin/redocly" lint --format=stylish generated/openapi.yaml`,
  'mock variant': `node scripts/mock-description.mjs generated/openapi.yaml '${work}/mock.yaml'`,
  'ranges for the doc comments': `node scripts/document-ranges.mjs generated/openapi.yaml '${work}/types-input.yaml'`,
  'openapi-typescript': `"$bin/openapi-typescript" '${work}/types-input.yaml' --output '${work}/schema.ts' --default-non-nullable=false \
    --redocly scripts/openapi-typescript.redocly.yaml`,
};
const whole = `scripts/generate.sh '${work}/generated'`;

/** Seconds one bash command takes, run from the project root; its output is discarded. */
function time(script: string): number {
  const started = performance.now();
  const result = spawnSync('bash', ['-c', `set -eo pipefail; cd '${root}'; bin=node_modules/.bin\n${script}`], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`bench step failed (${result.status}): ${script}`);
  return (performance.now() - started) / 1000;
}

// Per round: the whole pipeline, then each tool; a round's tools are summed before taking the fastest
// round, so one lucky run of one tool cannot flatter the comparison.
const runs = { whole: [] as number[], toolsAlone: [] as number[], each: new Map<string, number[]>() };
for (let i = 0; i < 3; i++) {
  runs.whole.push(time(whole));
  let sum = 0;
  for (const [name, script] of Object.entries(tools)) {
    const seconds = time(script);
    sum += seconds;
    runs.each.set(name, [...(runs.each.get(name) ?? []), seconds]);
  }
  runs.toolsAlone.push(sum);
}
const pipeline = Math.min(...runs.whole);
const toolsAlone = Math.min(...runs.toolsAlone);

const rows: Row[] = [
  row({
    part: 'pipeline',
    case: `SignalWire REST (1.8 MB, ${operations} operations): the whole scripts/generate.sh`,
    result: `${pipeline.toFixed(2)} s`,
    comparedWith:
      `its tools alone ${toolsAlone.toFixed(2)} s (${(pipeline / toolsAlone).toFixed(2)}×): ` +
      [...runs.each]
        .map(([name, seconds]) => `${name} ${Math.min(...seconds).toFixed(2)} s`)
        .join(', '),
    target: '≤ 1.10× its tools alone',
    met: pipeline <= toolsAlone * 1.1,
  }),
];

// No-change re-run: make must find generated/ up to date and run nothing.
execFileSync('make', ['-s', 'generate'], { cwd: root, stdio: 'ignore' });
const reruns = [0, 1, 2].map(() => {
  const started = performance.now();
  execFileSync('make', ['-s', 'generate'], { cwd: root, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
});
const rerun = Math.min(...reruns);
rows.push(
  row({
    part: 'pipeline',
    case: 'no-change re-run of `make generate`',
    result: `${Math.round(rerun * 1000)} ms`,
    comparedWith: '',
    target: '< 1 s',
    met: rerun < 1,
  }),
);
console.log(JSON.stringify(rows));
