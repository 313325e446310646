// CommonJS: `require` every entry point; the main entry must load neither ./testing, ./cxml nor Prism.
const assert = require('node:assert/strict');
const { existsSync } = require('node:fs');

const main = require('signalwire-rest');
assert.equal(typeof main.createSignalWireClient, 'function');
assert.ok(require.resolve('signalwire-rest').endsWith('/dist/index.cjs'));
const loaded = Object.keys(require.cache).filter((file) => /prism|testing|cxml/.test(file));
assert.deepEqual(loaded, [], 'the main entry loaded the testing entry, the cxml entry or Prism');
console.log(`require('signalwire-rest'): ${Object.keys(main).length} exports, no Prism loaded`);

const testing = require('signalwire-rest/testing');
assert.equal(typeof testing.startMockServer, 'function');
assert.ok(existsSync(testing.bundledDescription), `missing ${testing.bundledDescription}`);
console.log(`require('signalwire-rest/testing'): bundledDescription = ${testing.bundledDescription}`);

const cxml = require('signalwire-rest/cxml');
const answer = new cxml.VoiceResponse();
answer.say('Hello & goodbye');
assert.equal(answer.toString(), '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello &amp; goodbye</Say></Response>');
assert.ok(require.resolve('signalwire-rest/cxml').endsWith('/dist/cxml.cjs'));
console.log(`require('signalwire-rest/cxml'): ${Object.keys(cxml).length} exports`);
