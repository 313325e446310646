// The one gate between a description's text and the code or Markdown the pipeline writes from it.
// A description is a file from another repository: every value read from it is untrusted. A value
// written as a name (an identifier, a path, a property key) must match a strict grammar, or the
// pipeline stops naming the value and where it is (a JSON pointer); any other text is written
// only through commentText(), stringLiteral() or markdownText(), which leave it inert.

/** A value of a description that breaks the grammar of the place it would be written to. */
export class UntrustedValueError extends Error {
  /**
   * @param {unknown} value the value as read
   * @param {string} where a JSON pointer (`#/paths/~1api~1x/get/operationId`) or another locator
   * @param {string} rule what the value had to be
   */
  constructor(value, where, rule) {
    super(`${where}: ${describe(value)} is refused: ${rule}`);
    this.name = 'UntrustedValueError';
    this.value = value;
    this.where = where;
  }
}

/** A value quoted for a message: escaped, cut short, never raw. */
function describe(value) {
  if (typeof value !== 'string') return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return stringLiteral(value.length > 120 ? `${value.slice(0, 120)}…` : value);
}

/** A JSON pointer (RFC 6901, as a URI fragment) to a place in a description: pointer('paths', '/a/{b}', 'get'). */
export function pointer(...parts) {
  return `#/${parts.map((part) => encodeURIComponent(String(part).replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A value written as a JavaScript identifier or property name: letters, digits, `_` and `$`, not a digit first. */
export function identifier(value, where) {
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
    throw new UntrustedValueError(value, where, 'a name must be letters, digits, `_` or `$`, not starting with a digit');
  }
  return value;
}

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** An operationId: letters, digits, `_`, `.` and `-`, starting with a letter or `_`. */
export function operationName(value, where) {
  if (typeof value !== 'string' || !OPERATION_NAME.test(value)) {
    throw new UntrustedValueError(value, where, 'an operationId must be letters, digits, `_`, `.` or `-`, starting with a letter or `_`');
  }
  return value;
}

// A segment: characters of [A-Za-z0-9_.~-] and `{name}` parameters (`{Sid}.json` holds both).
const SEGMENT = /^(?:[A-Za-z0-9_.~-]|\{[A-Za-z_][A-Za-z0-9_]*\})+$/;

/**
 * A value written as an API path: `/`-separated segments of `[A-Za-z0-9_.~-]` and `{name}` parameters;
 * no empty, `.` or `..` segment (no spaces, quotes, comment characters or traversal can pass).
 */
export function apiPath(value, where) {
  const rule = 'a path must be "/" segments of [A-Za-z0-9_.~-] and {name}, with no empty, "." or ".." segment';
  if (typeof value !== 'string' || !value.startsWith('/')) throw new UntrustedValueError(value, where, rule);
  for (const segment of value.slice(1).split('/')) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') throw new UntrustedValueError(value, where, rule);
  }
  return value;
}

// Line terminators of JavaScript (a `//` comment ends at U+2028 too) and other control characters.
const LINE_BREAKS = /\s*(?:\r\n|[\n\r\u2028\u2029])\s*/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text written into a comment (`/** … *\/` or `//`): one line, no control characters, and no `*\/`
 * to end the comment (written `*\/`, which a doc viewer shows as is).
 */
export function commentText(text) {
  return String(text).replace(LINE_BREAKS, ' ').replace(CONTROLS, ' ').replace(/\*\//g, '*\\/');
}

/**
 * A string literal of JavaScript/TypeScript holding the text exactly: JSON.stringify's escaping, plus
 * U+2028/U+2029 escaped (raw line terminators in older parsers) and `/` after `*` or `<` escaped, so
 * the literal cannot end a comment it is quoted in or a script element.
 */
export function stringLiteral(text) {
  if (typeof text !== 'string') throw new TypeError(`stringLiteral() takes a string, not ${describe(text)}`);
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/([*<])\//g, '$1\\/');
}

const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text written into Markdown (a table cell or a paragraph): one line, no control characters, and every
 * character with an inline meaning in Markdown or HTML escaped, so it renders as the same text and nothing else.
 */
export function markdownText(text) {
  return String(text)
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, ' ')
    .replace(/[&<>]/g, (char) => HTML_ENTITIES[char])
    .replace(/[\\`*_[\]|~]/g, '\\$&');
}
