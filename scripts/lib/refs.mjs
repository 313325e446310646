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
