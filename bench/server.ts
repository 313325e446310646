// The bench's API stand-in, run in its own process so that client and server do not share a core's
// event loop: a keep-alive node:http server answering like the conference-rooms API.
//   POST/GET/PUT  .../conference_rooms[/{id}]  -> one ConferenceRoomResponse (~750 bytes)
//   GET .../conference_rooms?page=N            -> a page of PAGE_SIZE rooms, links.next until TOTAL
// Prints its URL on stdout once listening.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { roomResponse } from '../test/support/fixtures.js';

const ROOMS = '/api/fabric/resources/conference_rooms';
const room = JSON.stringify(roomResponse());
const total = Number(process.env.BENCH_ROOMS ?? 100_000);
const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? 1_000);

function page(n: number): string {
  const count = Math.max(0, Math.min(pageSize, total - n * pageSize));
  const items = Array.from({ length: count }, (_, i) => {
    const id = (n * pageSize + i).toString(16).padStart(12, '0');
    return roomResponse({ id: `0f3c5b2e-8d7a-4e61-9b54-${id}` });
  });
  const next = (n + 1) * pageSize < total ? `${ROOMS}?page=${n + 1}` : undefined;
  return JSON.stringify({ data: items, links: { self: `${ROOMS}?page=${n}`, first: `${ROOMS}?page=0`, next } });
}

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const [path, query] = (request.url ?? '').split('?');
    const body =
      request.method === 'GET' && path === ROOMS ? page(Number(new URLSearchParams(query).get('page') ?? 0)) : room;
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-request-id': 'bench',
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('disconnect', () => process.exit(0));
