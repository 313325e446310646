import { expect } from 'vitest';

/** Awaits a promise that must reject with an instance of `ErrorClass`, and returns the error. */
export async function rejectionOf<T extends Error>(promise: Promise<unknown>, ErrorClass: abstract new (...args: never[]) => T): Promise<T> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (reason: unknown) => ({ rejected: reason }),
  );
  expect(outcome, 'expected the call to reject').toHaveProperty('rejected');
  const error = (outcome as { rejected: unknown }).rejected;
  expect(error).toBeInstanceOf(ErrorClass);
  return error as T;
}
