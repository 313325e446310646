// Type-level tests of the Compatibility API methods: form bodies with their required fields, enums and
// array fields, query parameters, the AccountSid the client fills, results and list items.
// Compiled by vitest's typecheck (tsc), never run; every @ts-expect-error must stay an error.
import { describe, expectTypeOf, test } from 'vitest';
import { createSignalWireClient, type CompatComponents, type CompatMessagesCreateBody, type Paginator } from '../src/index.js';

type Schemas = CompatComponents['schemas'];
const client = createSignalWireClient({ space: 'example', projectId: 'p', apiToken: 't' });
const sid = '0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60';

/** Compiled, never called. */
function never(run: () => void) {
  void run;
}

describe('messages', () => {
  test('To is required; MediaUrl is an array; the body type has a name', () => {
    void client.compat.messages.create({ To: '+15551230001', From: '+15551230002', Body: 'hi', MediaUrl: ['https://x/a.png'] });
    expectTypeOf<CompatMessagesCreateBody['MediaUrl']>().toEqualTypeOf<string[] | undefined>();
    never(() => {
      // @ts-expect-error To is required
      void client.compat.messages.create({ From: '+15551230002', Body: 'hi' });
      // @ts-expect-error MediaUrl is an array of URLs
      void client.compat.messages.create({ To: '+1', MediaUrl: 'https://x/a.png' });
      // @ts-expect-error SendAsMms is a boolean
      void client.compat.messages.create({ To: '+1', SendAsMms: 'yes' });
    });
  });

  test('the AccountSid is not an argument: a message sid is the only path parameter', () => {
    expectTypeOf(client.compat.messages.get).parameters.toMatchTypeOf<[string, object?]>();
    never(() => {
      // @ts-expect-error the sid is required
      void client.compat.messages.get();
    });
  });

  test('list filters are typed query parameters, Status an enum', () => {
    void client.compat.messages.list({ To: '+15551230001', Status: 'delivered', PageSize: 100 });
    expectTypeOf(client.compat.messages.list()).toEqualTypeOf<Paginator<Schemas['Message']>>();
    never(() => {
      // @ts-expect-error lost is no message status
      void client.compat.messages.list({ Status: 'lost' });
      // @ts-expect-error status is spelt Status
      void client.compat.messages.list({ status: 'sent' });
    });
  });
});

describe('calls', () => {
  test('To and From are required; StatusCallbackEvent takes the documented events only', () => {
    void client.compat.calls.create({ To: '+1', From: '+2', Url: 'https://x/voice.xml', StatusCallbackEvent: ['initiated', 'completed'] });
    never(() => {
      // @ts-expect-error From is required
      void client.compat.calls.create({ To: '+1', Url: 'https://x/voice.xml' });
      // @ts-expect-error hungup is no call event
      void client.compat.calls.create({ To: '+1', From: '+2', StatusCallbackEvent: ['hungup'] });
      // @ts-expect-error Timeout is a number
      void client.compat.calls.create({ To: '+1', From: '+2', Timeout: '30' });
    });
  });

  test('a list is filtered by status and yields calls', () => {
    void client.compat.calls.list({ Status: 'completed' });
    expectTypeOf(client.compat.calls.get(sid)).resolves.toEqualTypeOf<Schemas['Call']>();
    never(() => {
      // @ts-expect-error finished is no call status
      void client.compat.calls.list({ Status: 'finished' });
    });
  });
});

describe('the raw Compatibility client', () => {
  test('compatApi is typed on the Compatibility paths', () => {
    void client.compatApi.GET('/Accounts/{AccountSid}/Messages/{Sid}', { params: { path: { AccountSid: sid, Sid: sid } } });
    never(() => {
      // @ts-expect-error a REST API path is not a Compatibility API path
      void client.compatApi.GET('/api/fabric/resources/conference_rooms');
    });
  });
});
