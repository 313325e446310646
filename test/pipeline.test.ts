// The codegen pipeline's promises: a broken description or overlay, or an overlay action whose target
// vanished, stops scripts/generate.sh with the tool's message and leaves generated/ untouched.
// Each case runs the real script in a scratch copy of the project, never in the work tree. A full run on
// SignalWire's whole description takes tens of seconds on a loaded machine, hence the long timeouts.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { cleanScratches, generateIn, root, scratchProject as scratchCopy } from './support/scratch-project.js';

const spec = 'openapi/signalwire-rest.openapi.yaml';
const overlay = 'openapi/signalwire-rest.overlay.yaml';
// Every file the pipeline writes: what is committed in generated/, less its README and the Makefile's
// stamp of the pipeline's inputs (inputs.sha256, written by `make generate` once the pipeline succeeded).
const outputs = readdirSync(join(root, 'generated')).filter((file) => file !== 'README.md' && file !== 'inputs.sha256');
const timeout = 180_000;
afterEach(cleanScratches);

/** A copy of what the pipeline reads, with node_modules linked and generated/ holding sentinels. */
function scratchProject(edit: { spec?: (text: string) => string; overlay?: (text: string) => string }) {
  const dir = scratchCopy('pipeline-', ['scripts', 'openapi', 'redocly.yaml', 'src/client-members.ts']);
  for (const file of outputs) writeFileSync(join(dir, 'generated', file), `sentinel ${file}\n`);
  for (const [file, change] of [[spec, edit.spec], [overlay, edit.overlay]] as const) {
    if (change) writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  }
  return dir;
}

const generate = (dir: string) => generateIn(dir, timeout);

/** The pipeline refuses `dir`, saying each of `says`, and leaves its generated/ as it was; its output. */
function expectStops(dir: string, ...says: (string | RegExp)[]): string {
  const { status, output } = generate(dir);
  expect(status, output).not.toBe(0);
  for (const said of says) expect(output).toMatch(said);
  for (const file of outputs) expect(readFileSync(join(dir, 'generated', file), 'utf8')).toBe(`sentinel ${file}\n`);
  return output;
}

test('an unchanged openapi/ regenerates exactly the committed files', { timeout }, () => {
  const dir = scratchProject({});
  expect(generate(dir).status).toBe(0);
  for (const file of outputs) {
    expect(readFileSync(join(dir, 'generated', file), 'utf8')).toBe(readFileSync(join(root, 'generated', file), 'utf8'));
  }
});

test('a malformed description stops with the parser message and leaves generated/ as it was', { timeout }, () => {
  const dir = scratchProject({ spec: (text) => text.replace('\npaths:\n', '\npaths:\n  - : [\n') });
  expectStops(dir, /signalwire-rest\.openapi\.yaml/);
});

test('a lint problem stops the pipeline, with file, line and rule of a file that can still be opened', { timeout }, () => {
  // Two operations with one operationId: the bundle is fine, the lint of the patched description is not.
  const dir = scratchProject({
    spec: (text) => text.replace('operationId: get_conference_room\n', 'operationId: list_conference_rooms\n'),
  });
  const output = expectStops(dir);
  const [, file, line] = /(\.cache\/generate\.\w+\/openapi\.yaml):\n\s+(\d+):\d+\s+error\s+operation-operationId-unique/.exec(output) ?? [];
  expect(file, output).toBeDefined();
  expect(readFileSync(join(dir, file!), 'utf8').split('\n')[Number(line) - 1]).toContain('operationId: list_conference_rooms');
});

test('a malformed overlay stops with the parser message and leaves generated/ as it was', { timeout }, () => {
  const dir = scratchProject({ overlay: (text) => text.replace('actions:\n', 'actions:\n  - target: [\n') });
  expectStops(dir, /signalwire-rest\.overlay\.yaml/);
});

test('an overlay action whose target vanished upstream stops the pipeline, naming it', { timeout }, () => {
  // SignalWire gives the by-name lookup a path of its own: the overlay's merge of the two would silently stop.
  const dir = scratchProject({ spec: (text) => text.replace('/api/video/rooms/{name}:', '/api/video/rooms/by_name/{name}:') });
  expectStops(dir, 'match nothing', "$.paths['/api/video/rooms/{name}']");
});

test('a filter Redocly would misread stops the pipeline before anything is written', { timeout }, () => {
  const dir = scratchProject({
    overlay: (text) => text.replace('[?@.properties.first && @.properties.next]', '[?@.properties.self && @.properties.first && @.properties.next]'),
  });
  expectStops(dir, 'Group the terms with parentheses');
});

test('make does no pipeline work when openapi/ has not changed', { timeout }, () => {
  const files = outputs.map((file) => `generated/${file}`);
  // Bring the files up to date (a fresh clone's checkout order can leave them older than openapi/)...
  expect(spawnSync('make', files, { cwd: root, encoding: 'utf8' }).status).toBe(0);
  // ...then make must find nothing to do: --question exits 0 only when every target is up to date.
  expect(spawnSync('make', ['--question', ...files], { cwd: root, encoding: 'utf8' }).status).toBe(0);
});
