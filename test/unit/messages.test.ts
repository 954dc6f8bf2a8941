import { describe, expect, test } from 'vitest';
import { parseRequest } from '../../src/messages';

describe('parseRequest', () => {
  test('accepts each well-formed request', () => {
    expect(parseRequest({ type: 'page/hello' })).toEqual({ type: 'page/hello' });
    expect(parseRequest({ type: 'tab/get-state', tabId: 4 })).toEqual({
      type: 'tab/get-state',
      tabId: 4,
    });
  });

  test.each([
    ['nothing', undefined],
    ['a string', 'page/hello'],
    ['an unknown type', { type: 'page/goodbye' }],
    ['an extra field (page text must not ride along)', { type: 'page/hello', text: 'secret' }],
    ['a tab id that is not a whole number', { type: 'tab/get-state', tabId: 1.5 }],
    ['a negative tab id', { type: 'tab/get-state', tabId: -1 }],
    ['a missing tab id', { type: 'tab/get-state' }],
  ])('ignores %s', (_label, message) => {
    expect(parseRequest(message)).toBeUndefined();
  });
});
