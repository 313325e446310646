// The browser build's ./send.ts (tsup.config.ts): the runtime's own fetch.
export { globalFetchSender as defaultSender } from './fetch-send.js';
