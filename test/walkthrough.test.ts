// The resource methods compose: create, get, update, list and delete against a small stateful
// server of the test's own (Prism remembers nothing between calls).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  createSignalWireClient,
  SignalWireNotFoundError,
  type ConferenceRoomCreateRequest,
  type ConferenceRoomResponse,
  type SignalWireClient,
} from '../src/index.js';
import { credentials, PROJECT_ID, roomResponse } from './support/fixtures.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

const LIST = '/api/fabric/resources/conference_rooms';
const PAGE_SIZE = 2;

/** An in-memory conference-rooms API: enough of the real one's behaviour to walk through. */
function roomsApi() {
  const rooms = new Map<string, ConferenceRoomResponse>();
  return async function handle(request: { method?: string; url?: string; body: string }, response: import('node:http').ServerResponse) {
    const url = new URL(request.url!, 'http://local');
    const id = url.pathname.startsWith(`${LIST}/`) ? url.pathname.slice(LIST.length + 1) : undefined;
    const existing = id ? rooms.get(id) : undefined;

    if (request.method === 'POST' && url.pathname === LIST) {
      const body = JSON.parse(request.body) as ConferenceRoomCreateRequest;
      const base = roomResponse();
      const room: ConferenceRoomResponse = {
        ...base,
        id: randomUUID(),
        project_id: PROJECT_ID,
        display_name: body.display_name ?? body.name,
        conference_room: { ...base.conference_room, ...body, id: randomUUID(), description: body.description ?? null, sync_audio_video: body.sync_audio_video ?? null },
      };
      rooms.set(room.id, room);
      return sendJson(response, 200, room);
    }
    if (request.method === 'GET' && url.pathname === LIST) {
      const page = Number(url.searchParams.get('page_number') ?? 0);
      const all = [...rooms.values()];
      const link = (n: number) => `${LIST}?page_number=${n}&page_size=${PAGE_SIZE}`;
      const hasNext = (page + 1) * PAGE_SIZE < all.length;
      return sendJson(response, 200, {
        data: all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE),
        links: { self: link(page), first: link(0), ...(hasNext ? { next: link(page + 1) } : {}) },
      });
    }
    if (!existing) return sendJson(response, 404, { error: 'Not Found' });
    if (request.method === 'GET') return sendJson(response, 200, existing);
    if (request.method === 'PUT') {
      const updated = { ...existing, updated_at: new Date().toISOString(), conference_room: { ...existing.conference_room, ...JSON.parse(request.body) } };
      rooms.set(existing.id, updated);
      return sendJson(response, 200, updated);
    }
    if (request.method === 'DELETE') {
      rooms.delete(existing.id);
      response.writeHead(204).end();
      return;
    }
    sendJson(response, 405, { error: 'Method Not Allowed' });
  };
}

let server: LocalServer;
let client: SignalWireClient;
beforeAll(async () => {
  server = await startLocalServer(roomsApi());
  client = createSignalWireClient({ baseUrl: server.url, ...credentials });
});
afterAll(() => server.close());

async function allRoomNames() {
  const names: string[] = [];
  for await (const room of client.fabric.conferenceRooms.list()) names.push(room.conference_room.name);
  return names.sort();
}

test('create, get, update, list and delete compose', async () => {
  const rooms = client.fabric.conferenceRooms;
  const created = await Promise.all(
    ['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((name) => rooms.create({ name, enable_room_previews: true })),
  );
  const charlie = created[2]!;
  expect(charlie.conference_room.name).toBe('charlie');

  // get by the outer id returns what create returned
  expect(await rooms.get(charlie.id)).toEqual(charlie);

  // update changes what it names; get sees the change
  const updated = await rooms.update(charlie.id, { enable_room_previews: false, sync_audio_video: true, max_members: 42 });
  expect(updated.conference_room).toMatchObject({ enable_room_previews: false, sync_audio_video: true, max_members: 42, name: 'charlie' });
  expect((await rooms.get(charlie.id)).conference_room.max_members).toBe(42);

  // list walks all three pages of two
  expect(await allRoomNames()).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);

  // delete resolves to undefined; the room is gone from get and from list
  await expect(rooms.delete(charlie.id)).resolves.toBeUndefined();
  await expect(rooms.get(charlie.id)).rejects.toBeInstanceOf(SignalWireNotFoundError);
  await expect(rooms.delete(charlie.id)).rejects.toMatchObject({ status: 404 });
  expect(await allRoomNames()).toEqual(['alpha', 'bravo', 'delta', 'echo']);

  // every request carried the same credentials
  expect(new Set(server.requests.map((request) => request.headers.authorization)).size).toBe(1);
});
