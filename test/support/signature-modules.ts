// The signature module twice, for tests and bench/webhooks.ts: as loaded here (node:crypto, through
// process.getBuiltinModule), and a second instance loaded with getBuiltinModule hidden, as in a
// runtime without node:crypto (a Worker without nodejs_compat): it signs and verifies with Web Crypto.
// Beside them, the reference nobody here wrote: @signalwire/compatibility-api's RestClient checks.
import { createRequire } from 'node:module';
import * as viaNodeCrypto from '../../src/webhooks/signature.js';

const getBuiltinModule = process.getBuiltinModule;
Object.assign(process, { getBuiltinModule: undefined });
const secondInstance: string = '../../src/webhooks/signature.js?web-crypto'; // a query gives a second module instance
const viaWebCrypto = (await import(secondInstance)) as typeof viaNodeCrypto;
Object.assign(process, { getBuiltinModule });

export { viaNodeCrypto, viaWebCrypto };

export const { RestClient } = createRequire(import.meta.url)('@signalwire/compatibility-api') as {
  RestClient: {
    validateRequest(key: string, signature: string, url: string, params: object, suppressWarning?: boolean): boolean;
    validateRequestWithBody(key: string, signature: string, url: string, body: string): boolean;
  };
};
