// XML 1.0 text from any string: escaped so that it stays text, or refused when XML cannot carry it.
// Characters XML 1.0 has no place for (control characters other than tab, line feed and carriage return,
// lone surrogates, U+FFFE and U+FFFF) are refused with a CxmlError, never dropped or replaced: an answer
// that says something other than what the program wrote is worse than one that is not sent, and the
// caller decides what such a character should become. (SignalWire's Twilio-style SDK refuses them too.)

/**
 * A cXML builder was given something XML cannot hold: a value that is not text, a bad name, a forbidden
 * character. A TypeError, not a SignalWireError: the cxml entry shares no module with the client, so that
 * each loads and bundles alone.
 */
export class CxmlError extends TypeError {
  override name = 'CxmlError';
  /** The element the value was for, e.g. `Say`. */
  declare readonly element: string;
  /** The attribute the value was for; undefined for the element's text. */
  declare readonly attribute: string | undefined;

  constructor(element: string, attribute: string | undefined, problem: string) {
    super(`<${element}> ${attribute === undefined ? 'text' : `attribute ${attribute}`}: ${problem}`);
    this.element = element;
    this.attribute = attribute;
  }
}

const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
// The SDK's escapes (xmlbuilder's): in text `>` too (so `]]>` cannot appear); in attributes the white space
// that attribute-value normalisation would turn into spaces. Beyond the SDK: U+0085 and U+2028, which XML 1.1 parsers
// read as line ends (xmldom U+2029 too); as references they stay themselves in every parser.
const ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;', '\u0085': '&#x85;', '\u2028': '&#x2028;', '\u2029': '&#x2029;',
};
const TEXT_SPECIALS = /[&<>\r\u0085\u2028\u2029]/g;
const ATTRIBUTE_SPECIALS = /[&<"\t\n\r\u0085\u2028\u2029]/g;

/** `value` escaped for element text (attribute undefined) or an attribute's value; a CxmlError if XML 1.0 cannot carry it. */
export function escaped(value: string, element: string, attribute?: string): string {
  const forbidden = FORBIDDEN.exec(value);
  if (forbidden) {
    const code = forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new CxmlError(element, attribute, `U+${code} at index ${forbidden.index} cannot be written in XML 1.0; remove or replace it first`);
  }
  return value.replace(attribute === undefined ? TEXT_SPECIALS : ATTRIBUTE_SPECIALS, (char) => ESCAPES[char]!);
}
