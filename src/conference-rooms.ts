// client.conferenceRooms: one method per operation of the conference-rooms resource.
import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { SignalWireError } from './errors.js';
import { paginate, type Paginator } from './pagination.js';
import { unwrap } from './response.js';
import type { Call, CallOptions } from './transport.js';
import type {
  ConferenceRoomAddress,
  ConferenceRoomCreateRequest,
  ConferenceRoomResponse,
  ConferenceRoomUpdateRequest,
} from './types.js';

const ROOMS = '/api/fabric/resources/conference_rooms';
const ROOM = '/api/fabric/resources/conference_rooms/{id}';
const ADDRESSES = '/api/fabric/resources/conference_room/{id}/addresses'; // singular, as published

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function roomId(id: string): { path: { id: string } } {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new SignalWireError(
      `Invalid conference room id ${JSON.stringify(id)}: it must be a uuid, ` +
        'the outer `id` of a ConferenceRoomResponse (not conference_room.id).',
    );
  }
  return { path: { id } };
}

/** The last argument of every method; `headers` are extra headers for this call (e.g. `Prefer` for a Prism mock). */
export type RequestOptions = CallOptions;

export interface ConferenceRooms {
  /** Creates a room. `name` and `enable_room_previews` are required. Retried only where no duplicate can result. */
  create(body: ConferenceRoomCreateRequest, options?: RequestOptions): Promise<ConferenceRoomResponse>;
  /** Every room, page by page as you iterate: `for await (const room of conferenceRooms.list())`. */
  list(options?: RequestOptions): Paginator<ConferenceRoomResponse>;
  /** One room by its id (the outer `id` of a ConferenceRoomResponse). */
  get(id: string, options?: RequestOptions): Promise<ConferenceRoomResponse>;
  /** Replaces a room's settings. `enable_room_previews` and `sync_audio_video` are required; an omitted `layout` may reset to grid-responsive. */
  update(id: string, body: ConferenceRoomUpdateRequest, options?: RequestOptions): Promise<ConferenceRoomResponse>;
  /** Deletes a room; resolves to undefined (the API answers 204). */
  delete(id: string, options?: RequestOptions): Promise<void>;
  /** The addresses (audio, messaging, video channels) of a room, page by page as you iterate. */
  listAddresses(id: string, options?: RequestOptions): Paginator<ConferenceRoomAddress>;
}

export function conferenceRooms(
  api: Client<paths>,
  startCall: (options?: RequestOptions) => Call,
  base: string,
): ConferenceRooms {
  return {
    async create(body, options) {
      const call = startCall(options);
      return unwrap(call, api.POST(ROOMS, { body, headers: options?.headers ?? {}, fetch: call.fetch }));
    },
    list(options) {
      return paginate(startCall, options, base, (call, next) =>
        api.GET((next ? next.pathname + next.search : ROOMS) as typeof ROOMS, {
          baseUrl: next?.origin ?? base,
          headers: options?.headers ?? {},
          fetch: call.fetch,
        }),
      );
    },
    async get(id, options) {
      const params = roomId(id);
      const call = startCall(options);
      return unwrap(call, api.GET(ROOM, { params, headers: options?.headers ?? {}, fetch: call.fetch }));
    },
    async update(id, body, options) {
      const params = roomId(id);
      const call = startCall(options);
      return unwrap(call, api.PUT(ROOM, { params, body, headers: options?.headers ?? {}, fetch: call.fetch }));
    },
    async delete(id, options) {
      const params = roomId(id);
      const call = startCall(options);
      await unwrap(call, api.DELETE(ROOM, { params, headers: options?.headers ?? {}, fetch: call.fetch }));
    },
    listAddresses(id, options) {
      const params = roomId(id);
      return paginate(startCall, options, base, (call, next) =>
        api.GET((next ? next.pathname + next.search : ADDRESSES) as typeof ADDRESSES, {
          params,
          baseUrl: next?.origin ?? base,
          headers: options?.headers ?? {},
          fetch: call.fetch,
        }),
      );
    },
  };
}
