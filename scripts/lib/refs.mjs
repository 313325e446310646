// The local `$ref`s a node of an OpenAPI description holds, at any depth, each as its component
// pointer ("#/components/schemas/Layout" for "#/components/schemas/Layout/properties/x").
export function componentRefs(node, found = new Set()) {
  if (Array.isArray(node)) for (const item of node) componentRefs(item, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value.split('/').slice(0, 4).join('/'));
      else componentRefs(value, found);
    }
  }
  return found;
}

/** One token of a JSON pointer as the key it stands for ("~1api~1rooms" -> "/api/rooms"). */
export const unescapeToken = (token) => token.replaceAll('~1', '/').replaceAll('~0', '~');

/** The node a local pointer ("#/components/schemas/Layout") names in `document`, or undefined. Own keys
 * only: a description is untrusted, and "#/__proto__" must not reach Object.prototype. */
export function resolvePointer(document, pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map(unescapeToken)
    .reduce((node, key) => (node && typeof node === 'object' && Object.hasOwn(node, key) ? node[key] : undefined), document);
}

/** `node` itself, or the object its chain of local `$ref`s leads to: {} for a cycle, a dangling or a remote ref. */
export function dereference(document, node) {
  const seen = new Set();
  while (node && typeof node.$ref === 'string') {
    if (seen.has(node.$ref) || !node.$ref.startsWith('#/')) return {};
    seen.add(node.$ref);
    node = resolvePointer(document, node.$ref);
  }
  return node && typeof node === 'object' ? node : {};
}
