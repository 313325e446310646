// A new upstream release needs no hand edit. In a scratch copy of the project, SignalWire's description
// becomes a release that adds a CRUD resource (Widgets), a component nothing uses, and removes an operation
// (update_address). Then, as a maintainer would: `scripts/spec-diff.sh` names the added and removed methods
// first; the release is copied over openapi/ (nothing else there changes); `scripts/generate.sh` runs; the
// unchanged src/ offers client.fabric.widgets.* typed (strict tsc of a consumer, a wrong field a compile
// error) and working against Prism serving the regenerated mock; and the unchanged contract tests pass.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { startMockServer } from '../src/testing.js';
import { cleanScratches, generateIn, root, scratchProject } from './support/scratch-project.js';

afterAll(cleanScratches);

const WIDGET_ID = '5b0e8f7c-2d1a-4c3b-9e8f-7a6b5c4d3e2f';
const widget = { id: WIDGET_ID, name: 'lobby', color: 'red', created_at: '2026-11-01T10:00:00Z' };
const error401 = {
  description: 'Access is unauthorized.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Types.StatusCodes.StatusCode401' } } },
};

/** The resource as SignalWire would publish it: tag, operationIds, schemas, examples. */
function addWidgets(description: Record<string, any>) {
  const json = (schema: string, example?: unknown) => ({
    'application/json': { schema: { $ref: `#/components/schemas/${schema}` }, ...(example ? { example } : {}) },
  });
  const idParameter = { name: 'id', in: 'path', required: true, description: 'Unique ID of the widget.', schema: { type: 'string', format: 'uuid' } };
  const operation = (operationId: string, summary: string, success: Record<string, unknown>, extra: object = {}) => ({
    operationId,
    summary,
    description: `${summary}.`,
    tags: ['Widgets'],
    ...extra,
    responses: { ...success, '401': error401 },
  });
  description.tags.push({ name: 'Widgets', description: 'Manage widgets.' });
  description.paths['/api/fabric/resources/widgets'] = {
    get: operation('list_widgets', 'List widgets', {
      '200': { description: 'The widgets.', content: json('WidgetListResponse', { data: [widget], links: { self: '/api/fabric/resources/widgets', first: '/api/fabric/resources/widgets' } }) },
    }),
    post: operation('create_widget', 'Create a widget', { '201': { description: 'The widget.', content: json('Widget', widget) } }, {
      requestBody: { required: true, content: json('WidgetCreateRequest') },
    }),
  };
  description.paths['/api/fabric/resources/widgets/{id}'] = {
    get: operation('get_widget', 'Get a widget', { '200': { description: 'The widget.', content: json('Widget', widget) } }, { parameters: [idParameter] }),
    put: operation('update_widget', 'Update a widget', { '200': { description: 'The widget.', content: json('Widget', widget) } }, {
      parameters: [idParameter],
      requestBody: { required: true, content: json('WidgetCreateRequest') },
    }),
    delete: operation('delete_widget', 'Delete a widget', { '204': { description: 'Deleted.' } }, { parameters: [idParameter] }),
  };
  Object.assign(description.components.schemas, {
    WidgetCreateRequest: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', description: 'Name of the widget.' }, color: { type: 'string', enum: ['red', 'blue'] } },
    },
    Widget: {
      type: 'object',
      required: ['id', 'name', 'color', 'created_at'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string' },
        color: { type: 'string', enum: ['red', 'blue'] },
        created_at: { type: 'string', format: 'date-time' },
      },
    },
    WidgetListResponse: {
      type: 'object',
      required: ['data', 'links'],
      properties: {
        data: { type: 'array', items: { $ref: '#/components/schemas/Widget' } },
        links: {
          type: 'object',
          required: ['self', 'first'],
          properties: { self: { type: 'string' }, first: { type: 'string' }, next: { type: 'string' }, prev: { type: 'string' } },
        },
      },
    },
  });
}

const consumer = `import { createSignalWireClient } from './src/index.js';

const client = createSignalWireClient({ baseUrl: process.argv[2]!, projectId: 'p', apiToken: 't', maxRetries: 0 });
const widgets = client.fabric.widgets;
const created = await widgets.create({ name: 'lobby', color: 'red' });
const fetched = await widgets.get(created.id);
const updated = await widgets.update(fetched.id, { name: 'hall', color: 'blue' });
const names: string[] = [];
for await (const page of widgets.list().pages()) names.push(...page.data.map((item) => item.name));
const deleted = await widgets.delete(updated.id);
console.log(JSON.stringify({ created, fetched, updated, names, deleted: deleted === undefined }));

// Compiled, never called: each line must stay a compile error.
export function mistakes() {
  // @ts-expect-error colour is not a field of the new resource
  void widgets.create({ name: 'x', colour: 'red' });
  // @ts-expect-error green is not in the color enum
  void widgets.create({ name: 'x', color: 'green' });
  // @ts-expect-error the id is required
  void widgets.get();
}
`;

const REMOVED = { path: '/api/relay/rest/addresses/{id}', method: 'put', name: 'client.relay.e911Addresses.update' };

/** The next release: Widgets added, a component nothing references, one operation (and the body only it used) gone. */
function nextRelease(description: Record<string, any>) {
  addWidgets(description);
  description.components.schemas['Widget.LegacyWidget'] = { type: 'object', properties: { legacy: { type: 'string' } } };
  delete description.paths[REMOVED.path][REMOVED.method];
}

