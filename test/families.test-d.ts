// Type-level tests of the generated methods across families: required fields, enums, free-form
// objects, nullable fields, path and query parameters, the Bearer operations. Compiled by vitest's
// typecheck (tsc), never run; every @ts-expect-error must stay an error.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createSignalWireClient,
  type ApiPromise,
  type components,
  type FabricConferenceRooms,
  type Paginator,
  type RequestOptions,
  type SignalWireClient,
} from '../src/index.js';

type Schemas = components['schemas'];
const client: SignalWireClient = createSignalWireClient({ space: 'example', projectId: 'p', apiToken: 't' });
const id = '0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60';

/** Compiled, never called. */
function never(run: () => void) {
  void run;
}

describe('the method tree', () => {
  test('families and resources are named interfaces', () => {
    expectTypeOf(client.fabric.conferenceRooms).toEqualTypeOf<FabricConferenceRooms>();
    never(() => {
      // @ts-expect-error no such family
      void client.twilio;
      // @ts-expect-error no such resource
      void client.video.widgets;
      // @ts-expect-error no such action
      void client.video.rooms.purge;
    });
  });
});

describe('fabric', () => {
  test('free-form meta takes any nested JSON; required fields stay required', () => {
    void client.fabric.conferenceRooms.create({
      name: 'x',
      enable_room_previews: true,
      meta: { nested: { list: [1, 'two', null, { deep: true }] } },
    });
    never(() => {
      // @ts-expect-error enable_room_previews is required
      void client.fabric.conferenceRooms.create({ name: 'x' });
    });
  });

  test('nullable answers are typed nullable', () => {
    expectTypeOf<Schemas['ConferenceRoom']['description']>().toEqualTypeOf<string | null>();
  });

  test('path parameters come first, in path order, and are required', () => {
    expectTypeOf(client.fabric.subscriberSipCredentials.get).parameters.toMatchTypeOf<[string, string, RequestOptions?]>();
    never(() => {
      // @ts-expect-error both path parameters are required
      void client.fabric.subscriberSipCredentials.get(id);
    });
  });
});

describe('video', () => {
  test('query parameters sit beside the per-call options; a misspelt one is an error', () => {
    void client.video.rooms.list({ page_size: 100, include_active_session: true, signal: AbortSignal.timeout(1_000) });
    never(() => {
      // @ts-expect-error pagesize is not a query parameter of list_rooms
      void client.video.rooms.list({ pagesize: 100 });
      // @ts-expect-error page_size is a number
      void client.video.rooms.list({ page_size: '100' });
    });
  });

  test('enums reject unknown values', () => {
    void client.video.rooms.create({ name: 'x', quality: '1080p' });
    never(() => {
      // @ts-expect-error 4k is no video quality
      void client.video.rooms.create({ name: 'x', quality: '4k' });
    });
  });

  test('lists return a Paginator of the item type', () => {
    expectTypeOf(client.video.rooms.list()).toEqualTypeOf<Paginator<Schemas['Video.RoomResponse']>>();
  });
});

describe('relay', () => {
  test('a uuid path parameter is a string; the result is the typed resource', () => {
    expectTypeOf(client.relay.phoneNumbers.get(id)).toEqualTypeOf<ApiPromise<Schemas['PhoneNumber']>>();
    never(() => {
      // @ts-expect-error the id is a string
      void client.relay.phoneNumbers.get(42);
    });
  });
});

describe('messaging', () => {
  test('to and from are required; custom_variables takes string values only', () => {
    void client.messaging.messages.create({ to: '+15551230001', from: '+15551230002', custom_variables: { order: '42' } });
    never(() => {
      // @ts-expect-error from is required
      void client.messaging.messages.create({ to: '+15551230001', body: 'hi' });
      // @ts-expect-error custom_variables values are strings
      void client.messaging.messages.create({ to: '+1', from: '+2', custom_variables: { order: 42 } });
    });
  });
});

describe('project, datasphere, voice', () => {
  test('an array of enum values', () => {
    void client.project.tokens.create({ name: 'ci', permissions: ['video', 'messaging'] });
    never(() => {
      // @ts-expect-error sms is no token permission
      void client.project.tokens.create({ name: 'ci', permissions: ['sms'] });
    });
  });

  test('a POST that searches returns its result, not a paginator', () => {
    expectTypeOf(client.datasphere.documents.search({ query_string: 'x' })).toEqualTypeOf<
      ApiPromise<Schemas['Datasphere.SearchResponse']>
    >();
  });

  test('a list pages; a 204 resolves to void', () => {
    expectTypeOf(client.voice.logs.list()).toEqualTypeOf<Paginator<Schemas['Voice.VoiceLog']>>();
    expectTypeOf(client.datasphere.documents.delete(id)).toEqualTypeOf<ApiPromise<void>>();
  });
});

describe('the Bearer operations', () => {
  test('take subscriberToken, and cannot be called without it', () => {
    void client.fabric.addresses.list({ subscriberToken: 'token' });
    void client.fabric.addresses.get(id, { subscriberToken: 'token' });
    void client.fabric.subscriberTokens.createInvite({ address_id: id }, { subscriberToken: 'token' });
    never(() => {
      // @ts-expect-error the options (with subscriberToken) are required
      void client.fabric.addresses.list();
      // @ts-expect-error subscriberToken is required
      void client.fabric.addresses.get(id, { timeoutMs: 1_000 });
    });
  });

  test('Basic operations do not take one', () => {
    never(() => {
      // @ts-expect-error subscriberToken belongs to the Bearer operations only
      void client.fabric.conferenceRooms.get(id, { subscriberToken: 'token' });
    });
  });
});

describe('SWML scripts', () => {
  const contents = { sections: { main: [{ reply: 'Thanks, we got your message.' }] } };
  test("a messaging script must say so: the API makes a calling script of one that does not", () => {
    void client.fabric.swmlScripts.create({ name: 'reply_bot', script_type: 'messaging', contents });
    never(() => {
      // @ts-expect-error script_type: 'messaging' is required on the messaging variant
      void client.fabric.swmlScripts.create({ name: 'reply_bot', contents });
    });
  });
});

describe('withResponse', () => {
  test('keeps the typed result beside the raw answer', async () => {
    const { data, response, requestId } = await client.fabric.conferenceRooms.get(id).withResponse();
    expectTypeOf(data).toEqualTypeOf<Schemas['ConferenceRoomResponse']>();
    expectTypeOf(response).toEqualTypeOf<Response>();
    expectTypeOf(requestId).toEqualTypeOf<string | undefined>();
  });
});
