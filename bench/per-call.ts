// Per-call cost: create (POST) and get (GET) against one keep-alive server in another process,
// through raw global fetch, bare openapi-fetch, this client, the same call written by hand on this
// client's transport (client.api: what the generic runtime adds, alone), and the last hand-written
// client (commit 86209ce: before both the runtime and the hardening of issue 9), at 1 and at 64 in flight.
// Short slices, many rounds, the order rotated each round; the median slice of each case counts.
// The client runs as configured by default: 2 retries, a 30 s timeout per attempt.
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createSignalWireClient } from '../src/index.js';
import { credentials, ROOM_ID } from '../test/support/fixtures.js';
import { startApiServer } from './api-server.js';
import { previousClient } from './previous-client.js';
import { row } from './table.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SLICE_MS = Number(process.env.BENCH_SLICE_MS ?? 400);
const ROOMS = '/api/fabric/resources/conference_rooms';

const server = await startApiServer();
const base = server.url;
const authorization = `Basic ${btoa(`${credentials.projectId}:${credentials.apiToken}`)}`;
const body = { name: 'coffee_cafe', display_name: 'Coffee Cafe', enable_room_previews: true };

const bare = createClient<paths>({ baseUrl: base, headers: { Authorization: authorization } });
// Defaults on: 2 retries, a 30 s per-attempt timeout, the logger slot empty as by default.
const client = createSignalWireClient({ baseUrl: base, ...credentials });
const previous = await previousClient({ baseUrl: base, ...credentials });

type Op = 'create' | 'get';
const clients: Record<string, Record<Op, () => Promise<unknown>>> = {
  'raw fetch': {
    create: async () =>
      (
        await fetch(`${base}${ROOMS}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify(body),
        })
      ).json(),
    get: async () => (await fetch(`${base}${ROOMS}/${ROOM_ID}`, { headers: { authorization } })).json(),
  },
  'openapi-fetch': {
    create: async () => check(await bare.POST(ROOMS, { body })),
    get: async () => check(await bare.GET(`${ROOMS}/{id}`, { params: { path: { id: ROOM_ID } } })),
  },
  'this client': {
    create: () => client.fabric.conferenceRooms.create(body),
    get: () => client.fabric.conferenceRooms.get(ROOM_ID),
  },
  'hand-written, same transport': {
    create: async () => check(await client.api.POST(ROOMS, { body })),
    get: async () => check(await client.api.GET(`${ROOMS}/{id}`, { params: { path: { id: ROOM_ID } } })),
  },
  'hand-written (86209ce)': {
    create: () => previous.conferenceRooms.create(body),
    get: () => previous.conferenceRooms.get(ROOM_ID),
  },
};

function check(result: { data?: unknown }) {
  if (!result.data) throw new Error('no data');
}

/** Calls per second, and this process's CPU µs per call, with `inflight` loops calling back to back for `ms`. */
async function slice(call: () => Promise<unknown>, inflight: number, ms: number): Promise<[number, number]> {
  let calls = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (performance.now() < end) {
        await call();
        calls++;
      }
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  return [calls / ((performance.now() - started) / 1000), (user + system) / calls];
}

const names = Object.keys(clients);
const cases = (['create', 'get'] as Op[]).flatMap((op) => [1, 64].map((inflight) => ({ op, inflight })));
const samples = new Map<string, [number, number][]>();
const key = (op: string, inflight: number, name: string) => `${op}/${inflight}/${name}`;

for (const name of names) for (const op of ['create', 'get'] as Op[]) await slice(clients[name]![op], 16, 500); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const { op, inflight } of cases) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const sample = await slice(clients[name]![op], inflight, SLICE_MS);
      samples.set(key(op, inflight, name), [...(samples.get(key(op, inflight, name)) ?? []), sample]);
    }
  }
}
server.close();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (op: Op, inflight: number, name: string, index: 0 | 1) =>
  median(samples.get(key(op, inflight, name))!.map((sample) => sample[index]));
const rows = cases.flatMap(({ op, inflight }) => {
  const raw = rate(op, inflight, 'raw fetch', 0);
  return names.map((name) => {
    const calls = rate(op, inflight, name, 0);
    const ratio = calls / raw;
    const ours = name === 'this client';
    const versusPrevious = ours ? calls / rate(op, inflight, 'hand-written (86209ce)', 0) : undefined;
    const versusSameTransport = ours ? calls / rate(op, inflight, 'hand-written, same transport', 0) : undefined;
    return row({
      part: 'per-call overhead',
      case: `${op === 'create' ? 'create (POST)' : 'get (GET)'}, ${inflight} in flight: ${name}`,
      result: `${Math.round(calls).toLocaleString('en-US')} calls/s (${Math.round(rate(op, inflight, name, 1))} µs CPU/call)`,
      comparedWith:
        name === 'raw fetch'
          ? ''
          : `${ratio.toFixed(2)}× raw fetch` +
            (ours ? `, ${versusSameTransport!.toFixed(2)}× hand-written on the same transport, ${versusPrevious!.toFixed(2)}× 86209ce` : ''),
      target: ours ? '> 1.0× raw fetch; ≥ 0.97× hand-written on the same transport (noise)' : '',
      met: ours ? ratio > 1 && versusSameTransport! >= 0.97 : undefined,
    });
  });
});
console.log(JSON.stringify(rows));
