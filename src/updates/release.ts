/**
 * The format of a dataset release, shared by the publisher (scripts/data-publish.ts) and the
 * extension (verify.ts). Pure: WebCrypto and web globals only, no browser extension or Node APIs.
 *
 * A release is three files in one directory (the update URL):
 * - `release.json`: the manifest (ReleaseManifest), written last, so a reader never sees a
 *   manifest naming files that are not there yet.
 * - `dataset-<version>.json`: the compiled index, exactly the bytes that were signed.
 * - `dataset-<version>.json.sig`: the detached Ed25519 signature over those bytes, in base64.
 * The dataset and signature files carry the version in their names, so uploading a new release
 * never changes a file an earlier manifest names: a reader mid-upload still gets a matching set.
 * The manifest itself is not signed; everything in it is checked against the signed bytes.
 */
import * as v from 'valibot';
import { FullDate } from '../dataset/schema';

export const RELEASE_FORMAT_VERSION = 1;
export const RELEASE_MANIFEST_FILE = 'release.json';
/**
 * The largest dataset file the extension downloads. storage.local holds 10 MiB in Chrome without
 * the unlimitedStorage permission; the shipped dataset is well under 100 KiB.
 */
export const MAX_DATASET_BYTES = 4 * 1024 * 1024;

/** Trusted public keys: key id → raw 32-byte Ed25519 public key in base64. */
export type TrustedKeys = Readonly<Record<string, string>>;

export function datasetFileName(datasetVersion: number): string {
  return `dataset-${datasetVersion}.json`;
}

// A plain file name in the update directory: the manifest cannot send the reader anywhere else.
const FileName = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u));
const Positive = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

export const ReleaseManifestSchema = v.object({
  formatVersion: v.literal(RELEASE_FORMAT_VERSION),
  datasetVersion: Positive,
  published: FullDate,
  /** Length in bytes of the dataset file. */
  size: Positive,
  /** SHA-256 of the dataset file, lowercase hex. */
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/u)),
  /** Which trusted key signed it (keyIdOf its public key). */
  keyId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/u)),
  dataset: FileName,
  signature: FileName,
});

export type ReleaseManifest = v.InferOutput<typeof ReleaseManifestSchema>;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Strict base64 (no whitespace, correct padding); undefined for anything else. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/u.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A key's id is derived from the key, so an id in trusted-keys.ts can be checked against its key
 * and two keys never share an id.
 */
export async function keyIdOf(publicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  return `ed25519-${(await sha256Hex(publicKey)).slice(0, 16)}`;
}
