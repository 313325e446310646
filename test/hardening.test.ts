// Issue 9: the client against a hostile or broken server, and against bad input, over real sockets.
// Every network case runs over both ways an attempt is sent: the default send (node:http on Node)
// and `fetch: globalThis.fetch` (undici). Memory cases assert a bound on the growth of RSS during
// the call (far under what the unbounded client reached), never a duration.
import type { ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createSignalWireClient,
  SignalWireApiError,
  SignalWireConnectionError,
  SignalWireError,
  SignalWireInvalidResponseError,
  SignalWirePaginationError,
  SignalWireRequestError,
  SignalWireResponseTooLargeError,
  SignalWireServerError,
  SignalWireTimeoutError,
  SignalWireValidationError,
  type SignalWireClientOptions,
} from '../src/index.js';
import { MAX_EMPTY_PAGES } from '../src/pagination.js';
import { API_TOKEN, credentials, PROJECT_ID, ROOM_ID, roomResponse } from './support/fixtures.js';
import { type Handler, type LocalServer, sendJson, startLocalServer } from './support/local-server.js';
import { rejectionOf } from './support/rejection.js';
import { expectNoSecret } from './support/secrets.js';

const LIST = '/api/fabric/resources/conference_rooms';
const CREATE_BODY = { name: 'coffee_cafe', enable_room_previews: true };
const MiB = 1024 * 1024;

const servers: LocalServer[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([...servers.splice(0).map((server) => server.close()), ...closers.splice(0).map((close) => close())]);
});

