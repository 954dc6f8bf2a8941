import { beforeAll, describe, expect, test } from 'vitest';
import { bytesToBase64, sha256Hex } from '../../../src/updates/release';
import { signRelease, type SignedRelease, type SigningKey } from '../../../src/updates/sign';
import { verifyRelease, type ReleaseToVerify } from '../../../src/updates/verify';
import { indexJson, newKey, release, shippedIndex, trusting } from './fixtures';

const MAX_BYTES = 4 * 1024 * 1024;

let key: SigningKey;
let otherKey: SigningKey;
let v2: SignedRelease;

beforeAll(async () => {
  [key, otherKey] = await Promise.all([newKey(), newKey()]);
  v2 = await release(indexJson(2), key);
});

function input(signed: SignedRelease, overrides: Partial<ReleaseToVerify> = {}): ReleaseToVerify {
  return {
    manifest: signed.manifest,
    datasetBytes: signed.datasetBytes,
    signature: signed.signature,
    trustedKeys: trusting(key),
    currentVersion: 1,
    maxBytes: MAX_BYTES,
    ...overrides,
  };
}

async function refusal(release: ReleaseToVerify) {
  const result = await verifyRelease(release);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.reason.message).not.toBe('');
  return result.reason.code;
}

describe('verifyRelease', () => {
  test('a published release verifies and yields the index it carries', async () => {
    const result = await verifyRelease(input(v2));
    expect(result).toEqual({ ok: true, index: { ...shippedIndex(), datasetVersion: 2 } });
  });

  test('the manifest describes the signed bytes', async () => {
    expect(v2.manifest).toEqual({
      formatVersion: 1,
      datasetVersion: 2,
      published: shippedIndex().published,
      size: v2.datasetBytes.length,
      sha256: await sha256Hex(v2.datasetBytes),
      keyId: key.keyId,
      dataset: 'dataset-2.json',
      signature: 'dataset-2.json.sig',
    });
  });

  test('the signature file may end with a newline, as data:publish writes it', async () => {
    expect((await verifyRelease(input(v2, { signature: `${v2.signature}\n` }))).ok).toBe(true);
  });

  test('one changed byte is refused by the checksum', async () => {
    const bytes = v2.datasetBytes.slice();
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    expect(await refusal(input(v2, { datasetBytes: bytes }))).toBe('hash-mismatch');
  });

  test('a truncated file is refused, saying how long it is', async () => {
    const truncated = input(v2, { datasetBytes: v2.datasetBytes.slice(0, 1000) });
    const result = await verifyRelease(truncated);
    expect(result.ok || result.reason).toEqual({
      code: 'hash-mismatch',
      message: `The dataset file is 1000 bytes; its release.json says ${v2.datasetBytes.length}.`,
    });
  });

  test('one changed byte with a manifest rewritten to match is refused by the signature', async () => {
    const bytes = v2.datasetBytes.slice();
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    const manifest = { ...v2.manifest, sha256: await sha256Hex(bytes) };
    expect(await refusal(input(v2, { manifest, datasetBytes: bytes }))).toBe('bad-signature');
  });

  test('a release signed with another key under a trusted key id is refused', async () => {
    const forged = await release(indexJson(2), otherKey);
    const manifest = { ...forged.manifest, keyId: key.keyId };
    expect(await refusal(input(forged, { manifest }))).toBe('bad-signature');
  });

  test('a signature that is not base64 of 64 bytes is refused', async () => {
    expect(await refusal(input(v2, { signature: 'not a signature' }))).toBe('bad-signature');
    expect(await refusal(input(v2, { signature: bytesToBase64(new Uint8Array(63)) }))).toBe(
      'bad-signature',
    );
  });

  test('a key id that is not trusted is refused, prototype names included', async () => {
    const untrusted = await release(indexJson(2), otherKey);
    expect(await refusal(input(untrusted))).toBe('unknown-key');
    for (const keyId of ['constructor', '__proto__', 'toString']) {
      expect(await refusal(input(v2, { manifest: { ...v2.manifest, keyId } }))).toBe('unknown-key');
    }
  });

  test('any of several trusted keys is accepted (rotation)', async () => {
    const byOther = await release(indexJson(2), otherKey);
    expect((await verifyRelease(input(byOther, { trustedKeys: trusting(key, otherKey) }))).ok).toBe(
      true,
    );
  });

  test('a version equal to or lower than the one in use is refused as not newer', async () => {
    expect(await refusal(input(v2, { currentVersion: 2 }))).toBe('not-newer');
    expect(await refusal(input(v2, { currentVersion: 3 }))).toBe('not-newer');
  });

  test('a file over the size limit is refused before anything else', async () => {
    const overLimit = input(v2, { maxBytes: v2.datasetBytes.length - 1, manifest: {} });
    expect(await refusal(overLimit)).toBe('too-large');
    expect((await verifyRelease(input(v2, { maxBytes: v2.datasetBytes.length }))).ok).toBe(true);
  });

  test('a correctly signed file that fails the dataset schema is refused', async () => {
    const invalid = await release(
      indexJson(2, (index) => {
        const first = index.cases[0];
        if (first) first.title = { en: '' };
      }),
      key,
    );
    expect(await refusal(input(invalid))).toBe('invalid-dataset');
  });

  test('a correctly signed file that is not JSON is refused', async () => {
    const notJson = await signRelease({
      datasetBytes: new TextEncoder().encode('{"datasetVersion": 2'),
      datasetVersion: 2,
      published: '2026-11-30',
      key,
    });
    expect(await refusal(input(notJson))).toBe('invalid-dataset');
  });

  test('a manifest whose version is not the dataset’s is refused', async () => {
    const mislabelled = await signRelease({
      datasetBytes: v2.datasetBytes,
      datasetVersion: 3,
      published: v2.manifest.published,
      key,
    });
    expect(await refusal(input(mislabelled))).toBe('manifest-mismatch');
  });

  test('a manifest of the wrong shape or a newer format is refused with its own reason', async () => {
    expect(await refusal(input(v2, { manifest: 'release' }))).toBe('malformed-manifest');
    const { sha256: _dropped, ...withoutHash } = v2.manifest;
    expect(await refusal(input(v2, { manifest: withoutHash }))).toBe('malformed-manifest');
    const elsewhere = { ...v2.manifest, dataset: '../../other/dataset.json' };
    expect(await refusal(input(v2, { manifest: elsewhere }))).toBe('malformed-manifest');
    const newer = { ...v2.manifest, formatVersion: 2 };
    expect(await refusal(input(v2, { manifest: newer }))).toBe('unsupported-format');
  });
});
