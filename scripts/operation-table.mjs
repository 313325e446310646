// Writes the client's operation table from a bundled OpenAPI description: every operation becomes
// `client.<family>.<resource>.<action>`, named by the rule below, with what the generic runtime
// (src/runtime/) needs to call it, as data; and the TypeScript interfaces of those methods, whose
// parameter and result types point into the openapi-typescript output (generated/*.schema.ts).
// Also writes a Markdown reference of every method.
//
// Naming rule (overrides with their reasons live in openapi/*.names.yaml):
//   family   = the first path segment after /api (e.g. fabric, video, relay);
//   resource = the operation's tag in camelCase, less any text before a colon or in parentheses and
//              less the family's own words, its last word plural when the tag's operationIds use the plural;
//   action   = the operationId less the words of the tag, the resource, the family and the path's parent segments
//              (those a path parameter follows), `retrieve` read as `get`; the first word (the verb) always stays.
//
// The description is untrusted: every name written as code passes scripts/lib/untrusted.mjs's grammar
// (refused with its JSON pointer otherwise), every other text its escaping, and a family, resource or
// action that would break the runtime (an Object.prototype member, `then`, a member of the client) is refused.
// Usage: node scripts/operation-table.mjs DESCRIPTION NAMES OUT_TS OUT_MD SCHEMA_MODULE EXPORT_NAME
//          [--family FAMILY] [--taken NAME ...]
//   --family: one family for every operation (the Compatibility API: compat), instead of the path's.
//   --taken: a family name another API's table already holds on the client.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import typescript from 'typescript';
import { parse } from 'yaml';
import { dereference } from './lib/refs.mjs';
import { apiPath, commentText, identifier, markdownText, operationName, pointer, stringLiteral, UntrustedValueError } from './lib/untrusted.mjs';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { family: { type: 'string' }, taken: { type: 'string', multiple: true, default: [] } },
});
const [descriptionPath, namesPath, outTs, outMd, schemaModule, exportName] = positionals;
const onlyFamily = flags.family;
if (positionals.length !== 6) {
  console.error('usage: operation-table.mjs DESCRIPTION NAMES OUT_TS OUT_MD SCHEMA_MODULE EXPORT_NAME [--family F] [--taken NAME ...]');
  process.exit(2);
}

const description = parse(readFileSync(descriptionPath, 'utf8'));
const names = parse(readFileSync(namesPath, 'utf8')) ?? {};
const problems = [];

// Per-call options of the runtime (src/runtime/method-types.ts: RequestOptions): a query parameter of
// the same name could not be told apart from them in a method's options object.
const CALL_OPTION_NAMES = ['signal', 'timeoutMs', 'maxRetries', 'maxResponseBytes', 'headers', 'subscriberToken'];
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** The member names of an interface declared in a TypeScript file, read from its syntax. */
function interfaceMembers(file, name) {
  const source = typescript.createSourceFile(file, readFileSync(file, 'utf8'), typescript.ScriptTarget.Latest);
  const declaration = source.statements.find((node) => typescript.isInterfaceDeclaration(node) && node.name.text === name);
  if (!declaration) throw new Error(`${file}: no interface ${name}`);
  return declaration.members.map((member) => member.name.getText(source));
}

// Names a family, resource or action cannot take: a member every object inherits (a key `__proto__`
// in the table's object literal sets its prototype; `constructor` or `toString` shadows what callers
// and tools use), `then` (the object would be awaited as a promise), and for a family the client's own
// members (src/client-members.ts) and the families of the client's other APIs (--taken).
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'then', 'prototype']);
const CLIENT_MEMBERS = new Set(interfaceMembers(fileURLToPath(new URL('../src/client-members.ts', import.meta.url)), 'ClientMembers'));

// ---- description helpers -------------------------------------------------------------------------
const resolve = (node) => dereference(description, node);

/** The properties of an object schema, through $ref and allOf. */
function propertiesOf(schema, depth = 0) {
  const resolved = resolve(schema);
  if (depth > 20) return {};
  const own = { ...(resolved.properties ?? {}) };
  for (const part of resolved.allOf ?? []) Object.assign(own, propertiesOf(part, depth + 1));
  return own;
}

const jsonContent = (content) =>
  content?.['application/json'] ?? content?.['application/x-www-form-urlencoded'] ?? undefined;

