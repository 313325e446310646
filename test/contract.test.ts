// Contract tests: the client against a Prism mock started from generated/openapi.yaml, the same
// description the types come from. Prism validates every request against it and answers from it.
import createClient from 'openapi-fetch';
import { describe, expect, inject, test } from 'vitest';
import type { paths } from '../generated/schema.js';
import {
  SignalWireApiError,
  SignalWireAuthenticationError,
  SignalWireNotFoundError,
  SignalWireServerError,
  SignalWireValidationError,
  type ConferenceRoomCreateRequest,
  type ConferenceRoomUpdateRequest,
} from '../src/index.js';
import { ROOM_ID } from './support/fixtures.js';
import { clientWithoutCredentials, mockClient } from './support/prism-clients.js';
import { rejectionOf } from './support/rejection.js';
import { validatorFor } from './support/schema-validator.js';

const baseUrl = inject('prismUrl');
const client = mockClient(baseUrl);
const isRoom = validatorFor('ConferenceRoomResponse');
const isRoomList = validatorFor('ConferenceRoomListResponse');
const isAddressList = validatorFor('ConferenceRoomAddressListResponse');

const anonymous = clientWithoutCredentials(baseUrl);

const fullBody: ConferenceRoomCreateRequest = {
  name: 'coffee_cafe',
  display_name: 'Coffee Cafe',
  description: 'Morning stand-up room',
  join_from: '2026-12-01T09:00:00Z',
  join_until: '2026-12-01T10:00:00Z',
  max_members: 300,
  quality: '1080p',
  remove_at: '2026-12-01T11:00:00Z',
  remove_after_seconds_elapsed: 200000,
  layout: '2x2',
  record_on_start: true,
  enable_room_previews: true,
  meta: { team: 'support', nested: { floors: [1, 2], lead: null } },
  sync_audio_video: true,
  tone_on_entry_and_exit: false,
  room_join_video_off: false,
  user_join_video_off: true,
};

const updateBody: ConferenceRoomUpdateRequest = { enable_room_previews: false, sync_audio_video: true };

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, SignalWireApiError);

describe('create', () => {
  test('with the minimal body resolves to a valid ConferenceRoomResponse', async () => {
    const room = await client.fabric.conferenceRooms.create({ name: 'coffee_cafe', enable_room_previews: true });
    expect(isRoom(room), JSON.stringify(isRoom.errors)).toBe(true);
    expect(room.type).toBe('video_room');
  });

  test('with every field set resolves to a valid ConferenceRoomResponse', async () => {
    const room = await client.fabric.conferenceRooms.create(fullBody);
    expect(isRoom(room), JSON.stringify(isRoom.errors)).toBe(true);
  });

  test('at the documented upper and lower limits is accepted', async () => {
    const limits = { display_name: 'd'.repeat(200), description: 'd'.repeat(3000), max_members: 0, remove_after_seconds_elapsed: 0 };
    await expect(client.fabric.conferenceRooms.create({ name: 'x', enable_room_previews: true, ...limits })).resolves.toMatchObject({
      type: 'video_room',
    });
  });

  test('without credentials is refused with a 401 SignalWireAuthenticationError', async () => {
    const error = await rejection(anonymous.fabric.conferenceRooms.create({ name: 'x', enable_room_previews: true }));
    expect(error).toBeInstanceOf(SignalWireAuthenticationError);
    expect(error.status).toBe(401);
    expect(error.method).toBe('POST');
    expect(error.url).toBe(`${baseUrl}/api/fabric/resources/conference_rooms`);
  });

  // Each names the field it breaks: the mock answers with the rules broken, not its canned example.
  const invalidBodies: [string, string, Record<string, unknown>][] = [
    ['name missing', 'name', { enable_room_previews: true }],
    ['enable_room_previews missing', 'enable_room_previews', { name: 'x' }],
    ['display_name over 200 characters', 'display_name', { name: 'x', enable_room_previews: true, display_name: 'd'.repeat(201) }],
    ['description over 3000 characters', 'description', { name: 'x', enable_room_previews: true, description: 'd'.repeat(3001) }],
    ['max_members above 300', 'max_members', { name: 'x', enable_room_previews: true, max_members: 301 }],
    ['max_members below 0', 'max_members', { name: 'x', enable_room_previews: true, max_members: -1 }],
    ['remove_after_seconds_elapsed above 200000', 'remove_after_seconds_elapsed', { name: 'x', enable_room_previews: true, remove_after_seconds_elapsed: 200001 }],
    ['remove_after_seconds_elapsed below 0', 'remove_after_seconds_elapsed', { name: 'x', enable_room_previews: true, remove_after_seconds_elapsed: -1 }],
    ['layout not in the enum', 'layout', { name: 'x', enable_room_previews: true, layout: '7x7' }],
  ];
  test.each(invalidBodies)('with %s is refused with a 422 SignalWireValidationError naming %s', async (_, field, body) => {
    const error = await rejection(client.fabric.conferenceRooms.create(body as ConferenceRoomCreateRequest));
    expect(error).toBeInstanceOf(SignalWireValidationError);
    expect(error.status).toBe(422);
    expect(error.errors.map((item) => item.attribute)).toEqual([field]);
    expect(error.message).toContain(field);
  });

  test('answered 500 (Prefer: code=500) throws a SignalWireServerError', async () => {
    const error = await rejection(
      client.fabric.conferenceRooms.create({ name: 'x', enable_room_previews: true }, { headers: { Prefer: 'code=500' } }),
    );
    expect(error).toBeInstanceOf(SignalWireServerError);
    expect(error.status).toBe(500);
    expect(error.body).toEqual({ error: 'Internal Server Error' });
    expect(error.message).toContain('Internal Server Error');
  });

  test('25 dynamic answers (Prefer: dynamic=true) all parse into the typed result', async () => {
    const rooms = await Promise.all(
      Array.from({ length: 25 }, () =>
        client.fabric.conferenceRooms.create({ name: 'x', enable_room_previews: true }, { headers: { Prefer: 'dynamic=true' } }),
      ),
    );
    for (const room of rooms) {
      expect(isRoom(room), JSON.stringify(isRoom.errors)).toBe(true);
      expect([20, 30]).toContain(room.conference_room.fps);
    }
    // Dynamic answers really vary, so this is not 25 copies of one static example.
    expect(new Set(rooms.map((room) => room.id)).size).toBeGreaterThan(1);
  });
});

