// The answers SignalWire reads from a webhook handler, typed from the description's SWML schemas: a
// misspelt verb or a wrong field is a compile error.
import type { components } from '../../generated/schema.js';

/** A SWML document for calls: the answer to an inbound call webhook on a SWML resource. */
export type SwmlDocument = components['schemas']['SWML.Calling.SWMLObject'];
/** A SWML document for messages: the answer to an inbound message webhook. */
export type MessagingSwmlDocument = components['schemas']['SWML.Messaging.SWMLObject'];
/** One SWML calling method (a verb of a section), e.g. `{ play: { url: 'say:Hello' } }`. */
export type SwmlMethod = components['schemas']['SWML.Calling.SWMLMethod'];
