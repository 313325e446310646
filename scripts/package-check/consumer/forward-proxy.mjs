// A forward proxy on a free loopback port that records what it relays: CONNECT tunnels (https
// targets, or any target through undici's ProxyAgent) and absolute-form requests (plain http
// targets). Used by test/proxy.test.ts and by `make check-package` (Node 24, NODE_USE_ENV_PROXY).
import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

/** @returns {Promise<import('./forward-proxy.d.mts').ForwardProxy>} */
export async function startForwardProxy() {
  const connects = [];
  const requests = [];
  const sockets = new Set();
  const server = createServer((incoming, outgoing) => {
    requests.push(`${incoming.method} ${incoming.url}`);
    const target = new URL(incoming.url);
    const relay = httpRequest(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode, answer.headers);
      answer.pipe(outgoing);
    });
    relay.on('error', () => outgoing.destroy());
    incoming.pipe(relay);
  });
  server.on('connect', (incoming, client, head) => {
    connects.push(incoming.url);
    const [host, port] = [incoming.url.slice(0, incoming.url.lastIndexOf(':')), incoming.url.split(':').pop()];
    const upstream = connect(Number(port), host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => [client, upstream].forEach((each) => each.destroy()));
      socket.once('close', () => sockets.delete(socket));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    connects,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
