// The one generic runtime behind every method: it turns a generated operation table
// (family -> resource -> action -> "METHOD /path flags") into `client.<family>.<resource>.<action>()`,
// building each family, resource and method the first time it is used.
// A call: path parameters checked and percent-encoded, body, query and per-call options split apart,
// auth chosen by the operation, then openapi-fetch over the retrying transport; lists that follow
// `links.next` become lazy Paginators.
import type { Client } from 'openapi-fetch';
import { SignalWireError } from '../errors.js';
import { type Page, paginate } from '../pagination.js';
import { type FetchResult, requestIdOf, unwrap } from '../response.js';
import type { Call } from '../transport.js';
import { checkQuery, formBody, jsonBody } from './encoding.js';
import type { ApiPromise, RequestOptions, WithResponse } from './method-types.js';
import { type OperationSpec, parseOperation } from './operation-spec.js';

/** A generated table: family -> resource -> action -> entry. */
export type OperationTable = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;

/** What the methods need from the client they belong to. */
export interface MethodContext {
  // Untyped here: the generated method interfaces carry the types; openapi-fetch only routes the call.
  readonly api: Client<any>;
  readonly startCall: (options?: RequestOptions) => Call;
  /** The API's base URL (the client's, plus the description's base path): pages are followed only beneath it. */
  readonly baseUrl: string;
  /** The Project ID, for path parameters the client fills (the Compatibility API's AccountSid). */
  readonly projectId: string;
}

// Per-call settings in a method's options object; every other key is a query parameter.
// scripts/operation-table.mjs refuses a description whose query parameters use one of these names.
const CALL_OPTION_NAMES = new Set(['signal', 'timeoutMs', 'maxRetries', 'maxResponseBytes', 'headers', 'subscriberToken']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Visible ASCII only: a token is sent in a header, where control characters would split it.
const TOKEN = /^[\x21-\x7e]+$/;

/** An object whose keys build their value on first read, then keep it. */
function lazyObject<T>(keys: readonly string[], build: (key: string) => T): Record<string, T> {
  const object: Record<string, T> = {};
  for (const key of keys) {
    Object.defineProperty(object, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = build(key);
        Object.defineProperty(object, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return object;
}

export function operationMethods<Methods>(table: OperationTable, context: MethodContext): Methods {
  return lazyObject(Object.keys(table), (family) => {
    const resources = table[family]!;
    return lazyObject(Object.keys(resources), (resource) => {
      const actions = resources[resource]!;
      return lazyObject(Object.keys(actions), (action) =>
        operationMethod(`${family}.${resource}.${action}`, parseOperation(actions[action]!), context),
      );
    });
  }) as Methods;
}

function invalidArgument(name: string, what: string, value: unknown, rule: string): SignalWireError {
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value) : typeof value;
  return new SignalWireError(`${name}(): invalid ${what} ${shown}: ${rule}`);
}

/** The path parameters' values, checked: a uuid where the description says so, never a dot segment. */
function pathValues(name: string, spec: OperationSpec, args: readonly unknown[], projectId: string): Record<string, string> {
  const values: Record<string, string> = {};
  let index = 0;
  for (const { name: param, uuid, filledWith } of spec.pathParams) {
    if (filledWith) {
      values[param] = projectId;
      continue;
    }
    const value = args[index++];
    const what = `\`${param}\` (argument ${index})`;
    if (uuid && !(typeof value === 'string' && UUID.test(value))) {
      throw invalidArgument(name, what, value, 'it must be a uuid, such as 0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60.');
    }
    if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
      throw invalidArgument(name, what, value, 'it must be a non-empty string other than "." and "..".');
    }
    values[param] = value; // openapi-fetch percent-encodes it: no "/", "?" or "#" reaches the path
  }
  return values;
}

interface SplitOptions {
  call: RequestOptions;
  query: Record<string, unknown>;
  headers: Record<string, string | undefined>;
}

function splitOptions(name: string, spec: OperationSpec, options: unknown): SplitOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw invalidArgument(name, 'options', options, 'the last argument must be an options object.');
  }
  const call: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value === undefined) continue;
    (CALL_OPTION_NAMES.has(key) ? call : query)[key] = value;
  }
  checkQuery(name, query);
  if (spec.pageSize && query[spec.pageSize.param] === undefined) {
    query[spec.pageSize.param] = spec.pageSize.max; // the fewest round trips the operation allows
  }
  const { subscriberToken, ...rest } = call as RequestOptions & { subscriberToken?: unknown };
  let headers: Record<string, string | undefined> = rest.headers ?? {};
  if (spec.auth === 'bearer') {
    if (typeof subscriberToken !== 'string' || !TOKEN.test(subscriberToken)) {
      // Never echo it: it is a credential.
      throw new SignalWireError(
        `${name}() acts for a subscriber: pass its access token as \`subscriberToken\` (visible ASCII, no spaces) ` +
          'in the options; your API token is not sent to this operation.',
      );
    }
    headers = { ...headers, Authorization: `Bearer ${subscriberToken}` };
  }
  return { call: rest, query, headers };
}

