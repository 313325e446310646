// Contract tests of every operation, driven by the generated table: each method called once against
// the Prism mock (which validates the request against the description), its answer validated against
// the operation's success schema; 401 without credentials for every Basic operation; the declared error
// answers of one operation per family parsed into typed errors.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import {
  SignalWireApiError,
  SignalWireAuthenticationError,
  SignalWireError,
  SignalWireNotFoundError,
  SignalWireServerError,
  SignalWireValidationError,
} from '../src/index.js';
import { callOperation, operationCases } from './support/operation-cases.js';
import { clientWithoutCredentials, mockClient } from './support/prism-clients.js';
import { rejectionOf } from './support/rejection.js';

const baseUrl = inject('prismUrl');
const client = mockClient(baseUrl);

const withoutCredentials = clientWithoutCredentials(baseUrl);

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
function operationsOf(file: string): { key: string; id: string }[] {
  const { paths } = parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => method in item).map((method) => ({
      key: `${method.toUpperCase()} ${path}`,
      id: item[method]!.operationId ?? '',
    })),
  );
}

test.each([
  ['REST', '../generated/openapi.yaml', ''],
  ['Compatibility', '../generated/compat.openapi.yaml', '/api/laml/2010-04-01'],
])('the tables have one method for every operation of the %s description, counted from it', (_, file, basePath) => {
  const operations = operationsOf(file).map(({ key }) => key);
  const covered = operationCases
    .filter((testCase) => testCase.basePath === basePath)
    .map(({ spec }) => `${spec.method} ${spec.template}`);
  expect(new Set(covered).size).toBe(covered.length);
  expect(covered.sort()).toEqual(operations.sort());
});

test('every operation SignalWire publishes has its method, get_room_by_name through video.rooms.get', () => {
  // Counted from the descriptions, so a release that adds or removes operations needs no edit here.
  // The overlay merges get_room_by_name into get_room: both are GET /api/video/rooms/{id-or-name}.
  const published = operationsOf('../openapi/signalwire-rest.openapi.yaml').map(({ id }) => id);
  const patched = new Set(operationsOf('../generated/openapi.yaml').map(({ id }) => id));
  expect(published.filter((id) => !patched.has(id))).toEqual(['get_room_by_name']);
  expect(patched.size).toBe(published.length - 1);
  const compat = operationsOf('../openapi/compatibility.openapi.yaml');
  expect(compat.length).toBeGreaterThan(0);
  expect(operationCases.filter((testCase) => testCase.family === 'compat')).toHaveLength(compat.length);
});

describe('every operation through its method', () => {
  test.each(operationCases)('$name answers what its schema describes', async (testCase) => {
    const value = await callOperation(client, testCase);
    if (testCase.validate) {
      expect(testCase.validate(value), JSON.stringify(testCase.validate.errors)).toBe(true);
    } else {
      expect(value).toBeUndefined();
    }
  });
});

describe('credentials', () => {
  const basic = operationCases.filter((testCase) => testCase.spec.auth === 'basic');
  test.each(basic)('$name without credentials throws a SignalWireAuthenticationError (401)', async (testCase) => {
    const error = await rejectionOf(callOperation(withoutCredentials, testCase), SignalWireAuthenticationError);
    expect(error.status).toBe(401);
    expect(error.method).toBe(testCase.spec.method);
  });

  const bearer = operationCases.filter((testCase) => testCase.spec.auth === 'bearer');
  test('the Bearer operations are those the description secures with a Bearer scheme', () => {
    // Read from the description rather than listed, so a release that adds one needs no edit here.
    const { paths, components } = parse(readFileSync(new URL('../generated/openapi.yaml', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
    };
    const bearerSchemes = Object.keys(components.securitySchemes).filter(
      (name) => components.securitySchemes[name]!.scheme?.toLowerCase() === 'bearer',
    );
    const declared = Object.entries(paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]?.security?.some((requirement) => Object.keys(requirement).some((name) => bearerSchemes.includes(name))))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(declared.length).toBeGreaterThan(0);
    expect(bearer.map(({ spec }) => `${spec.method} ${spec.template}`).sort()).toEqual(declared.sort());
  });
  test.each(bearer)('$name without a subscriberToken is refused before any request', async (testCase) => {
    const error = await rejectionOf(
      (async () => callOperation(client, testCase, { subscriberToken: undefined }))(),
      SignalWireError,
    );
    expect(error.message).toContain('subscriberToken');
  });
});

describe('declared error answers become typed errors', () => {
  const classes: Record<number, typeof SignalWireApiError> = {
    401: SignalWireAuthenticationError,
    404: SignalWireNotFoundError,
    422: SignalWireValidationError,
    500: SignalWireServerError,
  };
  // One operation of each family that declares error answers: the first in the table.
  const samples = operationCases.filter(
    (testCase, index) =>
      testCase.errorStatuses.length > 0 &&
      operationCases.findIndex((other) => other.family === testCase.family && other.errorStatuses.length > 0) === index,
  );
  const cases = samples.flatMap((testCase) => testCase.errorStatuses.map((status) => ({ ...testCase, status })));

  test.each(cases)('$name answered $status', async (testCase) => {
    const error = await rejectionOf(
      callOperation(client, testCase, { headers: { Prefer: `code=${testCase.status}` } }),
      classes[testCase.status] ?? SignalWireApiError,
    );
    expect(error.status).toBe(testCase.status);
    expect(error.message.length).toBeLessThan(1_000);
    for (const item of error.errors) expect(typeof item.message).toBe('string');
  });
});
