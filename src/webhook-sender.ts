// sendWebhook(): the inbound mirror of the mock server. It POSTs a webhook to your handler as
// SignalWire would (its media type, signed with your signing key) and resolves to the handler's
// answer, so a test can assert on the SWML or status it returned. Re-exported by testing.ts.
import { webhookExamples } from '../generated/webhook-examples.js';
import { webhookTable } from '../generated/webhooks.js';
import { isRecord } from './shape.js';
import type { WebhookName, WebhookPayload } from './webhooks/read.js';
import { signWebhook } from './webhooks/signature.js';

export interface SendWebhookOptions<Name extends WebhookName> {
  /** The signing key to sign with: the one your handler verifies with (a wrong one forges a webhook). */
  signingKey: string;
  /** Fields that replace the description's example payload's, merged into its objects (arrays replaced). */
  payload?: DeepPartial<WebhookPayload<Name>> | undefined;
  /** The URL to sign, when it differs from the one posted to (a handler behind a proxy checks this one). */
  signedUrl?: string | undefined;
  /** Extra request headers (e.g. X-Forwarded-Proto). */
  headers?: Record<string, string> | undefined;
}

/** Any part of a payload: objects' fields optional at every depth. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** `base` with `changes` merged in: objects field by field, anything else replaced. */
function merged(base: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const result = { ...base };
  for (const [name, value] of Object.entries(changes)) {
    const held = result[name];
    result[name] = isRecord(held) && isRecord(value) ? merged(held, value) : value;
  }
  return result;
}

/** The handler's answer. */
export interface WebhookReply {
  readonly status: number;
  readonly headers: Headers;
  /** The answer's body as text (a SWML document's JSON, a cXML document's XML). */
  readonly body: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json<T = unknown>(): T;
}

/** A flat payload as form fields (arrays as repeated names, objects as JSON), as the Compatibility API sends them. */
function formBody(payload: Record<string, unknown>): string {
  const form = new URLSearchParams();
  const field = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
  for (const [name, value] of Object.entries(payload)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) form.append(name, field(item));
  }
  return form.toString();
}

/**
 * POSTs a signed `webhook` to `url` in its media type (the description's example payload, overridden by
 * `payload`) and resolves to the handler's status, headers and body.
 */
export async function sendWebhook<Name extends WebhookName>(
  url: string,
  webhook: Name,
  options: SendWebhookOptions<Name>,
): Promise<WebhookReply> {
  if (!Object.hasOwn(webhookTable, webhook)) {
    throw new TypeError(`sendWebhook() needs the name of a webhook SignalWire sends (${Object.keys(webhookTable).join(', ')}).`);
  }
  const contentType: string = webhookTable[webhook][0];
  const payload = merged(webhookExamples[webhook] ?? {}, (options?.payload ?? {}) as Record<string, unknown>);
  const form = contentType === 'application/x-www-form-urlencoded';
  const body = form ? formBody(payload) : JSON.stringify(payload);
  const signature = await signWebhook({ signingKey: options.signingKey, url: options.signedUrl ?? url, body }, form ? 'B' : 'A');
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...options.headers, 'content-type': contentType, 'x-signalwire-signature': signature },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text, json: () => JSON.parse(text) };
}