async function serve(handler: Handler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

/** A raw TCP server: for answers node:http would not write. */
async function serveRaw(onConnection: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/** Writes `total` bytes of `chunk` repeated (endless when Infinity), minding backpressure, until done or the client leaves. */
async function stream(response: ServerResponse, chunk: Buffer, total: number): Promise<number> {
  let sent = 0;
  response.on('error', () => {});
  while (sent < total && !response.destroyed) {
    sent += chunk.length;
    if (!response.write(chunk)) await drainedOrClosed(response);
  }
  if (!response.destroyed) response.end();
  return sent;
}

/** The error `make` throws; fails the test when it throws nothing. */
function thrownBy(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** The heap still in use after a full garbage collection. */
function retainedHeap(): number {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** The peak growth of RSS while `run` runs, sampled every 5 ms. */
async function peakRssGrowth<T>(run: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growth: peak - start };
  } finally {
    clearInterval(sampler);
  }
}

const SENDS: [string, typeof fetch | undefined][] = [
  ['default send', undefined],
  ['global fetch', globalThis.fetch],
];

describe.each(SENDS)('%s', (_name, send) => {
  const client = (url: string, options: SignalWireClientOptions = {}) =>
    createSignalWireClient({ baseUrl: url, ...credentials, fetch: send, maxRetries: 0, ...options });

  // ---- 2. links.next stays under the client's base URL ----

  describe('pagination links', () => {
    test.each([
      ['/other/secret', false],
      ['/proxyother/page2', false],
      ['/proxy/../other/secret', false],
      ['/proxy/api/fabric/resources/conference_rooms?page=2', true],
    ])('baseUrl http://host/proxy/ and next %s: followed only under /proxy/', async (next, followed) => {
      const server = await serve((request, response) =>
        sendJson(response, 200, request.url === `/proxy${LIST}` ? { data: [roomResponse()], links: { next } } : { data: [], links: {} }),
      );
      const pages = async () => {
        for await (const _ of client(`${server.url}/proxy/`).fabric.conferenceRooms.list());
      };
      if (followed) await pages();
      else {
        const error = await rejectionOf(pages(), SignalWirePaginationError);
        expect(error.message).toContain("not under the client's base URL");
      }
      expect(server.requests.map((request) => request.url)).toEqual(
        followed ? [`/proxy${LIST}`, '/proxy/api/fabric/resources/conference_rooms?page=2'] : [`/proxy${LIST}`],
      );
    });
  });

  // ---- 3 and 4. Bodies are bounded, decoded bytes included ----

  describe('response size', () => {
    test('an endless 200 body stops at a per-call maxResponseBytes: typed error, connection dropped', async () => {
      let sent = 0;
      const server = await serve(async (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        sent = await stream(response, Buffer.alloc(64 * 1024, 0x20), Infinity);
      });
      const error = await rejectionOf(
        client(server.url).fabric.conferenceRooms.get(ROOM_ID, { maxResponseBytes: 256 * 1024 }),
        SignalWireResponseTooLargeError,
      );
      expect(error).toBeInstanceOf(SignalWireInvalidResponseError);
      expect(error).toMatchObject({ maxResponseBytes: 256 * 1024, status: 200, attempts: 1 });
      expect(error.message).toContain('maxResponseBytes (262144 bytes');
      await vi.waitFor(() => expect(sent).toBeGreaterThan(0)); // the server saw the client leave
      expect(sent).toBeLessThan(64 * MiB);
      expect(server.requests).toHaveLength(1);
    });

    test('an endless error body is bounded too, and never retried', async () => {
      const server = await serve(async (_request, response) => {
        response.writeHead(500, { 'content-type': 'text/html' });
        await stream(response, Buffer.alloc(64 * 1024, 0x61), Infinity);
      });
      const error = await rejectionOf(
        client(server.url, { maxRetries: 2, maxResponseBytes: 128 * 1024 }).fabric.conferenceRooms.get(ROOM_ID),
        SignalWireResponseTooLargeError,
      );
      expect(error).toMatchObject({ status: 500, attempts: 1 });
      expect(server.requests).toHaveLength(1);
    });

    test('an endless body after a status that promises none (205): bounded, never a hang', async () => {
      const server = await serve(async (_request, response) => {
        response.writeHead(205, { 'content-type': 'application/json' });
        await stream(response, Buffer.alloc(64 * 1024, 0x20), Infinity);
      });
      const call = client(server.url).fabric.conferenceRooms.get(ROOM_ID, { maxResponseBytes: 128 * 1024 });
      // fetch gives a 205 no body at all, so nothing is read; node:http reads it, within the limit.
      if (send) return void (await expect(call).resolves.toBeUndefined());
      expect(await rejectionOf(call, SignalWireResponseTooLargeError)).toMatchObject({ status: 205, attempts: 1 });
    });

    test('256 MB of JSON stops at the default 64 MiB limit, RSS growing far less than the body', async () => {
      const server = await serve(async (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('[');
        await stream(response, Buffer.from('0,'.repeat(512 * 1024)), 256 * MiB);
      });
      const { result: error, growth } = await peakRssGrowth(() =>
        rejectionOf(client(server.url).fabric.conferenceRooms.get(ROOM_ID), SignalWireResponseTooLargeError),
      );
      expect(error.maxResponseBytes).toBe(64 * MiB);
      expect(growth).toBeLessThan(128 * MiB); // twice the limit at most; the unbounded client peaked at 862 MB RSS
    });

    test('a non-JSON error answer keeps only a bounded excerpt in error.body', async () => {
      const page = `<html>${'x'.repeat(MiB)}</html>`;
      const server = await serve((_request, response) => {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end(page);
      });
      const error = await rejectionOf(client(server.url).fabric.conferenceRooms.get(ROOM_ID), SignalWireServerError);
      expect(typeof error.body).toBe('string');
      expect((error.body as string).length).toBeLessThanOrEqual(4_097);
      expect(error.body).toBe(`${page.slice(0, 4_096)}…`);
    });

    test.each([
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const)('a %s answer is asked for, decoded and parsed', async (encoding, compress) => {
      const server = await serve((request, response) => {
        const accepted = String(request.headers['accept-encoding']).includes(encoding);
        const json = Buffer.from(JSON.stringify(roomResponse()));
        response.writeHead(200, { 'content-type': 'application/json', ...(accepted && { 'content-encoding': encoding }) });
        response.end(accepted ? compress(json) : json);
      });
      expect(await client(server.url).fabric.conferenceRooms.get(ROOM_ID)).toEqual(roomResponse());
      // undici on Node 20 asks for gzip and deflate only; the default send asks for all three.
      if (!send) expect(server.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
    });

    test('a 1 MB gzip bomb that inflates to 1 GB stops at the limit, decoded bytes counted', async () => {
      // 64 gzip members of 16 MiB of zeros each: about 1 MB on the wire, 1 GiB decoded.
      const member = gzipSync(Buffer.alloc(16 * MiB));
      const bomb = Buffer.concat(Array.from({ length: 64 }, () => member));
      expect(bomb.length).toBeLessThan(2 * MiB);
      const server = await serve(async (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        await stream(response, bomb, bomb.length);
      });
      const { result: error, growth } = await peakRssGrowth(() =>
        rejectionOf(client(server.url).fabric.conferenceRooms.get(ROOM_ID, { maxResponseBytes: 8 * MiB }), SignalWireResponseTooLargeError),
      );
      expect(error.maxResponseBytes).toBe(8 * MiB);
      expect(growth).toBeLessThan(64 * MiB); // undici alone inflated the whole GiB
    });
  });

  // ---- 5 and 8. Pages the server controls ----

  describe('hostile pages', () => {
    test(`endless empty pages with fresh links stop after ${MAX_EMPTY_PAGES} with a typed error`, async () => {
      const server = await serve((request, response) => {
        const page = Number(new URL(request.url!, 'http://x').searchParams.get('page') ?? 0);
        // The unbounded client requested every one of these and never ran the loop's body.
        const next = page < 20_000 ? `${LIST}?page=${page + 1}` : undefined;
        sendJson(response, 200, { data: [], links: { next } });
      });
      const error = await rejectionOf(
        (async () => {
          for await (const _ of client(server.url).fabric.conferenceRooms.list());
        })(),
        SignalWirePaginationError,
      );
      expect(error.message).toContain(`${MAX_EMPTY_PAGES} empty pages in a row`);
      expect(server.requests).toHaveLength(MAX_EMPTY_PAGES);
    });

    test.each([
      ['data: null', { data: null, links: {} }, '`data` is null'],
      ['data: "abc"', { data: 'abc', links: {} }, '`data` is string'],
      ['a page that is an array', [roomResponse()], 'a page that is an array'],
      ['a page that is null', null, 'a page that is null'],
      ['a null item', { data: [roomResponse(), null], links: {} }, 'item 1 is null'],
      ['links that are a string', { data: [], links: 'next' }, '`links` is not an object'],
      ['links.next that is a number', { data: [], links: { next: 2 } }, '`links.next` is not a string'],
    ])('%s: SignalWireInvalidResponseError naming what is wrong', async (_case, page, problem) => {
      const server = await serve((_request, response) => sendJson(response, 200, page, { 'x-request-id': 'r-8' }));
      const error = await rejectionOf(
        (async () => {
          for await (const _ of client(server.url).fabric.conferenceRooms.list());
        })(),
        SignalWireInvalidResponseError,
      );
      expect(error.message).toContain(problem);
      expect(error).toMatchObject({ status: 200, requestId: 'r-8', url: `${server.url}${LIST}` });
    });
  });

  // ---- 6, 7 and A. Any JSON the server sends gives a bounded, typed error ----

  describe('hostile error bodies', () => {
    const answering = async (status: number, body: string) => {
      const server = await serve((_request, response) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(body);
      });
      return client(server.url);
    };

    test('a 500 body nested 10,000 deep: SignalWireServerError with a bounded preview', async () => {
      const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
      const error = await rejectionOf((await answering(500, deep)).fabric.conferenceRooms.create(CREATE_BODY), SignalWireServerError);
      expect(error.message).toContain('{"a":{"a":');
      expect(error.message.length).toBeLessThan(500);
    });

    test.each([
      ['an attribute {"toString":1}', { errors: [{ message: 'bad', attribute: { toString: 1 } }] }, 'bad'],
      ['items of every type', { errors: [null, 7, 'plain text', { message: { toString: 1 } }, []] }, 'plain text'],
      ['errors that is a string', { errors: 'abc' }, '{"errors":"abc"}'],
      ['error that is an object', { error: { toString: 1 } }, '{"error":{"toString":1}}'],
      ['a body that is an array', [1, 2], '[1,2]'],
      ['a body that is null', null, 'null'],
      ['a body that is a number', 42, '42'],
    ])('a 422 with %s: SignalWireValidationError', async (_case, body, shown) => {
      const error = await rejectionOf(
        (await answering(422, JSON.stringify(body))).fabric.conferenceRooms.create(CREATE_BODY),
        SignalWireValidationError,
      );
      expect(error.message).toContain(shown);
      for (const item of error.errors) expect(typeof item.message).toBe('string');
    });

    test('a 5 MB error string with a forged log line: a bounded message, control characters escaped', async () => {
      const forged = `denied\n2026-11-22T00:00:00Z INFO payment approved\r\u001b[2K${'x'.repeat(5 * MiB)}`;
      const error = await rejectionOf(
        (await answering(403, JSON.stringify({ error: forged }))).fabric.conferenceRooms.create(CREATE_BODY),
        SignalWireApiError,
      );
      expect(error.message.length).toBeLessThan(500);
      expect(error.message).not.toMatch(/[\r\n\u001b]/);
      expect(error.message).toContain('denied 2026-11-22T00:00:00Z INFO payment approved \\u001b[2K');
      expect(error.errors[0]!.message).toBe(forged); // the full text stays on the item
    });

    test('100,000 validation items: a bounded message, every item on error.errors', async () => {
      const items = Array.from({ length: 100_000 }, (_, i) => ({ code: 'invalid', message: `field ${i} is bad`, attribute: `f${i}` }));
      const error = await rejectionOf(
        (await answering(422, JSON.stringify({ errors: items }))).fabric.conferenceRooms.create(CREATE_BODY),
        SignalWireValidationError,
      );
      expect(error.message.length).toBeLessThan(500);
      expect(error.message).toMatch(/f0: field 0 is bad; .*\(and \d+ more in error\.errors\)/);
      expect(error.errors).toHaveLength(100_000);
    });

    test.each([
      [401, { error: 'Unauthorized' }, [{ message: 'Unauthorized' }]],
      [
        422,
        { errors: [{ type: 'validation_error', code: 'missing_required_parameter', message: 'name is required', attribute: 'name', url: 'https://signalwire.com/docs/apis/error-codes' }] },
        [{ type: 'validation_error', code: 'missing_required_parameter', message: 'name is required', attribute: 'name', url: 'https://signalwire.com/docs/apis/error-codes' }],
      ],
      [
        422,
        { errors: [{ type: 'validation_error', code: 'invalid', message: 'is wrong', attribute: null, url: 'https://signalwire.com/docs' }] },
        [{ type: 'validation_error', code: 'invalid', message: 'is wrong', url: 'https://signalwire.com/docs' }],
      ],
      [
        422,
        { errors: [{ detail: 'Address could not be validated', status: '422', title: 'Invalid Address', code: 'E911_1', candidates: [{ street: '1 Main St' }] }] },
        [{ message: 'Address could not be validated', status: '422', title: 'Invalid Address', code: 'E911_1' }],
      ],
    ])('the %i shape %j gives items in one shape, the raw item kept', async (status, body, expected) => {
      const error = await rejectionOf((await answering(status, JSON.stringify(body))).fabric.conferenceRooms.create(CREATE_BODY), SignalWireApiError);
      const rawItems = 'errors' in body ? body.errors : [body];
      expect(error.errors).toEqual(expected.map((item, i) => ({ ...item, raw: rawItems[i] })));
      expect(error.message).toContain(expected[0]!.message);
    });
  });

  // ---- 9 and 10 ----

  test('an unrequested 101 answer fails at once with a connection error, not a timeout', async () => {
    const url = await serveRaw((socket) =>
      socket.once('data', () => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')),
    );
    const error = await rejectionOf(client(url, { timeoutMs: 10_000 }).fabric.conferenceRooms.get(ROOM_ID), SignalWireConnectionError);
    expect(error).not.toBeInstanceOf(SignalWireTimeoutError);
    expect(error.attempts).toBe(1);
  });

  test('client.api answers keep their URL', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, roomResponse()));
    const { response } = await client(server.url).api.GET('/api/fabric/resources/conference_rooms/{id}', {
      params: { path: { id: ROOM_ID } },
    });
    expect(response.url).toBe(`${server.url}${LIST}/${ROOM_ID}`);
  });

  // ---- 11. Headers are checked before anything is sent ----

  describe('per-call headers', () => {
    test.each([
      ['X-Trace', 'a\u0001b', 'Invalid value of header "X-Trace"'],
      ['X-Trace', 'a\r\nInjected: 1', 'Invalid value of header "X-Trace"'],
      ['X-Trace', 'price €5', 'Invalid value of header "X-Trace"'],
      ['Bad Name', 'x', 'Invalid header name "Bad Name"'],
      ['Host', 'evil.example', 'Header "Host" cannot be set'],
      ['Content-Length', '5', 'Header "Content-Length" cannot be set'],
      ['Transfer-Encoding', 'chunked', 'Header "Transfer-Encoding" cannot be set'],
      ['Connection', 'close', 'Header "Connection" cannot be set'],
      ['Authorization', 'Basic eDp5', 'Header "Authorization" cannot be set'],
      ['Keep-Alive', 'timeout=5', 'Header "Keep-Alive" cannot be set'],
    ])('%s: %j is refused, nothing sent, nothing retried', async (name, value, message) => {
      const server = await serve((_request, response) => sendJson(response, 201, roomResponse()));
      const rooms = client(server.url, { maxRetries: 2 }).fabric.conferenceRooms;
      for (const pending of [rooms.create(CREATE_BODY, { headers: { [name]: value } }), rooms.get(ROOM_ID, { headers: { [name]: value } })]) {
        const error = await rejectionOf(pending, SignalWireError);
        expect(error).not.toBeInstanceOf(SignalWireRequestError);
        expect(error.message).toContain(message);
        if (value.length > 4) expect(error.message).not.toContain(value.slice(-4)); // a value may be a secret: never shown
      }
      expect(server.requests).toHaveLength(0);
    });

    test('a control character set through client.api or a middleware is refused before sending too', async () => {
      const server = await serve((_request, response) => sendJson(response, 200, roomResponse()));
      const api = client(server.url).api;
      const call = api.GET('/api/fabric/resources/conference_rooms/{id}', {
        params: { path: { id: ROOM_ID } },
        headers: { 'X-Trace': 'a\u0001b' },
      });
      expect((await rejectionOf(call, SignalWireError)).message).toContain('"x-trace"');
      expect(server.requests).toHaveLength(0);
    });
  });

  // ---- 13. A host that does not exist ----

  test('a host that cannot be resolved is named, with the hint about `space`, and not retried', async () => {
    const error = await rejectionOf(
      client('http://no-such-space.invalid', { maxRetries: 2 }).fabric.conferenceRooms.get(ROOM_ID),
      SignalWireConnectionError,
    );
    expect(error.message).toContain('could not resolve the host no-such-space.invalid (DNS ENOTFOUND)');
    expect(error.message).toContain('`space`');
    expect(error.attempts).toBe(1);
  });

  // ---- 14. Keep-alive sockets the server closed ----

  describe('kept-alive sockets closed by the server', () => {
    /** A room, then the connection closed right behind it, without Connection: close. */
    const answerThenClose = (status: number): Handler => (_request, response) => {
      const text = JSON.stringify(roomResponse());
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      response.end(text);
      response.socket?.end(); // FIN right behind the answer
    };

    test('200 back-to-back creates, each answered then closed without Connection: close: 0 failures, 0 duplicates', async () => {
      const server = await serve(answerThenClose(201));
      const rooms = client(server.url).fabric.conferenceRooms;
      let failures = 0;
      for (let i = 0; i < 200; i++) await rooms.create(CREATE_BODY).catch(() => failures++);
      expect(failures).toBe(0);
      expect(server.requests).toHaveLength(200);
    });

    test('200 back-to-back gets against the same server: 0 failures, each sent once', async () => {
      const server = await serve(answerThenClose(200));
      const rooms = client(server.url, { maxRetries: 0 }).fabric.conferenceRooms;
      let failures = 0;
      for (let i = 0; i < 200; i++) await rooms.get(ROOM_ID).catch(() => failures++);
      expect(failures).toBe(0);
      expect(server.requests).toHaveLength(200);
    });

    // A server that keeps its sockets open earns the client's trust (requests are then written at
    // once); when it starts closing them behind its answers, one request at most runs into that.
    const keepsOpenThenCloses = (status: number, keptOpen: number): Handler => {
      const close = answerThenClose(status);
      return (request, response, index) => (index < keptOpen ? sendJson(response, status, roomResponse()) : close(request, response, index));
    };

    test('creates against a server that stops keeping sockets open: at most one fails (typed), none is sent twice', async () => {
      const server = await serve(keepsOpenThenCloses(201, 20));
      const rooms = client(server.url, { maxRetries: 0 }).fabric.conferenceRooms;
      const failures: unknown[] = [];
      for (let i = 0; i < 100; i++) await rooms.create(CREATE_BODY).catch((error: unknown) => failures.push(error));
      expect(failures.length).toBeLessThanOrEqual(1);
      for (const failure of failures) expect(failure).toBeInstanceOf(SignalWireConnectionError);
      expect(server.requests.length).toBeLessThanOrEqual(100);
      expect(server.requests.length).toBeGreaterThanOrEqual(100 - failures.length);
    });

    test('gets against a server that stops keeping sockets open: none fails without retries, at most one is sent twice', async () => {
      const server = await serve(keepsOpenThenCloses(200, 20));
      const rooms = client(server.url, { maxRetries: 0 }).fabric.conferenceRooms;
      let failures = 0;
      for (let i = 0; i < 100; i++) await rooms.get(ROOM_ID).catch(() => failures++);
      expect(failures).toBe(0);
      expect(server.requests.length).toBeGreaterThanOrEqual(100);
      expect(server.requests.length).toBeLessThanOrEqual(101);
    });

    test('a create that reached the server on a reused socket is never sent twice', async () => {
      const server = await serve((request, response) => {
        if (request.method === 'GET') return sendJson(response, 200, roomResponse()); // leaves a socket to reuse
        request.socket.destroy(); // received, then the connection dies before any answer
      });
      const rooms = client(server.url, { maxRetries: 2 }).fabric.conferenceRooms;
      await rooms.get(ROOM_ID);
      await rejectionOf(rooms.create(CREATE_BODY), SignalWireConnectionError);
      expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    });
  });

  // ---- C. User-Agent and default headers ----

  test('sends the User-Agent and the default headers; a call\'s own headers win', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, roomResponse()));
    const rooms = client(server.url, { defaultHeaders: { 'X-Team': 'video', 'X-Trace': 'default' } }).fabric.conferenceRooms;
    await rooms.get(ROOM_ID, { headers: { 'X-Trace': 'call' } });
    expect(server.requests[0]!.headers).toMatchObject({
      'user-agent': `signalwire-rest/0.1.0 node/${process.versions.node}`,
      'x-team': 'video',
      'x-trace': 'call',
    });
  });
});

