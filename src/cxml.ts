// signalwire-rest/cxml: answer Compatibility (cXML) webhooks with typed builders. The verbs, nouns and
// attributes come from SignalWire's cXML reference (generated/cxml.ts, CC BY-NC-SA 4.0: see NOTICE); the
// method and attribute names are those of SignalWire's Twilio-style SDK (@signalwire/compatibility-api), so
// moving code here is a change of import. Nothing in the main entry imports this module.
import { responseClass } from './cxml/builder.js';

/** A voice call's answer: `<Say>`, `<Dial>`, `<Gather>`, `<Connect>`... */
export const VoiceResponse = responseClass('voice');
export type VoiceResponse = InstanceType<typeof VoiceResponse>;
/** An incoming message's answer: `<Message>` (with `<Body>` and `<Media>`) and `<Redirect>`. */
export const MessagingResponse = responseClass('messaging');
export type MessagingResponse = InstanceType<typeof MessagingResponse>;
/** An incoming fax's answer: `<Receive>` or `<Reject>`. */
export const FaxResponse = responseClass('fax');
export type FaxResponse = InstanceType<typeof FaxResponse>;

export type { CxmlDocument, CxmlElement, CxmlResponse } from './cxml/builder.js';
export { CxmlError } from './cxml/xml.js';
export type { CxmlAttributes } from '../generated/cxml.js';
export { answerResponse, writeAnswer, type RenderedAnswer, type WebhookAnswer } from './answer.js';
