// Pipeline scale: scripts/generate.sh on SignalWire's whole REST description (openapi/, about 2 MB,
// its operations counted) and its Compatibility API description, timed as a whole, against the sum of its tools run alone on the same inputs with
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
/** The operations a description in openapi/ declares, counted so that the figures name the release they measured. */
const operationsOf = (spec: string) =>
  Object.values(parse(readFileSync(`${root}${spec}`, 'utf8')).paths as Record<string, object>)
    .flatMap((item) => Object.keys(item))
    .filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(key)).length;
const operations = operationsOf('openapi/signalwire-rest.openapi.yaml');
const compatOperations = operationsOf('openapi/compatibility.openapi.yaml');

/** Each tool once, as generate.sh calls it for one API, on the committed patched description where it reads that. */
function toolsOf(api: { prefix: string; name: string; table: string; tableFlags: string }) {
  const { prefix, name, table, tableFlags } = api;
  const [source, overlay, names] = ['openapi', 'overlay', 'names'].map((kind) => `openapi/${name}.${kind}.yaml`);
  const patched = `generated/${prefix}openapi.yaml`;
  return {
    [`${name}: redocly lint (overlay)`]: `"$bin/redocly" lint --format=stylish ${overlay}`,
    [`${name}: overlay target check`]: `node scripts/check-overlay-targets.mjs ${source} ${overlay}`,
    [`${name}: redocly bundle --overlay`]: `"$bin/redocly" bundle ${source} --overlay ${overlay} --remove-unused-components --output '${work}/${prefix}bundle.yaml'`,
    [`${name}: redocly lint (patched)`]: `"$bin/redocly" lint --format=stylish ${patched}`,
    [`${name}: mock variant`]: `node scripts/mock-description.mjs ${patched} '${work}/${prefix}mock.part.yaml'`,
    [`${name}: ranges for the doc comments`]: `node scripts/document-ranges.mjs ${patched} '${work}/${prefix}types-input.yaml'`,
    [`${name}: openapi-typescript`]: `"$bin/openapi-typescript" '${work}/${prefix}types-input.yaml' --output '${work}/${prefix}schema.ts' \
      --default-non-nullable=false --redocly scripts/openapi-typescript.redocly.yaml`,
    [`${name}: operation table`]: `node scripts/operation-table.mjs ${patched} ${names} '${work}/${prefix}operations.ts' \
      '${work}/${prefix}reference.md' './${prefix}schema.js' ${table} ${tableFlags}`,
  };
}
const tools = {
  ...toolsOf({ prefix: '', name: 'signalwire-rest', table: 'restApi', tableFlags: '--taken compat' }),
  ...toolsOf({ prefix: 'compat.', name: 'compatibility', table: 'compatApi', tableFlags: '--family compat' }),
  'mock merge': `node scripts/mock-merge.mjs '${work}/mock.yaml' '${work}/mock.part.yaml' 'Compat=${work}/compat.mock.part.yaml'`,
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
    case: `SignalWire REST (${operations} operations) and Compatibility (${compatOperations}): the whole scripts/generate.sh`,
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
