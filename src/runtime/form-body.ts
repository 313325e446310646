// The Compatibility API's bodies, as Twilio expects them: application/x-www-form-urlencoded, an array
// field sent as the same key repeated (MediaUrl=a&MediaUrl=b), booleans as true/false, numbers in
// decimal, undefined and null fields left out.
import { SignalWireError } from '../errors.js';

type FormValue = string | number | boolean;

function formValue(name: string, field: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
  throw new SignalWireError(
    `${name}(): form field \`${field}\` must be a string, a finite number, a boolean or an array of them, not ${
      typeof value === 'number' ? String(value) : Array.isArray(value) ? 'a nested array' : typeof value
    }.`,
  );
}

export function formBody(name: string, body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SignalWireError(`${name}(): the body must be an object of form fields, such as { To, From, Body }.`);
  }
  const form = new URLSearchParams();
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    for (const each of Array.isArray(value) ? (value as FormValue[]) : [value]) form.append(field, formValue(name, field, each));
  }
  return form.toString();
}
