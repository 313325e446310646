// The client over real sockets, against a local node:http server of the test's own: configuration,
// error unwrapping, request ids and the promise that no credential ever leaks.
import { createServer } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createSignalWireClient,
  SignalWireAbortError,
  SignalWireApiError,
  SignalWireAuthenticationError,
  SignalWireConnectionError,
  SignalWireError,
  SignalWireNotFoundError,
  SignalWirePermissionError,
  SignalWireRateLimitError,
  SignalWireServerError,
  SignalWireValidationError,
} from '../src/index.js';
import { API_TOKEN, credentials, PROJECT_ID, ROOM_ID, roomResponse } from './support/fixtures.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';
import { rejectionOf } from './support/rejection.js';
import { BASIC_AUTH as basic, expectNoSecret } from './support/secrets.js';

let server: LocalServer | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

const minimal = { name: 'coffee_cafe', enable_room_previews: true };

/** A server that answers every request with one fixed status, body and headers. */
async function answering(status: number, body: string, headers: Record<string, string> = {}) {
  server = await startLocalServer((_, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  });
  return createSignalWireClient({ baseUrl: server.url, ...credentials, maxRetries: 0 });
}

describe('a successful create', () => {
  test('sends the JSON body with Basic auth and resolves to the typed room', async () => {
    server = await startLocalServer((_, response) => sendJson(response, 200, roomResponse()));
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
    const room = await client.fabric.conferenceRooms.create({ ...minimal, meta: { a: { b: [1, null] } } });

    expect(room).toEqual(roomResponse());
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/api/fabric/resources/conference_rooms' });
    expect(request!.headers.authorization).toBe(basic);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({ ...minimal, meta: { a: { b: [1, null] } } });
  });
});

describe('error answers are unwrapped into typed errors', () => {
  const cases: [number, unknown, typeof SignalWireApiError, string][] = [
    [400, { error: 'Bad Request' }, SignalWireApiError, 'Bad Request'],
    [401, { error: 'Unauthorized' }, SignalWireAuthenticationError, 'Unauthorized'],
    [403, { error: 'Forbidden' }, SignalWirePermissionError, 'Forbidden'],
    [404, { error: 'Not Found' }, SignalWireNotFoundError, 'Not Found'],
    [429, { error: 'Too Many Requests' }, SignalWireRateLimitError, 'Too Many Requests'],
    [500, { error: 'Internal Server Error' }, SignalWireServerError, 'Internal Server Error'],
    [503, { error: 'Service Unavailable' }, SignalWireServerError, 'Service Unavailable'],
  ];
  test.each(cases)('%i becomes %o', async (status, body, ErrorClass, text) => {
    const client = await answering(status, JSON.stringify(body));
    const error = await rejectionOf(client.fabric.conferenceRooms.create(minimal), SignalWireApiError);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({
      status,
      body,
      errors: [{ message: text, raw: body }],
      method: 'POST',
      url: `${server!.url}/api/fabric/resources/conference_rooms`,
      attempts: 1,
    });
    expect(error.message).toContain(`failed with ${status}`);
    expect(error.message).toContain(text);
  });

  test('422 exposes every validation item, and the message names each attribute', async () => {
    const items = [
      { type: 'validation_error', code: 'missing_required_parameter', message: 'name is required', attribute: 'name', url: 'https://signalwire.com/docs/apis/error-codes' },
      { type: 'validation_error', code: 'invalid_parameter', message: 'is too long', attribute: 'display_name', url: 'https://signalwire.com/docs/apis/error-codes' },
    ];
    const client = await answering(422, JSON.stringify({ errors: items }));
    const error = await rejectionOf(client.fabric.conferenceRooms.create(minimal), SignalWireValidationError);
    expect(error).toBeInstanceOf(SignalWireValidationError);
    expect(error.errors).toEqual(items.map((raw) => ({ ...raw, raw })));
    expect(error.message).toContain('name: name is required; display_name: is too long');
  });

  test('a non-JSON body (an HTML 502 page from a proxy) gives the status and a short excerpt', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'<p>upstream failed</p>\n'.repeat(200)}</body></html>`;
    const client = await answering(502, page, { 'content-type': 'text/html' });
    const error = await rejectionOf(client.fabric.conferenceRooms.create(minimal), SignalWireApiError);
    expect(error).toBeInstanceOf(SignalWireServerError);
    expect(error.status).toBe(502);
    expect(error.body).toBe(`${page.slice(0, 4096)}…`); // a bounded excerpt of the page
    expect(error.message).toContain('<title>502 Bad Gateway</title>');
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).not.toContain('\n');
  });

  test('an empty error body still gives a typed error', async () => {
    const client = await answering(500, '');
    const error = await rejectionOf(client.fabric.conferenceRooms.create(minimal), SignalWireApiError);
    expect(error).toMatchObject({ status: 500 });
    expect(error.message).toContain('no body');
  });
});

describe('requestId', () => {
  const cases: [Record<string, string>, string | undefined][] = [
    [{ 'x-request-id': 'a1' }, 'a1'],
    [{ 'x-signalwire-request-id': 'b2' }, 'b2'],
    [{ 'request-id': 'c3' }, 'c3'],
    [{ 'request-id': 'c3', 'x-signalwire-request-id': 'b2', 'x-request-id': 'a1' }, 'a1'],
    [{ 'request-id': 'c3', 'x-signalwire-request-id': 'b2' }, 'b2'],
    [{}, undefined],
  ];
  test.each(cases)('from %o is %s', async (headers, expected) => {
    const client = await answering(404, JSON.stringify({ error: 'Not Found' }), headers);
    const error = await rejectionOf(client.fabric.conferenceRooms.get(ROOM_ID), SignalWireApiError);
    expect(error.requestId).toBe(expected);
    if (expected) expect(error.message).toContain(`request id ${expected}`);
  });
});

describe('client.api', () => {
  test('honours the signal passed to an openapi-fetch call', async () => {
    // The server never answers: only the signal can end the call.
    server = await startLocalServer(() => new Promise<void>(() => {}));
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
    const controller = new AbortController();
    const pending = client.api.GET('/api/fabric/resources/conference_rooms', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    const error = await rejectionOf(pending, SignalWireAbortError);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('connection failures', () => {
  test('connection refused throws a SignalWireConnectionError with the original error as cause', async () => {
    // Bind a port, then free it: nothing listens there any more.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));

    const client = createSignalWireClient({ baseUrl: `http://127.0.0.1:${port}`, ...credentials, maxRetries: 0 });
    const error = await rejectionOf(client.fabric.conferenceRooms.create(minimal), SignalWireConnectionError);
    expect(error).toBeInstanceOf(SignalWireConnectionError);
    expect(error.message).toContain('connection refused');
    expect(error.cause).toBeInstanceOf(Error);
    expect(error).toMatchObject({ method: 'POST', attempts: 1 });
  });
});

