// Reads one entry of a generated operation table ("METHOD /path/{id:uuid} flags…", see
// scripts/operation-table.mjs) into what the runtime needs to call that operation.

export type AuthKind = 'basic' | 'bearer' | 'anonymous';

export interface PathParam {
  readonly name: string;
  /** The description types it as a uuid: anything else is refused before a request. */
  readonly uuid: boolean;
}

export interface OperationSpec {
  readonly method: string;
  /** The path template as in the description (and openapi-fetch's `paths`), e.g. `/api/x/{id}`. */
  readonly template: string;
  readonly pathParams: readonly PathParam[];
  /** How a body is sent; undefined when the operation takes none. */
  readonly body: 'json' | 'form' | undefined;
  /** A list that follows `links.next`; `maxPageSize` is the largest `page_size` it declares. */
  readonly paged: boolean;
  readonly maxPageSize: number | undefined;
  readonly auth: AuthKind;
}

export function parseOperation(entry: string): OperationSpec {
  const [method = '', path = '', ...flags] = entry.split(' ');
  const pathParams: PathParam[] = [];
  const template = path.replace(/\{([^}:]+)(:uuid)?\}/g, (_match, name: string, uuid?: string) => {
    pathParams.push({ name, uuid: Boolean(uuid) });
    return `{${name}}`;
  });
  const paged = flags.find((flag) => flag === 'paged' || flag.startsWith('paged:'));
  return {
    method,
    template,
    pathParams,
    body: flags.includes('form') ? 'form' : flags.includes('json') ? 'json' : undefined,
    paged: paged !== undefined,
    maxPageSize: paged?.startsWith('paged:') ? Number(paged.slice('paged:'.length)) : undefined,
    auth: flags.includes('bearer') ? 'bearer' : flags.includes('anonymous') ? 'anonymous' : 'basic',
  };
}
