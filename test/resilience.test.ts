// Issue 4: attempts, timeouts, retries and aborts, against real sockets on 127.0.0.1. Each case checks
// the typed outcome AND how many attempts were made (as the server saw them, and on the error).
// Most cases use fakeClockClient(), wired like createSignalWireClient() but whose backoff sleeps
// resolve at once and are recorded; a few go through the public client and its real clock.
import type { ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  createSignalWireClient,
  SignalWireAbortError,
  SignalWireApiError,
  SignalWireConnectionError,
  SignalWireError,
  SignalWireInvalidResponseError,
  SignalWireNotFoundError,
  SignalWireRateLimitError,
  SignalWireServerError,
  SignalWireTimeoutError,
  type SignalWireClientOptions,
} from '../src/index.js';
import {
  backoffDelay,
  failureKind,
  isRetryableFailure,
  isRetryableStatus,
  retryAfterDelay,
} from '../src/retry-policy.js';
import { DEFAULT_RETRY_OPTIONS } from '../src/transport.js';
import { expectNothingLeft, fakeClockClient, openHandles, trackTimers } from './support/fake-clock.js';
import { API_TOKEN, credentials, PROJECT_ID, ROOM_ID, roomResponse } from './support/fixtures.js';
import { type Handler, type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

const ROOM_PATH = `/api/fabric/resources/conference_rooms/${ROOM_ID}`;
const ROOM_JSON = JSON.stringify(roomResponse());
const CREATE_BODY = { name: 'coffee_cafe', enable_room_previews: true };
const UPDATE_BODY = { display_name: 'Tea Room', enable_room_previews: true, sync_audio_video: true };

// ---- per-test plumbing: one server per test, closed afterwards; no leaked handle or rejection ----

let server: LocalServer | undefined;
let currentSend: typeof fetch | undefined; // undefined: the client's default
let baseline: ReturnType<typeof openHandles>;
let timers: ReturnType<typeof trackTimers>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
  baseline = openHandles();
  timers = trackTimers();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  // Let a stray rejection surface before judging.
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.off('unhandledRejection', onUnhandled);
  await expectNothingLeft(baseline, timers, unhandled);
});

async function serve(handler: Handler): Promise<LocalServer> {
  server = await startLocalServer(handler);
  return server;
}

/** A client on the fake clock, pointed at the current test's server. */
function fastClient(options: SignalWireClientOptions = {}) {
  return fakeClockClient({ baseUrl: server!.url, ...credentials, fetch: currentSend, ...options });
}