describe('the other operations', () => {
  test('list yields valid rooms and exposes pages with links', async () => {
    const pages = [];
    for await (const page of client.fabric.conferenceRooms.list().pages()) pages.push(page);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(isRoomList(page), JSON.stringify(isRoomList.errors)).toBe(true);
  });

  test('get, update and delete answer as described', async () => {
    expect(isRoom(await client.fabric.conferenceRooms.get(ROOM_ID))).toBe(true);
    expect(isRoom(await client.fabric.conferenceRooms.update(ROOM_ID, updateBody))).toBe(true);
    await expect(client.fabric.conferenceRooms.delete(ROOM_ID)).resolves.toBeUndefined();
  });

  test('listAddresses yields addresses with channels', async () => {
    const pages = [];
    for await (const page of client.fabric.conferenceRooms.listAddresses(ROOM_ID).pages()) pages.push(page);
    for (const page of pages) expect(isAddressList(page), JSON.stringify(isAddressList.errors)).toBe(true);
  });

  test('update without its required fields is refused with a 422', async () => {
    for (const body of [{ sync_audio_video: true }, { enable_room_previews: true }]) {
      const error = await rejection(client.fabric.conferenceRooms.update(ROOM_ID, body as unknown as ConferenceRoomUpdateRequest));
      expect(error).toBeInstanceOf(SignalWireValidationError);
    }
  });

  test('update with a broken limit is refused with a 422 naming it', async () => {
    const error = await rejection(client.fabric.conferenceRooms.update(ROOM_ID, { ...updateBody, max_members: 301 }));
    expect(error.status).toBe(422);
    expect(error.errors[0]?.attribute).toBe('max_members');
  });

  const operations = {
    list: (options: object) => client.fabric.conferenceRooms.list(options).pages().next(),
    get: (options: object) => client.fabric.conferenceRooms.get(ROOM_ID, options),
    update: (options: object) => client.fabric.conferenceRooms.update(ROOM_ID, updateBody, options),
    delete: (options: object) => client.fabric.conferenceRooms.delete(ROOM_ID, options),
    listAddresses: (options: object) => client.fabric.conferenceRooms.listAddresses(ROOM_ID, options).pages().next(),
  };

  test.each(Object.entries(operations))('%s answered 404 throws a SignalWireNotFoundError', async (_, run) => {
    const error = await rejection(run({ headers: { Prefer: 'code=404' } }));
    expect(error).toBeInstanceOf(SignalWireNotFoundError);
    expect(error.body).toEqual({ error: 'Not Found' });
  });

  test.each(Object.entries(operations))('%s without credentials throws a SignalWireAuthenticationError', async (name) => {
    const anonymousRun = {
      list: () => anonymous.fabric.conferenceRooms.list().pages().next(),
      get: () => anonymous.fabric.conferenceRooms.get(ROOM_ID),
      update: () => anonymous.fabric.conferenceRooms.update(ROOM_ID, updateBody),
      delete: () => anonymous.fabric.conferenceRooms.delete(ROOM_ID),
      listAddresses: () => anonymous.fabric.conferenceRooms.listAddresses(ROOM_ID).pages().next(),
    }[name as keyof typeof operations];
    const error = await rejection(anonymousRun());
    expect(error).toBeInstanceOf(SignalWireAuthenticationError);
  });
});

describe('client.api, the typed openapi-fetch client', () => {
  test('reaches every path with auth applied and returns { data, error, response }', async () => {
    const created = await client.api.POST('/api/fabric/resources/conference_rooms', {
      body: { name: 'x', enable_room_previews: true },
    });
    expect(created.response.status).toBe(200);
    expect(isRoom(created.data)).toBe(true);
    const listed = await client.api.GET('/api/fabric/resources/conference_rooms');
    expect(isRoomList(listed.data)).toBe(true);
    const got = await client.api.GET('/api/fabric/resources/conference_rooms/{id}', { params: { path: { id: ROOM_ID } } });
    expect(isRoom(got.data)).toBe(true);
    const addresses = await client.api.GET('/api/fabric/resources/conference_room/{id}/addresses', {
      params: { path: { id: ROOM_ID } },
    });
    expect(isAddressList(addresses.data)).toBe(true);
    const deleted = await client.api.DELETE('/api/fabric/resources/conference_rooms/{id}', { params: { path: { id: ROOM_ID } } });
    expect(deleted.response.status).toBe(204);
  });

  test('a bare openapi-fetch client without the middleware gets 401: the auth really comes from the client', async () => {
    const bare = createClient<paths>({ baseUrl });
    const { response, error } = await bare.GET('/api/fabric/resources/conference_rooms');
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: 'Unauthorized' });
  });
});
