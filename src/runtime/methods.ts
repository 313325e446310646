// The one generic runtime behind every method: it turns a generated operation table
// (family -> resource -> action -> "METHOD /path flags") into `client.<family>.<resource>.<action>()`,
// building each family, resource and method the first time it is used.
// A call: path parameters checked and percent-encoded, body, query and per-call options split apart,
// auth chosen by the operation, then one request through the retrying transport; lists that follow
// `links.next` become lazy Paginators. No Request or Response object is made unless asked for.
import { SignalWireError } from '../errors.js';
import { type Answer, type Outgoing, requestIdOf, toResponse } from '../exchange.js';
import { paginate } from '../pagination.js';
import { resultOf } from '../response.js';
import { excerpt } from '../server-text.js';
import { isRecord, kindOf } from '../shape.js';
import type { Call } from '../transport.js';
import { formBody, jsonBody, ownEntries, percentEncoded, queryString } from './encoding.js';
import type { ApiPromise, RequestOptions, WithResponse } from './method-types.js';
import { type OperationSpec, parseOperation } from './operation-spec.js';

/** A generated table: family -> resource -> action -> entry. */
export type OperationTable = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;

/** What the methods need from the client they belong to. */
export interface MethodContext {
  readonly startCall: (options?: RequestOptions) => Call;
  /** The API's base URL (the client's, plus the description's base path): pages are followed only beneath it. */
  readonly baseUrl: string;
  /** The Project ID, for path parameters the client fills (the Compatibility API's AccountSid). */
  readonly projectId: string;
  /** Sent with every request (user-agent, the caller's defaultHeaders), names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The Basic credentials' header value, for the operations that take them. */
  readonly authorization: string;
}

