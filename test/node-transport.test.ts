// The Node default under the client (src/send.ts): node:http with keep-alive agents (node-send.ts),
// plain requests in and answers out; and client.api (openapi-fetch) over it, where a middleware may
// replace the Request or the Response.
import { afterEach, describe, expect, test } from 'vitest';
import { createSignalWireClient, SignalWireApiError } from '../src/index.js';
import { nodeSend } from '../src/node-send.js';
import { credentials, ROOM_ID, roomResponse } from './support/fixtures.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
const LIMIT = 1024 * 1024;
const get = (url: string) => ({ method: 'GET', url, headers: {}, body: undefined });
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('nodeSend, the Node send function', () => {
  test('never follows a redirect: the 3xx comes back as it is', async () => {
    server = await startLocalServer((_, response) => {
      response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
    });
    const answer = await nodeSend(get(`${server.url}/x`), LIMIT).answer;
    expect(answer.status).toBe(302);
    expect(answer.header('location')).toBe('http://127.0.0.1:1/elsewhere');
    expect(server.requests).toHaveLength(1);
  });

  test('sends method, headers and body; answers with every header, repeated ones included', async () => {
    server = await startLocalServer((_, response) => {
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      sendJson(response, 200, { ok: true }, { 'x-request-id': 'abc' });
    });
    const answer = await nodeSend(
      {
        method: 'PUT',
        url: `${server.url}/x`,
        headers: { 'content-type': 'application/json', 'x-b': '2' },
        body: new TextEncoder().encode('{"a":1}'),
      },
      LIMIT,
    ).answer;
    expect(server.requests[0]).toMatchObject({ method: 'PUT', body: '{"a":1}', headers: { 'x-b': '2' } });
    expect(answer.header('x-request-id')).toBe('abc');
    expect(answer.header('set-cookie')).toBe('a=1, b=2');
    expect(answer.headers().getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(JSON.parse(new TextDecoder().decode(answer.body!))).toEqual({ ok: true });
  });

  test('a refused connection rejects with the Node error, its code included, as the cause', async () => {
    const error = await nodeSend(get('http://127.0.0.1:1/'), LIMIT).answer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  test('cancelled at once: rejects with the reason and sends nothing', async () => {
    server = await startLocalServer((_, response) => sendJson(response, 200, {}));
    const sending = nodeSend(get(`${server.url}/x`), LIMIT);
    sending.cancel(new Error('stop'));
    await expect(sending.answer).rejects.toThrow('stop');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
  });

  test('past the size limit: rejects with the limit and the answer\'s status, reading no further', async () => {
    server = await startLocalServer((_, response) => sendJson(response, 200, { padding: 'x'.repeat(10_000) }));
    const error = await nodeSend(get(`${server.url}/x`), 1_000).answer.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: 'the body is larger than 1000 bytes', answer: { status: 200 } });
  });
});

test('client.api: a middleware may replace the Request with a native one', async () => {
  server = await startLocalServer((request, response) =>
    sendJson(response, 200, roomResponse({ display_name: String(request.headers['x-replaced']) })),
  );
  const client = createSignalWireClient({ baseUrl: server.url, ...credentials, maxRetries: 0 });
  client.api.use({
    onRequest: ({ request }) => new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-replaced': 'yes' } }),
  });
  const { data } = await client.api.GET('/api/fabric/resources/conference_rooms/{id}', { params: { path: { id: ROOM_ID } } });
  expect(data?.display_name).toBe('yes');
  // client.api's middleware is its own: the methods do not go through openapi-fetch.
  expect((await client.fabric.conferenceRooms.get(ROOM_ID)).display_name).toBe('undefined');
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

test('client.api: a middleware may return the Response it got, or rebuild it', async () => {
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
  const { data } = await client.api.GET('/api/fabric/resources/conference_rooms/{id}', { params: { path: { id: ROOM_ID } } });
  expect(data?.id).toBe(ROOM_ID);
  expect(seen).toEqual(['r2']);
});
