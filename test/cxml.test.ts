// signalwire-rest/cxml against SignalWire's own Twilio-style SDK (@signalwire/compatibility-api): the same
// program, written against either, gives the same XML, for every relation of the generated table the SDK
// has (each verb in <Response>, each noun in its verb); what the SDK lacks (SignalWire's own elements) is
// built from the reference pages' examples and compared with them.
import { readFileSync } from 'node:fs';
import { RestClient } from '@signalwire/compatibility-api';
import { describe, expect, it } from 'vitest';
import { cxmlNesting } from '../generated/cxml.js';
import { answerResponse, CxmlError, FaxResponse, MessagingResponse, VoiceResponse, writeAnswer } from '../src/cxml.js';
import { canonicalXml, parseXml, xmlExamples } from './support/canonical-xml.js';
import { startLocalServer } from './support/local-server.js';

type Document = keyof typeof cxmlNesting;
// Both sides are driven by name here: the programs below are the same text against either library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyBuilder = any;

const theirs: Record<Document, () => AnyBuilder> = {
  voice: () => new RestClient.LaML.VoiceResponse(),
  messaging: () => new RestClient.LaML.MessagingResponse(),
  fax: () => new RestClient.LaML.FaxResponse(),
};
const ours: Record<Document, () => AnyBuilder> = {
  voice: () => new VoiceResponse(),
  messaging: () => new MessagingResponse(),
  fax: () => new FaxResponse(),
};
const method = (tag: string) => tag[0]!.toLowerCase() + tag.slice(1);
const holds = (document: Document, tag: string): readonly string[] => (cxmlNesting[document] as Record<string, readonly string[]>)[tag] ?? [];

/** The shortest chain of elements from <Response> to `tag` (Response excluded, tag included). */
function pathTo(document: Document, tag: string): string[] | undefined {
  const queue: string[][] = [[]];
  const seen = new Set(['Response']);
  while (queue.length > 0) {
    const path = queue.shift()!;
    for (const child of holds(document, path.at(-1) ?? 'Response')) {
      if (child === '#text' || seen.has(child)) continue;
      if (child === tag) return [...path, child];
      seen.add(child);
      queue.push([...path, child]);
    }
  }
  return tag === 'Response' ? [] : undefined;
}

/** Runs `program` against a fresh root of `make`; undefined when that library has no such method. */
function run(make: () => AnyBuilder, program: (root: AnyBuilder) => void): string | undefined {
  const root = make();
  try {
    program(root);
  } catch (error) {
    if (error instanceof TypeError && /is not a function/.test(error.message)) return undefined;
    throw error;
  }
  return root.toString();
}

// Each relation's program: reach the parent, add the child with an attribute and, where it takes text, text
// that needs escaping.
const relations = (Object.keys(cxmlNesting) as Document[]).flatMap((document) =>
  Object.keys(cxmlNesting[document]).flatMap((parent) =>
    holds(document, parent)
      .filter((child) => child !== '#text')
      .map((child) => ({ document, parent, child, path: pathTo(document, parent) })),
  ),
);

const relationProgram =
  ({ document, child, path }: (typeof relations)[number]) =>
  (root: AnyBuilder) => {
    let node = root;
    for (const step of path ?? []) node = node[method(step)]();
    const attributes = { callbackNote: 'a "quoted" & <tagged>\tvalue' };
    if (holds(document, child).includes('#text')) node[method(child)](attributes, 'Tom & Jerry <3 ]]> "hi"');
    else node[method(child)](attributes);
  };

const sdkLacks = relations.filter((relation) => run(theirs[relation.document], relationProgram(relation)) === undefined);

describe('every relation of the generated table', () => {
  it('reaches every element from <Response>', () => {
    expect(relations.filter((relation) => relation.path === undefined)).toEqual([]);
  });

  it.each(relations.filter((relation) => !sdkLacks.includes(relation)).map((relation) => [`${relation.document}: <${relation.parent}> holds <${relation.child}>`, relation] as const))(
    '%s: the same XML as the SDK',
    (_, relation) => {
      const expected = run(theirs[relation.document], relationProgram(relation))!;
      const actual = run(ours[relation.document], relationProgram(relation))!;
      expect(canonicalXml(actual)).toBe(canonicalXml(expected));
      expect(actual).toBe(expected); // byte for byte: same escapes, same attribute order
    },
  );
});

