// Type-level tests of signalwire-rest/cxml: attribute names, documented values and nesting come from
// SignalWire's cXML reference (generated/cxml.ts), so a wrong name, a value outside a documented set or a
// verb where the reference does not allow it is a compile error. Compiled by vitest's typecheck, never run;
// every @ts-expect-error must stay an error.
import { describe, expectTypeOf, test } from 'vitest';
import type { RenderedAnswer } from '../src/answer.js';
import { type CxmlAttributes, type CxmlElement, FaxResponse, MessagingResponse, VoiceResponse } from '../src/cxml.js';

/** Compiled, never called. */
function never(run: () => void) {
  void run;
}

describe('the SDK programs compile unchanged', () => {
  test('say, dial, gather, connect, message, toString', () => {
    const r = new VoiceResponse();
    r.say({ voice: 'Polly.Joanna' }, 'Hello');
    r.say('Hello');
    r.dial({ callerId: '+18007778899' }).number('+18004445566');
    const g = r.gather({ input: 'dtmf speech', numDigits: 1, action: '/gather' });
    g.say('Press 1');
    r.connect().stream({ url: 'wss://example.com/audio' });
    const m = new MessagingResponse().message({ to: '+15551230001' });
    m.body('hi');
    m.media('https://example.com/cat.png');
    expectTypeOf(r.toString()).toEqualTypeOf<string>();
    expectTypeOf(new FaxResponse()).toMatchTypeOf<RenderedAnswer>();
    expectTypeOf(g).toEqualTypeOf<CxmlElement<'voice', 'Gather'>>();
  });

  test('attributes carry the documented types', () => {
    expectTypeOf<CxmlAttributes['voice']['Say']['loop']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CxmlAttributes['voice']['Dial']['method']>().toEqualTypeOf<'GET' | 'POST' | undefined>();
    expectTypeOf<CxmlAttributes['voice']['Parameter']['name']>().toEqualTypeOf<string>();
  });
});

describe('compile errors', () => {
  test('a wrong attribute name', () => {
    never(() => {
      const r = new VoiceResponse();
      // @ts-expect-error Say has no callerId
      r.say({ callerId: '+1' }, 'hi');
      // @ts-expect-error Twilio's caller_id spelling is not SignalWire's callerId
      r.dial({ caller_id: '+1' });
      // @ts-expect-error Message has no body attribute (Body is a noun)
      new MessagingResponse().message({ body: 'hi' });
    });
  });

  test('a value outside a documented set, or of the wrong type', () => {
    never(() => {
      const r = new VoiceResponse();
      // @ts-expect-error method is GET or POST
      r.dial({ method: 'PUT' });
      // @ts-expect-error reason is busy or rejected
      r.reject({ reason: 'no' });
      // @ts-expect-error record on Dial is one of the documented recording modes
      r.dial({ record: true });
      // @ts-expect-error loop is a number
      r.say({ loop: 'twice' }, 'hi');
      // @ts-expect-error mediaType is application/pdf or image/tiff
      new FaxResponse().receive({ mediaType: 'image/png' });
      // @ts-expect-error maxAttempts is 1, 2 or 3
      r.pay({ maxAttempts: 4 });
    });
    // A space-separated list of documented values is one value.
    new VoiceResponse().dial().number({ statusCallbackEvent: 'initiated answered' }, '+1');
  });

  test('a required attribute left out', () => {
    never(() => {
      const stream = new VoiceResponse().connect().stream({ url: 'wss://x' });
      // @ts-expect-error Parameter needs name and value
      stream.parameter({ name: 'a' });
      // @ts-expect-error Stream needs url
      new VoiceResponse().start().stream({});
    });
  });

  test('an element nested where the reference does not allow it', () => {
    never(() => {
      const r = new VoiceResponse();
      // @ts-expect-error Dial holds nouns, not Say
      r.dial().say('hi');
      // @ts-expect-error Gather holds Say, Play and Pause only
      r.gather().dial();
      // @ts-expect-error Number is a noun of Dial, not a verb of Response
      r.number('+1');
      // @ts-expect-error Stream runs inside Start or Connect
      r.stream({ url: 'wss://x' });
      // @ts-expect-error a voice verb in a messaging answer
      new MessagingResponse().say('hi');
      // @ts-expect-error Hangup takes no text
      r.hangup('now');
      // @ts-expect-error Message's Body takes text, not children
      new MessagingResponse().message().body().media('x');
    });
  });
});
