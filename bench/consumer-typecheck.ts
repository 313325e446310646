// What the typed methods cost a consumer's compiler: strict `tsc --noEmit` of one 30-line program that
// calls six families, written once against this client and once against bare openapi-fetch with the
// same generated `paths`. Both import the package by name (its built .d.ts, as an app would: the
// folders have no package.json of their own, so Node's self-reference finds this package), in
// interleaved rounds; the median of the per-round ratios counts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { row } from './table.js';

const ROUNDS = Number(process.env.BENCH_TSC_ROUNDS ?? 5);
const LIMIT = 1.15;
const root = new URL('../.bench/consumer-typecheck/', import.meta.url);
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

const programs = {
  client: `import { createSignalWireClient } from 'signalwire-rest';

const client = createSignalWireClient({ space: 'example', projectId: 'p', apiToken: 't' });
const id = '0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60';

export async function main(): Promise<number> {
  const room = await client.fabric.conferenceRooms.create({ name: 'standup', enable_room_previews: true });
  let rooms = 0;
  for await (const videoRoom of client.video.rooms.list({ page_size: 100 })) rooms += videoRoom.name.length;
  const numbers: string[] = [];
  for await (const available of client.relay.phoneNumbers.search({ areacode: '512', max_results: 5 })) numbers.push(available.number);
  const message = await client.messaging.messages.create({ to: '+15551230001', from: '+15551230002', body: 'hi' });
  const found = await client.datasphere.documents.search({ query_string: 'refund policy', count: 3 });
  const token = await client.project.tokens.create({ name: 'ci', permissions: ['video', 'messaging'] });
  let logs = 0;
  for await (const log of client.voice.logs.list({ created_after: '2026-01-01' })) logs += log.id.length;
  await client.fabric.conferenceRooms.delete(id);
  return [room.id, message.id, token.token].join('').length + rooms + logs + JSON.stringify([numbers, found]).length;
}
`,
  bare: `import createClient from 'openapi-fetch';
import type { paths } from 'signalwire-rest';

const api = createClient<paths>({ baseUrl: 'https://example.signalwire.com', headers: { Authorization: 'Basic cDp0' } });
const id = '0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60';

export async function main(): Promise<number> {
  const room = await api.POST('/api/fabric/resources/conference_rooms', { body: { name: 'standup', enable_room_previews: true } });
  let rooms = 0;
  const listed = await api.GET('/api/video/rooms', { params: { query: { page_size: 100 } } });
  for (const videoRoom of listed.data?.data ?? []) rooms += videoRoom.name.length;
  const numbers = await api.GET('/api/relay/rest/phone_numbers/search', { params: { query: { areacode: '512', max_results: 5 } } });
  const message = await api.POST('/api/messaging/messages', { body: { to: '+15551230001', from: '+15551230002', body: 'hi' } });
  const found = await api.POST('/api/datasphere/documents/search', { body: { query_string: 'refund policy', count: 3 } });
  const token = await api.POST('/api/project/tokens', { body: { name: 'ci', permissions: ['video', 'messaging'] } });
  let logs = 0;
  const voice = await api.GET('/api/voice/logs', { params: { query: { created_after: '2026-01-01' } } });
  for (const log of voice.data?.data ?? []) logs += log.id.length;
  await api.DELETE('/api/fabric/resources/conference_rooms/{id}', { params: { path: { id } } });
  return [room.data?.id, message.data?.id, token.data?.token].join('').length + rooms + logs + JSON.stringify([numbers, found]).length;
}
`,
};

const tsconfig = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  files: ['index.ts'],
};

for (const [name, source] of Object.entries(programs)) {
  const dir = new URL(`${name}/`, root);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('index.ts', dir), source);
  writeFileSync(new URL('tsconfig.json', dir), JSON.stringify(tsconfig));
}

function seconds(name: string): number {
  const started = performance.now();
  // Compiler messages to stderr: stdout carries the rows to bench/run.ts.
  execFileSync(process.execPath, [tsc, '-p', fileURLToPath(new URL(`${name}/tsconfig.json`, root))], { stdio: ['ignore', 2, 2] });
  return (performance.now() - started) / 1000;
}

const times: Record<'client' | 'bare', number[]> = { client: [], bare: [] };
const ratios: number[] = [];
seconds('client'); // warm the file cache
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? (['client', 'bare'] as const) : (['bare', 'client'] as const);
  for (const name of order) times[name].push(seconds(name));
  ratios.push(times.client.at(-1)! / times.bare.at(-1)!);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratio = median(ratios);

console.log(
  JSON.stringify([
    row({
      part: 'consumer type-check',
      case: 'strict tsc --noEmit of a 30-line program calling six families through the client',
      result: `${median(times.client).toFixed(2)} s`,
      comparedWith: `${ratio.toFixed(2)}× the same program on bare openapi-fetch (${median(times.bare).toFixed(2)} s)`,
      target: `≤ ${LIMIT}×`,
      met: ratio <= LIMIT,
    }),
  ]),
);
