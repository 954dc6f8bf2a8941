/**
 * Dataset updates: fetches signed releases from the update URL, keeps the newest verified one in
 * storage.local, and decides which dataset lookups use — the stored update or the bundled one,
 * whichever is newer. The bundled dataset is the floor: a stored update that is not newer than
 * it (after the extension itself was updated) or no longer validates is dropped.
 *
 * URL layout: the update URL is a directory. `<url>/release.json` is the manifest; it names the
 * dataset and signature files, fetched from the same directory (src/updates/release.ts).
 *
 * Browser APIs come in at the constructor (storage area, fetch, clock), so the updater is tested
 * in Node; a new instance over the same storage is what a restarted worker sees.
 */
import * as v from 'valibot';
import { parseHttpUrl } from '../http-url';
import type { Alarms, Storage } from 'webextension-polyfill';
import { parseCompiledIndex, type CompiledIndex } from '../dataset/compiled';
import { RELEASE_MANIFEST_FILE, type TrustedKeys } from '../updates/release';
import {
  notNewer,
  parseReleaseManifest,
  REFUSAL_CODES,
  tooLarge,
  verifyRelease,
} from '../updates/verify';
import {
  FETCH_FAILURE_CODES,
  type DatasetError,
  type DatasetSource,
  type UpdateFailure,
  type UpdateStatus,
} from '../messages';
import type { DatasetState } from './dataset';

/** The accepted update: `{ datasetVersion, published, keyId, acceptedAt, json }`. */
export const UPDATE_KEY = 'datasetUpdate';
/** The outcome of the last check: `{ at, failure? }`. */
export const UPDATE_CHECK_KEY = 'datasetUpdate.lastCheck';
export const UPDATE_ALARM = 'dataset-update';
export const UPDATE_PERIOD_MINUTES = 12 * 60;

// A hung server must not hold up "Check now" (checks run one after another).
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_MANIFEST_BYTES = 16 * 1024;
const MAX_SIGNATURE_BYTES = 1024;

const UPDATE_FAILURE_CODES = [...REFUSAL_CODES, ...FETCH_FAILURE_CODES] as const;

export type DatasetInUse =
  | { readonly ok: true; readonly index: CompiledIndex; readonly source: DatasetSource }
  | { readonly ok: false; readonly error: DatasetError };

