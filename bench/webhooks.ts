// Webhooks (issue #21): verifications per second of verifyWebhookSignature() (Web Crypto) for a 2 kB
// JSON webhook (scheme A) and a 20-field form webhook (scheme B), beside @signalwire/compatibility-api's
// checks in the same process and run (validateRequest for the form; for JSON it has only
// validateRequestWithBody, the Compatibility surface's url HMAC + body SHA-256, the closest work); and
// the webhooks entry bundled for a Worker (esbuild --minify, workerd conditions), gzipped, goal 3 kB.
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { verifyWebhookSignature } from '../src/webhooks.js';
import { row } from './table.js';

const { RestClient } = createRequire(import.meta.url)('@signalwire/compatibility-api') as {
  RestClient: {
    validateRequest(key: string, signature: string, url: string, params: object): boolean;
    validateRequestWithBody(key: string, signature: string, url: string, body: string): boolean;
  };
};
const KEY = 'PSK_bench_signing_key_0123456789';
const DURATION_MS = Number(process.env.BENCH_WEBHOOK_MS ?? 2000);

/** Calls per second of `check` over DURATION_MS, after a warm-up; every call must say true. */
async function rate(check: () => boolean | Promise<boolean>): Promise<number> {
  for (let i = 0; i < 2000; i++) if (!(await check())) throw new Error('a bench verification failed');
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < DURATION_MS) {
    for (let i = 0; i < 100; i++) if (!(await check())) throw new Error('a bench verification failed');
    calls += 100;
  }
  return calls / ((performance.now() - started) / 1000);
}

// A 2 kB JSON webhook (scheme A), and the same body on the Compatibility surface (bodySHA256).
const jsonBody = JSON.stringify({ call: { call_id: 'c'.repeat(36), from: '+15550100', to: '+15550199' }, vars: { notes: 'x'.repeat(1860) } });
const jsonUrl = 'https://example.com/webhooks/call';
const jsonSignature = createHmac('sha1', KEY).update(jsonUrl + jsonBody).digest('hex');
const hashedUrl = `${jsonUrl}?bodySHA256=${createHash('sha256').update(jsonBody).digest('hex')}`;
const hashedSignature = createHmac('sha1', KEY).update(hashedUrl).digest('base64');

// A 20-field form webhook (scheme B), as Express's urlencoded parser hands it to validateRequest.
const fields = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`Field${String.fromCharCode(65 + i)}`, `value ${i} é`]));
const formBody = new URLSearchParams(fields).toString();
const formUrl = 'https://example.com/webhooks/sms';
const sorted = Object.keys(fields).sort().map((name) => name + fields[name]).join('');
const formSignature = createHmac('sha1', KEY).update(formUrl + sorted).digest('base64');

const ours = {
  json: await rate(() => verifyWebhookSignature({ signingKey: KEY, signature: jsonSignature, url: jsonUrl, body: jsonBody })),
  form: await rate(() => verifyWebhookSignature({ signingKey: KEY, signature: formSignature, url: formUrl, body: formBody })),
};
const theirs = {
  json: await rate(() => RestClient.validateRequestWithBody(KEY, hashedSignature, hashedUrl, jsonBody)),
  form: await rate(() => RestClient.validateRequest(KEY, formSignature, formUrl, fields)),
};

const root = fileURLToPath(new URL('..', import.meta.url));
const worker = `import { readWebhook, verifyWebhookSignature, WebhookError, answerResponse } from 'signalwire-rest/webhooks';
export default { async fetch(request, env) {
  try {
    const { call } = await readWebhook(request, { signingKey: env.SIGNING_KEY, webhook: 'inboundCallWebhook' });
    return answerResponse({ sections: { main: [{ play: { url: 'say:Hello ' + call.from } }] } });
  } catch (error) {
    if (error instanceof WebhookError) return new Response(error.message, { status: error.status });
    throw error;
  }
} };
export { verifyWebhookSignature };`;
const bundle = await build({
  stdin: { contents: worker, resolveDir: root },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  write: false,
  logLevel: 'error',
});
const code = bundle.outputFiles[0]!.contents;
if (/node:|openapi-fetch|createSignalWireClient/.test(new TextDecoder().decode(code))) throw new Error('the webhooks bundle carries Node or client code');
const gzipped = gzipSync(code, { level: 9 }).length;
const GOAL = 3 * 1024;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;

console.log(
  JSON.stringify([
    row({
      part: 'webhooks',
      case: 'verifyWebhookSignature, 2 kB JSON webhook (scheme A, Web Crypto), one at a time',
      result: perSecond(ours.json),
      comparedWith: `compatibility-api validateRequestWithBody (same body via bodySHA256, node:crypto): ${perSecond(theirs.json)} (${(ours.json / theirs.json).toFixed(2)}x)`,
      target: 'none set (reported beside the SDK)',
      met: undefined,
    }),
    row({
      part: 'webhooks',
      case: 'verifyWebhookSignature, 20-field form webhook (scheme B, Web Crypto), one at a time',
      result: perSecond(ours.form),
      comparedWith: `compatibility-api validateRequest (node:crypto): ${perSecond(theirs.form)} (${(ours.form / theirs.form).toFixed(2)}x)`,
      target: 'none set (reported beside the SDK)',
      met: undefined,
    }),
    row({
      part: 'webhooks',
      case: 'the webhooks entry in a Worker: readWebhook, verifyWebhookSignature, WebhookError, answerResponse (esbuild --minify, workerd conditions)',
      result: `${(gzipped / 1024).toFixed(2)} kB gzipped (${(code.length / 1024).toFixed(2)} kB minified)`,
      comparedWith: '',
      target: '3.00 kB or less (#21)',
      met: gzipped <= GOAL,
    }),
  ]),
);
