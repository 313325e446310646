// Compiled with exactOptionalPropertyTypes on (tsconfig.strict.json, run by `make typecheck`), as
// under @tsconfig/strictest: every option accepts an explicit `undefined`, so values read from the
// environment can be passed as they are.
import { expectTypeOf, test } from 'vitest';
import {
  type CallOptions,
  createSignalWireClient,
  type RequestOptions,
  type SignalWireClientOptions,
} from '../src/index.js';

declare const maybe: { string: string | undefined; number: number | undefined };

test('every client option accepts undefined', () => {
  const options: SignalWireClientOptions = {
    space: process.env.SIGNALWIRE_SPACE,
    projectId: process.env.SIGNALWIRE_PROJECT_ID,
    apiToken: process.env.SIGNALWIRE_API_TOKEN,
    baseUrl: process.env.SIGNALWIRE_BASE_URL,
    maxRetries: maybe.number,
    timeoutMs: maybe.number,
    maxResponseBytes: maybe.number,
    logger: undefined,
    fetch: undefined,
    defaultHeaders: { 'X-Team': maybe.string },
  };
  expectTypeOf(createSignalWireClient(options).baseUrl).toEqualTypeOf<string>();
});

test('every per-call option accepts undefined', () => {
  const options: RequestOptions & CallOptions = {
    signal: undefined,
    maxRetries: maybe.number,
    timeoutMs: maybe.number,
    maxResponseBytes: maybe.number,
    headers: { 'X-Trace': maybe.string },
  };
  const rooms = createSignalWireClient({ space: 'example', projectId: 'p', apiToken: 't' }).fabric.conferenceRooms;
  expectTypeOf(rooms.get('0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60', options)).toBeObject();
  void rooms.list({ headers: undefined });
});
