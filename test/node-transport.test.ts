// The Node defaults under the client (src/send.ts): node:http with keep-alive agents (node-send.ts)
// and the lighter Request/Response classes (lite-objects.ts). What the rest of the code and a
// middleware may ask of a Request or a Response must still be there; and the transport's contract
// with fetch (no redirects followed, the Node error as the cause) must hold.
import { afterEach, describe, expect, test } from 'vitest';
import { createSignalWireClient, SignalWireApiError } from '../src/index.js';
import { LiteRequest, LiteResponse } from '../src/lite-objects.js';
import { nodeSend } from '../src/node-send.js';
import { credentials, ROOM_ID, roomResponse } from './support/fixtures.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('LiteRequest', () => {
  const url = 'http://127.0.0.1:1/api/rooms/a%20b?x=1';

  test('is a Request, with the URL normalised and the headers copied', () => {
    const headers = new Headers({ 'content-type': 'application/json' });
    const request = new LiteRequest('http://127.0.0.1:1/api/rooms/a b', { method: 'POST', headers, body: '{}' });
    expect(request).toBeInstanceOf(Request);
    expect(request.url).toBe('http://127.0.0.1:1/api/rooms/a%20b');
    expect(request.method).toBe('POST');
    headers.set('x-later', '1');
    expect(request.headers.has('x-later')).toBe(false);
    expect(request.redirect).toBe('follow');
    expect(request.signal.aborted).toBe(false);
  });

  test('a string body: text/plain by default, readable once, through the stream too', async () => {
    const request = new LiteRequest(url, { method: 'PUT', body: 'héllo' });
    expect(request.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect(request.body).toBeInstanceOf(ReadableStream);
    expect(request.bodyUsed).toBe(false);
    expect(new TextDecoder().decode(await request.arrayBuffer())).toBe('héllo');
    expect(request.bodyUsed).toBe(true);
    await expect(request.text()).rejects.toThrow(TypeError);

    const streamed = new LiteRequest(url, { method: 'POST', body: '{"a":1}' });
    expect(await new Response(streamed.body).json()).toEqual({ a: 1 });
    await expect(streamed.json()).rejects.toThrow(TypeError);
  });

  test('no body: body is null, and reads give nothing', async () => {
    const request = new LiteRequest(url);
    expect(request.method).toBe('GET');
    expect(request.body).toBeNull();
    expect(await request.text()).toBe('');
  });

  test('clone() copies the body; the original stays readable', async () => {
    const request = new LiteRequest(url, { method: 'POST', body: 'abc', headers: { 'x-a': '1' } });
    const copy = request.clone();
    expect(await copy.text()).toBe('abc');
    expect(copy.headers.get('x-a')).toBe('1');
    expect(await request.text()).toBe('abc');
  });

  test('what it does not model goes to the native class, which normalises or throws', () => {
    expect(new LiteRequest(url, { method: 'post', body: 'x' }).method).toBe('POST');
    expect(() => new LiteRequest(url, { method: 'GET', body: 'x' })).toThrow(TypeError);
    expect(() => new LiteRequest('http://user:secret@127.0.0.1:1/')).toThrow(TypeError);
    expect(() => new LiteRequest('/relative')).toThrow(TypeError);
    const form = new LiteRequest(url, { method: 'POST', body: new URLSearchParams({ a: '1' }) });
    expect(form.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
  });

  test('a native Request passes openapi-fetch\'s instanceof check against the class', () => {
    expect(new Request(url)).toBeInstanceOf(LiteRequest);
  });
});

describe('LiteResponse', () => {
  const bytes = () => new TextEncoder().encode('{"ok":true}').buffer;

  test('is a Response with status, headers and a body read once', async () => {
    const response = new LiteResponse(bytes(), { status: 201, statusText: 'Created', headers: { 'x-request-id': 'r1' } });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.ok, response.statusText]).toEqual([201, true, 'Created']);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect([response.type, response.url, response.redirected]).toEqual(['default', '', false]);
    const copy = response.clone();
    expect(await response.json()).toEqual({ ok: true });
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(await copy.text()).toBe('{"ok":true}');
  });

  test('null bodies, blobs and statuses are those of the native class', async () => {
    const empty = new LiteResponse(null, { status: 204 });
    expect([empty.ok, empty.body]).toEqual([true, null]);
    expect((await new LiteResponse(bytes(), { headers: { 'content-type': 'application/json' } }).blob()).type).toBe(
      'application/json',
    );
    expect(new LiteResponse(bytes(), { status: 503 }).ok).toBe(false);
    expect(() => new LiteResponse(bytes(), { status: 204 })).toThrow(TypeError);
    expect(() => new LiteResponse(null, { status: 600 })).toThrow(RangeError);
  });
});