let dir = '';
// Without this run's VITEST_* variables, so the scratch's own vitest run starts as a fresh one would.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
function run(command: string, args: string[], timeout = 240_000) {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout, env });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('a release with a new resource, a dead component and a removed operation goes through spec-diff, generate and the contract tests with no edit to openapi/', async () => {
  dir = scratchProject('new-release-', ['scripts', 'openapi', 'generated', 'src', 'test', 'redocly.yaml', 'tsconfig.json', 'vitest.config.ts']);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const specPath = join(dir, 'openapi/signalwire-rest.openapi.yaml');
  const description = parse(readFileSync(specPath, 'utf8'));
  nextRelease(description);
  writeFileSync(join(dir, 'release.yaml'), stringify(description));

  // 1. spec-diff: the methods added and removed come first, in client terms; a removed operation is major.
  const diff = run('bash', ['scripts/spec-diff.sh', 'release.yaml']);
  expect(diff.status, diff.output).toBe(1);
  const [whatUsersGet = '', rest = ''] = diff.output.split('\n== 2.');
  expect(whatUsersGet).toMatch(/5 methods added:/);
  for (const [action, http] of [['list', 'GET /api/fabric/resources/widgets'], ['create', 'POST /api/fabric/resources/widgets'], ['get', 'GET /api/fabric/resources/widgets/{id}'], ['update', 'PUT /api/fabric/resources/widgets/{id}'], ['delete', 'DELETE /api/fabric/resources/widgets/{id}']]) {
    expect(whatUsersGet).toMatch(new RegExp(`\\+ client\\.fabric\\.widgets\\.${action} +${http!.replace(/[{}]/g, '\\$&')}\n`));
  }
  expect(whatUsersGet).toMatch(/1 method removed:\n {2}- client\.relay\.e911Addresses\.update +PUT \/api\/relay\/rest\/addresses\/\{id\}\n/);
  expect(whatUsersGet).toContain('0 methods renamed or moved.');
  expect(whatUsersGet.split('\n').length).toBeLessThan(40);
  expect(rest).toContain('Every action of openapi/signalwire-rest.overlay.yaml still finds its target.');
  expect(rest).toMatch(/per rule:\n[\s\S]*per family[\s\S]*\n {2}fabric +\d/);
  const changelog = readFileSync(join(dir, '.cache/spec-diff/CHANGELOG.md'), 'utf8');
  expect(changelog).toContain('- `client.fabric.widgets.create()` (`POST /api/fabric/resources/widgets`): Create a widget.');
  expect(changelog).toMatch(/### Removed\n- \*\*Breaking:\*\* `client\.relay\.e911Addresses\.update\(\)`/);

  // 2. Take the release as is, and regenerate: the dead component and what only the removed operation used go.
  copyFileSync(join(dir, 'release.yaml'), specPath);
  const generated = generateIn(dir, 240_000);
  expect(generated.output).not.toMatch(/error/i);
  expect(generated.status).toBe(0);
  for (const file of ['signalwire-rest.overlay.yaml', 'signalwire-rest.names.yaml', 'compatibility.openapi.yaml', 'compatibility.overlay.yaml', 'compatibility.names.yaml']) {
    expect(readFileSync(join(dir, 'openapi', file), 'utf8'), `openapi/${file} needed an edit`).toBe(readFileSync(join(root, 'openapi', file), 'utf8'));
  }
  const patched = parse(readFileSync(join(dir, 'generated/openapi.yaml'), 'utf8'));
  expect(Object.keys(patched.components.schemas)).not.toContain('Widget.LegacyWidget');
  expect(Object.keys(patched.components.schemas)).not.toContain('UpdateAddressRequest');
  expect(patched.paths[REMOVED.path]).not.toHaveProperty(REMOVED.method);
  const table = readFileSync(join(dir, 'generated/operations.ts'), 'utf8');
  expect(table).toContain('create: "POST /api/fabric/resources/widgets json"');
  expect(table).not.toContain('"PUT /api/relay/rest/addresses/');
  expect(readFileSync(join(dir, 'generated/reference.md'), 'utf8')).toContain('`fabric.widgets.list(options)`');

  // 3. The unchanged src/ offers the new methods, typed and working.
  writeFileSync(join(dir, 'consumer.ts'), consumer);
  writeFileSync(
    join(dir, 'tsconfig.consumer.json'),
    JSON.stringify({ extends: './tsconfig.json', include: ['consumer.ts', 'src', 'generated'] }),
  );
  const typecheck = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.consumer.json']);
  expect(typecheck.output).toBe('');
  expect(typecheck.status).toBe(0);

  const mock = await startMockServer({ description: join(dir, 'generated/mock.yaml') });
  try {
    const called = run(process.execPath, ['--import', 'tsx', 'consumer.ts', mock.baseUrl], 60_000);
    expect(called.status, called.output).toBe(0);
    const result = JSON.parse(called.output.trim().split('\n').pop()!);
    expect(result).toEqual({ created: widget, fetched: widget, updated: widget, names: ['lobby'], deleted: true });
  } finally {
    await mock.close();
  }

  // 4. The contract tests, unchanged, cover every operation of the release (and no longer the removed one).
  const contract = run(join(root, 'node_modules/.bin/vitest'), ['run', 'test/contract-operations.test.ts', '--typecheck.enabled=false', '--reporter=verbose'], 400_000);
  expect(contract.status, contract.output.slice(-4000)).toBe(0);
  expect(contract.output).toMatch(/fabric\.widgets\.create' answers what its schema describes/);
  expect(contract.output).not.toContain('relay.e911Addresses.update');
}, 1_200_000);
