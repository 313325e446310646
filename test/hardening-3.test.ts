// Issue 19, items 3 to 9, 11 and 12: odd options and bodies a caller controls never crash, send
// half a request or send anything at all; hostile answers (fragment-only loops, stacked or raw
// encodings) get a typed refusal; every request asks for JSON; the Compatibility API's numeric error
// code keeps its type. Each network case runs over both ways an attempt is sent: the default send
// (node:http on Node) and `fetch: globalThis.fetch` (undici).
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createSignalWireClient,
  SignalWireApiError,
  SignalWireError,
  SignalWireInvalidResponseError,
  SignalWirePaginationError,
  SignalWireRequestError,
  type SignalWireClientOptions,
} from '../src/index.js';
import { decimal } from '../src/runtime/encoding.js';
import { credentials, ROOM_ID, roomResponse } from './support/fixtures.js';
import { type Handler, type LocalServer, sendJson, startLocalServer } from './support/local-server.js';
import { rejectionOf } from './support/rejection.js';

const LIST = '/api/fabric/resources/conference_rooms';
const CREATE_BODY = { name: 'coffee_cafe', enable_room_previews: true };
const MESSAGE = { To: '+15551230001', From: '+15551230002', Body: 'hello' };

const servers: LocalServer[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler = (_request, response) => sendJson(response, 200, roomResponse())): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

const SENDS: [string, typeof fetch | undefined][] = [
  ['default send', undefined],
  ['global fetch', globalThis.fetch],
];

/** A refusal made before sending: a SignalWireError, not of a request (nothing was sent), saying `says`. */
async function refusedBeforeSending(promise: Promise<unknown>, server: LocalServer, says: RegExp): Promise<SignalWireError> {
  const error = await rejectionOf(promise, SignalWireError);
  expect(error).not.toBeInstanceOf(SignalWireRequestError);
  expect(error.message).toMatch(says);
  expect(server.requests).toHaveLength(0);
  return error;
}

