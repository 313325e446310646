// Property: whatever string a program puts in text or in an attribute (an SMS body echoed in <Say>, a
// caller's name), the answer is well-formed XML that a real parser (xmldom) reads back as exactly that
// string, in the element it was put in and nowhere else; or, when XML 1.0 cannot carry one of its
// characters, a CxmlError and nothing added.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxmlError, MessagingResponse, VoiceResponse } from '../src/cxml.js';
import { parseXml } from './support/canonical-xml.js';

// Characters XML 1.0 has no place for (its Char production, as code points; lone surrogates included).
const allowed = (codePoint: number) =>
  codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd || (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
  (codePoint >= 0xe000 && codePoint <= 0xfffd) || (codePoint >= 0x10000 && codePoint <= 0x10ffff);
const carried = (text: string) => [...text].every((char) => allowed(char.codePointAt(0)!));

// Strings made of the pieces that break naive XML, among any UTF-16 code units (lone surrogates too).
const hostilePiece = fc.constantFrom(']]>', '<', '>', '&', '"', "'", '&amp;', '<![CDATA[', '</Say><Hangup/><Say>', '\r\n', '\r', '\t', '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\ud800', '\udfff', '\ud83d\ude00', '\ufffe', '\uffff', '\u2028', ' ');
const hostileString = fc.array(fc.oneof(hostilePiece, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), { maxLength: 8 }).map((pieces) => pieces.join(''));

describe('text and attribute values', () => {
  it('come back exactly from a real XML parser, or are refused when XML 1.0 cannot carry them', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (text, value) => {
        const r = new VoiceResponse();
        let added = false;
        try {
          r.say({ voice: value }, text);
          added = true;
        } catch (error) {
          expect(error).toBeInstanceOf(CxmlError);
          expect(carried(text) && carried(value)).toBe(false);
        }
        r.hangup();
        const root = parseXml(r.toString());
        const elements = Array.from(root.childNodes);
        expect(elements.map((node) => node.nodeName)).toEqual(added ? ['Say', 'Hangup'] : ['Hangup']);
        if (added) {
          const say = elements[0] as unknown as { getAttribute(name: string): string; textContent: string; childNodes: ArrayLike<{ nodeType: number }> };
          expect(say.getAttribute('voice')).toBe(value);
          expect(say.textContent).toBe(text);
          expect(Array.from(say.childNodes).every((node) => node.nodeType === 3)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keep an SMS body echoed into a reply inside its <Message>', () => {
    fc.assert(
      fc.property(hostileString.filter(carried), (body) => {
        const m = new MessagingResponse();
        m.message({ to: body }).body(body);
        const message = parseXml(m.toString()).firstChild as unknown as { getAttribute(name: string): string; textContent: string; childNodes: ArrayLike<unknown> };
        expect(message.getAttribute('to')).toBe(body);
        expect(message.textContent).toBe(body);
        expect(message.childNodes.length).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a control character', 'a\u0001b', 'U+0001 at index 1'],
    ['a lone high surrogate', 'x\ud800', 'U+D800 at index 1'],
    ['a lone low surrogate', '\udc00', 'U+DC00 at index 0'],
    ['U+FFFE', 'ok\ufffe', 'U+FFFE at index 2'],
  ])('refuse %s, saying which character and where', (_, text, where) => {
    const r = new VoiceResponse();
    expect(() => r.say(text)).toThrow(`<Say> text: ${where} cannot be written in XML 1.0`);
    expect(() => r.say({ voice: text })).toThrow(`<Say> attribute voice: ${where}`);
  });
});
