// createSignalWireClient(): wires the checked configuration, the auth middleware and the retrying
// transport into an openapi-fetch client, and every operation's method on top of it (src/runtime/).
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { basicAuth } from './auth.js';
import { type ConnectionOptions, resolveConnection } from './config.js';
import { operationMethods, operationsWithOwnAuth } from './runtime/methods.js';
import { restApi, type RestApiMethods } from '../generated/operations.js';
import { compatApi, compatApiBasePath, type CompatApiMethods } from '../generated/compat.operations.js';
import type { paths as CompatPaths } from '../generated/compat.schema.js';
import { DefaultResponse, defaultRequestWhile, defaultSend } from './send.js';
import { checkHeaders, checkNumericOptions } from './option-checks.js';
import {
  createTransport,
  DEFAULT_RETRY_OPTIONS,
  type Clock,
  type Logger,
  type RetryOptions,
  systemClock,
} from './transport.js';
import { userAgent } from './user-agent.js';

export interface SignalWireClientOptions extends ConnectionOptions, RetryOptions {
  /**
   * The fetch implementation every attempt goes through, used as given. Default: node:http on Node
   * (globalThis.fetch once undici's global dispatcher is replaced), elsewhere globalThis.fetch.
   */
  fetch?: typeof fetch | undefined;
  /** Receives one line per attempt: method, path, status, attempt, duration. Never a credential. */
  logger?: Logger | undefined;
  /** Headers sent with every call (a call's own `headers` win), checked when the client is created. */
  defaultHeaders?: Record<string, string | undefined> | undefined;
}

/**
 * Every operation of SignalWire's REST API as `client.<family>.<resource>.<action>()`, e.g.
 * `client.fabric.conferenceRooms.create(body)` or `client.video.rooms.list({ page_size: 100 })`.
 */
export interface SignalWireClient extends RestApiMethods, CompatApiMethods {
  /** The API root every request goes to, e.g. https://example.signalwire.com. */
  readonly baseUrl: string;
  /**
   * The typed openapi-fetch client for every path of the description, with auth, retries and
   * timeouts applied. It returns `{ data, error, response }` instead of throwing on API errors.
   */
  readonly api: Client<paths>;
  /**
   * The typed openapi-fetch client of the Compatibility API (paths under /api/laml/2010-04-01, the
   * AccountSid yours to fill), with auth, retries and timeouts applied.
   */
  readonly compatApi: Client<CompatPaths>;
}

/**
 * A client of every SignalWire REST and Compatibility API operation. Options fall back to the
 * SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN and SIGNALWIRE_BASE_URL environment
 * variables; everything is checked here, before any request, and a bad value throws a SignalWireError.
 *
 * @example
 * const client = createSignalWireClient({ space: 'example', projectId, apiToken });
 * const room = await client.fabric.conferenceRooms.create({ name: 'standup', enable_room_previews: true });
 */
export function createSignalWireClient(options: SignalWireClientOptions = {}): SignalWireClient {
  return assembleClient(options, systemClock);
}

/** The client's wiring, with the clock its backoff sleeps on (tests pass a fake one). Internal. */
export function assembleClient(options: SignalWireClientOptions, clock: Clock): SignalWireClient {
  const { baseUrl, authorization, projectId } = resolveConnection(options);
  checkNumericOptions(options);
  checkHeaders(options.defaultHeaders, 'defaultHeaders');
  const startCall = createTransport({
    fetch: options.fetch ?? defaultSend,
    Response: DefaultResponse,
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_OPTIONS.maxRetries,
    timeoutMs: options.timeoutMs ?? DEFAULT_RETRY_OPTIONS.timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_RETRY_OPTIONS.maxResponseBytes,
    logger: options.logger,
    clock,
  });
  let callerMiddleware = false; // from then on, native Requests: see switchableRequest (lite-objects.ts)
  const LightRequest = defaultRequestWhile(() => !callerMiddleware);
  const headers = { 'user-agent': userAgent(), ...lowerCaseNames(options.defaultHeaders) };
  function typedClient<Paths extends {}>(root: string, ownAuth: ReadonlySet<string>): Client<Paths> {
    const client = createClient<Paths>({
      baseUrl: root,
      headers,
      ...(LightRequest && { Request: LightRequest }),
      // Calls made straight through it get the client-wide retry and timeout settings, and the
      // signal they were given.
      fetch: (request: Request) => startCall({ signal: request.signal }).fetch(request),
    });
    client.use(basicAuth(authorization, ownAuth));
    const { use } = client;
    client.use = (...middleware) => {
      callerMiddleware = true;
      use(...middleware);
    };
    return client;
  }
  const api = typedClient<paths>(baseUrl, operationsWithOwnAuth(restApi));
  const compatBaseUrl = `${baseUrl}${compatApiBasePath}`;
  const compatFetch = typedClient<CompatPaths>(compatBaseUrl, operationsWithOwnAuth(compatApi));
  const methods = operationMethods<RestApiMethods>(restApi, { api, startCall, baseUrl, projectId });
  const compat = operationMethods<CompatApiMethods>(compatApi, { api: compatFetch, startCall, baseUrl: compatBaseUrl, projectId });
  // Descriptors, not values: copying values would build every lazy family at once.
  Object.defineProperties(methods, Object.getOwnPropertyDescriptors(compat));
  return Object.assign(methods, { baseUrl, api, compatApi: compatFetch }) as SignalWireClient;
}

/** Header names in lower case, so that a default `User-Agent` replaces the client's `user-agent`. */
function lowerCaseNames(headers: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