describe.each(SENDS)('%s', (_name, send) => {
  const client = (url: string, options: SignalWireClientOptions = {}) =>
    createSignalWireClient({ baseUrl: url, ...credentials, fetch: send, maxRetries: 0, ...options });

  // ---- 3. a signal that is not an AbortSignal ----

  test.each([['a string', 'x'], ['a plain object', {}], ['a number', 5], ['a function', () => {}]])(
    'a signal that is %s is refused when the call starts, nothing sent (a paged call too)',
    async (_kind, signal) => {
      const server = await serve();
      const rooms = client(server.url).fabric.conferenceRooms;
      await refusedBeforeSending(rooms.create(CREATE_BODY, { signal } as never), server, /Invalid `signal`.*AbortSignal/);
      await refusedBeforeSending((async () => { for await (const _ of rooms.list({ signal } as never)) void _; })(), server, /AbortSignal/);
    },
  );

  // ---- 4. own keys only: headers, options ----

  test('inherited headers are neither checked nor sent: the POST keeps its Content-Length, Host and body', async () => {
    const server = await serve((_request, response) => sendJson(response, 201, roomResponse()));
    const headers = Object.assign(Object.create({ 'content-length': '0', host: 'evil.example', authorization: 'Basic eA==' }), { 'x-trace': 't1' });
    await client(server.url).fabric.conferenceRooms.create(CREATE_BODY, { headers });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(JSON.parse(request!.body)).toEqual(CREATE_BODY);
    expect(request!.headers).toMatchObject({ 'content-length': String(Buffer.byteLength(request!.body)), host: new URL(server.url).host, 'x-trace': 't1' });
    expect(request!.headers.authorization).not.toBe('Basic eA==');
  });

  test("inherited options are not query parameters; an own __proto__ (JSON.parse's) is one, never a prototype", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, { data: [], links: {} }));
    const options = Object.create({ name: 'inherited' });
    Object.defineProperties(options, Object.getOwnPropertyDescriptors(JSON.parse('{"__proto__": "x", "page_size": 5}')));
    for await (const _ of client(server.url).fabric.conferenceRooms.list(options)) void _;
    expect(server.requests.map((request) => request.url)).toEqual([`${LIST}?__proto__=x&page_size=5`]);
  });

  // ---- 5. arguments that cannot be encoded ----

  test('a lone surrogate in a path parameter, a query value or a form field is a SignalWireError before sending', async () => {
    const server = await serve();
    const api = client(server.url);
    await refusedBeforeSending(api.video.rooms.get('room\ud800'), server, /`id`.*lone surrogate/);
    // A paged method prepares its first request at once: the refusal is synchronous.
    expect(() => api.compat.messages.list({ To: '\udc00x' })).toThrow(/query parameter `To`.*lone surrogate/);
    await refusedBeforeSending(api.compat.messages.create({ ...MESSAGE, Body: 'cut \ud83d' }), server, /form field `Body`.*lone surrogate/);
    // client.api too: openapi-fetch's own URIError becomes a SignalWireError.
    await refusedBeforeSending(api.api.GET('/api/video/rooms/{id}', { params: { path: { id: 'room\ud800' } } }), server, /URI malformed/);
    await refusedBeforeSending(api.api.GET('/api/video/rooms', { params: { query: { name: '\udc00' } as never } }), server, /URI malformed/);
  });

  test('a form field whose getter throws is a SignalWireError with the cause, nothing sent', async () => {
    const server = await serve();
    const boom = new Error('boom');
    const body = { ...MESSAGE, get StatusCallback(): string { throw boom; } };
    const error = await refusedBeforeSending(client(server.url).compat.messages.create(body), server, /the body could not be read/);
    expect(error.cause).toBe(boom);
  });

  test.each([
    ['an object whose toJSON() gives undefined', { toJSON: () => undefined }],
    ['a function', () => CREATE_BODY],
    ['a symbol', Symbol('body')],
  ])('a JSON body that is %s is refused, never sent as an empty POST', async (_kind, body) => {
    const server = await serve();
    await refusedBeforeSending(client(server.url).fabric.conferenceRooms.create(body as never), server, /cannot be sent as JSON/);
  });

  // ---- 6. numbers in decimal ----

  test('form and query numbers go in decimal, never in exponent form', async () => {
    const server = await serve((_request, response) => sendJson(response, 201, {}));
    const api = client(server.url);
    await api.compat.messages.create({ ...MESSAGE, MaxPrice: 1e21, ValidityPeriod: 1e-7, Attempt: -2.5e-8 } as never);
    const form = new URLSearchParams(server.requests[0]!.body);
    expect([form.get('MaxPrice'), form.get('ValidityPeriod'), form.get('Attempt')]).toEqual(['1000000000000000000000', '0.0000001', '-0.000000025']);
    await api.video.rooms.get('x', { big: 1.5e300 } as never);
    expect(server.requests[1]!.url).toBe(`/api/video/rooms/x?big=15${'0'.repeat(299)}`);
  });

  // ---- 7. dot segments ----

  test('client.api refuses a path parameter "..", "." or "" before sending (no climb to another path with the credentials)', async () => {
    const server = await serve();
    for (const id of ['..', '.', '']) {
      await refusedBeforeSending(client(server.url).api.GET('/api/video/rooms/{id}', { params: { path: { id } } }), server, /path parameter `id`/);
    }
    await client(server.url).api.GET('/api/video/rooms/{id}', { params: { path: { id: '%2e%2e' } } });
    expect(server.requests.map((request) => request.url)).toEqual(['/api/video/rooms/%252e%252e']);
  });

  // ---- 8. pagination links that differ only in their fragment ----

  test('links.next that differ only in their fragment are one page: the loop guard stops at the second', async () => {
    let n = 0;
    const server = await serve((_request, response) => sendJson(response, 200, { data: [{ id: 'a' }], links: { next: `${LIST}?page_token=P#${++n}` } }));
    const error = await rejectionOf((async () => { for await (const _ of client(server.url).fabric.conferenceRooms.list()) void _; })(), SignalWirePaginationError);
    expect(error.message).toMatch(/already read/);
    expect(server.requests).toHaveLength(2);
  });

  test('a fragment-only links.next is refused after the first page', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, { data: [{ id: 'a' }], links: { next: '#more' } }));
    const error = await rejectionOf((async () => { for await (const _ of client(server.url).fabric.conferenceRooms.list()) void _; })(), SignalWirePaginationError);
    expect(error.message).toMatch(/points back to .*#more, a page already read/);
    expect(server.requests).toHaveLength(1);
  });

  // ---- 9. content codings ----

  test('a raw deflate body (no zlib header), which fetch decodes, is decoded; so is zlib-wrapped deflate', async () => {
    for (const deflate of [deflateRawSync, deflateSync]) {
      const server = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' });
        response.end(deflate(JSON.stringify(roomResponse())));
      });
      await expect(client(server.url).fabric.conferenceRooms.get(ROOM_ID)).resolves.toEqual(roomResponse());
    }
  });

  test('five stacked gzip codings decode; six are refused at once, the answer not read', async () => {
    const layered = (layers: number) =>
      serve((_request, response) => {
        let body: Buffer = Buffer.from(JSON.stringify(roomResponse()));
        for (let i = 0; i < layers; i++) body = gzipSync(body);
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': Array(layers).fill('gzip').join(', ') });
        response.end(body);
      });
    const five = await layered(5);
    await expect(client(five.url).fabric.conferenceRooms.get(ROOM_ID)).resolves.toEqual(roomResponse());
    const six = await layered(6);
    const error = await rejectionOf(client(six.url, { maxRetries: 2 }).fabric.conferenceRooms.get(ROOM_ID), SignalWireRequestError);
    if (send === undefined) {
      // node:http: the typed refusal, not retried; fetch refuses six too, in its own words.
      expect(error).toBeInstanceOf(SignalWireInvalidResponseError);
      expect(error.message).toMatch(/answered 200 with a body in 6 content codings \(at most 5/);
      expect(six.requests).toHaveLength(1);
    }
  });

  // ---- 10. media resources: their details come from the .json path ----

  test('recordings, message media and fax media are read at their .json path (the bare one answers the media); deletes stay bare', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, {}));
    const api = client(server.url);
    const account = `/api/laml/2010-04-01/Accounts/${credentials.projectId}`;
    await api.compat.recordings.get(ROOM_ID);
    await api.compat.messageMedia.get(ROOM_ID, ROOM_ID);
    await api.compat.faxMedia.get(ROOM_ID, ROOM_ID);
    await api.compatApi.GET('/Accounts/{AccountSid}/Recordings/{Sid}.json', { params: { path: { AccountSid: credentials.projectId, Sid: ROOM_ID } } });
    await api.compat.recordings.delete(ROOM_ID);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET ${account}/Recordings/${ROOM_ID}.json`,
      `GET ${account}/Messages/${ROOM_ID}/Media/${ROOM_ID}.json`,
      `GET ${account}/Faxes/${ROOM_ID}/Media/${ROOM_ID}.json`,
      `GET ${account}/Recordings/${ROOM_ID}.json`,
      `DELETE ${account}/Recordings/${ROOM_ID}`,
    ]);
  });

  // ---- 11. Accept ----

  test('every request asks for JSON: the methods, a paged method and client.api', async () => {
    const server = await serve((request, response) =>
      request.url!.startsWith(LIST) ? sendJson(response, 200, { data: [], links: {} }) : sendJson(response, 200, roomResponse()),
    );
    const api = client(server.url);
    await api.fabric.conferenceRooms.get(ROOM_ID);
    for await (const _ of api.fabric.conferenceRooms.list()) void _;
    await api.api.GET('/api/video/rooms/{id}', { params: { path: { id: 'x' } } });
    expect(server.requests.map((request) => request.headers.accept)).toEqual(Array(3).fill('application/json'));
  });

  // ---- 12. the Compatibility API's code keeps its type ----

  test("the Compatibility API's numeric error code stays a number, a string code a string", async () => {
    const body = { code: 21211, message: "The 'To' number is not a valid phone number.", more_info: 'https://signalwire.com/docs/errors/21211', status: 400 };
    const compat = await serve((_request, response) => sendJson(response, 400, body));
    const error = await rejectionOf(client(compat.url).compat.messages.create(MESSAGE), SignalWireApiError);
    expect(error.code).toBe(21211);
    expect(error.errors[0]!.code).toBe(21211);
    const rest = await serve((_request, response) =>
      sendJson(response, 422, { errors: [{ type: 'validation_error', code: 'missing_required_parameter', message: 'name is required', attribute: 'name', url: 'https://x' }] }),
    );
    expect((await rejectionOf(client(rest.url).fabric.conferenceRooms.create(CREATE_BODY), SignalWireApiError)).code).toBe('missing_required_parameter');
  });
});

test("createSignalWireClient reads its options' own keys only: an inherited fetch, header or baseUrl is not used", async () => {
  const server = await serve();
  const elsewhere = await serve();
  let inheritedFetchCalls = 0;
  const inherited = {
    baseUrl: elsewhere.url,
    fetch: (async () => { inheritedFetchCalls++; return new Response('{}'); }) as typeof fetch,
    defaultHeaders: { 'x-inherited': '1' },
  };
  const options = Object.assign(Object.create(inherited), { baseUrl: server.url, ...credentials });
  await createSignalWireClient(options).fabric.conferenceRooms.get(ROOM_ID);
  expect(server.requests).toHaveLength(1);
  expect(server.requests[0]!.headers['x-inherited']).toBeUndefined();
  expect([inheritedFetchCalls, elsewhere.requests.length]).toEqual([0, 0]);
  // Credentials only inherited are missing, whatever the prototype holds (and none in the environment).
  vi.stubEnv('SIGNALWIRE_API_TOKEN', '');
  expect(() => createSignalWireClient(Object.assign(Object.create({ apiToken: 'inherited' }), { baseUrl: server.url, projectId: credentials.projectId }))).toThrow(/Missing API token/);
});

test.each([['a string', 'x'], ['null', null], ['a number', 5], ['an array', []]])(
  'createSignalWireClient refuses options that are %s, not reading the environment in their place',
  (_kind, options) => {
    expect(() => createSignalWireClient(options as never)).toThrow(/Invalid options .*takes an object of options/);
  },
);

test('createSignalWireClient refuses a projectId "." or "..", which would climb Compatibility paths', () => {
  for (const projectId of ['.', '..']) {
    expect(() => createSignalWireClient({ space: 'example', projectId, apiToken: 'token' })).toThrow(/Invalid projectId: .*"\." or "\.\." \(a dot segment of the path\)/);
  }
});

test('decimal() writes every finite double without an exponent, and reads back as the same number', () => {
  const samples = [0, -0, 1, 1e21, 1e-7, 123456789e15, 5e-324, Number.MAX_VALUE, -1.7976931348623157e308, 2 ** 70, 0.1 + 0.2];
  for (let i = 0; i < 2000; i++) samples.push((Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 600 - 300));
  for (const value of samples) {
    const text = decimal(value);
    expect(text).toMatch(/^-?\d+(\.\d+)?$/);
    expect(Number(text)).toBe(value === 0 ? 0 : value); // -0 is sent as "0", as String(-0) is
  }
});