// Programs a user writes, from the reference pages' SDK samples: the same text against either library.
const programs: [string, Document, (root: AnyBuilder) => void][] = [
  ['say with a voice, language and loop', 'voice', (r) => r.say({ voice: 'alice', language: 'fr-CA', loop: 5 }, 'Bonjour.')],
  ['dial a number with a caller id', 'voice', (r) => r.dial({ callerId: '+18007778899' }).number('+18004445566')],
  ['dial: record both legs, a conference', 'voice', (r) => r.dial({ record: 'record-from-ringing-dual', recordingStatusCallback: 'https://example.com/recording_status' }).conference('teamcall')],
  ['dial text, answerOnBridge, timeout', 'voice', (r) => r.dial({ answerOnBridge: true, timeout: 20, hangupOnStar: false }, '123-456-7890')],
  ['dial sip with credentials', 'voice', (r) => r.dial().sip({ username: 'admin', password: '1234' }, 'sip:alice@example.com')],
  ['dial a queue, an enqueue', 'voice', (r) => { r.dial().queue({ url: 'https://example.com/about_to_connect.xml' }, 'support'); r.enqueue({ waitUrl: 'https://example.com/hold-music.xml' }, 'support'); }],
  ['gather with say and play inside', 'voice', (r) => {
    const g = r.gather({ action: '/process_gather.php', method: 'GET', input: 'dtmf speech', numDigits: 1, timeout: 5 });
    g.say('Please enter your account number, followed by the pound sign');
    g.play('https://example.com/beep.mp3');
    g.pause({ length: 2 });
    r.say('We did not receive any input. Goodbye!');
  }],
  ['connect a bidirectional stream', 'voice', (r) => r.connect().stream({ url: 'wss://example.com/audiostream' })],
  ['connect a virtual agent with an action', 'voice', (r) => r.connect({ action: 'https://example.com/next' }).virtualAgent({ connectorName: 'my-agent' })],
  ['connect a room', 'voice', (r) => r.connect().room('my-room-name')],
  ['start a stream with parameters', 'voice', (r) => {
    const stream = r.start().stream({ name: 'Example Audio Stream', url: 'wss://example.com/audiostream' });
    stream.parameter({ name: 'FirstName', value: 'Jane' });
  }],
  ['pay with prompts and a parameter', 'voice', (r) => {
    const pay = r.pay({ chargeAmount: '10.00', paymentConnectorUrl: 'https://example.com/pay', action: 'https://example.com/done' });
    pay.prompt({ for: 'payment-card-number', attempt: 1 }).say('Please enter your card number');
    pay.prompt({ for: 'expiration-date', cardType: 'visa amex' }).play('https://example.com/expiry.mp3');
    pay.parameter({ name: 'my_custom_parameter_1', value: 'my_custom_value_1' });
  }],
  ['record, transcribe', 'voice', (r) => r.record({ timeout: 10, transcribe: true, transcribeCallback: '/transcribe', playBeep: false })],
  ['sms during a call', 'voice', (r) => r.sms({ to: '+15554443333', from: '+15557778888', action: '/smsHandler' }, 'Store location: 123 Easy St.')],
  ['refer to a sip uri', 'voice', (r) => r.refer({ action: '/refer-done' }).sip('sip:alice@example.com')],
  ['echo, pause, play digits, redirect, leave, hangup, reject', 'voice', (r) => {
    r.echo({ timeout: 120 });
    r.pause({ length: 5 });
    r.play({ digits: 'wwww3' });
    r.redirect({ method: 'POST' }, 'https://example.com/next.xml');
    r.leave();
    r.hangup();
    r.reject({ reason: 'busy' });
  }],
  ['conference with events and booleans', 'voice', (r) => r.dial().conference({ beep: false, startConferenceOnEnter: true, statusCallbackEvent: 'start end join', maxParticipants: 10 }, 'Room 1234')],
  ['message with body and media', 'messaging', (r) => {
    const m = r.message({ to: '+15551234567', from: '+15557654321', action: '/status' });
    m.body('Hello from SignalWire!');
    m.media('https://link.to/your-media-file');
  }],
  ['message text, redirect', 'messaging', (r) => { r.message('Thanks & bye <3'); r.redirect('https://example.com/next.xml'); }],
  ['fax receive', 'fax', (r) => r.receive({ action: '/fax/received', mediaType: 'image/tiff', pageSize: 'a4' })],
  ['fax reject', 'fax', (r) => r.reject()],
  ['empty answers', 'voice', () => undefined],
];

describe('programs from the reference pages, against the SDK', () => {
  it.each(programs)('%s', (_, document, program) => {
    const expected = run(theirs[document], program);
    expect(expected).toBeDefined();
    expect(canonicalXml(run(ours[document], program)!)).toBe(canonicalXml(expected!));
  });
});

