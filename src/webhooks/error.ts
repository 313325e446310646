// The one error readWebhook() refuses a request with. It carries the status to answer, so a handler
// can turn any refusal into its HTTP answer in one line; its message names what was wrong and never
// holds the signing key or a header's value.

/** Why a webhook was refused: the status to answer follows from it. */
export type WebhookRefusal =
  | 'missing-signature' // 401
  | 'bad-signature' // 401
  | 'wrong-content-type' // 400
  | 'malformed-body' // 400
  | 'too-large'; // 413

const STATUS: Record<WebhookRefusal, 401 | 400 | 413> = {
  'missing-signature': 401,
  'bad-signature': 401,
  'wrong-content-type': 400,
  'malformed-body': 400,
  'too-large': 413,
};

/** readWebhook() refused the request: answer `status` (401, 400 or 413) and do nothing else with it. */
export class WebhookError extends Error {
  override name = 'WebhookError';
  /** The HTTP status to answer with: 401 (signature), 400 (body or content type), 413 (body too large). */
  declare readonly status: 401 | 400 | 413;
  declare readonly reason: WebhookRefusal;

  constructor(reason: WebhookRefusal, message: string) {
    super(message);
    this.reason = reason;
    this.status = STATUS[reason];
  }
}
