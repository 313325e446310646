// The API's error bodies come in three shapes (and the Compatibility API's flat one); callers get
// their items in one shape, whatever the server sent, however odd.
//   { error: "Unauthorized" }                                    401/404/500, every family
//   { errors: [{ type, code, message, attribute | null, url }] } 422 (and some 400) outside Relay
//   { errors: [{ detail, status, title, code, candidates? }] }   Relay REST 422s (E911 adds candidates)
//   { code, message, more_info, status }                         Compatibility (cXML) API
import { isRecord } from './shape.js';

/** One error item of an API answer, normalized from whichever shape the API family uses. */
export interface ApiErrorItem {
  /** What went wrong: `message`, else Relay's `detail` or `title`, else the `error` string. */
  readonly message: string;
  /**
   * A machine-readable code as the API sent it: a string such as `missing_required_parameter`, or
   * the Compatibility API's number such as 21211 (compare it as Twilio-style code does: `code === 21211`).
   */
  readonly code?: string | number;
  /** The request field at fault, when the API names one. */
  readonly attribute?: string;
  /** The error class, e.g. `validation_error`. */
  readonly type?: string;
  /** A documentation link (`url`, or the Compatibility API's `more_info`). */
  readonly url?: string;
  /** Relay's short title, e.g. "Invalid Address". */
  readonly title?: string;
  /** Relay's and the Compatibility API's per-item status, as a string. */
  readonly status?: string;
  /** The item exactly as the server sent it (Relay's E911 `candidates` are here). */
  readonly raw: unknown;
}

/** A string, or a number as a string; anything else (an object with a hostile toString) is dropped. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function item(raw: unknown): ApiErrorItem {
  if (!isRecord(raw)) return { message: text(raw) ?? 'unknown error', raw };
  const message = text(raw.message) ?? text(raw.detail) ?? text(raw.title) ?? text(raw.error) ?? 'unknown error';
  const fields: Record<string, string | number | undefined> = {
    code: typeof raw.code === 'number' && Number.isFinite(raw.code) ? raw.code : text(raw.code),
    attribute: text(raw.attribute),
    type: text(raw.type),
    url: text(raw.url) ?? text(raw.more_info),
    title: text(raw.title),
    status: text(raw.status),
  };
  const normalized: Record<string, unknown> = { message };
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) normalized[name] = value;
  normalized.raw = raw;
  return normalized as unknown as ApiErrorItem;
}

/** The error items of an answer's body, whatever its shape; empty when it has none. */
export function errorItems(body: unknown): ApiErrorItem[] {
  if (!isRecord(body)) return [];
  if (Array.isArray(body.errors)) return body.errors.map(item);
  if (typeof body.error === 'string' || typeof body.message === 'string') return [item(body)];
  return [];
}
