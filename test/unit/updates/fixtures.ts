/**
 * Releases for the update tests, made from the shipped dataset (data/) with keys generated per
 * test run: the project's real private keys are never needed.
 */
import { buildCompiledIndexJson } from '../../../scripts/dataset-files';
import type { CompiledIndex } from '../../../src/dataset/compiled';
import type { TrustedKeys } from '../../../src/updates/release';
import {
  generateSigningKey,
  readSigningKey,
  signRelease,
  type SignedRelease,
  type SigningKey,
} from '../../../src/updates/sign';

let shipped: string | undefined;

/** The compiled index of data/, as the build makes it. */
export function shippedJson(): string {
  if (shipped === undefined) {
    const { json, problems } = buildCompiledIndexJson();
    if (problems.length > 0) throw new Error(`data/ has problems: ${problems[0]?.message}`);
    shipped = json;
  }
  return shipped;
}

export function shippedIndex(): CompiledIndex {
  return JSON.parse(shippedJson()) as CompiledIndex;
}

/** The shipped index re-serialized as another version, optionally changed further. */
export function indexJson(datasetVersion: number, edit?: (index: CompiledIndex) => void): string {
  const index = { ...shippedIndex(), datasetVersion };
  edit?.(index);
  return JSON.stringify(index);
}

export async function newKey(): Promise<SigningKey> {
  return readSigningKey(JSON.stringify(await generateSigningKey()));
}

export function trusting(...keys: SigningKey[]): TrustedKeys {
  return Object.fromEntries(keys.map((k) => [k.keyId, k.publicKey]));
}

/** A release of `json`, signed with `key`; version and date are read from the JSON. */
export async function release(json: string, key: SigningKey): Promise<SignedRelease> {
  const { datasetVersion, published } = JSON.parse(json) as CompiledIndex;
  return signRelease({
    datasetBytes: new TextEncoder().encode(json),
    datasetVersion,
    published,
    key,
  });
}
