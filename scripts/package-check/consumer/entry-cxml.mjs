// ESM: the cxml entry builds an answer and serves it as text/xml; it loads no other entry of the package.
import assert from 'node:assert/strict';

const { VoiceResponse, answerResponse, CxmlError } = await import('signalwire-rest/cxml');
const answer = new VoiceResponse();
answer.dial({ callerId: '+15550001111' }).number('+15550002222');
const response = answerResponse(answer);
assert.equal(response.headers.get('content-type'), 'text/xml');
assert.equal(
  await response.text(),
  '<?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="+15550001111"><Number>+15550002222</Number></Dial></Response>',
);
assert.throws(() => answer.say('\u0000'), CxmlError);
console.log("import('signalwire-rest/cxml'): an answer as text/xml, a forbidden character refused");