function successResponse(operation) {
  const code = Object.keys(operation.responses ?? {}).find((status) => /^2\d\d$/.test(status));
  return code ? { code, response: resolve(operation.responses[code]) } : undefined;
}

/**
 * How a list answer pages, if it does: `links.next` beside a `data` array (the REST API), or
 * Twilio's `next_page_uri` beside one array of items (the Compatibility API), whose key is returned.
 */
function pageShape(operation, path) {
  const success = successResponse(operation);
  const schema = jsonContent(success?.response.content)?.schema;
  if (!schema) return undefined;
  const properties = propertiesOf(schema);
  const arrays = Object.keys(properties).filter((key) => resolve(properties[key]).type === 'array');
  if (properties.links && 'next' in propertiesOf(properties.links) && arrays.includes('data')) return { items: 'data' };
  if (!('next_page_uri' in properties)) return undefined;
  // Where several arrays come (fax media: `media` and its alias `fax_media`), the one the path names.
  const named = path.split('/').filter((segment) => !segment.startsWith('{')).at(-1).replace(/(?<=[a-z])([A-Z])/g, '_$1').toLowerCase();
  const items = arrays.length === 1 ? arrays[0] : arrays.find((key) => key === named);
  return items ? { items, twilio: true } : undefined;
}

/** Whether openapi-typescript makes the schema one object type, which an interface can extend (no union). */
function plainObject(schema, depth = 0) {
  const resolved = resolve(schema);
  if (depth > 20 || resolved.oneOf || resolved.anyOf || Array.isArray(resolved.type)) return false;
  if (resolved.allOf) return resolved.allOf.every((part) => plainObject(part, depth + 1));
  return resolved.type === 'object' || Boolean(resolved.properties);
}

// ---- names -------------------------------------------------------------------------------------
/** An override of openapi/*.names.yaml: own keys only (an operationId `constructor` finds no inherited one). */
const own = (record, key) => (record && Object.hasOwn(record, key) ? record[key] : undefined);
const words = (text) =>
  text
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
const camel = (parts) => parts.map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1))).join('');
// Words that name nothing (create_a_call, list_all_calls).
const STOP_WORDS = new Set(['a', 'an', 'the', 'all']);
const singular = (word) => word.replace(/ies$/, 'y').replace(/(ss|x|ch|sh)es$/, '$1').replace(/s$/, '');
const used = { families: new Set(), tags: new Set(), operations: new Set(), pathParameters: new Set() };

function familyOf(path) {
  if (onlyFamily) return onlyFamily;
  const segment = path.split('/')[2];
  const override = own(names.families, segment);
  if (override) used.families.add(segment);
  return override?.family ?? segment;
}

function resourceOf(tag, family, operationIds) {
  const override = own(names.tags, tag);
  if (override?.resource) {
    used.tags.add(tag);
    return override.resource;
  }
  const afterColon = tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag;
  const all = words(afterColon);
  const kept = all.filter((word) => singular(word) !== singular(family));
  const parts = kept.length > 0 ? kept : all;
  const last = parts.at(-1);
  const plural = [`${last}s`, `${last}es`, last.replace(/y$/, 'ies')].find((form) =>
    operationIds.some((id) => words(id).includes(form)),
  );
  if (plural && singular(last) === last) parts[parts.length - 1] = plural;
  return camel(parts);
}

function actionOf(operationId, tag, resource, family, path) {
  const override = own(names.operations, operationId)?.action;
  if (override) return override;
  // Parents: the literal segments that a path parameter follows (documents in /documents/{id}/chunks).
  const segments = path.split('/');
  const parents = segments.filter((segment, i) => segment && !segment.startsWith('{') && segments[i + 1]?.startsWith('{'));
  const removable = new Set(
    [...words(tag), ...words(resource.replace(/([A-Z])/g, ' $1')), ...words(family), ...parents.flatMap(words)].map(singular),
  );
  const [verb, ...rest] = words(operationId);
  const kept = rest.filter((word) => !removable.has(singular(word)) && !STOP_WORDS.has(word));
  return camel([verb === 'retrieve' ? 'get' : verb, ...kept]);
}

