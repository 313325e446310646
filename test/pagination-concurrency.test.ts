// One Paginator iterated twice at once: each iteration keeps its own place (the generator's state,
// not the Paginator's), and every room comes once per iteration, in order.
import { afterEach, expect, test } from 'vitest';
import { createSignalWireClient } from '../src/index.js';
import { credentials, roomResponse } from './support/fixtures.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(() => server?.close());

test('two iterations of one paginator at once each read every page, in order', async () => {
  const LIST = '/api/fabric/resources/conference_rooms';
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  server = await startLocalServer(async (request, response) => {
    const page = Number(new URL(request.url!, 'http://x').searchParams.get('page') ?? 0);
    await new Promise((resolve) => setTimeout(resolve, page % 2 ? 5 : 1)); // interleave the two
    const next = page < 4 ? { next: `${LIST}?page=${page + 1}` } : {};
    const data = [0, 1].map((i) => roomResponse({ id: id(page * 2 + i) }));
    sendJson(response, 200, { data, links: { self: request.url, first: LIST, ...next } });
  });
  const rooms = createSignalWireClient({ baseUrl: server.url, ...credentials }).fabric.conferenceRooms.list();
  const read = async () => {
    const ids: string[] = [];
    for await (const room of rooms) ids.push(room.id);
    return ids;
  };
  const expected = Array.from({ length: 10 }, (_, n) => id(n));
  expect(await Promise.all([read(), read()])).toEqual([expected, expected]);
});
