// ESM: `import` both entry points of the installed package, and prove the main entry loads neither
// ./testing nor Prism nor node:child_process (a resolve hook refuses them while it is imported).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const guard = `export async function resolve(specifier, context, next) {
  if (/prism|testing|child_process/.test(specifier)) throw new Error('the main entry loaded ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(guard)}`);
const main = await import('signalwire-rest');
assert.equal(typeof main.createSignalWireClient, 'function');
assert.equal(typeof main.SignalWireError, 'function');
assert.equal(import.meta.resolve('signalwire-rest').endsWith('/dist/index.js'), true);
console.log(`import('signalwire-rest'): ${Object.keys(main).length} exports, no Prism loaded`);
