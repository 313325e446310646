// Two XML texts compared by what they mean, with a real parser (xmldom): elements, their attributes in
// name order, and their text, less the white space between elements (a reference page's indentation).
// A text that is not well-formed XML throws.
import { DOMParser, type Node as XmlNode } from '@xmldom/xmldom';

/** The document element of `xml`, parsed strictly: any well-formedness error throws. */
export function parseXml(xml: string) {
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  return document.documentElement!;
}

type Canonical = string | { tag: string; attributes: [string, string][]; children: Canonical[] };

function canonical(node: XmlNode): Canonical | undefined {
  if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) {
    const text = (node.nodeValue ?? '').trim();
    return text === '' ? undefined : text;
  }
  if (node.nodeType !== node.ELEMENT_NODE) return undefined;
  const element = node as unknown as { tagName: string; attributes: ArrayLike<{ name: string; value: string }>; childNodes: ArrayLike<XmlNode> };
  const attributes = Array.from(element.attributes, ({ name, value }) => [name, value] as [string, string]).sort(([a], [b]) => (a < b ? -1 : 1));
  const children = Array.from(element.childNodes, canonical).filter((child) => child !== undefined);
  return { tag: element.tagName, attributes, children };
}

/** The canonical form of an XML text, as JSON: equal for two texts that say the same. */
export const canonicalXml = (xml: string): string => JSON.stringify(canonical(parseXml(xml)));

/** The ```xml examples of a cXML reference page (MDX). */
export function xmlExamples(page: string): string[] {
  return [...page.matchAll(/```xml[^\n]*\n([\s\S]*?)```/g)].map((match) => match[1]!.trim());
}
