// The one generic cXML builder: every element's methods come from the generated table (generated/cxml.ts,
// from SignalWire's reference pages), none is written by hand. `parent.say(attributes?, text?)` appends a
// <Say> and returns it, as SignalWire's Twilio-style SDK does, so `dial.number(n)` and
// `g = r.gather(...); g.say(...)` read the same. Values are checked and escaped when they are added, so an
// error points at the call that was wrong and a rendered answer is always well-formed XML.
import type { RenderedAnswer } from '../answer.js';
import { type CxmlAttributes, cxmlNesting } from '../../generated/cxml.js';
import { CxmlError, escaped } from './xml.js';

type Nesting = typeof cxmlNesting;
/** A cXML document type: `voice`, `messaging` or `fax`. */
export type CxmlDocument = keyof Nesting;
type Tag<D extends CxmlDocument> = keyof Nesting[D] & string;
type Held<D extends CxmlDocument, T extends Tag<D>> = Nesting[D][T] extends readonly (infer C)[] ? C : never;
type Attributes<D extends CxmlDocument, T> = T extends keyof CxmlAttributes[D] ? CxmlAttributes[D][T] : never;
type Added<D extends CxmlDocument, C> = C extends Tag<D> ? CxmlElement<D, C> : never;

// Attributes may be left out when none is required; text only where the reference allows it. An element
// without attributes takes an empty object at most (`{}` alone would take any value, a string too).
type AttributesArgument<D extends CxmlDocument, C> = [keyof Attributes<D, C>] extends [never]
  ? [attributes?: Record<string, never>]
  : {} extends Attributes<D, C>
    ? [attributes?: Attributes<D, C>]
    : [attributes: Attributes<D, C>];
type Adder<D extends CxmlDocument, C> = C extends Tag<D>
  ? '#text' extends Held<D, C>
    ? {} extends Attributes<D, C>
      ? { (text?: string): Added<D, C>; (attributes: Attributes<D, C>, text?: string): Added<D, C> }
      : (attributes: Attributes<D, C>, text?: string) => Added<D, C>
    : (...attributes: AttributesArgument<D, C>) => Added<D, C>
  : never;

/** A cXML element being built: one method per element it may hold (`say`, `dial`, `number`...), named as in SignalWire's SDK. */
export type CxmlElement<D extends CxmlDocument, T extends Tag<D>> = {
  [C in Exclude<Held<D, T>, '#text'> as Uncapitalize<C & string>]: Adder<D, C>;
} & {
  /** The element as XML. */
  toString(): string;
};

/** A cXML document's root `<Response>`: its verbs as methods, its XML from `toString()`, served as `text/xml`. */
export type CxmlResponse<D extends CxmlDocument> = CxmlElement<D, 'Response' & Tag<D>> & RenderedAnswer;

type Value = string | number | boolean | null | undefined;
const NAME = /^[A-Za-z_][\w.-]*$/;

// Private fields: no element method (`start`, `stop`...) can shadow them.
class Element {
  readonly #tag: string;
  #open: string;
  // Escaped text and the elements added, in order.
  readonly #parts: (string | Element)[] = [];

  constructor(tag: string, attributes: unknown) {
    this.#tag = tag;
    this.#open = `<${tag}`;
    if (attributes == null) return;
    if (typeof attributes !== 'object') throw new CxmlError(tag, undefined, `attributes must be an object, not ${typeof attributes}`);
    for (const [name, value] of Object.entries(attributes as Record<string, Value>)) {
      if (!NAME.test(name)) throw new CxmlError(tag, name, 'not an XML attribute name (letters, digits, _ . -)');
      if (value == null) continue; // left out, as the SDK does
      if (!['string', 'boolean', 'number'].includes(typeof value) || value === Infinity || value === -Infinity || Number.isNaN(value))
        throw new CxmlError(tag, name, `a value is a string, a finite number or a boolean, not ${String(value)}`);
      this.#open += ` ${name}="${escaped(String(value), tag, name)}"`;
    }
  }

  /** Appends a `tag` element (the SDK's `(attributes?, text?)` or `(text)`) to `parent` and returns it. */
  static add(parent: Element, document: CxmlDocument, tag: string, first?: unknown, second?: unknown): Element {
    const [attributes, text] = typeof first === 'string' ? [undefined, first] : [first, second];
    const child = new (elementClass(document, tag))(tag, attributes);
    if (text != null) {
      if (typeof text !== 'string') throw new CxmlError(tag, undefined, `text must be a string, not ${typeof text}`);
      if (!(cxmlNesting[document][tag as never] as readonly string[]).includes('#text'))
        throw new CxmlError(tag, undefined, "this element takes no text in SignalWire's reference");
      if (text !== '') child.#parts.push(escaped(text, tag));
    }
    parent.#parts.push(child);
    return child;
  }

  toString(): string {
    return this.#parts.length === 0 ? `${this.#open}/>` : `${this.#open}>${this.#parts.join('')}</${this.#tag}>`;
  }
}

const classes = new Map<string, typeof Element>();

/** The class of an element: one method per element it may hold, made once from the table. */
function elementClass(document: CxmlDocument, tag: string): typeof Element {
  const key = `${document}/${tag}`;
  let made = classes.get(key);
  if (!made) {
    made = class extends Element {};
    for (const held of cxmlNesting[document][tag as never] as readonly string[]) {
      if (held === '#text') continue;
      Object.defineProperty(made.prototype, held[0]!.toLowerCase() + held.slice(1), {
        value(this: Element, attributes?: unknown, text?: unknown) {
          return Element.add(this, document, held, attributes, text);
        },
        writable: true,
        configurable: true,
      });
    }
    classes.set(key, made);
  }
  return made;
}

/** The root class of a document type: `new VoiceResponse()`. */
export function responseClass<D extends CxmlDocument>(document: D): new () => CxmlResponse<D> {
  const Base = elementClass(document, 'Response');
  return class extends Base {
    readonly contentType = 'text/xml';
    constructor() {
      super('Response', undefined);
    }
    override toString(): string {
      return `<?xml version="1.0" encoding="UTF-8"?>${super.toString()}`;
    }
  } as unknown as new () => CxmlResponse<D>;
}