// ---- 1. No configuration error shows user info, whatever else is wrong ----

describe('configuration errors never show user info', () => {
  const SECRET = API_TOKEN;
  const malformed = [
    `http://${PROJECT_ID}:${SECRET}@127.0.0.1:99999`,
    `http://${PROJECT_ID}:${SECRET}@exa mple.com`,
    `ftp://${PROJECT_ID}:${SECRET}@example.com`,
    `file://${PROJECT_ID}:${SECRET}@example.com/x`,
    `ws://${PROJECT_ID}:${SECRET}@example.com`,
    `http://${PROJECT_ID}:${SECRET}@example.com/?q=1`,
    `http://${PROJECT_ID}:${SECRET}@example.com/#top`,
    `http://${PROJECT_ID}:${SECRET}@[::1`,
    `http://${PROJECT_ID}:${SECRET}@@example.com`,
    `http://${PROJECT_ID}:${SECRET}@`,
    `http://:${SECRET}@example.com`,
    `http://${SECRET}@example.com`,
    `${PROJECT_ID}:${SECRET}@example.com`,
    `//${PROJECT_ID}:${SECRET}@example.com`,
    `http://${PROJECT_ID}:${SECRET}@example.com:port`,
    `http://${PROJECT_ID}:${SECRET}@exa\nmple.com`,
    `https://${PROJECT_ID}:${SECRET}@example.com`, // valid, but with user info
  ];
  const spaces = [`${PROJECT_ID}:${SECRET}@example`, `https://${PROJECT_ID}:${SECRET}@example.signalwire.com`];

  test.each([
    ...malformed.map((value) => ['baseUrl', 'SIGNALWIRE_BASE_URL', value] as const),
    ...spaces.map((value) => ['space', 'SIGNALWIRE_SPACE', value] as const),
  ])('%s %j, as the option and as its variable', (option, variable, value) => {
    for (const error of [
      thrownBy(() => createSignalWireClient({ ...credentials, [option]: value })),
      (vi.stubEnv(variable, value), thrownBy(() => createSignalWireClient({ ...credentials }))),
    ]) {
      expect(error).toBeInstanceOf(SignalWireError);
      expect((error as Error).message).toContain(`Invalid ${option}`);
      expectNoSecret(error, [SECRET]);
    }
  });
});

