// Issue 4 under load: 10,000 calls, 100 in flight, through ONE client against a local server that
// answers every 20th room with one 503 first. Every call must resolve to its own room, the server
// must never see more than a bounded number of sockets, and nothing may pile up in memory: no growth
// between a warm-up batch and the end, no abort listener left on the callers' shared signal.
// Backoff sleeps run on a fake clock (the test is about volume, not waiting); no speed is asserted.
import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNothingLeft, fakeClockClient, openHandles, trackTimers } from './support/fake-clock.js';
import { credentials, roomResponse } from './support/fixtures.js';

const CALLS = 10_000;
const IN_FLIGHT = 100;
const WARM_UP = 1_000;
const EVERY = 20; // every 20th room is answered 503 once: 5% of the calls
const MAX_SOCKETS = 256; // undici's fetch holds up to 2 per call in flight: a socket frees just after its body
const MAX_MEMORY_GROWTH = 5 * 1024 * 1024; // ~1 MB of noise seen; leaking each answer body alone adds ~8 MB

// A full collection before each memory reading, without a vitest config change: expose gc at runtime.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Room number n as the uuid its id must be. */
const roomId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let server: Server | undefined;
let baseline: ReturnType<typeof openHandles>;
let timers: ReturnType<typeof trackTimers>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);

beforeEach(() => {
  unhandled.length = 0;
  warnings.length = 0;
  process.on('unhandledRejection', onUnhandled);
  process.on('warning', onWarning);
  baseline = openHandles();
  timers = trackTimers();
});

afterEach(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
  }
  process.off('unhandledRejection', onUnhandled);
  process.off('warning', onWarning);
  await expectNothingLeft(baseline, timers, unhandled);
});

// Over the client's default send, and over the runtime's fetch (a caller's `fetch: globalThis.fetch`).
const SENDS: [string, typeof fetch | undefined][] = [
  ['default send', undefined],
  ['global fetch', globalThis.fetch],
];

const title = `%s: ${CALLS} calls, ${IN_FLIGHT} in flight through one client, every ${EVERY}th room answered 503 once`;

test.each(SENDS)(title, async (_name, send) => {
  // The server keeps counters only (no request log: that would grow the very heap we measure).
  const stats = { requests: 0, unavailable: 0, connections: 0, open: 0, maxOpen: 0 };
  const refusedOnce = new Set<string>();
  server = createServer((request, response) => {
    stats.requests++;
    const id = request.url!.split('/').pop()!;
    const n = Number(id.slice(-12));
    if (n % EVERY === 0 && !refusedOnce.has(id)) {
      refusedOnce.add(id);
      stats.unavailable++;
      response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      return;
    }
    const text = JSON.stringify(roomResponse({ id }));
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  });
  server.on('connection', (socket) => {
    stats.connections++;
    stats.maxOpen = Math.max(stats.maxOpen, ++stats.open);
    socket.once('close', () => stats.open--);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const baseUrl = `http://127.0.0.1:${port}`;
  const { conferenceRooms, clock } = fakeClockClient({ baseUrl, ...credentials, fetch: send });
  // One signal shared by every call: each attempt and sleep must remove the listener it adds.
  const controller = new AbortController();

  let wrong = 0;
  /** Runs calls [from, to) with IN_FLIGHT of them in flight at any time. */
  async function run(from: number, to: number) {
    let next = from;
    const worker = async () => {
      while (next < to) {
        const n = next++;
        const room = await conferenceRooms.get(roomId(n), { signal: controller.signal });
        if (room.id !== roomId(n) || room.type !== 'video_room') wrong++;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  }
  // Several rounds: finalizers (undici's fetch registers some) run after a collection, and what they
  // release goes only in the next one.
  const memoryUsed = async () => {
    for (let round = 0; round < 4; round++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers; // response bytes live outside the JS heap
  };

  await run(0, WARM_UP);
  const memoryAfterWarmUp = await memoryUsed();
  await run(WARM_UP, CALLS);
  const memoryAfterRun = await memoryUsed();

  console.info(
    `load: ${stats.requests} requests, ${stats.connections} connections (max ${stats.maxOpen} open), ` +
      `memory +${((memoryAfterRun - memoryAfterWarmUp) / 1024 / 1024).toFixed(1)} MB after warm-up`,
  );

  // Every call resolved to its own room; exactly the 503s were retried, each after one backoff.
  expect(wrong).toBe(0);
  expect(stats.unavailable).toBe(CALLS / EVERY);
  expect(stats.requests).toBe(CALLS + CALLS / EVERY);
  expect(clock.sleeps).toHaveLength(CALLS / EVERY);
  // Sockets: bounded while running (kept-alive connections are reused, not opened per call).
  expect(stats.maxOpen).toBeLessThanOrEqual(MAX_SOCKETS);
  expect(stats.connections).toBeLessThan(CALLS / 10);
  // Nothing left behind by 10,000 calls.
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  // A shared signal must not collect a listener per call in flight (MaxListenersExceededWarning).
  expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([]);
  expect(memoryAfterRun - memoryAfterWarmUp).toBeLessThan(MAX_MEMORY_GROWTH);
});
