import { describe, expect, test } from 'vitest';
import { escapeHidden } from '../../../server/invisible-text';

describe('escapeHidden (what the curator tool prints and drafts hold)', () => {
  test('escapes zero-width and tag characters, keeps the non-joiner Urdu spelling needs', () => {
    expect(escapeHidden('a\u200Bb\u{E0041}c دل\u200Cچسپ')).toBe(
      'a\\u200Bb\\uDB40\\uDC41c دل\u200Cچسپ',
    );
  });

  test('escapes line and paragraph separators', () => {
    expect(escapeHidden('one\u2028two\u2029three')).toBe('one\\u2028two\\u2029three');
  });

  test('escapes lone surrogates in plain text (a list line), and leaves whole pairs alone', () => {
    expect(escapeHidden('half \uD83D, other half \uDE00, whole \uD83D\uDE00')).toBe(
      'half \\uD83D, other half \\uDE00, whole \uD83D\uDE00',
    );
  });

  test('JSON escaped this way parses back to the same text', () => {
    const text = 'x\u200B\u2028\u2029\uD800\u{E0041}y';
    const json = escapeHidden(JSON.stringify({ text }));
    expect(json).not.toMatch(/[\u200B\u2028\u2029]|\p{Cs}|\u{E0041}/u);
    expect(JSON.parse(json)).toEqual({ text });
  });
});
