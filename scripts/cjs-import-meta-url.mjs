// Injected into the CommonJS build only (see tsup.config.ts): CommonJS has no import.meta.url, so
// dist/*.cjs get one from __filename. pathToFileURL escapes '#', '%' and spaces in the install path.
// Pure, so the entry points that never read import.meta.url (index.cjs) drop it.
export const importMetaUrl = /* @__PURE__ */ (() => require('node:url').pathToFileURL(__filename).href)();
