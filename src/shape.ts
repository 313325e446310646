// What a value is, for the checks of a caller's arguments and of the server's answers.

/** An object with fields: not null, not an array. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a message calls a value's kind: "null", "an array", else its typeof. */
export const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);
