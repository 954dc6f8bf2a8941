import { describe, expect, test } from 'vitest';
import { base64ToBytes, keyIdOf } from '../../../src/updates/release';
import { generateSigningKey, readSigningKey } from '../../../src/updates/sign';
import { TRUSTED_KEYS } from '../../../src/updates/trusted-keys';

describe('TRUSTED_KEYS', () => {
  test('holds at least two keys, so the signing key can be rotated', () => {
    expect(Object.keys(TRUSTED_KEYS).length).toBeGreaterThanOrEqual(2);
  });

  test.each(Object.entries(TRUSTED_KEYS))(
    '%s is a usable Ed25519 key with its own id',
    async (id, key) => {
      const raw = base64ToBytes(key);
      expect(raw).toHaveLength(32);
      if (raw === undefined) return;
      expect(await keyIdOf(raw)).toBe(id);
      await expect(
        crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']),
      ).resolves.toBeDefined();
    },
  );
});

describe('signing key files', () => {
  test('a generated key file reads back as a key that signs for its public key', async () => {
    const file = await generateSigningKey();
    const key = await readSigningKey(JSON.stringify(file));
    expect(key.keyId).toBe(file.keyId);
    expect(key.publicKey).toBe(file.publicKey);
    const message = new TextEncoder().encode('x');
    const signature = await crypto.subtle.sign('Ed25519', key.privateKey, message);
    const publicKey = await crypto.subtle.importKey(
      'raw',
      base64ToBytes(file.publicKey) ?? new Uint8Array(),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    expect(await crypto.subtle.verify('Ed25519', publicKey, signature, message)).toBe(true);
  });

  test('a key file whose parts do not belong together is refused', async () => {
    const [a, b] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    await expect(readSigningKey(JSON.stringify({ ...a, keyId: b.keyId }))).rejects.toThrow(/keyId/);
    await expect(
      readSigningKey(JSON.stringify({ ...a, privateKey: b.privateKey })),
    ).rejects.toThrow(/private key/);
    await expect(readSigningKey('not json')).rejects.toThrow(/not JSON/);
    await expect(readSigningKey('{"format":"pem"}')).rejects.toThrow(/data:keygen/);
  });
});
