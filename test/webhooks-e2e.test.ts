// Issue 21 end to end: handlers written as the README shows, in node:http and in Express, receive a
// webhook from sendWebhook() over a real socket, verify it, and answer with SWML; a forged one gets
// 401. (The Worker handler runs in workerd in `make check-package`: scripts/package-check/consumer/.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, test } from 'vitest';
import { sendWebhook } from '../src/testing.js';
import { readWebhook, type SwmlDocument, WebhookError, writeAnswer } from '../src/webhooks.js';

const SIGNING_KEY = 'PSK_e2e_0f8e7d6c5b4a';
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The SWML a handler answers an inbound call with: it greets the caller by number. */
const greeting = (from: string | undefined): SwmlDocument => ({
  version: '1.0.0',
  sections: { main: [{ play: { url: `say:Hello ${from ?? 'stranger'}` } }, { hangup: {} }] },
});

const handlers = {
  'node:http': () =>
    listen(async (req, res) => {
      try {
        const { call } = await readWebhook(req, { signingKey: SIGNING_KEY, webhook: 'inboundCallWebhook' });
        writeAnswer(res, greeting(call?.from));
      } catch (error) {
        if (!(error instanceof WebhookError)) throw error;
        res.writeHead(error.status).end(error.message);
      }
    }),
  Express: () => {
    const app = express();
    app.post('/calls', express.raw({ type: () => true }), async (req, res) => {
      try {
        const { call } = await readWebhook(req, { signingKey: SIGNING_KEY, webhook: 'inboundCallWebhook' });
        res.json(greeting(call?.from));
      } catch (error) {
        if (!(error instanceof WebhookError)) throw error;
        res.status(error.status).send(error.message);
      }
    });
    return listen(app);
  },
};

describe.each(Object.entries(handlers))('a handler in %s', (_, start) => {
  test('answers a signed inbound call webhook with its SWML', async () => {
    const base = await start();
    const reply = await sendWebhook(`${base}/calls`, 'inboundCallWebhook', {
      signingKey: SIGNING_KEY,
      payload: { call: { from: '+15550100' } },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.json()).toEqual(greeting('+15550100'));
  });

  test('the example payload alone is a valid webhook too', async () => {
    const base = await start();
    const reply = await sendWebhook(`${base}/calls`, 'inboundCallWebhook', { signingKey: SIGNING_KEY });
    expect(reply.status).toBe(200);
    expect(reply.json<SwmlDocument>().sections.main).toHaveLength(2);
  });

  test('a forged webhook (another key) gets 401 and no SWML', async () => {
    const base = await start();
    const reply = await sendWebhook(`${base}/calls`, 'inboundCallWebhook', { signingKey: 'a-guess' });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/signature does not match/);
    expect(reply.body).not.toContain(SIGNING_KEY);
  });
});
