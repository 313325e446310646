// Issue 19, items 1 and 2: a description is untrusted input. Hostile text planted in every field the
// pipeline reads either stops scripts/generate.sh with the value and its JSON pointer, or comes out
// inert: the generated files compile, importing them runs nothing, the Markdown table keeps its shape.
// Each case runs the real pipeline in a scratch project whose two descriptions are small ones of the
// test's own (lint-clean where the text must come out inert), so a run takes seconds.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { apiPath, commentText, identifier, markdownText, pointer, stringLiteral, UntrustedValueError } from '../scripts/lib/untrusted.mjs';
import { cleanScratches, generateIn, scratchProject } from './support/scratch-project.js';

afterAll(cleanScratches);
const timeout = 120_000;

// Ends a doc comment, a line comment (U+2028), a string of either quote, a template and a script element.
const HOSTILE = "x */ Reflect.set(globalThis, 'pwned', 1); /* \u2028 Reflect.set(globalThis, 'pwned', 2) \" ' ` ${1} </script> | <b>";
const HOSTILE_NAME = "k*/\"'`${x}\u2028 </script>";
// The path of issue 19's report: it passed lint, tsc and tsup, and ran on import.
const INJECTED_PATH = "/api/fabric/x*/}void Reflect.set(globalThis,'pwned',1);export interface W{/*x";

const license = { name: 'MIT', url: 'https://example.com/license' };
const unauthorized = { description: 'Unauthorized.', content: { 'application/json': { schema: { type: 'object' } } } };

/** One GET operation, lint-clean under the project's redocly.yaml unless `extra` makes it otherwise. */
function operation(operationId: string, extra: Record<string, unknown> = {}) {
  return {
    operationId,
    summary: 'List things',
    description: 'Lists things.',
    tags: ['Things'],
    responses: {
      '200': { description: 'The things.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
      '401': unauthorized,
    },
    ...extra,
  };
}

function description(serverUrl: string, paths: Record<string, unknown>, thing: Record<string, unknown> = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 'Things', version: '1.0.0', description: 'Things.', license },
    servers: [{ url: serverUrl, description: 'A space.', variables: { space: { default: 'example' } } }],
    security: [{ basic: [] }],
    tags: [{ name: 'Things', description: 'Things.' }],
    paths,
    components: {
      securitySchemes: { basic: { type: 'http', scheme: 'basic', description: 'Project ID and token.' } },
      schemas: { Thing: { type: 'object', description: 'A thing.', properties: { id: { type: 'string' } }, ...thing } },
    },
  };
}

const compatDescription = description('https://{space}.signalwire.com/api/laml/2010-04-01', {
  '/Accounts/{AccountSid}/Things.json': {
    get: operation('list_things', {
      parameters: [{ name: 'AccountSid', in: 'path', required: true, description: 'The account.', schema: { type: 'string' } }],
    }),
  },
});
const noOverlay = (spec: string) => ({
  overlay: '1.0.0',
  info: { title: 'No fixes', version: '1.0.0' },
  extends: `./${spec}`,
  actions: [{ target: '$.info', description: 'A note.', update: { 'x-note': 'test' } }],
});

/** A scratch project whose pipeline reads `rest` (and a plain Compatibility description); its run. */
function runPipeline(rest: object) {
  const dir = scratchProject('untrusted-', ['scripts', 'openapi', 'redocly.yaml', 'src']);
  const files = {
    'openapi/signalwire-rest.openapi.yaml': rest,
    'openapi/compatibility.openapi.yaml': compatDescription,
    'openapi/signalwire-rest.overlay.yaml': noOverlay('signalwire-rest.openapi.yaml'),
    'openapi/compatibility.overlay.yaml': noOverlay('compatibility.openapi.yaml'),
    'openapi/signalwire-rest.names.yaml': {},
    'openapi/compatibility.names.yaml': {},
  };
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), stringify(content, { lineWidth: 0 }));
  return { dir, ...generateIn(dir, timeout) };
}

test('hostile text in summaries, descriptions, tags, enums, examples, defaults, patterns and names comes out inert', { timeout }, async () => {
  const hostileSchema = {
    type: 'string',
    title: HOSTILE,
    description: HOSTILE,
    enum: [HOSTILE, 'plain'],
    example: HOSTILE,
    default: HOSTILE,
  };
  const rest = description(
    'https://{space}.signalwire.com',
    {
      '/api/fabric/things': {
        get: operation('list_things', {
          summary: HOSTILE,
          description: HOSTILE,
          tags: [`Things ${HOSTILE}`],
          parameters: [
            { name: HOSTILE_NAME, in: 'query', description: HOSTILE, schema: hostileSchema },
            { name: 'matching', in: 'query', description: HOSTILE, schema: { type: 'string', pattern: `^${HOSTILE.replace(/[$()*+./?[\\\]^{|}]/g, '\\$&')}$` } },
          ],
        }),
      },
    },
    { properties: { id: { type: 'string' }, [HOSTILE_NAME]: hostileSchema }, example: { id: 'a', [HOSTILE_NAME]: HOSTILE } },
  );
  (rest.tags as { name: string; description: string }[]).push({ name: `Things ${HOSTILE}`, description: HOSTILE });
  const { dir, status, output } = runPipeline(rest);
  expect(status, output).toBe(0);

  // Every generated TypeScript file compiles as it is (text that broke out of a comment or string would not)...
  const generated = ['operations.ts', 'schema.ts', 'compat.operations.ts', 'compat.schema.ts'].map((file) => join(dir, 'generated', file));
  const program = ts.createProgram(generated, { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] });
  const problems = ts.getPreEmitDiagnostics(program);
  expect(problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  // ...and built as tsup builds it, importing it runs nothing.
  for (const file of generated) {
    const built = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    const js = `${file}.mjs`;
    writeFileSync(js, built.outputText);
    await import(pathToFileURL(js).href);
  }
  expect(Reflect.get(globalThis, 'pwned')).toBeUndefined();
  const { restApi } = await import(pathToFileURL(`${generated[0]}.mjs`).href);
  // The tag's words make an identifier; the table holds exactly the one operation.
  expect(Object.values(restApi.fabric)).toEqual([{ list: 'GET /api/fabric/things' }]);
  for (const resource of Object.keys(restApi.fabric)) expect(resource).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);

  // The Markdown reference: the summary is one cell of a three-column row, its HTML shown, not rendered.
  const row = readFileSync(join(dir, 'generated', 'reference.md'), 'utf8').split('\n').find((line) => line.includes('GET /api/fabric/things'))!;
  expect(row.split(/(?<!\\)\|/).length).toBe(5); // | method | HTTP | summary |
  expect(row).not.toMatch(/<(script|b)>/);
});

