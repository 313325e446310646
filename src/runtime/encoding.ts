// How a method's arguments go on the wire, each bad value a SignalWireError naming it (never a raw
// TypeError, URIError or a getter's own error from deep inside serialization):
// - objects (options, headers, form bodies) are read by their own enumerable keys only;
// - query parameters: scalars, or arrays of them (repeated keys), percent-encoded (a lone surrogate,
//   which has no UTF-8 form, is refused);
// - the Compatibility API's bodies, as Twilio expects them: application/x-www-form-urlencoded, an array
//   field sent as the same key repeated (MediaUrl=a&MediaUrl=b), booleans as true/false, numbers in
//   decimal (1e21 as 1000000000000000000000), undefined and null fields left out;
// - JSON bodies: anything JSON.stringify turns into text (not a cycle, a BigInt, a function, a symbol,
//   or a value whose toJSON() gives undefined).
import { SignalWireError } from '../errors.js';
import { isRecord, kindOf } from '../shape.js';

/** The own enumerable [key, value] pairs of an object (none for undefined); a getter that throws is a SignalWireError (its error the cause). */
export function ownEntries(name: string, what: string, record: unknown): [string, unknown][] {
  try {
    return Object.entries(record ?? {});
  } catch (error) {
    throw new SignalWireError(`${name}(): ${what} could not be read`, { cause: error });
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The text, when it has a UTF-8 form: a lone surrogate (half of a UTF-16 pair, as left by cutting a
 * string inside an emoji) is refused, where encodeURIComponent would throw a URIError and
 * URLSearchParams would send U+FFFD in its place.
 */
function wellFormed(name: string, what: string, text: string): string {
  if (LONE_SURROGATE.test(text)) {
    throw new SignalWireError(`${name}(): ${what} holds a lone surrogate, which has no UTF-8 form: see toWellFormed()`);
  }
  return text;
}

/** encodeURIComponent of well-formed text; a lone surrogate is a SignalWireError. */
export const percentEncoded = (name: string, what: string, text: string): string => encodeURIComponent(wellFormed(name, what, text));

/** A finite number in decimal notation, never in exponent form (String(1e21) is "1e+21", String(1e-7) "1e-7"). */
export function decimal(value: number): string {
  const text = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponent) return text;
  const [, sign, first, rest = '', power] = exponent;
  const digits = `${first}${rest}`;
  const shift = Number(power);
  return shift < 0 ? `${sign}0.${'0'.repeat(-shift - 1)}${digits}` : `${sign}${digits}${'0'.repeat(shift - rest.length)}`;
}

/** `value` as text, when it is a string, a finite number (in decimal) or a boolean. */
function scalarText(name: string, what: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return decimal(value);
  if (typeof value === 'boolean') return String(value);
  throw new SignalWireError(
    `${name}(): ${what} must be a string, a finite number, a boolean or an array of them, not ${
      typeof value === 'number' ? String(value) : Array.isArray(value) ? 'a nested array' : kindOf(value)
    }.`,
  );
}

const eachOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** The query string ("" or "?a=1&b=x"), each value percent-encoded; an array is the key repeated. */
export function queryString(name: string, query: Record<string, unknown>): string {
  let text = '';
  for (const param in query) {
    for (const each of eachOf(query[param])) {
      const what = `query parameter \`${param}\``;
      const value = scalarText(name, what, each);
      text += `${text ? '&' : '?'}${percentEncoded(name, what, param)}=${percentEncoded(name, what, value)}`;
    }
  }
  return text;
}

export function formBody(name: string, body: unknown): string {
  if (!isRecord(body)) {
    throw new SignalWireError(`${name}(): the body must be an object of form fields, such as { To, From, Body }.`);
  }
  const form = new URLSearchParams();
  for (const [field, value] of ownEntries(name, 'the body', body)) {
    if (value === undefined || value === null) continue;
    const what = `form field \`${field}\``;
    for (const each of eachOf(value)) form.append(wellFormed(name, what, field), wellFormed(name, what, scalarText(name, what, each)));
  }
  return form.toString();
}

export function jsonBody(name: string, body: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new SignalWireError(`${name}(): the body cannot be sent as JSON (${(error as Error).message.split('\n')[0]}).`, {
      cause: error,
    });
  }
  if (text === undefined) throw new SignalWireError(`${name}(): the body cannot be sent as JSON (JSON.stringify gives undefined)`);
  return text;
}
