// Prints a `redocly diff --format json` report with, for every change, each operation it reaches.
// Redocly names one operation per change: a schema shared by twenty operations (Layout, a pagination
// envelope) reads as if it touched one. Here a change inside a component is followed through every
// $ref to every operation that uses it, in the revision (or, for a removal, the base) description.
// Usage: node scripts/spec-diff-report.mjs REPORT.json
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { componentRefs } from './lib/refs.mjs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
const unescape = (token) => token.replaceAll('~1', '/').replaceAll('~0', '~');

// For one description: component pointer ("#/components/schemas/Layout") -> operations that reach it.
function operationsByComponent(path) {
  const document = parse(readFileSync(path, 'utf8'));
  const resolve = (pointer) => pointer.split('/').slice(1).map(unescape).reduce((node, key) => node?.[key], document);
  const reached = new Map();
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      if (!methods.has(method)) continue;
      const name = `${method.toUpperCase()} ${route}`;
      const pending = [...componentRefs([operation, item.parameters])];
      const seen = new Set();
      while (pending.length > 0) {
        const pointer = pending.pop();
        if (seen.has(pointer)) continue;
        seen.add(pointer);
        if (!reached.has(pointer)) reached.set(pointer, new Set());
        reached.get(pointer).add(name);
        pending.push(...componentRefs(resolve(pointer)));
      }
    }
  }
  return reached;
}

const reach = { base: null, revision: null };
function operationsReaching(pointer, side) {
  const [, section, kind, name] = pointer.split('/');
  if (section === 'paths') {
    const [, , route, method] = pointer.split('/');
    return methods.has(method) ? [`${method.toUpperCase()} ${unescape(route)}`] : [unescape(route)];
  }
  if (section !== 'components') return [];
  reach[side] ??= operationsByComponent(report.files[side]);
  return [...(reach[side].get(`#/components/${kind}/${name}`) ?? [])].sort();
}

for (const change of report.changes) {
  const side = change.kind === 'removed' ? 'base' : 'revision';
  for (const verdict of change.verdicts) {
    const location = verdict.location ?? change[side];
    const operations = operationsReaching(location?.pointer ?? change.path, side);
    console.log(`${verdict.impact.padEnd(5)}  ${verdict.message} (${verdict.ruleId})`);
    if (location) console.log(`       at ${location.file}:${location.line}:${location.col}  ${location.pointer}`);
    console.log(`       reaches ${operations.length} operation(s)${operations.length ? ':' : ''}`);
    for (const operation of operations) console.log(`         ${operation}`);
  }
}
const { major, minor, patch } = report.summary;
console.log(`${major} major, ${minor} minor, ${patch} patch.`);
