// Turns createSignalWireClient() options (or the SIGNALWIRE_* environment variables) into a checked
// base URL and an Authorization header value. Every bad input fails here, before any request.
import { SignalWireError } from './errors.js';
import { quote } from './server-text.js';
import { kindOf } from './shape.js';

export interface ConnectionOptions {
  /** Your Space: `example` or `example.signalwire.com`. Default: SIGNALWIRE_SPACE. */
  space?: string | undefined;
  /** Project ID, the Basic-auth user name. Default: SIGNALWIRE_PROJECT_ID. */
  projectId?: string | undefined;
  /** API token, the Basic-auth password. Default: SIGNALWIRE_API_TOKEN. */
  apiToken?: string | undefined;
  /** A full base URL that replaces the Space's (a mock server or a proxy), e.g. http://127.0.0.1:4010. */
  baseUrl?: string | undefined;
}

export interface ResolvedConnection {
  /** Origin plus any path prefix, without a trailing slash. */
  baseUrl: string;
  /** `Basic base64(projectId:apiToken)`. Lives only in closures of the client. */
  authorization: string;
  /** The Compatibility API's AccountSid. */
  projectId: string;
}

// One DNS label (RFC 1035 letters, digits, inner hyphens), alone or as <label>.signalwire.com.
const SPACE = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.signalwire\.com)?$/i;

function environment(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  } catch {
    return undefined; // a runtime that guards env access (Deno without --allow-env)
  }
}

/** The value when it is a non-blank string; undefined when absent or blank; an error for any other type. */
function given(value: unknown, option: string): string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw new SignalWireError(`Invalid ${option}: it must be a string, not ${kindOf(value)}.`);
  }
  return value === undefined || value.trim() === '' ? undefined : value;
}

function setting(value: string | undefined, option: string, variable: string): string | undefined {
  return given(value, option) ?? given(environment(variable), variable);
}

/**
 * A `space` or `baseUrl` as an error message may quote it: whatever comes before its last "@" may be
 * user info (a Project ID and API token), so it is never shown, however broken the rest is.
 */
function shown(text: string): string {
  const at = text.lastIndexOf('@');
  if (at === -1) return JSON.stringify(quote(text));
  const scheme = /^\s*[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0].trim() ?? '';
  return `${JSON.stringify(quote(`${scheme}…@${text.slice(at + 1)}`))} (the part before "@" is not shown)`;
}

function missing(what: string, option: string, variable: string): SignalWireError {
  return new SignalWireError(
    `Missing ${what}: pass \`${option}\` to createSignalWireClient() or set the ${variable} environment variable.`,
  );
}

function spaceBaseUrl(space: string): string {
  const match = SPACE.exec(space);
  if (!match) {
    throw new SignalWireError(
      `Invalid space ${shown(space)}: \`space\` (or SIGNALWIRE_SPACE) must be your Space name, ` +
        'such as "example", or its host, such as "example.signalwire.com". ' +
        'To reach a mock server or a proxy, pass a full URL as `baseUrl` instead.',
    );
  }
  return `https://${match[1]!.toLowerCase()}.signalwire.com`;
}

function checkedBaseUrl(baseUrl: string): string {
  const invalid = (reason: string) =>
    new SignalWireError(`Invalid baseUrl ${shown(baseUrl)} (\`baseUrl\` or SIGNALWIRE_BASE_URL): ${reason}`);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalid('it must be an absolute http(s) URL, such as http://127.0.0.1:4010.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('only http: and https: are supported.');
  if (url.username || url.password) {
    throw invalid('it carries a user name or password. Pass `projectId` and `apiToken` instead.');
  }
  if (url.search || url.hash) throw invalid('it must not have a query or a fragment.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The base URL a `baseUrl` gives, else the one a `space` gives; undefined when neither is given. */
function baseUrlFrom(baseUrl: string | undefined, space: string | undefined): string | undefined {
  return baseUrl ? checkedBaseUrl(baseUrl) : space ? spaceBaseUrl(space) : undefined;
}

/** UTF-8 safe base64 (btoa alone rejects characters above U+00FF). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function resolveConnection(options: ConnectionOptions): ResolvedConnection {
  const projectId = setting(options.projectId, 'projectId', 'SIGNALWIRE_PROJECT_ID');
  const apiToken = setting(options.apiToken, 'apiToken', 'SIGNALWIRE_API_TOKEN');
  if (!projectId) throw missing('Project ID', 'projectId', 'SIGNALWIRE_PROJECT_ID');
  if (!apiToken) throw missing('API token', 'apiToken', 'SIGNALWIRE_API_TOKEN');
  // Basic auth cannot carry a ":" in a user name; "." or ".." in the Compatibility API's AccountSid
  // path segment would climb the path.
  if (projectId.includes(':') || projectId === '.' || projectId === '..') {
    throw new SignalWireError(
      'Invalid projectId: it holds ":" (which Basic auth cannot carry) or is "." or ".." (a dot segment of the path). ' +
        'Check `projectId` or SIGNALWIRE_PROJECT_ID (the Project ID is a uuid).',
    );
  }

  // An option given in code wins over every environment variable: a `space` in code beats
  // SIGNALWIRE_BASE_URL in the environment.
  const baseUrl =
    baseUrlFrom(given(options.baseUrl, 'baseUrl'), given(options.space, 'space')) ??
    baseUrlFrom(
      given(environment('SIGNALWIRE_BASE_URL'), 'SIGNALWIRE_BASE_URL'),
      given(environment('SIGNALWIRE_SPACE'), 'SIGNALWIRE_SPACE'),
    );
  if (!baseUrl) throw missing('Space', 'space', 'SIGNALWIRE_SPACE');
  return { baseUrl, authorization: `Basic ${base64(`${projectId}:${apiToken}`)}`, projectId };
}
