// The codegen pipeline's promises: a broken description or overlay, or an overlay action whose target
// vanished, stops scripts/generate.sh with the tool's message and leaves generated/ untouched.
// Each case runs the real script in a scratch copy of the project, never in the work tree.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const scratches: string[] = [];
afterEach(() => {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of what the pipeline reads, with node_modules linked and generated/ holding sentinels. */
function scratchProject(edit: { spec?: (text: string) => string; overlay?: (text: string) => string }) {
  const dir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  scratches.push(dir);
  for (const path of ['scripts', 'openapi', 'redocly.yaml']) cpSync(join(root, path), join(dir, path), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'generated'));
  writeFileSync(join(dir, 'generated/openapi.yaml'), 'sentinel description\n');
  writeFileSync(join(dir, 'generated/schema.ts'), '// sentinel types\n');
  for (const [file, change] of [['openapi/signalwire.yaml', edit.spec], ['openapi/overlay.yaml', edit.overlay]] as const) {
    if (change) writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  }
  return dir;
}

function generate(dir: string) {
  const run = spawnSync('bash', ['scripts/generate.sh', 'generated'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function expectGeneratedUntouched(dir: string) {
  expect(readFileSync(join(dir, 'generated/openapi.yaml'), 'utf8')).toBe('sentinel description\n');
  expect(readFileSync(join(dir, 'generated/schema.ts'), 'utf8')).toBe('// sentinel types\n');
}

test('an unchanged openapi/ regenerates exactly the committed files', () => {
  const dir = scratchProject({});
  expect(generate(dir).status).toBe(0);
  for (const file of ['openapi.yaml', 'schema.ts']) {
    expect(readFileSync(join(dir, 'generated', file), 'utf8')).toBe(readFileSync(join(root, 'generated', file), 'utf8'));
  }
});

test('a malformed description stops with the parser message and leaves generated/ as it was', () => {
  const dir = scratchProject({ spec: (text) => text.replace('paths:\n', 'paths:\n  - : [\n') });
  const { status, output } = generate(dir);
  expect(status).not.toBe(0);
  expect(output).toMatch(/signalwire\.yaml/);
  expectGeneratedUntouched(dir);
});

test('a description that breaks a lint rule stops the pipeline', () => {
  // An operation whose response references a schema that does not exist.
  const dir = scratchProject({
    spec: (text) => text.replace("$ref: '#/components/schemas/ConferenceRoomListResponse'", "$ref: '#/components/schemas/Missing'"),
  });
  const { status, output } = generate(dir);
  expect(status).not.toBe(0);
  expect(output).toMatch(/Missing|no-unresolved-refs|Can't resolve/i);
  expectGeneratedUntouched(dir);
});

test('a malformed overlay stops with the parser message and leaves generated/ as it was', () => {
  const dir = scratchProject({ overlay: (text) => text.replace('actions:\n', 'actions:\n  - target: [\n') });
  const { status, output } = generate(dir);
  expect(status).not.toBe(0);
  expect(output).toMatch(/overlay\.yaml/);
  expectGeneratedUntouched(dir);
});

test('an overlay action whose target vanished upstream stops the pipeline, naming it', () => {
  // SignalWire renames ConferenceRoomFps: the fps fix would silently stop applying.
  const dir = scratchProject({ spec: (text) => text.replaceAll('ConferenceRoomFps', 'ConferenceRoomFramesPerSecond') });
  const { status, output } = generate(dir);
  expect(status).not.toBe(0);
  expect(output).toContain('match nothing');
  expect(output).toContain('$.components.schemas.ConferenceRoomFps');
  expectGeneratedUntouched(dir);
});

test('make does no pipeline work when openapi/ has not changed', () => {
  const files = ['generated/openapi.yaml', 'generated/schema.ts'];
  // Bring the files up to date (a fresh clone's checkout order can leave them older than openapi/)...
  expect(spawnSync('make', files, { cwd: root, encoding: 'utf8' }).status).toBe(0);
  // ...then make must find nothing to do: --question exits 0 only when every target is up to date.
  expect(spawnSync('make', ['--question', ...files], { cwd: root, encoding: 'utf8' }).status).toBe(0);
});
