// A new upstream release that adds a resource needs no hand-written code: in a scratch copy of the
// project, a CRUD resource (Widgets) is added to SignalWire's description, `scripts/generate.sh` runs,
// and the unchanged src/ then offers client.fabric.widgets.* typed (strict tsc of a consumer, with a
// wrong field a compile error) and working against Prism serving the regenerated mock.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

let dir = '';
function run(command: string, args: string[], timeout = 240_000) {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function runAsync(command: string, args: string[], timeout: number): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: dir, timeout });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

test('an added CRUD resource becomes typed methods that work against Prism after the pipeline runs', async () => {
  dir = scratchProject('new-resource-', ['scripts', 'openapi', 'src', 'redocly.yaml', 'tsconfig.json']);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const specPath = join(dir, 'openapi/signalwire-rest.openapi.yaml');
  const description = parse(readFileSync(specPath, 'utf8'));
  addWidgets(description);
  writeFileSync(specPath, stringify(description));

  const generated = generateIn(dir, 240_000);
  expect(generated.output).not.toMatch(/error/i);
  expect(generated.status).toBe(0);
  const table = readFileSync(join(dir, 'generated/operations.ts'), 'utf8');
  expect(table).toContain('create: "POST /api/fabric/resources/widgets json"');
  expect(readFileSync(join(dir, 'generated/reference.md'), 'utf8')).toContain('`fabric.widgets.list(options)`');

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
    // Asynchronously: the mock's proxy answers from this process, which spawnSync would block.
    const called = await runAsync(process.execPath, ['--import', 'tsx', 'consumer.ts', mock.baseUrl], 60_000);
    expect(called.status, called.output).toBe(0);
    const result = JSON.parse(called.output.trim().split('\n').pop()!);
    expect(result).toEqual({ created: widget, fetched: widget, updated: widget, names: ['lobby'], deleted: true });
  } finally {
    await mock.close();
  }
}, 600_000);
