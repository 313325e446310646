// createSignalWireClient(): wires the checked configuration, the auth middleware and the retrying
// transport into an openapi-fetch client, and every operation's method on top of it (src/runtime/).
import type { Client } from 'openapi-fetch';
import { apiClient } from './api-client.js';
import type { ClientMembers } from './client-members.js';
import { type ConnectionOptions, resolveConnection } from './config.js';
import { type OperationTable, operationMethods, operationsWithOwnAuth } from './runtime/methods.js';
import { restApi, type RestApiMethods } from '../generated/operations.js';
import { compatApi, compatApiBasePath, type CompatApiMethods } from '../generated/compat.operations.js';
import { fetchSender } from './fetch-send.js';
import { defaultSender } from './send.js';
import { checkHeaders, checkNumericOptions, ownOptions } from './option-checks.js';
import {
  createTransport,
  DEFAULT_RETRY_OPTIONS,
  type Clock,
  type Logger,
  type RetryOptions,
  retrySettings,
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
export interface SignalWireClient extends RestApiMethods, CompatApiMethods, ClientMembers {}

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
export function assembleClient(given: SignalWireClientOptions | undefined, clock: Clock): SignalWireClient {
  const options = ownOptions(given);
  const { baseUrl, authorization, projectId } = resolveConnection(options);
  checkNumericOptions(options);
  checkHeaders(options.defaultHeaders, 'defaultHeaders');
  const startCall = createTransport({
    ...retrySettings(options, DEFAULT_RETRY_OPTIONS),
    send: options.fetch ? fetchSender(options.fetch) : defaultSender,
    logger: options.logger,
    clock,
  });
  const shared = { startCall, projectId, headers: sentWithEveryRequest(options.defaultHeaders), authorization };
  const compatBaseUrl = `${baseUrl}${compatApiBasePath}`;
  const methods = operationMethods<RestApiMethods>(restApi, { ...shared, baseUrl });
  const compat = operationMethods<CompatApiMethods>(compatApi, { ...shared, baseUrl: compatBaseUrl });
  // Descriptors, not values: copying values would build every lazy family at once.
  Object.defineProperties(methods, Object.getOwnPropertyDescriptors(compat));
  /** client.api or client.compatApi: made on first read. */
  const openapiFetchClient = (apiBaseUrl: string, table: OperationTable): PropertyDescriptor => {
    let client: Client<{}> | undefined;
    return {
      enumerable: true,
      get: () => (client ??= apiClient({ ...shared, baseUrl: apiBaseUrl, ownAuth: operationsWithOwnAuth(table) })),
    };
  };
  const members = {
    baseUrl: { value: baseUrl, enumerable: true },
    api: openapiFetchClient(baseUrl, restApi),
    compatApi: openapiFetchClient(compatBaseUrl, compatApi),
  } satisfies Record<keyof ClientMembers, PropertyDescriptor>;
  return Object.defineProperties(methods, members) as SignalWireClient;
}

/**
 * Accept: application/json (every operation answers JSON), the user agent and the caller's defaultHeaders,
 * names in lower case (a default `Accept` or `User-Agent` replaces the client's).
 */
function sentWithEveryRequest(defaults: Record<string, string | undefined> = {}): Record<string, string> {
  const agent = userAgent();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (agent) headers['user-agent'] = agent;
  for (const [name, value] of Object.entries(defaults)) if (value !== undefined) headers[name.toLowerCase()] = value;
  return headers;
}
