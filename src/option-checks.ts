// Checks of the options a caller gives (per client or per call), before any request: a bad value is
// a SignalWireError that names the option and says what it must be, never a request that fails
// later in a way that looks like the network's fault.
import { SignalWireError } from './errors.js';
import { quote } from './server-text.js';
import { ownEntries } from './runtime/encoding.js';
import { isRecord, kindOf } from './shape.js';

interface Range {
  min: number;
  max: number;
  unit: string;
}

// The upper bounds keep each value usable: setTimeout overflows past 2^31-1 ms (and fires at once);
// a body becomes one string, and V8 strings stop near 2^29 characters.
export const NUMERIC_OPTIONS = {
  maxRetries: { min: 0, max: 100, unit: 'retries' },
  timeoutMs: { min: 1, max: 2_147_483_647, unit: 'milliseconds (about 24.8 days at most)' },
  maxResponseBytes: { min: 1, max: 268_435_456, unit: 'bytes (256 MiB at most)' },
} satisfies Record<string, Range>;

export type NumericOptions = { [name in keyof typeof NUMERIC_OPTIONS]?: number | undefined };

/**
 * The client's options as an object of their own enumerable keys: an inherited `baseUrl`, `fetch` or
 * `defaultHeaders` is not an option; anything but an object (a string, null) is refused rather than
 * silently leaving every option to the environment.
 */
export function ownOptions<Options extends object>(options: Options | undefined): Partial<Options> {
  if (options === undefined) return {};
  if (!isRecord(options)) {
    throw new SignalWireError(`Invalid options (${kindOf(options)}): createSignalWireClient() takes an object of options, or none.`);
  }
  return Object.fromEntries(ownEntries('createSignalWireClient', 'its options', options)) as Partial<Options>;
}

export function checkNumericOptions(options: NumericOptions): void {
  for (const name of Object.keys(NUMERIC_OPTIONS) as (keyof typeof NUMERIC_OPTIONS)[]) {
    const value = options[name];
    if (value === undefined) continue;
    const { min, max, unit } = NUMERIC_OPTIONS[name];
    if (!(Number.isInteger(value) && value >= min && value <= max)) {
      throw new SignalWireError(
        `Invalid ${name} ${quote(String(value), 40)}: it must be a whole number of ${unit} from ${min} to ${max}.`,
      );
    }
  }
}

/**
 * Throws a SignalWireError unless `signal` is absent (undefined or null) or an AbortSignal (by what the transport uses of
 * it, so a signal of another realm, such as jsdom's, passes): anything else would fail only once the
 * request is on the wire.
 */
export function checkSignal(signal: unknown): void {
  const candidate = signal as Partial<AbortSignal> | null | undefined; // null is none, as for fetch
  if (candidate != null && (typeof candidate.aborted !== 'boolean' || typeof candidate.removeEventListener !== 'function')) {
    throw new SignalWireError(`Invalid \`signal\` (${kindOf(signal)}): it must be an AbortSignal`);
  }
}

// Headers that the client, the transport or HTTP itself owns: set by a caller they would break the
// framing, the connection, or the credentials.
const RESERVED_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What HTTP/1.1 (and node:http) accepts in a value: visible Latin-1, spaces and tabs.
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Throws a SignalWireError naming the header; never echoes a value (it may be a secret). */
function checkHeader(name: string, value: unknown, where: string, authorizationAllowed = false): void {
  const shown = () => JSON.stringify(quote(name, 60)); // built only for an error: this runs on every request
  if (!TOKEN.test(name)) {
    throw new SignalWireError(`Invalid header name ${shown()} in \`${where}\`: a name may hold only letters, digits and !#$%&'*+.^_\`|~-.`);
  }
  const lowerCase = name.toLowerCase();
  if (RESERVED_HEADERS.has(lowerCase) && !(authorizationAllowed && lowerCase === 'authorization')) {
    throw new SignalWireError(
      `Header ${shown()} cannot be set in \`${where}\`: the client or HTTP itself sets it ` +
        '(Authorization comes from `projectId` and `apiToken`).',
    );
  }
  if (typeof value !== 'string' || !VALUE.test(value)) {
    throw new SignalWireError(
      `Invalid value of header ${shown()} in \`${where}\`: it must be a string of visible Latin-1 characters, ` +
        'spaces and tabs (no line break or other control character, nothing beyond U+00FF).',
    );
  }
}

/** Checks every header of a caller's record; undefined values are skipped. */
export function checkHeaders(headers: Record<string, string | undefined> | undefined, where: string): void {
  if (headers === undefined) return;
  if (!isRecord(headers)) {
    throw new SignalWireError(`Invalid \`${where}\`: it must be an object of header names and string values.`);
  }
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) checkHeader(name, value, where);
}

/** The headers of a request about to be sent (client.api calls, middleware): the client's own Authorization is fine. */
export function checkRequestHeaders(headers: Headers): void {
  for (const [name, value] of headers) checkHeader(name, value, 'headers', true);
}
