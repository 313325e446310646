// Per-call cost: create (POST) and get (GET) against one keep-alive server in another process, at 1
// and at 64 in flight, through: a bare node:http loop (one keep-alive Agent, the floor any Node client
// stands on, and the reference of the targets), undici.request, raw global fetch, bare openapi-fetch,
// this client, and the same call written by hand on this client's transport (client.api: what the
// generic runtime adds, alone). Same method, path, headers and body for all; each parses the JSON.
// Short slices, many rounds, the order rotated each round. Each ratio is the median over rounds of the
// two cases' ratio in the same round (as the issue asks); calls/s and CPU/call shown are median slices.
// The client runs as configured by default: 2 retries, a 30 s timeout per attempt.
import http from 'node:http';
import createClient from 'openapi-fetch';
import { Agent, request } from 'undici';
import type { paths } from '../generated/schema.js';
import { createSignalWireClient } from './package.js';
import { credentials, ROOM_ID } from '../test/support/fixtures.js';
import { startApiServer } from './api-server.js';
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
const nodeAgent = new http.Agent({ keepAlive: true });
const undiciAgent = new Agent();
const roomsUrl = `${base}${ROOMS}`;
const roomUrl = `${base}${ROOMS}/${ROOM_ID}`;
// What the low-level clients send: the create's JSON body serialized on each call, as a client would.
const createInit = () => ({
  method: 'POST' as const,
  headers: { 'content-type': 'application/json', authorization },
  body: JSON.stringify(body),
});
const getInit = { method: 'GET' as const, headers: { authorization } };

/** One call with node:http alone: write the request, collect the chunks, parse the JSON. */
function nodeCall(url: string, init: { method: string; headers: http.OutgoingHttpHeaders; body?: string }) {
  const { method, headers, body: payload } = init;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method, headers, agent: nodeAgent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

type Op = 'create' | 'get';
const BARE = 'bare node:http loop';
const clients: Record<string, Record<Op, () => Promise<unknown>>> = {
  [BARE]: {
    create: () => nodeCall(roomsUrl, createInit()),
    get: () => nodeCall(roomUrl, getInit),
  },
  'undici.request': {
    create: async () => (await request(roomsUrl, { ...createInit(), dispatcher: undiciAgent })).body.json(),
    get: async () => (await request(roomUrl, { ...getInit, dispatcher: undiciAgent })).body.json(),
  },
  'raw fetch': {
    create: async () => (await fetch(roomsUrl, createInit())).json(),
    get: async () => (await fetch(roomUrl, getInit)).json(),
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
/** The median over rounds of `name`'s figure over `reference`'s in the same round: slow drift of the machine cancels out. */
const ratio = (op: Op, inflight: number, name: string, reference: string, index: 0 | 1) => {
  const references = samples.get(key(op, inflight, reference))!;
  return median(samples.get(key(op, inflight, name))!.map((sample, round) => sample[index] / references[round]![index]));
};
// Targets of this client against the bare node:http loop: calls/s by in-flight count; CPU/call a goal.
const THROUGHPUT: Record<number, number> = { 1: 0.8, 64: 0.7 };
const CPU_GOAL = 1.5;
const times = (value: number) => `${value.toFixed(2)}×`;
const rows = cases.flatMap(({ op, inflight }) => {
  return names.map((name) => {
    const [calls, cpu] = [rate(op, inflight, name, 0), rate(op, inflight, name, 1)];
    const ours = name === 'this client';
    const versusBare = ratio(op, inflight, name, BARE, 0);
    const cpuVersusBare = ratio(op, inflight, name, BARE, 1);
    const compared = [
      `${times(versusBare)} bare node:http (CPU/call ${times(cpuVersusBare)})`,
      name === 'raw fetch' ? '' : `${times(ratio(op, inflight, name, 'raw fetch', 0))} raw fetch`,
      ours ? `${times(ratio(op, inflight, name, 'hand-written, same transport', 0))} hand-written on the same transport` : '',
    ];
    const throughputMet = versusBare >= THROUGHPUT[inflight]!;
    return row({
      part: 'per-call overhead',
      case: `${op === 'create' ? 'create (POST)' : 'get (GET)'}, ${inflight} in flight: ${name}`,
      result: `${Math.round(calls).toLocaleString('en-US')} calls/s (${Math.round(cpu)} µs CPU/call)`,
      comparedWith: name === BARE ? '' : compared.filter(Boolean).join(', '),
      target: ours ? `≥ ${THROUGHPUT[inflight]}× bare node:http calls/s; goal: CPU/call ≤ ${CPU_GOAL}× bare` : '',
      met: !ours ? undefined : !throughputMet ? false : cpuVersusBare <= CPU_GOAL ? true : 'yes (CPU goal: no)',
    });
  });
});
console.log(JSON.stringify(rows));
