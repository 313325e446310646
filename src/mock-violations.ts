// The testing entry's small proxy in front of Prism: Prism refuses a broken request with the
// description's canned error example (a 422 saying "display_name is required" for a max_members of
// 500) and puts the rules really broken only in its `sl-violations` header. The proxy rewrites such an
// answer into the API's own error shape, naming those rules; every other answer passes through as is.
import { type IncomingMessage, type Server, type ServerResponse, Agent, createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

interface Violation {
  location?: unknown;
  code?: unknown;
  message?: unknown;
  severity?: unknown;
}

/** One broken rule: the field it is about (`max_members`, `meta.floors`, `AccountSid`…) and Prism's words. */
interface BrokenRule {
  attribute: string | null;
  code: string;
  message: string;
}

/** The rules Prism's `sl-violations` header names as errors (warnings are not why a request failed). */
export function brokenRules(header: string | undefined): BrokenRule[] {
  let violations: unknown;
  try {
    violations = JSON.parse(header ?? '');
  } catch {
    return [];
  }
  if (!Array.isArray(violations)) return [];
  return (violations as Violation[])
    .filter((violation) => violation?.severity === 'Error' && typeof violation.message === 'string')
    .map((violation) => {
      // ["request", "body" | "query" | "path" | "header", ...the field's path]
      const location = Array.isArray(violation.location) ? violation.location.map(String) : [];
      const field = location.slice(2);
      // A missing field is reported on the object that lacks it: name the field itself.
      const missing = /must have required property '([^']+)'/.exec(String(violation.message))?.[1];
      if (missing) field.push(missing);
      return {
        attribute: field.join('.') || null,
        code: typeof violation.code === 'string' ? violation.code : 'invalid',
        message: violation.message as string,
      };
    });
}

/**
 * The canned error body with its content replaced by the broken rules, in the shape the canned body
 * has: the REST API's `{ errors: [{ type, code, message, attribute, url }] }`, Relay REST's
 * `{ errors: [{ detail, status, title, code }] }`, or the Compatibility API's `{ code, message, more_info, status }`.
 */
export function violationBody(canned: unknown, rules: readonly BrokenRule[]): unknown {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const body = record(canned);
  if (!Array.isArray(body.errors) && typeof body.message === 'string') {
    // The canned code belongs to the canned problem (21211, a bad 'To'): the first broken rule's replaces it.
    return { ...body, code: rules[0]!.code, message: rules.map((rule) => rule.message).join('; ') };
  }
  const template = record(Array.isArray(body.errors) ? body.errors[0] : undefined);
  const errors = rules.map((rule) =>
    'detail' in template
      ? { ...template, code: rule.code, detail: rule.message }
      : { ...template, type: 'validation_error', code: rule.code, message: rule.message, attribute: rule.attribute },
  );
  return { ...body, errors };
}

const MAX_ERROR_BODY = 1024 * 1024; // Prism's canned error bodies are a few hundred bytes

function forward(target: URL, agent: Agent, incoming: IncomingMessage, outgoing: ServerResponse): void {
  const upstream = request(
    { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
    (answer) => {
      const refused = answer.statusCode === 400 || answer.statusCode === 422;
      const rules = refused ? brokenRules(answer.headers['sl-violations'] as string | undefined) : [];
      if (rules.length === 0) {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ERROR_BODY) chunks.push(chunk);
      });
      answer.on('end', () => {
        let canned: unknown;
        try {
          canned = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          canned = undefined;
        }
        const text = JSON.stringify(violationBody(canned, rules));
        const { 'content-length': _length, 'transfer-encoding': _encoding, ...headers } = answer.headers;
        outgoing.writeHead(answer.statusCode!, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        outgoing.end(text);
      });
    },
  );
  upstream.on('error', (error) => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
    outgoing.end(`The Prism mock did not answer: ${error.message}`);
  });
  incoming.pipe(upstream);
}

export interface ViolationProxy {
  readonly baseUrl: string;
  close(): void;
}

/**
 * Listens on a free loopback port and forwards every request to Prism at `prismUrl`. Neither the
 * server nor its connections keep the process alive: the mock never holds a test run open.
 */
export async function startViolationProxy(prismUrl: string): Promise<ViolationProxy> {
  const target = new URL(prismUrl);
  const agent = new Agent({ keepAlive: true });
  const server: Server = createServer((incoming, outgoing) => forward(target, agent, incoming, outgoing));
  server.on('connection', (socket: Socket) => socket.unref());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close() {
      server.close();
      server.closeAllConnections();
      agent.destroy();
    },
  };
}
