// signalwire-rest/webhooks: verify and type the requests SignalWire sends to your servers, and answer
// them. Nothing here imports the REST client, so an app that only receives webhooks does not carry it.
export { verifyWebhookSignature } from './webhooks/signature.js';
export type { WebhookSignatureInput } from './webhooks/signature.js';
export { readWebhook } from './webhooks/read.js';
export type { DeclaredAnswer, FormFields, ReadWebhookOptions, WebhookName, WebhookPayload } from './webhooks/read.js';
export { WebhookError } from './webhooks/error.js';
export type { WebhookRefusal } from './webhooks/error.js';
export type { MessagingSwmlDocument, SwmlDocument, SwmlMethod } from './webhooks/swml.js';
export { answerBody, answerResponse, writeAnswer } from './answer.js';
export type { RenderedAnswer, WebhookAnswer } from './answer.js';