/** The part of `fetch` the updater uses; the global `fetch` fits. */
export type UpdateFetch = (
  url: string,
  init: { credentials: 'omit'; cache: 'no-store'; signal: AbortSignal },
) => Promise<{
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

export interface UpdaterDeps {
  /** storage.local: an update is bigger than storage.sync allows, and must outlive sessions. */
  readonly area: Storage.StorageArea;
  readonly fetch: UpdateFetch;
  readonly now: () => number;
  readonly trustedKeys: TrustedKeys;
  /** The bundled dataset (DatasetStore.current). */
  readonly bundled: () => Promise<DatasetState>;
  /** Largest dataset file accepted (MAX_DATASET_BYTES from src/updates/release.ts). */
  readonly maxBytes: number;
  /** Store builds: plain http is refused (only the local build's tests serve updates over it). */
  readonly httpsOnly: boolean;
}

const StoredUpdateSchema = v.object({
  datasetVersion: v.number(),
  published: v.string(),
  keyId: v.string(),
  acceptedAt: v.number(),
  json: v.string(),
});

const LastCheckSchema = v.object({
  at: v.number(),
  failure: v.optional(
    v.object({
      code: v.picklist(UPDATE_FAILURE_CODES),
      params: v.optional(v.record(v.string(), v.string())),
      message: v.string(),
    }),
  ),
});

type LastCheck = v.InferOutput<typeof LastCheckSchema>;

export class Updater {
  private inUse: Promise<DatasetInUse> | undefined;
  // Reading and rewriting UPDATE_KEY run one at a time, so a load that drops an outdated update
  // never deletes one a check has just stored.
  private storageTurn: Promise<unknown> = Promise.resolve();
  private checks: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: UpdaterDeps) {}

  /** The dataset to use: the stored update if newer than the bundled one. Never rejects. */
  current(): Promise<DatasetInUse> {
    this.inUse ??= this.load();
    return this.inUse;
  }

  async status(): Promise<UpdateStatus> {
    const [inUse, lastCheck] = await Promise.all([this.current(), this.readLastCheck()]);
    return {
      ...(inUse.ok && {
        inUse: {
          datasetVersion: inUse.index.datasetVersion,
          published: inUse.index.published,
          source: inUse.source,
        },
      }),
      ...(lastCheck && { lastCheckedAt: lastCheck.at }),
      ...(lastCheck?.failure && { lastFailure: lastCheck.failure }),
    };
  }

  /**
   * Looks for a newer release at `updateUrl` and, if one verifies, stores it and uses it from
   * the next lookup on. Any failure is recorded and changes nothing else. Calls run one after
   * another.
   */
  check(updateUrl: string | undefined): Promise<UpdateStatus> {
    const run = this.checks.then(async () => {
      const failure = await this.attempt(updateUrl);
      const lastCheck: LastCheck = { at: this.deps.now(), ...(failure && { failure }) };
      try {
        await this.deps.area.set({ [UPDATE_CHECK_KEY]: lastCheck });
      } catch {
        // Only the status line is lost; the dataset in use is what matters.
      }
      return this.status();
    });
    this.checks = run.catch(() => undefined);
    return run;
  }

  /** Undefined when the check succeeded: a newer release was stored, or there was none. */
  private async attempt(updateUrl: string | undefined): Promise<UpdateFailure | undefined> {
    if (updateUrl === undefined || updateUrl.trim() === '') {
      return { code: 'not-configured', message: 'No update address is set.' };
    }
    const directory = updateDirectory(updateUrl);
    if (directory === undefined) {
      return {
        code: 'bad-url',
        message: 'The update address must be a web address starting with http:// or https://.',
      };
    }
    if (this.deps.httpsOnly && directory.protocol !== 'https:') {
      return { code: 'not-https', message: 'The update address must start with https://.' };
    }

    const inUse = await this.current();
    const currentVersion = inUse.ok ? inUse.index.datasetVersion : 0;

    const manifestFile = await this.download(
      new URL(RELEASE_MANIFEST_FILE, directory),
      MAX_MANIFEST_BYTES,
    );
    if (!manifestFile.ok) return manifestFile.failure;
    let manifestJson: unknown;
    try {
      manifestJson = JSON.parse(
        new TextDecoder('utf-8', { fatal: true }).decode(manifestFile.bytes),
      );
    } catch {
      return {
        code: 'malformed-manifest',
        message: "The update's release.json is not JSON.",
      };
    }
    const manifest = parseReleaseManifest(manifestJson);
    if (!manifest.ok) return manifest.reason;
    // Decided from the (unsigned) manifest only to save downloads; nothing is accepted from it.
    const offered = manifest.manifest.datasetVersion;
    if (offered === currentVersion) return undefined;
    if (offered < currentVersion) return notNewer(offered, currentVersion);
    if (manifest.manifest.size > this.deps.maxBytes) {
      return tooLarge(manifest.manifest.size, this.deps.maxBytes);
    }

    const datasetFile = await this.download(
      new URL(manifest.manifest.dataset, directory),
      this.deps.maxBytes,
    );
    if (!datasetFile.ok) return datasetFile.failure;
    const signatureFile = await this.download(
      new URL(manifest.manifest.signature, directory),
      MAX_SIGNATURE_BYTES,
    );
    if (!signatureFile.ok) return signatureFile.failure;

    const verified = await verifyRelease({
      manifest: manifestJson,
      datasetBytes: datasetFile.bytes,
      // Not fatal: a signature file that is not text simply fails to verify.
      signature: new TextDecoder().decode(signatureFile.bytes),
      trustedKeys: this.deps.trustedKeys,
      currentVersion,
      maxBytes: this.deps.maxBytes,
    });
    if (!verified.ok) return verified.reason;

    const { index } = verified;
    const stored: v.InferOutput<typeof StoredUpdateSchema> = {
      datasetVersion: index.datasetVersion,
      published: index.published,
      keyId: manifest.manifest.keyId,
      acceptedAt: this.deps.now(),
      json: new TextDecoder().decode(datasetFile.bytes),
    };
    try {
      await this.inStorageTurn(() => this.deps.area.set({ [UPDATE_KEY]: stored }));
    } catch (error) {
      return {
        code: 'storage-failed',
        message: `The update verified but could not be stored: ${String(error)}`,
      };
    }
    this.inUse = Promise.resolve({ ok: true, index, source: 'update' });
    return undefined;
  }

  private async download(
    url: URL,
    limit: number,
  ): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; failure: UpdateFailure }> {
    // Called unbound: browsers throw "Illegal invocation" for fetch called as a method.
    const { fetch } = this.deps;
    const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    try {
      const response = await fetch(url.href, {
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (!response.ok) {
        return {
          ok: false,
          failure: {
            code: 'http-error',
            params: { status: String(response.status) },
            message: `The update server answered ${response.status} for ${name}.`,
          },
        };
      }
      const bytes = await readAtMost(response, limit);
      if (bytes === undefined) {
        return {
          ok: false,
          failure: {
            code: 'too-large',
            message: `The update server sent more than ${limit} bytes for ${name}.`,
          },
        };
      }
      return { ok: true, bytes };
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
        return {
          ok: false,
          failure: {
            code: 'timeout',
            message: `The update server did not send ${name} within ${REQUEST_TIMEOUT_MS / 1000} seconds.`,
          },
        };
      }
      return {
        ok: false,
        failure: { code: 'unreachable', message: `Could not reach the update server for ${name}.` },
      };
    }
  }

  private async load(): Promise<DatasetInUse> {
    let bundled: DatasetState;
    try {
      bundled = await this.deps.bundled();
    } catch {
      bundled = { ok: false, error: { code: 'unreadable' } };
    }
    const fromBundle: DatasetInUse = bundled.ok
      ? { ok: true, index: bundled.index, source: 'bundled' }
      : bundled;
    try {
      return await this.inStorageTurn(async () => {
        const raw: unknown = (await this.deps.area.get(UPDATE_KEY))[UPDATE_KEY];
        if (raw === undefined) return fromBundle;
        const update = readStoredUpdate(raw);
        const floor = bundled.ok ? bundled.index.datasetVersion : 0;
        if (update !== undefined && update.datasetVersion > floor) {
          return { ok: true, index: update, source: 'update' };
        }
        await this.deps.area.remove(UPDATE_KEY);
        return fromBundle;
      });
    } catch {
      // Storage unreadable: the bundled dataset still works.
      return fromBundle;
    }
  }

  private async readLastCheck(): Promise<LastCheck | undefined> {
    try {
      const raw: unknown = (await this.deps.area.get(UPDATE_CHECK_KEY))[UPDATE_CHECK_KEY];
      const parsed = v.safeParse(LastCheckSchema, raw);
      return parsed.success ? parsed.output : undefined;
    } catch {
      return undefined;
    }
  }

  private inStorageTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = this.storageTurn.then(task);
    this.storageTurn = run.catch(() => undefined);
    return run;
  }
}

