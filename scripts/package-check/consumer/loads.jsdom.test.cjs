/**
 * Jest's plain jsdom environment loads the package: the "browser" condition leads to its CommonJS
 * fetch build.
 * @jest-environment jsdom
 */
test('require() loads the browser build in plain jsdom', () => {
  expect(require.resolve('signalwire-rest')).toMatch(/dist\/index\.browser\.cjs$/);
  expect(typeof require('signalwire-rest').createSignalWireClient).toBe('function');
});
