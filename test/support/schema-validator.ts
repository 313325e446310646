// Validates values against the schemas of a generated description (OpenAPI 3.1 = JSON Schema 2020-12),
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

/** Validators of the schemas of `file` (relative to the repository's root). */
export function schemaValidator(file: string) {
  const description = JSON.parse(
    JSON.stringify(parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')), unsealed),
  );
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('jwt', true); // a label of SignalWire's tokens (JWS or JWE), no JSON Schema format: an annotation
  ajv.addSchema({ $id: 'description', components: description.components });
  return {
    description,
    /** A validator of the named component schema. */
    forSchema: (name: string) => ajv.compile({ $ref: `description#/components/schemas/${name}` }),
    /** A validator of a schema node taken from the description (its $refs are document-relative). */
    forNode: (schema: unknown) =>
      ajv.compile(JSON.parse(JSON.stringify(schema, unsealed).replace(/"\$ref":"#\//g, '"$ref":"description#/'))),
  };
}

const patched = schemaValidator('generated/openapi.yaml');
export const validatorFor = patched.forSchema;