describe('nodeSend, the Node send function', () => {
  test('never follows a redirect: the 3xx comes back as it is', async () => {
    server = await startLocalServer((_, response) => {
      response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
    });
    const answer = await nodeSend(`${server.url}/x`, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('http://127.0.0.1:1/elsewhere');
    expect(server.requests).toHaveLength(1);
  });

  test('sends method, headers and body; answers with every header, repeated ones included', async () => {
    server = await startLocalServer((_, response) => {
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      sendJson(response, 200, { ok: true }, { 'x-request-id': 'abc' });
    });
    const answer = await nodeSend(`${server.url}/x`, {
      method: 'PUT',
      headers: new Headers({ 'content-type': 'application/json', 'x-b': '2' }),
      body: new TextEncoder().encode('{"a":1}').buffer,
    });
    expect(server.requests[0]).toMatchObject({ method: 'PUT', body: '{"a":1}', headers: { 'x-b': '2' } });
    expect(answer.headers.get('x-request-id')).toBe('abc');
    expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await answer.json()).toEqual({ ok: true });
    await expect(answer.text()).rejects.toThrow(TypeError); // read once, as fetch's
  });

  test('a refused connection rejects with the Node error, its code included, as the cause', async () => {
    const error = await nodeSend('http://127.0.0.1:1/').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  test('an already-aborted signal sends nothing', async () => {
    server = await startLocalServer((_, response) => sendJson(response, 200, {}));
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(nodeSend(`${server.url}/x`, { signal: controller.signal })).rejects.toThrow('stop');
    expect(server.requests).toHaveLength(0);
  });
});

test('through the client: a middleware may replace the Request with a native one', async () => {
  server = await startLocalServer((request, response) =>
    sendJson(response, 200, roomResponse({ display_name: String(request.headers['x-replaced']) })),
  );
  const client = createSignalWireClient({ baseUrl: server.url, ...credentials, maxRetries: 0 });
  client.api.use({
    onRequest: ({ request }) => new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-replaced': 'yes' } }),
  });
  const room = await client.fabric.conferenceRooms.get(ROOM_ID);
  expect(room.display_name).toBe('yes');
});

test('through the client: an error answer still carries status and request id', async () => {
  server = await startLocalServer((_, response) => sendJson(response, 404, { errors: [] }, { 'x-request-id': 'req-9' }));
  const client = createSignalWireClient({ baseUrl: server.url, ...credentials, maxRetries: 0 });
  const error = await client.fabric.conferenceRooms.get(ROOM_ID).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SignalWireApiError);
  expect((error as SignalWireApiError).requestId).toBe('req-9');
  const { response } = await client.api.GET('/api/fabric/resources/conference_rooms/{id}', {
    params: { path: { id: ROOM_ID } },
  });
  expect(response).toBeInstanceOf(Response);
  expect(response.status).toBe(404);
});

test('through the client: a middleware may return the Response it got, or rebuild it', async () => {
  server = await startLocalServer((_, response) => sendJson(response, 200, roomResponse(), { 'x-request-id': 'r2' }));
  const client = createSignalWireClient({ baseUrl: server.url, ...credentials, maxRetries: 0 });
  const seen: string[] = [];
  client.api.use({ onResponse: ({ response }) => response });
  client.api.use({
    onResponse: ({ response }) => {
      seen.push(response.headers.get('x-request-id')!);
      return new Response(response.body, response);
    },
  });
  const room = await client.fabric.conferenceRooms.get(ROOM_ID);
  expect(room.id).toBe(ROOM_ID);
  expect(seen).toEqual(['r2']);
});
