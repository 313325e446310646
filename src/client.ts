// createSignalWireClient(): wires the checked configuration, the Basic-auth middleware and the
// retrying transport into an openapi-fetch client, and the conferenceRooms resource on top of it.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { basicAuth } from './auth.js';
import { type ConnectionOptions, resolveConnection } from './config.js';
import { conferenceRooms, type ConferenceRooms } from './conference-rooms.js';
import {
  checkRetryOptions,
  createTransport,
  DEFAULT_RETRY_OPTIONS,
  type Logger,
  type RetryOptions,
  systemClock,
} from './transport.js';

export interface SignalWireClientOptions extends ConnectionOptions, RetryOptions {
  /** The fetch implementation every attempt goes through (default: globalThis.fetch). */
  fetch?: typeof fetch;
  /** Receives one line per attempt: method, path, status, attempt, duration. Never a credential. */
  logger?: Logger;
}

export interface SignalWireClient {
  /** The API root every request goes to, e.g. https://example.signalwire.com. */
  readonly baseUrl: string;
  /** Create, list, get, update and delete conference rooms, and list their addresses. */
  readonly conferenceRooms: ConferenceRooms;
  /**
   * The typed openapi-fetch client for every path of the description, with auth, retries and
   * timeouts applied. It returns `{ data, error, response }` instead of throwing on API errors.
   */
  readonly api: Client<paths>;
}

export function createSignalWireClient(options: SignalWireClientOptions = {}): SignalWireClient {
  const { baseUrl, authorization } = resolveConnection(options);
  checkRetryOptions(options);
  const startCall = createTransport({
    fetch: options.fetch ?? globalThis.fetch,
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_OPTIONS.maxRetries,
    timeoutMs: options.timeoutMs ?? DEFAULT_RETRY_OPTIONS.timeoutMs,
    logger: options.logger,
    clock: systemClock,
  });
  const api = createClient<paths>({
    baseUrl,
    // Calls made straight through `api` get the client-wide retry and timeout settings.
    fetch: (request: Request) => startCall().fetch(request),
  });
  api.use(basicAuth(authorization));
  return { baseUrl, conferenceRooms: conferenceRooms(api, startCall, new URL(baseUrl).origin), api };
}
