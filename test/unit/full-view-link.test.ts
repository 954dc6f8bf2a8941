/** Reading a full-view link: only something shaped like a dataset id gets through. */
import { describe, expect, it } from 'vitest';
import { fullViewPath, fullViewTarget } from '../../src/full/link';

describe('a full-view link', () => {
  it('names a person or a case in the hash', () => {
    expect(fullViewTarget('', '#person=ali-zafar')).toEqual({ kind: 'person', id: 'ali-zafar' });
    expect(fullViewTarget('', '#case=shafi-zafar')).toEqual({ kind: 'case', id: 'shafi-zafar' });
  });

  it('reads the query when the hash names nothing (the address the background opens)', () => {
    expect(fullViewTarget('?tab=4&person=ali-zafar', '')).toEqual({
      kind: 'person',
      id: 'ali-zafar',
    });
    expect(fullViewTarget('?tab=4', '#person=meesha-shafi')).toEqual({
      kind: 'person',
      id: 'meesha-shafi',
    });
  });

  it('refuses anything that is not an id', () => {
    for (const hash of [
      '#person=<img src=x>',
      '#case=Ali Zafar',
      '#person=',
      '#case=../options',
      '#person=a--b',
    ])
      expect(fullViewTarget('', hash), hash).toBeUndefined();
    expect(fullViewTarget('', '')).toBeUndefined();
  });

  it('round-trips through the path the popup links to', () => {
    const path = fullViewPath({ kind: 'case', id: 'shafi-zafar' });
    expect(path).toBe('src/full/index.html#case=shafi-zafar');
    expect(fullViewTarget('', path.slice(path.indexOf('#')))).toEqual({
      kind: 'case',
      id: 'shafi-zafar',
    });
  });
});