// SignalWire's own elements, which the SDK lacks: each program must give one of its page's examples.
const referenceExamples: [string, Document, (root: AnyBuilder) => void][] = [
  ['voice/denoise.mdx', 'voice', (r) => { r.denoise('on'); r.dial().sip('sip:user@example.com;transport=udp'); }],
  ['voice/verto-noun.mdx', 'voice', (r) => r.dial().verto('Test@mySip-domain.verto.signalwire.com')],
  ['voice/verto-noun.mdx', 'voice', (r) => r.dial({ record: 'record-from-answer', method: 'GET', action: 'https://www.example.com/after_dial' }).verto('Test@mySip-domain.verto.signalwire.com')],
  ['voice/stream.mdx', 'voice', (r) => {
    const conference = r.dial({ trim: 'do-not-trim' }).conference({ beep: false, startConferenceOnEnter: true, trim: 'do-not-trim', streamUrl: 'wss://206.189.19.130:8765/' }, 'test');
    const stream = conference.stream({ name: 'my_conference_stream', url: 'wss://206.189.19.130:8765/', streamStartConferenceOnEnter: true, bidir: true });
    stream.parameter({ name: 'foo1', value: 'bar1' });
    stream.parameter({ name: 'foo2', value: 'bar2' });
  }],
  ['voice/connect.mdx', 'voice', (r) => r.connect().room('my-room-name')],
  ['fax/reject.mdx', 'fax', (r) => r.reject()],
];

describe("SignalWire's own elements, against the reference's examples", () => {
  it.each(referenceExamples)('%s', (page, document, program) => {
    const examples = xmlExamples(readFileSync(`openapi/cxml/${page}`, 'utf8')).flatMap((xml) => {
      try {
        return [canonicalXml(xml)];
      } catch {
        return []; // an example fragment without <Response>
      }
    });
    expect(examples).toContain(canonicalXml(run(ours[document], program)!));
  });

  it('cover every relation the SDK lacks', () => {
    const built = referenceExamples.map(([, document, program]) => ({ document, xml: run(ours[document], program)! }));
    const pairs = new Set<string>();
    const walk = (document: Document, element: ReturnType<typeof parseXml>) => {
      for (const child of Array.from(element.childNodes)) {
        if (child.nodeType !== child.ELEMENT_NODE) continue;
        pairs.add(`${document}: <${element.tagName}> holds <${(child as typeof element).tagName}>`);
        walk(document, child as typeof element);
      }
    };
    for (const { document, xml } of built) walk(document, parseXml(xml));
    const shown = (relation: (typeof relations)[number]) => pairs.has(`${relation.document}: <${relation.parent}> holds <${relation.child}>`);
    expect(sdkLacks.filter((relation) => !shown(relation)).map(({ document, parent, child }) => `${document}: <${parent}> holds <${child}>`)).toEqual([]);
  });
});

describe('answers', () => {
  it('serves a builder as text/xml through answerResponse()', async () => {
    const r = new VoiceResponse();
    r.say('Hello');
    const response = answerResponse(r);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(await response.text()).toBe(r.toString());
  });

  it('writes a builder to a Node response through writeAnswer()', async () => {
    const m = new MessagingResponse();
    m.message('Got it ✓');
    const server = await startLocalServer((_request, response) => writeAnswer(response, m));
    try {
      const response = await fetch(server.url);
      expect(response.headers.get('content-type')).toBe('text/xml');
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(m.toString()));
      expect(await response.text()).toBe(m.toString());
    } finally {
      await server.close();
    }
  });
});

describe('bad input from JavaScript callers', () => {
  it.each([
    ['an attribute name that is not XML', (r: AnyBuilder) => r.say({ 'a="1"><Hangup/><Say b': 'x' }, 'hi'), /attribute a="1"><Hangup\/><Say b: not an XML attribute name/],
    ['an object as a value', (r: AnyBuilder) => r.say({ voice: { toString: () => 'x' } }), /attribute voice: a value is a string, a finite number or a boolean/],
    ['NaN as a value', (r: AnyBuilder) => r.pause({ length: Number.NaN }), /attribute length: .* not NaN/],
    ['a number as text', (r: AnyBuilder) => r.say({}, 42), /<Say> text: text must be a string, not number/],
    ['text where the reference allows none', (r: AnyBuilder) => r.hangup('now'), /<Hangup> text: this element takes no text/],
    ['attributes that are not an object', (r: AnyBuilder) => r.pause(5), /<Pause> text: attributes must be an object, not number/],
  ])('refuses %s with a CxmlError and adds nothing', (_, program, message) => {
    const r = new VoiceResponse();
    expect(() => program(r)).toThrow(CxmlError);
    expect(() => program(r)).toThrow(message);
    expect(r.toString()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });
});
