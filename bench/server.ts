// The bench's API stand-in, run in its own process so that client and server do not share a core's
// event loop: a keep-alive node:http server answering like the conference-rooms API.
//   POST/GET/PUT  .../conference_rooms[/{id}]  -> one ConferenceRoomResponse (~750 bytes)
//   GET .../conference_rooms?page=N            -> a page of rooms, links.next until TOTAL
//   GET /api/video/rooms?page=N                -> the same pages (a list that declares page_size)
// Options (environment):
//   BENCH_ROOMS          rooms in the listing (100,000)
//   BENCH_PAGE_SIZE      rooms a page when the request names no page_size (1,000)
//   BENCH_MAX_PAGE_SIZE  when set, `page_size` is honoured up to this cap; unset, it is ignored
//   BENCH_LATENCY_MS     delay every answer by this many ms (0)
//   BENCH_COMPRESS=1     answer in br or gzip when accept-encoding allows (br preferred); unset, identity
// Asked over IPC ('stats'), it answers { requests, bytes }: requests served, bytes its sockets wrote.
// Prints its URL on stdout once listening.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { roomResponse } from '../test/support/fixtures.js';

const ROOMS = '/api/fabric/resources/conference_rooms';
const LISTS = new Set([ROOMS, '/api/video/rooms']);
const room = JSON.stringify(roomResponse());
const total = Number(process.env.BENCH_ROOMS ?? 100_000);
const defaultSize = Number(process.env.BENCH_PAGE_SIZE ?? 1_000);
const maxSize = process.env.BENCH_MAX_PAGE_SIZE ? Number(process.env.BENCH_MAX_PAGE_SIZE) : undefined;
const latency = Number(process.env.BENCH_LATENCY_MS ?? 0);
const compress = process.env.BENCH_COMPRESS === '1';

/** 32 pseudo-random bits for room `n`'s `k`th field: the same room always looks the same. */
function bits(n: number, k: number): number {
  let x = Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca77);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  return (x ^ (x >>> 12)) >>> 0;
}
const hex = (n: number, k: number, length: number) => bits(n, k).toString(16).padStart(8, '0').slice(0, length);
const uuid = (n: number, k: number, last: string) => `${hex(n, k, 8)}-${hex(n, k + 1, 4)}-4${hex(n, k + 2, 3)}-9${hex(n, k + 3, 3)}-${last}`;
const WORDS = ['coffee', 'standup', 'design', 'review', 'sales', 'support', 'weekly', 'product', 'launch', 'team', 'board', 'lobby'];

/**
 * Room `n` of a listing, as different from its neighbours as real rooms are (random ids, names,
 * times, sizes), so that compressed pages weigh what real ones would. Its id ends with `n`: unique.
 */
function listedRoom(n: number) {
  const words = [WORDS[bits(n, 10) % WORDS.length]!, WORDS[bits(n, 11) % WORDS.length]!, String(bits(n, 12) % 1000)];
  const created = new Date(Date.UTC(2026, 0, 1) + (bits(n, 13) % 31_536_000) * 1000).toISOString().replace('.000', '');
  const base = roomResponse();
  return roomResponse({
    id: uuid(n, 1, n.toString(16).padStart(12, '0')),
    display_name: words.join(' '),
    created_at: created,
    updated_at: created,
    conference_room: {
      ...base.conference_room,
      id: uuid(n, 5, `${hex(n, 9, 8)}${hex(n, 14, 4)}`),
      name: words.join('_'),
      display_name: words.join(' '),
      max_members: 2 + (bits(n, 15) % 99),
    },
  });
}

function page(path: string, query: URLSearchParams): string {
  const n = Number(query.get('page') ?? 0);
  const asked = Number(query.get('page_size'));
  const size = maxSize && asked > 0 ? Math.min(asked, maxSize) : defaultSize;
  const count = Math.max(0, Math.min(size, total - n * size));
  const items = Array.from({ length: count }, (_, i) => listedRoom(n * size + i));
  const link = (p: number) => `${path}?page=${p}${maxSize ? `&page_size=${size}` : ''}`;
  const next = (n + 1) * size < total ? link(n + 1) : undefined;
  return JSON.stringify({ data: items, links: { self: link(n), first: link(0), next } });
}

/** The body in the encoding the request allows (br, then gzip) when compressing; else as it is. */
function encode(body: string, acceptEncoding = ''): [Buffer | string, string | undefined] {
  if (!compress) return [body, undefined];
  if (/\bbr\b/.test(acceptEncoding)) return [zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } }), 'br'];
  if (/\bgzip\b/.test(acceptEncoding)) return [zlib.gzipSync(body), 'gzip'];
  return [body, undefined];
}

const sockets = new Set<Socket>();
let requests = 0;
const server = createServer((request, response) => {
  request.resume();
  request.on('end', async () => {
    requests++;
    if (latency) await sleep(latency);
    const [path, query] = (request.url ?? '').split('?');
    const json = request.method === 'GET' && LISTS.has(path!) ? page(path!, new URLSearchParams(query)) : room;
    const [body, encoding] = encode(json, request.headers['accept-encoding']);
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-request-id': 'bench',
      ...(encoding && { 'content-encoding': encoding }),
    });
    response.end(body);
  });
});
server.on('connection', (socket) => sockets.add(socket));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('message', () => {
  const bytes = [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, 0);
  process.send!({ requests, bytes });
});
process.on('disconnect', () => process.exit(0));
