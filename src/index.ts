export { createSignalWireClient } from './client.js';
export type { SignalWireClient, SignalWireClientOptions } from './client.js';
export type { ConnectionOptions } from './config.js';
export type { ConferenceRooms, RequestOptions } from './conference-rooms.js';
export type { Page, PaginationLinks, Paginator } from './pagination.js';
export type { CallOptions, Logger, RetryOptions } from './transport.js';
export * from './errors.js';
export type * from './types.js';
export type { components, operations, paths } from '../generated/schema.js';