describe('configuration', () => {
  test('missing options come from SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN', async () => {
    server = await startLocalServer((_, response) => sendJson(response, 200, roomResponse()));
    vi.stubEnv('SIGNALWIRE_PROJECT_ID', PROJECT_ID);
    vi.stubEnv('SIGNALWIRE_API_TOKEN', API_TOKEN);
    vi.stubEnv('SIGNALWIRE_SPACE', 'example.signalwire.com');
    // Through the environment alone the client targets the Space...
    expect(createSignalWireClient().baseUrl).toBe('https://example.signalwire.com');
    vi.stubEnv('SIGNALWIRE_SPACE', 'example');
    expect(createSignalWireClient().baseUrl).toBe('https://example.signalwire.com');
    // ...and with only baseUrl given, the credentials still come from the environment.
    await createSignalWireClient({ baseUrl: server.url }).fabric.conferenceRooms.get(ROOM_ID);
    expect(server.requests[0]!.headers.authorization).toBe(basic);
  });

  test('options win over the environment', () => {
    vi.stubEnv('SIGNALWIRE_SPACE', 'fromenv');
    expect(createSignalWireClient({ space: 'fromoption', ...credentials }).baseUrl).toBe('https://fromoption.signalwire.com');
  });

  const missing: [string, Record<string, string>, string, string][] = [
    ['projectId', { apiToken: API_TOKEN, space: 'example' }, 'projectId', 'SIGNALWIRE_PROJECT_ID'],
    ['apiToken', { projectId: PROJECT_ID, space: 'example' }, 'apiToken', 'SIGNALWIRE_API_TOKEN'],
    ['space', { ...credentials }, 'space', 'SIGNALWIRE_SPACE'],
  ];
  test.each(missing)('a missing %s names the option and its environment variable', (_, options, option, variable) => {
    for (const name of ['SIGNALWIRE_SPACE', 'SIGNALWIRE_PROJECT_ID', 'SIGNALWIRE_API_TOKEN', 'SIGNALWIRE_BASE_URL']) {
      vi.stubEnv(name, undefined);
    }
    expect(() => createSignalWireClient(options)).toThrow(SignalWireError);
    expect(() => createSignalWireClient(options)).toThrow(`\`${option}\``);
    expect(() => createSignalWireClient(options)).toThrow(variable);
  });

  const badSpaces = ['evil.com/x#', 'a@b', 'x:1', 'example.signalwire.com.evil.com', 'my space', ' example', '-example', 'example.', 'https://example.signalwire.com', 'a.b', ''];
  test.each(badSpaces)('space %j is refused before any request', (space) => {
    vi.stubEnv('SIGNALWIRE_SPACE', undefined);
    const create = () => createSignalWireClient({ space, ...credentials });
    expect(create).toThrow(SignalWireError);
    expect(create).toThrow(/space|SIGNALWIRE_SPACE/);
  });

  test('a bad SIGNALWIRE_SPACE is refused the same way', () => {
    vi.stubEnv('SIGNALWIRE_SPACE', 'evil.com/x#');
    expect(() => createSignalWireClient(credentials)).toThrow('SIGNALWIRE_SPACE');
  });

  test.each(['example', 'Example', 'my-space-1', 'example.signalwire.com', 'EXAMPLE.SignalWire.com'])('space %j is accepted', (space) => {
    expect(createSignalWireClient({ space, ...credentials }).baseUrl).toMatch(/^https:\/\/[a-z0-9-]+\.signalwire\.com$/);
  });

  test.each([
    ['ftp://example.com', 'http'],
    ['not a url', 'absolute'],
    ['http://user:secret@127.0.0.1:1', 'user name or password'],
    ['http://127.0.0.1:1/?q=1', 'query'],
  ])('baseUrl %s is refused (%s)', (baseUrl, reason) => {
    const create = () => createSignalWireClient({ baseUrl, ...credentials });
    expect(create).toThrow(SignalWireError);
    expect(create).toThrow(reason);
    expect(() => create()).not.toThrow('secret');
  });

  test('a projectId with a colon is refused: Basic auth cannot carry it', () => {
    expect(() => createSignalWireClient({ space: 'example', projectId: 'a:b', apiToken: API_TOKEN })).toThrow('projectId');
  });

  test.each([-1, 1.5, Number.NaN])('maxRetries %s is refused', (maxRetries) => {
    expect(() => createSignalWireClient({ space: 'example', ...credentials, maxRetries })).toThrow(SignalWireError);
  });

  test.each([0, -5, Number.POSITIVE_INFINITY])('timeoutMs %s is refused', (timeoutMs) => {
    expect(() => createSignalWireClient({ space: 'example', ...credentials, timeoutMs })).toThrow(SignalWireError);
  });

  test('headers given as an array are refused, not sent under their indexes', () => {
    const defaultHeaders = ['x-team'] as unknown as Record<string, string>;
    expect(() => createSignalWireClient({ space: 'example', ...credentials, defaultHeaders })).toThrow(
      'Invalid `defaultHeaders`: it must be an object of header names and string values.',
    );
  });

  test('a trailing slash on baseUrl does not double the path separator', async () => {
    server = await startLocalServer((_, response) => sendJson(response, 200, roomResponse()));
    await createSignalWireClient({ baseUrl: `${server.url}/`, ...credentials }).fabric.conferenceRooms.get(ROOM_ID);
    expect(server.requests[0]!.url).toBe(`/api/fabric/resources/conference_rooms/${ROOM_ID}`);
  });
});

