// What startMockServer() hands a newcomer: client options every operation of both APIs accepts
// (test/contract-operations.test.ts calls each operation with them), and refusals that name the rule
// a request broke, in the API's own error shape, instead of the description's canned example.
import { describe, expect, inject, test } from 'vitest';
import { createSignalWireClient, SignalWireValidationError } from '../src/index.js';
import { brokenRules, violationBody } from '../src/mock-violations.js';
import { rejectionOf } from './support/rejection.js';

const clientOptions = inject('mockClientOptions');
const message = { From: '+15551230002', To: '+15551230001', Body: 'Your table is ready.' };

describe('mock.clientOptions', () => {
  test('a Compatibility create through them is accepted', async () => {
    const client = createSignalWireClient({ ...clientOptions, maxRetries: 0 });
    const sent = await client.compat.messages.create(message);
    expect(typeof sent.sid).toBe('string');
  });

  test('a Project ID that is not a uuid is refused, and the refusal says why', async () => {
    const client = createSignalWireClient({ ...clientOptions, projectId: 'any', maxRetries: 0 });
    const error = await rejectionOf(client.compat.messages.create(message), SignalWireValidationError);
    expect(error.message).toMatch(/accountsid must match format "uuid"/);
    expect(error.message).not.toContain("'To' number");
    expect(error.code).toBe('format');
  });
});

describe("the mock's refusals name the rule broken", () => {
  test('max_members: 500 names max_members, not the canned display_name', async () => {
    const client = createSignalWireClient({ ...clientOptions, maxRetries: 0 });
    const create = client.fabric.conferenceRooms.create({ name: 'big', enable_room_previews: true, max_members: 500 });
    const error = await rejectionOf(create, SignalWireValidationError);
    expect(error.errors).toEqual([
      expect.objectContaining({ attribute: 'max_members', code: 'maximum', message: expect.stringContaining('<= 300') }),
    ]);
    expect(error.message).not.toContain('display_name');
  });

  test('every broken rule is an item; nested fields are dotted; warnings are not rules', () => {
    const header = JSON.stringify([
      { location: ['request', 'body', 'meta', 'floors'], severity: 'Error', code: 'type', message: 'must be array' },
      { location: ['request', 'body'], severity: 'Error', code: 'required', message: "Request body must have required property 'name'" },
      { location: ['request', 'query'], severity: 'Warning', code: 'x', message: 'ignored' },
    ]);
    const rules = brokenRules(header);
    expect(rules.map((rule) => rule.attribute)).toEqual(['meta.floors', 'name']);
    expect(brokenRules('not json')).toEqual([]);
    expect(brokenRules('{"location":1}')).toEqual([]);
  });

  test("each of the API's three error shapes is kept", () => {
    const [rule] = brokenRules(JSON.stringify([{ location: ['request', 'body', 'to'], severity: 'Error', code: 'format', message: 'bad to' }]));
    const rest = { errors: [{ type: 'validation_error', code: 'missing_required_parameter', message: 'canned', attribute: 'other', url: 'u' }] };
    expect(violationBody(rest, [rule!])).toEqual({
      errors: [{ type: 'validation_error', code: 'format', message: 'bad to', attribute: 'to', url: 'u' }],
    });
    const relay = { errors: [{ detail: 'canned', status: '422', title: 'Invalid', code: 'x' }] };
    expect(violationBody(relay, [rule!])).toEqual({ errors: [{ detail: 'bad to', status: '422', title: 'Invalid', code: 'format' }] });
    const compat = { code: 21211, message: 'canned', more_info: 'm', status: 422 };
    expect(violationBody(compat, [rule!])).toEqual({ code: 'format', message: 'bad to', more_info: 'm', status: 422 });
  });
});
