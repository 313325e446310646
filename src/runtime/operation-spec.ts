// Reads one entry of a generated operation table ("METHOD /path/{id:uuid} flags…", see
// scripts/operation-table.mjs) into what the runtime needs to call that operation.

export type AuthKind = 'basic' | 'bearer' | 'anonymous';

export interface PathParam {
  readonly name: string;
  /** The description types it as a uuid: anything else is refused before a request. */
  readonly uuid: boolean;
  /** Filled by the client, not passed by the caller (`projectId`: the Compatibility API's AccountSid). */
  readonly filledWith: 'projectId' | undefined;
}

export interface PageSpec {
  /** Where the items are: `data` beside `links.next`, or Twilio's key beside `next_page_uri`. */
  readonly items: string;
  readonly next: 'links.next' | 'next_page_uri';
}

export interface OperationSpec {
  readonly method: string;
  /** The path template as in the description (and openapi-fetch's `paths`), e.g. `/api/x/{id}`. */
  readonly template: string;
  readonly pathParams: readonly PathParam[];
  /** How many path parameters the caller passes (the leading arguments): those not filled by the client. */
  readonly callerParams: number;
  /** How a body is sent; undefined when the operation takes none. */
  readonly body: 'json' | 'form' | undefined;
  /** How a list pages; undefined for every other operation. */
  readonly paged: PageSpec | undefined;
  /** The page-size query parameter and its largest value, asked for when the caller gives none. */
  readonly pageSize: { readonly param: string; readonly max: number } | undefined;
  readonly auth: AuthKind;
}

const flagValue = (flags: readonly string[], name: string) =>
  flags.find((flag) => flag === name || flag.startsWith(`${name}:`))?.slice(name.length + 1);

export function parseOperation(entry: string): OperationSpec {
  const [method = '', path = '', ...flags] = entry.split(' ');
  const pathParams: PathParam[] = [];
  const template = path.replace(/\{([^}:]+)(?::(uuid|projectId))?\}/g, (_match, name: string, kind?: string) => {
    pathParams.push({ name, uuid: kind === 'uuid', filledWith: kind === 'projectId' ? kind : undefined });
    return `{${name}}`;
  });
  const paged = flagValue(flags, 'paged');
  const size = flagValue(flags, 'size')?.split('=');
  return {
    method,
    template,
    pathParams,
    callerParams: pathParams.filter((param) => !param.filledWith).length,
    body: flags.includes('form') ? 'form' : flags.includes('json') ? 'json' : undefined,
    paged: paged === undefined ? undefined : paged ? { items: paged, next: 'next_page_uri' } : { items: 'data', next: 'links.next' },
    pageSize: size ? { param: size[0]!, max: Number(size[1]) } : undefined,
    auth: flags.includes('bearer') ? 'bearer' : flags.includes('anonymous') ? 'anonymous' : 'basic',
  };
}
