export { createSignalWireClient } from './client.js';
export type { SignalWireClient, SignalWireClientOptions } from './client.js';
export type { ConnectionOptions } from './config.js';
export type { ApiPromise, BearerAuth, RequestOptions, WithResponse } from './runtime/method-types.js';
export type * from '../generated/operations.js';
export type * from '../generated/compat.operations.js';
export type { Page, PaginationLinks, Paginator } from './pagination.js';
export type { CallOptions, Logger, RetryOptions } from './transport.js';
// The error classes and their types; helpers that build them stay internal.
export {
  SignalWireAbortError,
  SignalWireApiError,
  SignalWireAuthenticationError,
  SignalWireConnectionError,
  SignalWireError,
  SignalWireInvalidResponseError,
  SignalWireNotFoundError,
  SignalWirePaginationError,
  SignalWirePermissionError,
  SignalWireRateLimitError,
  SignalWireRequestError,
  SignalWireResponseTooLargeError,
  SignalWireServerError,
  SignalWireTimeoutError,
  SignalWireValidationError,
} from './errors.js';
export type { AnswerInfo, ApiErrorItem, RequestInfo } from './errors.js';
export type * from './types.js';
export type { components, operations, paths } from '../generated/schema.js';
export type { CompatComponents, CompatOperations, CompatPaths } from '../generated/compat.schema.js';
