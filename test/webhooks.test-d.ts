// Type-level tests of signalwire-rest/webhooks: payloads by webhook name, SWML answers (a misspelt
// verb does not compile), declared answers, and sendWebhook's payload. Compiled by vitest's typecheck,
// never run; every @ts-expect-error must stay an error.
import type { IncomingMessage } from 'node:http';
import { describe, expectTypeOf, test } from 'vitest';
import { sendWebhook } from '../src/testing.js';
import {
  answerResponse,
  readWebhook,
  type DeclaredAnswer,
  type MessagingSwmlDocument,
  type SwmlDocument,
  type WebhookName,
  type WebhookPayload,
} from '../src/webhooks.js';

/** Compiled, never called. */
function never(run: () => void) {
  void run;
}
declare const request: Request;
declare const incoming: IncomingMessage;

describe('payloads', () => {
  test('readWebhook() returns the payload of the named webhook, for a Request and an IncomingMessage', () => {
    never(async () => {
      const call = await readWebhook(request, { signingKey: 'k', webhook: 'inboundCallWebhook' });
      expectTypeOf(call).toEqualTypeOf<WebhookPayload<'inboundCallWebhook'>>();
      expectTypeOf(call.call.call_id).toBeString();
      const message = await readWebhook(incoming, { signingKey: 'k', webhook: 'inboundMessageWebhook' });
      expectTypeOf(message.message.from).toBeString();
      expectTypeOf(message.message.body).toEqualTypeOf<string | null>();
      // @ts-expect-error: a call webhook has no `message`
      void call.message;
    });
  });

  test('a form-encoded Compatibility callback: enums kept, numbers may arrive as text', () => {
    expectTypeOf<WebhookPayload<'smsStatusCallback'>['MessageStatus']>().toEqualTypeOf<
      'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'receiving' | 'received'
    >();
    expectTypeOf<WebhookPayload<'smsStatusCallback'>['NumSegments']>().toEqualTypeOf<number | string>();
    expectTypeOf<WebhookPayload<'smsStatusCallback'>['MessageSid']>().toEqualTypeOf<string>();
  });

  test('webhook names are the descriptions\' names; another is an error', () => {
    expectTypeOf<'smsStatusCallback'>().toMatchTypeOf<WebhookName>();
    expectTypeOf<'aiSwaigToolWebhook'>().toMatchTypeOf<WebhookName>();
    never(() => {
      // @ts-expect-error: no such webhook
      void readWebhook(request, { signingKey: 'k', webhook: 'smsStatusCallbak' });
      // @ts-expect-error: the signing key is required
      void readWebhook(request, { webhook: 'smsStatusCallback' });
    });
  });
});

describe('answers', () => {
  test('a SWML document for a call and for a message; a misspelt verb does not compile', () => {
    const call: SwmlDocument = { version: '1.0.0', sections: { main: [{ answer: {} }, { play: { url: 'say:Hi' } }, { hangup: {} }] } };
    const reply: MessagingSwmlDocument = { sections: { main: [{ reply: 'Thanks!' }] } };
    void answerResponse(call);
    void answerResponse(reply);
    // @ts-expect-error: `plya` is no SWML method
    const misspelt: SwmlDocument = { sections: { main: [{ plya: { url: 'say:Hi' } }] } };
    // @ts-expect-error: a section is a list of methods
    const flat: SwmlDocument = { sections: { main: { play: { url: 'say:Hi' } } } };
    void [misspelt, flat];
  });

  test('declared answers: SWML for inbound webhooks, the tool result for SWAIG calls, none for status callbacks', () => {
    expectTypeOf<DeclaredAnswer<'inboundCallWebhook'>>().toEqualTypeOf<SwmlDocument>();
    expectTypeOf<DeclaredAnswer<'inboundMessageWebhook'>>().toEqualTypeOf<MessagingSwmlDocument>();
    expectTypeOf<DeclaredAnswer<'smsStatusCallback'>>().toEqualTypeOf<undefined>();
    const tool: DeclaredAnswer<'aiSwaigToolWebhook'> = { response: 'It is sunny.' };
    // @ts-expect-error: `respones` is not a field of the tool result
    const wrong: DeclaredAnswer<'aiSwaigToolWebhook'> = { respones: 'x' };
    void [tool, wrong];
  });
});

describe('sendWebhook()', () => {
  test('takes any part of the payload, typed; resolves to the handler\'s reply', () => {
    never(async () => {
      const reply = await sendWebhook('http://127.0.0.1:3000/sms', 'smsStatusCallback', { signingKey: 'k', payload: { MessageStatus: 'failed' } });
      expectTypeOf(reply.status).toBeNumber();
      expectTypeOf(reply.json<SwmlDocument>()).toEqualTypeOf<SwmlDocument>();
      void sendWebhook('http://x', 'inboundCallWebhook', { signingKey: 'k', payload: { call: { from: '+15550100' } } });
      // @ts-expect-error: not a MessageStatus
      void sendWebhook('http://x', 'smsStatusCallback', { signingKey: 'k', payload: { MessageStatus: 'lost' } });
    });
  });
});
