// Types of untrusted.mjs, for the tests (and TypeScript readers) that import it.
export class UntrustedValueError extends Error {
  constructor(value: unknown, where: string, rule: string);
  readonly value: unknown;
  readonly where: string;
}
export function pointer(...parts: (string | number)[]): string;
export function identifier(value: unknown, where: string): string;
export function operationName(value: unknown, where: string): string;
export function apiPath(value: unknown, where: string): string;
export function commentText(text: unknown): string;
export function stringLiteral(text: string): string;
export function markdownText(text: unknown): string;
