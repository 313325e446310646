// The name and version of the JavaScript runtime this runs on, for the check's report lines.
export const runtimeName = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${globalThis.Bun.version}`
    : `node ${process.versions.node}`;
