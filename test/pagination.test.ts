// Pagination over real sockets: a scripted local server serves N pages linked by links.next, and
// counts what it is asked for, so laziness and the safety guards are measured, not assumed.
import { afterEach, describe, expect, test } from 'vitest';
import { createSignalWireClient, SignalWireError, type ConferenceRoomResponse } from '../src/index.js';
import { credentials, ROOM_ID, roomResponse } from './support/fixtures.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const LIST = '/api/fabric/resources/conference_rooms';
const PAGE_SIZE = 3;

/** Room `n` of the whole listing, with an id that encodes n so order can be checked. */
const room = (n: number): ConferenceRoomResponse => roomResponse({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` });

type LinkStyle = 'absolute' | 'relative';

/** Serves `pages` pages of PAGE_SIZE rooms (an empty first page when 0), linked by `?page=N`. */
async function pagedServer(pages: number, style: LinkStyle = 'absolute', path = LIST) {
  const server = await startLocalServer((request, response) => {
    const url = new URL(request.url!, 'http://local');
    const page = Number(url.searchParams.get('page') ?? 0);
    const items = pages === 0 ? [] : Array.from({ length: PAGE_SIZE }, (_, i) => room(page * PAGE_SIZE + i));
    const link = (n: number) => (style === 'absolute' ? `${server.url}${path}?page=${n}` : `${path}?page=${n}`);
    sendJson(response, 200, {
      data: items,
      links: { self: link(page), first: link(0), ...(page + 1 < pages ? { next: link(page + 1) } : {}) },
    });
  });
  servers.push(server);
  return { server, client: createSignalWireClient({ baseUrl: server.url, ...credentials }) };
}

describe('list follows links.next', () => {
  test.each([0, 1, 3, 1000])('over %i pages, yielding every item in order', async (pages) => {
    const { server, client } = await pagedServer(pages);
    const ids: string[] = [];
    for await (const item of client.fabric.conferenceRooms.list()) ids.push(item.id);

    expect(ids).toEqual(Array.from({ length: pages * PAGE_SIZE }, (_, n) => room(n).id));
    expect(server.requests).toHaveLength(Math.max(pages, 1));
    expect(server.requests[0]!.url).toBe(LIST);
    if (pages > 1) expect(server.requests.at(-1)!.url).toBe(`${LIST}?page=${pages - 1}`);
    // Every page request carries the credentials.
    expect(new Set(server.requests.map((request) => request.headers.authorization)).size).toBe(1);
  });

  test.each<LinkStyle>(['absolute', 'relative'])('with %s links', async (style) => {
    const { server, client } = await pagedServer(3, style);
    let count = 0;
    for await (const _ of client.fabric.conferenceRooms.list()) count += 1;
    expect(count).toBe(9);
    expect(server.requests.map((request) => request.url)).toEqual([LIST, `${LIST}?page=1`, `${LIST}?page=2`]);
  });

  test('a link relative to the current page (no leading slash) resolves against it', async () => {
    const server = await startLocalServer((request, response) => {
      const next = request.url === LIST ? { next: 'conference_rooms?page=1' } : {};
      sendJson(response, 200, { data: [room(0)], links: { self: request.url, first: LIST, ...next } });
    });
    servers.push(server);
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
    for await (const _ of client.fabric.conferenceRooms.list());
    expect(server.requests.map((request) => request.url)).toEqual([LIST, `${LIST}?page=1`]);
  });
});

describe('laziness', () => {
  test('a page is requested only when the previous one has been consumed', async () => {
    const { server, client } = await pagedServer(5);
    const iterator = client.fabric.conferenceRooms.list()[Symbol.asyncIterator]();
    expect(server.requests).toHaveLength(0); // creating the paginator sends nothing

    for (let i = 0; i < PAGE_SIZE; i++) await iterator.next();
    expect(server.requests).toHaveLength(1); // the first page is being consumed
    await iterator.next();
    expect(server.requests).toHaveLength(2); // its last item taken, the next page was needed
  });

  test('a break stops all further requests', async () => {
    const { server, client } = await pagedServer(1000);
    let seen = 0;
    for await (const _ of client.fabric.conferenceRooms.list()) {
      if (++seen === PAGE_SIZE * 2 + 1) break; // first item of the third page
    }
    expect(server.requests).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 50)); // nothing is fetched behind our back
    expect(server.requests).toHaveLength(3);
  });

  test('pages() gives one page at a time with its links', async () => {
    const { server, client } = await pagedServer(3);
    const pages = client.fabric.conferenceRooms.list().pages();
    const first = await pages.next();
    expect(first.value!.data).toHaveLength(PAGE_SIZE);
    expect(first.value!.links.next).toBe(`${server.url}${LIST}?page=1`);
    expect(server.requests).toHaveLength(1);
    await pages.return(undefined);
    expect(server.requests).toHaveLength(1);
  });
});

describe('guards', () => {
  test('a next link to another origin is refused and never requested', async () => {
    const stranger = await startLocalServer((_, response) => sendJson(response, 200, { data: [room(99)], links: {} }));
    servers.push(stranger);
    const server = await startLocalServer((_, response) =>
      sendJson(response, 200, {
        data: [room(0)],
        links: { self: LIST, first: LIST, next: `${stranger.url}${LIST}?page=1` },
      }),
    );
    servers.push(server);
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });

    const ids: string[] = [];
    const iterate = async () => {
      for await (const item of client.fabric.conferenceRooms.list()) ids.push(item.id);
    };
    await expect(iterate()).rejects.toThrow(SignalWireError);
    await expect(iterate()).rejects.toThrow(`Refused to follow links.next to ${stranger.url}`);
    expect(ids).toEqual([room(0).id, room(0).id]); // the first page's item, once per run
    expect(stranger.requests).toHaveLength(0);
  });

  test.each(['//evil.example/steal', 'https://127.0.0.1.evil.example/x'])('a protocol-relative or look-alike link %s is refused', async (next) => {
    const server = await startLocalServer((_, response) =>
      sendJson(response, 200, { data: [], links: { self: LIST, first: LIST, next } }),
    );
    servers.push(server);
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
    await expect(async () => {
      for await (const _ of client.fabric.conferenceRooms.list());
    }).rejects.toThrow('Refused to follow links.next');
    expect(server.requests).toHaveLength(1);
  });

  test('a next link already visited ends with a SignalWireError instead of looping', async () => {
    // Page 2 links back to page 1.
    const server = await startLocalServer((request, response) => {
      const page = request.url === LIST ? 0 : Number(new URL(request.url!, 'http://x').searchParams.get('page'));
      sendJson(response, 200, {
        data: [room(page)],
        links: { self: request.url, first: LIST, next: `${LIST}?page=${page === 2 ? 1 : page + 1}` },
      });
    });
    servers.push(server);
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
    const ids: string[] = [];
    const iterate = async () => {
      for await (const item of client.fabric.conferenceRooms.list()) ids.push(item.id);
    };
    await expect(iterate()).rejects.toThrow(/Pagination loop: links\.next points back to .*page=1/);
    expect(ids).toEqual([room(0).id, room(1).id, room(2).id]);
    expect(server.requests).toHaveLength(3);
  });

  test('a next link to the very same page is a loop too', async () => {
    const server = await startLocalServer((_, response) =>
      sendJson(response, 200, { data: [room(0)], links: { self: LIST, first: LIST, next: LIST } }),
    );
    servers.push(server);
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
    await expect(async () => {
      for await (const _ of client.fabric.conferenceRooms.list());
    }).rejects.toThrow('Pagination loop');
    expect(server.requests).toHaveLength(1);
  });

  test('an error answer on a later page throws the typed error after the earlier items', async () => {
    const server = await startLocalServer((request, response) => {
      if (request.url === LIST) sendJson(response, 200, { data: [room(0)], links: { self: LIST, first: LIST, next: `${LIST}?page=1` } });
      else sendJson(response, 404, { error: 'Not Found' });
    });
    servers.push(server);
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
    const ids: string[] = [];
    await expect(async () => {
      for await (const item of client.fabric.conferenceRooms.list()) ids.push(item.id);
    }).rejects.toMatchObject({ status: 404, name: 'SignalWireNotFoundError' });
    expect(ids).toEqual([room(0).id]);
  });
});

describe('listAddresses', () => {
  const ADDRESSES = `/api/fabric/resources/conference_room/${ROOM_ID}/addresses`;

  test('follows the same pagination on the singular path', async () => {
    const server = await startLocalServer((request, response) => {
      const page = request.url === ADDRESSES ? 0 : 1;
      const address = {
        id: `00000000-0000-4000-8000-00000000000${page}`,
        resource_id: ROOM_ID,
        name: 'coffee_cafe',
        display_name: 'Coffee Cafe',
        type: 'room',
        cover_url: '',
        preview_url: '',
        locked: false,
        channels: { audio: '/external/coffee_cafe?channel=audio', video: '/external/coffee_cafe?channel=video' },
        created_at: '2026-11-01T10:00:00Z',
      };
      sendJson(response, 200, {
        data: [address],
        links: { self: request.url, first: ADDRESSES, ...(page === 0 ? { next: `${ADDRESSES}?page=1` } : {}) },
      });
    });
    servers.push(server);
    const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
    const channels = [];
    for await (const address of client.fabric.conferenceRooms.listAddresses(ROOM_ID)) channels.push(address.channels.video);
    expect(channels).toEqual(['/external/coffee_cafe?channel=video', '/external/coffee_cafe?channel=video']);
    expect(server.requests.map((request) => request.url)).toEqual([ADDRESSES, `${ADDRESSES}?page=1`]);
  });
});

describe('ids', () => {
  const client = createSignalWireClient({ baseUrl: 'http://127.0.0.1:9', ...credentials });
  test.each(['', 'abc', '../conference_rooms', `${ROOM_ID}/../x`, `${ROOM_ID}?x=1`, ' '])('%j is refused before any request', async (id) => {
    await expect(client.fabric.conferenceRooms.get(id)).rejects.toThrow('must be a uuid');
    await expect(client.fabric.conferenceRooms.update(id, { enable_room_previews: true, sync_audio_video: true })).rejects.toThrow(SignalWireError);
    await expect(client.fabric.conferenceRooms.delete(id)).rejects.toThrow(SignalWireError);
    expect(() => client.fabric.conferenceRooms.listAddresses(id)).toThrow(SignalWireError);
  });
});
