// How a method's arguments go on the wire, each bad value a SignalWireError naming it (never a raw
// TypeError from deep inside serialization):
// - query parameters: scalars, or arrays of them (repeated keys), percent-encoded;
// - the Compatibility API's bodies, as Twilio expects them: application/x-www-form-urlencoded, an array
//   field sent as the same key repeated (MediaUrl=a&MediaUrl=b), booleans as true/false, numbers in
//   decimal, undefined and null fields left out;
// - JSON bodies: anything JSON.stringify takes (not a cycle, not a BigInt).
import { SignalWireError } from '../errors.js';
import { isRecord, kindOf } from '../shape.js';

type Scalar = string | number | boolean;

/** `value` as text, when it is a string, a finite number or a boolean. */
function scalarText(name: string, what: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
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
      const value = scalarText(name, `query parameter \`${param}\``, each);
      text += `${text ? '&' : '?'}${encodeURIComponent(param)}=${encodeURIComponent(value)}`;
    }
  }
  return text;
}

export function formBody(name: string, body: unknown): string {
  if (!isRecord(body)) {
    throw new SignalWireError(`${name}(): the body must be an object of form fields, such as { To, From, Body }.`);
  }
  const form = new URLSearchParams();
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    for (const each of eachOf(value)) form.append(field, scalarText(name, `form field \`${field}\``, each as Scalar));
  }
  return form.toString();
}

export function jsonBody(name: string, body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new SignalWireError(`${name}(): the body cannot be sent as JSON (${(error as Error).message.split('\n')[0]}).`, {
      cause: error,
    });
  }
}