/** The error a call rejects with; fails the test when it resolves. */
async function failure(pending: Promise<unknown>): Promise<Error> {
  try {
    await pending;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it resolved');
}

/** Headers announcing `text`, then only its first half, then the socket is destroyed. */
function cutOff(response: ServerResponse, text: string, chunked = false) {
  response.writeHead(200, {
    'content-type': 'application/json',
    ...(chunked ? {} : { 'content-length': Buffer.byteLength(text) }),
  });
  response.write(text.slice(0, text.length / 2), () => response.socket?.destroy());
}

/** The URL of a loopback port nothing listens on: bound, then closed. */
async function closedPortUrl(): Promise<string> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const never = () => new Promise<void>(() => {}); // a handler that never answers

// Every network case runs over both ways an attempt can be sent: the client's default send, and
// the runtime's fetch (what a caller passing `fetch: globalThis.fetch` gets). Their failure
// semantics (refused, reset mid-body, abort while reading) must be the same.
const SENDS: [string, typeof fetch | undefined][] = [
  ['default send', undefined],
  ['global fetch', globalThis.fetch],
];

describe.each(SENDS)('%s', (_name, send) => {
  beforeEach(() => {
    currentSend = send;
  });

  // ---- connection failures ----

  describe('connection refused', () => {
    // No server ever sees these attempts, so the count comes from the error and the recorded sleeps.
    test('GET is retried maxRetries+1 times, then throws SignalWireConnectionError', async () => {
      const { conferenceRooms, clock } = fakeClockClient({ baseUrl: await closedPortUrl(), ...credentials, fetch: currentSend });
      const error = await failure(conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireConnectionError);
      expect(error).not.toBeInstanceOf(SignalWireTimeoutError);
      expect(error).toMatchObject({ method: 'GET', attempts: 3 });
      expect(error.message).toMatch(/connection refused after 3 attempts$/);
      expect(clock.sleeps).toHaveLength(2);
    });

    test('POST is retried too: nothing was sent, so no duplicate can result', async () => {
      const { conferenceRooms, clock } = fakeClockClient({ baseUrl: await closedPortUrl(), ...credentials, fetch: currentSend });
      const error = await failure(conferenceRooms.create(CREATE_BODY));
      expect(error).toBeInstanceOf(SignalWireConnectionError);
      expect(error).toMatchObject({ method: 'POST', attempts: 3 });
      expect(error.message).toContain('connection refused after 3 attempts');
      expect(clock.sleeps).toHaveLength(2);
    });
  });

  describe('connection reset before the headers', () => {
    test('GET is retried, and throws SignalWireConnectionError once retries are spent', async () => {
      const local = await serve((request) => void request.socket.destroy());
      const error = await failure(fastClient().conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireConnectionError);
      expect(error).not.toBeInstanceOf(SignalWireTimeoutError);
      expect(error).toMatchObject({ attempts: 3 });
      expect(error.message).toMatch(/connection failed after 3 attempts$/);
      expect(local.requests).toHaveLength(3);
    });

    test('GET succeeds when a later attempt gets an answer', async () => {
      const local = await serve((request, response, index) =>
        index === 0 ? void request.socket.destroy() : sendJson(response, 200, roomResponse()),
      );
      await expect(fastClient().conferenceRooms.get(ROOM_ID)).resolves.toEqual(roomResponse());
      expect(local.requests).toHaveLength(2);
    });

    test('POST is not retried: the server may have acted on it', async () => {
      const local = await serve((request) => void request.socket.destroy());
      const error = await failure(fastClient().conferenceRooms.create(CREATE_BODY));
      expect(error).toBeInstanceOf(SignalWireConnectionError);
      expect(error).toMatchObject({ method: 'POST', attempts: 1 });
      expect(error.message).not.toContain('attempts');
      expect(local.requests).toHaveLength(1);
    });
  });

  describe('connection reset in the middle of the body', () => {
    // The transport reads the body inside the attempt, so a cut-off body is a failed attempt.
    test('GET with content-length is retried and succeeds on the next attempt', async () => {
      const local = await serve((_request, response, index) =>
        index === 0 ? cutOff(response, ROOM_JSON) : sendJson(response, 200, roomResponse()),
      );
      const { conferenceRooms, clock } = fastClient();
      await expect(conferenceRooms.get(ROOM_ID)).resolves.toEqual(roomResponse());
      expect(local.requests).toHaveLength(2);
      expect(clock.sleeps).toHaveLength(1);
    });

    test('GET with a chunked body is retried as well', async () => {
      const local = await serve((_request, response, index) =>
        index === 0 ? cutOff(response, ROOM_JSON, true) : sendJson(response, 200, roomResponse()),
      );
      await expect(fastClient().conferenceRooms.get(ROOM_ID)).resolves.toEqual(roomResponse());
      expect(local.requests).toHaveLength(2);
    });

    test('GET cut off every time throws SignalWireConnectionError after maxRetries+1 attempts', async () => {
      const local = await serve((_request, response) => cutOff(response, ROOM_JSON));
      const error = await failure(fastClient({ maxRetries: 1 }).conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireConnectionError);
      expect(error).toMatchObject({ attempts: 2 });
      expect(local.requests).toHaveLength(2);
    });

    test('POST is not retried', async () => {
      const local = await serve((_request, response) => cutOff(response, ROOM_JSON));
      const error = await failure(fastClient().conferenceRooms.create(CREATE_BODY));
      expect(error).toBeInstanceOf(SignalWireConnectionError);
      expect(error).toMatchObject({ method: 'POST', attempts: 1 });
      expect(local.requests).toHaveLength(1);
    });
  });

  // ---- timeouts ----

  describe('timeouts', () => {
    test('headers that never come: SignalWireTimeoutError after every attempt timed out', async () => {
      const local = await serve(never);
      const error = await failure(fastClient({ timeoutMs: 150, maxRetries: 1 }).conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireTimeoutError);
      expect(error).toBeInstanceOf(SignalWireError);
      expect(error).toMatchObject({ attempts: 2 });
      expect(error.message).toMatch(/timed out after 150ms after 2 attempts$/);
      expect(local.requests).toHaveLength(2);
    });

    test('a body that stalls after the headers times out too (the limit covers the body)', async () => {
      const local = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ROOM_JSON) });
        response.write(ROOM_JSON.slice(0, 10)); // and nothing more
      });
      const error = await failure(fastClient({ timeoutMs: 150 }).conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireTimeoutError);
      expect(error).toMatchObject({ attempts: 3 });
      expect(local.requests).toHaveLength(3);
    });

    test('a POST that times out is not retried', async () => {
      const local = await serve(never);
      const error = await failure(fastClient({ timeoutMs: 150 }).conferenceRooms.create(CREATE_BODY));
      expect(error).toBeInstanceOf(SignalWireTimeoutError);
      expect(error).toMatchObject({ method: 'POST', attempts: 1 });
      expect(local.requests).toHaveLength(1);
    });

    test('the per-call timeoutMs overrides the client-wide one', async () => {
      const local = await serve(never);
      const { conferenceRooms } = fastClient({ timeoutMs: 30_000 });
      const error = await failure(conferenceRooms.get(ROOM_ID, { timeoutMs: 100, maxRetries: 0 }));
      expect(error).toBeInstanceOf(SignalWireTimeoutError);
      expect(error.message).toContain('timed out after 100ms');
      expect(local.requests).toHaveLength(1);
    });
  });

  // ---- statuses ----

  describe('which statuses are retried', () => {
    const RETRYABLE = [408, 429, 500, 502, 503, 504];

    // An idempotent call is retried on every retryable status; each attempt carries the same body.
    describe.each([
      ['GET', (c: ReturnType<typeof fastClient>) => c.conferenceRooms.get(ROOM_ID)],
      ['PUT', (c: ReturnType<typeof fastClient>) => c.conferenceRooms.update(ROOM_ID, UPDATE_BODY)],
      ['DELETE', (c: ReturnType<typeof fastClient>) => c.conferenceRooms.delete(ROOM_ID)],
    ] as const)('%s', (method, call) => {
      test.each(RETRYABLE)('is retried after %i and then succeeds', async (status) => {
        const local = await serve((_request, response, index) => {
          if (index === 0) return sendJson(response, status, { error: 'try again' });
          if (method === 'DELETE') return void response.writeHead(204).end();
          sendJson(response, 200, roomResponse());
        });
        await call(fastClient());
        expect(local.requests.map((r) => r.method)).toEqual([method, method]);
        // Each attempt sent a complete copy of the body (a Request body can be read only once).
        expect(local.requests[1]!.body).toBe(local.requests[0]!.body);
        if (method === 'PUT') expect(JSON.parse(local.requests[1]!.body)).toEqual(UPDATE_BODY);
      });
    });

    test.each([400, 401, 403, 404, 409, 422, 501, 505])('GET is not retried after %i', async (status) => {
      const local = await serve((_request, response) => sendJson(response, status, { error: 'no' }));
      const error = await failure(fastClient().conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireApiError);
      expect(error).toMatchObject({ status, attempts: 1 });
      expect(local.requests).toHaveLength(1);
    });

    test('a 404 is a SignalWireNotFoundError, one attempt', async () => {
      const local = await serve((_request, response) => sendJson(response, 404, { error: 'Not Found' }));
      const error = await failure(fastClient().conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireNotFoundError);
      expect(local.requests).toHaveLength(1);
    });

    test.each([429, 503])('POST is retried after %i (the server did not act on it)', async (status) => {
      const local = await serve((_request, response, index) =>
        index === 0 ? sendJson(response, status, { error: 'busy' }) : sendJson(response, 200, roomResponse()),
      );
      await expect(fastClient().conferenceRooms.create(CREATE_BODY)).resolves.toEqual(roomResponse());
      expect(local.requests).toHaveLength(2);
      expect(JSON.parse(local.requests[1]!.body)).toEqual(CREATE_BODY);
    });

    test.each([408, 500, 502, 504])('POST answered %i is not retried: one attempt only', async (status) => {
      const local = await serve((_request, response) => sendJson(response, status, { error: 'Internal Server Error' }));
      const error = await failure(fastClient().conferenceRooms.create(CREATE_BODY));
      expect(error).toBeInstanceOf(SignalWireApiError);
      expect(error).toMatchObject({ status, method: 'POST', attempts: 1 });
      if (status >= 500) expect(error).toBeInstanceOf(SignalWireServerError);
      expect(error.message).toContain(`failed with ${status}: Internal Server Error`);
      expect(local.requests).toHaveLength(1);
    });

    test('503 three times with maxRetries 2: the last answer is thrown after 3 attempts', async () => {
      const local = await serve((_request, response, index) =>
        sendJson(response, 503, { error: `unavailable #${index + 1}` }, { 'x-request-id': `req-${index + 1}` }),
      );
      const { conferenceRooms, clock } = fastClient({ maxRetries: 2 });
      const error = await failure(conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireServerError);
      expect(error).toMatchObject({ status: 503, attempts: 3, requestId: 'req-3', body: { error: 'unavailable #3' } });
      expect(error.message).toContain('failed with 503 after 3 attempts: unavailable #3 (request id req-3)');
      expect(local.requests).toHaveLength(3);
      // Exponential backoff with at most 25% jitter: ~0.5 s, then ~1 s.
      expect(clock.sleeps).toHaveLength(2);
      expect(clock.sleeps[0]).toBeGreaterThanOrEqual(375);
      expect(clock.sleeps[0]).toBeLessThanOrEqual(500);
      expect(clock.sleeps[1]).toBeGreaterThanOrEqual(750);
      expect(clock.sleeps[1]).toBeLessThanOrEqual(1000);
    });

    test('the public client retries twice by default (real clock)', async () => {
      const local = await serve((_request, response) => sendJson(response, 503, { error: 'unavailable' }));
      const client = createSignalWireClient({ baseUrl: local.url, ...credentials, fetch: currentSend });
      const error = await failure(client.fabric.conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireServerError);
      expect(error).toMatchObject({ status: 503, attempts: 3 });
      expect(local.requests).toHaveLength(3);
      expect(DEFAULT_RETRY_OPTIONS).toEqual({ maxRetries: 2, timeoutMs: 30_000, maxResponseBytes: 64 * 1024 * 1024 });
    });

    test('a 429 that persists becomes a SignalWireRateLimitError', async () => {
      const local = await serve((_request, response) => sendJson(response, 429, { error: 'slow down' }));
      const error = await failure(fastClient({ maxRetries: 1 }).conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireRateLimitError);
      expect(error).toMatchObject({ status: 429, attempts: 2 });
      expect(local.requests).toHaveLength(2);
    });
  });

  // ---- bodies that are not what they claim ----

  describe('bodies', () => {
    test('an HTML 502 page: SignalWireServerError with a short excerpt of the page', async () => {
      const page =
        '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n' +
        `<!-- ${'padding '.repeat(200)} -->\nEND-OF-PAGE\n</body>\n</html>\n`;
      const local = await serve((_request, response) => {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end(page);
      });
      const error = await failure(fastClient().conferenceRooms.get(ROOM_ID, { maxRetries: 0 }));
      expect(error).toBeInstanceOf(SignalWireServerError);
      expect(error).toMatchObject({ status: 502, attempts: 1, body: page });
      expect(error.message).toContain('failed with 502: <html> <head><title>502 Bad Gateway</title>');
      expect(error.message).not.toContain('END-OF-PAGE'); // an excerpt, not the page
      expect(error.message).not.toContain('\n');
      expect(error.message.length).toBeLessThan(400);
      expect(local.requests).toHaveLength(1);
    });

    test('invalid JSON in a 200: SignalWireInvalidResponseError, not retried', async () => {
      const local = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-7' });
        response.end('<html>maintenance</html>');
      });
      const error = await failure(fastClient().conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireInvalidResponseError);
      expect(error.message).toContain('answered 200 with a body that is not valid JSON: "<html>maintenance</html>"');
      expect(error.message).toContain('(request id req-7)');
      expect(error.cause).toBeInstanceOf(SyntaxError);
      expect(local.requests).toHaveLength(1);
    });

    test('a truncated JSON body (complete HTTP message): SignalWireInvalidResponseError', async () => {
      const truncated = ROOM_JSON.slice(0, 40);
      const local = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(truncated) });
        response.end(truncated);
      });
      const error = await failure(fastClient().conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireInvalidResponseError);
      expect(error.message).toContain(JSON.stringify(truncated));
      expect(local.requests).toHaveLength(1);
    });

    test('invalid JSON after a retried 503 is reported for the last answer', async () => {
      const local = await serve((_request, response, index) => {
        if (index === 0) return sendJson(response, 503, { error: 'unavailable' });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('not json');
      });
      const error = await failure(fastClient().conferenceRooms.get(ROOM_ID));
      expect(error).toBeInstanceOf(SignalWireInvalidResponseError);
      expect(error.message).toContain('answered 200');
      expect(error).toMatchObject({ status: 200, body: 'not json', attempts: 2, method: 'GET' });
      expect(local.requests).toHaveLength(2);
    });
  });

  // ---- Retry-After ----

  describe('Retry-After', () => {
    test('429 with Retry-After: 1 then 200: the transport waits exactly 1 s', async () => {
      const local = await serve((_request, response, index) =>
        index === 0
          ? sendJson(response, 429, { error: 'slow down' }, { 'retry-after': '1' })
          : sendJson(response, 200, roomResponse()),
      );
      const { conferenceRooms, clock } = fastClient();
      await expect(conferenceRooms.get(ROOM_ID)).resolves.toEqual(roomResponse());
      expect(clock.sleeps).toEqual([1000]);
      expect(local.requests).toHaveLength(2);
    });

    test('the public client really waits about 1 s before the next attempt (real clock)', async () => {
      const arrivals: number[] = [];
      const local = await serve((_request, response, index) => {
        arrivals.push(performance.now());
        if (index === 0) return sendJson(response, 429, { error: 'slow down' }, { 'retry-after': '1' });
        sendJson(response, 200, roomResponse());
      });
      const client = createSignalWireClient({ baseUrl: local.url, ...credentials, fetch: currentSend });
      await expect(client.fabric.conferenceRooms.get(ROOM_ID)).resolves.toEqual(roomResponse());
      expect(local.requests).toHaveLength(2);
      // The default first backoff is at most 0.5 s, so ≥ 0.95 s shows Retry-After was used.
      expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
    });

    test('Retry-After as an HTTP date is honoured', async () => {
      const local = await serve((_request, response, index) =>
        index === 0
          ? sendJson(response, 503, {}, { 'retry-after': new Date(Date.now() + 5_000).toUTCString() })
          : sendJson(response, 200, roomResponse()),
      );
      const { conferenceRooms, clock } = fastClient();
      await conferenceRooms.get(ROOM_ID);
      expect(local.requests).toHaveLength(2);
      // An HTTP date has whole seconds, so the wait is a little under 5 s (well above any 1st backoff).
      expect(clock.sleeps).toHaveLength(1);
      expect(clock.sleeps[0]).toBeGreaterThan(3_000);
      expect(clock.sleeps[0]).toBeLessThanOrEqual(5_000);
    });

    test.each(['3600', '61', 'soon', '-1', 'Thu, 01 Jan 1970 00:00:00 GMT'])(
      'Retry-After %j (out of range or malformed) falls back to the default backoff',
      async (header) => {
        const local = await serve((_request, response, index) =>
          index === 0
            ? sendJson(response, 429, {}, { 'retry-after': header })
            : sendJson(response, 200, roomResponse()),
        );
        const { conferenceRooms, clock } = fastClient();
        await conferenceRooms.get(ROOM_ID);
        expect(local.requests).toHaveLength(2);
        expect(clock.sleeps).toHaveLength(1);
        expect(clock.sleeps[0]).toBeGreaterThanOrEqual(375);
        expect(clock.sleeps[0]).toBeLessThanOrEqual(500);
      },
    );
  });

  // ---- the caller's signal ----

  describe('aborts', () => {
    test('an abort during a backoff sleep rejects at once, with no further attempt (real clock)', async () => {
      // Retry-After: 30 makes the client sleep 30 s; the abort must cut that short.
      let firstArrival!: () => void;
      const arrived = new Promise<void>((resolve) => (firstArrival = resolve));
      const local = await serve((_request, response) => {
        sendJson(response, 503, { error: 'unavailable' }, { 'retry-after': '30' });
        firstArrival();
      });
      const client = createSignalWireClient({ baseUrl: local.url, ...credentials, fetch: currentSend });
      const controller = new AbortController();
      const pending = failure(client.fabric.conferenceRooms.get(ROOM_ID, { signal: controller.signal }));
      await arrived;
      await new Promise((resolve) => setTimeout(resolve, 50)); // now in the backoff sleep
      const reason = new Error('user navigated away');
      const abortedAt = performance.now();
      controller.abort(reason);
      const error = await pending;
      expect(performance.now() - abortedAt).toBeLessThan(5_000); // not the 30 s sleep
      expect(error).toBeInstanceOf(SignalWireAbortError);
      expect(error).toMatchObject({ attempts: 1 });
      expect(error.cause).toBe(reason);
      expect(error.message).toBe(`GET ${local.url}${ROOM_PATH} was aborted`);
      expect(local.requests).toHaveLength(1);
    });

    test('an abort during a fake-clock backoff sleep is never retried', async () => {
      const local = await serve((_request, response) => sendJson(response, 503, {}));
      const controller = new AbortController();
      const { conferenceRooms } = fakeClockClient({ baseUrl: local.url, ...credentials, fetch: currentSend }, {
        sleeps: [],
        now: () => performance.now(),
        // The caller aborts while the transport sleeps.
        sleep: (_ms, signal) => {
          controller.abort();
          return Promise.reject(signal!.reason);
        },
      });
      const error = await failure(conferenceRooms.get(ROOM_ID, { signal: controller.signal }));
      expect(error).toBeInstanceOf(SignalWireAbortError);
      expect(local.requests).toHaveLength(1);
    });

    test('a caller abort while waiting for the headers: SignalWireAbortError, not a timeout, not retried', async () => {
      let firstArrival!: () => void;
      const arrived = new Promise<void>((resolve) => (firstArrival = resolve));
      const local = await serve(() => firstArrival()); // and never answers
      const client = createSignalWireClient({ baseUrl: local.url, ...credentials, fetch: currentSend });
      const controller = new AbortController();
      const started = performance.now();
      const pending = failure(client.fabric.conferenceRooms.get(ROOM_ID, { signal: controller.signal }));
      await arrived;
      controller.abort();
      const error = await pending;
      expect(performance.now() - started).toBeLessThan(5_000); // not the 30 s timeout
      expect(error).toBeInstanceOf(SignalWireAbortError);
      expect(error).not.toBeInstanceOf(SignalWireTimeoutError);
      expect(error).toMatchObject({ attempts: 1 });
      expect(local.requests).toHaveLength(1);
    });

    test('a caller abort while the body is read: SignalWireAbortError, not retried', async () => {
      let firstArrival!: () => void;
      const arrived = new Promise<void>((resolve) => (firstArrival = resolve));
      const local = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ROOM_JSON) });
        response.write(ROOM_JSON.slice(0, 10), () => firstArrival());
      });
      const controller = new AbortController();
      const pending = failure(fastClient().conferenceRooms.get(ROOM_ID, { signal: controller.signal }));
      await arrived;
      await new Promise((resolve) => setTimeout(resolve, 20));
      controller.abort();
      const error = await pending;
      expect(error).toBeInstanceOf(SignalWireAbortError);
      expect(local.requests).toHaveLength(1);
    });

    test('an already-aborted signal sends nothing', async () => {
      const local = await serve((_request, response) => sendJson(response, 200, roomResponse()));
      const error = await failure(fastClient().conferenceRooms.get(ROOM_ID, { signal: AbortSignal.abort() }));
      expect(error).toBeInstanceOf(SignalWireAbortError);
      expect(error).toMatchObject({ attempts: 0 });
      expect(error.message).toMatch(/was aborted before the first attempt$/);
      expect(local.requests).toHaveLength(0);
    });

    test('a POST aborted mid-request is not retried either', async () => {
      let firstArrival!: () => void;
      const arrived = new Promise<void>((resolve) => (firstArrival = resolve));
      const local = await serve(() => firstArrival());
      const controller = new AbortController();
      const pending = failure(fastClient().conferenceRooms.create(CREATE_BODY, { signal: controller.signal }));
      await arrived;
      controller.abort();
      expect(await pending).toBeInstanceOf(SignalWireAbortError);
      expect(local.requests).toHaveLength(1);
    });
  });

  // ---- per-call options ----

  describe('per-call options', () => {
    test('maxRetries: 0 makes exactly one attempt, whatever the client default', async () => {
      const local = await serve((_request, response) => sendJson(response, 503, { error: 'unavailable' }));
      const client = createSignalWireClient({ baseUrl: local.url, ...credentials, fetch: currentSend, maxRetries: 2 });
      const error = await failure(client.fabric.conferenceRooms.get(ROOM_ID, { maxRetries: 0 }));
      expect(error).toBeInstanceOf(SignalWireServerError);
      expect(error).toMatchObject({ status: 503, attempts: 1 });
      expect(error.message).not.toContain('attempts');
      expect(local.requests).toHaveLength(1);
    });

    test('a per-call maxRetries can also raise the client default', async () => {
      const local = await serve((_request, response) => sendJson(response, 503, {}));
      const error = await failure(fastClient({ maxRetries: 0 }).conferenceRooms.get(ROOM_ID, { maxRetries: 4 }));
      expect(error).toMatchObject({ status: 503, attempts: 5 });
      expect(local.requests).toHaveLength(5);
    });

    test.each([{ maxRetries: -1 }, { maxRetries: 1.5 }, { timeoutMs: 0 }, { timeoutMs: Number.NaN }])(
      'an invalid per-call option %j throws before any request',
      async (options) => {
        const local = await serve((_request, response) => sendJson(response, 200, roomResponse()));
        const error = await failure(fastClient().conferenceRooms.get(ROOM_ID, options));
        expect(error).toBeInstanceOf(SignalWireError);
        expect(error.message).toMatch(/^Invalid (maxRetries|timeoutMs)/);
        expect(local.requests).toHaveLength(0);
      },
    );
  });

  // ---- logging ----

  describe('logger', () => {
    test('one line per attempt (method, path, status, attempt, duration), never a credential', async () => {
      const local = await serve((request, response, index) => {
        if (index === 0) return sendJson(response, 503, {});
        if (index === 1) return void request.socket.destroy();
        sendJson(response, 200, roomResponse());
      });
      const lines: string[] = [];
      await fastClient({ logger: (line) => lines.push(line) }).conferenceRooms.get(ROOM_ID);
      expect(local.requests).toHaveLength(3);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(new RegExp(`^GET ${ROOM_PATH} 503 attempt 1/3 \\d+ms$`));
      expect(lines[1]).toMatch(new RegExp(`^GET ${ROOM_PATH} connection attempt 2/3 \\d+ms$`));
      expect(lines[2]).toMatch(new RegExp(`^GET ${ROOM_PATH} 200 attempt 3/3 \\d+ms$`));

      // The credential was on the wire, and is in no log line.
      const authorization = local.requests[0]!.headers.authorization!;
      expect(authorization).toBe(`Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString('base64')}`);
      for (const line of lines) {
        expect(line).not.toContain(API_TOKEN);
        expect(line).not.toContain(authorization.slice('Basic '.length));
        expect(line.toLowerCase()).not.toContain('authorization');
      }
    });

    test('an aborted attempt is logged as aborted, and a throwing logger does not fail the call', async () => {
      let arrivals = 0;
      const controller = new AbortController();
      const local = await serve((_request, response) => {
        // The first attempt gets a 503; the second is aborted while it waits for the headers.
        if (++arrivals === 1) return sendJson(response, 503, {});
        controller.abort();
      });
      const lines: string[] = [];
      const logger = (line: string) => {
        lines.push(line);
        throw new Error('the log sink is full');
      };
      const error = await failure(fastClient({ logger }).conferenceRooms.get(ROOM_ID, { signal: controller.signal }));
      expect(error).toBeInstanceOf(SignalWireAbortError);
      expect(error).toMatchObject({ attempts: 2 });
      expect(error.message).toMatch(/was aborted after 2 attempts$/);
      expect(local.requests).toHaveLength(2);
      expect(lines).toEqual([
        expect.stringMatching(/ 503 attempt 1\/3 \d+ms$/),
        expect.stringMatching(/ aborted attempt 2\/3 \d+ms$/),
      ]);
    });

    test('failures are logged too, and the thrown error carries no credential', async () => {
      const local = await serve(never);
      const lines: string[] = [];
      const error = await failure(
        fastClient({ logger: (line) => lines.push(line), timeoutMs: 100, maxRetries: 1 }).conferenceRooms.create(CREATE_BODY),
      );
      expect(local.requests).toHaveLength(1); // POST: a timeout is not retried
      expect(lines).toEqual([expect.stringMatching(/^POST \/api\/fabric\/resources\/conference_rooms timeout attempt 1\/2 \d+ms$/)]);
      const base64 = Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString('base64');
      for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
        expect(text).not.toContain(API_TOKEN);
        expect(text).not.toContain(base64);
      }
    });
  });
});

