// How a method's arguments go on the wire, each bad value a SignalWireError naming it (never a raw
// TypeError from deep inside serialization):
// - query parameters: scalars, or arrays of them (repeated keys);
// - the Compatibility API's bodies, as Twilio expects them: application/x-www-form-urlencoded, an array
//   field sent as the same key repeated (MediaUrl=a&MediaUrl=b), booleans as true/false, numbers in
//   decimal, undefined and null fields left out;
// - JSON bodies: anything JSON.stringify takes (not a cycle, not a BigInt).
import { SignalWireError } from '../errors.js';

type Scalar = string | number | boolean;

/** `value` as text, when it is a string, a finite number or a boolean. */
function scalarText(name: string, what: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
  throw new SignalWireError(
    `${name}(): ${what} must be a string, a finite number, a boolean or an array of them, not ${
      typeof value === 'number' ? String(value) : Array.isArray(value) ? 'a nested array' : value === null ? 'null' : typeof value
    }.`,
  );
}

const eachOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Refuses a query parameter openapi-fetch could not serialize (an object, a nested array, NaN…). */
export function checkQuery(name: string, query: Record<string, unknown>): void {
  for (const [param, value] of Object.entries(query)) {
    for (const each of eachOf(value)) scalarText(name, `query parameter \`${param}\``, each);
  }
}

export function formBody(name: string, body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
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
