// createSignalWireClient(): wires the checked configuration, the Basic-auth middleware and the
// retrying transport into an openapi-fetch client, and the conferenceRooms resource on top of it.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { basicAuth } from './auth.js';
import { type ConnectionOptions, resolveConnection } from './config.js';
import { conferenceRooms, type ConferenceRooms } from './conference-rooms.js';
import { DefaultResponse, defaultRequestWhile, defaultSend } from './send.js';
import {
  checkRetryOptions,
  createTransport,
  DEFAULT_RETRY_OPTIONS,
  type Clock,
  type Logger,
  type RetryOptions,
  systemClock,
} from './transport.js';

export interface SignalWireClientOptions extends ConnectionOptions, RetryOptions {
  /**
   * The fetch implementation every attempt goes through, used as given. Default: node:http on Node
   * (globalThis.fetch once undici's global dispatcher is replaced), elsewhere globalThis.fetch.
   */
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
  return assembleClient(options, systemClock);
}

/** The client's wiring, with the clock its backoff sleeps on (tests pass a fake one). Internal. */
export function assembleClient(options: SignalWireClientOptions, clock: Clock): SignalWireClient {
  const { baseUrl, authorization } = resolveConnection(options);
  checkRetryOptions(options);
  const startCall = createTransport({
    fetch: options.fetch ?? defaultSend,
    Response: DefaultResponse,
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_OPTIONS.maxRetries,
    timeoutMs: options.timeoutMs ?? DEFAULT_RETRY_OPTIONS.timeoutMs,
    logger: options.logger,
    clock,
  });
  let callerMiddleware = false; // from then on, native Requests: see switchableRequest (lite-objects.ts)
  const api = createClient<paths>({
    baseUrl,
    Request: defaultRequestWhile(() => !callerMiddleware),
    // Calls made straight through `api` get the client-wide retry and timeout settings, and the
    // signal they were given.
    fetch: (request: Request) => startCall({ signal: request.signal }).fetch(request),
  });
  api.use(basicAuth(authorization));
  const { use } = api;
  api.use = (...middleware) => {
    callerMiddleware = true;
    use(...middleware);
  };
  return { baseUrl, conferenceRooms: conferenceRooms(api, startCall, new URL(baseUrl).origin), api };
}
