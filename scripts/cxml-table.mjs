// Writes the cXML table the builders of `signalwire-rest/cxml` come from: SignalWire's reference pages
// (openapi/cxml/, read by scripts/lib/cxml-pages.mjs) with the project's corrections applied
// (openapi/cxml/corrections.yaml). Two parts, both data:
//   cxmlNesting     the elements each element may hold per document, '#text' where it takes text: the one
//                   thing the runtime (src/cxml/) reads;
//   CxmlAttributes  each element's attributes as types, with default, allowed values and description as doc
//                   comments: what the compiler checks (no runtime cost).
// The pages are untrusted: every name goes through identifier(), every text through commentText() or
// stringLiteral() (scripts/lib/untrusted.mjs), and a type or correction the script does not know stops it.
// Usage: node scripts/cxml-table.mjs PAGES_DIR CORRECTIONS OUT_TS
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'yaml';
import { DOCUMENTS, readModel, readPages } from './lib/cxml-pages.mjs';
import { commentText, identifier, stringLiteral, UntrustedValueError } from './lib/untrusted.mjs';

const [pagesDir, correctionsPath, outTs] = process.argv.slice(2);
if (!outTs) {
  console.error('usage: cxml-table.mjs PAGES_DIR CORRECTIONS OUT_TS');
  process.exit(2);
}

const TEXT = '#text';
// Names a builder already has (or every object has): an element whose method would take one is refused.
const isReservedMethod = (name) => name in Object.prototype || name === 'contentType';

// ---- corrections -----------------------------------------------------------------------------------
function applyCorrections(elements, corrections) {
  const fail = (index, message) => {
    throw new Error(`${correctionsPath}: correction ${index + 1}: ${message}`);
  };
  corrections.forEach((correction, index) => {
    if (!correction?.reason) fail(index, 'every correction states its reason');
    const [key, attributeName] = String(correction.target).split('@');
    const element = elements.get(key);
    if (attributeName === undefined) {
      if (correction.add) {
        if (element) fail(index, `${key} is in the pages now: drop this correction`);
        const [document, tag] = key.split('/');
        const added = { document, tag, page: relative(pagesDir, correctionsPath), description: correction.add.description ?? '', text: Boolean(correction.add.text), attributes: [], children: new Set(correction.add.children ?? []) };
        elements.set(key, added);
        for (const parent of correction.add.parents ?? []) {
          const holder = elements.get(`${document}/${parent}`) ?? fail(index, `no parent ${document}/${parent}`);
          holder.children.add(tag);
        }
      } else if (correction['remove-children']) {
        if (!element) fail(index, `no element ${key}`);
        for (const child of correction['remove-children']) {
          if (!element.children.delete(child)) fail(index, `${key} no longer holds ${child}: drop this correction`);
        }
      } else fail(index, 'an element correction adds it or removes children');
      return;
    }
    if (!element) fail(index, `no element ${key}`);
    const attribute = element.attributes.find((candidate) => candidate.name === attributeName);
    if (correction.add) {
      if (attribute) fail(index, `${correction.target} is in the pages now: drop this correction`);
      element.attributes.push({ name: attributeName, ...correction.add });
    } else if (correction.set) {
      if (!attribute) fail(index, `no attribute ${correction.target}`);
      const fields = Object.entries(correction.set);
      if (fields.every(([field, value]) => JSON.stringify(attribute[field]) === JSON.stringify(value)))
        fail(index, `the pages already say this of ${correction.target}: drop this correction`);
      Object.assign(attribute, correction.set);
    } else fail(index, 'an attribute correction adds or sets');
  });
}

// ---- code ------------------------------------------------------------------------------------------
const BASE_TYPES = { string: 'string', integer: 'number', decimal: 'number', number: 'number', boolean: 'boolean' };

