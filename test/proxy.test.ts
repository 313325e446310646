// The default transport honours what a Node process configures for fetch (src/send.ts): undici's
// global dispatcher (MockAgent, ProxyAgent, EnvHttpProxyAgent with HTTPS_PROXY/HTTP_PROXY/NO_PROXY),
// checked over real sockets with a forward proxy that records what it relays. Node's own
// NODE_USE_ENV_PROXY (Node 24) is checked by `make check-package`.
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { EnvHttpProxyAgent, getGlobalDispatcher, MockAgent, ProxyAgent, setGlobalDispatcher, type Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startForwardProxy, type ForwardProxy } from '../scripts/package-check/consumer/forward-proxy.mjs';
import { createSignalWireClient } from '../src/index.js';
import { fetchIsRouted } from '../src/send.js';
import { credentials, roomResponse } from './support/fixtures.js';
import { sendJson, startLocalServer, type LocalServer } from './support/local-server.js';

const ROOMS = '/api/fabric/resources/conference_rooms';
const tls = { key: readFileSync('test/support/tls/key.pem'), cert: readFileSync('test/support/tls/cert.pem') };
const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

let api: LocalServer;
let proxy: ForwardProxy;
let httpsUrl: string;
let closeHttps: () => void;
const original = getGlobalDispatcher();
const savedEnvironment = Object.fromEntries(proxyVariables.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  api = await startLocalServer((_request, response) => sendJson(response, 200, roomResponse()));
  proxy = await startForwardProxy();
  const https = createHttpsServer(tls, (request, response) => {
    request.resume().on('end', () => sendJson(response, 200, roomResponse({ display_name: 'over TLS' })));
  });
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  closeHttps = () => https.close();
});
afterAll(async () => {
  closeHttps();
  await Promise.all([api.close(), proxy.close()]);
});
afterEach(() => {
  setGlobalDispatcher(original);
  for (const name of proxyVariables) {
    if (savedEnvironment[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnvironment[name];
  }
  proxy.connects.length = 0;
  proxy.requests.length = 0;
  api.requests.length = 0;
});

const create = (baseUrl: string) =>
  createSignalWireClient({ baseUrl, ...credentials, maxRetries: 0 }).fabric.conferenceRooms.create({
    name: 'proxied_room',
    enable_room_previews: true,
  });

function install(dispatcher: Dispatcher) {
  setGlobalDispatcher(dispatcher);
  expect(fetchIsRouted()).toBe(true);
}

describe('with undici’s default dispatcher', () => {
  test('calls go straight to the API over node:http, whatever the proxy variables say', async () => {
    process.env.HTTP_PROXY = proxy.url;
    expect(fetchIsRouted()).toBe(false);
    await create(api.url);
    expect(proxy.requests).toEqual([]);
    expect(proxy.connects).toEqual([]);
    // undici's fetch adds sec-fetch-mode to every request; node:http does not.
    expect(api.requests[0]!.headers['sec-fetch-mode']).toBeUndefined();
  });
});

describe('with a global dispatcher installed, calls go through fetch and it', () => {
  test('MockAgent: answers from its intercepts, with no socket opened', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock.get('https://example.signalwire.com').intercept({ path: ROOMS, method: 'POST' }).reply(200, roomResponse({ display_name: 'from MockAgent' }), {
      headers: { 'content-type': 'application/json' },
    });
    install(mock);
    const room = await create('https://example.signalwire.com');
    expect(room.display_name).toBe('from MockAgent');
    mock.assertNoPendingInterceptors();
  });

  test('EnvHttpProxyAgent with HTTPS_PROXY: an https API is reached through a CONNECT tunnel', async () => {
    process.env.HTTPS_PROXY = proxy.url;
    install(new EnvHttpProxyAgent({ requestTls: { ca: tls.cert } }));
    const room = await create(httpsUrl);
    expect(room.display_name).toBe('over TLS');
    expect(proxy.connects).toEqual([new URL(httpsUrl).host]);
  });

  test('EnvHttpProxyAgent with HTTP_PROXY: an http API is reached through the proxy', async () => {
    process.env.HTTP_PROXY = proxy.url;
    install(new EnvHttpProxyAgent());
    await create(api.url);
    expect(proxy.connects).toEqual([new URL(api.url).host]);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.headers['sec-fetch-mode']).toBe('cors');
  });

  test('EnvHttpProxyAgent with NO_PROXY naming the API host: the call goes direct', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';
    install(new EnvHttpProxyAgent());
    await create(api.url);
    expect(proxy.connects).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  test('ProxyAgent without tunnelling: the proxy relays an absolute-form request', async () => {
    install(new ProxyAgent({ uri: proxy.url, proxyTunnel: false }));
    await create(api.url);
    expect(proxy.requests).toEqual([`POST ${api.url}${ROOMS}`]);
    expect(proxy.connects).toEqual([]);
  });

  test('a dispatcher set after the client was made counts', async () => {
    const client = createSignalWireClient({ baseUrl: api.url, ...credentials, maxRetries: 0 });
    install(new ProxyAgent({ uri: proxy.url }));
    await client.fabric.conferenceRooms.get(roomResponse().id);
    expect(proxy.connects).toEqual([new URL(api.url).host]);
  });
});
