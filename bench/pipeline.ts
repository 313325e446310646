// Pipeline scale: the codegen steps of scripts/generate.sh run on GitHub's REST API description
// (@octokit/openapi, generated/api.github.com.json: 13 MB), each timed as the pipeline runs it
// (same arguments, through the same stderr filter, with the same surrounding work) and as the bare
// tool with the same arguments; plus a no-change re-run of `make generate` on the project's own
// description. Each command runs three times, interleaved; the fastest run counts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { row, type Row } from './table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = `${root}.bench/pipeline`;
mkdirSync(work, { recursive: true });
const spec = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
const operations = Object.values(JSON.parse(readFileSync(spec, 'utf8')).paths as Record<string, object>)
  .flatMap((item) => Object.keys(item))
  .filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(key)).length;
// The pipeline always applies an overlay: a one-action one stands in for the project's.
const overlay = `${work}/overlay.yaml`;
writeFileSync(
  overlay,
  'overlay: 1.0.0\ninfo: { title: bench, version: 1.0.0 }\nactions:\n  - target: $.info\n    update: { x-bench: true }\n',
);

// As in scripts/generate.sh: Redocly's stderr goes through the banner filter; openapi-typescript's
// output through a blank-line filter; the bundle gets the one-line header prepended.
const PRELUDE = `set -euo pipefail; cd '${root}'; bin=node_modules/.bin
redocly() { "$bin/redocly" "$@" 2> >(grep -v '[║╔╚]' | sed '/^\\s*$/d' >&2); }`;
interface Step {
  name: string;
  pipeline: string;
  tool?: string;
}
const steps: Step[] = [
  {
    name: 'redocly bundle --overlay',
    pipeline: `redocly bundle '${spec}' --overlay '${overlay}' --output '${work}/bundle.yaml'
      { echo '# Generated. Do not edit.'; cat '${work}/bundle.yaml'; } > '${work}/openapi.yaml'`,
    tool: `"$bin/redocly" bundle '${spec}' --overlay '${overlay}' --output '${work}/tool-bundle.yaml'`,
  },
  {
    name: 'overlay target check (scripts/check-overlay-targets.mjs, no tool of its own)',
    pipeline: `node scripts/check-overlay-targets.mjs '${spec}' '${overlay}'`,
  },
  {
    name: 'redocly lint --format=summary',
    pipeline: `redocly lint --format=summary '${work}/openapi.yaml' || true`,
    tool: `"$bin/redocly" lint --format=summary '${work}/openapi.yaml' || true`,
  },
  {
    name: 'openapi-typescript',
    pipeline: `"$bin/openapi-typescript" '${work}/openapi.yaml' --output '${work}/schema.ts' --default-non-nullable=false \\
      --redocly scripts/openapi-typescript.redocly.yaml 2>&1 | grep -v '^\\s*$' >&2`,
    // Alone, in a directory without redocly.yaml, as anyone would first run it.
    tool: `cd '${work}' && "${root}node_modules/.bin/openapi-typescript" openapi.yaml --output tool-schema.ts --default-non-nullable=false`,
  },
];

/** Seconds one bash command takes; its output is discarded (GitHub's description has many lint findings). */
function time(script: string): number {
  const started = performance.now();
  const result = spawnSync('bash', ['-c', `${PRELUDE}\n${script}`], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`bench step failed (${result.status}): ${script}`);
  return (performance.now() - started) / 1000;
}

const rows: Row[] = [];
const TOLERANCE = 1.05; // runs of the same command differ by a few percent
for (const step of steps) {
  const runs = { pipeline: [] as number[], tool: [] as number[] };
  for (let i = 0; i < 3; i++) {
    runs.pipeline.push(time(step.pipeline));
    if (step.tool) runs.tool.push(time(step.tool));
  }
  const pipeline = Math.min(...runs.pipeline);
  const tool = step.tool ? Math.min(...runs.tool) : undefined;
  rows.push(
    row({
      part: 'pipeline',
      case: `GitHub REST (13 MB, ${operations.toLocaleString('en-US')} operations): ${step.name}`,
      result: `${pipeline.toFixed(2)} s`,
      comparedWith: tool === undefined ? '' : `tool alone ${tool.toFixed(2)} s (${(pipeline / tool).toFixed(2)}×)`,
      target: tool === undefined ? '' : '≤ tool alone (5% noise)',
      met: tool === undefined ? undefined : pipeline <= tool * TOLERANCE,
    }),
  );
}

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
    case: 'no-change re-run of `make generate` (project description)',
    result: `${Math.round(rerun * 1000)} ms`,
    comparedWith: '',
    target: '< 1 s',
    met: rerun < 1,
  }),
);
console.log(JSON.stringify(rows));
