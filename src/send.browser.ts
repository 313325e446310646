// The browser build's ./send.ts (tsup.config.ts): the runtime's own fetch, looked up per call, and
// its own Request and Response classes.
export const defaultSend: typeof fetch = (input, init) => globalThis.fetch(input, init);
export const DefaultResponse: typeof Response | undefined = undefined;
export const defaultRequestWhile = (_light: () => boolean): typeof Request | undefined => undefined;