/** The TypeScript type of an attribute: its allowed values as literals, else its documented type. */
function attributeType(attribute, where) {
  const types = String(attribute.type ?? 'string').split('|').map((type) => {
    const base = BASE_TYPES[type.trim()];
    if (!base) throw new UntrustedValueError(attribute.type, where, `a type must be one of ${Object.keys(BASE_TYPES).join(', ')}`);
    return base;
  });
  if (!attribute.values) return [...new Set(types)].join(' | ');
  const numeric = types.includes('number') && attribute.values.every((value) => /^\d+(\.\d+)?$/.test(value));
  const literals = attribute.values.map((value) => (numeric ? String(Number(value)) : stringLiteral(String(value))));
  // "true"/"false" among the values (`<Conference beep>`): a boolean says the same.
  if (attribute.values.includes('true') && attribute.values.includes('false')) literals.push('boolean');
  const union = literals.join(' | ');
  // A space-separated list of values (`statusCallbackEvent="initiated ringing"`): one value, or several.
  return attribute.list && !numeric ? `${union} | \`\${${attribute.values.map((value) => stringLiteral(String(value))).join(' | ')}} \${string}\`` : union;
}

function docComment(indent, lines) {
  const body = lines.filter(Boolean).map((line) => `${indent} * ${commentText(line)}`);
  return body.length === 0 ? '' : `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

function attributesCode(element) {
  const where = `${element.page} <${element.tag}>`;
  const lines = [];
  for (const attribute of element.attributes) {
    const name = identifier(attribute.name, `${where} attribute`);
    const fallback = attribute.default === undefined ? undefined : `@default ${attribute.default}`;
    lines.push(docComment('      ', [attribute.description, fallback]));
    lines.push(`      ${name}${attribute.required ? '' : '?'}: ${attributeType(attribute, `${where} ${name}`)};\n`);
  }
  return lines.join('');
}

function tableCode(elements) {
  const byDocument = DOCUMENTS.map((document) => [document, [...elements.values()].filter((element) => element.document === document)]);
  for (const [, list] of byDocument) list.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const nesting = byDocument.map(([document, list]) => {
    const rows = list.map((element) => {
      const tag = identifier(element.tag, `${element.page} title`);
      const method = tag[0].toLowerCase() + tag.slice(1);
      if (!/^[A-Z]/.test(tag) || isReservedMethod(method))
        throw new UntrustedValueError(tag, `${element.page} title`, 'an element is named by a capital letter and its method must not shadow a builder or Object method');
      const children = [...element.children].sort().map((child) => identifier(child, `${element.page} child of <${tag}>`));
      if (element.text) children.unshift(TEXT);
      return `    ${tag}: [${children.map((child) => stringLiteral(child)).join(', ')}],`;
    });
    return `  ${document}: {\n${rows.join('\n')}\n  },`;
  });
  const attributes = byDocument.map(([document, list]) => {
    const rows = list.map((element) => `${docComment('    ', [`\`<${element.tag}>\`: ${element.description}`, `Reference: ${element.page}`])}    ${element.tag}: {\n${attributesCode(element)}    };`);
    return `  ${document}: {\n${rows.join('\n')}\n  };`;
  });
  return `// Generated by 'make generate' from ${pagesDir}/ + ${correctionsPath}. Do not edit.
// Derived from SignalWire's cXML reference pages (c) SignalWire (github.com/signalwire/docs), licensed
// CC BY-NC-SA 4.0, changed by the corrections file named above: see NOTICE and ${pagesDir}/SOURCE.md.

/** The elements each cXML element may hold, per document; ${stringLiteral(TEXT)} where it takes text. */
export const cxmlNesting = {
${nesting.join('\n')}
} as const;

/** The attributes of each cXML element, per document, from SignalWire's reference. */
export interface CxmlAttributes {
${attributes.join('\n')}
}
`;
}

try {
  const elements = readModel(readPages(pagesDir));
  applyCorrections(elements, parse(readFileSync(correctionsPath, 'utf8')) ?? []);
  for (const element of elements.values()) {
    for (const child of element.children) {
      if (!elements.has(`${element.document}/${child}`)) throw new Error(`${element.page}: <${element.tag}> holds <${child}>, which no page documents`);
    }
  }
  writeFileSync(outTs, tableCode(elements));
} catch (error) {
  console.error(`cxml-table.mjs: ${error.message}`);
  process.exit(1);
}
