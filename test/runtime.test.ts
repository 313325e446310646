// The generic runtime over real sockets: what each kind of generated method puts on the wire (path
// parameters, body, query, auth) and what it resolves to, against a recording local server.
import { afterEach, describe, expect, test } from 'vitest';
import { restApi } from '../generated/operations.js';
import { createSignalWireClient, type SignalWireClient, SignalWireApiError, SignalWireError, SignalWireNotFoundError } from '../src/index.js';
import { parseOperation } from '../src/runtime/operation-spec.js';
import { API_TOKEN, credentials, PROJECT_ID, ROOM_ID, roomResponse } from './support/fixtures.js';
import { type Handler, type LocalServer, sendJson, startLocalServer } from './support/local-server.js';
import { rejectionOf } from './support/rejection.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString('base64')}`;

async function serve(handler: Handler = (_request, response) => sendJson(response, 200, roomResponse())) {
  const server = await startLocalServer(handler);
  servers.push(server);
  return { server, client: createSignalWireClient({ baseUrl: server.url, ...credentials, maxRetries: 0 }) };
}

describe('path parameters', () => {
  test('come in path order and are percent-encoded: no "/", "?" or "#" of a caller reaches the path', async () => {
    const { server, client } = await serve();
    await client.video.rooms.get('a/b?c#d e');
    await client.relay.queueMembers.get(ROOM_ID, PROJECT_ID);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/video/rooms/a%2Fb%3Fc%23d%20e',
      `/api/relay/rest/queues/${ROOM_ID}/members/${PROJECT_ID}`,
    ]);
  });

  test.each([
    ['not a uuid', () => 'abc'],
    ['a uuid with a path after it', () => `${ROOM_ID}/../x`],
    ['a number', () => 42],
    ['undefined', () => undefined],
  ])('a uuid parameter given %s is refused before any request', async (_, value) => {
    const { server, client } = await serve();
    const error = await rejectionOf(client.fabric.conferenceRooms.get(value() as string), SignalWireError);
    expect(error.message).toMatch(/^fabric\.conferenceRooms\.get\(\): invalid `id` \(argument 1\) .*: it must be a uuid/);
    expect(server.requests).toHaveLength(0);
  });

  test.each(['', '.', '..'])('a string parameter %j is refused before any request', async (value) => {
    const { server, client } = await serve();
    await rejectionOf(client.video.rooms.get(value), SignalWireError);
    expect(server.requests).toHaveLength(0);
  });

  test('a list with a bad id throws at once, before any page is asked for', async () => {
    const { server, client } = await serve();
    expect(() => client.fabric.conferenceRooms.listAddresses('nope')).toThrow(SignalWireError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('body, query and options', () => {
  test('the body is sent as JSON; query parameters and per-call options share the last argument', async () => {
    const { server, client } = await serve((_request, response) => sendJson(response, 200, { data: [], links: { self: '/x', first: '/x' } }));
    await client.fabric.conferenceRooms.create({ name: 'x', enable_room_previews: true }, { headers: { 'X-Trace': '1' } });
    for await (const _ of client.video.rooms.list({ include_active_session: true, page_size: 7, timeoutMs: 5_000 })) break;
    const [create, list] = server.requests;
    expect(create!.method).toBe('POST');
    expect(create!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(create!.body)).toEqual({ name: 'x', enable_room_previews: true });
    expect(create!.headers['x-trace']).toBe('1');
    expect(list!.url).toBe('/api/video/rooms?include_active_session=true&page_size=7');
  });

  const circular: Record<string, unknown> = { name: 'x' };
  circular.self = circular;
  test.each([
    ['a body with a cycle', (c: SignalWireClient) => c.fabric.conferenceRooms.create(circular as never), /the body cannot be sent as JSON/],
    ['a body with a BigInt', (c: SignalWireClient) => c.fabric.conferenceRooms.create({ name: 'x', enable_room_previews: true, max_members: 1n } as never), /the body cannot be sent as JSON/],
    ['a query parameter holding an object', (c: SignalWireClient) => c.video.rooms.list({ starts_after: { a: 1 } } as never).pages().next(), /query parameter `starts_after` must be a string/],
    ['a query parameter holding NaN', (c: SignalWireClient) => c.video.rooms.list({ page_size: Number.NaN }).pages().next(), /query parameter `page_size` must be .* not NaN/],
  ])('%s is a SignalWireError naming it, and nothing is sent', async (_, call, message) => {
    const { server, client } = await serve();
    const error = await rejectionOf((async () => call(client))(), SignalWireError);
    expect(error.message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  test('a list that declares page_size asks for its largest page when the caller gives none', async () => {
    const { server, client } = await serve((_request, response) => sendJson(response, 200, { data: [], links: { self: '/x', first: '/x' } }));
    for await (const _ of client.video.rooms.list()) break;
    expect(parseOperation(restApi.video.rooms.list).pageSize).toEqual({ param: 'page_size', max: 1000 });
    expect(server.requests[0]!.url).toBe('/api/video/rooms?page_size=1000');
  });

  test('later pages follow links.next as given, which carry the first request\'s query', async () => {
    const { server, client } = await serve((request, response) => {
      const next = request.url!.includes('page_token') ? {} : { next: `/api/video/rooms?page_size=2&starts_after=2026-01-01&page_token=PA2` };
      sendJson(response, 200, { data: [{ n: 1 }, { n: 2 }], links: { self: request.url, first: request.url, ...next } });
    });
    let count = 0;
    for await (const _ of client.video.rooms.list({ page_size: 2, starts_after: '2026-01-01' })) count += 1;
    expect(count).toBe(4);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/video/rooms?page_size=2&starts_after=2026-01-01',
      '/api/video/rooms?page_size=2&starts_after=2026-01-01&page_token=PA2',
    ]);
  });

  test('every page of a list keeps its raw answer, out of its JSON', async () => {
    const { client } = await serve((_request, response) =>
      sendJson(response, 200, { data: [{ n: 1 }], links: { self: '/x', first: '/x' } }, { 'x-request-id': 'page-1' }),
    );
    for await (const page of client.video.rooms.list().pages()) {
      expect(page.response!.status).toBe(200);
      expect(page.response!.headers.get('x-request-id')).toBe('page-1');
      expect(Object.keys(page)).toEqual(['data', 'links']);
      expect(JSON.parse(JSON.stringify(page))).toEqual({ data: [{ n: 1 }], links: { self: '/x', first: '/x' } });
    }
  });

  test('a 204 resolves to undefined', async () => {
    const { client } = await serve((_request, response) => void response.writeHead(204).end());
    await expect(client.fabric.conferenceRooms.delete(ROOM_ID)).resolves.toBeUndefined();
  });

  test('withResponse() gives the typed result with its raw answer and request id', async () => {
    const { client } = await serve((_request, response) => sendJson(response, 201, roomResponse(), { 'x-request-id': 'req-7' }));
    const { data, response, requestId } = await client.fabric.conferenceRooms.create({ name: 'x', enable_room_previews: true }).withResponse();
    expect(data).toEqual(roomResponse());
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('req-7');
    expect(requestId).toBe('req-7');
  });
});

describe('auth per operation', () => {
  test('Basic operations send the Project ID and API token', async () => {
    const { server, client } = await serve();
    await client.fabric.conferenceRooms.get(ROOM_ID);
    expect(server.requests[0]!.headers.authorization).toBe(BASIC);
  });

  test('Bearer operations send the subscriber token and never the Basic credentials, on every page', async () => {
    const { server, client } = await serve((request, response) => {
      const next = request.url!.includes('page=2') ? {} : { next: '/api/fabric/addresses?page=2' };
      sendJson(response, 200, { data: [{}], links: { self: request.url, first: request.url, ...next } });
    });
    for await (const _ of client.fabric.addresses.list({ subscriberToken: 'sub-token' })) void _;
    await client.fabric.addresses.get(ROOM_ID, { subscriberToken: 'sub-token' });
    await client.fabric.subscriberTokens.createInvite({ address_id: ROOM_ID }, { subscriberToken: 'sub-token' });
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) expect(request.headers.authorization).toBe('Bearer sub-token');
  });

  test.each([undefined, '', 'two words', 'line\nbreak'])('a Bearer operation with subscriberToken %j is refused, unsent and unechoed', async (token) => {
    const { server, client } = await serve();
    const error = await rejectionOf(client.fabric.addresses.get(ROOM_ID, { subscriberToken: token as string }), SignalWireError);
    expect(error.message).toContain('subscriberToken');
    if (token) expect(error.message).not.toContain(token);
    expect(server.requests).toHaveLength(0);
  });

  test('the anonymous operation sends no credentials at all', async () => {
    const { server, client } = await serve((_request, response) => sendJson(response, 200, { token: 't' }));
    await client.fabric.subscriberTokens.createGuestEmbed({ token: 'c2c-token' });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('the method tree', () => {
  test('is built lazily and keeps what it built', () => {
    const client = createSignalWireClient({ baseUrl: 'http://127.0.0.1:9', ...credentials });
    const descriptor = Object.getOwnPropertyDescriptor(client, 'video')!;
    expect(descriptor.get).toBeTypeOf('function'); // nothing built yet
    const rooms = client.video.rooms;
    expect(Object.getOwnPropertyDescriptor(client, 'video')!.value).toBeDefined();
    expect(client.video.rooms).toBe(rooms);
    expect(client.video.rooms.get).toBe(rooms.get);
  });

  test('has a method for every entry of the table, and nothing else', () => {
    const client = createSignalWireClient({ baseUrl: 'http://127.0.0.1:9', ...credentials }) as unknown as Record<string, Record<string, Record<string, unknown>>>;
    for (const [family, resources] of Object.entries(restApi)) {
      expect(Object.keys(client[family]!).sort()).toEqual(Object.keys(resources).sort());
      for (const [resource, actions] of Object.entries(resources)) {
        expect(Object.keys(client[family]![resource]!).sort()).toEqual(Object.keys(actions).sort());
        for (const action of Object.keys(actions)) expect(client[family]![resource]![action]).toBeTypeOf('function');
      }
    }
  });
});

describe('the Compatibility API on the wire', () => {
  const ACCOUNT = `/api/laml/2010-04-01/Accounts/${PROJECT_ID}`;
  const message = { sid: 'SM1', status: 'queued' };

  test('a form body: repeated keys for arrays, booleans and numbers as text, the AccountSid filled in', async () => {
    const { server, client } = await serve((_request, response) => sendJson(response, 201, message));
    await client.compat.messages.create({
      To: '+15551230001',
      From: '+15551230002',
      Body: 'Hello & welcome, 50% off!',
      MediaUrl: ['https://example.com/a.png', 'https://example.com/b.png'],
      SendAsMms: true,
      ValidityPeriod: 600,
    });
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe(`${ACCOUNT}/Messages`);
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.body).toBe(
      'To=%2B15551230001&From=%2B15551230002&Body=Hello+%26+welcome%2C+50%25+off%21' +
        '&MediaUrl=https%3A%2F%2Fexample.com%2Fa.png&MediaUrl=https%3A%2F%2Fexample.com%2Fb.png&SendAsMms=true&ValidityPeriod=600',
    );
    expect(request!.headers.authorization).toBe(BASIC);
  });

  test('an enum array (StatusCallbackEvent) goes as repeated keys too, and undefined fields are left out', async () => {
    const { server, client } = await serve((_request, response) => sendJson(response, 201, { sid: 'CA1' }));
    await client.compat.calls.create({
      To: '+15551230001',
      From: '+15551230002',
      Url: 'https://example.com/cxml',
      StatusCallbackEvent: ['initiated', 'completed'],
      Timeout: 30,
      CallerId: undefined,
    });
    expect(server.requests[0]!.body).toBe(
      'To=%2B15551230001&From=%2B15551230002&Url=https%3A%2F%2Fexample.com%2Fcxml&StatusCallbackEvent=initiated&StatusCallbackEvent=completed&Timeout=30',
    );
  });

  test('a JSON body where JSON is declared, and no body where none is', async () => {
    const { server, client } = await serve((_request, response) => sendJson(response, 200, { id: ROOM_ID }));
    await client.compat.tokens.update(ROOM_ID, { name: 'renamed' });
    await client.compat.messages.get(ROOM_ID);
    const [update, get] = server.requests;
    expect(update!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(update!.body)).toEqual({ name: 'renamed' });
    expect(get!.url).toBe(`${ACCOUNT}/Messages/${ROOM_ID}`);
    expect(get!.headers['content-type']).toBeUndefined();
    expect(get!.body).toBe('');
  });

  test.each([
    ['a nested object', { To: '+1', Body: { text: 'x' } }],
    ['NaN', { To: '+1', ValidityPeriod: Number.NaN }],
  ])('a form field holding %s is refused before any request', async (_, body) => {
    const { server, client } = await serve();
    await rejectionOf(client.compat.messages.create(body as never), SignalWireError);
    expect(server.requests).toHaveLength(0);
  });

  test('lists follow next_page_uri (relative, with the base path) and ask for the largest PageSize', async () => {
    const { server, client } = await serve((request, response) => {
      const last = request.url!.includes('Page=1');
      sendJson(response, 200, {
        messages: [{ sid: last ? 'SM2' : 'SM1' }],
        uri: request.url,
        first_page_uri: `${ACCOUNT}/Messages?PageSize=1000&Page=0`,
        next_page_uri: last ? null : `${ACCOUNT}/Messages?PageSize=1000&Page=1&PageToken=PA1`,
        page: last ? 1 : 0,
        page_size: 1000,
      });
    });
    const sids: string[] = [];
    for await (const item of client.compat.messages.list({ To: '+15551230001' })) sids.push(item.sid!);
    expect(sids).toEqual(['SM1', 'SM2']);
    expect(server.requests.map((request) => request.url)).toEqual([
      `${ACCOUNT}/Messages?To=%2B15551230001&PageSize=1000`,
      `${ACCOUNT}/Messages?PageSize=1000&Page=1&PageToken=PA1`,
    ]);
  });

  test('a next_page_uri outside the Compatibility API base path is never followed', async () => {
    const { server, client } = await serve((_request, response) =>
      sendJson(response, 200, { messages: [], next_page_uri: '/api/fabric/resources/conference_rooms' }),
    );
    await rejectionOf((async () => { for await (const _ of client.compat.messages.list()) void _; })(), SignalWireError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('Compatibility API errors', () => {
  test('the flat { code, message, more_info, status } body becomes the typed error, with code and moreInfo', async () => {
    const body = { code: 21211, message: "The 'To' number is not a valid phone number.", more_info: 'https://signalwire.com/docs/errors/21211', status: 400 };
    const { client } = await serve((_request, response) => sendJson(response, 400, body));
    const error = await rejectionOf(client.compat.messages.create({ To: 'nope', From: '+15551230002', Body: 'x' }), SignalWireApiError);
    expect(error).toMatchObject({ status: 400, code: 21211, moreInfo: 'https://signalwire.com/docs/errors/21211' });
    expect(error.errors).toEqual([{ message: body.message, code: 21211, url: body.more_info, status: '400', raw: body }]);
    expect(error.message).toContain("The 'To' number is not a valid phone number.");
  });

  test('a 404 of the Compatibility API is a SignalWireNotFoundError', async () => {
    const { client } = await serve((_request, response) =>
      sendJson(response, 404, { code: 20404, message: 'The requested resource was not found', more_info: 'https://x', status: 404 }),
    );
    const error = await rejectionOf(client.compat.calls.get(ROOM_ID), SignalWireNotFoundError);
    expect(error.code).toBe(20404);
  });
});
