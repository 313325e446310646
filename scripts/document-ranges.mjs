// Writes the input of openapi-typescript: the patched description with each schema's documented range
// (minimum/maximum, lengths, item counts, pattern) appended to its description. openapi-typescript
// 7.13 turns description, default, example and format into doc comments but drops every range keyword,
// so without this `max_members` would not say "0 to 300" where an editor shows the type.
// Usage: node scripts/document-ranges.mjs PATCHED.yaml OUT.yaml
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

const [inputPath, outputPath] = process.argv.slice(2);
const document = parse(readFileSync(inputPath, 'utf8'));
const isNumber = (value) => typeof value === 'number';

function bounds(low, high, unit = '') {
  if (isNumber(low) && isNumber(high)) return `${low} to ${high}${unit}`;
  if (isNumber(low)) return `at least ${low}${unit}`;
  if (isNumber(high)) return `at most ${high}${unit}`;
  return undefined;
}

/** The schema's range in words, or undefined when it states none. */
function rangeOf(schema) {
  const facts = [
    bounds(schema.minimum, schema.maximum),
    isNumber(schema.exclusiveMinimum) && `greater than ${schema.exclusiveMinimum}`,
    isNumber(schema.exclusiveMaximum) && `less than ${schema.exclusiveMaximum}`,
    bounds(schema.minLength, schema.maxLength, ' characters'),
    bounds(schema.minItems, schema.maxItems, ' items'),
    typeof schema.pattern === 'string' && `pattern \`${schema.pattern}\``,
  ].filter(Boolean);
  return facts.length > 0 ? `Range: ${facts.join('; ')}.` : undefined;
}

// Values, not schemas: an example object may well have a key named `pattern` or `maximum`.
const values = new Set(['example', 'examples', 'default', 'enum', 'const']);
let documented = 0;
(function visit(node) {
  if (Array.isArray(node)) return node.forEach(visit);
  if (typeof node !== 'object' || node === null) return;
  const range = rangeOf(node);
  if (range) {
    node.description = typeof node.description === 'string' ? `${node.description.trimEnd()}\n\n${range}` : range;
    documented++;
  }
  for (const [key, value] of Object.entries(node)) if (!values.has(key)) visit(value);
})(document);

writeFileSync(outputPath, stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }));
console.error(`${outputPath}: ranges written into ${documented} descriptions for the doc comments.`);
