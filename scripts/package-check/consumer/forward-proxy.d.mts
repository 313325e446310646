export interface ForwardProxy {
  /** http://127.0.0.1:PORT, for HTTPS_PROXY, HTTP_PROXY or a ProxyAgent. */
  readonly url: string;
  /** The authority (host:port) of every CONNECT, in order. */
  readonly connects: string[];
  /** "METHOD absolute-url" of every plain (absolute-form) request relayed, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}
export function startForwardProxy(): Promise<ForwardProxy>;
