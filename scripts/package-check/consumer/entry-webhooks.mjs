// ESM: the webhooks entry verifies a signature and loads neither the REST client's modules nor any
// Node built-in (a resolve hook refuses them while it is imported): it runs on every fetch runtime.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { register } from 'node:module';

const guard = `export async function resolve(specifier, context, next) {
  if (/^node:|openapi-fetch|testing|dist\\/index/.test(specifier)) throw new Error('the webhooks entry loaded ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(guard)}`);
const webhooks = await import('signalwire-rest/webhooks');
assert.ok(import.meta.resolve('signalwire-rest/webhooks').endsWith('/dist/webhooks.js'));
const [url, body] = ['https://example.com/hook', '{"call":{}}'];
const signature = createHmac('sha1', 'key').update(url + body).digest('hex');
assert.equal(await webhooks.verifyWebhookSignature({ signingKey: 'key', signature, url, body }), true);
assert.equal(typeof webhooks.readWebhook, 'function');
console.log(`import('signalwire-rest/webhooks'): ${Object.keys(webhooks).length} exports, a signature verified, no Node built-in loaded`);