describe('the API token and the Authorization header never leak', () => {
  test('not in the client', () => {
    const client = createSignalWireClient({ space: 'example', ...credentials });
    expectNoSecret(client);
    expectNoSecret(client.api);
    expectNoSecret(client.fabric.conferenceRooms);
  });

  test.each([401, 403, 422, 500, 502])('not in a %i error', async (status) => {
    const client = await answering(status, status === 502 ? '<html>bad gateway</html>' : JSON.stringify({ error: 'x' }));
    expectNoSecret(await rejectionOf(client.fabric.conferenceRooms.create(minimal), SignalWireError));
  });

  test('not in a connection error, nor in its cause', async () => {
    const client = createSignalWireClient({ baseUrl: 'http://127.0.0.1:9', ...credentials, maxRetries: 0 });
    expectNoSecret(await rejectionOf(client.fabric.conferenceRooms.get(ROOM_ID), SignalWireError));
  });

  test('not in configuration errors', () => {
    for (const options of [
      { space: 'evil.com/x#', ...credentials },
      { baseUrl: `http://${PROJECT_ID}:${API_TOKEN}@127.0.0.1:1`, ...credentials },
      { baseUrl: 'x', ...credentials },
    ]) {
      let thrown: unknown;
      try {
        createSignalWireClient(options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SignalWireError);
      expectNoSecret(thrown);
    }
  });

  test('not in the logger lines', async () => {
    server = await startLocalServer((_, response) => sendJson(response, 200, roomResponse()));
    const lines: string[] = [];
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials, logger: (line) => lines.push(line) });
    await client.fabric.conferenceRooms.create(minimal);
    expect(lines).toHaveLength(1);
    expectNoSecret(lines.join('\n'));
  });
});
