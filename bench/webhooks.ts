// Webhooks (issue #21): verifications per second of verifyWebhookSignature() for a 2 kB JSON webhook
// (scheme A) and a 20-field form webhook (scheme B), with node:crypto (what Node, Bun and Deno use) and
// with Web Crypto (what a runtime without node:crypto uses: a second instance of the module loaded
// with process.getBuiltinModule hidden), beside @signalwire/compatibility-api's checks in the same
// process and run (validateRequest for the form; for JSON it has only validateRequestWithBody, the
// Compatibility surface's url HMAC + body SHA-256, the closest work); and the webhooks entry bundled
// for a Worker (esbuild --minify, workerd conditions), gzipped, goal 3 kB.
import { createHash, createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { RestClient, viaNodeCrypto, viaWebCrypto } from '../test/support/signature-modules.js';
import { row } from './table.js';

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

async function rates({ verifyWebhookSignature }: typeof viaWebCrypto) {
  return {
    json: await rate(() => verifyWebhookSignature({ signingKey: KEY, signature: jsonSignature, url: jsonUrl, body: jsonBody })),
    form: await rate(() => verifyWebhookSignature({ signingKey: KEY, signature: formSignature, url: formUrl, body: formBody })),
  };
}
const ours = await rates(viaNodeCrypto);
const web = await rates(viaWebCrypto);
const theirs = {
  json: await rate(() => RestClient.validateRequestWithBody(KEY, hashedSignature, hashedUrl, jsonBody)),
  form: await rate(() => RestClient.validateRequest(KEY, formSignature, formUrl, fields)),
};

const root = fileURLToPath(new URL('..', import.meta.url));
// What a Worker can use of the entry (writeAnswer writes to Node's ServerResponse).
const worker = "export { readWebhook, verifyWebhookSignature, WebhookError, answerResponse, answerBody } from 'signalwire-rest/webhooks';";
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
if (/from ?"node:|openapi-fetch|createSignalWireClient/.test(new TextDecoder().decode(code))) throw new Error('the webhooks bundle carries Node or client code');
const gzipped = gzipSync(code, { level: 9 }).length;
const GOAL = 3 * 1024;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;

console.log(
  JSON.stringify([
    ...(['json', 'form'] as const).map((kind) =>
      row({
        part: 'webhooks',
        case: `verifyWebhookSignature, ${kind === 'json' ? '2 kB JSON webhook (scheme A)' : '20-field form webhook (scheme B)'}, one at a time`,
        result: `node:crypto ${perSecond(ours[kind])}; Web Crypto ${perSecond(web[kind])}`,
        comparedWith:
          `compatibility-api ${kind === 'json' ? 'validateRequestWithBody (same body via bodySHA256)' : 'validateRequest (given the fields already parsed; ours parses the raw body)'}: ` +
          `${perSecond(theirs[kind])} (ours ${(ours[kind] / theirs[kind]).toFixed(2)}x; Web Crypto ${(web[kind] / theirs[kind]).toFixed(2)}x)`,
        target: 'none set (reported beside the SDK)',
        met: undefined,
      }),
    ),
    row({
      part: 'webhooks',
      case: 'the webhooks entry in a Worker: all but writeAnswer (Node only) (esbuild --minify, workerd conditions)',
      result: `${(gzipped / 1024).toFixed(2)} kB gzipped (${(code.length / 1024).toFixed(2)} kB minified)`,
      comparedWith: '',
      target: '3.00 kB or less (#21)',
      met: gzipped <= GOAL,
    }),
  ]),
);