// ---- 12. Numeric options are refused outside what they can mean ----

describe('numeric options', () => {
  test.each([
    { timeoutMs: 2 ** 31 },
    { timeoutMs: Infinity },
    { timeoutMs: 0 },
    { maxRetries: 101 },
    { maxRetries: Number.NaN },
    { maxResponseBytes: 0 },
    { maxResponseBytes: 2 ** 29 },
    { maxResponseBytes: 1.5 },
  ])('%j is refused per client and per call, naming the option and its range', async (option) => {
    const [name] = Object.keys(option);
    const error = thrownBy(() => createSignalWireClient({ baseUrl: 'http://127.0.0.1:1', ...credentials, ...option }));
    expect(error).toBeInstanceOf(SignalWireError);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid ${name} .* from \\d+ to \\d+\\.$`));
    const server = await serve((_request, response) => sendJson(response, 200, roomResponse()));
    const rooms = createSignalWireClient({ baseUrl: server.url, ...credentials }).fabric.conferenceRooms;
    expect((await rejectionOf(rooms.get(ROOM_ID, option), SignalWireError)).message).toContain(`Invalid ${name}`);
    expect(server.requests).toHaveLength(0);
  });

  test('the largest timeoutMs still waits instead of firing at once', async () => {
    const server = await serve((_request, response) => {
      setTimeout(() => sendJson(response, 200, roomResponse()), 50);
    });
    const rooms = createSignalWireClient({ baseUrl: server.url, ...credentials, timeoutMs: 2 ** 31 - 1 }).fabric.conferenceRooms;
    expect(await rooms.get(ROOM_ID)).toEqual(roomResponse());
  });
});

// ---- C and D. Defaults checked at creation; code wins over the environment ----

describe('client-wide settings', () => {
  test.each(['space', 'baseUrl', 'projectId', 'apiToken'])('a %s that is not a string is refused by name', (option) => {
    const error = thrownBy(() => createSignalWireClient({ space: 'example', ...credentials, [option]: 42 }));
    expect(error).toBeInstanceOf(SignalWireError);
    expect((error as Error).message).toBe(`Invalid ${option}: it must be a string, not number.`);
  });

  test('a User-Agent in defaultHeaders replaces the client\'s, whatever its case', async () => {
    const server = await serve((_request, response) => sendJson(response, 200, roomResponse()));
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials, defaultHeaders: { 'USER-AGENT': 'my-app/2.0' } });
    await client.fabric.conferenceRooms.get(ROOM_ID);
    expect(server.requests[0]!.headers['user-agent']).toBe('my-app/2.0');
  });

  test('invalid defaultHeaders are refused when the client is created', () => {
    expect(() => createSignalWireClient({ space: 'example', ...credentials, defaultHeaders: { Host: 'x' } })).toThrow(
      'Header "Host" cannot be set in `defaultHeaders`',
    );
    expect(() => createSignalWireClient({ space: 'example', ...credentials, defaultHeaders: { 'X-A': 'a\nb' } })).toThrow(SignalWireError);
  });

  test('a space given in code wins over SIGNALWIRE_BASE_URL in the environment, even a broken one', () => {
    vi.stubEnv('SIGNALWIRE_BASE_URL', 'http://127.0.0.1:99999');
    expect(createSignalWireClient({ space: 'example', ...credentials }).baseUrl).toBe('https://example.signalwire.com');
    vi.stubEnv('SIGNALWIRE_BASE_URL', 'http://127.0.0.1:4010');
    expect(createSignalWireClient({ space: 'example', ...credentials }).baseUrl).toBe('https://example.signalwire.com');
    expect(createSignalWireClient({ ...credentials }).baseUrl).toBe('http://127.0.0.1:4010');
  });
});

// ---- 5. The loop guard holds flat memory however many pages ----

// 10,000 pages (the issue saw 20,000) keep make test quick; 2 KB links show the same growth per page.
test('10,000 pages with fresh, long next links: heap stays flat', async () => {
  const cursor = 'c'.repeat(2_000);
  const server = await serve((request, response) => {
    const page = Number(new URL(request.url!, 'http://x').searchParams.get('page') ?? 0);
    const next = page < 9_999 ? `${LIST}?page=${page + 1}&cursor=${cursor}` : undefined;
    sendJson(response, 200, { data: [{ id: page }], links: { next } });
  });
  server.requests.length = 0;
  const rooms = createSignalWireClient({ baseUrl: server.url, ...credentials }).fabric.conferenceRooms;
  let items = 0;
  const heap: number[] = [];
  for await (const _ of rooms.list()) {
    if (++items === 1_000 || items === 10_000) heap.push(retainedHeap());
    if (items % 1_000 === 0) server.requests.length = 0; // the test server's own record must not grow either
  }
  expect(items).toBe(10_000);
  // The guard that kept every link grew by about 40 MB over these 9,000 pages.
  expect(heap[1]! - heap[0]!).toBeLessThan(4 * MiB);
});