// ---- the table ---------------------------------------------------------------------------------
const securitySchemes = description.components?.securitySchemes ?? {};
function authOf(operation) {
  const security = operation.security ?? description.security ?? [];
  if (security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0)) return 'anonymous';
  const scheme = resolve(securitySchemes[Object.keys(security[0])[0]]);
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') return 'bearer';
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') return 'basic';
  problems.push(`${operation.operationId}: unsupported security ${JSON.stringify(security)}`);
  return 'basic';
}

/** Runs a check of scripts/lib/untrusted.mjs: the value, or undefined with the refusal among the problems. */
function checked(check, value, where) {
  try {
    return check(value, where);
  } catch (error) {
    if (!(error instanceof UntrustedValueError)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

/** Whether a family, resource or action name can be a member on the client; the problem otherwise. */
function checkMember(kind, name, where) {
  if (checked(identifier, name, `${where} (the ${kind} name derived from it)`) === undefined) return;
  const why = INHERITED.has(name)
    ? 'every object inherits a member of that name (or `then` makes it a promise)'
    : kind === 'family' && CLIENT_MEMBERS.has(name)
      ? 'the client already has a member of that name'
      : kind === 'family' && flags.taken.includes(name)
        ? "it is another API's family on the client"
        : undefined;
  if (why) problems.push(`${where}: the ${kind} name ${stringLiteral(name)} is refused: ${why}; rename it in ${namesPath}`);
}

const operationsByTag = new Map();
const raw = [];
for (const [path, item] of Object.entries(description.paths ?? {})) {
  if (checked(apiPath, path, pointer('paths', path)) === undefined) continue;
  for (const method of HTTP_METHODS) {
    const operation = item?.[method];
    if (!operation) continue;
    const where = pointer('paths', path, method);
    const id = operation.operationId;
    if (id === undefined) {
      problems.push(`${where}: no operationId, so no method name can be derived`);
      continue;
    }
    if (checked(operationName, id, `${where}/operationId`) === undefined) continue;
    const tag = operation.tags?.[0] ?? 'Other';
    if (typeof tag !== 'string') {
      problems.push(`${where}/tags/0: a tag must be a string`);
      continue;
    }
    raw.push({ path, method, item, operation, tag, id, where });
    if (!operationsByTag.has(tag)) operationsByTag.set(tag, []);
    operationsByTag.get(tag).push(id);
  }
}

const serverUrl = description.servers?.[0]?.url ?? '/';
const basePath =
  typeof serverUrl === 'string' ? new URL(serverUrl.replace(/\{[^}]+\}/g, 'x'), 'https://x').pathname.replace(/\/$/, '') : undefined;
if (basePath !== '') checked(apiPath, basePath, pointer('servers', 0, 'url'));
const entries = [];
const byName = new Map();
for (const { path, method, item, operation, tag, id, where } of raw) {
  const override = own(names.operations, id);
  if (override) used.operations.add(id);
  const family = familyOf(path);
  const resource = override?.resource ?? resourceOf(tag, family, operationsByTag.get(tag));
  const action = actionOf(id, tag, resource, family, path);
  const name = `${family}.${resource}.${action}`;
  checkMember('family', family, where);
  checkMember('resource', resource, where);
  checkMember('action', action, where);
  if (byName.has(name)) problems.push(`${name}: both ${byName.get(name)} and ${id}; add an override`);
  byName.set(name, id);

  const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve);
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(([, param]) => {
    const declared = parameters.find((p) => p.in === 'path' && p.name === param);
    if (!declared) problems.push(`${id}: path parameter {${param}} is not declared`);
    const filled = own(names.pathParameters, param)?.filledWith;
    if (filled) used.pathParameters.add(param);
    return { name: param, uuid: resolve(declared?.schema).format === 'uuid', filled };
  });
  const query = parameters.filter((p) => p.in === 'query');
  for (const p of query) {
    if (CALL_OPTION_NAMES.includes(p.name)) problems.push(`${id}: query parameter "${p.name}" clashes with a call option`);
  }
  const pageSize = query.find((p) => p.name === 'page_size' || p.name === 'PageSize');
  const pageSizeMax = resolve(pageSize?.schema).maximum;
  if (pageSizeMax !== undefined && !(Number.isSafeInteger(pageSizeMax) && pageSizeMax > 0)) {
    problems.push(`${where}: the maximum of ${pageSize.name} must be a positive integer, not ${stringLiteral(String(pageSizeMax))}`);
  }
  const requestBody = resolve(operation.requestBody);
  const bodyType = operation.requestBody
    ? requestBody.content?.['application/x-www-form-urlencoded']
      ? 'form'
      : requestBody.content?.['application/json']
        ? 'json'
        : undefined
    : undefined;
  if (operation.requestBody && !bodyType) problems.push(`${id}: unsupported request body ${Object.keys(requestBody.content ?? {})}`);
  const paged = method === 'get' ? pageShape(operation, path) : undefined;
  if (paged) checked(identifier, paged.items, `${where} (the key of its list's items)`);
  const success = successResponse(operation);
  const resultSchema = jsonContent(success?.response.content)?.schema;
  const itemSchema = paged ? resolve(propertiesOf(resultSchema)[paged.items]).items : undefined;
  entries.push({
    id,
    family,
    resource,
    action,
    method: method.toUpperCase(),
    path,
    pathParams,
    body: bodyType,
    bodyRequired: Boolean(requestBody.required),
    queryRequired: query.some((p) => p.required),
    paged,
    pageSize: paged && pageSizeMax ? `${pageSize.name}=${pageSizeMax}` : undefined,
    auth: authOf(operation),
    noContent: success?.code === '204' || (success && !success.response.content),
    summary: typeof operation.summary === 'string' ? operation.summary.trim() : '',
    // Whether the named types can be interfaces (one line in an error message) rather than aliases.
    plain: {
      Body: plainObject(jsonContent(requestBody.content)?.schema),
      Result: plainObject(resultSchema),
      Item: plainObject(itemSchema),
    },
    deprecated: Boolean(operation.deprecated),
  });
}

for (const [kind, set] of Object.entries(used)) {
  for (const key of Object.keys(names[kind] ?? {})) {
    if (!set.has(key)) problems.push(`${namesPath}: the ${kind} override "${key}" matches nothing; delete or re-target it`);
  }
}
// scripts/spec-diff-methods.mjs names a release's changes in client terms from this table, problems included.
if (process.env.OPERATION_TABLE_JSON) writeFileSync(process.env.OPERATION_TABLE_JSON, JSON.stringify({ entries, problems }));
if (problems.length > 0) {
  console.error(`${descriptionPath}: the operation table cannot be written:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

// ---- output ------------------------------------------------------------------------------------
/** "METHOD /path/{param:uuid} flags…": the compact form src/runtime/operation-spec.ts reads. */
function tableEntry(entry) {
  const path = entry.path.replace(/\{([^}]+)\}/g, (match, name) => {
    const param = entry.pathParams.find((p) => p.name === name);
    return param?.filled ? `{${name}:${param.filled}}` : param?.uuid ? `{${name}:uuid}` : match;
  });
  const flags = [];
  if (entry.body) flags.push(entry.body);
  if (entry.paged) flags.push(entry.paged.twilio ? `paged:${entry.paged.items}` : 'paged');
  if (entry.pageSize) flags.push(`size:${entry.pageSize}`);
  if (entry.auth !== 'basic') flags.push(entry.auth);
  return [entry.method, path, ...flags].join(' ');
}

const tree = new Map();
for (const entry of entries) {
  if (!tree.has(entry.family)) tree.set(entry.family, new Map());
  const resources = tree.get(entry.family);
  if (!resources.has(entry.resource)) resources.set(entry.resource, []);
  resources.get(entry.resource).push(entry);
}
const sorted = (map) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
const pascal = (text) => text[0].toUpperCase() + text.slice(1);
// The prefix of this table's type names, as of its schema's exports (generate.sh renames the
// Compatibility schema's `operations` to CompatOperations): '' for the REST API, 'Compat'.
const T = onlyFamily ? pascal(onlyFamily) : '';
const OPS = `${T ? `${T}O` : 'o'}perations`;
const q = stringLiteral;

/** The exported name of one of an operation's types, e.g. FabricConferenceRoomsCreateBody. */
const typeName = (entry, kind) => `${pascal(entry.family)}${pascal(entry.resource)}${pascal(entry.action)}${kind}`;

/** The named types of an operation's body, result or list item, so hovers and errors read one name. */
function namedTypes(entry) {
  const id = q(entry.id);
  const kinds = [
    entry.body ? ['Body', `${T}Body<${id}>`, 'The body of'] : undefined,
    entry.paged
      ? ['Item', entry.paged.twilio ? `${T}Item<${id}, ${q(entry.paged.items)}>` : `${T}Item<${id}>`, 'One item listed by']
      : entry.noContent
        ? undefined
        : ['Result', `${T}Result<${id}>`, 'What resolves'],
  ].filter(Boolean);
  return kinds.map(([kind, type, what]) => {
    const doc = `/** ${what} \`${entry.family}.${entry.resource}.${entry.action}()\`. @category ${pascal(entry.family)} */`;
    const name = typeName(entry, kind);
    return entry.plain[kind] ? `${doc}\nexport interface ${name} extends ${type} {}` : `${doc}\nexport type ${name} = ${type};`;
  });
}

/** A path parameter's name as an argument's: a reserved word (`class`, `default`) gets a trailing `_`. */
function argumentName(name) {
  const token = typescript.stringToToken(name);
  return token !== undefined && token >= typescript.SyntaxKind.FirstReservedWord && token <= typescript.SyntaxKind.LastFutureReservedWord ? `${name}_` : name;
}

function signature(entry) {
  const id = q(entry.id);
  const args = entry.pathParams
    .filter((p) => !p.filled)
    .map((p) => `${argumentName(p.name)}: string`);
  if (entry.body) args.push(`body${entry.bodyRequired ? '' : '?'}: ${typeName(entry, 'Body')}`);
  const optionsRequired = entry.queryRequired || entry.auth === 'bearer';
  // Named for what it must hold: a call without it fails with "An argument for 'optionsWithSubscriberToken' was not provided."
  const options = entry.auth === 'bearer' ? 'optionsWithSubscriberToken' : 'options';
  args.push(`${options}${optionsRequired ? '' : '?'}: ${T}Options<${id}${entry.auth === 'bearer' ? ', M.BearerAuth' : ''}>`);
  const result = entry.paged
    ? `M.Paginator<${typeName(entry, 'Item')}>`
    : entry.noContent
      ? 'M.ApiPromise<void>'
      : `M.ApiPromise<${typeName(entry, 'Result')}>`;
  const docs = [
    entry.summary ? `${commentText(entry.summary)}.`.replace(/\.\.$/, '.') : undefined,
    `\`${entry.method} ${commentText(entry.path)}\` (operation \`${commentText(entry.id)}\`${entry.auth !== 'basic' ? `, ${entry.auth === 'bearer' ? 'Bearer: pass `subscriberToken`' : 'no credentials'}` : ''}).`,
    entry.paged
      ? `Lazy: iterate items with \`for await\`, or pages with \`.pages()\`${entry.pageSize ? `; asks for pages of ${entry.pageSize.split('=')[1]} unless \`${entry.pageSize.split('=')[0]}\` is given` : ''}.`
      : undefined,
    entry.deprecated ? '@deprecated SignalWire marks this operation deprecated.' : undefined,
  ].filter(Boolean);
  return `  /**\n${docs.map((line) => `   * ${line}`).join('\n')}\n   */\n  ${entry.action}(${args.join(', ')}): ${result};`;
}

// Shorthands of src/runtime/method-types.ts for one operation; only those the interfaces use are written.
// Named after the table (T: '' or 'Compat') since both tables share one bundle of declarations.
const aliases = [
  { name: `${T}Body`, text: `type ${T}Body<I extends ${T}Id> = M.OperationBody<${OPS}[I]>;` },
  { name: `${T}Options`, text: `type ${T}Options<I extends ${T}Id, Auth = unknown> = M.OperationOptions<${OPS}[I]> & Auth;` },
  { name: `${T}Result`, text: `type ${T}Result<I extends ${T}Id> = M.OperationResult<${OPS}[I]>;` },
  { name: `${T}Item`, text: `type ${T}Item<I extends ${T}Id, Key extends string = 'data'> = M.OperationItem<${OPS}[I], Key>;` },
];
const interfaces = [
  `/** The methods of every operation, by family and resource. */`,
  `export interface ${pascal(exportName)}Methods {`,
  ...sorted(tree).map(([family]) => `  readonly ${family}: ${pascal(family)}Family;`),
  '}',
  ...sorted(tree).flatMap(([family, resources]) => [
    '',
    // @category: TypeDoc lists the interfaces by family (make docs) instead of in one list of hundreds.
    `/** The \`${family}\` family of methods. @category ${pascal(family)} */`,
    `export interface ${pascal(family)}Family {`,
    ...sorted(resources).map(([resource]) => `  readonly ${resource}: ${pascal(family)}${pascal(resource)};`),
    '}',
    ...sorted(resources).flatMap(([resource, list]) => [
      '',
      `/** The methods of \`${family}.${resource}\`. @category ${pascal(family)} */`,
      `export interface ${pascal(family)}${pascal(resource)} {`,
      ...list.map(signature),
      '}',
      ...list.flatMap((entry) => ['', ...namedTypes(entry).flatMap((text) => [text, ''])]).slice(0, -1),
    ]),
  ]),
].join('\n');

const ts = [
  `// Generated by 'make generate' (scripts/operation-table.mjs) from ${commentText(descriptionPath.replace(/^.*\//, ''))}. Do not edit.`,
  "// Names and summaries derive from SignalWire's published description (CC BY-NC-SA 4.0): see NOTICE.",
  `import type { ${OPS} } from '${schemaModule}';`,
  "import type * as M from '../src/runtime/method-types.js';",
  '',
  `type ${T}Id = keyof ${OPS};`,
  ...aliases.filter((alias) => interfaces.includes(`${alias.name}<`)).map((alias) => alias.text),
  '',
  '/**',
  ' * Every operation as `"METHOD /path flags"`. Path parameters marked `:uuid` are checked as uuids, those',
  ' * marked `:projectId` are filled by the client. Flags: `json` / `form` (takes a body); `paged` (follows',
  ' * links.next) or `paged:KEY` (follows next_page_uri, items under KEY); `size:PARAM=MAX` (the largest page',
  ' * size, asked for by default); `bearer` / `anonymous` (auth other than Basic).',
  ' */',
  `/** The path every operation's path is relative to (the server URL's path). */`,
  `export const ${exportName}BasePath = ${q(basePath)};`,
  '',
  `export const ${exportName} = {`,
  ...sorted(tree).flatMap(([family, resources]) => [
    `  ${family}: {`,
    ...sorted(resources).flatMap(([resource, list]) => [
      `    ${resource}: {`,
      ...list.map((entry) => `      ${entry.action}: ${q(tableEntry(entry))},`),
      '    },',
    ]),
    '  },',
  ]),
  '} as const;',
  '',
  interfaces,
  '',
].join('\n');
writeFileSync(outTs, ts);

const md = [
  `<!-- Generated by 'make generate' (scripts/operation-table.mjs). Do not edit. -->`,
  `# ${description.info?.title ?? 'API'}: method reference (${entries.length} operations)`,
  '',
  // The two references of generate.sh (reference.md, compat.reference.md) link each other.
  onlyFamily
    ? "The SignalWire REST API's methods (Fabric, Video, Relay REST, Messaging…): [reference.md](reference.md)."
    : "The Compatibility (cXML/LaML) API's methods, `client.compat.*` (messages, calls, phone numbers, applications…): [compat.reference.md](compat.reference.md).",
  ...(basePath ? [`Paths are relative to \`${basePath}\`; the client fills \`{AccountSid}\` with your Project ID.`] : []),
  "Summaries are SignalWire's, from its published description (CC BY-NC-SA 4.0, see NOTICE).",
  'Auth is Basic (Project ID and API token) unless the row says otherwise. Paged methods return a lazy `Paginator`.',
  '',
  '| method | HTTP | summary |',
  '|---|---|---|',
  ...sorted(tree).flatMap(([family, resources]) =>
    sorted(resources).flatMap(([resource, list]) =>
      list.map((entry) => {
        const args = [...entry.pathParams.filter((p) => !p.filled).map((p) => p.name), ...(entry.body ? ['body'] : []), 'options'];
        const notes = [entry.paged ? 'paged' : '', entry.auth !== 'basic' ? entry.auth : ''].filter(Boolean).join(', ');
        return `| \`${family}.${resource}.${entry.action}(${args.join(', ')})\` | \`${entry.method} ${entry.path}\` | ${markdownText(entry.summary)}${notes ? ` (${notes})` : ''} |`;
      }),
    ),
  ),
  '',
].join('\n');
writeFileSync(outMd, md);
