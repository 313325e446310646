// One test case per operation of the generated table: the method to call, arguments that the mock's
// description accepts (sampled from its schemas, required fields only), and a validator of the
// operation's success answer. The cases come from the table and the description alone, so a new
// operation upstream is tested without a line written for it.
import { sample } from '@stoplight/json-schema-sampler';
import { compatApi, compatApiBasePath } from '../../generated/compat.operations.js';
import { restApi, restApiBasePath } from '../../generated/operations.js';
import { parseOperation, type OperationSpec } from '../../src/runtime/operation-spec.js';
import { schemaValidator } from './schema-validator.js';

export const SAMPLE_UUID = '0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}
interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content: Record<string, { schema: Schema }> } | { $ref: string };
  responses: Record<string, { content?: Record<string, { schema: Schema }> } | { $ref: string }>;
}

// The mock's description: both APIs, the Compatibility API's paths under its base path.
const mock = schemaValidator('generated/mock.yaml');
export const description = mock.description as {
  paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }>;
  components: Record<string, Record<string, unknown>>;
};

function resolve<T>(node: T | { $ref: string }): T {
  let current: unknown = node;
  while (current && typeof (current as { $ref?: unknown }).$ref === 'string') {
    const path = (current as { $ref: string }).$ref.replace(/^#\//, '').split('/');
    current = path.reduce<unknown>((parent, key) => (parent as Record<string, unknown>)[key], description);
  }
  return current as T;
}


export interface OperationCase {
  /** e.g. fabric.conferenceRooms.create */
  readonly name: string;
  readonly family: string;
  readonly resource: string;
  readonly action: string;
  readonly spec: OperationSpec;
  /** The API's base path ('' for the REST API, /api/laml/2010-04-01 for the Compatibility API). */
  readonly basePath: string;
  readonly operation: Operation;
  /** Positional arguments: path parameters, then the body where there is one. */
  readonly args: unknown[];
  /** Options that the operation needs (required query parameters, a subscriber token). */
  readonly options: Record<string, unknown>;
  /** The success status and whether the answer is JSON. */
  readonly successStatus: number;
  /** Validates the success answer against its schema; undefined when the answer has no body. */
  readonly validate: ((value: unknown) => boolean) & { errors?: unknown } | undefined;
  /** The error statuses the operation declares. */
  readonly errorStatuses: number[];
}

function sampleOf(schema: Schema | undefined): unknown {
  return schema ? sample(schema as never, { skipNonRequired: true, skipReadOnly: true }, description) : undefined;
}

function pathValue(param: { name: string; uuid: boolean }, declared: Parameter | undefined): string {
  if (param.uuid) return SAMPLE_UUID;
  const sampled = declared?.example ?? sampleOf(declared?.schema);
  return typeof sampled === 'string' && sampled !== '' ? sampled : 'example';
}

const tables = [
  { table: restApi, basePath: restApiBasePath },
  { table: compatApi, basePath: compatApiBasePath },
];

export const operationCases: OperationCase[] = tables.flatMap(({ table, basePath }) => Object.entries(table).flatMap(([family, resources]) =>
  Object.entries(resources).flatMap(([resource, actions]) =>
    Object.entries(actions as Record<string, string>).map(([action, entry]): OperationCase => {
      const spec = parseOperation(entry);
      const item = description.paths[`${basePath}${spec.template}`]!;
      const operation = item[spec.method.toLowerCase()] as Operation;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve<Parameter>(p));
      const args: unknown[] = spec.pathParams
        .filter((param) => !param.filledWith)
        .map((param) => pathValue(param, parameters.find((p) => p.in === 'path' && p.name === param.name)));
      if (spec.body) {
        const body = resolve(operation.requestBody!) as { content: Record<string, { schema: Schema }> };
        args.push(sampleOf(Object.values(body.content)[0]!.schema));
      }
      const options: Record<string, unknown> = {};
      for (const p of parameters) if (p.in === 'query' && p.required) options[p.name] = p.example ?? sampleOf(p.schema);
      if (spec.auth === 'bearer') options.subscriberToken = 'subscriber-access-token';
      const [status, answer] = Object.entries(operation.responses).find(([code]) => /^2\d\d$/.test(code))!;
      const schema = resolve(answer).content?.['application/json']?.schema;
      return {
        name: `${family}.${resource}.${action}`,
        basePath,
        family,
        resource,
        action,
        spec,
        operation,
        args,
        options,
        successStatus: Number(status),
        validate: schema ? mock.forNode(schema) : undefined,
        errorStatuses: Object.keys(operation.responses).filter((code) => /^[45]\d\d$/.test(code)).map(Number),
      };
    }),
  ),
));

/** Calls the case's method on `client`; a paged one reads its first page only (Prism's links never end). */
export async function callOperation(client: object, testCase: OperationCase, extra: Record<string, unknown> = {}) {
  const resource = (client as Record<string, Record<string, Record<string, (...args: unknown[]) => unknown>>>)[
    testCase.family
  ]![testCase.resource]!;
  const result = resource[testCase.action]!(...testCase.args, { ...testCase.options, ...extra });
  if (testCase.spec.paged) {
    const first = await (result as { pages(): AsyncGenerator<Record<string, unknown>> }).pages().next();
    if (testCase.spec.paged.next === 'links.next') return first.value;
    const { data: _data, links: _links, ...twilioPage } = first.value!; // the page as the API sent it
    return twilioPage;
  }
  return result;
}
