// Friendly names for the generated schema types that the client's methods take and return.
import type { components } from '../generated/schema.js';

type Schemas = components['schemas'];

export type ConferenceRoomCreateRequest = Schemas['ConferenceRoomCreateRequest'];
export type ConferenceRoomUpdateRequest = Schemas['ConferenceRoomUpdateRequest'];
export type ConferenceRoomResponse = Schemas['ConferenceRoomResponse'];
export type ConferenceRoom = Schemas['ConferenceRoom'];
export type ConferenceRoomListResponse = Schemas['ConferenceRoomListResponse'];
export type ConferenceRoomAddress = Schemas['FabricAddressRoom'];
export type ConferenceRoomAddressListResponse = Schemas['ConferenceRoomAddressListResponse'];
export type Layout = Schemas['Layout'];
