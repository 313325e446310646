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

function page(path: string, query: URLSearchParams): string {
  const n = Number(query.get('page') ?? 0);
  const asked = Number(query.get('page_size'));
  const size = maxSize && asked > 0 ? Math.min(asked, maxSize) : defaultSize;
  const count = Math.max(0, Math.min(size, total - n * size));
  const items = Array.from({ length: count }, (_, i) => {
    const id = (n * size + i).toString(16).padStart(12, '0');
    return roomResponse({ id: `0f3c5b2e-8d7a-4e61-9b54-${id}` });
  });
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
