// Fails when an overlay action's target matches nothing.
// `redocly bundle --overlay` skips such an action without a word, so after SignalWire publishes a
// changed description one of the project's fixes could vanish from the generated types unnoticed.
// The actions are replayed in order (a later target may depend on an earlier remove or update),
// with RFC 9535 JSONPath, the dialect the Overlay specification uses.
// It also rejects a filter that chains three or more && / || terms without parentheses: Redocly 2.77
// evaluates only the first two of them (`[?@.a && @.b && @.c]` matches where @.c is false), so its
// result would differ from this replay.
// Usage: node scripts/check-overlay-targets.mjs DESCRIPTION OVERLAY
import { readFileSync } from 'node:fs';
import { exec } from 'jsonpath-rfc9535';
import { parse } from 'yaml';

const [specPath, overlayPath] = process.argv.slice(2);
function load(path) {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`${path}: ${error.message}`);
    process.exit(1);
  }
}

const document = load(specPath);
const { actions = [] } = load(overlayPath);

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

// Overlay 1.0 update semantics: objects merge recursively, arrays append, anything else replaces.
function merge(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    if (isObject(target[key]) && isObject(value)) merge(target[key], value);
    else if (Array.isArray(target[key]) && Array.isArray(value)) target[key].push(...value);
    else target[key] = structuredClone(value);
  }
}

// The most && / || operators any `[?...]` filter of a target has outside parentheses and strings.
function longestLogicalChain(target) {
  let longest = 0;
  const open = []; // one frame per open bracket or parenthesis: a filter's operator count, or null
  for (const [token] of target.matchAll(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\[\?|&&|\|\||[()[\]]/g)) {
    if (token === '[?') open.push({ operators: 0 });
    else if (token === '[' || token === '(') open.push(null);
    else if (token === ']' || token === ')') longest = Math.max(longest, open.pop()?.operators ?? 0);
    else if ((token === '&&' || token === '||') && open.at(-1)) open.at(-1).operators++;
  }
  return longest;
}

const stale = [];
const misread = [];
actions.forEach((action, index) => {
  if (longestLogicalChain(action.target) > 1) misread.push(`  action ${index + 1}: ${action.target}`);
  const matches = [];
  exec(document, action.target, (value, path) => matches.push({ value, path }));
  if (matches.length === 0) {
    stale.push(`  action ${index + 1}: ${action.target}\n    (${String(action.description).trim()})`);
    return;
  }
  // Remove from the deepest path first so earlier array indexes stay valid.
  for (const { value, path } of matches.reverse()) {
    if (action.remove) {
      const parent = path.slice(0, -1).reduce((node, key) => node[key], document);
      const key = path.at(-1);
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
    } else if (isObject(value) && isObject(action.update)) {
      merge(value, action.update);
    }
  }
});

if (misread.length > 0) {
  console.error(
    `${overlayPath}: ${misread.length} action(s) chain three or more && / || terms in a filter, of which ` +
      `Redocly applies only the first two:\n${misread.join('\n')}\n` +
      'Group the terms with parentheses: [?@.a && (@.b && @.c)].',
  );
  process.exit(1);
}
if (stale.length > 0) {
  console.error(
    `${overlayPath}: ${stale.length} action(s) match nothing in ${specPath}, so their fixes would be silently dropped:\n` +
      `${stale.join('\n')}\n` +
      'The published description changed under them: point each target at the new location, ' +
      'or delete the action if SignalWire fixed the defect itself.',
  );
  process.exit(1);
}
