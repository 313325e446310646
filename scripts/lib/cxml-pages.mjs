// Reads SignalWire's cXML reference pages (MDX) into a model of every verb and noun: its document
// (voice, messaging, fax), the elements it may hold and be held by, whether it takes text, and its
// attributes with type, default, allowed values and description. The pages are untrusted input: this
// module only reads them; every name and text it returns is checked where it is written into code.
//
// What the pages say, and where (each rule is one function below):
//   element         the page's `title:`; its document is the page's first folder (voice/, messaging/, fax/)
//   top-level verbs the `<Card title=...>` list of a document's overview page
//   attributes      `<ParamField path type default required>` entries, or an `Attribute | Type | Default`
//                   table, in a section titled "Attributes", "Verb attributes" or "Noun attributes"
//   allowed values  a description's "Valid/Possible/Allowed/Available values are ..." sentence, or the
//                   `Value`/`Event` table of the section its `[below](#anchor)` link points to
//   children        `<X>` rows of a noun table or items of a list; "nesting `<X>` within `<E>`"
//   parents         "`<E>` can be / is nested within `<X>`"; "[`<X>`](...) verb's `<E>` noun"
//   text            a `plain text` noun row, or text directly inside the element in an XML example
//   examples        every ```xml block: an element inside another is a parent relation of the two
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';

export const DOCUMENTS = ['voice', 'messaging', 'fax'];
const MAX_PAGE_BYTES = 1 << 20;

/** Every .mdx page under DIR, by path relative to it (sorted, so the table's order is stable). */
export function readPages(dir) {
  const pages = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.mdx')) {
        const text = readFileSync(path, 'utf8');
        if (text.length > MAX_PAGE_BYTES) throw new Error(`${path}: larger than ${MAX_PAGE_BYTES} bytes; refused`);
        pages.push({ path: relative(dir, path).split(sep).join('/'), text });
      }
    }
  };
  walk(dir);
  return pages;
}

// ---- MDX structure ---------------------------------------------------------------------------------

