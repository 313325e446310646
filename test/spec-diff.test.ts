// What `make spec-diff` says first, in client terms, for each kind of change a release can make to a
// method or a webhook: two small descriptions named by the pipeline's own scripts/operation-table.mjs,
// compared by scripts/spec-diff-methods.mjs. (test/new-resource.test.ts runs the whole of spec-diff on a
// release of SignalWire's full description.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { root } from './support/scratch-project.js';

const dir = mkdtempSync(join(tmpdir(), 'spec-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ok = { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } };
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const operation = (operationId: string, extra: object = {}) => ({ operationId, tags: ['Things'], ...extra, responses: ok });
const body = (schema: string) => ({ required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
const webhook = (schema: string) => ({ post: { requestBody: body(schema), responses: { '200': { description: 'OK' } } } });

function describe(paths: object, webhooks: object, createRequired: string[]) {
  return {
    openapi: '3.1.0',
    info: { title: 'fixture', version: '1' },
    servers: [{ url: 'https://example.signalwire.com' }],
    paths,
    webhooks,
    components: {
      schemas: {
        Thing: { type: 'object', properties: { id: { type: 'string' } } },
        ThingCreate: { type: 'object', required: createRequired, properties: { name: { type: 'string' }, color: { type: 'string' } } },
        ThingEvent: { type: 'object', properties: { id: { type: 'string' } } },
      },
    },
  };
}

const before = describe(
  {
    '/api/fabric/things': { get: operation('list_things'), post: operation('create_thing', { requestBody: body('ThingCreate') }) },
    '/api/fabric/things/{id}': {
      get: operation('get_thing', { parameters: [idParameter] }),
      delete: operation('delete_thing', { parameters: [idParameter] }),
    },
  },
  { thingEvent: webhook('ThingEvent') },
  ['name'],
);
const after = describe(
  {
    '/api/fabric/things': {
      get: operation('list_things'),
      post: operation('create_thing', {
        requestBody: body('ThingCreate'),
        parameters: [{ name: 'region', in: 'query', required: true, schema: { type: 'string' } }],
      }),
    },
    '/api/fabric/things/{id}': {
      get: operation('fetch_thing', { parameters: [idParameter] }),
      put: operation('update_thing', { parameters: [idParameter], requestBody: body('ThingCreate') }),
    },
  },
  { thingCreated: webhook('ThingEvent') },
  ['name', 'color'],
);

/** The description written out and named by the pipeline's own operation table: the paths of both. */
function tableOf(name: string, description: object) {
  const yaml = join(dir, `${name}.yaml`);
  const json = join(dir, `${name}.table.json`);
  writeFileSync(yaml, stringify(description));
  writeFileSync(join(dir, 'names.yaml'), '{}\n');
  const run = spawnSync(
    process.execPath,
    [join(root, 'scripts/operation-table.mjs'), yaml, join(dir, 'names.yaml'), join(dir, `${name}.ts`), join(dir, `${name}.md`), './schema.js', 'api'],
    { encoding: 'utf8', env: { ...process.env, OPERATION_TABLE_JSON: json } },
  );
  expect(run.status, run.stderr).toBe(0);
  return [json, yaml];
}

test('methods added, removed, renamed and with changed required arguments, and webhooks, in client terms', () => {
  const changelog = join(dir, 'CHANGELOG.md');
  const run = spawnSync(
    process.execPath,
    [join(root, 'scripts/spec-diff-methods.mjs'), ...tableOf('before', before), ...tableOf('after', after), changelog],
    { encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout.split('\n').map((line) => line.trimEnd())).toEqual([
    '1 method added:',
    '  + client.fabric.things.update  PUT /api/fabric/things/{id}',
    '1 method removed:',
    '  - client.fabric.things.delete  DELETE /api/fabric/things/{id}',
    '1 method renamed or moved:',
    '  ~ client.fabric.things.fetch   GET /api/fabric/things/{id}  (was client.fabric.things.get)',
    '1 method with changed required arguments:',
    '  ! client.fabric.things.create  POST /api/fabric/things: body fields now required: color; options now required: region',
    '1 webhook added:',
    '  + thingCreated (POST, payload ThingEvent)',
    '1 webhook removed:',
    '  - thingEvent (POST, payload ThingEvent)',
    '',
  ]);
  expect(readFileSync(changelog, 'utf8')).toBe(
    [
      '### Added',
      '- `client.fabric.things.update()` (`PUT /api/fabric/things/{id}`).',
      '- Webhook `thingCreated` (payload `ThingEvent`).',
      '',
      '### Changed',
      '- **Breaking:** `client.fabric.things.get()` (`GET /api/fabric/things/{id}`) is now `client.fabric.things.fetch()` (`GET /api/fabric/things/{id}`).',
      '- **Breaking:** `client.fabric.things.create()` (`POST /api/fabric/things`): body fields now required: color; options now required: region.',
      '',
      '### Removed',
      '- **Breaking:** `client.fabric.things.delete()` (`DELETE /api/fabric/things/{id}`), which SignalWire no longer publishes.',
      '- **Breaking:** webhook `thingEvent`, which SignalWire no longer publishes.',
      '',
    ].join('\n'),
  );
});
