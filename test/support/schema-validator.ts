// Validates values against a schema of generated/openapi.yaml (OpenAPI 3.1 = JSON Schema 2020-12),
// so a test can prove that what the client returned is a valid instance of the typed result.
// SignalWire seals almost every schema (`unevaluatedProperties: { not: {} }`), but the live API adds
// response fields over time and the client must keep working: the generated types stay exact, while
// this validator opens the sealed schemas, so a field the description does not know yet is no failure.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const unsealed = (key: string, value: unknown) =>
  key === 'unevaluatedProperties' && JSON.stringify(value) === '{"not":{}}' ? undefined : value;
const description = JSON.parse(
  JSON.stringify(parse(readFileSync(new URL('../../generated/openapi.yaml', import.meta.url), 'utf8')), unsealed),
);
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi', components: description.components });

export function validatorFor(schemaName: string) {
  return ajv.compile({ $ref: `openapi#/components/schemas/${schemaName}` });
}