/** Front matter, prose lines (code fences removed) split in sections by heading, and the XML examples. */
function splitPage(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const front = {};
  let start = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    for (const line of lines.slice(1, end)) {
      const match = /^([\w-]+):\s*(.*)$/.exec(line);
      if (match) front[match[1]] = match[2].trim().replace(/^(['"])(.*)\1$/, '$2');
    }
    start = end + 1;
  }
  const sections = [{ heading: '', level: 0, anchor: undefined, lines: [] }];
  const examples = [];
  let fence;
  for (const line of lines.slice(start)) {
    const fenceMatch = /^\s*```(\w*)/.exec(line);
    if (fence) {
      if (fenceMatch) {
        if (fence.lang === 'xml') examples.push(fence.lines.join('\n'));
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = { lang: fenceMatch[1], lines: [] };
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*(?:\[#([\w-]+)\])?\s*$/.exec(line);
    if (heading) sections.push({ heading: heading[2], level: heading[1].length, anchor: heading[3], lines: [] });
    else sections.at(-1).lines.push(line);
  }
  return { front, sections, examples };
}

const collapse = (text) => text.replace(/\s+/g, ' ').trim();
const isAttributeHeading = (heading) => /^((verb|noun)\s+)?attributes$/i.test(heading);

/** `<ParamField ...>description</ParamField>` entries of some lines. */
function paramFields(lines) {
  const fields = [];
  const text = lines.join('\n');
  for (const match of text.matchAll(/<ParamField\b([^>]*)>([\s\S]*?)<\/ParamField>/g)) {
    const props = {};
    for (const prop of match[1].matchAll(/([\w-]+)=(?:"([^"]*)"|\{([^}]*)\})/g)) props[prop[1]] = prop[2] ?? prop[3];
    fields.push({
      name: props.path,
      type: props.type ?? 'string',
      default: props.default,
      required: props.required === 'true',
      description: collapse(match[2]),
    });
  }
  return fields;
}

/** The rows of the first Markdown table in some lines: header cells and body rows of cells. */
function firstTable(lines) {
  const rows = [];
  for (const line of lines) {
    if (/^\s*\|/.test(line)) rows.push(line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
    else if (rows.length > 0) break;
  }
  if (rows.length < 2) return undefined;
  return { header: rows[0], rows: rows.slice(2) };
}

/** Attribute rows of an `Attribute | Type | Default | Description` table. */
function tableAttributes(lines) {
  const table = firstTable(lines);
  if (!table || !/^attribute$/i.test(table.header[0])) return [];
  return table.rows.map(([name, type, fallback, ...description]) => ({
    name: /`([^`]+)`/.exec(name)?.[1] ?? name,
    type: collapse(type ?? 'string'),
    default: fallback && fallback !== '-' ? fallback.replace(/`/g, '') : undefined,
    required: /required/i.test(name),
    description: collapse(description.join('|')),
  }));
}

// ---- allowed values ----------------------------------------------------------------------------------

const VALUE_LIST = /\b(?:(?:valid|possible|allowed|available|the following)\s+values?(?:\s+(?:are|is))?|values\s+can\s+be)\s*:?\s*([^.]*(?:\.(?=\w)[^.]*)*)/i;

/** The values a description lists after "Valid values are", as `code` or **bold** tokens. */
function statedValues(description) {
  const list = VALUE_LIST.exec(description)?.[1];
  if (!list) return undefined;
  const values = [...list.matchAll(/`([^`]+)`|\*\*([^*]+)\*\*/g)].map((match) => match[1] ?? match[2]);
  return values.length > 0 ? values : undefined;
}

/** The first-column values of the `Value`/`Event` table in the section a description links to. */
function linkedValues(description, sections) {
  for (const link of description.matchAll(/\]\(#([\w-]+)\)/g)) {
    const section = sections.find((candidate) => candidate.anchor === link[1]);
    const table = section && firstTable(section.lines);
    if (table && /^(value|event)s?$/i.test(table.header[0])) {
      const values = table.rows.map((row) => /^`([^`]+)`$/.exec(row[0])?.[1]);
      if (values.every(Boolean)) return values;
    }
  }
  return undefined;
}

const isList = (description, fallback) =>
  /space[- ]separated|separate (?:each one |them )?with a space/i.test(description) || / /.test(fallback ?? '');

// cXML attributes are camelCase; an entry named in PascalCase (`DialCallSid`) is a callback's request parameter.
const isAttributeName = (name) => /^[a-z]/.test(name ?? '');

// ---- nesting ---------------------------------------------------------------------------------------

const TAG = '`<([A-Za-z][\\w-]*)\\s*/?>`';
const LINKED_TAG = `\\[?${TAG}\\]?(?:\\([^)]*\\))?`;

/** Relations a page's prose states: [parent, child] pairs, and whether its element takes text. */
function proseNesting(tag, sections) {
  const pairs = [];
  let text = false;
  for (const section of sections) {
    if (isAttributeHeading(section.heading)) continue;
    const prose = section.lines.join('\n');
    for (const line of section.lines) {
      // A table row or list item that starts with an element names a child; `plain text` the text.
      const item = new RegExp(`^\\s*(?:\\||[-*])\\s*${LINKED_TAG}`).exec(line);
      if (item) pairs.push([tag, item[1]]);
      if (/^\s*\|\s*`plain text`\s*\|/.test(line)) text = true;
    }
    for (const match of prose.matchAll(new RegExp(`${TAG} (?:can be|is) nested within (?:a |an |the )?${LINKED_TAG}`, 'g')))
      pairs.push([match[2], match[1]]);
    for (const match of prose.matchAll(new RegExp(`${LINKED_TAG} verb's ${TAG} noun`, 'g'))) pairs.push([match[1], match[2]]);
    for (const match of prose.matchAll(new RegExp(`nesting ${TAG}(?: \\w+)? within ${TAG}`, 'g')))
      pairs.push([match[2], match[1]]);
  }
  return { pairs, text };
}

/** Relations the XML examples show: [parent, child] pairs, and the elements holding text directly. */
function exampleNesting(examples) {
  const pairs = [];
  const texts = new Set();
  for (const example of examples) {
    let document;
    try {
      document = new DOMParser({ onError: (level) => { if (level !== 'warning') throw new Error('not well-formed'); } })
        .parseFromString(example.trim(), 'text/xml');
    } catch {
      continue; // a fragment or a broken example: nothing to learn from it
    }
    const visit = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 1) {
          pairs.push([node.nodeName, child.nodeName]);
          visit(child);
        } else if (child.nodeType === 3 && child.data.trim() !== '') texts.add(node.nodeName);
      }
    };
    visit(document.documentElement);
  }
  return { pairs, texts };
}

// ---- pages -> model --------------------------------------------------------------------------------

/**
 * The model of every element: `{ document, tag, page, description, text, attributes[], children:Set }` keyed
 * `document/tag`, plus the top-level verbs of each document (`document/Response`).
 */
export function readModel(pages) {
  const elements = new Map();
  const relations = []; // [document, parent, child, page]
  const texts = []; // [document, tag]
  for (const { path, text } of pages) {
    const document = path.split('/')[0];
    if (!DOCUMENTS.includes(document)) continue;
    const { front, sections, examples } = splitPage(text);
    const title = front.title ?? '';
    if (/overview$/i.test(title)) {
      const instructions = sections.find((section) => /^instructions$/i.test(section.heading));
      const tops = sections.filter((section) => instructions && sections.indexOf(section) >= sections.indexOf(instructions));
      for (const match of tops.flatMap((section) => section.lines).join('\n').matchAll(/<Card\s+title="([^"]*)"/g))
        relations.push([document, 'Response', match[1], path]);
      elements.set(`${document}/Response`, elementOf(document, 'Response', path, 'The root of every cXML document.'));
      continue;
    }
    const tag = title;
    const intro = collapse(sections[0].lines.filter((line) => !/^\s*[<|]/.test(line)).join(' ')).split(/(?<=\.)\s/)[0];
    const element = elementOf(document, tag, path, intro);
    if (elements.has(`${document}/${tag}`)) throw new Error(`${path}: a second page for <${tag}> in ${document}`);
    elements.set(`${document}/${tag}`, element);
    for (const section of sections.filter((candidate) => isAttributeHeading(candidate.heading))) {
      for (const field of [...paramFields(section.lines), ...tableAttributes(section.lines)]) {
        if (!isAttributeName(field.name)) continue;
        const values = statedValues(field.description) ?? linkedValues(field.description, sections);
        addAttribute(element, { ...field, values, list: isList(field.description, field.default) || undefined });
      }
    }
    for (const noun of pagelessNouns(sections)) relations.push([document, tag, noun.tag, path, noun.description]);
    const prose = proseNesting(tag, sections);
    if (prose.text) texts.push([document, tag]);
    for (const [parent, child] of prose.pairs) relations.push([document, parent, child, path]);
    const shown = exampleNesting(examples);
    for (const [parent, child] of shown.pairs) relations.push([document, parent, child, path]);
    if (shown.texts.has(tag)) texts.push([document, tag]);
  }
  // Relations and text only between elements the reference documents (SSML tags, <Start> and the like
  // without a page of their own are left to the corrections file).
  for (const [document, parent, child, page, description] of relations) {
    if (description && !elements.has(`${document}/${child}`))
      elements.set(`${document}/${child}`, { ...elementOf(document, child, page, description), text: true });
    const holder = elements.get(`${document}/${parent}`);
    if (holder && elements.has(`${document}/${child}`) && parent !== child) holder.children.add(child);
  }
  for (const [document, tag] of texts) elements.get(`${document}/${tag}`).text = true;
  return elements;
}

/** An attribute documented twice (`<Stream>`'s two tabs) is one attribute, required only if both say so. */
function addAttribute(element, attribute) {
  const known = element.attributes.find((candidate) => candidate.name === attribute.name);
  if (!known) element.attributes.push(attribute);
  else known.required &&= attribute.required;
}

/** The `<X>` rows of a "Nouns" section's table whose element has no page of its own (`<Message>`'s `<Body>`). */
function pagelessNouns(sections) {
  const nouns = sections.filter((section) => /^nouns$/i.test(section.heading)).map((section) => firstTable(section.lines));
  return nouns
    .flatMap((table) => table?.rows ?? [])
    .map(([noun, ...description]) => ({ tag: /^`<([A-Za-z][\w-]*)>`$/.exec(noun)?.[1], description: collapse(description.join('|')) }))
    .filter((noun) => noun.tag);
}

function elementOf(document, tag, page, description) {
  return { document, tag, page, description, text: false, attributes: [], children: new Set() };
}
