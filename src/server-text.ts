// Text the server controls, made safe to quote in an error message: bounded, on one line, control
// characters escaped (a forged log line cannot get in), and never a stack overflow or a throwing
// toString, whatever JSON it is.
import type { ApiErrorItem } from './error-items.js';

/** The most characters of server text a message quotes. */
export const MESSAGE_TEXT_LIMIT = 200;
/** The most characters of a non-JSON body an error keeps in `body`. */
export const BODY_EXCERPT_LIMIT = 4_096;
const PREVIEW_DEPTH = 8;

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const escapeControl = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` on one line (whitespace runs become one space), other control characters escaped, cut to `limit` characters. */
export function quote(text: string, limit = MESSAGE_TEXT_LIMIT): string {
  const head = text.slice(0, limit * 2); // never scan megabytes
  const line = head.replace(/[ \t\r\n]+/g, ' ').trim().replace(CONTROL, escapeControl);
  return line.length > limit || head.length < text.length ? `${line.slice(0, limit)}…` : line;
}

/** The start of `text` (by default a body's, for an error's `body`), "…" marking a cut. */
export function excerpt(text: string, limit = BODY_EXCERPT_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** JSON-like text of any value, at most `limit` characters and PREVIEW_DEPTH levels, without recursion limits. */
export function preview(value: unknown, limit = MESSAGE_TEXT_LIMIT): string {
  let out = '';
  const write = (part: string) => (out += part).length <= limit;
  const walk = (node: unknown, depth: number): boolean => {
    if (typeof node === 'string') return write(JSON.stringify(node.slice(0, limit)));
    if (typeof node !== 'object' || node === null) return write(String(node));
    if (depth >= PREVIEW_DEPTH) return write(Array.isArray(node) ? '[…]' : '{…}');
    if (Array.isArray(node)) {
      if (!write('[')) return false;
      for (let i = 0; i < node.length; i++) if ((i > 0 && !write(',')) || !walk(node[i], depth + 1)) return false;
      return write(']');
    }
    if (!write('{')) return false;
    let first = true;
    for (const key in node) {
      if (!first && !write(',')) return false;
      first = false;
      if (!write(`${JSON.stringify(key.slice(0, limit))}:`) || !walk((node as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return write('}');
  };
  walk(value, 0);
  return quote(out, limit);
}

/** What an error message says about an answer's body: its items, its text, or a preview of its JSON. */
export function describeBody(body: unknown, errors: readonly ApiErrorItem[]): string {
  if (errors.length > 0) {
    let described = '';
    let shown = 0;
    for (const item of errors) {
      if (described.length >= MESSAGE_TEXT_LIMIT) break;
      described += `${shown > 0 ? '; ' : ''}${item.attribute ? `${item.attribute}: ` : ''}${item.message}`;
      shown++;
    }
    const rest = errors.length - shown;
    return quote(described) + (rest > 0 ? ` (and ${rest} more in error.errors)` : '');
  }
  if (body === undefined || body === '') return 'no body';
  return typeof body === 'string' ? quote(body) : preview(body);
}