/**
 * A Compatibility API page with the REST API's `data` and `links` beside its own fields, so that one
 * paginator follows both and `.pages()` still shows `page`, `page_size` and the rest.
 */
function asLinkedPage(items: string, page: unknown): unknown {
  if (typeof page !== 'object' || page === null || Array.isArray(page)) return page; // the paginator reports it
  const twilio = page as Record<string, unknown>;
  const links = { self: twilio.uri, first: twilio.first_page_uri, next: twilio.next_page_uri ?? undefined };
  return { ...twilio, data: twilio[items], links };
}

function operationMethod(name: string, spec: OperationSpec, context: MethodContext) {
  const { api, startCall, baseUrl, projectId } = context;
  const bodyIndex = spec.pathParams.filter((param) => !param.filledWith).length;
  const optionsIndex = bodyIndex + (spec.body ? 1 : 0);
  const form = spec.body === 'form';

  return (...args: unknown[]) => {
    const prepared = () => {
      const { call, query, headers } = splitOptions(name, spec, args[optionsIndex]);
      return {
        path: pathValues(name, spec, args, projectId),
        // Encoded here, so that a body that cannot be sent fails as a SignalWireError before any request.
        body: form ? formBody(name, args[bodyIndex]) : spec.body && args[bodyIndex] !== undefined ? jsonBody(name, args[bodyIndex]) : undefined,
        call,
        query,
        headers: form ? { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } : headers,
      };
    };

    if (spec.paged) {
      const { path, query, call: callOptions, headers } = prepared(); // a bad argument throws here, before any page
      const { items, next: nextLink } = spec.paged;
      return paginate(startCall, callOptions, baseUrl, async (call, next): Promise<FetchResult<Page<unknown>>> => {
        const result: FetchResult<unknown> = await (next
          ? api.GET(next.pathname + next.search, { baseUrl: next.origin, headers, fetch: call.fetch })
          : api.GET(spec.template, { params: { path, query }, headers, fetch: call.fetch }));
        const page = nextLink === 'next_page_uri' ? asLinkedPage(items, result.data) : result.data;
        // The page's own escape hatch to its raw answer (a page the paginator refuses is left as it is).
        if (typeof page === 'object' && page !== null && !Array.isArray(page)) {
          Object.defineProperty(page, 'response', { value: result.response, enumerable: false });
        }
        return { ...result, data: page } as FetchResult<Page<unknown>>;
      });
    }

    const exchange = (async (): Promise<WithResponse<unknown>> => {
      const { path, query, body, call: callOptions, headers } = prepared();
      const call = startCall(callOptions);
      const pending = api.request(spec.method as 'get', spec.template, {
        params: { path, query },
        body,
        // The body is already encoded; openapi-fetch would JSON-encode it again.
        bodySerializer: (encoded: unknown) => encoded as string,
        headers,
        fetch: call.fetch,
      });
      const data = await unwrap(call, pending);
      const { response } = await pending;
      return { data, response, get requestId() { return requestIdOf(response.headers); } };
    })();
    return apiPromise(exchange);
  };
}

/** The method's promise of the data, with `.withResponse()` for the whole answer. */
function apiPromise<T>(exchange: Promise<WithResponse<T>>): ApiPromise<T> {
  const data = exchange.then(({ data }) => data) as ApiPromise<T>;
  data.withResponse = () => {
    data.catch(() => {}); // the caller reads the outcome through withResponse(): not an unhandled rejection
    return exchange;
  };
  return data;
}

/** "METHOD /template" of every operation that does not authenticate with Basic (Bearer or none). */
export function operationsWithOwnAuth(table: OperationTable): Set<string> {
  const own = new Set<string>();
  for (const resources of Object.values(table)) {
    for (const actions of Object.values(resources)) {
      for (const entry of Object.values(actions)) {
        const spec = parseOperation(entry);
        if (spec.auth !== 'basic') own.add(`${spec.method} ${spec.template}`);
      }
    }
  }
  return own;
}
