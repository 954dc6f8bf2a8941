/**
 * Decides whether a downloaded dataset release may be used. Pure (WebCrypto only), so the same
 * code runs in the extension and in the publisher's self-check. Nothing from the download is
 * trusted before the signature verifies: the manifest only says which key to try and what to
 * expect, and every claim in it is checked against the signed bytes.
 */
import * as v from 'valibot';
import { parseCompiledIndex, type CompiledIndex } from '../dataset/compiled';
import { verifyEd25519 } from './ed25519';
import {
  base64ToBytes,
  RELEASE_FORMAT_VERSION,
  ReleaseManifestSchema,
  sha256Hex,
  type ReleaseManifest,
  type TrustedKeys,
} from './release';

/** Why a release was refused. `code` is stable (the options page localises by it). */
export const REFUSAL_CODES = [
  'too-large',
  'malformed-manifest',
  'unsupported-format',
  'hash-mismatch',
  'unknown-key',
  'bad-signature',
  'invalid-dataset',
  'manifest-mismatch',
  'not-newer',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface UpdateRefusal {
  readonly code: RefusalCode;
  readonly message: string;
}

export type VerifyResult =
  | { readonly ok: true; readonly index: CompiledIndex }
  | { readonly ok: false; readonly reason: UpdateRefusal };

export interface ReleaseToVerify {
  /** release.json as parsed JSON, not yet validated. */
  readonly manifest: unknown;
  /** The dataset file exactly as downloaded. */
  readonly datasetBytes: Uint8Array<ArrayBuffer>;
  /** The signature file's text: base64, surrounding whitespace allowed. */
  readonly signature: string;
  readonly trustedKeys: TrustedKeys;
  /** Version of the dataset in use; only a higher one is accepted (0 when none is usable). */
  readonly currentVersion: number;
  readonly maxBytes: number;
}

export function tooLarge(size: number, maxBytes: number): UpdateRefusal {
  return {
    code: 'too-large',
    message: `The update is ${size} bytes, over the limit of ${maxBytes} bytes.`,
  };
}

export function notNewer(offered: number, inUse: number): UpdateRefusal {
  return {
    code: 'not-newer',
    message:
      offered === inUse
        ? `The update server offers version ${offered}, the version already in use.`
        : `The update server offers version ${offered}, older than version ${inUse} in use.`,
  };
}

/** Validates release.json: its format version first, so a newer format gets a clear refusal. */
export function parseReleaseManifest(
  json: unknown,
): { ok: true; manifest: ReleaseManifest } | { ok: false; reason: UpdateRefusal } {
  const formatVersion =
    typeof json === 'object' && json !== null
      ? (json as { formatVersion?: unknown }).formatVersion
      : undefined;
  if (typeof formatVersion === 'number' && formatVersion !== RELEASE_FORMAT_VERSION) {
    return {
      ok: false,
      reason: {
        code: 'unsupported-format',
        message: `The update uses release format ${formatVersion}; this version of Footnote reads format ${RELEASE_FORMAT_VERSION}.`,
      },
    };
  }
  const result = v.safeParse(ReleaseManifestSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = (issue && v.getDotPath(issue)) ?? '(root)';
    return {
      ok: false,
      reason: {
        code: 'malformed-manifest',
        message: `The update's release.json is not valid (${where}: ${issue?.message ?? 'invalid'}).`,
      },
    };
  }
  return { ok: true, manifest: result.output };
}

export async function verifyRelease(release: ReleaseToVerify): Promise<VerifyResult> {
  const refuse = (reason: UpdateRefusal): VerifyResult => ({ ok: false, reason });
  const { datasetBytes, maxBytes } = release;

  if (datasetBytes.length > maxBytes) return refuse(tooLarge(datasetBytes.length, maxBytes));

  const parsed = parseReleaseManifest(release.manifest);
  if (!parsed.ok) return refuse(parsed.reason);
  const { manifest } = parsed;

  if (datasetBytes.length !== manifest.size) {
    return refuse({
      code: 'hash-mismatch',
      message: `The dataset file is ${datasetBytes.length} bytes; its release.json says ${manifest.size}.`,
    });
  }
  if ((await sha256Hex(datasetBytes)) !== manifest.sha256) {
    return refuse({
      code: 'hash-mismatch',
      message: 'The dataset file does not match the checksum in its release.json.',
    });
  }

  // Own properties only: a key id such as "constructor" must not reach Object.prototype.
  const trustedKey = Object.hasOwn(release.trustedKeys, manifest.keyId)
    ? release.trustedKeys[manifest.keyId]
    : undefined;
  if (trustedKey === undefined) {
    return refuse({
      code: 'unknown-key',
      message: `The update is signed with key "${manifest.keyId}", which this version of Footnote does not trust.`,
    });
  }
  const publicKey = base64ToBytes(trustedKey);
  const signature = base64ToBytes(release.signature.trim());
  if (
    publicKey === undefined ||
    signature === undefined ||
    !(await verifyEd25519(publicKey, signature, datasetBytes))
  ) {
    return refuse({
      code: 'bad-signature',
      message: `The update's signature does not verify with key "${manifest.keyId}": it was changed after signing or not signed by that key.`,
    });
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(datasetBytes));
  } catch (error) {
    return refuse({
      code: 'invalid-dataset',
      message: `The update's dataset is not valid JSON: ${(error as Error).message}`,
    });
  }
  const index = parseCompiledIndex(json);
  if (!index.ok) return refuse({ code: 'invalid-dataset', message: index.error });

  const { datasetVersion, published } = index.index;
  if (datasetVersion !== manifest.datasetVersion || published !== manifest.published) {
    return refuse({
      code: 'manifest-mismatch',
      message: `The dataset is version ${datasetVersion} of ${published}; its release.json says version ${manifest.datasetVersion} of ${manifest.published}.`,
    });
  }
  if (datasetVersion <= release.currentVersion) {
    return refuse(notNewer(datasetVersion, release.currentVersion));
  }
  return { ok: true, index: index.index };
}
