/**
 * The publisher's side of a release: signing keys and signed releases. Used by
 * scripts/data-keygen.ts, scripts/data-publish.ts and the tests; never bundled into the
 * extension (nothing under src/ that ships imports it). Pure: WebCrypto only.
 */
import * as v from 'valibot';
import {
  base64ToBytes,
  bytesToBase64,
  datasetFileName,
  keyIdOf,
  RELEASE_FORMAT_VERSION,
  sha256Hex,
  type ReleaseManifest,
} from './release';
import { verifyEd25519 } from './ed25519';

export const SIGNING_KEY_FORMAT = 'footnote-dataset-signing-key-1';

export interface SigningKey {
  readonly keyId: string;
  /** Raw 32-byte public key, base64: what trusted-keys.ts lists. */
  readonly publicKey: string;
  readonly privateKey: CryptoKey;
}

/** The private key file, JSON: also the value of FOOTNOTE_SIGNING_KEY. */
const SigningKeyFileSchema = v.strictObject({
  format: v.literal(SIGNING_KEY_FORMAT),
  keyId: v.string(),
  publicKey: v.string(),
  /** PKCS#8, base64. */
  privateKey: v.string(),
});

export type SigningKeyFile = v.InferOutput<typeof SigningKeyFileSchema>;

export async function generateSigningKey(): Promise<SigningKeyFile> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privateKey = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return {
    format: SIGNING_KEY_FORMAT,
    keyId: await keyIdOf(publicKey),
    publicKey: bytesToBase64(publicKey),
    privateKey: bytesToBase64(privateKey),
  };
}

/**
 * Reads a key file's text. Throws with a readable message when it is not a key file, its id
 * does not match its public key, or its private key does not belong to its public key.
 */
export async function readSigningKey(text: string): Promise<SigningKey> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('The signing key is not JSON (expected the file data:keygen wrote).');
  }
  const parsed = v.safeParse(SigningKeyFileSchema, json);
  if (!parsed.success) throw new Error('The signing key is not a file data:keygen wrote.');
  const file = parsed.output;
  const publicKey = base64ToBytes(file.publicKey);
  const pkcs8 = base64ToBytes(file.privateKey);
  if (publicKey === undefined || pkcs8 === undefined) {
    throw new Error('The signing key file holds a key that is not base64.');
  }
  if ((await keyIdOf(publicKey)) !== file.keyId) {
    throw new Error('The signing key file is inconsistent: its keyId is not its public key’s id.');
  }
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, [
    'sign',
  ]);
  const probe = new TextEncoder().encode(SIGNING_KEY_FORMAT);
  const probeSignature = new Uint8Array(await crypto.subtle.sign('Ed25519', privateKey, probe));
  if (!(await verifyEd25519(publicKey, probeSignature, probe))) {
    throw new Error(
      'The signing key file is inconsistent: its private key is not its public key’s.',
    );
  }
  return { keyId: file.keyId, publicKey: file.publicKey, privateKey };
}

export interface SignedRelease {
  readonly manifest: ReleaseManifest;
  readonly datasetBytes: Uint8Array<ArrayBuffer>;
  /** Base64 signature: the content of the signature file. */
  readonly signature: string;
}

/**
 * Signs `datasetBytes` as they are. The version and date are given, not read from the bytes, so
 * a test can sign anything; scripts/data-publish.ts takes them from the checked dataset.
 */
export async function signRelease(release: {
  readonly datasetBytes: Uint8Array<ArrayBuffer>;
  readonly datasetVersion: number;
  readonly published: string;
  readonly key: SigningKey;
}): Promise<SignedRelease> {
  const { datasetBytes, datasetVersion, published, key } = release;
  const signature = new Uint8Array(
    await crypto.subtle.sign('Ed25519', key.privateKey, datasetBytes),
  );
  const dataset = datasetFileName(datasetVersion);
  return {
    manifest: {
      formatVersion: RELEASE_FORMAT_VERSION,
      datasetVersion,
      published,
      size: datasetBytes.length,
      sha256: await sha256Hex(datasetBytes),
      keyId: key.keyId,
      dataset,
      signature: `${dataset}.sig`,
    },
    datasetBytes,
    signature: bytesToBase64(signature),
  };
}
