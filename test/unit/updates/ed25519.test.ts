import { beforeAll, describe, expect, test } from 'vitest';
import { verifyEd25519 } from '../../../src/updates/ed25519';
import { base64ToBytes } from '../../../src/updates/release';
import type { SigningKey } from '../../../src/updates/sign';
import { newKey } from './fixtures';

const message = new TextEncoder().encode('dataset bytes');
let key: SigningKey;
let publicKey: Uint8Array<ArrayBuffer>;
let signature: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  key = await newKey();
  publicKey = base64ToBytes(key.publicKey) ?? new Uint8Array();
  signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key.privateKey, message));
});

function tampered(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const copy = bytes.slice();
  copy[0] = (copy[0] ?? 0) ^ 1;
  return copy;
}

/** crypto.subtle as a browser without Ed25519 (Chrome before 137) has it. */
function subtleRejecting(name: string): SubtleCrypto {
  return {
    importKey: () => Promise.reject(new DOMException('Unrecognized name.', name)),
    verify: () => Promise.reject(new Error('not reached')),
  } as unknown as SubtleCrypto;
}

describe('verifyEd25519', () => {
  test('with WebCrypto: a valid signature verifies; a changed message or signature does not', async () => {
    expect(await verifyEd25519(publicKey, signature, message)).toBe(true);
    expect(await verifyEd25519(publicKey, signature, tampered(message))).toBe(false);
    expect(await verifyEd25519(publicKey, tampered(signature), message)).toBe(false);
  });

  test('without WebCrypto Ed25519, @noble/ed25519 gives the same answers', async () => {
    const subtle = subtleRejecting('NotSupportedError');
    expect(await verifyEd25519(publicKey, signature, message, subtle)).toBe(true);
    expect(await verifyEd25519(publicKey, signature, tampered(message), subtle)).toBe(false);
    expect(await verifyEd25519(publicKey, tampered(signature), message, subtle)).toBe(false);
  });

  test('any other import error is a failed verification, not a fallback', async () => {
    expect(await verifyEd25519(publicKey, signature, message, subtleRejecting('DataError'))).toBe(
      false,
    );
  });

  test.each([
    ['WebCrypto', crypto.subtle],
    ['@noble/ed25519', subtleRejecting('NotSupportedError')],
  ])('with %s, keys and signatures of the wrong length are refused', async (_name, subtle) => {
    expect(await verifyEd25519(publicKey.slice(1), signature, message, subtle)).toBe(false);
    expect(await verifyEd25519(publicKey, signature.slice(1), message, subtle)).toBe(false);
  });
});