test('a path, operationId or name that breaks the grammar or the runtime stops the pipeline, naming each value and where it is', { timeout }, () => {
  const get = (operationId: string, extra?: Record<string, unknown>) => ({ get: operation(operationId, extra) });
  const rest = description('https://{space}.signalwire.com', {
    [INJECTED_PATH]: get('injected'),
    '/api/fabric/with space/x': get('spaced'),
    '/api/fabric/../x': get('dotted'),
    '/api/fabric/ok': get("list*/x'"),
    '/api/__proto__/things': get('list_proto'),
    '/api/constructor/things': get('list_constructor'),
    '/api/toString/things': get('list_tostring'),
    '/api/hasOwnProperty/things': get('list_hasownproperty'),
    '/api/then/things': get('list_then'),
    '/api/api/things': get('list_api'),
    '/api/baseUrl/things': get('list_baseurl'),
    '/api/compatApi/things': get('list_compat_api'),
    '/api/compat/things': get('list_compat'),
    '/api/fabric/strings': get('get_to_string', { tags: ['To String'] }),
    '/api/fabric/thens': get('then', { tags: ['Thens'] }),
    '/api/fabric/constructors': get('constructor', { tags: ['Constructors'] }),
  });
  const { status, output } = runPipeline(rest);
  expect(status, output).not.toBe(0);
  for (const path of [INJECTED_PATH, '/api/fabric/with space/x', '/api/fabric/../x']) {
    expect(output).toContain(`${pointer('paths', path)}: ${stringLiteral(path)} is refused: a path must be`);
  }
  expect(output).toContain(`${pointer('paths', '/api/fabric/ok', 'get')}/operationId: ${stringLiteral("list*/x'")} is refused`);
  const refusedFamilies = { __proto__: 'every object inherits', constructor: 'every object', toString: 'every object', hasOwnProperty: 'every object', then: '`then`', api: 'the client already has', baseUrl: 'the client already has', compatApi: 'the client already has', compat: 'another API' };
  for (const [family, why] of Object.entries(Object.getOwnPropertyDescriptors(refusedFamilies)).map(([key, d]) => [key, d.value] as const)) {
    expect(output).toMatch(new RegExp(`${escape(pointer('paths', `/api/${family}/things`, 'get'))}: the family name "${family}" is refused: [^\\n]*${escape(why)}`));
  }
  expect(output).toContain(`${pointer('paths', '/api/fabric/strings', 'get')}: the resource name "toString" is refused`);
  expect(output).toContain(`${pointer('paths', '/api/fabric/thens', 'get')}: the action name "then" is refused`);
  expect(output).toContain(`${pointer('paths', '/api/fabric/constructors', 'get')}: the action name "constructor" is refused`);
  expect(Reflect.get(globalThis, 'pwned')).toBeUndefined();
});

const escape = (text: string) => text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');

test('untrusted.mjs: grammar checks refuse with value and place; escapes keep text inert and exact', () => {
  expect(() => apiPath('/a/./b', '#/x')).toThrow(UntrustedValueError);
  expect(() => apiPath('/a//b', '#/x')).toThrow('#/x: "/a//b" is refused');
  expect(() => apiPath('/a/{b c}', '#/x')).toThrow(UntrustedValueError);
  expect(() => apiPath('/a/{b}{', '#/x')).toThrow(UntrustedValueError);
  expect(apiPath('/Recordings/{Sid}.json', '#/x')).toBe('/Recordings/{Sid}.json');
  expect(apiPath('/api/laml/2010-04-01/Accounts/{AccountSid}/Calls.json', '#/x')).toBe('/api/laml/2010-04-01/Accounts/{AccountSid}/Calls.json');
  expect(() => identifier('1a', '#/y')).toThrow('#/y: "1a" is refused');
  expect(() => identifier({}, '#/y')).toThrow('#/y: a object is refused');
  expect(pointer('paths', '/a/{b}', 'get')).toBe('#/paths/~1a~1%7Bb%7D/get');
  // A literal evaluates to the text exactly, and never holds a raw line terminator or a comment end.
  for (const text of [HOSTILE, HOSTILE_NAME, '\ud800', '*/*/']) {
    const literal = stringLiteral(text);
    expect(literal).not.toMatch(/\*\/|[\u2028\u2029\n]|<\//);
    expect(new Function(`return ${literal}`)()).toBe(text);
  }
  const comment = commentText(HOSTILE);
  expect(comment).not.toMatch(/\*\/|[\u2028\u2029\n\r]/);
  expect(new Function(`/** ${comment} */ // ${comment}\nreturn 1`)()).toBe(1);
  expect(markdownText('a | b <i>x</i> *y* `z`')).toBe('a \\| b &lt;i&gt;x&lt;/i&gt; \\*y\\* \\`z\\`');
});
