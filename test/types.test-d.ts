// Type-level tests: compiled by vitest's typecheck (tsc), never run. Each @ts-expect-error must
// stay an error, or the typecheck fails.
import { describe, expectTypeOf, test } from 'vitest';
import {
  type ApiErrorItem,
  createSignalWireClient,
  type ConferenceRoom,
  type ConferenceRoomAddress,
  type ConferenceRoomCreateRequest,
  type ConferenceRoomResponse,
  type Page,
  type Paginator,
  type paths,
  type RequestOptions,
  type SignalWireApiError,
} from '../src/index.js';

const client = createSignalWireClient({ space: 'example', projectId: 'p', apiToken: 't' });
const rooms = client.fabric.conferenceRooms;
const id = '0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60';

describe('create', () => {
  test('requires name and enable_room_previews', () => {
    expectTypeOf(rooms.create({ name: 'x', enable_room_previews: true })).resolves.toEqualTypeOf<ConferenceRoomResponse>();
    // @ts-expect-error name is required
    void rooms.create({ enable_room_previews: true });
    // @ts-expect-error enable_room_previews is required
    void rooms.create({ name: 'x' });
    // @ts-expect-error the body itself is required
    void rooms.create();
  });

  test('layout rejects an unknown value, quality too', () => {
    void rooms.create({ name: 'x', enable_room_previews: true, layout: '2x2', quality: '1080p' });
    // @ts-expect-error 7x7 is no layout
    void rooms.create({ name: 'x', enable_room_previews: true, layout: '7x7' });
    // @ts-expect-error 4k is no quality
    void rooms.create({ name: 'x', enable_room_previews: true, quality: '4k' });
  });

  test('meta takes nested JSON', () => {
    void rooms.create({
      name: 'x',
      enable_room_previews: true,
      meta: { team: 'support', nested: { floors: [1, 2], lead: null, remote: true } },
    });
    expectTypeOf<NonNullable<ConferenceRoomCreateRequest['meta']>>().toEqualTypeOf<{ [key: string]: unknown }>();
  });

  test('fps and prioritize_handraise are read-only: neither request has them', () => {
    // @ts-expect-error fps cannot be set
    void rooms.create({ name: 'x', enable_room_previews: true, fps: 30 });
    // @ts-expect-error prioritize_handraise cannot be set
    void rooms.update(id, { enable_room_previews: true, sync_audio_video: true, prioritize_handraise: true });
  });

  test('takes per-call options last', () => {
    void rooms.create({ name: 'x', enable_room_previews: true }, { signal: AbortSignal.timeout(1), maxRetries: 0, timeoutMs: 5 });
    // @ts-expect-error retries is not an option
    void rooms.create({ name: 'x', enable_room_previews: true }, { retries: 1 });
  });
});

describe('responses', () => {
  test('fps is a number, description may be null', () => {
    expectTypeOf<ConferenceRoom['fps']>().toEqualTypeOf<30 | 20>();
    expectTypeOf<ConferenceRoom['description']>().toEqualTypeOf<string | null>();
    expectTypeOf<ConferenceRoom['sync_audio_video']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<ConferenceRoomResponse['type']>().toEqualTypeOf<'video_room'>();
  });

  test('address channels are one object with optional audio, messaging and video', () => {
    expectTypeOf<ConferenceRoomAddress['channels']>().toEqualTypeOf<{ audio?: string; messaging?: string; video?: string }>();
    expectTypeOf<ConferenceRoomAddress['resource_id']>().toEqualTypeOf<string | undefined>();
  });
});

describe('the other methods', () => {
  test('get, update and delete', () => {
    expectTypeOf(rooms.get).parameters.toEqualTypeOf<[id: string, options?: RequestOptions]>();
    expectTypeOf(rooms.get(id)).resolves.toEqualTypeOf<ConferenceRoomResponse>();
    expectTypeOf(rooms.update(id, { enable_room_previews: true, sync_audio_video: false })).resolves.toEqualTypeOf<ConferenceRoomResponse>();
    // @ts-expect-error update requires sync_audio_video
    void rooms.update(id, { enable_room_previews: true });
    // @ts-expect-error update requires enable_room_previews
    void rooms.update(id, { sync_audio_video: true });
    expectTypeOf(rooms.delete(id)).resolves.toEqualTypeOf<void>();
    // @ts-expect-error the id is required
    void rooms.get();
  });

  test('list and listAddresses iterate items and pages', async () => {
    expectTypeOf(rooms.list()).toEqualTypeOf<Paginator<ConferenceRoomResponse>>();
    expectTypeOf(rooms.listAddresses(id)).toEqualTypeOf<Paginator<ConferenceRoomAddress>>();
    for await (const room of rooms.list()) expectTypeOf(room).toEqualTypeOf<ConferenceRoomResponse>();
    for await (const page of rooms.list().pages()) {
      expectTypeOf(page).toEqualTypeOf<Page<ConferenceRoomResponse>>();
      expectTypeOf(page.links.next).toEqualTypeOf<string | undefined>();
    }
    // pages() is a generator: return() is always there to stop early.
    expectTypeOf(rooms.list().pages().return).toBeFunction();
  });
});

describe('client.api', () => {
  test('no Authorization parameter is needed anywhere', () => {
    void client.api.POST('/api/fabric/resources/conference_rooms', { body: { name: 'x', enable_room_previews: true } });
    void client.api.GET('/api/fabric/resources/conference_rooms');
    void client.api.GET('/api/fabric/resources/conference_rooms/{id}', { params: { path: { id } } });
    void client.api.PUT('/api/fabric/resources/conference_rooms/{id}', {
      params: { path: { id } },
      body: { enable_room_previews: true, sync_audio_video: true },
    });
    void client.api.DELETE('/api/fabric/resources/conference_rooms/{id}', { params: { path: { id } } });
    void client.api.GET('/api/fabric/resources/conference_room/{id}/addresses', { params: { path: { id } } });
    type Operations = paths[keyof paths];
    type HeaderParameters = NonNullable<
      Extract<Operations[keyof Operations], { parameters: unknown }>['parameters']['header']
    >;
    expectTypeOf<HeaderParameters>().toEqualTypeOf<never>();
  });

  test('rejects unknown paths and bodies without the required fields', () => {
    // @ts-expect-error no such path
    void client.api.GET('/api/fabric/resources/conference_roomz');
    // @ts-expect-error the create body is required
    void client.api.POST('/api/fabric/resources/conference_rooms', {});
  });

  test('typed data', async () => {
    const { data } = await client.api.GET('/api/fabric/resources/conference_rooms/{id}', { params: { path: { id } } });
    expectTypeOf(data).toEqualTypeOf<ConferenceRoomResponse | undefined>();
  });
});

describe('error items', () => {
  test('every SignalWireApiError has items of one shape, the raw item kept', () => {
    expectTypeOf<SignalWireApiError['errors'][number]>().toEqualTypeOf<ApiErrorItem>();
    expectTypeOf<ApiErrorItem['message']>().toEqualTypeOf<string>();
    expectTypeOf<ApiErrorItem['attribute']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ApiErrorItem['raw']>().toEqualTypeOf<unknown>();
  });
});
