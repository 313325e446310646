// Issue 21: a webhook's answer as an HTTP answer (src/answer.ts): a SWML document as JSON, a rendered
// answer (a cXML builder's contract: `contentType` + `toString()`) as its own media type, for fetch
// runtimes (a Response) and for Node (a ServerResponse, over a real socket).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { answerBody, answerResponse, type RenderedAnswer, type SwmlDocument, writeAnswer } from '../src/webhooks.js';

const swml: SwmlDocument = { version: '1.0.0', sections: { main: [{ play: { url: 'say:Héllo 😀' } }] } };
/** A stand-in for a cXML builder: what the cxml entry's VoiceResponse gives. */
const rendered: RenderedAnswer = { contentType: 'text/xml', toString: () => '<?xml version="1.0"?><Response><Say>Héllo</Say></Response>' };

test('answerBody: a SWML document as JSON, a rendered answer as its text and media type', () => {
  expect(answerBody(swml)).toEqual({ body: JSON.stringify(swml), contentType: 'application/json' });
  expect(answerBody(rendered)).toEqual({ body: rendered.toString(), contentType: 'text/xml' });
});

test("answerResponse: the body and media type, the init's status and headers kept, its content-type replaced", async () => {
  const response = answerResponse(rendered, { status: 201, headers: { 'x-trace': 't1', 'content-type': 'text/plain' } });
  expect([response.status, response.headers.get('content-type'), response.headers.get('x-trace')]).toEqual([201, 'text/xml', 't1']);
  expect(await response.text()).toBe(rendered.toString());
  expect(await answerResponse(swml).json()).toEqual(swml);
});

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

test('writeAnswer: status, media type and an exact Content-Length for non-ASCII text, over a socket', async () => {
  server = createServer((req, res) => writeAnswer(res, req.url === '/xml' ? rendered : swml, req.url === '/xml' ? 200 : 202));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const json = await fetch(`${base}/json`);
  expect([json.status, json.headers.get('content-type'), json.headers.get('content-length')]).toEqual([
    202,
    'application/json',
    String(Buffer.byteLength(JSON.stringify(swml))),
  ]);
  expect(await json.json()).toEqual(swml);
  const xml = await fetch(`${base}/xml`);
  expect([xml.status, xml.headers.get('content-type'), await xml.text()]).toEqual([200, 'text/xml', rendered.toString()]);
});
