// The types of the generated methods (generated/*.operations.ts), computed from the openapi-typescript
// output of one operation: its body, its query (beside the per-call options) and its result. Named
// Operation*, apart from the tables' own shorthands (Options<"list_rooms">), so that the bundled
// declarations need not rename either (no `Options$1` in a hover).
import type { Paginator } from '../pagination.js';
import type { CallOptions } from '../transport.js';

export type { Paginator };

/** The last argument of every method: per-call settings (signal, timeoutMs, maxRetries, headers…), beside the operation's query parameters. */
export type RequestOptions = CallOptions;

/** The three operations that act for a subscriber take its access token instead of your API token. */
export interface BearerAuth {
  /** A subscriber access token (from `fabric.subscriberTokens.create`), sent as `Authorization: Bearer`. */
  subscriberToken: string;
}

/** What every non-paged method returns: the typed result, and its raw answer on request. */
export interface ApiPromise<T> extends Promise<T> {
  /** The typed result together with the answer it came from (status, headers, request id). */
  withResponse(): Promise<WithResponse<T>>;
}

export interface WithResponse<T> {
  readonly data: T;
  readonly response: Response;
  /** The server's request id (x-request-id, x-signalwire-request-id or request-id), for support tickets. */
  readonly requestId: string | undefined;
}

type ContentOf<Part> = Part extends { content: infer Content } ? Content[keyof Content] : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 206;

/** The request body of an operation (JSON or form fields). */
export type OperationBody<Op> = Op extends { requestBody?: infer RequestBody } ? ContentOf<NonNullable<RequestBody>> : never;

/** The query parameters of an operation; `{}` when it declares none. */
export type OperationQuery<Op> = Op extends { parameters: { query?: infer Q } } ? ([Q] extends [never | undefined] ? {} : NonNullable<Q>) : {};

/** A method's options: its query parameters and the per-call settings. */
export type OperationOptions<Op> = OperationQuery<Op> & RequestOptions;

/** The parsed body of an operation's success answer. */
export type OperationResult<Op> = Op extends { responses: infer Responses }
  ? ContentOf<Responses[keyof Responses & SuccessStatus]>
  : never;

/** One item of a paged list: under `data`, or under the Compatibility API's key (`messages`, `calls`…). */
export type OperationItem<Op, Key extends string = 'data'> =
  OperationResult<Op> extends { [K in Key]?: readonly (infer ItemType)[] | null } ? ItemType : never;
