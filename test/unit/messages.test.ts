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

  test('the full view opens with no form, or the form of a kind the card offers', () => {
    const open = { type: 'person/open-full-view', person: 'ali-zafar' } as const;
    expect(parseRequest(open)).toEqual(open);
    expect(parseRequest({ ...open, report: 'wrong-match' })).toEqual({
      ...open,
      report: 'wrong-match',
    });
    expect(parseRequest({ ...open, report: 'missing-source' })).toBeDefined();
  });

  test.each([
    ['nothing', undefined],
    ['a string', 'page/hello'],
    ['an unknown type', { type: 'page/goodbye' }],
    ['an extra field (page text must not ride along)', { type: 'page/hello', text: 'secret' }],
    ['a tab id that is not a whole number', { type: 'tab/get-state', tabId: 1.5 }],
    ['a negative tab id', { type: 'tab/get-state', tabId: -1 }],
    ['a missing tab id', { type: 'tab/get-state' }],
    [
      'a report form the card does not open',
      { type: 'person/open-full-view', person: 'ali-zafar', report: 'out-of-date' },
    ],
    [
      'the old yes/no report flag',
      { type: 'person/open-full-view', person: 'ali-zafar', report: true },
    ],
  ])('ignores %s', (_label, message) => {
    expect(parseRequest(message)).toBeUndefined();
  });
});