// ---- a custom fetch (the `fetch` option) that ignores its AbortSignal ----

describe('a custom fetch that ignores its signal', () => {
  // It never settles: the transport must still end the attempt on time, or on the caller's abort.
  const deaf = () => {
    let sent = 0;
    const fetch = (() => {
      sent++;
      return new Promise<Response>(() => {});
    }) as unknown as typeof globalThis.fetch;
    return { fetch, sent: () => sent };
  };

  test('still times out, and is retried like any timeout', async () => {
    const custom = deaf();
    const { conferenceRooms } = fakeClockClient({ baseUrl: 'http://127.0.0.1:9', ...credentials, fetch: custom.fetch });
    const error = await failure(conferenceRooms.get(ROOM_ID, { timeoutMs: 50, maxRetries: 1 }));
    expect(error).toBeInstanceOf(SignalWireTimeoutError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(custom.sent()).toBe(2);
  });

  test("still stops at once on the caller's abort", async () => {
    const custom = deaf();
    const { conferenceRooms } = fakeClockClient({ baseUrl: 'http://127.0.0.1:9', ...credentials, fetch: custom.fetch });
    const controller = new AbortController();
    const pending = failure(conferenceRooms.get(ROOM_ID, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(SignalWireAbortError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(custom.sent()).toBe(1);
  });
});

// ---- the policy's pure functions ----

describe('backoffDelay', () => {
  test('starts at 0.5 s and doubles, capped at 8 s (no jitter when random() is 0)', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 50].map((retry) => backoffDelay(retry, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000,
    ]);
  });

  test('jitter takes off at most 25%', () => {
    expect(backoffDelay(1, () => 0.999999)).toBeCloseTo(375, 0);
    expect(backoffDelay(6, () => 0.999999)).toBeCloseTo(6_000, 0);
    for (let i = 0; i < 1_000; i++) {
      const retry = 1 + (i % 8);
      const full = Math.min(500 * 2 ** (retry - 1), 8_000);
      const delay = backoffDelay(retry);
      expect(delay).toBeGreaterThanOrEqual(full * 0.75);
      expect(delay).toBeLessThanOrEqual(full);
    }
  });

  test('jitter actually varies the delay', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
    expect(delays.size).toBeGreaterThan(1);
  });
});

describe('retryAfterDelay', () => {
  const now = Date.parse('2026-11-01T10:00:00Z');

  test.each([
    ['0', 0],
    ['1', 1_000],
    [' 2 ', 2_000],
    ['1.5', 1_500],
    ['60', 60_000],
    ['Sun, 01 Nov 2026 10:00:10 GMT', 10_000],
    ['Sun, 01 Nov 2026 10:01:00 GMT', 60_000],
    ['Sun, 01 Nov 2026 10:00:00 GMT', 0],
  ])('%j → %i ms', (header, expected) => {
    expect(retryAfterDelay(header, now)).toBe(expected);
  });

  test.each([null, '', '61', '3600', '-1', '+5', 'soon', '1e3', 'Sun, 01 Nov 2026 10:01:01 GMT', 'Sun, 01 Nov 2026 09:59:59 GMT'])(
    '%j → undefined (the default backoff applies)',
    (header) => {
      expect(retryAfterDelay(header, now)).toBeUndefined();
    },
  );
});

describe('retry policy', () => {
  test.each(['GET', 'PUT', 'DELETE'])('%s: retried on 408, 429, 500, 502, 503, 504 and every failure kind', (method) => {
    for (let status = 100; status < 600; status++) {
      expect(isRetryableStatus(method, status), `${method} ${status}`).toBe([408, 429, 500, 502, 503, 504].includes(status));
    }
    for (const kind of ['refused', 'timeout', 'connection'] as const) expect(isRetryableFailure(method, kind)).toBe(true);
  });

  test('POST: retried only on 429, 503 and a refused connection', () => {
    for (let status = 100; status < 600; status++) {
      expect(isRetryableStatus('POST', status), `POST ${status}`).toBe(status === 429 || status === 503);
    }
    expect(isRetryableFailure('POST', 'refused')).toBe(true);
    expect(isRetryableFailure('POST', 'timeout')).toBe(false);
    expect(isRetryableFailure('POST', 'connection')).toBe(false);
  });

  test('PATCH is treated like POST (not idempotent)', () => {
    expect(isRetryableStatus('PATCH', 500)).toBe(false);
    expect(isRetryableFailure('PATCH', 'connection')).toBe(false);
  });

  test('failureKind finds ECONNREFUSED in the cause chain, and nothing else', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(failureKind(new TypeError('fetch failed', { cause: refused })) === 'refused').toBe(true);
    expect(failureKind(new TypeError('fetch failed', { cause: new AggregateError([refused]) })) === 'refused').toBe(true);
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    expect(failureKind(new TypeError('fetch failed', { cause: reset })) === 'refused').toBe(false);
    expect(failureKind(new DOMException('aborted', 'AbortError')) === 'refused').toBe(false);
    expect(failureKind(undefined) === 'refused').toBe(false);
  });
});