// Per-call settings in a method's options object; every other key is a query parameter.
// scripts/operation-table.mjs refuses a description whose query parameters use one of these names.
const CALL_OPTION_NAMES = new Set(['signal', 'timeoutMs', 'maxRetries', 'maxResponseBytes', 'headers', 'subscriberToken']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Visible ASCII only: a token is sent in a header, where control characters would split it.
const TOKEN = /^[\x21-\x7e]+$/;

// Node's util.inspect (a REPL, console.log) calls this; a registered symbol, so no import of node:util.
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/** An object with the keys of `source`, each building its value from the source's on first read, then keeping it. */
function lazyObject<S, T>(source: Readonly<Record<string, S>>, build: (value: S, key: string) => T): Record<string, T> {
  const object: Record<string, T> = {};
  for (const key of Object.keys(source)) {
    Object.defineProperty(object, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = build(source[key]!, key);
        Object.defineProperty(object, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return object;
}

/** Inspected (a REPL, console.log), a family or resource shows its members built, not a row of [Getter]. */
function inspectable<T extends object>(object: T): T {
  return Object.defineProperty(object, inspectCustom, { value: () => ({ ...object }) });
}

export function operationMethods<Methods>(table: OperationTable, context: MethodContext): Methods {
  return lazyObject(table, (resources, family) =>
    inspectable(
      lazyObject(resources, (actions, resource) =>
        inspectable(lazyObject(actions, (entry, action) => operationMethod(`${family}.${resource}.${action}`, parseOperation(entry), context))),
      ),
    ),
  ) as Methods;
}

function invalidArgument(name: string, what: string, value: unknown, rule: string): SignalWireError {
  const shown = typeof value === 'string' ? JSON.stringify(excerpt(value, 80)) : kindOf(value);
  return new SignalWireError(`${name}(): invalid ${what} ${shown}: ${rule}`);
}

/**
 * The path with its parameters checked (a uuid where the description says so, never a dot segment)
 * and percent-encoded: no "/", "?" or "#" from a caller reaches the path.
 */
function pathText(name: string, spec: OperationSpec, pieces: readonly string[], args: readonly unknown[], projectId: string): string {
  let path = pieces[0]!;
  let index = 0;
  spec.pathParams.forEach(({ name: param, uuid, filledWith }, i) => {
    let value = args[index];
    if (filledWith) {
      value = projectId;
    } else {
      index++;
      const what = `\`${param}\` (argument ${index})`;
      if (uuid && !(typeof value === 'string' && UUID.test(value))) {
        throw invalidArgument(name, what, value, 'it must be a uuid, such as 0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60.');
      }
      if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
        throw invalidArgument(name, what, value, 'it must be a non-empty string other than "." and "..".');
      }
    }
    path += percentEncoded(name, `\`${param}\``, value as string) + pieces[i + 1]!;
  });
  return path;
}

interface Prepared {
  call: RequestOptions;
  request: Outgoing;
}

/** The request for one call of the operation, and the per-call options split from its query. */
function prepare(name: string, spec: OperationSpec, context: MethodContext, pieces: readonly string[], args: readonly unknown[]): Prepared {
  const bodyIndex = spec.callerParams;
  const options = args[bodyIndex + (spec.body ? 1 : 0)];
  if (options !== undefined && !isRecord(options)) {
    throw invalidArgument(name, 'options', options, 'the last argument must be an options object.');
  }
  const path = pathText(name, spec, pieces, args, context.projectId);
  // Own keys only, into objects with no prototype: an inherited key is not sent, and an own
  // `__proto__` (from JSON.parse) is a query parameter of that name, not a prototype.
  const call: Record<string, unknown> = {};
  const query: Record<string, unknown> = Object.create(null);
  let subscriberToken: unknown;
  for (const [key, value] of ownEntries(name, 'options', options)) {
    if (value === undefined) continue;
    if (key === 'subscriberToken') subscriberToken = value;
    else (CALL_OPTION_NAMES.has(key) ? call : query)[key] = value;
  }
  if (spec.pageSize && query[spec.pageSize.param] === undefined) {
    query[spec.pageSize.param] = spec.pageSize.max; // the fewest round trips the operation allows
  }
  const headers: Record<string, string> = { ...context.headers };
  // Encoded here, so that a body that cannot be sent fails as a SignalWireError before any request.
  let body: string | undefined;
  if (spec.body === 'form') {
    body = formBody(name, args[bodyIndex]);
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (spec.body && args[bodyIndex] !== undefined) {
    body = jsonBody(name, args[bodyIndex]);
    headers['content-type'] = 'application/json';
  }
  // One copy of the caller's own headers, which the transport then checks (never Authorization or
  // Content-Length) and which is what is sent: a getter is read once, an inherited key not at all.
  if (isRecord(call.headers)) call.headers = Object.fromEntries(ownEntries(name, 'headers', call.headers));
  for (const [header, value] of Object.entries((call as RequestOptions).headers ?? {})) {
    if (value !== undefined) headers[header.toLowerCase()] = value;
  }
  if (spec.auth === 'basic') headers.authorization = context.authorization;
  if (spec.auth === 'bearer') {
    if (typeof subscriberToken !== 'string' || !TOKEN.test(subscriberToken)) {
      // Never echo it: it is a credential.
      throw new SignalWireError(
        `${name}() acts for a subscriber: pass its access token as \`subscriberToken\` (visible ASCII, no spaces) ` +
          'in the options; your API token is not sent to this operation.',
      );
    }
    headers.authorization = `Bearer ${subscriberToken}`;
  }
  const url = context.baseUrl + path + queryString(name, query);
  return { call, request: { method: spec.method, url, headers, body } };
}

/**
 * A Compatibility API page with the REST API's `data` and `links` beside its own fields, so that one
 * paginator follows both and `.pages()` still shows `page`, `page_size` and the rest.
 */
function asLinkedPage(items: string, page: unknown): unknown {
  if (!isRecord(page)) return page; // the paginator reports it
  const links = { self: page.uri, first: page.first_page_uri, next: page.next_page_uri ?? undefined };
  return { ...page, data: page[items], links };
}

/** A call's result and the answer it came from, read as a Response only when asked. */
class CallResult<T> implements WithResponse<T> {
  readonly #answer: Answer;
  #response: Response | undefined;
  constructor(readonly data: T, answer: Answer) {
    this.#answer = answer;
  }
  get response(): Response {
    return (this.#response ??= toResponse(this.#answer));
  }
  get requestId(): string | undefined {
    return requestIdOf(this.#answer);
  }
}

function operationMethod(name: string, spec: OperationSpec, context: MethodContext) {
  const { startCall, baseUrl } = context;
  const pieces = spec.template.split(/\{[^}]+\}/); // the literal parts around the path parameters

  const method = (...args: unknown[]) => {
    if (spec.paged) {
      const { call: callOptions, request } = prepare(name, spec, context, pieces, args); // a bad argument throws here, before any page
      const { items, next: nextLink } = spec.paged;
      return paginate(startCall, callOptions, baseUrl, async (call, next) => {
        const url = next ? next.origin + next.pathname + next.search : request.url;
        const answer = await call.send({ method: request.method, url, headers: request.headers, body: undefined });
        const data = resultOf(call, answer);
        const page = nextLink === 'next_page_uri' ? asLinkedPage(items, data) : data;
        // The page's own escape hatch to its raw answer (a page the paginator refuses is left as it is).
        if (isRecord(page)) {
          const result = new CallResult(page, answer);
          Object.defineProperty(page, 'response', { get: () => result.response, enumerable: false });
        }
        return page;
      });
    }

    const exchange = (async (): Promise<WithResponse<unknown>> => {
      const { call: callOptions, request } = prepare(name, spec, context, pieces, args);
      const call = startCall(callOptions);
      const answer = await call.send(request);
      return new CallResult(resultOf(call, answer), answer);
    })();
    return apiPromise(exchange);
  };
  return described(method, name, spec);
}

/** A method that shows what it is, from its table entry: its name, HTTP method and path. */
function described<F extends (...args: never[]) => unknown>(method: F, name: string, spec: OperationSpec): F {
  const text = `${name}(): ${spec.method} ${spec.template}`;
  Object.defineProperty(method, 'name', { value: name });
  Object.defineProperty(method, 'toString', { value: () => text });
  Object.defineProperty(method, inspectCustom, { value: () => `[Function: ${text}]` });
  return method;
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