/** The stored update's index, validated again; undefined when it does not validate. */
function readStoredUpdate(raw: unknown): CompiledIndex | undefined {
  const stored = v.safeParse(StoredUpdateSchema, raw);
  if (!stored.success) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(stored.output.json);
  } catch {
    return undefined;
  }
  const parsed = parseCompiledIndex(json);
  return parsed.ok ? parsed.index : undefined;
}

/**
 * The update URL as a directory URL (trailing slash added, credentials dropped; files resolved
 * against it lose its query and fragment), or undefined if it is not http(s).
 */
export function updateDirectory(updateUrl: string): URL | undefined {
  const url = parseHttpUrl(updateUrl);
  if (url === undefined) return undefined;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The body, or undefined as soon as it is longer than `limit` bytes. */
async function readAtMost(
  response: Awaited<ReturnType<UpdateFetch>>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) return undefined;
  if (response.body === null) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > limit ? undefined : bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Asks for a check about every 12 hours. The first comes after a random 6 to 18 hours, so
 * readers who installed together do not all call the server at once. An existing alarm is kept:
 * calling this on every worker start does not push the next check back.
 */
export async function scheduleUpdateChecks(
  alarms: Pick<Alarms.Static, 'create' | 'get'>,
  random: () => number,
): Promise<void> {
  if (await alarms.get(UPDATE_ALARM)) return;
  await alarms.create(UPDATE_ALARM, {
    delayInMinutes: Math.round(UPDATE_PERIOD_MINUTES * (0.5 + random())),
    periodInMinutes: UPDATE_PERIOD_MINUTES,
  });
}
