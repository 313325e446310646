// Writes the mock server's variant of a bundled description: every schema of a family that holds a
// reference cycle (SignalWire's recursive SWML documents) becomes an opaque JSON object, the schemas
// only those reached are dropped, and pagination links lose `next`/`prev` (see below). Prism resolves
// every reference up front and never finishes on recursive schemas (1.2 GB after 15 minutes on the full
// REST description); on this variant it listens in seconds.
// Requests and responses keep their exact schemas everywhere else.
// Usage: node scripts/mock-description.mjs BUNDLED.yaml OUT.yaml
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { componentRefs } from './lib/refs.mjs';

const [inputPath, outputPath] = process.argv.slice(2);
const source = readFileSync(inputPath, 'utf8');
const document = parse(source);
const schemas = document.components?.schemas ?? {};
const prefix = '#/components/schemas/';
const referencedSchemas = (node) =>
  [...componentRefs(node)].filter((pointer) => pointer.startsWith(prefix)).map((pointer) => pointer.slice(prefix.length));

const edges = new Map(Object.entries(schemas).map(([name, schema]) => [name, referencedSchemas(schema)]));

// Tarjan's strongly connected components: a schema is recursive when its component has more than one
// member or it references itself.
function recursiveSchemas() {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const recursive = new Set();
  let counter = 0;
  function visit(name) {
    index.set(name, counter);
    low.set(name, counter++);
    stack.push(name);
    onStack.add(name);
    for (const next of edges.get(name) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(name, Math.min(low.get(name), low.get(next)));
      } else if (onStack.has(next)) low.set(name, Math.min(low.get(name), index.get(next)));
    }
    if (low.get(name) !== index.get(name)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== name);
    if (component.length > 1 || edges.get(name).includes(name)) for (const item of component) recursive.add(item);
  }
  for (const name of edges.keys()) if (!index.has(name)) visit(name);
  return recursive;
}

// A family is the schema name up to its last dot (`SWML.Calling` of `SWML.Calling.Section`): the whole
// family of a recursive schema goes opaque, since its other members describe parts of the same documents.
const family = (name) => name.slice(0, name.lastIndexOf('.') + 1);
const recursiveFamilies = new Set([...recursiveSchemas()].map(family).filter(Boolean));
const opaque = Object.keys(schemas).filter((name) => recursiveFamilies.has(family(name)));
for (const name of opaque) {
  schemas[name] = {
    type: 'object',
    additionalProperties: true,
    description:
      `Opaque in this mock description: \`${name}\` belongs to a recursive family of schemas (SWML documents), ` +
      'which the mock server cannot resolve. The full schema is in openapi.yaml.',
  };
  edges.set(name, []);
}

// A static mock answers every list with the same page; with a `next` link there, a client that follows
// links would never stop. Every list answers as its last (only) page instead.
const pageLinks = Object.values(schemas).filter(({ properties }) => properties?.self && properties.first && properties.next);
for (const links of pageLinks) {
  delete links.properties.next;
  delete links.properties.prev;
  if (links.required) links.required = links.required.filter((name) => name !== 'next' && name !== 'prev');
}

// Drop what only the opaque schemas used, so Prism does not load it.
const reachable = new Set();
const pending = referencedSchemas({ ...document, components: { ...document.components, schemas: undefined } });
while (pending.length > 0) {
  const name = pending.pop();
  if (reachable.has(name)) continue;
  reachable.add(name);
  pending.push(...(edges.get(name) ?? []));
}
for (const name of Object.keys(schemas)) if (!reachable.has(name)) delete schemas[name];

const banner =
  source.match(/^(#.*\n)*/)[0] +
  '# Mock-server variant of openapi.yaml: recursive SWML schemas opaque, lists answer one page (scripts/mock-description.mjs).\n';
writeFileSync(outputPath, banner + stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }));
const opaqueText = opaque.length
  ? `${opaque.length} schemas of ${[...recursiveFamilies].join(', ')} made opaque`
  : 'no recursive schema to make opaque';
console.error(
  `${outputPath}: ${opaqueText}, ` +
    `${edges.size - Object.keys(schemas).length} schemas only they used dropped, ` +
    `${pageLinks.length} link schemas answer a last page.`,
);
