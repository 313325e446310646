// ESM: the testing entry finds the description shipped in the package.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

const testing = await import('signalwire-rest/testing');
assert.equal(typeof testing.startMockServer, 'function');
assert.ok(existsSync(testing.bundledDescription), `missing ${testing.bundledDescription}`);
console.log(`import('signalwire-rest/testing'): bundledDescription = ${testing.bundledDescription}`);
