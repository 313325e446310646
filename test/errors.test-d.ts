// Type-level tests of the errors' fields (issue 19, item 12): the Compatibility API's numeric code is
// typed as the number it is, so Twilio-style code (`error.code === 21211`) compiles and works.
// Compiled by vitest's typecheck (tsc), never run.
import { expectTypeOf, test } from 'vitest';
import type { ApiErrorItem, SignalWireApiError } from '../src/index.js';

test('code is the type the API sent: a number (Compatibility) or a string (REST)', () => {
  expectTypeOf<SignalWireApiError['code']>().toEqualTypeOf<string | number | undefined>();
  expectTypeOf<ApiErrorItem['code']>().toEqualTypeOf<string | number | undefined>();
});

test('comparing code with a Compatibility number compiles (it did not while code was a string)', () => {
  const isInvalidTo = (error: SignalWireApiError) => error.code === 21211 || error.errors.some((item) => item.code === 21211);
  expectTypeOf(isInvalidTo).returns.toEqualTypeOf<boolean>();
});
